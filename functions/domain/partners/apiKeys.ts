import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Scope } from '#domain/kernel/actors.ts';
import { requireRole } from '#domain/kernel/actors.ts';
import { type AuditEntry, auditEntry } from '#domain/kernel/audit.ts';
import { DomainError, ErrorCode, notFound } from '#domain/kernel/errors.ts';
import { Checks } from '#domain/kernel/validation.ts';

/**
 * Partner API keys: a tenant's program managers give a partner app (a member portal, an HR
 * system) a key that acts for the tenant's participants, limited by scopes and optionally to one
 * program. The key is shown once; Kindling keeps only its SHA-256 (the secret is 256 random bits,
 * so a slow hash adds nothing). ADR 0027.
 */
export const API_KEY_SCOPES = [
  'PROGRAMS_READ',
  'PROFILES_READ',
  'PROFILES_WRITE',
  'MENTORSHIPS_READ',
  'MEETINGS_WRITE',
  'MENTORSHIPS_CHANGE',
  'REQUESTS_MANAGE',
  'MENTORS_READ',
  'ANALYTICS_READ',
] as const;

/** The scope that lets a key call without a person: it then acts for no one (role `analyst`). */
export const ANALYTICS_SCOPE: ApiKeyScope = 'ANALYTICS_READ';
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export type ApiKeyStatus = 'ACTIVE' | 'EXPIRING' | 'EXPIRED' | 'REVOKED';

export interface RateLimit {
  /** Sustained requests per minute. */
  perMinute: number;
  /** Requests allowed at once after a quiet spell. */
  burst: number;
}

export interface ApiKey {
  id: string;
  tenantId: string;
  name: string;
  scopes: ApiKeyScope[];
  /** Null: every program of the tenant. */
  programId: string | null;
  rateLimit: RateLimit;
  /** SHA-256 of the secret part, hex. Never leaves the store layer except to be compared. */
  secretHash: string;
  /** The first characters of the key, so people can tell their keys apart. */
  hint: string;
  createdAt: string;
  createdBy: string;
  /** Set when the key was rotated: it keeps working until then. */
  expiresAt: string | null;
  revokedAt: string | null;
  /** The key that replaced this one on rotation, and the one this replaced. */
  replacedBy: string | null;
  replaces: string | null;
  version: number;
}

/** A key as listed: with the time it was last used (kept beside its rate-limit state). */
export interface ApiKeyView extends ApiKey {
  lastUsedAt: string | null;
}

