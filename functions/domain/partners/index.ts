/** The face of partners/: what the other layers use. */
export * from './apiKeys.ts';
export * from './rateLimits.ts';
