import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { StoreClient } from './client.ts';
import type { Key } from './keys.ts';

const BATCH_GET_LIMIT = 100;

/**
 * Reads many items by key in as few round trips as DynamoDB allows (100 keys a call), retrying
 * what DynamoDB hands back as unprocessed. Items come back in no particular order.
 */
export async function batchGet({ doc, table }: StoreClient, keyList: Key[]): Promise<Record<string, unknown>[]> {
  const unique = [...new Map(keyList.map((k) => [`${k.PK}\u0000${k.SK}`, k])).values()];
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < unique.length; i += BATCH_GET_LIMIT) {
    let pending: Key[] = unique.slice(i, i + BATCH_GET_LIMIT);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      const res = await doc.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending } } }));
      items.push(...(res.Responses?.[table] ?? []));
      pending = (res.UnprocessedKeys?.[table]?.Keys as Key[] | undefined) ?? [];
      if (attempt > 8 && pending.length > 0) throw new Error(`BatchGet left ${pending.length} keys unprocessed`);
    }
  }
  return items;
}

/** Writes many items in as few round trips as DynamoDB allows (25 a call), retrying what it hands back. */
export async function batchPut({ doc, table }: StoreClient, items: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let pending = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 10) throw new Error(`BatchWrite left ${pending.length} items unprocessed`);
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(2000, 50 * 2 ** attempt)));
      const res = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      pending = (res.UnprocessedItems?.[table] as typeof pending | undefined) ?? [];
    }
  }
}
