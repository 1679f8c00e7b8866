import { createHmac, generateKeyPairSync } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '#local/issuer.ts';
import { testApi } from '../support/api.ts';
import { type Api, gql } from '../support/hostile.ts';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const QUERY = '{ viewer { actor { id role } tenant { slug } } programs { edges { node { id } } } }';

/**
 * Bad credentials are refused in the context, before any resolver: UNAUTHENTICATED with status 401,
 * no data, no DynamoDB call and no store method run. A second key the verifier trusts lets the
 * suite sign claims the local issuer never writes (wrong issuer or audience, no expiry, …), so each
 * token below fails for exactly one reason.
 */
describe('bad tokens', () => {
  let api: Api;
  let slug = '';
  let privateKey: CryptoKey;
  let trusted: JWK;
  const kid = 'hostile-trusted';
  let refusals = 0;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    privateKey = pair.privateKey;
    trusted = { ...(await exportJWK(pair.publicKey)), kid, alg: 'ES256', use: 'sig' };
    api = await testApi({ extraKeys: [trusted] });
    slug = (await api.newTenant('Tokens')).slug;
  });

  const claims = (over: JWTPayload = {}): JWTPayload => ({
    sub: 'hostile',
    iss: LOCAL_ISSUER,
    aud: LOCAL_AUDIENCE,
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(Date.now() / 1000) + 600,
    'kindling:tenant': slug,
    'kindling:role': 'manager',
    ...over,
  });
  const sign = (payload: JWTPayload, header: Record<string, unknown> = {}, key: CryptoKey = privateKey) =>
    new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid, ...header }).sign(key);

  afterAll(() => console.log(`${refusals} bad credentials refused with UNAUTHENTICATED, 0 resolvers run, 0 DynamoDB calls`));

  /** Refused before any resolver: the store's call counter stands still and the store method is never called. */
  async function refused(authorization: string | null, extra: { headers?: Record<string, string>; get?: string } = {}) {
    const spy = vi.spyOn(api.services.programs, 'listPrograms');
    const before = api.services.client.calls.count;
    const headers = { ...(authorization === null ? {} : { authorization }), ...extra.headers };
    const res = await gql(api, QUERY, {}, null, { headers, ...(extra.get ? { get: extra.get } : {}) });
    expect(res.status).toBe(401);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(res.data ?? null).toBeNull();
    expect(api.services.client.calls.count).toBe(before);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    refusals++;
    return res.errors?.[0]?.extensions?.messageKey;
  }

  it('accepts the trusted test key with good claims (the control: the refusals below are for one reason each)', async () => {
    const res = await gql(api, QUERY, {}, await sign(claims()));
    expect(res.errors).toBeUndefined();
    expect((res.data?.viewer as { tenant: { slug: string } } | undefined)?.tenant.slug).toBe(slug);
  });

  it('refuses a missing token, and one sent anywhere but the Authorization header', async () => {
    const good = await sign(claims());
    expect(await refused(null)).toBe('auth.missing');
    expect(await refused(null, { headers: { cookie: `token=${good}; authorization=Bearer ${good}` } })).toBe('auth.missing');
    expect(await refused(null, { headers: { 'x-amz-security-token': good } })).toBe('auth.missing');
    // X-Api-Key carries partner keys: a token there is not a key.
    expect(await refused(null, { headers: { 'x-api-key': good } })).toBe('auth.invalid');
    expect(await refused(`Basic ${Buffer.from('manager:secret').toString('base64')}`)).toBe('auth.missing');
    expect(await refused('Bearer')).toBe('auth.missing');
    expect(await refused(`Bearer ${good} ${good}`)).toBe('auth.missing');
  });

  it('refuses garbage', async () => {
    const messages = new Set<string | undefined>();
    for (const garbage of [
      'not-a-jwt',
      'a.b.c',
      '..',
      `${b64({ alg: 'ES256' })}.${b64({})}.`,
      'x'.repeat(20_000),
      '\u0000.\u0000.\u0000',
    ]) {
      messages.add(await refused(`Bearer ${garbage}`));
    }
    expect([...messages]).toEqual(['auth.invalid']);
  });

  it('refuses expired, not-yet-valid, and tokens without expiry or subject', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await refused(`Bearer ${await sign(claims({ exp: now - 60 }))}`)).toBe('auth.invalid');
    expect(await refused(`Bearer ${await sign(claims({ nbf: now + 600 }))}`)).toBe('auth.invalid');
    const { exp: _exp, ...noExpiry } = claims();
    expect(await refused(`Bearer ${await sign(noExpiry)}`)).toBe('auth.invalid');
    const { sub: _sub, ...noSubject } = claims();
    expect(await refused(`Bearer ${await sign(noSubject)}`)).toBe('auth.invalid');
    // The local issuer's own expired token, too.
    expect(await refused(`Bearer ${await api.token('manager', slug, { ttlSeconds: -60 })}`)).toBe('auth.invalid');
  });

  it('refuses lifetimes over a day, tokens issued in the future, and tokens that do not say when they were issued', async () => {
    const now = Math.floor(Date.now() / 1000);
    // exp in year 9999, issued now.
    expect(await refused(`Bearer ${await sign(claims({ exp: 253_402_300_799 }))}`)).toBe('auth.invalid');
    // A day and a minute, issued now; and a fresh-looking one whose issue lies two days back.
    expect(await refused(`Bearer ${await sign(claims({ exp: now + 86_460 }))}`)).toBe('auth.invalid');
    expect(await refused(`Bearer ${await sign(claims({ iat: now - 2 * 86_400, exp: now + 600 }))}`)).toBe('auth.invalid');
    // Issued an hour from now (beyond the few seconds of clock skew).
    expect(await refused(`Bearer ${await sign(claims({ iat: now + 3_600, exp: now + 7_200 }))}`)).toBe('auth.invalid');
    const { iat: _iat, ...undated } = claims();
    expect(await refused(`Bearer ${await sign(undated)}`)).toBe('auth.invalid');
    // The controls: a full day's token, and one issued within the skew, are accepted.
    expect((await gql(api, QUERY, {}, await sign(claims({ exp: now + 86_400 })))).errors).toBeUndefined();
    expect((await gql(api, QUERY, {}, await sign(claims({ iat: now + 3, exp: now + 600 })))).errors).toBeUndefined();
  });

  it('never takes a role from custom:role: a Cognito manager claiming operator stays a manager', async () => {
    const { 'kindling:role': _r, 'kindling:tenant': _t, ...cognito } = claims();
    const manager = { ...cognito, 'custom:tenant': slug, 'cognito:groups': ['managers'] };
    const res = await gql(api, QUERY, {}, await sign({ ...manager, 'custom:role': 'operator' }));
    expect((res.data?.viewer as { actor: { role: string } } | undefined)?.actor.role).toBe('MANAGER');
    // Without a group, a custom:role names no actor at all (a participant needs a person).
    expect(await refused(`Bearer ${await sign({ ...cognito, 'custom:role': 'operator' })}`)).toBe('auth.invalid');
    expect(await refused(`Bearer ${await sign({ ...cognito, 'custom:tenant': slug, 'custom:role': 'operator' })}`)).toBe('auth.invalid');
  });

  it('refuses the wrong issuer or audience, even signed by a trusted key', async () => {
    expect(await refused(`Bearer ${await sign(claims({ iss: 'https://evil.example/issuer' }))}`)).toBe('auth.invalid');
    expect(await refused(`Bearer ${await sign(claims({ aud: 'some-other-api' }))}`)).toBe('auth.invalid');
    expect(await refused(`Bearer ${await sign(claims({ aud: [] }))}`)).toBe('auth.invalid');
  });

  it('refuses alg "none" and HS256 signed with the public key', async () => {
    for (const alg of ['none', 'None', 'NONE']) {
      expect(await refused(`Bearer ${b64({ alg, typ: 'JWT' })}.${b64(claims())}.`)).toBe('auth.invalid');
    }
    for (const jwk of [trusted, api.issuer.jwks.keys[0] ?? {}]) {
      const head = `${b64({ alg: 'HS256', typ: 'JWT', kid: jwk.kid })}.${b64(claims())}`;
      for (const secret of [JSON.stringify(jwk), String(jwk.x ?? ''), Buffer.from(String(jwk.x ?? ''), 'base64url')]) {
        expect(await refused(`Bearer ${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`)).toBe('auth.invalid');
      }
    }
  });

  it('refuses an unknown key id, a stranger’s key under a known id, and keys carried in the token', async () => {
    const stranger = await generateKeyPair('ES256', { extractable: true });
    const strangerJwk = await exportJWK(stranger.publicKey);
    expect(await refused(`Bearer ${await sign(claims(), { kid: 'no-such-key' })}`)).toBe('auth.invalid');
    expect(await refused(`Bearer ${await sign(claims(), { kid }, stranger.privateKey)}`)).toBe('auth.invalid');
    expect(await refused(`Bearer ${await sign(claims(), { kid: api.issuer.jwks.keys[0]?.kid }, stranger.privateKey)}`)).toBe(
      'auth.invalid',
    );
    expect(await refused(`Bearer ${await sign(claims(), { kid: undefined, jwk: strangerJwk }, stranger.privateKey)}`)).toBe('auth.invalid');
    expect(await refused(`Bearer ${await sign(claims(), { kid: 'x', jku: 'https://evil.example/jwks.json' }, stranger.privateKey)}`)).toBe(
      'auth.invalid',
    );
    // An algorithm the verifier does not take (RS384), from a key it does not know.
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rs = await new SignJWT(claims()).setProtectedHeader({ alg: 'RS384', kid }).sign(rsa.privateKey);
    expect(await refused(`Bearer ${rs}`)).toBe('auth.invalid');
  });

  it('refuses claims that name no actor: a participant without a person, a manager without a tenant', async () => {
    expect(await refused(`Bearer ${await sign(claims({ 'kindling:role': 'participant' }))}`)).toBe('auth.invalid');
    const { 'kindling:tenant': _t, ...noTenant } = claims();
    expect(await refused(`Bearer ${await sign(noTenant)}`)).toBe('auth.invalid');
  });

  it('refuses a well-signed token for a tenant that does not exist, after one lookup and no resolver', async () => {
    const spy = vi.spyOn(api.services.programs, 'listPrograms');
    const res = await gql(api, QUERY, {}, await sign(claims({ 'kindling:tenant': 'no-such-tenant' })));
    expect(res.status).toBe(401);
    expect(res.errors?.map((e) => e.extensions?.messageKey)).toEqual(['auth.unknownTenant']);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});
