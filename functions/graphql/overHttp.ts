import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { Context } from './context.ts';
import { TOO_MANY_VARIABLE_ERRORS } from './errors.ts';

const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/**
 * Apollo's codes for a request that never reached execution: it did not parse, did not validate,
 * named no operation, or its variables did not coerce. Errors our own code raises carry a
 * `messageKey` and are not among these.
 */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);
const isRequestError = (e: GraphQLError): boolean =>
  (REQUEST_ERROR_CODES.has(String(e.extensions.code)) || TOO_MANY_VARIABLE_ERRORS.test(e.message)) && e.extensions.messageKey === undefined;

/** The quality factor the Accept header gives a media type: its most specific matching range decides. */
function quality(accept: string, mediaType: string): number {
  const [type] = mediaType.split('/');
  let best = { specificity: -1, q: 0 };
  for (const range of accept.split(',')) {
    const [name = '', ...params] = range.trim().toLowerCase().split(';');
    const specificity = name === mediaType ? 2 : name === `${type}/*` ? 1 : name === '*/*' ? 0 : -1;
    if (specificity <= best.specificity) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    best = { specificity, q: q ? Number(q.slice(2)) || 0 : 1 };
  }
  return best.q;
}

/**
 * Whether Apollo will answer as `application/graphql-response+json`: only when the client ranks
 * it above `application/json` (Apollo's negotiation prefers `application/json` on a tie).
 */
export function answersGraphqlResponse(accept: string | undefined): boolean {
  if (!accept) return false;
  const response = quality(accept, GRAPHQL_RESPONSE);
  return response > 0 && response > quality(accept, JSON_TYPE);
}

/**
 * The status of a request that failed before execution, as the GraphQL-over-HTTP spec asks:
 * 400 under `application/graphql-response+json`, 200 under `application/json` (legacy clients read
 * the body, not the status). Apollo itself answers 400 to both, and 500 to a parse failure raised
 * by a plugin. Errors with a status of their own (401, 403, 405, 429, 503, a limit's 400) keep it.
 */
export const requestStatusPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ request, response, errors }) {
        if (response.body.kind !== 'single' || response.body.singleResult.data !== undefined) return;
        if (!errors?.length || !errors.every(isRequestError)) return;
        response.http.status = answersGraphqlResponse(request.http?.headers.get('accept')) ? 400 : 200;
      },
    };
  },
};
