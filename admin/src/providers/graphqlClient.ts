import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** A failed request, in words, with the API's `extensions.code` (or a client-side one) to act on. */
export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';
  constructor(
    message: string,
    /** `extensions.code` of the first GraphQL error, e.g. UNAUTHENTICATED, CONFLICT; or NETWORK_ERROR / BAD_RESPONSE. */
    readonly code: string,
    /** HTTP status, when a response arrived. */
    readonly status?: number,
    /** The first error's full `extensions`, e.g. field problems for BAD_USER_INPUT. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface GraphQLClientOptions {
  apiUrl: string;
  /** The bearer token for the next request, or undefined when signed out. */
  getToken: () => Promise<string | undefined>;
  /** The console's current locale; sent as Accept-Language so the API answers in it. */
  getLocale: () => string;
}

export type GraphQLClient = <TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
) => Promise<TResult>;

interface GraphQLResponse<TResult> {
  data?: TResult | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Documents are printed once; the generated ones are static objects, so a WeakMap keeps this tidy. */
const printed = new WeakMap<object, string>();
function source(document: TypedDocumentNode<unknown, unknown>): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

export function createGraphQLClient({ apiUrl, getToken, getLocale }: GraphQLClientOptions): GraphQLClient {
  return async function request<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
    signal?: AbortSignal,
  ): Promise<TResult> {
    const token = await getToken();
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
      'Accept-Language': getLocale(),
    };
    if (token) headers.Authorization = `Bearer ${token}`;

    let response: Response;
    try {
      response = await fetch(apiUrl, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: source(document as TypedDocumentNode<unknown, unknown>), variables }),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new GraphQLRequestError(`Could not reach the Kindling API: ${(error as Error).message}`, 'NETWORK_ERROR');
    }

    let body: GraphQLResponse<TResult>;
    try {
      body = await response.json();
    } catch (error) {
      if (signal?.aborted) throw error;
      const code = response.status === 401 ? 'UNAUTHENTICATED' : 'BAD_RESPONSE';
      throw new GraphQLRequestError(`The Kindling API answered HTTP ${response.status} without a GraphQL response`, code, response.status);
    }

    const first = body.errors?.[0];
    if (first) {
      const extensions = first.extensions ?? {};
      const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
      throw new GraphQLRequestError(first.message, code, response.status, extensions);
    }
    if (body.data == null) {
      throw new GraphQLRequestError(`The Kindling API answered HTTP ${response.status} without data`, 'BAD_RESPONSE', response.status);
    }
    return body.data;
  };
}
