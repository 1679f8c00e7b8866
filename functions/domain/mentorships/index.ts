/** The face of mentorships/: what the other layers use. */
export * from './analytics.ts';
export * from './circles.ts';
export * from './feedback.ts';
export * from './health.ts';
export * from './pairImports.ts';
export * from './pairs.ts';
export * from './proposals.ts';
export * from './reads.ts';
export * from './requests.ts';
