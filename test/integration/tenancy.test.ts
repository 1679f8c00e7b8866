import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { codes, testApi } from '../support/api.ts';

const CREATE = graphql(`
  mutation TenancyCreate($input: CreateTenantInput!) { createTenant(input: $input) { slug name settings { timeZone locale retentionMonths } version } }
`);
const CREATE_ONCE = graphql(`
  mutation TenancyCreateOnce($input: CreateTenantInput!, $key: String) { createTenant(input: $input, idempotencyKey: $key) { slug } }
`);
const UPDATE = graphql(`
  mutation TenancyUpdate($version: Int!, $input: TenantPatch!) { updateTenant(version: $version, input: $input) { name settings { locale timeZone } version } }
`);
const LIST = graphql(`
  query TenancyList { tenants { items { slug } } }
`);
const MINE = graphql(`
  query TenancyMine { viewer { tenant { name settings { locale } } } }
`);

describe('tenants', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let operator = '';

  beforeAll(async () => {
    api = await testApi();
    operator = await api.token('operator', null);
  });

  it('lets a platform operator create a tenant, with settings, and refuses a taken slug', async () => {
    const slug = `acme-${Date.now().toString(36)}`;
    const res = await api.call(
      CREATE,
      { input: { slug, name: 'Acme NL', timeZone: 'Europe/Brussels', locale: 'NL', retentionMonths: 36 } },
      { token: operator },
    );
    expect(res.data?.createTenant).toEqual({
      slug,
      name: 'Acme NL',
      settings: { timeZone: 'Europe/Brussels', locale: 'NL', retentionMonths: 36 },
      version: 1,
    });
    expect(codes(await api.call(CREATE, { input: { slug, name: 'Again' } }, { token: operator }))).toEqual(['CONFLICT']);
    const listed = await api.call(LIST, {}, { token: operator });
    expect(listed.data?.tenants.items.map((t) => t.slug)).toContain(slug);
  });

  it('creates a tenant once for a retried idempotency key', async () => {
    const slug = `retry-${Date.now().toString(36)}`;
    const first = await api.call(CREATE_ONCE, { input: { slug, name: 'Retry' }, key: `create-${slug}` }, { token: operator });
    const retry = await api.call(CREATE_ONCE, { input: { slug, name: 'Retry' }, key: `create-${slug}` }, { token: operator });
    expect(first.data?.createTenant.slug).toBe(slug);
    expect(retry.errors).toBeUndefined();
    expect(retry.data?.createTenant.slug).toBe(slug);
  });

  it('refuses a slug that could not lead a key, and a bad time zone, naming both', async () => {
    const res = await api.call(CREATE, { input: { slug: 'Bad Slug#', name: 'X', timeZone: 'Mars/Base' } }, { token: operator });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.problems?.map((p) => p.field)).toEqual(['input.slug', 'input.timeZone']);
  });

  it('keeps tenant creation and the tenant list to operators', async () => {
    const { manager } = await api.newTenant();
    expect(codes(await api.call(CREATE, { input: { slug: 'sneaky', name: 'Sneaky' } }, { token: manager }))).toEqual(['FORBIDDEN']);
    expect(codes(await api.call(LIST, {}, { token: manager }))).toEqual(['FORBIDDEN']);
  });

  it("lets a manager change their own organisation's settings, with a version", async () => {
    const { manager } = await api.newTenant('Before');
    const res = await api.call(UPDATE, { version: 1, input: { name: 'After', locale: 'NL' } }, { token: manager });
    expect(res.data?.updateTenant).toEqual({ name: 'After', settings: { locale: 'NL', timeZone: 'Europe/Amsterdam' }, version: 2 });
    expect(codes(await api.call(UPDATE, { version: 1, input: { name: 'Stale' } }, { token: manager }))).toEqual(['CONFLICT']);
    expect((await api.call(MINE, {}, { token: manager })).data?.viewer.tenant).toEqual({ name: 'After', settings: { locale: 'NL' } });
  });
});
