import { describe, expect, it } from 'vitest';
import { originGate } from '#lib/edgeOrigin.ts';
import { REQUIRE_CREDENTIALS_CODE } from '../../cdk/constructs/require-credentials.ts';

type Request = { method: string; headers: Record<string, { value: string }> };
type Answer = Request | { statusCode: number; headers: Record<string, { value: string }>; body: { data: string } };

/** The CloudFront Function's own text, run as CloudFront runs it: a `handler(event)` in plain JavaScript. */
const viewerRequest = new Function(`${REQUIRE_CREDENTIALS_CODE}; return handler;`)() as (event: { request: Request }) => Answer;
const call = (headers: Record<string, string>, method = 'POST'): Answer =>
  viewerRequest({ request: { method, headers: Object.fromEntries(Object.entries(headers).map(([k, value]) => [k, { value }])) } });

describe('the edge in front of /graphql', () => {
  it('passes a call with a bearer token or a partner key on to the API unchanged', () => {
    expect(call({ authorization: 'Bearer abc' })).toMatchObject({ method: 'POST', headers: { authorization: { value: 'Bearer abc' } } });
    expect(call({ 'x-api-key': 'kk_acme_1_secret' })).toMatchObject({ method: 'POST' });
  });

  it('answers an anonymous call itself with the GraphQL UNAUTHENTICATED error the function would give', () => {
    const answer = call({ 'content-type': 'application/json' });
    expect(answer).toMatchObject({ statusCode: 401, headers: { 'www-authenticate': { value: 'Bearer' } } });
    const body = JSON.parse((answer as { body: { data: string } }).body.data) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('admits at the API only the exact origin secret CloudFront sends', () => {
    const admits = originGate('s3cret-value');
    expect(admits('s3cret-value')).toBe(true);
    expect(admits('s3cret-valuE')).toBe(false);
    expect(admits('s3cret')).toBe(false);
    expect(admits(undefined)).toBe(false);
  });
});
