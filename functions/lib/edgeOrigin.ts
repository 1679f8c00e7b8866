import { timingSafeEqual } from 'node:crypto';
import { readSecret } from './configReads.ts';

/**
 * The header CloudFront adds to every request it forwards to the API, with a secret value. The
 * HTTP API's authorizer (functions/handlers/edgeAuthorizer.ts) admits only requests carrying it, so
 * calling the execute-api address directly, around the edge's WAF, gets 401 from API Gateway.
 */
export const ORIGIN_HEADER = 'x-kindling-origin';

/** Compares in constant time: the header's value is the whole secret. */
export function originGate(secret: string): (presented: string | undefined) => boolean {
  const expected = Buffer.from(secret);
  return (presented) => {
    if (!presented) return false;
    const given = Buffer.from(presented);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
}

/** The secret: given directly (tests), or read once per container from Secrets Manager by ARN. */
export async function originSecret(env: NodeJS.ProcessEnv): Promise<string> {
  if (env.KINDLING_ORIGIN_SECRET) return env.KINDLING_ORIGIN_SECRET;
  const arn = env.KINDLING_ORIGIN_SECRET_ARN;
  if (!arn) throw new Error('The edge authorizer needs KINDLING_ORIGIN_SECRET_ARN.');
  const value = await readSecret(env, arn);
  if (!value) throw new Error('The edge origin secret is empty.');
  return value;
}
