import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ProgramStats } from '#domain/mentorships/analytics.ts';
import { type Program, type ProgramStore, readableProgram } from '#domain/programs/programs.ts';
import { auditPut } from './audit.ts';
import { batchGet } from './batch.ts';
import type { StoreClient } from './client.ts';
import { discoveryIndexStart } from './discovery.ts';
import { idempotencyPut } from './idempotency.ts';
import { fromItem, translate } from './items.ts';
import { keys } from './keys.ts';
import { queryPage } from './query.ts';
import { statsItem, statsOf } from './stats.ts';

export function programStore(client: StoreClient): ProgramStore & {
  statsOf(tenantId: string, programIds: readonly string[]): Promise<Map<string, ProgramStats>>;
} {
  const { doc, table } = client;
  return {
    async getProgram(tenantId, id) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keys.program(tenantId, id) }));
      return Item ? readableProgram(fromItem<Program>(Item)) : null;
    },

    async listPrograms(tenantId, req) {
      const k = keys.programs(tenantId);
      const page = await queryPage<Program>(
        client,
        { partition: { attribute: 'PK', value: k.PK }, sortPrefix: { attribute: 'SK', value: k.SKPrefix } },
        req,
      );
      return { ...page, items: page.items.map(readableProgram) };
    },

    async createProgram(program, audit, idempotency) {
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: { ...keys.program(program.tenantId, program.id), type: 'Program', ...program },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              {
                Put: {
                  TableName: table,
                  Item: statsItem(program.tenantId, program.id),
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              auditPut(table, audit),
              ...(idempotency ? [idempotencyPut(table, idempotency)] : []),
              // Its discovery index is whole from the start: every enrolment from now on writes its entry (ADR 0072).
              discoveryIndexStart(table, program.tenantId, program.id, program.createdAt),
            ],
          }),
        )
        .catch((e) => translate(e, { key: 'conflict.exists', params: { type: 'Program', field: 'id' } }));
    },

    async replaceProgram(program, expectedVersion, audit) {
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: { ...keys.program(program.tenantId, program.id), type: 'Program', ...program },
                  ConditionExpression: 'attribute_exists(PK) AND version = :v',
                  ExpressionAttributeValues: { ':v': expectedVersion },
                },
              },
              auditPut(table, audit),
            ],
          }),
        )
        .catch((e) => translate(e, { key: 'conflict.version', params: { type: 'Program' } }));
    },

    async getPrograms(tenantId, ids) {
      const items = await batchGet(
        client,
        ids.map((id) => keys.program(tenantId, id)),
      );
      return new Map(items.map((i) => [String(i.id), readableProgram(fromItem<Program>(i))]));
    },

    statsOf(tenantId, programIds) {
      return statsOf(client, tenantId, programIds);
    },
  };
}
