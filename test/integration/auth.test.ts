import { createHmac } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '#local/issuer.ts';
import { graphql } from '../generated/gql.ts';
import { codes, testApi } from '../support/api.ts';

const VIEWER = graphql(`
  query Viewer { viewer { actor { id role } tenant { slug } } }
`);

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('authentication happens in the context, from verified tokens only', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let tenant: { slug: string; manager: string };

  beforeAll(async () => {
    api = await testApi();
    tenant = await api.newTenant();
  });

  /** Calls with a token and checks it is refused before any resolver (or DynamoDB call) runs. */
  async function refused(token: string | null) {
    const before = api.services.client.calls.count;
    const res = await api.call(VIEWER, {}, { token });
    expect(res.status).toBe(401);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.data ?? null).toBeNull();
    expect(api.services.client.calls.count).toBe(before);
    return res;
  }

  it('accepts a valid token and takes the tenant from it', async () => {
    const res = await api.call(VIEWER, {}, { token: tenant.manager });
    expect(res.errors).toBeUndefined();
    expect(res.data?.viewer.tenant?.slug).toBe(tenant.slug);
  });

  it('refuses a missing token with a message that says what to do', async () => {
    const res = await refused(null);
    expect(res.errors?.[0]?.message).toMatch(/not signed in/i);
  });

  it('refuses garbage', async () => {
    await refused('not-a-jwt');
    await refused('a.b.c');
  });

  it('refuses an expired token', async () => {
    await refused(await api.token('manager', tenant.slug, { ttlSeconds: -60 }));
  });

  it('refuses a token from another issuer or for another audience', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const stranger = await new SignJWT({ 'kindling:tenant': tenant.slug, 'kindling:role': 'manager' })
      .setProtectedHeader({ alg: 'ES256', kid: (await exportJWK(publicKey)).x?.slice(0, 8) ?? 'k' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setSubject('intruder')
      .setExpirationTime('1h')
      .sign(privateKey);
    await refused(stranger);
  });

  it('refuses alg "none" and an HS256 token signed with the public key', async () => {
    const claims = {
      sub: 'x',
      iss: LOCAL_ISSUER,
      aud: LOCAL_AUDIENCE,
      exp: Math.floor(Date.now() / 1000) + 600,
      'kindling:tenant': tenant.slug,
      'kindling:role': 'manager',
    };
    await refused(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`);
    const publicKey = JSON.stringify(api.issuer.jwks.keys[0]);
    const head = `${b64({ alg: 'HS256', typ: 'JWT', kid: api.issuer.jwks.keys[0]?.kid })}.${b64(claims)}`;
    await refused(`${head}.${createHmac('sha256', publicKey).update(head).digest('base64url')}`);
  });

  it('refuses a well-signed token for a tenant that does not exist', async () => {
    const res = await api.call(VIEWER, {}, { token: await api.token('manager', 'no-such-tenant') });
    expect(res.status).toBe(401);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });

  it('ignores a tenant named in headers: the token decides', async () => {
    const res = await api.call(VIEWER, {}, { token: tenant.manager, headers: { 'x-tenant-id': 'demo', 'x-kindling-tenant': 'demo' } });
    expect(res.data?.viewer.tenant?.slug).toBe(tenant.slug);
  });
});

describe('internal errors', () => {
  it('are masked, with a request id that leads to the log entry', async () => {
    const api = await testApi();
    const tenant = await api.newTenant();
    api.services.programs.listPrograms = async () => {
      throw new Error('secret detail: connection string xyz');
    };
    const PROGRAMS = graphql(`query MaskedPrograms { programs { edges { node { id } } } }`);
    const res = await api.call(PROGRAMS, {}, { token: tenant.manager });
    expect(codes(res)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(JSON.stringify(res.errors)).not.toMatch(/secret detail|xyz|stack/);
    expect(res.errors?.[0]?.extensions?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.errors?.[0]?.message).toContain(res.errors?.[0]?.extensions?.requestId ?? 'missing');
  });
});
