import type { TypedDocumentString } from './generated/graphql.ts';

/** What a failed call says: the stable code, the message key, per-field problems, when to retry. */
export class KindlingError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly messageKey: string | undefined,
    readonly problems: { field: string; rule: string; reason: string }[] = [],
    readonly retryAfterSeconds: number | undefined = undefined,
    readonly status = 200,
  ) {
    super(message);
    this.name = 'KindlingError';
  }
}

export interface PartnerClientOptions {
  /** The GraphQL endpoint, e.g. `https://api.example.org/graphql` or `http://127.0.0.1:4000/graphql`. */
  url: string;
  /** The key a program manager issued (`kdl_…`), sent as `X-Api-Key`. */
  apiKey: string;
  /** The participant the key acts for: their global Person id (`X-Kindling-Person`). */
  personId: string;
  /** Messages in English or Dutch. */
  locale?: 'en' | 'nl';
  /** Another fetch (tests, a runtime without a global one). */
  fetch?: (
    url: string,
    init: { method: string; headers: Record<string, string>; body: string },
  ) => Promise<{ status: number; json(): Promise<unknown> }>;
}

interface GraphqlBody<T> {
  data?: T | null;
  errors?: {
    message: string;
    extensions?: { code?: string; messageKey?: string; problems?: KindlingError['problems']; retryAfterSeconds?: number };
  }[];
}

/**
 * A tiny typed client for Kindling's partner API: one `request` that takes a generated document and
 * its variables and returns its typed data, or throws a KindlingError. No dependencies.
 */
export function createPartnerClient(options: PartnerClientOptions) {
  const send = options.fetch ?? ((url, init) => fetch(url, init));
  const as = (personId: string) => createPartnerClient({ ...options, personId });
  async function request<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
  ): Promise<TResult> {
    const res = await send(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-api-key': options.apiKey,
        'x-kindling-person': options.personId,
        'accept-language': options.locale ?? 'en',
      },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
    const body = (await res.json()) as GraphqlBody<TResult>;
    const first = body.errors?.[0];
    if (first || !body.data) {
      const x = first?.extensions ?? {};
      throw new KindlingError(
        first?.message ?? 'No data',
        x.code ?? 'INTERNAL_SERVER_ERROR',
        x.messageKey,
        x.problems,
        x.retryAfterSeconds,
        res.status,
      );
    }
    return body.data;
  }
  return { request, as };
}

export type PartnerClient = ReturnType<typeof createPartnerClient>;
