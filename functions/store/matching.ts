import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { MatchingRun, MatchingStore, PairRule, RankingSnapshot } from '#domain/matching/run.ts';
import { auditPut } from './audit.ts';
import { batchPut } from './batch.ts';
import type { StoreClient } from './client.ts';
import { fromItem, pack } from './items.ts';
import { keys } from './keys.ts';
import { queryAll, queryPage } from './query.ts';

const CHUNK = { PAIRS: 2000, UNMATCHED: 500 } as const;

export function matchingStore(client: StoreClient): MatchingStore {
  const { doc, table } = client;

  return {
    async getRanking(tenantId, programId, menteeId, filterHash) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: keys.discoveryRanking(tenantId, programId, menteeId, filterHash) }),
      );
      return Item ? fromItem<RankingSnapshot>(Item) : null;
    },

    async putRanking(r) {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...keys.discoveryRanking(r.tenantId, r.programId, r.menteeId, r.filterHash),
            type: 'DiscoveryRanking',
            ...r,
            // One string, not a thousand maps (store/items.ts PACKED): DynamoDB Local takes maps several times slower.
            ranked: pack(r.ranked),
            // DynamoDB's TTL (epoch seconds); readers go by `until`, as TTL deletes late.
            expiresAt: Math.ceil(Date.parse(r.until) / 1000),
          },
        }),
      );
    },

    listRules(tenantId, programId) {
      const k = keys.pairRules(tenantId, programId);
      return queryAll<PairRule>(client, k.PK, k.SKPrefix);
    },

    async putRule(rule, audit) {
      const key = keys.pairRule(rule.tenantId, rule.programId, rule.menteeId, rule.mentorId);
      await doc.send(
        new TransactWriteCommand({
          TransactItems: [
            rule.kind === 'NONE'
              ? { Delete: { TableName: table, Key: key } }
              : { Put: { TableName: table, Item: { ...key, type: 'PairRule', ...rule } } },
            auditPut(table, audit),
          ],
        }),
      );
    },

    async acquireLease(tenantId, programId, runId, now, until) {
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: {
              ...keys.matchingLease(tenantId, programId),
              type: 'MatchingLease',
              runId,
              until,
              expiresAt: Math.floor(Date.parse(until) / 1000) + 3600,
            },
            // Free, lapsed (a crashed run), or this very run coming back.
            ConditionExpression: 'attribute_not_exists(PK) OR #until < :now OR runId = :run',
            ExpressionAttributeNames: { '#until': 'until' },
            ExpressionAttributeValues: { ':now': now, ':run': runId },
          }),
        );
        return true;
      } catch (e) {
        if ((e as { name?: string }).name === 'ConditionalCheckFailedException') return false;
        throw e;
      }
    },

    async releaseLease(tenantId, programId, runId) {
      await doc
        .send(
          new DeleteCommand({
            TableName: table,
            Key: keys.matchingLease(tenantId, programId),
            ConditionExpression: 'runId = :run',
            ExpressionAttributeValues: { ':run': runId },
          }),
        )
        .catch((e: unknown) => {
          if ((e as { name?: string }).name !== 'ConditionalCheckFailedException') throw e;
        });
    },

    async saveRun(run, audit) {
      const { pairs, unmatched, ...summary } = run;
      const t = run.tenantId;
      const chunks: Record<string, unknown>[] = [];
      for (let i = 0; i * CHUNK.PAIRS < pairs.length; i++) {
        chunks.push({
          ...keys.matchingRunChunk(t, run.id, 'PAIRS', i),
          type: 'RunPairs',
          items: pairs.slice(i * CHUNK.PAIRS, (i + 1) * CHUNK.PAIRS),
        });
      }
      for (let i = 0; i * CHUNK.UNMATCHED < unmatched.length; i++) {
        chunks.push({
          ...keys.matchingRunChunk(t, run.id, 'UNMATCHED', i),
          type: 'RunUnmatched',
          items: unmatched.slice(i * CHUNK.UNMATCHED, (i + 1) * CHUNK.UNMATCHED),
        });
      }
      await batchPut(client, chunks);
      // The run record last: once it exists, its chunks do. Saving the same run again replaces it.
      await doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: table,
                Item: {
                  ...keys.matchingRun(t, run.id),
                  ...keys.matchingRunIndex(t, run.programId, run.startedAt, run.id),
                  type: 'MatchingRun',
                  ...summary,
                },
              },
            },
            auditPut(table, audit),
          ],
        }),
      );
    },

    async getRun(tenantId, id) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keys.matchingRun(tenantId, id) }));
      if (!Item) return null;
      const pairKeys = keys.matchingRunChunks(tenantId, id, 'PAIRS');
      const unmatchedKeys = keys.matchingRunChunks(tenantId, id, 'UNMATCHED');
      const [pairs, unmatched] = await Promise.all([
        queryAll<{ items: string[] }>(client, pairKeys.PK, pairKeys.SKPrefix),
        queryAll<{ items: MatchingRun['unmatched'] }>(client, unmatchedKeys.PK, unmatchedKeys.SKPrefix),
      ]);
      return { ...fromItem<MatchingRun>(Item), pairs: pairs.flatMap((c) => c.items), unmatched: unmatched.flatMap((c) => c.items) };
    },

    async listRuns(tenantId, programId, req) {
      const k = keys.programRuns(tenantId, programId);
      const page = await queryPage<MatchingRun>(
        client,
        { index: 'GSI1', partition: { attribute: 'GSI1PK', value: k.GSI1PK }, forward: false },
        req,
      );
      return { ...page, items: page.items.map((r) => ({ ...r, pairs: [], unmatched: [] })) };
    },
  };
}
