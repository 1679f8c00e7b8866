/**
 * The console's runtime configuration. It is fetched, not bundled, so one build serves every
 * environment: the local server answers `/config.json`, and in AWS it sits next to the bundle in S3.
 */
export type AuthConfig =
  | { mode: 'local' }
  /** `domain`: the hosted UI's origin, e.g. https://kindling-dev.auth.eu-west-1.amazoncognito.com */
  | { mode: 'cognito'; region: string; userPoolId: string; clientId: string; domain: string };

export interface ConsoleConfig {
  /** Where GraphQL requests go: a path on this origin (`/graphql`) or an absolute URL. */
  apiUrl: string;
  auth: AuthConfig;
}

export async function loadConfig(url = '/config.json'): Promise<ConsoleConfig> {
  let response: Response;
  try {
    // Default caching, so the preload in index.html is used; the server marks config.json no-cache.
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (error) {
    throw new Error(`Could not fetch ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new Error(`Could not fetch ${url}: HTTP ${response.status}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new Error(`${url} is not valid JSON`);
  }
  return parseConfig(body, url);
}

export function parseConfig(body: unknown, url: string): ConsoleConfig {
  const fail = (problem: string): never => {
    throw new Error(`${url}: ${problem}`);
  };
  if (!isObject(body)) return fail('expected an object');
  const { apiUrl, auth } = body;
  if (typeof apiUrl !== 'string' || apiUrl === '') return fail('"apiUrl" must be a non-empty string');
  if (!isObject(auth)) return fail('"auth" must be an object');
  switch (auth.mode) {
    case 'local':
      return { apiUrl, auth: { mode: 'local' } };
    case 'cognito': {
      const { region, userPoolId, clientId, domain } = auth;
      if (typeof region !== 'string' || typeof userPoolId !== 'string' || typeof clientId !== 'string' || typeof domain !== 'string') {
        return fail('cognito auth needs "region", "userPoolId", "clientId" and "domain" (the hosted UI)');
      }
      if (!/^https:\/\/[^/]+$/.test(domain)) return fail('"domain" must be an https origin without a path');
      return { apiUrl, auth: { mode: 'cognito', region, userPoolId, clientId, domain } };
    }
    default:
      return fail(`unknown auth mode ${JSON.stringify(auth.mode)}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
