/** Retention and exit insights (issue #21, ADR 0049): HR facts, the exit-reason taxonomy, the figures and the snapshot. */
export * from '#domain/people/employment.ts';
export * from '#domain/people/exitReasons.ts';
export * from './km.ts';
export * from './retention.ts';
export * from './service.ts';
