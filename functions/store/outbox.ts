import {
  BatchGetCommand,
  GetCommand,
  PutCommand,
  type PutCommandInput,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { ClaimRequest, ClaimResult, OutboxMessage, OutboxStore } from '#domain/engagement/outbox.ts';
import { inParallel } from '#lib/parallel.ts';
import type { StoreClient } from './client.ts';
import { cancellationCodes, fromItem, nameOf } from './items.ts';
import { keys } from './keys.ts';
import { queryPage } from './query.ts';

/** Outbox messages and cap counters go away on their own after this long (DynamoDB TTL). */
const KEEP_SECONDS = 120 * 86_400;

/**
 * The TTL (epoch seconds) of an item made at `createdAt`. Never before the real clock's now plus
 * `keep`: a job run with a clock in the past (tests, replays) must not see DynamoDB expire what it
 * just wrote.
 */
export const expiry = (createdAt: string, keep: number): number => Math.floor(Math.max(Date.parse(createdAt), Date.now()) / 1000) + keep;

/**
 * Items per transaction (DynamoDB takes up to 100) and transactions in flight: smaller ones, more at
 * once, measured faster on DynamoDB Local (1,000 outbox items: 100 × 4 in 1.4–4.0 s, 50 × 8 faster,
 * 25 × 8 in 0.9–2.5 s, single conditional Puts × 16 in 4.9–10.2 s) and no slower in DynamoDB.
 */
const TRANSACT_LIMIT = 50;
const TRANSACTIONS_IN_FLIGHT = 8;

const settled = (m: OutboxMessage) => m.status === 'SENT' || m.status === 'FAILED';

export const outboxItem = (m: OutboxMessage) => ({
  ...keys.outboxMessage(m.tenantId, m.id),
  ...keys.outboxIndex(m.tenantId, m.createdAt, m.id),
  ...(settled(m) ? {} : keys.outboxDue(m.tenantId, m.notBefore, m.id)),
  type: 'OutboxMessage',
  expiresAt: expiry(m.createdAt, KEEP_SECONDS),
  ...m,
});

const isConditionFailure = (e: unknown) =>
  (e as { name?: string }).name === 'ConditionalCheckFailedException' ||
  ((e as { name?: string }).name === 'TransactionCanceledException' &&
    ((e as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed'));

export function outboxStore(client: StoreClient): OutboxStore {
  const { doc, table } = client;
  const refundCap = (tenantId: string, personId: string, week: string) =>
    doc.send(
      new UpdateCommand({
        TableName: table,
        Key: keys.weeklyCap(tenantId, personId, week),
        UpdateExpression: 'ADD sent :minus',
        ExpressionAttributeValues: { ':minus': -1 },
      }),
    );
  const capKey = (tenantId: string, cap: { personId: string; week: string }) => {
    const k = keys.weeklyCap(tenantId, cap.personId, cap.week);
    return `${k.PK}\u0000${k.SK}`;
  };
  /** The week counters the requests' caps name, as stored now (absent: 0). */
  const capCounts = async (requests: readonly ClaimRequest[]): Promise<Map<string, number>> => {
    const wanted = new Map<string, Record<string, unknown>>();
    for (const r of requests) {
      if (r.cap) wanted.set(capKey(r.message.tenantId, r.cap), { ...keys.weeklyCap(r.message.tenantId, r.cap.personId, r.cap.week) });
    }
    const counts = new Map<string, number>();
    const chunks: Record<string, unknown>[][] = [];
    const all = [...wanted.values()];
    for (let i = 0; i < all.length; i += 100) chunks.push(all.slice(i, i + 100));
    await inParallel(chunks, 4, async (chunk) => {
      let pending = chunk;
      for (let attempt = 0; pending.length > 0 && attempt < 5; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
        const res = await doc.send(
          new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ProjectionExpression: 'PK, SK, sent' } } }),
        );
        for (const item of res.Responses?.[table] ?? []) counts.set(`${item.PK}\u0000${item.SK}`, Number(item.sent ?? 0));
        pending = (res.UnprocessedKeys?.[table]?.Keys as Record<string, unknown>[] | undefined) ?? [];
      }
      // Keys left unread count as 0: the transaction's own conditions still decide.
    });
    return counts;
  };
  type ClaimItem = { request: number; kind: 'cap' | 'claim'; item: NonNullable<TransactWriteCommandInput['TransactItems']>[number] };
  const claimUpdate = (message: OutboxMessage, leaseUntil: string) => ({
    TableName: table,
    Key: keys.outboxMessage(message.tenantId, message.id),
    UpdateExpression: 'SET #status = :sending, notBefore = :lease, GSI2SK = :dueSk',
    ConditionExpression: 'notBefore = :was AND #status IN (:pending, :sending)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: {
      ':sending': 'SENDING',
      ':pending': 'PENDING',
      ':lease': leaseUntil,
      ':was': message.notBefore,
      ':dueSk': keys.outboxDue(message.tenantId, leaseUntil, message.id).GSI2SK,
    },
  });
  const capUpdate = (tenantId: string, cap: { personId: string; week: string; limit: number }) => ({
    TableName: table,
    Key: keys.weeklyCap(tenantId, cap.personId, cap.week),
    UpdateExpression: 'ADD sent :one SET expiresAt = if_not_exists(expiresAt, :ttl)',
    ConditionExpression: 'attribute_not_exists(sent) OR sent < :limit',
    ExpressionAttributeValues: { ':one': 1, ':limit': cap.limit, ':ttl': expiry(new Date().toISOString(), KEEP_SECONDS) },
  });
  const settlePut = (m: OutboxMessage) => ({
    TableName: table,
    Item: outboxItem(m),
    ConditionExpression: '#status = :sending',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':sending': 'SENDING' },
  });
  const deferPut = (next: OutboxMessage, previousNotBefore: string) => ({
    TableName: table,
    Item: outboxItem(next),
    ConditionExpression: 'notBefore = :was AND #status IN (:pending, :sending)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':was': previousNotBefore, ':pending': 'PENDING', ':sending': 'SENDING' },
  });
  /**
   * Conditional Puts, TRANSACT_LIMIT per transaction. A cancelled transaction goes one Put at a time, where a
   * failed condition means another sender took the message over: theirs to record.
   */
  const putAll = async (puts: PutCommandInput[]) => {
    const batches: (typeof puts)[] = [];
    for (let i = 0; i < puts.length; i += TRANSACT_LIMIT) batches.push(puts.slice(i, i + TRANSACT_LIMIT));
    await inParallel(batches, TRANSACTIONS_IN_FLIGHT, async (batch) => {
      try {
        await doc.send(new TransactWriteCommand({ TransactItems: batch.map((Put) => ({ Put })) }));
      } catch (e) {
        if (nameOf(e) !== 'TransactionCanceledException' && nameOf(e) !== 'TransactionConflictException') throw e;
        await inParallel(batch, 16, async (put) => {
          try {
            await doc.send(new PutCommand(put));
          } catch (err) {
            if (!isConditionFailure(err)) throw err;
          }
        });
      }
    });
  };
  const store: OutboxStore = {
    async existing(tenantId, ids) {
      const found = new Set<string>();
      const chunks: string[][] = [];
      for (let i = 0; i < ids.length; i += 100) chunks.push(ids.slice(i, i + 100));
      await inParallel(chunks, 8, async (chunk) => {
        let pending: Record<string, unknown>[] = [...new Set(chunk)].map((id) => ({ ...keys.outboxMessage(tenantId, id) }));
        for (let attempt = 0; pending.length > 0; attempt++) {
          if (attempt > 8) throw new Error(`BatchGet left ${pending.length} keys unprocessed`);
          if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
          const res = await doc.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ProjectionExpression: 'id' } } }));
          for (const item of res.Responses?.[table] ?? []) found.add(String(item.id));
          pending = (res.UnprocessedKeys?.[table]?.Keys as Record<string, unknown>[] | undefined) ?? [];
        }
      });
      return found;
    },

    async enqueue(messages) {
      if (messages.length === 0) return 0;
      const t = messages[0]?.tenantId as string;
      // Most messages of a re-run exist already: a keys-only BatchGet per hundred finds them cheaply;
      // the conditional Put below is what guarantees a message is written once, even under a race.
      const existing = await store.existing(
        t,
        messages.map((m) => m.id),
      );
      const fresh = messages.filter((m) => !existing.has(m.id));
      let written = 0;
      const putOnce = async (m: OutboxMessage) => {
        try {
          await doc.send(new PutCommand({ TableName: table, Item: outboxItem(m), ConditionExpression: 'attribute_not_exists(PK)' }));
          written++;
        } catch (e) {
          if (!isConditionFailure(e)) throw e;
        }
      };
      // Fifty conditional Puts per transaction: one round trip instead of fifty (issue #18.3).
      // Should a message appear meanwhile (a concurrent run), the transaction writes nothing and those
      // fifty go one conditional Put at a time, so each message is still written exactly once.
      const chunks: OutboxMessage[][] = [];
      for (let i = 0; i < fresh.length; i += TRANSACT_LIMIT) chunks.push(fresh.slice(i, i + TRANSACT_LIMIT));
      await inParallel(chunks, TRANSACTIONS_IN_FLIGHT, async (chunk) => {
        if (chunk.length === 1) return putOnce(chunk[0] as OutboxMessage);
        try {
          await doc.send(
            new TransactWriteCommand({
              TransactItems: chunk.map((m) => ({
                Put: { TableName: table, Item: outboxItem(m), ConditionExpression: 'attribute_not_exists(PK)' },
              })),
            }),
          );
          written += chunk.length;
        } catch (e) {
          const name = (e as { name?: string }).name;
          if (name !== 'TransactionCanceledException' && name !== 'TransactionConflictException') throw e;
          await inParallel(chunk, 16, putOnce);
        }
      });
      return written;
    },

    async dueMessages(tenantId, now, limit) {
      const res = await doc.send(
        new QueryCommand({
          TableName: table,
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK <= :now',
          ExpressionAttributeValues: { ':pk': keys.tenantOutbox(tenantId).dueGSI2PK, ':now': `${now}#~` },
          Limit: limit,
        }),
      );
      return (res.Items ?? []).map((i) => fromItem<OutboxMessage>(i)).filter((m) => !settled(m) && m.notBefore <= now);
    },

    async claim(message, leaseUntil, cap): Promise<ClaimResult> {
      const t = message.tenantId;
      if (!cap) {
        try {
          await doc.send(new UpdateCommand(claimUpdate(message, leaseUntil)));
          return 'CLAIMED';
        } catch (e) {
          if (isConditionFailure(e)) return 'GONE';
          throw e;
        }
      }
      // Two conditional updates rather than one transaction (transactions are the slow path, and
      // DynamoDB Local serialises them): take a place in the week first, then the message; if the
      // message was taken meanwhile, give the place back.
      try {
        await doc.send(new UpdateCommand(capUpdate(t, cap)));
      } catch (e) {
        if (isConditionFailure(e)) return 'CAPPED';
        throw e;
      }
      try {
        await doc.send(new UpdateCommand(claimUpdate(message, leaseUntil)));
        return 'CLAIMED';
      } catch (e) {
        await refundCap(t, cap.personId, cap.week);
        if (isConditionFailure(e)) return 'GONE';
        throw e;
      }
    },

    async claimMany(requests) {
      const outcomes: ClaimResult[] = requests.map(() => 'GONE');
      // A message over its recipient's cap cancels the whole transaction it is in, and DynamoDB Local
      // pays for every item of it again on the retry. So the batch's week counters are read first
      // (one BatchGet per hundred people), and a message they say is over the cap is claimed alone:
      // its own conditional update still decides, so a stale read only costs a round trip.
      const counts = await capCounts(requests);
      const planned = new Map<string, number>();
      const alone: number[] = [];
      const together: number[] = [];
      requests.forEach((r, i) => {
        if (!r.cap) {
          together.push(i);
          return;
        }
        const person = capKey(r.message.tenantId, r.cap);
        const before = (counts.get(person) ?? 0) + (planned.get(person) ?? 0);
        planned.set(person, (planned.get(person) ?? 0) + 1);
        (before + 1 > r.cap.limit ? alone : together).push(i);
      });
      // Transactions of at most TRANSACT_LIMIT items (a claim and its week's counter), one counter per
      // person each (a transaction touches an item once): a person's further messages go in later ones.
      const batches: number[][] = [];
      const placed = new Map<string, number>();
      together.forEach((i) => {
        const r = requests[i] as ClaimRequest;
        const person = r.cap ? `${r.cap.personId}|${r.cap.week}` : null;
        const size = r.cap ? 2 : 1;
        let b = person ? (placed.get(person) ?? -1) + 1 : 0;
        while (b < batches.length && (batches[b] as number[]).reduce((n, k) => n + (requests[k]?.cap ? 2 : 1), 0) + size > TRANSACT_LIMIT)
          b++;
        if (b === batches.length) batches.push([]);
        (batches[b] as number[]).push(i);
        if (person) placed.set(person, b);
      });
      await inParallel(batches, TRANSACTIONS_IN_FLIGHT, async (batch) => {
        let pending = batch;
        for (let attempt = 0; pending.length > 0; attempt++) {
          const items: ClaimItem[] = pending.flatMap((i) => {
            const r = requests[i] as ClaimRequest;
            const claim: ClaimItem = { request: i, kind: 'claim', item: { Update: claimUpdate(r.message, r.leaseUntil) } };
            return r.cap ? [{ request: i, kind: 'cap', item: { Update: capUpdate(r.message.tenantId, r.cap) } }, claim] : [claim];
          });
          try {
            await doc.send(new TransactWriteCommand({ TransactItems: items.map((x) => x.item) }));
            for (const i of pending) outcomes[i] = 'CLAIMED';
            return;
          } catch (e) {
            const reasons = cancellationCodes(e);
            if (nameOf(e) !== 'TransactionCanceledException' || attempt > 3 || !reasons.includes('ConditionalCheckFailed')) {
              // Contention or another refusal: claim this batch one message at a time.
              await inParallel(pending, 16, async (i) => {
                const r = requests[i] as ClaimRequest;
                outcomes[i] = await store.claim(r.message, r.leaseUntil, r.cap);
              });
              return;
            }
            // The transaction wrote nothing: drop what failed its condition (a full week, a message
            // another sender took) and try the rest again.
            const failed = new Set<number>();
            reasons.forEach((code, k) => {
              if (code !== 'ConditionalCheckFailed') return;
              const x = items[k] as ClaimItem;
              failed.add(x.request);
              outcomes[x.request] = x.kind === 'cap' ? 'CAPPED' : 'GONE';
            });
            pending = pending.filter((i) => !failed.has(i));
          }
        }
      });
      // After the transactions, so a person's earlier messages (in due order) take the week's places first.
      await inParallel(alone, 16, async (i) => {
        const r = requests[i] as ClaimRequest;
        outcomes[i] = await store.claim(r.message, r.leaseUntil, r.cap);
      });
      return outcomes;
    },

    settleMany(messages) {
      return putAll(messages.map(settlePut));
    },

    deferMany(deferrals) {
      return putAll(deferrals.map((d) => deferPut(d.next, d.was)));
    },

    async settle(next, refund) {
      await doc.send(new PutCommand(settlePut(next)));
      if (refund) await refundCap(next.tenantId, refund.personId, refund.week);
    },

    async defer(next, previousNotBefore) {
      try {
        await doc.send(new PutCommand(deferPut(next, previousNotBefore)));
      } catch (e) {
        // Taken by another sender in the meantime: theirs to handle.
        if (!isConditionFailure(e)) throw e;
      }
    },

    async getMessage(tenantId, id) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keys.outboxMessage(tenantId, id) }));
      return Item ? fromItem<OutboxMessage>(Item) : null;
    },

    listMessages(tenantId, filter, req) {
      const clauses: string[] = [];
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = {};
      if (filter.programId) {
        clauses.push('#fp = :fp');
        names['#fp'] = 'programId';
        values[':fp'] = filter.programId;
      }
      if (filter.status) {
        clauses.push('#fs = :fs');
        names['#fs'] = 'status';
        values[':fs'] = filter.status;
      }
      if (filter.template) {
        clauses.push('#ft = :ft');
        names['#ft'] = 'template';
        values[':ft'] = filter.template;
      }
      return queryPage<OutboxMessage>(
        client,
        {
          index: 'GSI1',
          partition: { attribute: 'GSI1PK', value: keys.tenantOutbox(tenantId).GSI1PK },
          forward: false,
          ...(clauses.length > 0 ? { filter: { expression: clauses.join(' AND '), names, values } } : {}),
        },
        req,
      );
    },
  };
  return store;
}
