import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError, ErrorCode } from '#domain/kernel/errors.ts';
import { epochDay } from '#domain/mentorships/health.ts';
import type { Goal, Meeting, Mentorship, MentorshipStore, PairFailure, PairFilter, PairStart } from '#domain/mentorships/pairs.ts';
import type { MentorshipRequest } from '#domain/mentorships/requests.ts';
import { pairRoles } from '#domain/people/people.ts';
import { auditPut } from './audit.ts';
import { batchGet } from './batch.ts';
import { circlePut } from './circles.ts';
import type { StoreClient } from './client.ts';
import { indexWrites } from './discovery.ts';
import { idempotencyWithPairRef } from './idempotency.ts';
import { fromItem, translate } from './items.ts';
import { keys } from './keys.ts';
import { allPages, type PageQuery, queryAll, queryPage } from './query.ts';
import { releaseClaim } from './requests.ts';
import { statsUpdate } from './stats.ts';

/** What health filters read: the day of the last contact (or start), and whether the pair has met. */
const healthAttributes = (lastContactAt: string | null, startedAt: string) => ({
  healthRef: epochDay(lastContactAt ?? startedAt),
  hasMet: lastContactAt !== null,
});

export const mentorshipItem = (m: Mentorship) => ({
  ...keys.mentorship(m.tenantId, m.id),
  ...keys.mentorshipIndex(m.tenantId, m.programId, m.startedAt, m.id),
  type: 'Mentorship',
  ...m,
  ...healthAttributes(m.lastContactAt, m.startedAt),
});

function pairFilter(filter: PairFilter): PageQuery['filter'] {
  const parts: string[] = [];
  const values: Record<string, unknown> = {};
  if (filter.status) {
    parts.push('#fstatus = :fstatus');
    values[':fstatus'] = filter.status;
  }
  if (filter.health) {
    const bands = filter.health.map((band, i) => {
      const terms = [`#fmet = :fmet${i}`];
      values[`:fmet${i}`] = band.hasMet;
      if (band.from !== null) {
        terms.push(`#fref >= :ffrom${i}`);
        values[`:ffrom${i}`] = band.from;
      }
      if (band.to !== null) {
        terms.push(`#fref <= :fto${i}`);
        values[`:fto${i}`] = band.to;
      }
      // DynamoDB refuses redundant parentheses: only a band among several gets its own.
      return filter.health && filter.health.length > 1 ? `(${terms.join(' AND ')})` : terms.join(' AND ');
    });
    parts.push(bands.length > 1 ? `(${bands.join(' OR ')})` : (bands[0] ?? ''));
  }
  if (parts.length === 0) return undefined;
  const names: Record<string, string> = {};
  if (filter.status) names['#fstatus'] = 'status';
  if (filter.health) Object.assign(names, { '#fmet': 'hasMet', '#fref': 'healthRef' });
  return { expression: parts.join(' AND '), names, values };
}

const FAILURE_KEYS: Record<
  PairFailure,
  { key: 'conflict.mentorFull' | 'conflict.menteeMatched' | 'conflict.state' | 'conflict.notEnrolled'; params: Record<string, string> }
> = {
  mentorFull: { key: 'conflict.mentorFull', params: {} },
  menteeMatched: { key: 'conflict.menteeMatched', params: {} },
  sourceChanged: { key: 'conflict.state', params: { type: 'request or proposal' } },
  notEnrolled: { key: 'conflict.notEnrolled', params: { role: 'participant' } },
};

