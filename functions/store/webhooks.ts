import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DeliveryOutcome, WebhookDelivery, WebhookStore, WebhookSubscription } from '#domain/engagement/webhooks.ts';
import type { AuditEntry } from '#domain/kernel/audit.ts';
import { DomainError, ErrorCode } from '#domain/kernel/errors.ts';
import { inParallel } from '#lib/parallel.ts';
import { auditPut } from './audit.ts';
import { batchGet } from './batch.ts';
import type { StoreClient } from './client.ts';
import { cancellationCodes, fromItem, nameOf, translate } from './items.ts';
import { keys } from './keys.ts';
import { expiry } from './outbox.ts';
import { allPages, queryPage } from './query.ts';

/** Deliveries are kept this long (DynamoDB TTL). */
const KEEP_SECONDS = 30 * 86_400;

const subscriptionItem = (s: WebhookSubscription) => ({
  ...keys.webhook(s.tenantId, s.id),
  ...keys.webhookIndex(s.tenantId, s.createdAt, s.id),
  type: 'WebhookSubscription',
  ...s,
});

const deliveryItem = (d: WebhookDelivery) => ({
  ...keys.webhookDelivery(d.tenantId, d.subscriptionId, d.id),
  ...keys.webhookDeliveryIndex(d.tenantId, d.subscriptionId, d.createdAt, d.id),
  ...(d.status === 'PENDING' ? keys.webhookDue(d.tenantId, d.nextAttemptAt, d.id) : {}),
  type: 'WebhookDelivery',
  expiresAt: expiry(d.createdAt, KEEP_SECONDS),
  ...d,
});

