/**
 * A CloudFront Function (viewer request, cloudfront-js-2.0) in front of `/graphql`: a request with
 * neither a bearer token nor a partner key is answered 401 at the edge, the same GraphQL-shaped
 * UNAUTHENTICATED error the function would give, without reaching API Gateway or Lambda. Whether
 * the credential is valid is still the function's to say. Plain ES5.1-style code: it is what the
 * CloudFront runtime runs, and test/unit/edge.test.ts runs the same text.
 */
export const REQUIRE_CREDENTIALS_CODE = `function handler(event) {
  var headers = event.request.headers;
  if (event.request.method === 'OPTIONS' || headers.authorization || headers['x-api-key']) {
    return event.request;
  }
  return {
    statusCode: 401,
    statusDescription: 'Unauthorized',
    headers: {
      'content-type': { value: 'application/graphql-response+json; charset=utf-8' },
      'www-authenticate': { value: 'Bearer' },
      'cache-control': { value: 'no-store' }
    },
    body: {
      encoding: 'text',
      data: '{"errors":[{"message":"Sign in, or send a partner API key.","extensions":{"code":"UNAUTHENTICATED","messageKey":"auth.missing"}}]}'
    }
  };
}`;
