/** The face of tenancy/: what the other layers use. */
export * from './operations.ts';
export * from './reads.ts';
export * from './tenants.ts';
