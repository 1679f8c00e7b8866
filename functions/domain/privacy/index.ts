/** The face of privacy/: what the other layers use. */
export * from './personalData.ts';
