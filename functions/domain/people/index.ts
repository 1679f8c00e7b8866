/** The face of people/: what the other layers use. */
export * from './employment.ts';
export * from './exitReasons.ts';
export * from './exports.ts';
export * from './importJobs.ts';
export * from './imports.ts';
export * from './people.ts';
export * from './reads.ts';