export function webhookStore(client: StoreClient): WebhookStore {
  const { doc, table } = client;
  /**
   * The subscription shows its newest outcome. A write of its own, not part of the delivery's:
   * concurrent deliveries of one subscription would otherwise cancel each other's transactions
   * (issue #13.13). An older outcome never overwrites a newer one; a deleted subscription is not recreated.
   */
  const showLast = async (tenantId: string, subscriptionId: string, outcome: DeliveryOutcome) => {
    try {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.webhook(tenantId, subscriptionId),
          UpdateExpression: 'SET lastDelivery = :outcome',
          ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(lastDelivery.#at) OR lastDelivery.#at <= :at)',
          ExpressionAttributeNames: { '#at': 'at' },
          ExpressionAttributeValues: { ':outcome': outcome, ':at': outcome.at },
        }),
      );
    } catch (e) {
      if (nameOf(e) !== 'ConditionalCheckFailedException') throw e;
    }
  };
  const store: WebhookStore = {
    async createSubscription(sub, audit, cap) {
      // The counter and the subscription in one transaction: `n < max` holds the cap however many
      // creates race (issue #13.10). A counter never written starts from the subscriptions counted.
      const write = () =>
        doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: table,
                  Key: keys.webhookCount(sub.tenantId),
                  UpdateExpression: 'SET n = if_not_exists(n, :existing) + :one, #type = :type',
                  ConditionExpression: '(attribute_not_exists(n) AND :existing < :max) OR n < :max',
                  ExpressionAttributeNames: { '#type': 'type' },
                  ExpressionAttributeValues: { ':existing': cap.existing, ':one': 1, ':max': cap.max, ':type': 'WebhookCount' },
                },
              },
              { Put: { TableName: table, Item: subscriptionItem(sub), ConditionExpression: 'attribute_not_exists(PK)' } },
              auditPut(table, audit),
            ] as never,
          }),
        );
      for (let attempt = 0; ; attempt++) {
        try {
          await write();
          return;
        } catch (e) {
          const codes = cancellationCodes(e);
          if (codes[0] === 'ConditionalCheckFailed') {
            throw new DomainError(ErrorCode.CONFLICT, 'conflict.tooManyWebhooks', { max: cap.max });
          }
          // Two creates touched the counter at once: one wins, the other tries again and sees the new count.
          const raced = nameOf(e) === 'TransactionConflictException' || codes.includes('TransactionConflict');
          if (raced && attempt < 5) {
            await new Promise((r) => setTimeout(r, 20 + Math.random() * 50 * (attempt + 1)));
            continue;
          }
          translate(e, { key: 'conflict.exists', params: { type: 'webhook subscription', field: 'id' } });
        }
      }
    },

    async getSubscription(tenantId, id) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keys.webhook(tenantId, id) }));
      return Item ? fromItem<WebhookSubscription>(Item) : null;
    },

    listSubscriptions(tenantId, req) {
      return queryPage<WebhookSubscription>(
        client,
        { index: 'GSI1', partition: { attribute: 'GSI1PK', value: keys.tenantWebhooks(tenantId).GSI1PK }, forward: false },
        req,
      );
    },

    allSubscriptions(tenantId) {
      return allPages((page) => store.listSubscriptions(tenantId, page), 100);
    },

    async replaceSubscription(next, previous, audit) {
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: subscriptionItem(next),
                  ConditionExpression: 'version = :v',
                  ExpressionAttributeValues: { ':v': previous.version },
                },
              },
              auditPut(table, audit),
            ] as never,
          }),
        )
        .catch((e) => translate(e, { key: 'conflict.version', params: { type: 'webhook subscription' } }));
    },

    async deleteSubscription(previous, audit: AuditEntry) {
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Delete: {
                  TableName: table,
                  Key: keys.webhook(previous.tenantId, previous.id),
                  ConditionExpression: 'version = :v',
                  ExpressionAttributeValues: { ':v': previous.version },
                },
              },
              {
                // Gives the place back; a counter never written (older subscriptions) stays unwritten.
                Update: {
                  TableName: table,
                  Key: keys.webhookCount(previous.tenantId),
                  UpdateExpression: 'ADD n :minus',
                  ConditionExpression: 'attribute_not_exists(n) OR n > :zero',
                  ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
                },
              },
              auditPut(table, audit),
            ] as never,
          }),
        )
        .catch((e) => translate(e, { key: 'conflict.version', params: { type: 'webhook subscription' } }));
    },

    async enqueueDeliveries(deliveries) {
      if (deliveries.length === 0) return 0;
      const existing = new Set(
        (
          await batchGet(
            client,
            deliveries.map((d) => keys.webhookDelivery(d.tenantId, d.subscriptionId, d.id)),
          )
        ).map((i) => String(i.id)),
      );
      let written = 0;
      await inParallel(
        deliveries.filter((d) => !existing.has(d.id)),
        8,
        async (d) => {
          try {
            await doc.send(new PutCommand({ TableName: table, Item: deliveryItem(d), ConditionExpression: 'attribute_not_exists(PK)' }));
            written++;
          } catch (e) {
            if ((e as { name?: string }).name !== 'ConditionalCheckFailedException') throw e;
          }
        },
      );
      return written;
    },

    async dueDeliveries(tenantId, now, limit) {
      const res = await doc.send(
        new QueryCommand({
          TableName: table,
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK <= :now',
          ExpressionAttributeValues: { ':pk': keys.webhookDue(tenantId, '', '').GSI2PK, ':now': `${now}#~` },
          Limit: limit,
        }),
      );
      return (res.Items ?? []).map((i) => fromItem<WebhookDelivery>(i)).filter((d) => d.status === 'PENDING' && d.nextAttemptAt <= now);
    },

    async claimDelivery(d, leaseUntil) {
      const due = keys.webhookDue(d.tenantId, leaseUntil, d.id);
      try {
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.webhookDelivery(d.tenantId, d.subscriptionId, d.id),
            UpdateExpression: 'SET nextAttemptAt = :lease, GSI2SK = :dueSk',
            ConditionExpression: '#status = :pending AND nextAttemptAt = :was AND attempts = :attempts',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':lease': leaseUntil,
              ':dueSk': due.GSI2SK,
              ':pending': 'PENDING',
              ':was': d.nextAttemptAt,
              ':attempts': d.attempts,
            },
          }),
        );
        return true;
      } catch (e) {
        if (nameOf(e) === 'ConditionalCheckFailedException') return false;
        throw e;
      }
    },

    async settleDelivery(next, claimed, outcome) {
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: deliveryItem(next),
            ConditionExpression: '#status = :pending AND nextAttemptAt = :lease AND attempts = :attempts',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':pending': 'PENDING', ':lease': claimed.nextAttemptAt, ':attempts': claimed.attempts },
          }),
        );
      } catch (e) {
        if (nameOf(e) === 'ConditionalCheckFailedException') return false;
        throw e;
      }
      await showLast(next.tenantId, next.subscriptionId, outcome);
      return true;
    },

    async recordDelivery(d, outcome) {
      await doc.send(new PutCommand({ TableName: table, Item: deliveryItem(d), ConditionExpression: 'attribute_not_exists(PK)' }));
      await showLast(d.tenantId, d.subscriptionId, outcome);
    },

    async getDelivery(tenantId, subscriptionId, deliveryId) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: keys.webhookDelivery(tenantId, subscriptionId, deliveryId), ConsistentRead: true }),
      );
      return Item ? fromItem<WebhookDelivery>(Item) : null;
    },

    async reopenDelivery(d, now) {
      const next: WebhookDelivery = { ...d, status: 'PENDING', attempts: 0, nextAttemptAt: now };
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: deliveryItem(next),
            ConditionExpression: '#status = :failed',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':failed': 'FAILED' },
          }),
        );
        return next;
      } catch (e) {
        if (nameOf(e) === 'ConditionalCheckFailedException') return null;
        throw e;
      }
    },

    listDeliveries(tenantId, subscriptionId, filter, req) {
      return queryPage<WebhookDelivery>(
        client,
        {
          index: 'GSI1',
          partition: { attribute: 'GSI1PK', value: keys.webhookDeliveryIndex(tenantId, subscriptionId, '', '').GSI1PK },
          forward: false,
          ...(filter.status ? { filter: { expression: '#fs = :fs', names: { '#fs': 'status' }, values: { ':fs': filter.status } } } : {}),
        },
        req,
      );
    },

    async auditSince(tenantId, since, limit) {
      const out: AuditEntry[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const res = await doc.send(
          new QueryCommand({
            TableName: table,
            IndexName: 'GSI1',
            KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK >= :since',
            ExpressionAttributeValues: { ':pk': keys.tenantAudit(tenantId).GSI1PK, ':since': since },
            ExclusiveStartKey: start,
          }),
        );
        for (const item of res.Items ?? []) out.push(fromItem<AuditEntry>(item));
        start = res.LastEvaluatedKey;
      } while (start && out.length < limit);
      return out.slice(0, limit);
    },

    async getCheckpoint(tenantId) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keys.webhookCheckpoint(tenantId) }));
      return Item ? String(Item.at) : null;
    },

    async putCheckpoint(tenantId, at) {
      await doc.send(new PutCommand({ TableName: table, Item: { ...keys.webhookCheckpoint(tenantId), type: 'WebhookCheckpoint', at } }));
    },
  };
  return store;
}
