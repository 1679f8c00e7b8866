/** The face of kernel/: what the other layers use. */
export * from './actors.ts';
export * from './audit.ts';
export * from './errors.ts';
export * from './idempotency.ts';
export * from './jobs.ts';
export * from './names.ts';
export * from './pages.ts';
export * from './validation.ts';
export * from './visibility.ts';
