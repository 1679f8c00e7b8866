import { DomainError, ErrorCode, type MessageKey } from '#domain/kernel/errors.ts';
import { isTransient } from '#lib/transient.ts';
import { tenantOfKey } from './keys.ts';
import { TABLE } from './table.ts';

/** Keys, bookkeeping, and the attributes written only for filters and reads (never part of a domain object). */
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
  // A mentor's card on their enrolment (store/people.ts `mentorCards`).
  'card',
]);

/**
 * Attributes stored as one JSON string rather than nested maps (ADR 0062): a proposal's explanation
 * and an audit entry's changes are lists of maps, which DynamoDB takes several times slower to write
 * than one string, and a matching run writes thousands of each; a discovery ranking's `ranked` is a
 * list of a thousand or more, written on a first page and read on each next one (ADR 0072). Their domain values are always
 * lists, so a string here is always a packed one; items written as maps before read as they are.
 */
const PACKED = new Set(['explanation', 'changes', 'ranked']);

/** A packed attribute's stored form (see {@link PACKED}). */
export const pack = (value: unknown): string => JSON.stringify(value);

/** A packed attribute's value, from either stored form. */
export const unpack = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/** The domain object inside a stored item: everything but the keys and bookkeeping. */
export function fromItem<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    // `expiresAt` as epoch seconds is DynamoDB's TTL (bookkeeping); as an ISO date it is the domain's own field.
    if (KEY_ATTRIBUTES.has(k) || (k === 'expiresAt' && typeof v === 'number')) continue;
    out[k] = PACKED.has(k) ? unpack(v) : v;
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
  // A transaction cancelled for contention, or anything the one transient list names (lib/transient.ts).
  if (name === 'TransactionCanceledException' || isTransient(e)) {
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

/** The index partition keys: IAM's `dynamodb:LeadingKeys` checks the table's key on a write, never these. */
const INDEX_PARTITION_KEYS: readonly string[] = TABLE.indexes.map((index) => index.partitionKey);

/**
 * Refuses an item whose index partition keys lead with another tenant than its own key (or any
 * tenant, for a platform item). A tenant's session may write only its own `PK`s (ADR 0018), but IAM
 * cannot see the index keys of a write: without this, a bug could file one tenant's item in another
 * tenant's list.
 */
export function assertIndexKeysInTenant(item: Record<string, unknown>): void {
  if (typeof item.PK !== 'string') return;
  const tenant = tenantOfKey(item.PK);
  for (const name of INDEX_PARTITION_KEYS) {
    const value = item[name];
    if (typeof value === 'string' && tenantOfKey(value) !== tenant) {
      throw new Error(`Store: ${name} ${JSON.stringify(value)} does not lead with the tenant of PK ${JSON.stringify(item.PK)}.`);
    }
  }
}

type WriteInput = {
  Item?: Record<string, unknown>;
  Key?: Record<string, unknown>;
  UpdateExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
};

/** An Update that sets an index partition key: every key-like value it writes must lead with the item's tenant. */
function assertUpdateInTenant(update: WriteInput): void {
  const pk = update.Key?.PK;
  if (typeof pk !== 'string' || !update.UpdateExpression) return;
  const named = Object.values(update.ExpressionAttributeNames ?? {});
  const touchesIndex = INDEX_PARTITION_KEYS.some((name) => named.includes(name) || update.UpdateExpression?.includes(name));
  if (!touchesIndex) return;
  for (const value of Object.values(update.ExpressionAttributeValues ?? {})) {
    if (typeof value === 'string' && tenantOfKey(value) !== null && tenantOfKey(value) !== tenantOfKey(pk)) {
      throw new Error(`Store: an update of ${JSON.stringify(pk)} writes the index key ${JSON.stringify(value)} of another tenant.`);
    }
  }
}

/**
 * Every item a command would write (Put, Update, transactions, batches), checked by
 * assertIndexKeysInTenant before it leaves the process. store/client.ts runs it on every send.
 */
export function assertWritesInTenant(input: unknown): void {
  if (typeof input !== 'object' || input === null) return;
  const command = input as WriteInput & {
    TransactItems?: { Put?: WriteInput; Update?: WriteInput }[];
    RequestItems?: Record<string, { PutRequest?: WriteInput }[] | unknown>;
  };
  if (command.Item) assertIndexKeysInTenant(command.Item);
  assertUpdateInTenant(command);
  for (const entry of command.TransactItems ?? []) {
    if (entry.Put?.Item) assertIndexKeysInTenant(entry.Put.Item);
    if (entry.Update) assertUpdateInTenant(entry.Update);
  }
  for (const requests of Object.values(command.RequestItems ?? {})) {
    if (!Array.isArray(requests)) continue;
    for (const request of requests as { PutRequest?: WriteInput }[]) {
      if (request.PutRequest?.Item) assertIndexKeysInTenant(request.PutRequest.Item);
    }
  }
}
