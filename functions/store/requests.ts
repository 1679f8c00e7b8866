import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError, ErrorCode } from '#domain/kernel/errors.ts';
import type { MentorshipRequest, RequestStore } from '#domain/mentorships/requests.ts';
import { auditPut } from './audit.ts';
import { batchGet } from './batch.ts';
import type { StoreClient } from './client.ts';
import { idempotencyPut, idempotencyRef } from './idempotency.ts';
import { cancellationCodes, fromItem, translate } from './items.ts';
import { keys } from './keys.ts';
import { queryAll, queryPage } from './query.ts';
import { statsUpdate } from './stats.ts';

const requestItem = (r: MentorshipRequest) => ({
  ...keys.request(r.tenantId, r.id),
  ...keys.requestIndex(r.tenantId, r.programId, r.mentorId, r.createdAt, r.id),
  type: 'Request',
  ...r,
});

const claimKey = (r: MentorshipRequest) => keys.requestClaim(r.tenantId, r.programId, r.menteeId, r.mentorId);

/** Frees the mentee to ask this mentor again; a request sent before claims existed has none to free. */
export const releaseClaim = (table: string, r: MentorshipRequest) => ({
  Delete: {
    TableName: table,
    Key: claimKey(r),
    ConditionExpression: 'attribute_not_exists(PK) OR requestId = :request',
    ExpressionAttributeValues: { ':request': r.id },
  },
});

export function requestStore(client: StoreClient): RequestStore {
  const { doc, table } = client;
  return {
    async getRequest(tenantId, id) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keys.request(tenantId, id) }));
      return Item ? fromItem<MentorshipRequest>(Item) : null;
    },

    async createRequest(r, max, stats, audit, idempotency) {
      const t = r.tenantId;
      const statsOp = statsUpdate(table, t, stats);
      for (let attempt = 1; ; attempt++) {
        try {
          await doc.send(
            new TransactWriteCommand({
              TransactItems: [
                { Put: { TableName: table, Item: requestItem(r), ConditionExpression: 'attribute_not_exists(PK)' } },
                { Put: { TableName: table, Item: { ...keys.sentRequest(t, r.menteeId, r.id), type: 'SentRequest', requestId: r.id } } },
                { Put: { TableName: table, Item: { ...keys.openRequest(t, r.expiresAt, r.id), type: 'OpenRequest', requestId: r.id } } },
                {
                  // Bounded open requests, and none while the mentee is in a running pair.
                  Update: {
                    TableName: table,
                    Key: keys.enrolment(t, r.menteeId, r.programId, 'MENTEE'),
                    UpdateExpression: 'SET openRequests = openRequests + :one',
                    ConditionExpression: '#status <> :withdrawn AND openRequests < :max AND activeMentorships = :zero',
                    ExpressionAttributeNames: { '#status': 'status' },
                    ExpressionAttributeValues: { ':one': 1, ':zero': 0, ':max': max, ':withdrawn': 'WITHDRAWN' },
                  },
                },
                {
                  // One open request per mentee, mentor and program, however many sends arrive at once.
                  Put: {
                    TableName: table,
                    Item: { ...claimKey(r), type: 'RequestClaim', requestId: r.id },
                    ConditionExpression: 'attribute_not_exists(PK)',
                  },
                },
                ...(statsOp ? [statsOp] : []),
                auditPut(table, audit),
                ...(idempotency ? [idempotencyPut(table, idempotency), idempotencyRef(table, idempotency, r.menteeId)] : []),
              ] as never,
            }),
          );
          return;
        } catch (e) {
          const reasons = (e as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
          // Two sends at once touch the same enrolment: the one DynamoDB cancelled for contention wrote
          // nothing, and tried again meets the other's claim (or its idempotency record) and says so.
          const contended =
            cancellationCodes(e).includes('TransactionConflict') && !cancellationCodes(e).includes('ConditionalCheckFailed');
          if (contended && attempt < 3) continue;
          if (reasons[3]?.Code === 'ConditionalCheckFailed') throw new DomainError(ErrorCode.CONFLICT, 'conflict.tooManyRequests', { max });
          if (reasons[4]?.Code === 'ConditionalCheckFailed') {
            const { Item } = await doc.send(new GetCommand({ TableName: table, Key: claimKey(r), ConsistentRead: true }));
            throw new DomainError(ErrorCode.CONFLICT, 'conflict.duplicateRequest', { request: String(Item?.requestId ?? '') });
          }
          translate(e, { key: 'conflict.exists', params: { type: 'request', field: 'id' } });
        }
      }
    },

    async closeRequest(next, previous, stats, audit) {
      const t = next.tenantId;
      const statsOp = statsUpdate(table, t, stats);
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: requestItem(next),
                  ConditionExpression: 'version = :v AND #status = :open',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: { ':v': previous.version, ':open': 'OPEN' },
                },
              },
              { Delete: { TableName: table, Key: keys.openRequest(t, previous.expiresAt, previous.id) } },
              releaseClaim(table, previous),
              {
                Update: {
                  TableName: table,
                  Key: keys.enrolment(t, next.menteeId, next.programId, 'MENTEE'),
                  UpdateExpression: 'SET openRequests = openRequests - :one',
                  ExpressionAttributeValues: { ':one': 1 },
                },
              },
              ...(statsOp ? [statsOp] : []),
              auditPut(table, audit),
            ] as never,
          }),
        )
        .catch((e) => translate(e, { key: 'conflict.version', params: { type: 'request' } }));
    },

    listProgramRequests(tenantId, programId, req) {
      const k = keys.programRequests(tenantId, programId);
      return queryPage<MentorshipRequest>(
        client,
        { index: 'GSI1', partition: { attribute: 'GSI1PK', value: k.GSI1PK }, forward: false },
        req,
      );
    },

    async requestsOf(tenantId, personId) {
      const sent = keys.sentRequests(tenantId, personId);
      const [pointers, inbox] = await Promise.all([
        queryAll<{ requestId: string }>(client, sent.PK, sent.SKPrefix),
        doc.send(
          new QueryCommand({
            TableName: table,
            IndexName: 'GSI2',
            KeyConditionExpression: 'GSI2PK = :pk',
            ExpressionAttributeValues: { ':pk': keys.inbox(tenantId, personId).GSI2PK },
            ScanIndexForward: false,
          }),
        ),
      ]);
      const sentItems = await batchGet(
        client,
        pointers.map((p) => keys.request(tenantId, p.requestId)),
      );
      return [...sentItems, ...(inbox.Items ?? [])]
        .map((i) => fromItem<MentorshipRequest>(i))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },

    async expiredRequests(tenantId, now) {
      const markers = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'PK = :pk AND SK < :now',
          ExpressionAttributeValues: { ':pk': keys.openRequests(tenantId).PK, ':now': now },
          Limit: 500,
        }),
      );
      const items = await batchGet(
        client,
        (markers.Items ?? []).map((m) => keys.request(tenantId, String(m.requestId))),
      );
      return items.map((i) => fromItem<MentorshipRequest>(i)).filter((r) => r.status === 'OPEN');
    },
  };
}
