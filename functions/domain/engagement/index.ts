/** The face of engagement/: what the other layers use. */
export * from './attention.ts';
export * from './endpoints.ts';
export * from './outbox.ts';
export * from './planning.ts';
export * from './reads.ts';
export * from './templates.ts';
export * from './webhooks.ts';
