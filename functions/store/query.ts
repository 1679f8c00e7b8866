import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Page, PageRequest } from '#domain/kernel/pages.ts';
import type { StoreClient } from './client.ts';
import { decodePosition, encodePosition, fromItem } from './items.ts';

const KEY_ATTRIBUTES = {
  table: ['PK', 'SK'],
  GSI1: ['PK', 'SK', 'GSI1PK', 'GSI1SK'],
  GSI2: ['PK', 'SK', 'GSI2PK', 'GSI2SK'],
} as const;

export interface PageQuery {
  index?: 'GSI1' | 'GSI2';
  /** The partition queried: `{ attribute: 'GSI1PK', value: 'T#demo#PROG#…' }`. */
  partition: { attribute: string; value: string };
  /** An optional `begins_with` on the sort key. */
  sortPrefix?: { attribute: string; value: string };
  /** An optional range on the sort key, both ends inclusive (sort keys that start with a time). */
  sortRange?: { attribute: string; from: string; to: string };
  forward?: boolean;
  /** Narrows the items read (status, department, skill, text); names and values use `#f…` and `:f…`. */
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
}

/** A filtered page reads at most this many DynamoDB pages, then hands back what it found and a cursor. */
export const MAX_READS_PER_PAGE = 4;

/**
 * One page of a list. Unfiltered: exactly one round trip, asking for one item more than the page to
 * learn whether another follows. Filtered: reads on until the page is full, the partition ends, or
 * MAX_READS_PER_PAGE round trips — the cost never grows with the page size.
 */
export async function queryPage<T>({ doc, table }: StoreClient, q: PageQuery, req: PageRequest): Promise<Page<T>> {
  const values: Record<string, unknown> = { ':pk': q.partition.value, ...q.filter?.values };
  let condition = `${q.partition.attribute} = :pk`;
  if (q.sortPrefix && q.sortPrefix.value !== '') {
    condition += ` AND begins_with(${q.sortPrefix.attribute}, :sk)`;
    values[':sk'] = q.sortPrefix.value;
  }
  if (q.sortRange) {
    condition += ` AND ${q.sortRange.attribute} BETWEEN :skFrom AND :skTo`;
    values[':skFrom'] = q.sortRange.from;
    values[':skTo'] = q.sortRange.to;
  }
  const attributes = KEY_ATTRIBUTES[q.index ?? 'table'];
  const positionOf = (item: Record<string, unknown>) => Object.fromEntries(attributes.map((a) => [a, item[a]]));
  const found: Record<string, unknown>[] = [];
  let start = decodePosition(req.after, q.partition.attribute, q.partition.value);
  let reads = 0;
  do {
    const input: QueryCommandInput = {
      TableName: table,
      IndexName: q.index,
      KeyConditionExpression: condition,
      ExpressionAttributeValues: values,
      ExclusiveStartKey: start,
      ScanIndexForward: q.forward ?? true,
      // Unfiltered, one more than the page tells whether another follows; filtered, read in larger steps.
      Limit: q.filter ? Math.max(100, req.first * 4) : req.first + 1 - found.length,
      ...(q.filter ? { FilterExpression: q.filter.expression, ExpressionAttributeNames: q.filter.names } : {}),
    };
    const res = await doc.send(new QueryCommand(input));
    found.push(...(res.Items ?? []));
    start = res.LastEvaluatedKey;
    reads++;
  } while (start && found.length <= req.first && reads < MAX_READS_PER_PAGE);
  const shown = found.slice(0, req.first);
  const positions = shown.map((item) => encodePosition(positionOf(item)) as string);
  let after: string | null = null;
  if (found.length > req.first) after = positions.at(-1) ?? null;
  // Stopped early (1 MB limit or the read budget): resume where reading stopped.
  else if (start) after = encodePosition(start);
  return { items: shown.map((i) => fromItem<T>(i)), positions, after };
}

/** Every item a query finds, read page after page to the end (bounded lists only). */
export async function queryEvery(
  { doc, table }: StoreClient,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await doc.send(new QueryCommand({ ...input, TableName: table, ExclusiveStartKey: start }));
    out.push(...(res.Items ?? []));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

/** The same, as records: keys and index attributes stripped. */
export async function queryRecords<T>(
  client: StoreClient,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<T[]> {
  return (await queryEvery(client, input)).map((item) => fromItem<T>(item));
}

/** Every item of a partition, or of its `skPrefix` (small, bounded partitions only: a pair's meetings, a person's enrolments). */
export function queryAll<T>(client: StoreClient, pk: string, skPrefix: string): Promise<T[]> {
  return queryRecords<T>(client, {
    KeyConditionExpression: skPrefix ? 'PK = :pk AND begins_with(SK, :sk)' : 'PK = :pk',
    ExpressionAttributeValues: skPrefix ? { ':pk': pk, ':sk': skPrefix } : { ':pk': pk },
  });
}

export { allPages } from '#domain/kernel/pages.ts';
