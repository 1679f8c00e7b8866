import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CursorSeal } from '#graphql/cursors.ts';
import { testApi } from '../support/api.ts';
import { type Api, gql, local, randomId, seedWorld, type World } from '../support/hostile.ts';

const PEOPLE = `query T_People($first: Int, $after: String, $sort: PeopleSort, $filter: PeopleFilter) {
  people(first: $first, after: $after, sort: $sort, filter: $filter) { edges { cursor node { id } } pageInfo { endCursor hasNextPage } }
}`;
const PROGRAMS = `query T_Programs($after: String) { programs(first: 1, after: $after) { edges { node { id } } } }`;
const PARTICIPANTS = `query T_Participants($id: ID!, $after: String) { program(id: $id) { participants(first: 1, after: $after) { edges { node { role } } } } }`;
const AUDIT = `query T_Audit($after: String) { auditLog(first: 1, after: $after) { edges { cursor } } }`;
const PROGRAM = `query T_Program($id: ID!) { program(id: $id) { id name } }`;
const NODE = `query T_Node($id: ID!) { node(id: $id) { __typename id } }`;
const VIEWER = `query T_Viewer { viewer { tenant { slug } } programs(first: 50) { edges { node { id } } } }`;

const b64 = (s: string) => Buffer.from(s).toString('base64url');
type Result = Awaited<ReturnType<typeof gql>>;
const code = (r: Result) => r.errors?.[0]?.extensions?.code;

/**
 * What a caller can edit, they will: cursors (signed, bound to tenant, list and filters), ids
 * (`base64url("Type:id")`, naming a record only inside the caller's tenant), and any place a tenant
 * could be named besides the token. All are refused or ignored, never answered with another
 * tenant's data or an internal error.
 */
