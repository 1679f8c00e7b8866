import { graphql } from '../generated/gql.ts';
import type { AdminAuditEntryFieldsFragment } from '../generated/graphql.ts';
import { cursorPager, pageOf } from './cursorPages.ts';
import type { GraphQLClient } from './graphqlClient.ts';
import type { ResourceHandlers } from './types.ts';

/** One entry of the audit log: who changed which record, when, and each field before and after. */
export type AuditRecord = AdminAuditEntryFieldsFragment;

export const auditEntryFields = graphql(`
  fragment AdminAuditEntryFields on AuditEntry {
    id
    at
    actor {
      id
      role
    }
    action
    entityType
    entityId
    changes {
      field
      before
      after
    }
  }
`);

const auditLogQuery = graphql(`
  query AdminAuditLog($entityId: ID, $first: Int, $after: String) {
    auditLog(entityId: $entityId, first: $first, after: $after) {
      edges {
        node {
          ...AdminAuditEntryFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The log is newest first and filters by one record only; there is nothing else to sort or filter by. */
export function auditHandlers(client: GraphQLClient): ResourceHandlers {
  const page = cursorPager(
    async ({ entityId }: { entityId: string | null }, cursor, signal) =>
      (await client(auditLogQuery, { entityId, ...cursor }, signal)).auditLog,
    (entry: AuditRecord) => entry,
  );

  return {
    getList: ({ filter, pagination, signal }) =>
      page({ entityId: typeof filter?.entityId === 'string' ? filter.entityId : null }, pageOf(pagination), signal),

    // One record's trail, e.g. on a person's page: `target: entityId`.
    getManyReference: ({ target, id, pagination, signal }) => {
      if (target !== 'entityId') throw new Error(`The audit log is filtered by entityId, not ${target}.`);
      return page({ entityId: String(id) }, pageOf(pagination), signal);
    },
  };
}
