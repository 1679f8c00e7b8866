import type { Actor } from '#domain/kernel/actors.ts';
import { type RateDecision, type RateLimit, rateLimited } from './apiKeys.ts';

/**
 * Limits for callers with bearer tokens (the console, participants' own apps, scripts), kept as the
 * same GCRA buckets as partner keys (ADR 0027): one per person (the token's subject) and one per
 * tenant, so one person cannot take a tenant's share and one tenant cannot take everyone's.
 * Partner keys keep their own bucket, which their managers size. ADR 0035.
 */
export interface CallerLimits {
  person: RateLimit;
  tenant: RateLimit;
}

/**
 * A person: ten requests a second sustained, 120 at once (the console loads a page with a dozen
 * queries at a time). A tenant: a hundred a second, a thousand at once: above what the 50-client
 * load run makes (about 64 a second), far below what would crowd others out.
 */
export const DEFAULT_CALLER_LIMITS: CallerLimits = {
  person: { perMinute: 600, burst: 120 },
  tenant: { perMinute: 6_000, burst: 1_000 },
};

export type CallerBucket = { kind: 'person'; tenantId: string | null; subject: string } | { kind: 'tenant'; tenantId: string };

export interface CallerRateLimiter {
  takeCaller(bucket: CallerBucket, limit: RateLimit, now: Date): Promise<RateDecision>;
}

/**
 * Takes a token for the person, then (if they had one) for their tenant: a person refused does not
 * use up their tenant's bucket. RATE_LIMITED (HTTP 429, Retry-After) when either is spent.
 */
export async function takeCallerTokens(limiter: CallerRateLimiter, limits: CallerLimits, actor: Actor, now: Date): Promise<void> {
  const person = await limiter.takeCaller({ kind: 'person', tenantId: actor.tenantId, subject: actor.id }, limits.person, now);
  if (!person.allowed) throw rateLimited(person.retryAfterMs, 'rateLimited.person');
  if (actor.tenantId === null) return;
  const tenant = await limiter.takeCaller({ kind: 'tenant', tenantId: actor.tenantId }, limits.tenant, now);
  if (!tenant.allowed) throw rateLimited(tenant.retryAfterMs, 'rateLimited.tenant');
}
