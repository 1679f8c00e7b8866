import { graphql } from '../generated/gql.ts';
import type { AdminWebhookFieldsFragment, WebhookEvent } from '../generated/graphql.ts';
import { cursorPager, pageOf } from './cursorPages.ts';
import type { GraphQLClient } from './graphqlClient.ts';
import type { ResourceHandlers } from './types.ts';

/** A partner's webhook subscription with its last delivery. */
export type WebhookRecord = AdminWebhookFieldsFragment;

export const webhookFields = graphql(`
  fragment AdminWebhookFields on WebhookSubscription {
    id
    url
    events
    description
    active
    lastDelivery {
      at
      event
      status
      httpStatus
      error
    }
    createdAt
    version
  }
`);

const webhooksQuery = graphql(`
  query AdminWebhooks($first: Int, $after: String) {
    webhookSubscriptions(first: $first, after: $after) {
      edges {
        node {
          ...AdminWebhookFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const createWebhookMutation = graphql(`
  mutation AdminCreateWebhook($input: WebhookSubscriptionInput!) {
    createWebhookSubscription(input: $input) {
      secret
      subscription {
        ...AdminWebhookFields
      }
    }
  }
`);

const updateWebhookMutation = graphql(`
  mutation AdminUpdateWebhook($id: ID!, $version: Int!, $input: WebhookSubscriptionInput!) {
    updateWebhookSubscription(id: $id, version: $version, input: $input) {
      ...AdminWebhookFields
    }
  }
`);

export interface WebhookInput {
  url: string;
  events: WebhookEvent[];
  description?: string | null;
  active?: boolean | null;
}

/** List, create (the answer carries the secret, shown once) and update (pause, resume, edit). */
export function webhooksHandlers(client: GraphQLClient): ResourceHandlers {
  const page = cursorPager(
    async (_list: null, cursor, signal) => (await client(webhooksQuery, cursor, signal)).webhookSubscriptions,
    (node: WebhookRecord) => node,
  );
  return {
    getList: ({ pagination, signal }) => page(null, pageOf(pagination), signal),
    create: async ({ data }) => {
      const input = data as WebhookInput;
      const { createWebhookSubscription: created } = await client(createWebhookMutation, {
        input: { url: input.url, events: input.events, description: input.description ?? null },
      });
      return { data: { ...created.subscription, secret: created.secret } };
    },
    update: async ({ id, data, previousData }) => {
      const input = data as WebhookInput;
      const previous = previousData as WebhookRecord;
      const { updateWebhookSubscription: updated } = await client(updateWebhookMutation, {
        id: String(id),
        version: previous.version,
        input: { url: input.url, events: input.events, description: input.description ?? null, active: input.active ?? null },
      });
      return { data: updated };
    },
  };
}
