import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ListCounts } from '#domain/kernel/pages.ts';
import type { StoreClient } from './client.ts';
import { keys } from './keys.ts';

/**
 * Totals for the lists that can be counted cheaply (docs/access-patterns.md, "Counting lists").
 *
 * People: the tenant's `PEOPLECOUNT` item, changed by ±1 in each create's and erasure's own
 * transaction, and by an import chunk's new people once, when the chunk is marked done. A tenant created before the counter gets the item from its first such write, but
 * without `counted`: its figure is not trusted (null) until `kindling reindex-search` counts the
 * people and marks it. New tenants start counted, at zero.
 *
 * Short lists: a `Select: 'COUNT'` Query, which returns the number and no items (DynamoDB still reads
 * them, a megabyte a round trip, so only for lists that stay short).
 */

/** The Update that changes the tenant's people count in a create's or erasure's transaction. */
export const peopleCountUpdate = (table: string, tenantId: string, delta: number) => ({
  Update: {
    TableName: table,
    Key: keys.peopleCount(tenantId),
    UpdateExpression: 'SET #type = :type ADD n :d',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':type': 'PeopleCount', ':d': delta },
  },
});

/** A new tenant's counter: zero, and trusted. */
export const peopleCountItem = (tenantId: string) => ({ ...keys.peopleCount(tenantId), type: 'PeopleCount', n: 0, counted: true });

/** Sets the count a full read found, and trusts it from now on (the search backfill's recount). */
export async function setPeopleCount({ doc, table }: StoreClient, tenantId: string, n: number): Promise<void> {
  await doc.send(
    new UpdateCommand({
      TableName: table,
      Key: keys.peopleCount(tenantId),
      UpdateExpression: 'SET #type = :type, n = :n, counted = :true',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':type': 'PeopleCount', ':n': n, ':true': true },
    }),
  );
}

/** How many items a partition (or its sort-key prefix) holds, without transferring them. */
export async function countQuery(
  { doc, table }: StoreClient,
  q: { index?: 'GSI1' | 'GSI2'; partition: { attribute: string; value: string }; sortPrefix?: { attribute: string; value: string } },
): Promise<number> {
  const prefixed = q.sortPrefix && q.sortPrefix.value !== '';
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const res = await doc.send(
      new QueryCommand({
        TableName: table,
        IndexName: q.index,
        Select: 'COUNT',
        KeyConditionExpression: `#pk = :pk${prefixed ? ' AND begins_with(#sk, :sk)' : ''}`,
        ExpressionAttributeNames: { '#pk': q.partition.attribute, ...(prefixed ? { '#sk': q.sortPrefix?.attribute } : {}) },
        ExpressionAttributeValues: { ':pk': q.partition.value, ...(prefixed ? { ':sk': q.sortPrefix?.value } : {}) },
        ExclusiveStartKey: start,
      }),
    );
    count += res.Count ?? 0;
    start = res.LastEvaluatedKey;
  } while (start);
  return count;
}

export function countStore(client: StoreClient): ListCounts {
  const { doc, table } = client;
  const gsi1 = (value: string, prefix = '') =>
    countQuery(client, {
      index: 'GSI1',
      partition: { attribute: 'GSI1PK', value },
      sortPrefix: { attribute: 'GSI1SK', value: prefix },
    });
  return {
    async people(tenantId) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keys.peopleCount(tenantId) }));
      return Item?.counted === true ? Math.max(0, Number(Item.n ?? 0)) : null;
    },
    programs(tenantId) {
      const k = keys.programs(tenantId);
      return countQuery(client, { partition: { attribute: 'PK', value: k.PK }, sortPrefix: { attribute: 'SK', value: k.SKPrefix } });
    },
    matchingRuns: (tenantId, programId) => gsi1(keys.programRuns(tenantId, programId).GSI1PK),
    imports: (tenantId, programId) => gsi1(keys.programImports(tenantId, programId).GSI1PK),
    proposals(tenantId, programId, status) {
      const k = keys.programProposals(tenantId, programId, status);
      return gsi1(k.GSI1PK, k.GSI1SKPrefix);
    },
    webhookSubscriptions: (tenantId) => gsi1(keys.tenantWebhooks(tenantId).GSI1PK),
  };
}
