import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '#domain/audit.ts';
import type { WebhookDelivery, WebhookStore, WebhookSubscription } from '#domain/webhooks.ts';
import { auditPut } from './audit.ts';
import { batchGet } from './batch.ts';
import type { StoreClient } from './client.ts';
import { fromItem, translate } from './items.ts';
import { keys } from './keys.ts';
import { expiry, inParallel } from './outbox.ts';
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
  const store: WebhookStore = {
    async createSubscription(sub, audit) {
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: table, Item: subscriptionItem(sub), ConditionExpression: 'attribute_not_exists(PK)' } },
              auditPut(table, audit),
            ] as never,
          }),
        )
        .catch((e) => translate(e, { key: 'conflict.exists', params: { type: 'webhook subscription', field: 'id' } }));
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

    async settleDelivery(next, previous, outcome) {
      const alone = () =>
        doc.send(
          new PutCommand({
            TableName: table,
            Item: deliveryItem(next),
            ConditionExpression: 'attempts = :a',
            ExpressionAttributeValues: { ':a': previous.attempts },
          }),
        );
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: deliveryItem(next),
                  ConditionExpression: 'attempts = :a',
                  ExpressionAttributeValues: { ':a': previous.attempts },
                },
              },
              {
                // The subscription shows its last delivery; a deleted subscription is not recreated.
                Update: {
                  TableName: table,
                  Key: keys.webhook(next.tenantId, next.subscriptionId),
                  UpdateExpression: 'SET lastDelivery = :outcome',
                  ConditionExpression: 'attribute_exists(PK)',
                  ExpressionAttributeValues: { ':outcome': outcome },
                },
              },
            ],
          }),
        )
        .catch(async (e: unknown) => {
          const reasons = (e as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
          // The subscription was deleted meanwhile: record the delivery alone.
          if (reasons[0]?.Code !== 'ConditionalCheckFailed' && reasons[1]?.Code === 'ConditionalCheckFailed') return alone();
          throw e;
        });
    },

    listDeliveries(tenantId, subscriptionId, req) {
      return queryPage<WebhookDelivery>(
        client,
        {
          index: 'GSI1',
          partition: { attribute: 'GSI1PK', value: keys.webhookDeliveryIndex(tenantId, subscriptionId, '', '').GSI1PK },
          forward: false,
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
