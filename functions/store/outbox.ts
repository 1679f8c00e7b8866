import {
  BatchGetCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type OutboxMessage, type OutboxStore, type PlacesWanted, placeKey, SENDING_LEASE_MS } from '#domain/engagement/outbox.ts';
import { inParallel } from '#lib/parallel.ts';
import { batchGet, batchPut } from './batch.ts';
import type { StoreClient } from './client.ts';
import { cancellationCodes, fromItem, nameOf } from './items.ts';
import { type Key, keys } from './keys.ts';
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
  ...(settled(m) ? {} : keys.outboxDue(m.tenantId, m.notBefore, m.sendGroup ?? null, m.id)),
  type: 'OutboxMessage',
  expiresAt: expiry(m.createdAt, KEEP_SECONDS),
  ...m,
});

const keyString = (k: Key | Record<string, unknown>) => `${k.PK}\u0000${k.SK}`;

const isConditionFailure = (e: unknown) =>
  (e as { name?: string }).name === 'ConditionalCheckFailedException' ||
  ((e as { name?: string }).name === 'TransactionCanceledException' &&
    ((e as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed'));

/** Messages per send group: one lease write covers them (ADR 0083). */
const GROUP_SIZE = 25;
/** Single writes in flight (lease claims and releases, week counters). */
const WRITES_IN_FLIGHT = 16;
/** A lease item left by a sender that died goes away on its own after a day (it ran out long before). */
const LEASE_KEEP_SECONDS = 86_400;

/**
 * Holds the send groups of messages another writer is about to rewrite (erasure), so that no sender
 * records its copy over the rewrite (ADR 0083): each group is claimed as a sender claims it, waiting
 * up to `waitMs` for a sender to release it; a group still held then (a sender that died or stalled)
 * is taken over, and that sender's check before recording fails. Returns the release.
 */
export async function holdSendGroups(
  client: StoreClient,
  tenantId: string,
  groups: string[],
  owner: string,
  now: string,
  waitMs = 20_000,
): Promise<() => Promise<void>> {
  const { doc, table } = client;
  const item = {
    type: 'SendLease',
    owner,
    leaseUntil: new Date(Date.parse(now) + SENDING_LEASE_MS).toISOString(),
    expiresAt: expiry(new Date().toISOString(), LEASE_KEEP_SECONDS),
  };
  await inParallel([...new Set(groups)], WRITES_IN_FLIGHT, async (group) => {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      const takeOver = Date.now() - started >= waitMs;
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: { ...keys.sendLease(tenantId, group), ...item },
            ...(takeOver
              ? {}
              : {
                  ConditionExpression: 'attribute_not_exists(PK) OR leaseUntil < :now OR #owner = :me',
                  ExpressionAttributeNames: { '#owner': 'owner' },
                  ExpressionAttributeValues: { ':now': now, ':me': owner },
                }),
          }),
        );
        return;
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
        await new Promise((r) => setTimeout(r, Math.min(2_000, 50 * 2 ** attempt)));
      }
    }
  });
  return () => outboxStore(client).release(tenantId, groups, owner);
}

