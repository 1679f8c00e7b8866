import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { actOnLink, describeLink, type LinkInput, parseToken } from '#domain/engagement/actionLinks.ts';
import { DomainError, ErrorCode } from '#domain/kernel/errors.ts';
import type { RateLimit } from '#domain/partners/apiKeys.ts';
import { rateLimited } from '#domain/partners/apiKeys.ts';
import { isTransient } from '#lib/transient.ts';
import type { ServerServices } from './context.ts';
import { toGraphQLError, unavailable } from './errors.ts';
import { localeFrom } from './messages.ts';

/** The public path of e-mail action links: POST `{ token }` describes, `{ token, use: {…} }` acts (ADR 0059). */
export const ACTION_LINK_PATH = '/links';

/**
 * Guessing a token (256 random bits) is hopeless; the limit bounds what trying costs: per source
 * address, twenty calls a minute, thirty at once — a person opens a page and answers it in two.
 */
export const LINK_RATE: RateLimit = { perMinute: 20, burst: 30 };

/** Bodies are a token and a few short answers. */
const MAX_BODY = 8_192;

const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', ...headers },
  body: JSON.stringify(body),
});

const header = (event: APIGatewayProxyEventV2, name: string): string | undefined =>
  Object.entries(event.headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];

/**
 * The one unauthenticated entry: the token in the body is the only credential, and any other sent
 * (a bearer token, an API key) is ignored. Nothing runs before the caller's address has taken a
 * token from its bucket (when caller limits are on); the request is then bound to the token's
 * tenant (AWS: its scoped role), so even a forged token reads no other tenant's partition.
 */
export function createActionLinkHandler(services: ServerServices) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const locale = localeFrom(header(event, 'accept-language'));
    const fail = (e: DomainError) => {
      const error = toGraphQLError(e, locale);
      const { http, ...extensions } = error.extensions as { http?: unknown } & Record<string, unknown>;
      const status =
        e.code === ErrorCode.BAD_USER_INPUT
          ? 400
          : e.code === ErrorCode.RATE_LIMITED
            ? 429
            : e.code === ErrorCode.SERVICE_UNAVAILABLE
              ? 503
              : 400;
      const retry = e.code === ErrorCode.RATE_LIMITED ? { 'retry-after': String(e.params.seconds) } : undefined;
      return json(status, { errors: [{ message: error.message, extensions }] }, retry);
    };
    if (event.requestContext.http.method !== 'POST') return json(405, { errors: [{ message: 'POST only' }] }, { allow: 'POST' });
    const raw = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
    if (raw.length > MAX_BODY)
      return fail(new DomainError(ErrorCode.BAD_USER_INPUT, 'request.invalid', { detail: 'the body is too large' }));
    let body: { token?: unknown; use?: unknown };
    try {
      body = JSON.parse(raw || '{}');
    } catch {
      return fail(new DomainError(ErrorCode.BAD_USER_INPUT, 'request.invalid', { detail: 'send JSON: {"token": "…"}' }));
    }
    try {
      const now = services.clock();
      if (services.callerLimits) {
        const ip = event.requestContext.http.sourceIp;
        const taken = await services.callerRates.takeCaller(
          { kind: 'person', tenantId: null, subject: `action-link:${ip}` },
          LINK_RATE,
          now,
        );
        if (!taken.allowed) return fail(rateLimited(taken.retryAfterMs));
      }
      const parsed = parseToken(body.token);
      if (parsed) services.client.bindTenant(parsed.tenantId);
      const use = typeof body.use === 'object' && body.use !== null ? (body.use as LinkInput) : null;
      const view = use ? await actOnLink(services, body.token, use, now) : await describeLink(services, body.token, now);
      if (view.state === 'DONE') services.log.info('action link used', { action: view.action });
      return json(200, view);
    } catch (e) {
      const known = isTransient(e) ? unavailable() : e;
      if (known instanceof DomainError) return fail(known);
      services.log.error('action link failed', { err: e });
      return json(500, { errors: [{ message: 'Internal error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
    }
  };
}
