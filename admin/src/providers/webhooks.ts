import { graphql } from '../generated/gql.ts';
import type {
  AdminWebhookDeliveryFieldsFragment,
  AdminWebhookFieldsFragment,
  WebhookDeliveryStatus,
  WebhookEvent,
} from '../generated/graphql.ts';
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
    previousSecretExpiresAt
  }
`);

/** One line of a subscription's delivery log. */
export type WebhookDeliveryRecord = AdminWebhookDeliveryFieldsFragment;

export const webhookDeliveryFields = graphql(`
  fragment AdminWebhookDeliveryFields on WebhookDelivery {
    id
    eventId
    event
    status
    attempts
    nextAttemptAt
    lastAttemptAt
    lastHttpStatus
    lastError
    createdAt
  }
`);

const webhookQuery = graphql(`
  query AdminWebhook($id: ID!) {
    webhookSubscription(id: $id) {
      ...AdminWebhookFields
    }
  }
`);

const deliveriesQuery = graphql(`
  query AdminWebhookDeliveries($id: ID!, $first: Int, $after: String, $filter: WebhookDeliveryFilter) {
    webhookSubscription(id: $id) {
      id
      deliveries(first: $first, after: $after, filter: $filter) {
        edges {
          node {
            ...AdminWebhookDeliveryFields
          }
        }
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const pingMutation = graphql(`
  mutation AdminPingWebhook($id: ID!) {
    pingWebhook(id: $id) {
      ...AdminWebhookDeliveryFields
    }
  }
`);

const redeliverMutation = graphql(`
  mutation AdminRedeliverWebhook($id: ID!) {
    redeliverWebhookDelivery(id: $id) {
      ...AdminWebhookDeliveryFields
    }
  }
`);

const rotateMutation = graphql(`
  mutation AdminRotateWebhookSecret($id: ID!, $version: Int!, $overlapHours: Int) {
    rotateWebhookSecret(id: $id, version: $version, overlapHours: $overlapHours) {
      secret
      subscription {
        ...AdminWebhookFields
      }
    }
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
      totalCount
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

/** What a partner developer does with a subscription beyond editing it. */
export interface WebhookVerbs {
  pingWebhook(id: string): Promise<{ data: WebhookDeliveryRecord }>;
  redeliverWebhook(id: string): Promise<{ data: WebhookDeliveryRecord }>;
  rotateWebhookSecret(hook: WebhookRecord, overlapHours: number): Promise<{ data: { secret: string; subscription: WebhookRecord } }>;
}

export function webhookVerbs(client: GraphQLClient): WebhookVerbs {
  return {
    pingWebhook: async (id) => ({ data: (await client(pingMutation, { id })).pingWebhook }),
    redeliverWebhook: async (id) => ({ data: (await client(redeliverMutation, { id })).redeliverWebhookDelivery }),
    rotateWebhookSecret: async (hook, overlapHours) => ({
      data: (await client(rotateMutation, { id: String(hook.id), version: hook.version, overlapHours })).rotateWebhookSecret,
    }),
  };
}

interface DeliveryList {
  subscriptionId: string;
  status: WebhookDeliveryStatus | null;
  eventId: string | null;
}

/** A subscription's delivery log (resource `webhookDeliveries`, filtered by `subscriptionId`, `status`, `eventId`). */
export function webhookDeliveriesHandlers(client: GraphQLClient): ResourceHandlers {
  const page = cursorPager(
    async (list: DeliveryList, cursor, signal) => {
      const found = await client(
        deliveriesQuery,
        { id: list.subscriptionId, ...cursor, filter: { status: list.status, eventId: list.eventId } },
        signal,
      );
      return found.webhookSubscription?.deliveries ?? { edges: [], pageInfo: { hasNextPage: false } };
    },
    (node: WebhookDeliveryRecord) => node,
  );
  return {
    getList: ({ pagination, filter, signal }) => {
      const f = (filter ?? {}) as Record<string, string | undefined>;
      const list = {
        subscriptionId: f.subscriptionId ?? '',
        status: (f.status || null) as WebhookDeliveryStatus | null,
        eventId: f.eventId || null,
      };
      return page(list, pageOf(pagination), signal);
    },
  };
}

/** List, show, create (the answer carries the secret, shown once) and update (pause, resume, edit). */
export function webhooksHandlers(client: GraphQLClient): ResourceHandlers {
  const page = cursorPager(
    async (_list: null, cursor, signal) => (await client(webhooksQuery, cursor, signal)).webhookSubscriptions,
    (node: WebhookRecord) => node,
  );
  return {
    getList: ({ pagination, signal }) => page(null, pageOf(pagination), signal),
    getOne: async ({ id, signal }) => {
      const found = (await client(webhookQuery, { id: String(id) }, signal)).webhookSubscription;
      if (!found) throw new Error('This webhook subscription no longer exists.');
      return { data: found };
    },
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