/** Which condition of a cancelled transaction failed, by the position of its item. */
function failedAt(e: unknown): number {
  const reasons = (e as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
}

const meetingItem = (meeting: Meeting) => ({
  ...keys.meeting(meeting.tenantId, meeting.mentorshipId, meeting.heldAt, meeting.id),
  type: 'Meeting',
  ...meeting,
});

export function mentorshipStore(client: StoreClient): MentorshipStore {
  const { doc, table } = client;
  /** Everything a pair's start writes, in this order: the failure of item 1, 2 or 3 names the reason. */
  const startItems = (start: PairStart): object[] => {
    const { mentorship: m, mentor, mentee, source, stats, audit } = start;
    const t = m.tenantId;
    const fromRequest = source?.key === 'request';
    const items: object[] = [
      { Put: { TableName: table, Item: mentorshipItem(m), ConditionExpression: 'attribute_not_exists(PK)' } },
      {
        // Never beyond the mentor's capacity, however many accepts arrive at once.
        Update: {
          TableName: table,
          Key: keys.enrolment(t, mentor.personId, m.programId, pairRoles(m)[0]),
          UpdateExpression: 'SET activeMentorships = activeMentorships + :one, #status = :matched',
          ConditionExpression: '#status <> :withdrawn AND activeMentorships < #capacity',
          ExpressionAttributeNames: { '#status': 'status', '#capacity': 'capacity' },
          ExpressionAttributeValues: { ':one': 1, ':matched': 'MATCHED', ':withdrawn': 'WITHDRAWN' },
        },
      },
      {
        // At most one running pair per mentee per program.
        Update: {
          TableName: table,
          Key: keys.enrolment(t, mentee.personId, m.programId, pairRoles(m)[1]),
          // The first match is counted once: the condition holds it to what the domain read.
          UpdateExpression: `SET activeMentorships = :one, #status = :matched${mentee.firstMatchedAt ? '' : ', firstMatchedAt = :now'}${fromRequest ? ', openRequests = openRequests - :one' : ''}`,
          ConditionExpression: `#status <> :withdrawn AND activeMentorships = :zero AND ${mentee.firstMatchedAt ? '' : 'NOT '}attribute_type(firstMatchedAt, :string)`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':zero': 0,
            ':matched': 'MATCHED',
            ':withdrawn': 'WITHDRAWN',
            ':string': 'S',
            ...(mentee.firstMatchedAt ? {} : { ':now': m.startedAt }),
          },
        },
      },
    ];
    if (source) {
      const s = source.next;
      const item =
        source.key === 'request'
          ? { ...keys.request(t, s.id), ...itemIndexOf(s), type: 'Request', ...s }
          : { ...keys.proposal(t, s.id), ...itemIndexOf(s), type: 'Proposal', ...s };
      items.push({
        Put: {
          TableName: table,
          Item: item,
          ConditionExpression: 'version = :v AND #status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':v': source.expectedVersion, ':open': source.key === 'request' ? 'OPEN' : 'APPROVED' },
        },
      });
      if (source.key === 'request') {
        const request = s as unknown as { expiresAt: string };
        items.push({ Delete: { TableName: table, Key: keys.openRequest(t, request.expiresAt, s.id) } });
        items.push(releaseClaim(table, s as unknown as MentorshipRequest));
      }
    }
    const statsOp = statsUpdate(table, t, stats);
    if (statsOp) items.push(statsOp);
    for (const [personId, role] of [
      [m.mentorId, 'MENTOR'],
      [m.menteeId, 'MENTEE'],
    ] as const) {
      items.push({
        Put: {
          TableName: table,
          Item: { ...keys.personPair(t, personId, m.id), type: 'PersonPair', mentorshipId: m.id, programId: m.programId, role },
        },
      });
    }
    // A circle member's start adds them to the circle in the same transaction (created with its first member).
    if (start.circle) items.push(circlePut(table, start.circle.next, start.circle.expectedVersion));
    items.push(auditPut(table, audit));
    // A circle's first member opens it: its own audit entry (partners hear CIRCLE_STARTED from it).
    if (start.circle?.audit) items.push(auditPut(table, start.circle.audit));
    // The mentor's load in the discovery index moves with their enrolment's (ADR 0072). Last: failures are named by position.
    if (pairRoles(m)[0] === 'MENTOR')
      items.push(...indexWrites(table, [{ tenantId: t, programId: m.programId, personId: mentor.personId, load: { add: 1 } }]));
    return items;
  };

  const sendStart = async (items: object[]) => {
    try {
      await doc.send(new TransactWriteCommand({ TransactItems: items as never }));
    } catch (e) {
      const at = failedAt(e);
      const failure: PairFailure | null = at === 1 ? 'mentorFull' : at === 2 ? 'menteeMatched' : at === 3 ? 'sourceChanged' : null;
      if (failure) throw new DomainError(ErrorCode.CONFLICT, FAILURE_KEYS[failure].key, FAILURE_KEYS[failure].params);
      translate(e, { key: 'conflict.exists', params: { type: 'Mentorship', field: 'id' } });
    }
  };

  const store: MentorshipStore = {
    async getMentorship(tenantId, id) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keys.mentorship(tenantId, id) }));
      return Item ? fromItem<Mentorship>(Item) : null;
    },

    listMentorships(tenantId, programId, filter, req) {
      const k = keys.programMentorships(tenantId, programId);
      return queryPage<Mentorship>(
        client,
        { index: 'GSI1', partition: { attribute: 'GSI1PK', value: k.GSI1PK }, forward: false, filter: pairFilter(filter) },
        req,
      );
    },

    async endedPairs(tenantId, programId) {
      const [completed, endedEarly] = await Promise.all(
        (['COMPLETED', 'ENDED_EARLY'] as const).map((status) =>
          allPages((page) => store.listMentorships(tenantId, programId, { status }, page)),
        ),
      );
      return [...(completed ?? []), ...(endedEarly ?? [])];
    },

    async mentorshipsOf(tenantId, personId) {
      const k = keys.personPairs(tenantId, personId);
      const pointers = await queryAll<{ mentorshipId: string }>(client, k.PK, k.SKPrefix);
      const items = await batchGet(
        client,
        pointers.map((p) => keys.mentorship(tenantId, p.mentorshipId)),
      );
      return items.map((i) => fromItem<Mentorship>(i)).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    },

    async startPair(start) {
      await sendStart(startItems(start));
    },

    async startImportedPair(start, meetings, goals) {
      const t = start.mentorship.tenantId;
      await sendStart([
        ...startItems(start),
        ...meetings.map((meeting) => ({
          Put: { TableName: table, Item: meetingItem(meeting), ConditionExpression: 'attribute_not_exists(PK)' },
        })),
        ...goals.map((goal) => ({
          Put: { TableName: table, Item: { ...keys.goal(t, goal.mentorshipId, goal.id), type: 'Goal', ...goal } },
        })),
      ]);
    },

    async addHistory(pair, meetings, goals, stats, audit) {
      const statsOp = statsUpdate(table, pair.tenantId, stats);
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: table,
                  Key: keys.mentorship(pair.tenantId, pair.id),
                  UpdateExpression: 'SET lastContactAt = :at, healthRef = :ref, hasMet = :met, version = :next ADD meetingCount :added',
                  ConditionExpression: 'version = :v',
                  ExpressionAttributeValues: {
                    ':at': pair.lastContactAt,
                    ':ref': epochDay(pair.lastContactAt ?? pair.startedAt),
                    ':met': pair.lastContactAt !== null,
                    ':v': pair.version,
                    ':next': pair.version + 1,
                    ':added': meetings.length,
                  },
                },
              },
              ...meetings.map((meeting) => ({
                Put: { TableName: table, Item: meetingItem(meeting), ConditionExpression: 'attribute_not_exists(PK)' },
              })),
              ...goals.map((goal) => ({
                Put: { TableName: table, Item: { ...keys.goal(pair.tenantId, pair.id, goal.id), type: 'Goal', ...goal } },
              })),
              ...(statsOp ? [statsOp] : []),
              auditPut(table, audit),
            ] as never,
          }),
        )
        .catch((e) => translate(e, { key: 'conflict.version', params: { type: 'Mentorship' } }));
    },

    async changePair(next, previous, release, stats, audit, circle) {
      const t = next.tenantId;
      const items: object[] = [
        {
          Put: {
            TableName: table,
            Item: mentorshipItem(next),
            ConditionExpression: 'version = :v',
            ExpressionAttributeValues: { ':v': previous.version },
          },
        },
      ];
      if (release) {
        items.push(
          {
            Update: {
              TableName: table,
              Key: keys.enrolment(t, next.mentorId, next.programId, pairRoles(next)[0]),
              UpdateExpression: 'SET activeMentorships = activeMentorships - :one',
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
          {
            Update: {
              TableName: table,
              Key: keys.enrolment(t, next.menteeId, next.programId, pairRoles(next)[1]),
              UpdateExpression: 'SET activeMentorships = :zero, #status = :enrolled',
              ConditionExpression: '#status <> :withdrawn',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':zero': 0, ':enrolled': 'ENROLLED', ':withdrawn': 'WITHDRAWN' },
            },
          },
        );
      }
      const statsOp = statsUpdate(table, t, stats);
      if (statsOp) items.push(statsOp);
      items.push(auditPut(table, audit));
      if (circle) items.push(circlePut(table, circle.next, circle.expectedVersion));
      if (release && pairRoles(next)[0] === 'MENTOR')
        items.push(...indexWrites(table, [{ tenantId: t, programId: next.programId, personId: next.mentorId, load: { add: -1 } }]));
      await doc
        .send(new TransactWriteCommand({ TransactItems: items as never }))
        .catch((e) => translate(e, { key: 'conflict.version', params: { type: 'Mentorship' } }));
    },

    async addMeeting(meeting, pair, stats, audit, idempotency) {
      const { tenantId, mentorshipId } = meeting;
      const statsOp = statsUpdate(table, tenantId, stats);
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: meetingItem(meeting),
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              {
                Update: {
                  TableName: table,
                  Key: keys.mentorship(tenantId, mentorshipId),
                  UpdateExpression: 'SET lastContactAt = :at, healthRef = :ref, hasMet = :met, version = :next ADD meetingCount :one',
                  ConditionExpression: 'version = :v',
                  ExpressionAttributeValues: {
                    ':at': pair.lastContactAt,
                    ':ref': epochDay(pair.lastContactAt),
                    ':met': true,
                    ':v': pair.expectedVersion,
                    ':next': pair.expectedVersion + 1,
                    ':one': 1,
                  },
                },
              },
              ...(statsOp ? [statsOp] : []),
              auditPut(table, audit),
              ...idempotencyWithPairRef(table, idempotency, mentorshipId),
            ] as never,
          }),
        )
        .catch((e) => translate(e, { key: 'conflict.version', params: { type: 'Mentorship' } }));
    },

    listMeetings(tenantId, mentorshipId) {
      const k = keys.meetings(tenantId, mentorshipId);
      return queryAll<Meeting>(client, k.PK, k.SKPrefix);
    },

    listGoals(tenantId, mentorshipId) {
      const k = keys.goals(tenantId, mentorshipId);
      return queryAll<Goal>(client, k.PK, k.SKPrefix);
    },

    async getGoal(tenantId, mentorshipId, goalId) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keys.goal(tenantId, mentorshipId, goalId) }));
      return Item ? fromItem<Goal>(Item) : null;
    },

    async putGoal(goal, expectedVersion, audit, idempotency) {
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: { ...keys.goal(goal.tenantId, goal.mentorshipId, goal.id), type: 'Goal', ...goal },
                  ...(expectedVersion === null
                    ? { ConditionExpression: 'attribute_not_exists(PK)' }
                    : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } }),
                },
              },
              {
                ConditionCheck: {
                  TableName: table,
                  Key: keys.mentorship(goal.tenantId, goal.mentorshipId),
                  ConditionExpression: 'attribute_exists(PK)',
                },
              },
              auditPut(table, audit),
              ...idempotencyWithPairRef(table, idempotency, goal.mentorshipId),
            ],
          }),
        )
        .catch((e) => translate(e, { key: 'conflict.version', params: { type: 'Goal' } }));
    },
  };
  return store;
}

/** The index keys of a request or proposal, as its own store writes them. */
function itemIndexOf(s: { id: string; tenantId: string; programId: string; status: string } & Record<string, unknown>) {
  if ('mentorAcceptedAt' in s) return keys.proposalIndex(s.tenantId, s.programId, String(s.menteeId), s.status, String(s.createdAt), s.id);
  return keys.requestIndex(s.tenantId, s.programId, String(s.mentorId), String(s.createdAt), s.id);
}
