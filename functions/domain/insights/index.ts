/** Retention and exit insights (issue #21, ADR 0049): HR facts, the exit-reason taxonomy, the figures and the snapshot. */
export * from './employment.ts';
export * from './km.ts';
export * from './retention.ts';
export * from './service.ts';
export * from './taxonomy.ts';
