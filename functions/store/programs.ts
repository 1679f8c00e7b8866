import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Program, ProgramStore } from '#domain/programs.ts';
import { auditPut } from './audit.ts';
import { batchGet } from './batch.ts';
import type { StoreClient } from './client.ts';
import { idempotencyPut } from './idempotency.ts';
import { fromItem, translate } from './items.ts';
import { keys } from './keys.ts';
import { queryPage } from './query.ts';

export interface ProgramCounts {
  mentors: number;
  mentees: number;
  withdrawn: number;
  activeMentorships: number;
}

export const zeroCounts: ProgramCounts = { mentors: 0, mentees: 0, withdrawn: 0, activeMentorships: 0 };

export function programStore(client: StoreClient): ProgramStore & {
  countsOf(tenantId: string, programIds: readonly string[]): Promise<Map<string, ProgramCounts>>;
} {
  const { doc, table } = client;
  return {
    async getProgram(tenantId, id) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keys.program(tenantId, id) }));
      return Item ? fromItem<Program>(Item) : null;
    },

    listPrograms(tenantId, req) {
      const k = keys.programs(tenantId);
      return queryPage<Program>(
        client,
        { partition: { attribute: 'PK', value: k.PK }, sortPrefix: { attribute: 'SK', value: k.SKPrefix } },
        req,
      );
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
                  Item: { ...keys.programStats(program.tenantId, program.id), type: 'ProgramStats', programId: program.id, ...zeroCounts },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              auditPut(table, audit),
              ...(idempotency ? [idempotencyPut(table, idempotency)] : []),
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
      return new Map(items.map((i) => [String(i.id), fromItem<Program>(i)]));
    },

    async countsOf(tenantId, programIds) {
      const items = await batchGet(
        client,
        programIds.map((id) => keys.programStats(tenantId, id)),
      );
      const out = new Map<string, ProgramCounts>();
      for (const item of items) {
        out.set(String(item.programId), {
          mentors: Number(item.mentors ?? 0),
          mentees: Number(item.mentees ?? 0),
          withdrawn: Number(item.withdrawn ?? 0),
          activeMentorships: Number(item.activeMentorships ?? 0),
        });
      }
      return out;
    },
  };
}