describe('tampered cursors, ids and tenants', () => {
  let api: Api;
  let a: World;
  let b: World;
  let cursor = '';
  let tampered = 0;

  beforeAll(async () => {
    api = await testApi();
    [a, b] = [await seedWorld(api, 'Tamper A'), await seedWorld(api, 'Tamper B')];
    const page = await gql(api, PEOPLE, { first: 2 }, a.manager);
    cursor = (page.data as { people: { pageInfo: { endCursor: string } } }).people.pageInfo.endCursor;
  });

  const refusedCursor = (r: Result) => {
    tampered++;
    expect(r.errors?.map((e) => [e.extensions?.code, e.extensions?.problems?.[0]?.field])).toEqual([['BAD_USER_INPUT', 'after']]);
    expect(JSON.stringify(r.data ?? null)).not.toMatch(/edges":\[\{/);
  };

  it('follows its own cursor to the next page (the control)', async () => {
    const first = await gql(api, PEOPLE, { first: 2 }, a.manager);
    const next = await gql(api, PEOPLE, { first: 2, after: cursor }, a.manager);
    expect(next.errors).toBeUndefined();
    const ids = (r: Result) => (r.data as { people: { edges: { node: { id: string } }[] } }).people.edges.map((e) => e.node.id);
    expect(ids(next)).toHaveLength(2);
    expect(ids(next).filter((id) => ids(first).includes(id))).toEqual([]);
  });

  it('refuses a cursor replayed by another tenant, on another list, or with other filters', async () => {
    refusedCursor(await gql(api, PEOPLE, { first: 2, after: cursor }, b.manager));
    refusedCursor(await gql(api, PROGRAMS, { after: cursor }, a.manager));
    refusedCursor(await gql(api, PARTICIPANTS, { id: a.program, after: cursor }, a.manager));
    refusedCursor(await gql(api, AUDIT, { after: cursor }, a.manager));
    refusedCursor(await gql(api, PEOPLE, { first: 2, after: cursor, sort: 'NEWEST' }, a.manager));
    refusedCursor(await gql(api, PEOPLE, { first: 2, after: cursor, filter: { search: 'mentor' } }, a.manager));
  });

  it('refuses a cursor whose position was edited, or whose seal was forged', async () => {
    const raw = Buffer.from(cursor.slice('k2.'.length), 'base64url');
    const flip = (i: number) => {
      const edited = Buffer.from(raw);
      edited[i] = (edited[i] ?? 0) ^ 0x20;
      return `k2.${edited.toString('base64url')}`;
    };
    // The position moved into the other tenant's partition and sealed the old way (a plain HMAC), or
    // encrypted under a guessed secret; bytes of the nonce, the ciphertext and the tag edited; cut short.
    const moved = b64(JSON.stringify({ PK: `T#${b.slug}`, SK: 'PERSON#01' }));
    const mac = createHmac('sha256', 'secret')
      .update(`${b.slug}|people|{}`)
      .update('\u0000')
      .update(moved)
      .digest('base64url')
      .slice(0, 22);
    for (const forged of [
      `${moved}.${mac}`,
      new CursorSeal('secret').seal(moved, `${b.slug}|people|{}`) ?? '',
      flip(0),
      flip(20),
      flip(raw.length - 1),
      cursor.slice(0, -1),
      `${cursor}A`,
      `${cursor}.${cursor}`,
      cursor.replace('k2.', 'k1.'),
      cursor.slice('k2.'.length),
    ]) {
      refusedCursor(await gql(api, PEOPLE, { first: 2, after: forged }, a.manager));
      refusedCursor(await gql(api, PEOPLE, { first: 2, after: forged }, b.manager));
    }
  });

  it('shows nothing of what the cursor points at: no name, no key', async () => {
    const named = await gql(api, PEOPLE, { first: 1, sort: 'NAME' }, a.manager);
    const sorted = (named.data as { people: { pageInfo: { endCursor: string } } }).people.pageInfo.endCursor;
    const first = await gql(api, '{ people(first: 1, sort: NAME) { edges { node { givenName familyName } } } }', {}, a.manager);
    const person = (first.data as { people: { edges: { node: { givenName: string; familyName: string } }[] } }).people.edges[0]?.node;
    // The old cursors' plain base64 held the sort key, the folded family and given name among it.
    const decoded = [sorted, ...sorted.split('.').map((part) => Buffer.from(part, 'base64url').toString('latin1'))].join(' ');
    const family = person?.familyName ?? 'missing';
    for (const secret of [family, family.toLowerCase(), person?.givenName ?? 'missing', a.slug, '"PK"', '"SK"']) {
      expect(decoded).not.toContain(secret);
    }
  });

  it('refuses malformed cursors with BAD_USER_INPUT, never an internal error', async () => {
    for (const junk of [
      '',
      '.',
      '..',
      'abc',
      '.'.repeat(5000),
      'x'.repeat(100_000),
      '\u0000.\u0000',
      '🙂.🙂',
      '{"PK":"T#x"}.a',
      '%00.%2e',
    ]) {
      refusedCursor(await gql(api, PEOPLE, { first: 2, after: junk }, a.manager));
    }
  });

  it('answers tampered ids as unknown ones: NOT_FOUND, or null from node', async () => {
    const [aProgram, bProgram, aPerson] = [local(a.program), local(b.program), local(a.people.mentee)];
    const unknown = await gql(api, PROGRAM, { id: randomId('Program') }, a.manager);
    expect(code(unknown)).toBe('NOT_FOUND');
    const variants = [
      b64(`Program:${aPerson}`),
      b64(`Person:${aProgram}`),
      b64(`Program:T#${b.slug}#${bProgram}`),
      b64(`Program:${bProgram}#T#${b.slug}`),
      b64(`${b.slug}:Program:${bProgram}`),
      b64(`Program:${bProgram}:${b.slug}`),
      b64(`Program:../${bProgram}`),
      b64(`Program:${bProgram}\u0000${b.slug}`),
      b64(`Program: ${aProgram}`),
      Buffer.from(`Program:${aProgram}`).toString('base64'),
      `Program:${aProgram}`,
      aProgram,
      '',
      ' ',
      'A'.repeat(10_000),
      '🙂',
      b64(`Tenant:${b.slug}`),
      b64(`program:${aProgram}`),
    ];
    for (const id of variants) {
      tampered++;
      const r = await gql(api, PROGRAM, { id }, a.manager);
      expect([code(r), r.errors?.[0]?.message], id.slice(0, 40)).toEqual([code(unknown), unknown.errors?.[0]?.message]);
      const n = await gql(api, NODE, { id }, a.manager);
      expect(n.errors, id.slice(0, 40)).toBeUndefined();
      expect(n.data?.node ?? null, id.slice(0, 40)).toBeNull();
    }
  });

  it('ignores a tenant named in headers, the body, variables or a Tenant id: the token decides', async () => {
    const mine = async (extra: Parameters<typeof gql>[4], body?: Record<string, unknown>) => {
      tampered++;
      const r = body
        ? await api.call({ kind: 'Document', definitions: [] } as never, {}, { ...extra, token: a.manager, rawBody: JSON.stringify(body) })
        : await gql(api, VIEWER, {}, a.manager, extra);
      expect(r.errors).toBeUndefined();
      const data = r.data as { viewer: { tenant: { slug: string } }; programs: { edges: { node: { id: string } }[] } };
      expect(data.viewer.tenant.slug).toBe(a.slug);
      expect(data.programs.edges.map((e) => e.node.id).sort()).toEqual([a.program, a.groupProgram].sort());
    };
    for (const header of ['x-tenant-id', 'x-tenant', 'x-kindling-tenant', 'tenant', 'x-forwarded-tenant', 'kindling-tenant']) {
      await mine({ headers: { [header]: b.slug } });
    }
    await mine({}, { query: VIEWER, tenant: b.slug, tenantId: b.slug, extensions: { tenant: b.slug } });
    await mine({}, { query: VIEWER, variables: { tenant: b.slug, tenantId: b.slug } });
    expect((await gql(api, NODE, { id: b64(`Tenant:${b.slug}`) }, a.manager)).data?.node).toBeNull();
    expect((await gql(api, NODE, { id: b64(`Tenant:${a.slug}`) }, a.manager)).data?.node).toMatchObject({ __typename: 'Tenant' });
    // An operator belongs to no tenant, and naming one does not put them in it.
    const operator = await api.token('operator', null);
    const asOperator = await gql(api, VIEWER, {}, operator, { headers: { 'x-tenant-id': a.slug } });
    expect(code(asOperator)).toBe('FORBIDDEN');
    console.log(`${tampered} tampered cursors, ids and tenant names, 0 accepted`);
  });
});
