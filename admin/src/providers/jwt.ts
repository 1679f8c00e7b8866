/** The claims the console reads from a Kindling access token. */
export interface KindlingClaims {
  sub: string;
  name?: string;
  exp?: number;
  'kindling:tenant'?: string;
  'kindling:role'?: string;
}

/**
 * Reads a JWT's payload without verifying it. That is enough for the console, which only shows who
 * is signed in and when the token lapses; the API verifies every token it receives.
 */
export function decodeJwt(token: string): KindlingClaims {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('Not a JWT');
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
  if (typeof claims !== 'object' || claims === null || typeof (claims as { sub?: unknown }).sub !== 'string') {
    throw new Error('JWT payload has no subject');
  }
  return claims as KindlingClaims;
}
