import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ApiKey, ApiKeyStore, ApiKeyView, RateLimiter } from '#domain/partners/apiKeys.ts';
import { auditPut } from './audit.ts';
import { batchGet } from './batch.ts';
import type { StoreClient } from './client.ts';
import { fromItem, translate } from './items.ts';
import { keys } from './keys.ts';
import { queryAll } from './query.ts';
import { takeToken } from './rateLimits.ts';

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

    /** The key's bucket (store/rateLimits.ts), its last use riding on the same write. */
    take: (tenantId, keyId, limit, now) =>
      takeToken(client, keys.apiKeyRate(tenantId, keyId), limit, now, {
        every: { lastUsedAt: now.toISOString() },
        fresh: { keyId },
      }),
  };
}
