/** The face of matching/: what the other layers use. */
export * from './assignment.ts';
export * from './candidates.ts';
export * from './compiled.ts';
export * from './discovery.ts';

export * from './exact.ts';
export * from './explain.ts';
export * from './instance.ts';
export * from './peer.ts';
export * from './peerPlan.ts';

export * from './plan.ts';
export * from './reads.ts';
export * from './run.ts';
export * from './scoring.ts';
export * from './types.ts';
