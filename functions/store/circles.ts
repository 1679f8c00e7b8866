import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Circle, CircleStore, GroupMeeting } from '#domain/mentorships/circleRecord.ts';
import { epochDay } from '#domain/mentorships/health.ts';
import { auditPut } from './audit.ts';
import type { StoreClient } from './client.ts';
import { idempotencyWithCircleRef } from './idempotency.ts';
import { fromItem, translate } from './items.ts';
import { keys } from './keys.ts';
import { queryAll, queryPage } from './query.ts';
import { statsUpdate } from './stats.ts';

/** A circle as stored: its own partition, and in its program's list of circles (GSI1). */
export const circleItem = (c: Circle) => ({
  ...keys.circle(c.tenantId, c.id),
  ...keys.circleIndex(c.tenantId, c.programId, c.createdAt, c.id),
  type: 'Circle',
  ...c,
});

/** The circle's write within another transaction (a member's start): created once, else replaced at the version read. */
export const circlePut = (table: string, next: Circle, expectedVersion: number | null): object => ({
  Put: {
    TableName: table,
    Item: circleItem(next),
    ...(expectedVersion === null
      ? { ConditionExpression: 'attribute_not_exists(PK)' }
      : { ConditionExpression: 'version = :cv', ExpressionAttributeValues: { ':cv': expectedVersion } }),
  },
});

const groupMeetingItem = (m: GroupMeeting) => ({
  ...keys.groupMeeting(m.tenantId, m.circleId, m.heldAt, m.id),
  type: 'GroupMeeting',
  ...m,
});

export function circleStore(client: StoreClient): CircleStore {
  const { doc, table } = client;
  return {
    async getCircle(tenantId, id) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keys.circle(tenantId, id) }));
      return Item ? fromItem<Circle>(Item) : null;
    },

    listCircles(tenantId, programId, req) {
      const k = keys.programCircles(tenantId, programId);
      return queryPage<Circle>(client, { index: 'GSI1', partition: { attribute: 'GSI1PK', value: k.GSI1PK }, forward: false }, req);
    },

    listGroupMeetings(tenantId, circleId) {
      const k = keys.groupMeetings(tenantId, circleId);
      return queryAll<GroupMeeting>(client, k.PK, k.SKPrefix);
    },

    async addGroupMeeting({ meeting, circle, places, stats, audit, idempotency }) {
      const t = meeting.tenantId;
      const statsOp = statsUpdate(table, t, stats);
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: table, Item: groupMeetingItem(meeting), ConditionExpression: 'attribute_not_exists(PK)' } },
              circlePut(table, circle.next, circle.expectedVersion),
              // Each attendee's place moves its last contact, as a pair's meeting does (health filters read healthRef).
              ...places.map((p) => ({
                Update: {
                  TableName: table,
                  Key: keys.mentorship(t, p.id),
                  UpdateExpression: 'SET lastContactAt = :at, healthRef = :ref, hasMet = :met, version = :next ADD meetingCount :one',
                  ConditionExpression: 'version = :v',
                  ExpressionAttributeValues: {
                    ':at': p.lastContactAt,
                    ':ref': epochDay(p.lastContactAt),
                    ':met': true,
                    ':v': p.expectedVersion,
                    ':next': p.expectedVersion + 1,
                    ':one': 1,
                  },
                },
              })),
              ...(statsOp ? [statsOp] : []),
              auditPut(table, audit),
              ...idempotencyWithCircleRef(table, idempotency, circle.next.id),
            ] as never,
          }),
        )
        .catch((e) => translate(e, { key: 'conflict.version', params: { type: 'Circle' } }));
    },
  };
}
