import { AsyncLocalStorage } from 'node:async_hooks';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode } from '#domain/kernel/errors.ts';
import { countMetric, ERROR_METRICS } from '#lib/invocationMetrics.ts';
import type { Logger } from '#lib/log.ts';
import { isTransient } from '#lib/transient.ts';
import { type Locale, message } from './messages.ts';

/** Per-request facts the error formatter needs (Apollo's formatError has no context argument). */
export const requestFacts = new AsyncLocalStorage<{ requestId: string; locale: Locale }>();

/**
 * Codes Apollo itself assigns before any resolver runs (a request that does not parse or validate,
 * names no operation, has variables that do not coerce, or is no GraphQL request at all). They
 * leave as BAD_USER_INPUT with `request.invalid`, so every error stays in the closed set; GraphQL's
 * own wording is kept as the detail.
 */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);
/** graphql-js gives up coercing variables after fifty problems with an error of no code: a request error too. */
export const TOO_MANY_VARIABLE_ERRORS = /^Too many errors processing variables/;
const PASSED_THROUGH = new Set<string>(Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR));

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  // Only a failure before execution (the context) sets the status; errors inside a result stay 200.
  SERVICE_UNAVAILABLE: 503,
};

/** IAM's refusal, from DynamoDB (a tenant session touching a key not its own) or from STS. */
export function isAccessDenied(e: unknown): boolean {
  const name = typeof e === 'object' && e !== null ? String((e as { name?: unknown }).name) : '';
  return name === 'AccessDeniedException' || name === 'AccessDenied';
}

/** The domain error a transient infrastructure failure stands for. */
export const unavailable = (): DomainError => new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'unavailable');

/** A DomainError as a GraphQL error in the caller's language; a rate limit also says when to come back (`Retry-After`). */
export function toGraphQLError(e: DomainError, locale: Locale): GraphQLError {
  const status = HTTP_STATUS[e.code];
  const retryAfter = e.code === ErrorCode.RATE_LIMITED ? Number(e.params.seconds) : null;
  return new GraphQLError(message(locale, e.key, e.params), {
    extensions: {
      code: e.code,
      messageKey: e.key,
      ...(retryAfter ? { retryAfterSeconds: retryAfter } : {}),
      ...(e.problems.length > 0 ? { problems: e.problems.map(({ nl, ...p }) => (locale === 'nl' && nl ? { ...p, reason: nl } : p)) } : {}),
      ...(status ? { http: { status, ...(retryAfter ? { headers: new Map([['retry-after', String(retryAfter)]]) } : {}) } } : {}),
    },
  });
}

/** The error a resolver threw, under the GraphQLError that graphql-js wrapped around it. */
function unwrap(error: unknown): unknown {
  let current = error;
  while (typeof current === 'object' && current !== null && 'originalError' in current && current.originalError) {
    current = current.originalError;
  }
  return current;
}

/**
 * The one place errors leave the server. Domain errors keep their code and words (in the caller's
 * language); GraphQL's own request errors keep theirs; anything else is logged under the request
 * id and masked, so no detail of the inside leaks.
 */
export function formatErrorWith(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const facts = requestFacts.getStore() ?? { requestId: 'unknown', locale: 'en' as const };
    let original = unwrap(error);
    const where = { locations: formatted.locations, path: formatted.path };
    if (isTransient(original)) {
      log.warn('service unavailable', { requestId: facts.requestId, path: formatted.path?.join('.'), err: original });
      original = unavailable();
    }
    if (original instanceof DomainError) {
      if (original.code === ErrorCode.SERVICE_UNAVAILABLE) countMetric(ERROR_METRICS.unavailable);
      const { http: _http, ...extensions } = toGraphQLError(original, facts.locale).extensions;
      return { message: message(facts.locale, original.key, original.params), ...where, extensions };
    }
    const code = formatted.extensions?.code;
    // graphql-js stops coercing variables after 50 problems with an error that carries no code.
    const tooManyVariableErrors = TOO_MANY_VARIABLE_ERRORS.test(formatted.message);
    if (
      (tooManyVariableErrors || (typeof code === 'string' && REQUEST_CODES.has(code))) &&
      formatted.extensions?.messageKey === undefined
    ) {
      const detail = formatted.message.replace(/^Context creation failed: /, '');
      return {
        message: message(facts.locale, 'request.invalid', { detail }),
        ...where,
        extensions: { code: ErrorCode.BAD_USER_INPUT, messageKey: 'request.invalid' },
      };
    }
    if (typeof code === 'string' && PASSED_THROUGH.has(code)) {
      // The context's own failures arrive already translated (graphql/server.ts).
      if (code === ErrorCode.SERVICE_UNAVAILABLE) countMetric(ERROR_METRICS.unavailable);
      const { stacktrace: _s, http: _h, ...extensions } = formatted.extensions ?? {};
      return { message: formatted.message.replace(/^Context creation failed: /, ''), ...where, extensions };
    }
    log.error('internal error', { requestId: facts.requestId, path: formatted.path?.join('.'), err: original });
    countMetric(ERROR_METRICS.internal);
    if (isAccessDenied(original)) countMetric(ERROR_METRICS.accessDenied);
    return {
      message: message(facts.locale, 'internal', { requestId: facts.requestId }),
      ...where,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, messageKey: 'internal', requestId: facts.requestId },
    };
  };
}
