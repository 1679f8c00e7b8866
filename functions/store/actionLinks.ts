import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ActionLink, ActionLinkStore } from '#domain/engagement/actionLinks.ts';
import { batchPut } from './batch.ts';
import type { StoreClient } from './client.ts';
import { fromItem } from './items.ts';
import { keys } from './keys.ts';

/** A link's item outlives its validity by a month (the page can still say "expired"), then DynamoDB's TTL removes it. */
const KEEP_AFTER_SECONDS = 30 * 86_400;

const isConditionFailure = (e: unknown): boolean => (e as { name?: string }).name === 'ConditionalCheckFailedException';

/** E-mail action links (ADR 0059): written when a message is sent, consumed once with a conditional write. */
export function actionLinkStore(client: StoreClient): ActionLinkStore {
  const { doc, table } = client;
  return {
    async saveLinks(links) {
      await batchPut(
        client,
        links.map((link) => ({
          ...keys.actionLink(link.tenantId, link.hash),
          type: 'ActionLink',
          expiresAt: Math.floor(Date.parse(link.validUntil) / 1000) + KEEP_AFTER_SECONDS,
          ...link,
        })),
      );
    },
    async getLink(tenantId, hash) {
      const res = await doc.send(new GetCommand({ TableName: table, Key: keys.actionLink(tenantId, hash), ConsistentRead: true }));
      return res.Item ? fromItem<ActionLink>(res.Item) : null;
    },
    async consumeLink(link, now) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.actionLink(link.tenantId, link.hash),
            UpdateExpression: 'SET usedAt = :now',
            ConditionExpression: 'attribute_exists(PK) AND attribute_type(usedAt, :null) AND validUntil > :now',
            ExpressionAttributeValues: { ':now': now, ':null': 'NULL' },
          }),
        );
        return true;
      } catch (e) {
        if (isConditionFailure(e)) return false;
        throw e;
      }
    },
    async releaseLink(link) {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.actionLink(link.tenantId, link.hash),
          UpdateExpression: 'SET usedAt = :null',
          ExpressionAttributeValues: { ':null': null },
        }),
      );
    },
  };
}
