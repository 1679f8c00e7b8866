import { ORIGIN_HEADER, originGate, originSecret } from '#lib/edgeOrigin.ts';

const admits = originGate(await originSecret(process.env));

/**
 * The HTTP API's authorizer: a request came through CloudFront (and its WAF) or it does not reach
 * the GraphQL function. It checks where a request came from, never who sent it: that stays in the
 * function (ADR 0017). API Gateway caches the answer per header value for five minutes.
 */
export const handler = async (event: { headers?: Record<string, string | undefined> }): Promise<{ isAuthorized: boolean }> => ({
  isAuthorized: admits(event.headers?.[ORIGIN_HEADER]),
});
