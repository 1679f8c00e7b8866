import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Page, PageRequest } from '#domain/pages.ts';
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
  forward?: boolean;
}

/**
 * One page of a list in exactly one round trip: asks for one item more than the page to learn
 * whether another page follows, and returns the position of the last item shown.
 */
export async function queryPage<T>({ doc, table }: StoreClient, q: PageQuery, req: PageRequest): Promise<Page<T>> {
  const values: Record<string, unknown> = { ':pk': q.partition.value };
  let condition = `${q.partition.attribute} = :pk`;
  if (q.sortPrefix && q.sortPrefix.value !== '') {
    condition += ` AND begins_with(${q.sortPrefix.attribute}, :sk)`;
    values[':sk'] = q.sortPrefix.value;
  }
  const input: QueryCommandInput = {
    TableName: table,
    IndexName: q.index,
    KeyConditionExpression: condition,
    ExpressionAttributeValues: values,
    ExclusiveStartKey: decodePosition(req.after, q.partition.attribute, q.partition.value),
    ScanIndexForward: q.forward ?? true,
    Limit: req.first + 1,
  };
  const res = await doc.send(new QueryCommand(input));
  const items = res.Items ?? [];
  const shown = items.slice(0, req.first);
  // Either the extra item came back, or DynamoDB stopped early at its 1 MB page limit.
  const more = items.length > req.first || res.LastEvaluatedKey !== undefined;
  const attributes = KEY_ATTRIBUTES[q.index ?? 'table'];
  const positions = shown.map((item) => encodePosition(Object.fromEntries(attributes.map((a) => [a, item[a]]))) as string);
  return { items: shown.map((i) => fromItem<T>(i)), positions, after: more ? (positions.at(-1) ?? null) : null };
}

/** Every item of a partition (small, bounded partitions only: a pair's meetings, a person's enrolments). */
export async function queryAll<T>({ doc, table }: StoreClient, pk: string, skPrefix: string): Promise<T[]> {
  const out: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of res.Items ?? []) out.push(fromItem<T>(item));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}
