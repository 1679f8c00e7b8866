import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { StoreClient } from './client.ts';
import type { Key } from './keys.ts';

const BATCH_GET_LIMIT = 100;

/** Calls in flight at once: DynamoDB takes them in parallel, and a large run's writes are bound by round trips. */
const IN_FLIGHT = 8;

/** Runs `work` over the chunks with at most {@link IN_FLIGHT} at a time; the first failure rejects. */
export async function eachInParallel<T>(chunks: T[], work: (chunk: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) await work(chunks[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, chunks.length) }, worker));
}

const chunked = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, k) => list.slice(k * size, k * size + size));

/**
 * Reads many items by key in as few round trips as DynamoDB allows (100 keys a call, several calls
 * in flight), retrying what DynamoDB hands back as unprocessed. Items come back in no particular order.
 * `consistent`: strongly consistent reads (what a write just before has written). `attributes`: only
 * these (a projection: less for the SDK to parse when a reader needs a few fields of large items).
 */
export async function batchGet(
  { doc, table }: StoreClient,
  keyList: Key[],
  options: { consistent?: boolean; attributes?: readonly string[] } = {},
): Promise<Record<string, unknown>[]> {
  const unique = [...new Map(keyList.map((k) => [`${k.PK}\u0000${k.SK}`, k])).values()];
  const items: Record<string, unknown>[] = [];
  const projection = options.attributes
    ? {
        ProjectionExpression: options.attributes.map((_, i) => `#a${i}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(options.attributes.map((name, i) => [`#a${i}`, name])),
      }
    : {};
  await eachInParallel(chunked(unique, BATCH_GET_LIMIT), async (chunk) => {
    let pending: Key[] = chunk;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      const res = await doc.send(
        new BatchGetCommand({
          RequestItems: { [table]: { Keys: pending, ...projection, ...(options.consistent ? { ConsistentRead: true } : {}) } },
        }),
      );
      items.push(...(res.Responses?.[table] ?? []));
      pending = (res.UnprocessedKeys?.[table]?.Keys as Key[] | undefined) ?? [];
      if (attempt > 8 && pending.length > 0) throw new Error(`BatchGet left ${pending.length} keys unprocessed`);
    }
  });
  return items;
}

/**
 * Writes many items in as few round trips as DynamoDB allows (25 a call, several calls in flight),
 * retrying what it hands back with backoff. Puts are idempotent, so a retried chunk writes nothing twice.
 */
export function batchPut(client: StoreClient, items: Record<string, unknown>[]): Promise<void> {
  return batchWrite(
    client,
    items.map((Item) => ({ PutRequest: { Item } })),
  );
}

/** Deletes many items by key, as {@link batchPut} writes them (deleting what is gone is no error). */
export function batchDelete(client: StoreClient, keyList: Key[]): Promise<void> {
  return batchWrite(
    client,
    keyList.map(({ PK, SK }) => ({ DeleteRequest: { Key: { PK, SK } } })),
  );
}

type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Key } };

async function batchWrite({ doc, table }: StoreClient, requests: WriteRequest[]): Promise<void> {
  await eachInParallel(chunked(requests, 25), async (chunk) => {
    let pending = chunk;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 10) throw new Error(`BatchWrite left ${pending.length} items unprocessed`);
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(2000, 50 * 2 ** attempt)));
      const res = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      pending = (res.UnprocessedItems?.[table] as WriteRequest[] | undefined) ?? [];
    }
  });
}
