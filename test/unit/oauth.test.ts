import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../admin/src/providers/config.ts';
import {
  authorizeUrl,
  exchangeCode,
  logoutUrl,
  type OAuthClient,
  randomToken,
  refreshTokens,
  revokeToken,
} from '../../admin/src/providers/oauth.ts';

/**
 * The console's hosted-UI sign-in against a stand-in for Cognito's token endpoint that checks
 * what Cognito checks: the client, the redirect URI, and the PKCE verifier against the challenge.
 */
describe('Cognito hosted UI sign-in (authorization code with PKCE)', () => {
  let server: Server;
  let client: OAuthClient;
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const revoked = new Set<string>();
  let issued = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        const form = new URLSearchParams(body);
        const reply = (status: number, json: object) => {
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
        };
        // Revocation, as Cognito does it: the refresh token (and what it issued) stops working.
        if (req.url === '/oauth2/revoke' && form.get('client_id') === 'console-client') {
          revoked.add(form.get('token') ?? '');
          return reply(200, {});
        }
        if (req.url !== '/oauth2/token' || form.get('client_id') !== 'console-client') return reply(400, { error: 'invalid_client' });
        if (form.get('grant_type') === 'authorization_code') {
          const pending = codes.get(form.get('code') ?? '');
          const verifier = form.get('code_verifier') ?? '';
          const challenge = createHash('sha256').update(verifier).digest('base64url');
          if (!pending || pending.challenge !== challenge || pending.redirectUri !== form.get('redirect_uri')) {
            return reply(400, { error: 'invalid_grant', error_description: 'code or verifier does not match' });
          }
          codes.delete(form.get('code') ?? '');
          issued++;
          return reply(200, { id_token: `id-${issued}`, access_token: `access-${issued}`, refresh_token: 'refresh-1', expires_in: 3600 });
        }
        if (form.get('grant_type') === 'refresh_token' && form.get('refresh_token') === 'refresh-1' && !revoked.has('refresh-1')) {
          issued++;
          return reply(200, { id_token: `id-${issued}`, access_token: `access-${issued}`, expires_in: 3600 });
        }
        return reply(400, { error: 'invalid_grant', error_description: 'Refresh Token has expired' });
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const domain = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    client = { domain, clientId: 'console-client', redirectUri: 'https://console.example.org/', scopes: ['openid', 'email', 'profile'] };
  });

  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('sends the browser to the hosted UI with an S256 challenge, then trades the code for tokens with the verifier', async () => {
    const verifier = randomToken(48);
    const state = randomToken(16);
    const url = new URL(await authorizeUrl(client, verifier, state));
    expect(url.pathname).toBe('/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'console-client',
      redirect_uri: 'https://console.example.org/',
      scope: 'openid email profile',
      state,
      code_challenge_method: 'S256',
    });
    // The hosted UI signs the person in and redirects back with a code bound to the challenge.
    codes.set('code-1', { challenge: url.searchParams.get('code_challenge') ?? '', redirectUri: client.redirectUri });
    const tokens = await exchangeCode(client, 'code-1', verifier, 1_000);
    expect(tokens).toEqual({ idToken: 'id-1', accessToken: 'access-1', refreshToken: 'refresh-1', expiresAt: 1_000 + 3_600_000 });
  });

  it('refuses a code presented with another verifier (a stolen code is useless)', async () => {
    const url = new URL(await authorizeUrl(client, randomToken(48), 's'));
    codes.set('code-2', { challenge: url.searchParams.get('code_challenge') ?? '', redirectUri: client.redirectUri });
    await expect(exchangeCode(client, 'code-2', randomToken(48))).rejects.toThrow(/code or verifier does not match.*Sign in again/);
  });

  it('renews tokens with the refresh token, keeping it, and says so in words when it has lapsed', async () => {
    const fresh = await refreshTokens(client, 'refresh-1', 5_000);
    expect(fresh).toMatchObject({ refreshToken: 'refresh-1', expiresAt: 5_000 + 3_600_000 });
    expect(fresh.idToken).toMatch(/^id-/);
    await expect(refreshTokens(client, 'refresh-0')).rejects.toThrow(/Refresh Token has expired/);
  });

  it('revokes the refresh token at sign-out, so the session cannot be renewed afterwards', async () => {
    // Prepare: a session that renews.
    await expect(refreshTokens(client, 'refresh-1')).resolves.toMatchObject({ refreshToken: 'refresh-1' });

    // Act
    const done = await revokeToken(client, 'refresh-1');

    // Assert
    expect(done).toBe(true);
    await expect(refreshTokens(client, 'refresh-1')).rejects.toThrow(/Sign in again/);
  });

  it('signs out of the hosted UI too, back to the console', () => {
    const url = new URL(logoutUrl(client));
    expect(url.pathname).toBe('/logout');
    expect(url.searchParams.get('logout_uri')).toBe('https://console.example.org/');
  });

  it('reads the runtime config, refusing a Cognito config without the hosted UI domain', () => {
    const auth = { mode: 'cognito', region: 'eu-west-1', userPoolId: 'eu-west-1_abc', clientId: 'c' };
    expect(() => parseConfig({ apiUrl: '/graphql', auth }, 'config.json')).toThrow(/"domain"/);
    const ok = parseConfig({ apiUrl: '/graphql', auth: { ...auth, domain: 'https://k.auth.eu-west-1.amazoncognito.com' } }, 'config.json');
    expect(ok.auth).toMatchObject({ mode: 'cognito', domain: 'https://k.auth.eu-west-1.amazoncognito.com' });
  });
});