export interface ApiKeyStore {
  /** The key alone, in one read: what each partner request checks. */
  findApiKey(tenantId: string, id: string): Promise<ApiKey | null>;
  getApiKey(tenantId: string, id: string): Promise<ApiKeyView | null>;
  listApiKeys(tenantId: string): Promise<ApiKeyView[]>;
  /** Writes the new key; with `replaced`, ends the old one in the same transaction (CONFLICT on a stale version). */
  saveApiKey(key: ApiKey, audit: AuditEntry, replaced?: { key: ApiKey; expectedVersion: number }): Promise<void>;
  /** Writes a changed key, and with `others` more changed keys, in one transaction (CONFLICT on any stale version). */
  replaceApiKey(
    key: ApiKey,
    expectedVersion: number,
    audit: AuditEntry,
    others?: { key: ApiKey; expectedVersion: number; audit: AuditEntry }[],
  ): Promise<void>;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { perMinute: 600, burst: 60 };
/** How long a rotated key keeps working unless the manager says otherwise. */
export const DEFAULT_OVERLAP_HOURS = 24;

const PREFIX = 'kdl';
const KEY_PATTERN = /^kdl_([a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?)_([0-9A-HJKMNP-TV-Z]{26})_([0-9a-f]{64})$/;

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** The presented key's parts, or null when it cannot be a Kindling key. */
export function parseApiKey(presented: string): { tenantId: string; keyId: string; secret: string } | null {
  const match = KEY_PATTERN.exec(presented.trim());
  if (!match?.[1] || !match[2] || !match[3]) return null;
  return { tenantId: match[1], keyId: match[2], secret: match[3] };
}

/** Compares in constant time, so the response time says nothing about how much of a guess was right. */
export function secretMatches(key: ApiKey, secret: string): boolean {
  const a = Buffer.from(key.secretHash, 'hex');
  const b = Buffer.from(hashSecret(secret), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function keyStatus(key: ApiKey, now: Date): ApiKeyStatus {
  if (key.revokedAt) return 'REVOKED';
  if (key.expiresAt) return key.expiresAt <= now.toISOString() ? 'EXPIRED' : 'EXPIRING';
  return 'ACTIVE';
}

export interface ApiKeyInput {
  name: string;
  scopes: string[];
  programId?: string | null;
  perMinute?: number | null;
  burst?: number | null;
}

interface Deps {
  apiKeys: ApiKeyStore;
  programs: { getProgram(tenantId: string, id: string): Promise<{ id: string } | null> };
  newId: () => string;
}

async function checkedInput(deps: Deps, scope: Scope, input: ApiKeyInput) {
  const checks = new Checks();
  const name = checks.text('input.name', input.name, { min: 1, max: 80 });
  const scopes = [...new Set(input.scopes)].map((s, i) => checks.oneOf(`input.scopes.${i}`, s, API_KEY_SCOPES));
  if (scopes.length === 0) checks.fail('input.scopes', 'required', 'give the key at least one scope');
  const rateLimit: RateLimit = {
    perMinute: checks.int('input.perMinute', input.perMinute ?? DEFAULT_RATE_LIMIT.perMinute, { min: 1, max: 6_000 }),
    burst: checks.int('input.burst', input.burst ?? DEFAULT_RATE_LIMIT.burst, { min: 1, max: 1_000 }),
  };
  checks.done();
  const programId = input.programId ?? null;
  if (programId && !(await deps.programs.getProgram(scope.tenantId, programId))) throw notFound('Program');
  return { name, scopes, programId, rateLimit };
}

function newKey(deps: Deps, scope: Scope, fields: Pick<ApiKey, 'name' | 'scopes' | 'programId' | 'rateLimit' | 'replaces'>) {
  const id = deps.newId();
  const secret = randomBytes(32).toString('hex');
  const presented = `${PREFIX}_${scope.tenantId}_${id}_${secret}`;
  const key: ApiKey = {
    ...fields,
    id,
    tenantId: scope.tenantId,
    secretHash: hashSecret(secret),
    hint: `${PREFIX}_${scope.tenantId}_…${id.slice(-6)}`,
    createdAt: scope.now.toISOString(),
    createdBy: scope.actor.id,
    expiresAt: null,
    revokedAt: null,
    replacedBy: null,
    version: 1,
  };
  return { key, presented };
}

/** The stored record without its hash: what audit entries and callers may see. */
const shown = ({ secretHash: _hash, ...rest }: ApiKey) => rest;

/**
 * Program managers create keys. No idempotency key: a replay could not show the secret again
 * (it is not kept), and an unused key is visible ("never used") and revocable.
 */
export async function createApiKey(deps: Deps, scope: Scope, input: ApiKeyInput): Promise<{ key: ApiKeyView; secret: string }> {
  requireRole(scope.actor, 'manage API keys', 'manager');
  const fields = await checkedInput(deps, scope, input);
  const { key, presented } = newKey(deps, scope, { ...fields, replaces: null });
  await deps.apiKeys.saveApiKey(key, auditEntry(scope, deps.newId, 'apiKey.create', { type: 'ApiKey', id: key.id }, null, shown(key)));
  return { key: { ...key, lastUsedAt: null }, secret: presented };
}

/** The key as the manager last saw it: NOT_FOUND, or CONFLICT on a stale version or an ended key. */
async function current(deps: Deps, scope: Scope, id: string, version: number, what: 'rotate' | 'revoke'): Promise<ApiKeyView> {
  requireRole(scope.actor, 'manage API keys', 'manager');
  const key = await deps.apiKeys.getApiKey(scope.tenantId, id);
  if (!key) throw notFound('ApiKey');
  if (key.version !== version) throw new DomainError(ErrorCode.CONFLICT, 'conflict.version', { type: 'ApiKey' });
  const status = keyStatus(key, scope.now);
  // A key in its rotation overlap can still be revoked; it cannot be rotated a second time.
  if (status === 'REVOKED' || status === 'EXPIRED' || (what === 'rotate' && key.replacedBy))
    throw new DomainError(ErrorCode.CONFLICT, 'conflict.keyEnded', { status });
  return key;
}

/** How far back a revocation follows `replaces`: rotations faster than the overlap are rare. */
const MAX_PREDECESSORS = 10;

/**
 * Revoked keys stop working at once (the next request is refused). Revoking a key also revokes the
 * keys it replaced that still work in their rotation overlap: they grant the same access, and a
 * manager who takes it away means all of it. Revoking an old key in its overlap ends only that key;
 * its replacement keeps working (the usual answer to "the old key leaked"). docs/partners.md.
 */
export async function revokeApiKey(deps: Deps, scope: Scope, id: string, version: number): Promise<ApiKeyView> {
  const before = await current(deps, scope, id, version, 'revoke');
  const revokedAt = scope.now.toISOString();
  const after: ApiKeyView = { ...before, revokedAt, version: before.version + 1 };
  const { lastUsedAt: _l, ...stored } = after;
  const predecessors: { key: ApiKey; expectedVersion: number; audit: AuditEntry }[] = [];
  for (let previous = before.replaces; previous && predecessors.length < MAX_PREDECESSORS; ) {
    const older = await deps.apiKeys.findApiKey(scope.tenantId, previous);
    if (!older) break;
    const status = keyStatus(older, scope.now);
    if (status === 'EXPIRING') {
      const ended: ApiKey = { ...older, revokedAt, version: older.version + 1 };
      const audit = auditEntry(scope, deps.newId, 'apiKey.revoke', { type: 'ApiKey', id: older.id }, shown(older), shown(ended));
      predecessors.push({ key: ended, expectedVersion: older.version, audit });
    }
    if (status === 'REVOKED' || status === 'EXPIRED') break;
    previous = older.replaces;
  }
  await deps.apiKeys.replaceApiKey(
    stored,
    before.version,
    auditEntry(scope, deps.newId, 'apiKey.revoke', { type: 'ApiKey', id }, shown(before), shown(stored)),
    predecessors,
  );
  return after;
}

/**
 * A new key with the same scopes, program and limits; the old one keeps working for the overlap
 * (default a day) so the partner can deploy the new one without downtime.
 */
export async function rotateApiKey(
  deps: Deps,
  scope: Scope,
  id: string,
  version: number,
  overlapHours: number | null | undefined,
): Promise<{ key: ApiKeyView; secret: string }> {
  const checks = new Checks();
  const hours = checks.int('overlapHours', overlapHours ?? DEFAULT_OVERLAP_HOURS, { min: 0, max: 720 });
  checks.done();
  const before = await current(deps, scope, id, version, 'rotate');
  const { key, presented } = newKey(deps, scope, {
    name: before.name,
    scopes: before.scopes,
    programId: before.programId,
    rateLimit: before.rateLimit,
    replaces: before.id,
  });
  const { lastUsedAt: _l, ...old } = before;
  const ended: ApiKey = {
    ...old,
    expiresAt: new Date(scope.now.getTime() + hours * 3_600_000).toISOString(),
    replacedBy: key.id,
    version: before.version + 1,
  };
  await deps.apiKeys.saveApiKey(
    key,
    auditEntry(scope, deps.newId, 'apiKey.rotate', { type: 'ApiKey', id: key.id }, shown(before), shown(key)),
    { key: ended, expectedVersion: before.version },
  );
  return { key: { ...key, lastUsedAt: null }, secret: presented };
}

export async function listApiKeys(deps: Deps, scope: Scope): Promise<ApiKeyView[]> {
  requireRole(scope.actor, 'manage API keys', 'manager');
  return deps.apiKeys.listApiKeys(scope.tenantId);
}

/**
 * The generic cell rate algorithm, a token bucket kept as one timestamp: the theoretical arrival
 * time (TAT) of the next request. A request at `now` fits when TAT is no more than `burst - 1`
 * intervals ahead; it moves TAT one interval on. The store applies it with one conditional write.
 */
export function cellRate(limit: RateLimit): { intervalMs: number; toleranceMs: number } {
  const intervalMs = 60_000 / limit.perMinute;
  return { intervalMs, toleranceMs: intervalMs * (limit.burst - 1) };
}

/** The outcome of taking a token: allowed, or how long until the next one. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface RateLimiter {
  take(tenantId: string, keyId: string, limit: RateLimit, now: Date): Promise<RateDecision>;
}

export const rateLimited = (
  retryAfterMs: number,
  key: 'rateLimited' | 'rateLimited.person' | 'rateLimited.tenant' = 'rateLimited',
): DomainError => new DomainError(ErrorCode.RATE_LIMITED, key, { seconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });
