import { DomainError, ErrorCode, type MessageKey } from '#domain/kernel/errors.ts';

/** Keys, bookkeeping, and the attributes written only for filters (never part of a domain object). */
const KEY_ATTRIBUTES = new Set([
  'PK',
  'SK',
  'GSI1PK',
  'GSI1SK',
  'GSI2PK',
  'GSI2SK',
  'type',
  'searchText',
  'departmentKey',
  'skillKeys',
  'healthRef',
  'hasMet',
]);

/** The domain object inside a stored item: everything but the keys and bookkeeping. */
export function fromItem<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    // `expiresAt` as epoch seconds is DynamoDB's TTL (bookkeeping); as an ISO date it is the domain's own field.
    if (KEY_ATTRIBUTES.has(k) || (k === 'expiresAt' && typeof v === 'number')) continue;
    out[k] = v;
  }
  return out as T;
}

/** A store position as an opaque string; the GraphQL layer signs it before it leaves the server. */
export function encodePosition(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
}

/**
 * Reads a position back, refusing one that does not lie inside `partition` (defence in depth:
 * the signed cursor already binds it to the tenant and the query).
 */
export function decodePosition(after: string | null, partitionAttribute: string, partition: string): Record<string, unknown> | undefined {
  if (after === null) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  if (typeof key !== 'object' || key === null || (key as Record<string, unknown>)[partitionAttribute] !== partition) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, 'input.invalid', { fields: 'after' }, [
      { field: 'after', rule: 'cursor', reason: 'is not a cursor of this list' },
    ]);
  }
  return key as Record<string, unknown>;
}

export const nameOf = (e: unknown): string => (typeof e === 'object' && e !== null ? ((e as { name?: string }).name ?? '') : '');

/** Why DynamoDB cancelled a transaction, per item: `ConditionalCheckFailed`, `TransactionConflict`, … */
export const cancellationCodes = (e: unknown): string[] =>
  ((e as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((r) => r.Code ?? 'None');

/**
 * Translates the DynamoDB failures a caller can act on into domain errors. `conflict` names what a
 * failed condition means for this write (e.g. a stale version, an e-mail already taken). Contention
 * and throttling become SERVICE_UNAVAILABLE: nothing was written, and a retry may succeed.
 */
export function translate(e: unknown, conflict: { key: MessageKey; params: Record<string, string | number> }): never {
  const name = nameOf(e);
  const failedCondition =
    name === 'ConditionalCheckFailedException' ||
    (name === 'TransactionCanceledException' && cancellationCodes(e).includes('ConditionalCheckFailed'));
  if (failedCondition) throw new DomainError(ErrorCode.CONFLICT, conflict.key, conflict.params);
  if (
    [
      'TransactionCanceledException',
      'ProvisionedThroughputExceededException',
      'ThrottlingException',
      'RequestLimitExceeded',
      'TransactionConflictException',
    ].includes(name)
  ) {
    throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'unavailable', {});
  }
  throw e;
}

/**
 * An Update that sets just these fields of an existing item (names escaped, so reserved words such as
 * `status` are fine), under an optional condition.
 */
export function setFields(
  table: string,
  key: { PK: string; SK: string },
  fields: Record<string, unknown>,
  condition?: { expression: string; values: Record<string, unknown> },
) {
  const entries = Object.entries(fields);
  return {
    Update: {
      TableName: table,
      Key: key,
      UpdateExpression: `SET ${entries.map((_, i) => `#f${i} = :f${i}`).join(', ')}`,
      ConditionExpression: condition ? `attribute_exists(PK) AND ${condition.expression}` : 'attribute_exists(PK)',
      ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#f${i}`, name])),
      ExpressionAttributeValues: { ...Object.fromEntries(entries.map(([, value], i) => [`:f${i}`, value])), ...condition?.values },
    },
  };
}
