/** The face of programs/: what the other layers use. */
export * from './auditLog.ts';
export * from './engagementSettings.ts';
export * from './focusAreas.ts';
export * from './kinds.ts';

export * from './programs.ts';
export * from './reads.ts';
