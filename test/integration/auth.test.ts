import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { codes, testApi } from '../support/api.ts';

const VIEWER = graphql(`
  query Viewer { viewer { actor { id role } tenant { slug } } }
`);

describe('authentication happens in the context, from verified tokens only', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let tenant: { slug: string; manager: string };

  beforeAll(async () => {
    api = await testApi();
    tenant = await api.newTenant();
  });

  it('accepts a valid token and takes the tenant from it', async () => {
    const res = await api.call(VIEWER, {}, { token: tenant.manager });
    expect(res.errors).toBeUndefined();
    expect(res.data?.viewer.tenant?.slug).toBe(tenant.slug);
  });

  // Bad tokens (none, garbage, expired, wrong issuer or audience, alg none, HS256, unknown key) are in test/security/tokens.test.ts.

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
