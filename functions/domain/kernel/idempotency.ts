import { createHash } from 'node:crypto';
import type { Scope } from './actors.ts';
import { DomainError, ErrorCode } from './errors.ts';
import { Checks } from './validation.ts';

/**
 * A partner app's retry must not create twice. A creating mutation with an idempotency key writes
 * this record in the same transaction as what it creates; a retry with the same key and the same
 * input gets the first result back, with a different input it gets CONFLICT. Kept for a day.
 */
export interface IdempotencyRecord {
  tenantId: string;
  key: string;
  operation: string;
  requestHash: string;
  resultId: string;
  createdAt: string;
  /** Epoch seconds; DynamoDB's TTL removes the record after this. */
  expiresAt: number;
}

export interface IdempotencyStore {
  getIdempotency(tenantId: string, key: string): Promise<IdempotencyRecord | null>;
}

export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

const hash = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/**
 * Runs `create` at most once per key. `create` receives the record to write with its transaction
 * (null without a key); `load` fetches the result of an earlier call by id.
 */
export async function idempotent<T>(
  deps: { idempotency: IdempotencyStore },
  scope: Scope,
  key: string | null | undefined,
  operation: string,
  input: unknown,
  resultId: string,
  create: (record: IdempotencyRecord | null) => Promise<T>,
  load: (id: string) => Promise<T>,
): Promise<T> {
  if (key === null || key === undefined) return create(null);
  const checks = new Checks();
  checks.text('idempotencyKey', key, { min: 8, max: 128 });
  checks.done();
  const requestHash = hash({ operation, input });
  const replay = async (): Promise<T | null> => {
    const earlier = await deps.idempotency.getIdempotency(scope.tenantId, key);
    // DynamoDB's TTL sweep may lag by days: an expired record no longer counts.
    if (!earlier || earlier.expiresAt * 1000 < scope.now.getTime()) return null;
    if (earlier.operation !== operation || earlier.requestHash !== requestHash) {
      throw new DomainError(ErrorCode.CONFLICT, 'conflict.idempotency', {});
    }
    return load(earlier.resultId);
  };
  const first = await replay();
  if (first !== null) return first;
  const record: IdempotencyRecord = {
    tenantId: scope.tenantId,
    key,
    operation,
    requestHash,
    resultId,
    createdAt: scope.now.toISOString(),
    expiresAt: Math.floor(scope.now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
  };
  try {
    return await create(record);
  } catch (e) {
    // Two retries raced: the loser's transaction failed on the record the winner wrote.
    if (e instanceof DomainError && e.code === ErrorCode.CONFLICT) {
      const raced = await replay();
      if (raced !== null) return raced;
    }
    throw e;
  }
}
