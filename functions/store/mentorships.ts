import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Meeting, Mentorship, MentorshipStore } from '#domain/mentorships.ts';
import { auditPut } from './audit.ts';
import type { StoreClient } from './client.ts';
import { fromItem, translate } from './items.ts';
import { keys } from './keys.ts';
import { queryAll, queryPage } from './query.ts';

export function mentorshipStore(client: StoreClient): MentorshipStore {
  const { doc, table } = client;
  return {
    async getMentorship(tenantId, id) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keys.mentorship(tenantId, id) }));
      return Item ? fromItem<Mentorship>(Item) : null;
    },

    listMentorships(tenantId, programId, req) {
      const k = keys.programMentorships(tenantId, programId);
      return queryPage<Mentorship>(client, { index: 'GSI1', partition: { attribute: 'GSI1PK', value: k.GSI1PK }, forward: false }, req);
    },

    async createMentorship(m, audit) {
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: {
                    ...keys.mentorship(m.tenantId, m.id),
                    ...keys.mentorshipIndex(m.tenantId, m.programId, m.startedAt, m.id),
                    type: 'Mentorship',
                    ...m,
                  },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              {
                Update: {
                  TableName: table,
                  Key: keys.programStats(m.tenantId, m.programId),
                  UpdateExpression: 'ADD activeMentorships :one',
                  ConditionExpression: 'attribute_exists(PK)',
                  ExpressionAttributeValues: { ':one': 1 },
                },
              },
              ...[
                { personId: m.mentorId, role: 'MENTOR' },
                { personId: m.menteeId, role: 'MENTEE' },
              ].map(({ personId, role }) => ({
                Put: {
                  TableName: table,
                  Item: {
                    ...keys.personPair(m.tenantId, personId, m.id),
                    type: 'PersonPair',
                    mentorshipId: m.id,
                    programId: m.programId,
                    role,
                  },
                },
              })),
              auditPut(table, audit),
            ],
          }),
        )
        .catch((e) => translate(e, { key: 'conflict.exists', params: { type: 'Mentorship', field: 'id' } }));
    },

    async addMeeting(meeting, pair, audit) {
      const { tenantId, mentorshipId } = meeting;
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: { ...keys.meeting(tenantId, mentorshipId, meeting.heldAt, meeting.id), type: 'Meeting', ...meeting },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              {
                Update: {
                  TableName: table,
                  Key: keys.mentorship(tenantId, mentorshipId),
                  UpdateExpression: 'SET lastContactAt = :at, version = :next ADD meetingCount :one',
                  ConditionExpression: 'version = :v',
                  ExpressionAttributeValues: {
                    ':at': pair.lastContactAt,
                    ':v': pair.expectedVersion,
                    ':next': pair.expectedVersion + 1,
                    ':one': 1,
                  },
                },
              },
              auditPut(table, audit),
            ],
          }),
        )
        .catch((e) => translate(e, { key: 'conflict.version', params: { type: 'Mentorship' } }));
    },

    listMeetings(tenantId, mentorshipId) {
      const k = keys.meetings(tenantId, mentorshipId);
      return queryAll<Meeting>(client, k.PK, k.SKPrefix);
    },
  };
}
