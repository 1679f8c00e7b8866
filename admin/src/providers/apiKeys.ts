import { graphql } from '../generated/gql.ts';
import type { AdminApiKeyFieldsFragment, ApiKeyInput } from '../generated/graphql.ts';
import type { GraphQLClient } from './graphqlClient.ts';
import type { ResourceHandlers } from './types.ts';

export type ApiKeyRecord = AdminApiKeyFieldsFragment;

export const apiKeyFields = graphql(`
  fragment AdminApiKeyFields on ApiKey {
    id
    name
    hint
    scopes
    program {
      id
      name
    }
    rateLimit {
      perMinute
      burst
    }
    status
    createdAt
    lastUsedAt
    expiresAt
    revokedAt
    replacedBy
    version
  }
`);

const apiKeysQuery = graphql(`
  query AdminApiKeys {
    apiKeys {
      items {
        ...AdminApiKeyFields
      }
    }
  }
`);

const createApiKeyMutation = graphql(`
  mutation AdminCreateApiKey($input: ApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      key {
        ...AdminApiKeyFields
      }
    }
  }
`);

const revokeApiKeyMutation = graphql(`
  mutation AdminRevokeApiKey($id: ID!, $version: Int!) {
    revokeApiKey(id: $id, version: $version) {
      ...AdminApiKeyFields
    }
  }
`);

const rotateApiKeyMutation = graphql(`
  mutation AdminRotateApiKey($id: ID!, $version: Int!, $overlapHours: Int) {
    rotateApiKey(id: $id, version: $version, overlapHours: $overlapHours) {
      secret
      key {
        ...AdminApiKeyFields
      }
    }
  }
`);

export interface ApiKeyVerbs {
  /** The whole key comes back once, here; the console shows it and forgets it. */
  createApiKey(input: ApiKeyInput): Promise<{ secret: string; key: ApiKeyRecord }>;
  revokeApiKey(key: Pick<ApiKeyRecord, 'id' | 'version'>): Promise<ApiKeyRecord>;
  rotateApiKey(key: Pick<ApiKeyRecord, 'id' | 'version'>, overlapHours: number): Promise<{ secret: string; key: ApiKeyRecord }>;
}

/** A tenant has few keys: the API returns them all, newest first, and the list shows them on one page. */
export function apiKeysHandlers(client: GraphQLClient): ResourceHandlers & ApiKeyVerbs {
  return {
    getList: async ({ signal }) => {
      const items = (await client(apiKeysQuery, {}, signal)).apiKeys.items;
      return { data: items, total: items.length };
    },
    createApiKey: async (input) => (await client(createApiKeyMutation, { input })).createApiKey,
    revokeApiKey: async ({ id, version }) => (await client(revokeApiKeyMutation, { id, version })).revokeApiKey,
    rotateApiKey: async ({ id, version }, overlapHours) => (await client(rotateApiKeyMutation, { id, version, overlapHours })).rotateApiKey,
  };
}
