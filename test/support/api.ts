import { randomBytes } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { JWK } from 'jose';
import { inject } from 'vitest';
import type { Role } from '#domain/kernel/actors.ts';
import type { CallerLimits } from '#domain/partners/rateLimits.ts';
import { createGraphqlHandler } from '#graphql/server.ts';
import { lambdaContext } from '#local/http.ts';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, LocalIssuer } from '#local/issuer.ts';
import { createServices, type Services } from '../../functions/services.ts';
import { graphql } from '../generated/gql.ts';
import { TEST_TABLE } from './globalDynamo.ts';

export interface GraphqlError {
  message: string;
  path?: (string | number)[];
  extensions?: {
    code?: string;
    messageKey?: string;
    retryAfterSeconds?: number;
    problems?: { field: string; rule: string; reason: string }[];
    requestId?: string;
  };
}

export interface CallResult<T> {
  status: number;
  headers: Record<string, string | number | boolean>;
  data: T | null | undefined;
  errors: GraphqlError[] | undefined;
  /** The response body as sent. */
  body?: string;
}

export interface CallOptions {
  token?: string | null;
  headers?: Record<string, string>;
  /** Send this raw body instead of the document. */
  rawBody?: string;
  /** GET with this query string instead of a POST (CSRF and GET tests). */
  get?: string;
}

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public now: Date = new Date('2026-03-02T09:00:00Z')) {}
  readonly read = (): Date => this.now;
  advanceDays(days: number): void {
    this.now = new Date(this.now.getTime() + days * 86_400_000);
  }
}

export interface TestApiOptions {
  clock?: TestClock;
  /** Another table (the security suite snapshots its own) or another DynamoDB Local (fault tests). */
  table?: string;
  endpoint?: string;
  /** More public keys the verifier trusts: lets a test sign tokens with claims the local issuer never writes. */
  extraKeys?: JWK[];
  /** As `npm start` runs: introspection on, field suggestions allowed. */
  isLocal?: boolean;
  /**
   * Bearer-token rate limits. Off unless asked for: on the tests' clock, which stands still unless a
   * test moves it, a bucket never refills. test/security/rate-limits.test.ts turns them on.
   */
  callerLimits?: CallerLimits | null;
}

/**
 * The real GraphQL Lambda handler over the shared DynamoDB Local, called with API Gateway HTTP API
 * (v2) events exactly as AWS would call it, and typed documents.
 */
export async function testApi(options: TestApiOptions = {}) {
  const issuer = await LocalIssuer.ephemeral();
  const clock = options.clock ?? new TestClock();
  const services: Services = createServices({
    table: options.table ?? TEST_TABLE,
    endpoint: options.endpoint ?? inject('dynamoEndpoint'),
    auth: { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks: { keys: [...issuer.jwks.keys, ...(options.extraKeys ?? [])] } },
    cursorSecret: issuer.cursorSecret,
    clock: clock.read,
    isLocal: options.isLocal ?? false,
    callerLimits: options.callerLimits ?? null,
    service: 'test',
  });
  const handler = createGraphqlHandler(services);

  async function call<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
    opts: CallOptions = {},
  ): Promise<CallResult<TResult>> {
    const body = opts.rawBody ?? JSON.stringify({ query: print(document), variables });
    const method = opts.get === undefined ? 'POST' : 'GET';
    const headers: Record<string, string> = { ...(method === 'POST' ? { 'content-type': 'application/json' } : {}), ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    const now = new Date();
    const result = await handler(
      {
        version: '2.0',
        routeKey: '$default',
        rawPath: '/graphql',
        rawQueryString: opts.get ?? '',
        ...(opts.get ? { queryStringParameters: Object.fromEntries(new URLSearchParams(opts.get)) } : {}),
        headers,
        requestContext: {
          accountId: 'test',
          apiId: 'test',
          domainName: 'api.test',
          domainPrefix: 'api',
          http: { method, path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
          requestId: randomBytes(8).toString('hex'),
          routeKey: '$default',
          stage: '$default',
          time: now.toUTCString(),
          timeEpoch: now.getTime(),
        },
        body: method === 'POST' ? body : undefined,
        isBase64Encoded: false,
      },
      lambdaContext('kindling-graphql-test'),
    );
    const text = result.body ?? '';
    let parsed: { data?: TResult | null; errors?: GraphqlError[] } = {};
    try {
      parsed = JSON.parse(text || '{}');
    } catch {
      // Not JSON (e.g. Apollo's plain-text refusals): the test reads `body`.
    }
    return { status: result.statusCode ?? 200, headers: result.headers ?? {}, data: parsed.data, errors: parsed.errors, body: text };
  }

  const token = (role: Role, tenant: string | null, extra: { person?: string; ttlSeconds?: number } = {}) =>
    issuer.token({ tenant, role, subject: `test:${role}:${randomBytes(3).toString('hex')}`, ...extra }).then((t) => t.token);

  /** A fresh tenant with a unique slug, created by an operator through the API, and its manager's token. */
  async function newTenant(name = 'Test Association') {
    const slug = `t-${randomBytes(5).toString('hex')}`;
    const operator = await token('operator', null);
    const created = await call(CREATE_TENANT, { input: { slug, name } }, { token: operator });
    if (created.errors) throw new Error(`Could not create tenant: ${JSON.stringify(created.errors)}`);
    return { slug, manager: await token('manager', slug) };
  }

  return { services, issuer, clock, call, token, newTenant };
}

const CREATE_TENANT = graphql(`
  mutation SupportCreateTenant($input: CreateTenantInput!) {
    createTenant(input: $input) {
      id
      slug
    }
  }
`);

/** The codes of a result's errors, for compact assertions. */
export const codes = (result: { errors?: GraphqlError[] | undefined }): (string | undefined)[] =>
  (result.errors ?? []).map((e) => e.extensions?.code);

/**
 * A `fetch` for the partner client that hands each request to the GraphQL handler as API Gateway
 * would (`api` is asked at each call: a suite sets it up in `beforeAll`).
 */
export const handlerFetch =
  (api: () => Awaited<ReturnType<typeof testApi>>) =>
  async (_url: string, init: { method: string; headers: Record<string, string>; body: string }) => {
    const { query, variables } = JSON.parse(init.body) as { query: string; variables: Record<string, unknown> };
    const res = await api().call({ kind: 'Document', definitions: [] } as never, variables as never, {
      rawBody: JSON.stringify({ query, variables }),
      headers: init.headers,
    });
    return { status: res.status, json: async () => JSON.parse(res.body ?? '{}') };
  };
