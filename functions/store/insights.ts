import { gunzipSync, gzipSync } from 'node:zlib';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Employment, ExitReasonTaxonomy, InsightsStore, RetentionSnapshot } from '#domain/insights/index.ts';
import { notFound } from '#domain/kernel/errors.ts';
import { inParallel } from '#lib/parallel.ts';
import { auditPut } from './audit.ts';
import { batchGet } from './batch.ts';
import type { StoreClient } from './client.ts';
import { employmentPack } from './employmentPack.ts';
import { cancellationCodes, fromItem, nameOf, translate } from './items.ts';
import { keys } from './keys.ts';

const primary = ({ PK, SK }: { PK: string; SK: string }) => ({ PK, SK });

/** A person's HR facts as stored (also written by the import's row transaction, store/people.ts). */
export const employmentItem = (record: Employment) => ({
  ...keys.employment(record.tenantId, record.personId),
  type: 'Employment',
  ...record,
});

/** HR facts, the exit-reason taxonomy and the retention snapshot (issue #21). */
export function insightsStore(client: StoreClient): InsightsStore {
  const { doc, table } = client;
  const pack = employmentPack(client);
  const store: InsightsStore = {
    async getEmployment(tenantId, personId) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: primary(keys.employment(tenantId, personId)) }));
      return Item ? fromItem<Employment>(Item) : null;
    },

    async getEmployments(tenantId, personIds) {
      const items = await batchGet(
        client,
        personIds.map((id) => primary(keys.employment(tenantId, id))),
      );
      return new Map(items.map((i) => [String(i.personId), fromItem<Employment>(i)]));
    },

    async recordEmployment(record, audit) {
      const pending = pack.note(record.tenantId, [record.personId]);
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: employmentItem(record),
                },
              },
              // Only for someone who exists: an erased person's facts are never written back.
              {
                ConditionCheck: {
                  TableName: table,
                  Key: keys.person(record.tenantId, record.personId),
                  ConditionExpression: 'attribute_exists(PK)',
                },
              },
              auditPut(table, audit),
              // The compact copy has not taken it yet (ADR 0078): the note stays until it has.
              pending.put,
            ],
          }),
        )
        .catch((e) => {
          if (nameOf(e) === 'TransactionCanceledException' && cancellationCodes(e)[1] === 'ConditionalCheckFailed')
            throw notFound('Person');
          return translate(e, { key: 'conflict.version', params: { type: 'Person' } });
        });
      // The record is written: a fold that fails now leaves its note, which the next snapshot folds (ADR 0078),
      // so the manager's write does not fail for it.
      await pack.fold(record.tenantId, [pending.note]).catch(() => undefined);
    },

    retentionRecords: (tenantId) => pack.read(tenantId, (t) => store.allEmployment(t)),

    settleRetentionRecords: (tenantId) => pack.settle(tenantId),

    async allEmployment(tenantId, inFlight) {
      // One query per shard, all at once: DynamoDB (and DynamoDB Local) serve them in parallel,
      // where one partition would be read a megabyte page after another.
      const partitions = keys.tenantEmployment(tenantId);
      const out: Employment[] = [];
      await inParallel(partitions, inFlight ?? partitions.length, async ({ GSI1PK }) => {
        let start: Record<string, unknown> | undefined;
        do {
          const res = await doc.send(
            new QueryCommand({
              TableName: table,
              IndexName: 'GSI1',
              KeyConditionExpression: 'GSI1PK = :pk',
              ExpressionAttributeValues: { ':pk': GSI1PK },
              ExclusiveStartKey: start,
            }),
          );
          for (const item of res.Items ?? []) out.push(fromItem<Employment>(item));
          start = res.LastEvaluatedKey;
        } while (start);
      });
      // In person order, as one partition read them: the snapshot does not depend on which shard answered first.
      return out.sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
    },

    async getTaxonomy(tenantId) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keys.exitReasonTaxonomy(tenantId) }));
      return Item ? fromItem<ExitReasonTaxonomy>(Item) : null;
    },

    async putTaxonomy(tenantId, next, expectedVersion, audit) {
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: { ...keys.exitReasonTaxonomy(tenantId), type: 'ExitReasonTaxonomy', ...next },
                  ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(PK)' : 'version = :v',
                  ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':v': expectedVersion } }),
                },
              },
              auditPut(table, audit),
            ],
          }),
        )
        .catch((e) => translate(e, { key: 'conflict.version', params: { type: 'ExitReasonTaxonomy' } }));
    },

    async getSnapshot(tenantId) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keys.retentionSnapshot(tenantId) }));
      if (!Item) return null;
      return JSON.parse(gunzipSync(Item.figures as Uint8Array).toString('utf8')) as RetentionSnapshot;
    },

    async putSnapshot(snapshot: RetentionSnapshot) {
      // Gzipped JSON: an organisation with many programs stays far below DynamoDB's 400 KB item limit.
      const figures = gzipSync(JSON.stringify(snapshot));
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: { ...keys.retentionSnapshot(snapshot.tenantId), type: 'RetentionSnapshot', computedAt: snapshot.computedAt, figures },
        }),
      );
    },
  };
  return store;
}
