import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Enrolment, PeopleStore, Person } from '#domain/people.ts';
import { auditPut } from './audit.ts';
import { batchGet } from './batch.ts';
import type { StoreClient } from './client.ts';
import { fromItem, translate } from './items.ts';
import { keys } from './keys.ts';
import { queryAll, queryPage } from './query.ts';

const counterFor = (role: Enrolment['role']): 'mentors' | 'mentees' => (role === 'MENTOR' ? 'mentors' : 'mentees');

export function peopleStore(client: StoreClient): PeopleStore {
  const { doc, table } = client;
  return {
    async getPerson(tenantId, id) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keys.person(tenantId, id) }));
      return Item ? fromItem<Person>(Item) : null;
    },

    async getPeople(tenantId, ids) {
      const items = await batchGet(
        client,
        ids.map((id) => keys.person(tenantId, id)),
      );
      return new Map(items.map((i) => [String(i.id), fromItem<Person>(i)]));
    },

    async createPerson(person, audit) {
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: { ...keys.personEmail(person.tenantId, person.email), type: 'EmailClaim', personId: person.id },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              {
                Put: {
                  TableName: table,
                  Item: { ...keys.person(person.tenantId, person.id), type: 'Person', ...person },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              auditPut(table, audit),
            ],
          }),
        )
        .catch((e) => translate(e, { key: 'conflict.exists', params: { type: 'Person', field: 'email' } }));
    },

    async createEnrolment(enrolment, audit) {
      const { tenantId, programId, personId, role } = enrolment;
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: {
                    ...keys.enrolment(tenantId, personId, programId, role),
                    ...keys.enrolmentIndex(tenantId, programId, role, enrolment.sortKey, personId),
                    type: 'Enrolment',
                    ...enrolment,
                  },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              {
                Update: {
                  TableName: table,
                  Key: keys.programStats(tenantId, programId),
                  UpdateExpression: 'ADD #n :one',
                  ConditionExpression: 'attribute_exists(PK)',
                  ExpressionAttributeNames: { '#n': counterFor(role) },
                  ExpressionAttributeValues: { ':one': 1 },
                },
              },
              auditPut(table, audit),
            ],
          }),
        )
        .catch((e) => translate(e, { key: 'conflict.exists', params: { type: 'Enrolment', field: 'role' } }));
    },

    listEnrolments(tenantId, programId, role, req) {
      const k = keys.programEnrolments(tenantId, programId, role);
      return queryPage<Enrolment>(
        client,
        { index: 'GSI1', partition: { attribute: 'GSI1PK', value: k.GSI1PK }, sortPrefix: { attribute: 'GSI1SK', value: k.GSI1SKPrefix } },
        req,
      );
    },

    enrolmentsOf(tenantId, personId) {
      const k = keys.personEnrolments(tenantId, personId);
      return queryAll<Enrolment>(client, k.PK, k.SKPrefix);
    },
  };
}
