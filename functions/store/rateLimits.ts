import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { cellRate, type RateDecision, type RateLimit } from '#domain/partners/apiKeys.ts';
import type { CallerBucket, CallerRateLimiter } from '#domain/partners/rateLimits.ts';
import type { StoreClient } from './client.ts';
import { translate } from './items.ts';
import { type Key, keys } from './keys.ts';

/** Rate state is dropped by TTL a day after a bucket's last request. */
const RATE_TTL_SECONDS = 86_400;

const nameOf = (e: unknown): string => (e as { name?: string }).name ?? '';

/** The bucket's arrival time from a failed condition's old item (raw attribute values: the document client does not convert errors). */
function storedTat(e: unknown): number | null {
  const raw = (e as { Item?: { tat?: { N?: string } | number } }).Item?.tat;
  const value = typeof raw === 'number' ? raw : Number(raw?.N);
  return Number.isFinite(value) ? value : null;
}

/**
 * Takes one token from the GCRA bucket at `key` (ADR 0027): one conditional write per request in
 * the common case. An idle bucket restarts from now; a busy one moves its arrival time on while it
 * stays within the burst. Only the switch from one case to the other costs a second write. `also`
 * rides along on the same write (an API key's last use).
 */
export async function takeToken(
  client: StoreClient,
  key: Key,
  limit: RateLimit,
  now: Date,
  also: { fresh?: Record<string, unknown>; every?: Record<string, unknown> } = {},
): Promise<RateDecision> {
  const { doc, table } = client;
  const { intervalMs, toleranceMs } = cellRate(limit);
  const at = now.getTime();
  const common = { TableName: table, Key: key, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const };
  const extra = (fields: Record<string, unknown>, prefix: string) => {
    const entries = Object.entries(fields);
    return {
      set: entries.map(([name], i) => `, ${name} = :${prefix}${i}`).join(''),
      values: Object.fromEntries(entries.map(([, value], i) => [`:${prefix}${i}`, value])),
    };
  };
  const every = extra(also.every ?? {}, 'e');
  const fresh = extra({ ...(also.every ?? {}), ...(also.fresh ?? {}) }, 'f');
  const ttl = Math.floor(at / 1000) + RATE_TTL_SECONDS;
  const refused = (e: unknown): boolean => {
    if (nameOf(e) !== 'ConditionalCheckFailedException') translate(e, { key: 'unavailable', params: {} });
    return true;
  };
  // Between the two writes the bucket may change case under a concurrent request: try again.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await doc.send(
        new UpdateCommand({
          ...common,
          UpdateExpression: `SET tat = :next, expiresAt = :ttl${fresh.set}`,
          ConditionExpression: 'attribute_not_exists(tat) OR tat < :now',
          ExpressionAttributeValues: { ...fresh.values, ':ttl': ttl, ':next': at + intervalMs, ':now': at },
        }),
      );
      return { allowed: true };
    } catch (e) {
      refused(e);
    }
    try {
      await doc.send(
        new UpdateCommand({
          ...common,
          UpdateExpression: `SET tat = tat + :interval, expiresAt = :ttl${every.set}`,
          ConditionExpression: 'tat >= :now AND tat <= :latest',
          ExpressionAttributeValues: { ...every.values, ':ttl': ttl, ':interval': intervalMs, ':now': at, ':latest': at + toleranceMs },
        }),
      );
      return { allowed: true };
    } catch (e) {
      refused(e);
      const tat = storedTat(e);
      if (tat !== null && tat >= at) return { allowed: false, retryAfterMs: Math.max(1, tat - toleranceMs - at) };
    }
  }
  return { allowed: false, retryAfterMs: intervalMs };
}

/** The buckets of people and tenants calling with bearer tokens. */
export function callerRateStore(client: StoreClient): CallerRateLimiter {
  return {
    takeCaller: (bucket: CallerBucket, limit, now) =>
      takeToken(
        client,
        bucket.kind === 'tenant' ? keys.tenantRate(bucket.tenantId) : keys.personRate(bucket.tenantId, bucket.subject),
        limit,
        now,
      ),
  };
}
