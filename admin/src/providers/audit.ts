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
  query AdminAuditLog(
    $entityId: ID
    $actorId: String
    $action: String
    $entityType: String
    $from: DateTime
    $to: DateTime
    $first: Int
    $after: String
  ) {
    auditLog(
      entityId: $entityId
      actorId: $actorId
      action: $action
      entityType: $entityType
      from: $from
      to: $to
      first: $first
      after: $after
    ) {
      edges {
        node {
          ...AdminAuditEntryFields
        }
      }
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

interface AuditListKey {
  entityId: string | null;
  actorId?: string | null;
  action?: string | null;
  entityType?: string | null;
  from?: string | null;
  to?: string | null;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** A calendar day in the reader's own time zone, as the instant it starts (or, for `to`, ends). */
const dayBound = (value: unknown, end: boolean) => {
  const day = text(value);
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  return new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`).toISOString();
};

/** The log list's filters as the API takes them: who, what (an action or its prefix), which kind of record, from and to (days). */
export function auditFilter(filter: Record<string, unknown> | undefined): AuditListKey {
  return {
    entityId: text(filter?.entityId),
    actorId: text(filter?.actorId),
    action: text(filter?.action),
    entityType: text(filter?.entityType),
    from: dayBound(filter?.from, false),
    to: dayBound(filter?.to, true),
  };
}

/** The log is newest first; it filters by record, who, what, kind of record and date range. */
export function auditHandlers(client: GraphQLClient): ResourceHandlers {
  const page = cursorPager(
    async (key: AuditListKey, cursor, signal) => (await client(auditLogQuery, { ...key, ...cursor }, signal)).auditLog,
    (entry: AuditRecord) => entry,
  );

  return {
    getList: ({ filter, pagination, signal }) => page(auditFilter(filter), pageOf(pagination), signal),

    // One record's trail, e.g. on a person's page: `target: entityId`.
    getManyReference: ({ target, id, pagination, signal }) => {
      if (target !== 'entityId') throw new Error(`The audit log is filtered by entityId, not ${target}.`);
      return page({ entityId: String(id) }, pageOf(pagination), signal);
    },
  };
}
