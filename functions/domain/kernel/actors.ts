import { forbidden } from './errors.ts';

/**
 * Who is calling. Always taken from verified credentials (graphql/context.ts), never from
 * arguments: the tenant a request works in is `actor.tenantId`, full stop.
 *
 * An `analyst` is a partner analytics app: an API key with ANALYTICS_READ called without a person.
 * It acts for no one and reaches aggregated figures only (graphql/partnerAccess.ts lets it call
 * nothing else; the visibility map's AGGREGATE class is the only one it reads).
 */
export type Role = 'operator' | 'manager' | 'participant' | 'analyst';

export interface Actor {
  /** Stable subject of the credential (a user id, or `key:<id>` for a partner key). */
  id: string;
  role: Role;
  /** The tenant the credential belongs to; null only for platform operators. */
  tenantId: string | null;
  /** For participants: the person they are. */
  personId: string | null;
  /** Set when a partner app calls with an API key: what the key allows (graphql/partnerAccess.ts enforces the scopes). */
  key?: PartnerKey;
}

export interface PartnerKey {
  id: string;
  scopes: readonly string[];
  /** Null: every program of the tenant. */
  programId: string | null;
}

/** Whether the actor may reach a program: a key restricted to one program reaches only that one. */
export const reachesProgram = (actor: Actor, programId: string): boolean => !actor.key?.programId || actor.key.programId === programId;

/** What every domain call receives: who, in which tenant, and when (the clock is injected). */
export interface Scope {
  tenantId: string;
  actor: Actor;
  now: Date;
}

export function requireRole(actor: Actor, action: string, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) throw forbidden(action);
}

/** Operators act on the platform; managers and participants inside their own tenant. */
export function tenantScope(actor: Actor, now: Date, action: string): Scope {
  if (actor.tenantId === null) throw forbidden(action);
  return { tenantId: actor.tenantId, actor, now };
}
