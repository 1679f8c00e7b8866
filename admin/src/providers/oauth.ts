/**
 * Sign-in through Cognito's hosted UI: OAuth 2.0 authorization code with PKCE (RFC 7636). No
 * client secret and no password ever touches the console; Cognito's pages handle passwords,
 * invitations, resets and MFA. These functions are pure over `fetch` and Web Crypto, so they run
 * (and are tested) outside a browser too.
 */
export interface OAuthClient {
  /** The hosted UI's origin, e.g. https://kindling-dev.auth.eu-west-1.amazoncognito.com */
  domain: string;
  clientId: string;
  redirectUri: string;
  scopes: readonly string[];
}

export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken: string | null;
  /** Epoch milliseconds after which the ID token is refused. */
  expiresAt: number;
}

const base64url = (bytes: Uint8Array): string => {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

export const randomToken = (bytes = 32): string => base64url(crypto.getRandomValues(new Uint8Array(bytes)));

export async function codeChallenge(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

export async function authorizeUrl(client: OAuthClient, verifier: string, state: string): Promise<string> {
  const url = new URL('/oauth2/authorize', client.domain);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    scope: client.scopes.join(' '),
    state,
    code_challenge: await codeChallenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

export function logoutUrl(client: OAuthClient): string {
  const url = new URL('/logout', client.domain);
  url.search = new URLSearchParams({ client_id: client.clientId, logout_uri: client.redirectUri }).toString();
  return url.toString();
}

async function tokenRequest(client: OAuthClient, body: Record<string, string>, now: number, keepRefresh: string | null): Promise<Tokens> {
  let response: Response;
  try {
    response = await fetch(new URL('/oauth2/token', client.domain), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ client_id: client.clientId, ...body }).toString(),
    });
  } catch (error) {
    throw new Error(`Could not reach the sign-in service: ${(error as Error).message}`);
  }
  const json = (await response.json().catch(() => ({}))) as {
    id_token?: string;
    access_token?: string;
    refresh_token?: string;
    expires_in?: number;
    error?: string;
    error_description?: string;
  };
  if (!response.ok || !json.id_token || !json.access_token) {
    throw new Error(`Sign-in was refused (${json.error_description ?? json.error ?? `HTTP ${response.status}`}). Sign in again.`);
  }
  return {
    idToken: json.id_token,
    accessToken: json.access_token,
    refreshToken: json.refresh_token ?? keepRefresh,
    expiresAt: now + (json.expires_in ?? 3600) * 1000,
  };
}

/** Trades the code the hosted UI sent back for tokens, proving with the verifier that we asked. */
export function exchangeCode(client: OAuthClient, code: string, verifier: string, now = Date.now()): Promise<Tokens> {
  return tokenRequest(
    client,
    { grant_type: 'authorization_code', code, redirect_uri: client.redirectUri, code_verifier: verifier },
    now,
    null,
  );
}

/** New ID and access tokens for a refresh token (Cognito keeps the refresh token the same). */
export function refreshTokens(client: OAuthClient, refreshToken: string, now = Date.now()): Promise<Tokens> {
  return tokenRequest(client, { grant_type: 'refresh_token', refresh_token: refreshToken }, now, refreshToken);
}

/**
 * Revokes the refresh token at Cognito (`/oauth2/revoke`), which also ends the ID and access tokens
 * issued from it (token revocation is on for the client): a signed-out session stops working at
 * once, not when its hour is up. Best effort: sign-out goes on if the service cannot be reached.
 */
export async function revokeToken(client: OAuthClient, refreshToken: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/oauth2/revoke', client.domain), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: client.clientId, token: refreshToken }).toString(),
    });
    return response.ok;
  } catch {
    return false;
  }
}
