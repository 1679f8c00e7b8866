import { graphql } from '../generated/gql.ts';
import type { AdminNotificationFieldsFragment, NotificationStatus, NotificationTemplate } from '../generated/graphql.ts';
import { cursorPager, pageOf } from './cursorPages.ts';
import type { GraphQLClient } from './graphqlClient.ts';
import type { ResourceHandlers } from './types.ts';

/** One message of the outbox: what Kindling sent, or would have, and where it stands. */
export type NotificationRecord = AdminNotificationFieldsFragment;

export const notificationFields = graphql(`
  fragment AdminNotificationFields on Notification {
    id
    template
    recipientName
    recipientEmail
    recipientKind
    locale
    subject
    text
    status
    attempts
    notBefore
    deferredReason
    channel
    sentAt
    lastError
    createdAt
  }
`);

const notificationsQuery = graphql(`
  query AdminNotifications($filter: NotificationFilter, $first: Int, $after: String) {
    notifications(filter: $filter, first: $first, after: $after) {
      edges {
        node {
          ...AdminNotificationFields
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

interface Filter {
  programId: string | null;
  status: NotificationStatus | null;
  template: NotificationTemplate | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Newest first, filtered by program, status and template (the API filters; nothing is sorted here). */
export function notificationsHandlers(client: GraphQLClient): ResourceHandlers {
  const page = cursorPager(
    async (filter: Filter, cursor, signal) => (await client(notificationsQuery, { filter, ...cursor }, signal)).notifications,
    (node: NotificationRecord) => node,
  );
  return {
    getList: ({ filter, pagination, signal }) =>
      page(
        {
          programId: text(filter?.programId),
          status: text(filter?.status) as NotificationStatus | null,
          template: text(filter?.template) as NotificationTemplate | null,
        },
        pageOf(pagination),
        signal,
      ),
  };
}
