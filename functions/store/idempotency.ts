import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { IdempotencyRecord, IdempotencyStore } from '#domain/kernel/idempotency.ts';
import type { StoreClient } from './client.ts';
import { fromItem } from './items.ts';
import { keys } from './keys.ts';

/** The Put that claims an idempotency key inside the creating transaction; a second claim fails its condition. */
export function idempotencyPut(table: string, record: IdempotencyRecord) {
  return {
    Put: {
      TableName: table,
      Item: { ...keys.idempotency(record.tenantId, record.key), type: 'Idempotency', ...record },
      // A record past its expiry (DynamoDB's TTL sweep may lag) no longer holds the key.
      ConditionExpression: 'attribute_not_exists(PK) OR expiresAt < :now',
      ExpressionAttributeValues: { ':now': Math.floor(Date.parse(record.createdAt) / 1000) },
    },
  };
}

/**
 * The reference from a person's partition to an idempotency record made for them: the caller's key
 * may hold personal data (an e-mail address), so erasure deletes the record through it.
 */
export function idempotencyRef(table: string, record: IdempotencyRecord, personId: string) {
  return refPut(table, record, keys.personIdempotency(record.tenantId, personId, record.key));
}

/**
 * The reference from a pair's partition to an idempotency record of its shared record (a meeting, a
 * goal, a survey answer): whichever member is erased, erasure walks the pair and deletes it.
 */
export function pairIdempotencyRef(table: string, record: IdempotencyRecord, mentorshipId: string) {
  return refPut(table, record, keys.pairIdempotency(record.tenantId, mentorshipId, record.key));
}

/** The record and its reference, both in the creating transaction. */
export const idempotencyWithPairRef = (table: string, record: IdempotencyRecord | null | undefined, mentorshipId: string) =>
  record ? [idempotencyPut(table, record), pairIdempotencyRef(table, record, mentorshipId)] : [];

/** The record and its reference from the circle (a group meeting's retry): erasing anyone in the circle reaches it. */
export const idempotencyWithCircleRef = (table: string, record: IdempotencyRecord | null | undefined, circleId: string) =>
  record ? [idempotencyPut(table, record), refPut(table, record, keys.circleIdempotency(record.tenantId, circleId, record.key))] : [];

function refPut(table: string, record: IdempotencyRecord, key: { PK: string; SK: string }) {
  return {
    Put: {
      TableName: table,
      // Expires with its record (DynamoDB's TTL).
      Item: { ...key, type: 'IdempotencyRef', key: record.key, expiresAt: record.expiresAt },
    },
  };
}

export function idempotencyStore({ doc, table }: StoreClient): IdempotencyStore {
  return {
    async getIdempotency(tenantId, key) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keys.idempotency(tenantId, key) }));
      return Item ? { ...fromItem<IdempotencyRecord>(Item), expiresAt: Number(Item.expiresAt) } : null;
    },
  };
}
