import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Survey, SurveyStore } from '#domain/mentorships/feedback.ts';
import { auditPut } from './audit.ts';
import type { StoreClient } from './client.ts';
import { idempotencyWithPairRef } from './idempotency.ts';
import { translate } from './items.ts';
import { keys } from './keys.ts';
import { queryAll, queryPage } from './query.ts';
import { statsUpdate } from './stats.ts';

export function surveyStore(client: StoreClient): SurveyStore {
  const { doc, table } = client;
  return {
    async addSurvey(survey, stats, audit, idempotency) {
      const statsOp = statsUpdate(table, survey.tenantId, stats);
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: {
                    ...keys.survey(survey.tenantId, survey.mentorshipId, survey.kind, survey.side, survey.id),
                    ...keys.surveyIndex(survey.tenantId, survey.programId, survey.submittedAt, survey.id),
                    type: 'Survey',
                    ...survey,
                  },
                  // The closing survey's key names only its side: a second answer finds it taken.
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              ...(statsOp ? [statsOp] : []),
              auditPut(table, audit),
              ...idempotencyWithPairRef(table, idempotency, survey.mentorshipId),
            ] as never,
          }),
        )
        .catch((e) => translate(e, { key: 'conflict.exists', params: { type: 'closing survey', field: 'side' } }));
    },

    listProgramSurveys(tenantId, programId, kind, req) {
      const k = keys.programSurveys(tenantId, programId);
      return queryPage<Survey>(
        client,
        {
          index: 'GSI1',
          partition: { attribute: 'GSI1PK', value: k.GSI1PK },
          forward: false,
          ...(kind ? { filter: { expression: '#kind = :kind', names: { '#kind': 'kind' }, values: { ':kind': kind } } } : {}),
        },
        req,
      );
    },

    listSurveys(tenantId, mentorshipId) {
      const k = keys.surveys(tenantId, mentorshipId);
      return queryAll<Survey>(client, k.PK, k.SKPrefix);
    },
  };
}