export function outboxStore(client: StoreClient): OutboxStore {
  const { doc, table } = client;
  /** The week counters the wanted places name, as stored now (absent: 0). */
  const placeCounts = async (tenantId: string, wanted: readonly PlacesWanted[]): Promise<Map<string, number>> => {
    const counts = new Map<string, number>();
    const byKey = new Map(wanted.map((w) => [keyString(keys.weeklyCap(tenantId, w.personId, w.week)), placeKey(w.personId, w.week)]));
    const items = await batchGet(
      client,
      wanted.map((w) => keys.weeklyCap(tenantId, w.personId, w.week)),
    );
    for (const item of items) {
      const k = byKey.get(keyString(item));
      if (k) counts.set(k, Number(item.sent ?? 0));
    }
    return counts;
  };
  const capUpdate = (tenantId: string, w: PlacesWanted, take: number) => ({
    TableName: table,
    Key: keys.weeklyCap(tenantId, w.personId, w.week),
    UpdateExpression: 'ADD sent :take SET expiresAt = if_not_exists(expiresAt, :ttl)',
    ConditionExpression: 'attribute_not_exists(sent) OR sent <= :most',
    ExpressionAttributeValues: { ':take': take, ':most': w.limit - take, ':ttl': expiry(new Date().toISOString(), KEEP_SECONDS) },
  });
  /** Raises one counter by as many places as it has left (up to `w.count`); the condition keeps it ≤ the limit. */
  const takeFrom = async (tenantId: string, w: PlacesWanted, known: number): Promise<number> => {
    let count = known;
    for (let attempt = 0; attempt < 4; attempt++) {
      const take = Math.max(0, Math.min(w.count, w.limit - count));
      if (take === 0) return 0;
      try {
        await doc.send(new UpdateCommand(capUpdate(tenantId, w, take)));
        return take;
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
        // Another sender took places meanwhile: read the counter again and take what is left.
        const { Item } = await doc.send(
          new GetCommand({ TableName: table, Key: keys.weeklyCap(tenantId, w.personId, w.week), ConsistentRead: true }),
        );
        count = Number(Item?.sent ?? 0);
      }
    }
    return 0;
  };
  /**
   * Raises many people's counters in one transaction (one round trip: at a first day's thousands of
   * people, the calls cost the sender more CPU than the writes cost DynamoDB). A counter whose
   * condition fails (another sender took places since the read) drops out and goes alone; the rest is
   * tried again. Returns the places taken per wanted entry.
   */
  const takeTogether = async (tenantId: string, batch: { w: PlacesWanted; take: number; known: number }[]): Promise<number[]> => {
    const taken = batch.map(() => 0);
    let pending = batch.map((_, i) => i);
    const alone: number[] = [];
    for (let attempt = 0; pending.length > 1 && attempt < 3; attempt++) {
      try {
        await doc.send(
          new TransactWriteCommand({
            TransactItems: pending.map((i) => {
              const b = batch[i] as (typeof batch)[number];
              return { Update: capUpdate(tenantId, b.w, b.take) };
            }),
          }),
        );
        for (const i of pending) taken[i] = (batch[i] as (typeof batch)[number]).take;
        pending = [];
      } catch (e) {
        const reasons = cancellationCodes(e);
        if (nameOf(e) !== 'TransactionCanceledException' || !reasons.includes('ConditionalCheckFailed')) break;
        const failed = new Set(pending.filter((_, k) => reasons[k] === 'ConditionalCheckFailed'));
        alone.push(...failed);
        pending = pending.filter((i) => !failed.has(i));
      }
    }
    alone.push(...pending);
    await inParallel(alone, WRITES_IN_FLIGHT, async (i) => {
      const b = batch[i] as (typeof batch)[number];
      taken[i] = await takeFrom(tenantId, b.w, b.known);
    });
    return taken;
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

    async enqueue(messages, options = {}) {
      if (messages.length === 0) return 0;
      const t = messages[0]?.tenantId as string;
      // Most messages of a re-run exist already: a keys-only BatchGet per hundred finds them cheaply
      // (unless the caller just did); the conditional Put below is what guarantees a message is
      // written once, even under a race.
      const existing = options.checked
        ? new Set<string>()
        : await store.existing(
            t,
            messages.map((m) => m.id),
          );
      // Each run of GROUP_SIZE new messages due at the same instant is one send group, named after its
      // first message: a sender claims them with one write when they come due (ADR 0083; those planned
      // in quiet hours come due later, ADR 0086). A message written by a concurrent run keeps that run's group.
      const byDue = new Map<string, OutboxMessage[]>();
      for (const m of messages) {
        if (existing.has(m.id)) continue;
        const same = byDue.get(m.notBefore);
        if (same) same.push(m);
        else byDue.set(m.notBefore, [m]);
      }
      const fresh = [...byDue.values()].flatMap((due) =>
        due.map((m, i) => ({ ...m, sendGroup: m.sendGroup ?? (due[i - (i % GROUP_SIZE)] as OutboxMessage).id })),
      );
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

    async dueMessages(tenantId, now, limit, after) {
      const res = await doc.send(
        new QueryCommand({
          TableName: table,
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK <= :now',
          ExpressionAttributeValues: { ':pk': keys.tenantOutbox(tenantId).dueGSI2PK, ':now': `${now}#~` },
          Limit: limit,
          ...(after ? { ExclusiveStartKey: JSON.parse(after) as Record<string, unknown> } : {}),
        }),
      );
      return {
        messages: (res.Items ?? []).map((i) => fromItem<OutboxMessage>(i)).filter((m) => !settled(m) && m.notBefore <= now),
        next: res.LastEvaluatedKey ? JSON.stringify(res.LastEvaluatedKey) : null,
      };
    },

    async claimGroups(tenantId, groups, lease) {
      const claimed = new Set<string>();
      await inParallel(groups, WRITES_IN_FLIGHT, async (group) => {
        try {
          await doc.send(
            new PutCommand({
              TableName: table,
              Item: {
                ...keys.sendLease(tenantId, group),
                type: 'SendLease',
                owner: lease.owner,
                leaseUntil: lease.until,
                expiresAt: expiry(new Date().toISOString(), LEASE_KEEP_SECONDS),
              },
              ConditionExpression: 'attribute_not_exists(PK) OR leaseUntil < :now OR #owner = :me',
              ExpressionAttributeNames: { '#owner': 'owner' },
              ExpressionAttributeValues: { ':now': lease.now, ':me': lease.owner },
            }),
          );
          claimed.add(group);
        } catch (e) {
          if (!isConditionFailure(e)) throw e;
        }
      });
      return claimed;
    },

    async stillHeld(tenantId, groups, owner) {
      const items = await batchGet(
        client,
        groups.map((g) => keys.sendLease(tenantId, g)),
        { consistent: true },
      );
      const held = new Set<string>();
      const byKey = new Map(groups.map((g) => [keyString(keys.sendLease(tenantId, g)), g]));
      for (const item of items) {
        const group = byKey.get(keyString(item));
        if (group && item.owner === owner) held.add(group);
      }
      return held;
    },

    async release(tenantId, groups, owner) {
      await inParallel(groups, WRITES_IN_FLIGHT, async (group) => {
        try {
          await doc.send(
            new DeleteCommand({
              TableName: table,
              Key: keys.sendLease(tenantId, group),
              ConditionExpression: '#owner = :me',
              ExpressionAttributeNames: { '#owner': 'owner' },
              ExpressionAttributeValues: { ':me': owner },
            }),
          );
        } catch (e) {
          if (!isConditionFailure(e)) throw e;
        }
      });
    },

    async current(tenantId, ids) {
      const items = await batchGet(
        client,
        ids.map((id) => keys.outboxMessage(tenantId, id)),
        { consistent: true },
      );
      return items.map((i) => fromItem<OutboxMessage>(i));
    },

    async takePlaces(tenantId, wanted) {
      const taken = new Map<string, number>();
      if (wanted.length === 0) return taken;
      // The counters read first (a BatchGet per hundred people): a person with no place left costs no
      // write, and the rest take all their places at once. The update's condition still decides.
      const counts = await placeCounts(tenantId, wanted);
      // Transactions of TRANSACT_LIMIT counters, each counter once per transaction (a person wanted
      // under two programs' caps goes in a later one).
      const batches: { w: PlacesWanted; take: number; known: number }[][] = [];
      const placed = new Map<string, number>();
      for (const w of wanted) {
        const k = placeKey(w.personId, w.week);
        const known = counts.get(k) ?? 0;
        const take = Math.max(0, Math.min(w.count, w.limit - known));
        if (take === 0) continue;
        let b = (placed.get(k) ?? -1) + 1;
        while (b < batches.length && (batches[b] as unknown[]).length >= TRANSACT_LIMIT) b++;
        if (b === batches.length) batches.push([]);
        (batches[b] as { w: PlacesWanted; take: number; known: number }[]).push({ w, take, known });
        placed.set(k, b);
        counts.set(k, known + take);
      }
      // Batches one after another where they share a counter would race; they rarely do, and the
      // conditions settle it, so they run in parallel.
      await inParallel(batches, TRANSACTIONS_IN_FLIGHT, async (batch) => {
        const got = await takeTogether(tenantId, batch);
        batch.forEach((b, i) => {
          const k = placeKey(b.w.personId, b.w.week);
          taken.set(k, (taken.get(k) ?? 0) + (got[i] ?? 0));
        });
      });
      return taken;
    },

    async refundPlaces(tenantId, refunds) {
      await inParallel(refunds, WRITES_IN_FLIGHT, async (r) => {
        if (r.count <= 0) return;
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.weeklyCap(tenantId, r.personId, r.week),
            UpdateExpression: 'ADD sent :minus',
            ExpressionAttributeValues: { ':minus': -r.count },
          }),
        );
      });
    },

    async record(messages, owner) {
      // Plain Puts, 25 a call: the sender holds these messages' groups (it checked just before), so no
      // other sender writes them meanwhile; writing the same outcome twice changes nothing.
      await batchPut(
        client,
        messages.map((m) => outboxItem({ ...m, settledBy: owner })),
      );
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
