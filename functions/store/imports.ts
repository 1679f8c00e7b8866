import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '#domain/kernel/audit.ts';
import type { IdempotencyRecord } from '#domain/kernel/idempotency.ts';
import type { ImportJob, ImportStore } from '#domain/people/importJobs.ts';
import type { RejectedRow } from '#domain/people/imports.ts';
import { auditPut } from './audit.ts';
import { batchPut } from './batch.ts';
import type { StoreClient } from './client.ts';
import { peopleCountUpdate } from './counts.ts';
import { idempotencyPut } from './idempotency.ts';
import { fromItem, pack, translate, unpack } from './items.ts';
import { keys } from './keys.ts';
import { queryAll, queryPage } from './query.ts';

/** Rows and reports hold personal data: they expire 90 days after the import (the job record stays). */
const KEEP_ROWS_SECONDS = 90 * 86_400;
const PROBLEMS_PER_ITEM = 500;

export function importStore(client: StoreClient): ImportStore {
  const { doc, table } = client;

  return {
    async createImport<Row>(
      job: ImportJob,
      chunks: Row[][],
      problems: RejectedRow[],
      audit: AuditEntry,
      idempotency: IdempotencyRecord | null,
    ) {
      const t = job.tenantId;
      const expiresAt = Math.floor(Date.parse(job.createdAt) / 1000) + KEEP_ROWS_SECONDS;
      const sorted = [...problems].sort((a, b) => a.line - b.line);
      const reports: RejectedRow[][] = [];
      for (let i = 0; i < sorted.length; i += PROBLEMS_PER_ITEM) reports.push(sorted.slice(i, i + PROBLEMS_PER_ITEM));
      await batchPut(client, [
        ...chunks.map((rows, index) => ({
          ...keys.importChunk(t, job.id, index),
          type: 'ImportChunk',
          index,
          // One string, not a list of maps: DynamoDB (Local most of all) parses and stores a string far
          // more cheaply than a hundred nested rows, both here and when the worker reads it (ADR 0084).
          rows: pack(rows),
          done: false,
          failures: [],
          expiresAt,
        })),
        ...reports.map((rows, index) => ({ ...keys.importProblems(t, job.id, index), type: 'ImportProblems', rows, expiresAt })),
      ]);
      // The job last: once it exists, everything it refers to does.
      const indexKeys = keys.importIndex(t, job.programId, job.createdAt, job.id);
      const { GSI2PK, GSI2SK, ...always } = indexKeys;
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: {
                    ...keys.importJob(t, job.id),
                    ...always,
                    ...(job.status === 'DONE' ? {} : { GSI2PK, GSI2SK }),
                    type: 'ImportJob',
                    ...job,
                  },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              auditPut(table, audit),
              ...(idempotency ? [idempotencyPut(table, idempotency)] : []),
            ],
          }),
        )
        .catch((e) => translate(e, { key: 'conflict.exists', params: { type: 'ImportJob', field: 'id' } }));
    },

    async getImport(tenantId, id) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keys.importJob(tenantId, id) }));
      return Item ? fromItem<ImportJob>(Item) : null;
    },

    listImports(tenantId, programId, req) {
      const k = keys.programImports(tenantId, programId);
      return queryPage<ImportJob>(client, { index: 'GSI1', partition: { attribute: 'GSI1PK', value: k.GSI1PK }, forward: false }, req);
    },

    async unfinishedImports(tenantId) {
      const out: ImportJob[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const res = await doc.send(
          new QueryCommand({
            TableName: table,
            IndexName: 'GSI2',
            KeyConditionExpression: 'GSI2PK = :pk',
            ExpressionAttributeValues: { ':pk': keys.openImports(tenantId).GSI2PK },
            ExclusiveStartKey: start,
          }),
        );
        out.push(...(res.Items ?? []).map((i) => fromItem<ImportJob>(i)));
        start = res.LastEvaluatedKey;
      } while (start);
      return out;
    },

    async claimImport(tenantId, id, worker, now, until) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.importJob(tenantId, id),
            UpdateExpression:
              'SET leaseOwner = :w, leaseUntil = :until, #status = :running, startedAt = if_not_exists(startedAt, :now), heartbeatAt = :now ADD attempts :one',
            ConditionExpression:
              '#status IN (:queued, :running) AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now OR leaseOwner = :w)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':w': worker,
              ':until': until,
              ':now': now,
              ':running': 'RUNNING',
              ':queued': 'QUEUED',
              ':one': 1,
            },
          }),
        );
        return true;
      } catch (e) {
        if ((e as { name?: string }).name === 'ConditionalCheckFailedException') return false;
        throw e;
      }
    },

    async pendingChunks<Row>(tenantId: string, id: string) {
      // Which chunks are left, without their rows (a large file's are megabytes): each is read when its turn comes.
      const { PK, SKPrefix } = keys.importChunks(tenantId, id);
      const chunks: { index: number; done: boolean }[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const res = await doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
            ProjectionExpression: '#index, #done',
            ExpressionAttributeNames: { '#index': 'index', '#done': 'done' },
            ExpressionAttributeValues: { ':pk': PK, ':sk': SKPrefix },
            ExclusiveStartKey: start,
          }),
        );
        chunks.push(...((res.Items ?? []) as { index: number; done: boolean }[]));
        start = res.LastEvaluatedKey;
      } while (start);
      return chunks
        .filter((c) => !c.done)
        .sort((a, b) => a.index - b.index)
        .map(({ index }) => ({
          index,
          rows: async () => {
            const { Item } = await doc.send(
              new GetCommand({
                TableName: table,
                Key: keys.importChunk(tenantId, id, index),
                ProjectionExpression: '#rows',
                ExpressionAttributeNames: { '#rows': 'rows' },
              }),
            );
            return unpack<Row[]>(Item?.rows ?? []);
          },
        }));
    },

    async completeChunk(tenantId, id, index, outcome, now, leaseUntil) {
      const { enrolled } = outcome;
      try {
        await doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: table,
                  Key: keys.importChunk(tenantId, id, index),
                  UpdateExpression: 'SET #done = :true, failures = :failures',
                  ConditionExpression: '#done = :false',
                  ExpressionAttributeNames: { '#done': 'done' },
                  ExpressionAttributeValues: { ':true': true, ':false': false, ':failures': outcome.failures },
                },
              },
              {
                Update: {
                  TableName: table,
                  Key: keys.importJob(tenantId, id),
                  // Several of these names are DynamoDB reserved words.
                  UpdateExpression:
                    'SET heartbeatAt = :now, leaseUntil = :until ADD #processed :processed, #created :created, #updated :updated, #unchanged :unchanged, #failed :failed',
                  ExpressionAttributeNames: {
                    '#processed': 'processed',
                    '#created': 'created',
                    '#updated': 'updated',
                    '#unchanged': 'unchanged',
                    '#failed': 'failed',
                  },
                  ExpressionAttributeValues: {
                    ':now': now,
                    ':until': leaseUntil,
                    ':processed': outcome.created + outcome.updated + outcome.unchanged + outcome.failed,
                    ':created': outcome.created,
                    ':updated': outcome.updated,
                    ':unchanged': outcome.unchanged,
                    ':failed': outcome.failed,
                  },
                },
              },
              // The chunk's new people reach the tenant's count here, once (ADR 0054): no hot item per row.
              ...(outcome.created > 0 ? [peopleCountUpdate(table, tenantId, outcome.created)] : []),
              // The chunk's enrolments reach the program's counters here, once: the chunk's `done` guards both.
              ...(enrolled && (enrolled.mentors || enrolled.mentees)
                ? [
                    {
                      Update: {
                        TableName: table,
                        Key: keys.programStats(tenantId, enrolled.programId),
                        UpdateExpression: 'ADD mentors :mentors, mentees :mentees',
                        ConditionExpression: 'attribute_exists(PK)',
                        ExpressionAttributeValues: { ':mentors': enrolled.mentors, ':mentees': enrolled.mentees },
                      },
                    },
                  ]
                : []),
            ],
          }),
        );
        return true;
      } catch (e) {
        const reasons = (e as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
        if (reasons[0]?.Code === 'ConditionalCheckFailed') return false;
        throw e;
      }
    },

    async finishImport(tenantId, id, status, now, error) {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.importJob(tenantId, id),
          UpdateExpression:
            'SET #status = :status, finishedAt = :now, heartbeatAt = :now, #error = :error REMOVE GSI2PK, GSI2SK, leaseOwner, leaseUntil',
          ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
          ExpressionAttributeValues: { ':status': status, ':now': now, ':error': error },
        }),
      );
    },

    async importProblems(tenantId, id) {
      const reportKeys = keys.importReports(tenantId, id);
      const chunkKeys = keys.importChunks(tenantId, id);
      const [reports, chunks] = await Promise.all([
        queryAll<{ rows: RejectedRow[] }>(client, reportKeys.PK, reportKeys.SKPrefix),
        queryAll<{ failures?: RejectedRow[] }>(client, chunkKeys.PK, chunkKeys.SKPrefix),
      ]);
      return [...reports.flatMap((r) => r.rows), ...chunks.flatMap((c) => c.failures ?? [])].sort((a, b) => a.line - b.line);
    },
  };
}
