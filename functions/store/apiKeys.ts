import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type ApiKey, type ApiKeyStore, type ApiKeyView, cellRate, type RateLimiter } from '#domain/apiKeys.ts';
import { auditPut } from './audit.ts';
import { batchGet } from './batch.ts';
import type { StoreClient } from './client.ts';
import { fromItem, translate } from './items.ts';
import { keys } from './keys.ts';
import { queryAll } from './query.ts';

/** Rate state is dropped by TTL a day after a key's last request. */
const RATE_TTL_SECONDS = 86_400;

const nameOf = (e: unknown): string => (e as { name?: string }).name ?? '';

/** The bucket's arrival time from a failed condition's old item (raw attribute values: the document client does not convert errors). */
function storedTat(e: unknown): number | null {
  const raw = (e as { Item?: { tat?: { N?: string } | number } }).Item?.tat;
  const value = typeof raw === 'number' ? raw : Number(raw?.N);
  return Number.isFinite(value) ? value : null;
}

export function apiKeyStore(client: StoreClient): ApiKeyStore & RateLimiter {
  const { doc, table } = client;
  const put = (key: ApiKey, condition: { expression: string; values?: Record<string, unknown> }) => ({
    Put: {
      TableName: table,
      Item: { ...keys.apiKey(key.tenantId, key.id), type: 'ApiKey', ...key },
      ConditionExpression: condition.expression,
      ...(condition.values ? { ExpressionAttributeValues: condition.values } : {}),
    },
  });
  const withUse = async (tenantId: string, found: ApiKey[]): Promise<ApiKeyView[]> => {
    const rates = await batchGet(
      client,
      found.map((k) => keys.apiKeyRate(tenantId, k.id)),
    );
    const used = new Map(rates.map((r) => [r.keyId as string, (r.lastUsedAt as string | undefined) ?? null]));
    return found.map((k) => ({ ...k, lastUsedAt: used.get(k.id) ?? null }));
  };

  return {
    async findApiKey(tenantId, id) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keys.apiKey(tenantId, id) }));
      return Item ? fromItem<ApiKey>(Item) : null;
    },

    async getApiKey(tenantId, id) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keys.apiKey(tenantId, id) }));
      if (!Item) return null;
      const [view] = await withUse(tenantId, [fromItem<ApiKey>(Item)]);
      return view ?? null;
    },

    async listApiKeys(tenantId) {
      const k = keys.apiKeys(tenantId);
      // Key ids are ULIDs: reversed, newest first.
      const found = (await queryAll<ApiKey>(client, k.PK, k.SKPrefix)).reverse();
      return found.length === 0 ? [] : withUse(tenantId, found);
    },

    async saveApiKey(key, audit, replaced) {
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              put(key, { expression: 'attribute_not_exists(PK)' }),
              ...(replaced ? [put(replaced.key, { expression: 'version = :v', values: { ':v': replaced.expectedVersion } })] : []),
              auditPut(table, audit),
            ],
          }),
        )
        .catch((e) => translate(e, { key: 'conflict.version', params: { type: 'ApiKey' } }));
    },

    async replaceApiKey(key, expectedVersion, audit, others = []) {
      const changed = [{ key, expectedVersion, audit }, ...others];
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: changed.flatMap((c) => [
              put(c.key, { expression: 'version = :v', values: { ':v': c.expectedVersion } }),
              auditPut(table, c.audit),
            ]),
          }),
        )
        .catch((e) => translate(e, { key: 'conflict.version', params: { type: 'ApiKey' } }));
    },

    /**
     * One conditional write per request in the common case: an idle bucket restarts from now; a
     * busy one moves its arrival time on while it stays within the burst. Only the switch from one
     * case to the other costs a second write. The last-used time rides along.
     */
    async take(tenantId, keyId, limit, now) {
      const { intervalMs, toleranceMs } = cellRate(limit);
      const at = now.getTime();
      const common = {
        TableName: table,
        Key: keys.apiKeyRate(tenantId, keyId),
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
      };
      const used = { ':used': now.toISOString(), ':ttl': Math.floor(at / 1000) + RATE_TTL_SECONDS };
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
              UpdateExpression: 'SET tat = :next, lastUsedAt = :used, expiresAt = :ttl, keyId = :key',
              ConditionExpression: 'attribute_not_exists(tat) OR tat < :now',
              ExpressionAttributeValues: { ...used, ':next': at + intervalMs, ':now': at, ':key': keyId },
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
              UpdateExpression: 'SET tat = tat + :interval, lastUsedAt = :used, expiresAt = :ttl',
              ConditionExpression: 'tat >= :now AND tat <= :latest',
              ExpressionAttributeValues: { ...used, ':interval': intervalMs, ':now': at, ':latest': at + toleranceMs },
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
    },
  };
}
