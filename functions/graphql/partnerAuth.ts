import { type Actor, reachesProgram } from '#domain/kernel/actors.ts';
import { DomainError, ErrorCode } from '#domain/kernel/errors.ts';
import {
  ANALYTICS_SCOPE,
  type ApiKeyStore,
  keyStatus,
  parseApiKey,
  type RateLimiter,
  rateLimited,
  secretMatches,
} from '#domain/partners/apiKeys.ts';
import type { PeopleStore } from '#domain/people/people.ts';
import { parseGlobalId } from './ids.ts';

interface Deps {
  apiKeys: ApiKeyStore & RateLimiter;
  people: PeopleStore;
}

const unauthenticated = (key: 'auth.invalid' | 'auth.keyNeedsPerson', params: Record<string, string> = {}) =>
  new DomainError(ErrorCode.UNAUTHENTICATED, key, params);

/**
 * A partner app's API key, acting for one participant named in `X-Kindling-Person`. The tenant
 * comes from the key, and only counts once the secret matches the hash stored in that tenant: a
 * key whose tenant part was changed is simply not found there. Then the key's rate limit is taken
 * (RATE_LIMITED with a retry-after when spent). ADR 0027.
 *
 * Without `X-Kindling-Person`, a key with ANALYTICS_READ acts for no one: an `analyst` that
 * partnerAccess.ts lets call only the aggregated figures (ADR 0068); any other key needs a person.
 */
export async function partnerActor(deps: Deps, presented: string, actingFor: string | undefined, now: Date): Promise<Actor> {
  const parsed = parseApiKey(presented);
  if (!parsed) throw unauthenticated('auth.invalid');
  const person = actingFor ? parseGlobalId(actingFor.trim()) : null;
  const personId = person?.type === 'Person' ? person.id : null;
  const [key, found, enrolments] = await Promise.all([
    deps.apiKeys.findApiKey(parsed.tenantId, parsed.keyId),
    personId ? deps.people.getPerson(parsed.tenantId, personId) : null,
    personId ? deps.people.enrolmentsOfMany(parsed.tenantId, [personId]) : null,
  ]);
  if (!key || !secretMatches(key, parsed.secret)) throw unauthenticated('auth.invalid');
  const status = keyStatus(key, now);
  if (status === 'REVOKED' || status === 'EXPIRED') throw new DomainError(ErrorCode.UNAUTHENTICATED, 'auth.keyEnded', { status });
  const decision = await deps.apiKeys.take(key.tenantId, key.id, key.rateLimit, now);
  if (!decision.allowed) throw rateLimited(decision.retryAfterMs);
  const grant = { id: key.id, scopes: key.scopes, programId: key.programId };
  if (!actingFor && key.scopes.includes(ANALYTICS_SCOPE)) {
    return { id: `key:${key.id}`, role: 'analyst', tenantId: key.tenantId, personId: null, key: grant };
  }
  const actor: Actor = {
    id: `key:${key.id}`,
    role: 'participant',
    tenantId: key.tenantId,
    personId: found?.id ?? null,
    key: grant,
  };
  const enrolled = (enrolments?.get(personId ?? '') ?? []).some((e) => e.status !== 'WITHDRAWN' && reachesProgram(actor, e.programId));
  if (!found || !enrolled) throw unauthenticated('auth.keyNeedsPerson');
  return actor;
}
