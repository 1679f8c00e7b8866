import DataLoader from 'dataloader';
import type { RetentionSnapshot } from '#domain/insights/index.ts';
import type { Actor, Scope } from '#domain/kernel/actors.ts';
import { DomainError, ErrorCode } from '#domain/kernel/errors.ts';
import { actionScope } from '#domain/kernel/visibility.ts';
import { emptyStats, type ProgramStats } from '#domain/mentorships/analytics.ts';
import { parseApiKey } from '#domain/partners/apiKeys.ts';
import { takeCallerTokens } from '#domain/partners/rateLimits.ts';
import type { Enrolment, Person } from '#domain/people/people.ts';
import type { Program } from '#domain/programs/programs.ts';
import type { Tenant } from '#domain/tenancy/tenants.ts';
import type { Logger } from '#lib/log.ts';
import type { Services } from '../serviceTypes.ts';
import type { Verifier } from './auth.ts';
import type { CursorSeal } from './cursors.ts';
import type { Locale } from './messages.ts';
import { partnerActor } from './partnerAuth.ts';

/** What the GraphQL server runs on: the jobs' services, its credentials checker and its cursor seal. */
export type ServerServices = Services & { verifier: Verifier; cursors: CursorSeal };

/**
 * The domain's ports: the stores, clock, id source and queue that domain functions are given. A
 * resolver passes them to a domain call and never calls one itself (test/unit/architecture.test.ts);
 * the store client, the credentials and the callers' buckets stay with the server.
 */
export type DomainPorts = Omit<Services, 'client' | 'callerRates' | 'callerLimits' | 'isLocal' | 'log'>;

/** What every resolver receives. Built per request, only from verified credentials. */
export interface Context {
  /** What domain calls are given; the domain decides who may do what (kernel/visibility.ts `ACCESS`). */
  ports: DomainPorts;
  actor: Actor;
  /** The caller's tenant, checked to exist; null for operators. */
  tenant: Tenant | null;
  locale: Locale;
  requestId: string;
  /**
   * The caller's scope for a domain call: FORBIDDEN for an operator acting outside a tenant, and for
   * a role the domain does not allow the action (kernel/visibility.ts `ACCESS`). Asked before the
   * arguments' ids are read, so a caller without the role hears FORBIDDEN whatever id they send.
   */
  scope(action: string): Scope;
  loaders: ReturnType<typeof createLoaders>;
  /** GraphQL's own: the cursor seal of connections and the request's log. */
  cursors: CursorSeal;
  log: Logger;
}

function createLoaders(services: Services, tenantId: string | null) {
  const inTenant = (): string => {
    if (tenantId === null) throw new DomainError(ErrorCode.FORBIDDEN, 'auth.forbidden', { action: 'read tenant data' });
    return tenantId;
  };
  return {
    person: new DataLoader<string, Person | null>(async (ids) => {
      const found = await services.people.getPeople(inTenant(), ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    program: new DataLoader<string, Program | null>(async (ids) => {
      const found = await services.programs.getPrograms(inTenant(), ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    enrolments: new DataLoader<string, Enrolment[]>(async (personIds) => {
      const found = await services.people.enrolmentsOfMany(inTenant(), personIds);
      return personIds.map((id) => found.get(id) ?? []);
    }),
    programStats: new DataLoader<string, ProgramStats>(async (ids) => {
      const found = await services.programs.statsOf(inTenant(), ids);
      return ids.map((id) => found.get(id) ?? emptyStats(id));
    }),
    /** The tenant's retention snapshot, read once per request however many fields ask. */
    retentionSnapshot: new DataLoader<string, RetentionSnapshot | null>((tenantIds) =>
      Promise.all(tenantIds.map((id) => services.insights.getSnapshot(id))),
    ),
  };
}

/** Tenants change rarely; a container remembers the ones it has seen for a minute. */
const TENANT_TTL_MS = 60_000;
const tenantCache = new Map<string, { tenant: Tenant; until: number }>();

/** After a change, this container reads the tenant afresh (others within a minute). */
export const forgetTenant = (tenantId: string): void => {
  tenantCache.delete(tenantId);
};

async function knownTenant(services: Services, tenantId: string): Promise<Tenant> {
  const now = Date.now();
  const cached = tenantCache.get(tenantId);
  if (cached && cached.until > now) return cached.tenant;
  const tenant = await services.tenants.getTenant(tenantId);
  if (!tenant) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'auth.unknownTenant');
  tenantCache.set(tenantId, { tenant, until: now + TENANT_TTL_MS });
  return tenant;
}

export interface RequestFacts {
  authorization: string | undefined;
  /** A partner app's key (`X-Api-Key`) and the participant it acts for (`X-Kindling-Person`). */
  apiKey?: string | undefined;
  actingFor?: string | undefined;
  locale: Locale;
  requestId: string;
}

/**
 * One credential per request: a bearer token (console, participants' own apps) or a partner API key.
 * A key names its tenant: the request is bound to that tenant before the key is looked up, so even
 * the lookup runs with the tenant's credentials (AWS: the tenant role), never the function's own.
 */
function authenticate(services: ServerServices, facts: RequestFacts): Promise<Actor> {
  if (facts.apiKey === undefined) return services.verifier(facts.authorization);
  if (facts.authorization !== undefined) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'auth.twoCredentials');
  const claimed = parseApiKey(facts.apiKey);
  if (claimed) services.client.bindTenant(claimed.tenantId);
  return partnerActor(services, facts.apiKey, facts.actingFor, services.clock());
}

/** Authentication happens here and nowhere else: no resolver runs for a caller without valid credentials. */
export async function createContext(services: ServerServices, facts: RequestFacts): Promise<Context> {
  const actor = await authenticate(services, facts);
  // From here on this request's DynamoDB calls carry the caller's tenant (AWS: its scoped role).
  services.client.bindTenant(actor.tenantId);
  // Bearer tokens are limited per person and per tenant; a partner key was limited by its own bucket.
  const limited =
    actor.key || !services.callerLimits
      ? undefined
      : takeCallerTokens(services.callerRates, services.callerLimits, actor, services.clock());
  const [tenant] = await Promise.all([actor.tenantId === null ? null : knownTenant(services, actor.tenantId), limited]);
  return {
    ports: services,
    actor,
    tenant,
    locale: facts.locale,
    requestId: facts.requestId,
    scope: (action) => actionScope(actor, services.clock(), action),
    loaders: createLoaders(services, actor.tenantId),
    cursors: services.cursors,
    log: services.log,
  };
}
