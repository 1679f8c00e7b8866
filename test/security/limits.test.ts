import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphqlHandler } from '#graphql/server.ts';
import { freePort } from '#local/dynamo.ts';
import { MAX_BODY_BYTES, startLocalServer } from '#local/http.ts';
import { graphql } from '../generated/gql.ts';
import { type CallResult, codes, testApi } from '../support/api.ts';
import { type Api, gql, must } from '../support/hostile.ts';

/** Valid queries, as deep as they come: pairs of programs of pairs of programs … */
function nested(levels: number): string {
  let deep = 'id';
  for (let i = 0; i < levels; i++) deep = `mentorships(first: 1) { edges { node { program { ${deep} } } } }`;
  return `programs(first: 1) { edges { node { ${deep} } } }`;
}
const DEEP = nested(6);
const SHALLOW = nested(1);

const PROGRAMS = graphql(`
  query LimitsPrograms { programs { edges { node { id } } } }
`);

/**
 * Hostile query shapes are refused before any resolver runs: HTTP 400 (the server's limits, whatever
 * the client accepts), BAD_USER_INPUT and `request.tooComplex`.
 */
describe('request limits', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let token = '';

  beforeAll(async () => {
    api = await testApi();
    token = (await api.newTenant('Limits')).manager;
  });

  const raw = (query: string, operationName?: string) =>
    api.call(PROGRAMS, {}, { token, rawBody: JSON.stringify({ query, operationName }) });

  it('refuses deep nesting, also under an operation named __schema', async () => {
    const query = `query { ${DEEP} }`;
    // The control: the same shape, shallow, is a valid query; only depth refuses the deep one.
    expect((await raw(`query { ${SHALLOW} }`)).errors).toBeUndefined();
    const before = api.services.client.calls.count;
    for (const res of [await raw(query), await raw(query.replace('query {', 'query __schema {'), '__schema')]) {
      expect(res.status).toBe(400);
      expect(res.errors?.map((e) => [e.extensions?.code, e.extensions?.messageKey])).toEqual([['BAD_USER_INPUT', 'request.tooComplex']]);
      expect(res.errors?.map((e) => e.message).join(' ')).toMatch(/depth limit/);
    }
    // Token verification reads the tenant once; no resolver ran.
    expect(api.services.client.calls.count - before).toBeLessThanOrEqual(1);
  });

  it('refuses an alias flood', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: programs { edges { node { id } } }`).join(' ');
    const res = await raw(`query { ${aliases} }`);
    expect([res.status, ...codes(res)]).toEqual([400, 'BAD_USER_INPUT']);
  });

  it('refuses a query too costly to answer', async () => {
    const query =
      'query { people(first: 100) { edges { node { enrolments { program { participants(first: 100) { edges { node { person { mentorships { meetings { id } } } } } } } } } } } }';
    const res = await raw(query);
    expect([res.status, ...codes(res)]).toEqual([400, 'BAD_USER_INPUT']);
    expect(res.errors?.[0]?.message).toMatch(/Cost limit/i);
  });

  it('hides field suggestions outside local development', async () => {
    const res = await raw('query { programz { edges { node { id } } } }');
    expect([res.status, ...codes(res)]).toEqual([200, 'BAD_USER_INPUT']);
    expect(JSON.stringify(res.errors)).not.toMatch(/Did you mean/);
  });

  it('allows one field that reads a whole organisation or program per request, refused before any work', async () => {
    // Prepare
    const created = await must(api, 'mutation { createProgram(input: { name: "Heavy" }) { id } }', {}, token);
    const program = (created.createProgram as { id: string }).id;
    const csv = `email,givenName,familyName\n${'someone@example.org,Ada,Lovelace\n'.repeat(178_000)}`;
    const aliased = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');
    const hostile: [string, string, Record<string, unknown>][] = [
      ['20 exports', `{ ${aliased(20, 'peopleCsv')} }`, {}],
      [
        '20 previews of one 5.8 MB file',
        `query ($p: ID!, $csv: String!) { ${aliased(20, 'previewImport(programId: $p, csv: $csv) { total }')} }`,
        { p: program, csv },
      ],
      ['20 dry runs', `mutation ($p: ID!) { ${aliased(20, 'runMatching(programId: $p, dryRun: true) { id }')} }`, { p: program }],
      ['two exports by fragments', '{ ...A ...B } fragment A on Query { a: peopleCsv } fragment B on Query { b: peopleCsv }', {}],
      ['an export per program', '{ programs { edges { node { participantsCsv } } } }', {}],
    ];
    expect(csv.length).toBeGreaterThan(5_800_000);
    /** DynamoDB calls a request makes, beyond what accepting its credentials costs (measured on `{ __typename }`). */
    const work = async <T>(run: () => Promise<T>) => {
      const calls = () => api.services.client.calls.count;
      const start = calls();
      await gql(api, '{ __typename }', {}, token);
      const credentials = calls() - start;
      const before = calls();
      const result = await run();
      return { result, calls: calls() - before - credentials };
    };

    for (const [what, query, variables] of hostile) {
      // Act
      const { result: res, calls } = await work(() => gql(api, query, variables, token));

      // Assert
      expect({ what, status: res.status, key: res.errors?.[0]?.extensions?.messageKey, calls }).toEqual({
        what,
        status: 400,
        key: 'request.tooComplex',
        calls: 0,
      });
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.data ?? null).toBeNull();
    }
    // The control: one of each, alone, runs.
    expect((await gql(api, '{ peopleCsv }', {}, token)).errors).toBeUndefined();
    expect((await gql(api, 'query ($p: ID!) { program(id: $p) { participantsCsv } }', { p: program }, token)).errors).toBeUndefined();
  });

  it('answers ordinary queries as before', async () => {
    expect((await api.call(PROGRAMS, {}, { token })).errors).toBeUndefined();
  });
});

/**
 * The rest of the hardening of #7, each refused the way a partner app can act on: introspection and
 * suggestions only in local development, CSRF prevention, no batching, no automatic persisted
 * queries, a body size limit, and graphql-armor's limits also under introspection-looking names.
 */
describe('hardening', () => {
  let api: Api;
  let dev: Api;
  let token = '';
  let devToken = '';
  let refused = 0;

  beforeAll(async () => {
    api = await testApi();
    token = (await api.newTenant('Hardening')).manager;
    dev = await testApi({ isLocal: true });
    devToken = (await dev.newTenant('Hardening dev')).manager;
  });
  afterAll(() => console.log(`${refused} hostile requests refused before any resolver ran`));

  const post = (on: Api, t: string, body: unknown, headers: Record<string, string> = {}) =>
    on.call(PROGRAMS, {}, { token: t, headers, rawBody: typeof body === 'string' ? body : JSON.stringify(body) });
  /** Refused before anything ran: the status (400 for a limit, 200 for invalid GraphQL under application/json), BAD_USER_INPUT, no data. */
  const invalid = async (res: Promise<CallResult<unknown>>, status: 200 | 400 = 400, messageKey = 'request.tooComplex') => {
    const r = await res;
    expect(r.status).toBe(status);
    expect(new Set(r.errors?.map((e) => `${e.extensions?.code} ${e.extensions?.messageKey}`))).toEqual(
      new Set([`BAD_USER_INPUT ${messageKey}`]),
    );
    expect(r.data ?? null).toBeNull();
    refused++;
    return r;
  };

  it('keeps every limit under introspection-looking operations, also where introspection is on', async () => {
    for (const on of [
      [api, token],
      [dev, devToken],
    ] as const) {
      await invalid(post(on[0], on[1], { query: `query IntrospectionQuery { ${DEEP} }`, operationName: 'IntrospectionQuery' }));
      await invalid(post(on[0], on[1], { query: `query __schema { __typename ${DEEP} }`, operationName: '__schema' }));
      // Where introspection is off, __schema alone makes the document invalid, before its depth counts.
      const introspectionOff = on[0] === api;
      await invalid(
        post(on[0], on[1], { query: `query __type { __schema { queryType { name } } ${DEEP} }` }),
        introspectionOff ? 200 : 400,
        introspectionOff ? 'request.invalid' : 'request.tooComplex',
      );
      // (`__typename` aliases cost nothing and are allowed; real fields are counted.)
      const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: viewer { actor { id } }`).join(' ');
      await invalid(post(on[0], on[1], { query: `query __schema { ${aliases} }`, operationName: '__schema' }));
      // Depth through fragments counts too.
      await invalid(post(on[0], on[1], { query: `query __schema { ...F } fragment F on Query { ${DEEP} }` }));
    }
  });

  it('refuses directive floods, token floods and fragment cycles', async () => {
    // Repeating a directive is invalid GraphQL before it is a flood.
    await invalid(post(api, token, { query: `{ viewer { actor { id ${'@include(if: true) '.repeat(50)} } } }` }), 200, 'request.invalid');
    const fields = Array.from({ length: 25 }, () => 'id @include(if: true)').join(' ');
    await invalid(post(api, token, { query: `{ viewer { actor { ${fields} } } }` }));
    const flood = await invalid(post(api, token, { query: `{ viewer { actor { ${'id '.repeat(4_500)} } } }` }), 200, 'request.invalid');
    expect(flood.errors?.[0]?.message).toMatch(/more th.. 4000 tokens/i);
    await invalid(
      post(api, token, { query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }),
      200,
      'request.invalid',
    );
  });

  it('keeps introspection and suggestions to local development', async () => {
    await invalid(post(api, token, { query: '{ __schema { types { name } } }' }), 200, 'request.invalid');
    await invalid(post(api, token, { query: '{ __type(name: "Person") { fields { name } } }' }), 200, 'request.invalid');
    const typos = [
      '{ programs(frist: 1) { edges { node { id } } } }',
      '{ people(sort: NAMES) { edges { node { id } } } }',
      '{ people(filter: { serch: "x" }) { edges { node { id } } } }',
      '{ programz { edges { node { id } } } }',
    ];
    for (const query of typos) {
      const res = await invalid(post(api, token, { query }), 200, 'request.invalid');
      expect(JSON.stringify(res.errors)).not.toMatch(/Did you mean/);
    }
    // The control: in local development both work.
    expect((await post(dev, devToken, { query: '{ __schema { queryType { name } } }' })).errors).toBeUndefined();
    expect(JSON.stringify((await post(dev, devToken, { query: typos[0] })).errors)).toMatch(/Did you mean/);
    // __typename is not introspection and stays available.
    expect((await post(api, token, { query: '{ __typename }' })).errors).toBeUndefined();
  });

  it('prevents CSRF: no simple GET or form-encoded POST runs an operation', async () => {
    const q = new URLSearchParams({ query: '{ programs { edges { node { id } } } }' }).toString();
    const get = await api.call(PROGRAMS, {}, { token, get: q });
    expect(get.status).toBe(400);
    expect(get.body).toMatch(/Cross-Site Request Forgery/i);
    const form = await post(api, token, q, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(400);
    const text = await post(api, token, { query: '{ __typename }' }, { 'content-type': 'text/plain' });
    expect(text.status).toBe(400);
    refused += 3;
    // With a header a browser cannot send cross-site without a preflight, a GET query runs.
    expect((await api.call(PROGRAMS, {}, { token, get: q, headers: { 'apollo-require-preflight': 'true' } })).errors).toBeUndefined();
  });

  it('refuses batched requests and automatic persisted queries', async () => {
    const batch = await post(api, token, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(batch.status).toBe(400);
    refused++;
    const hash = createHash('sha256').update('{ __typename }').digest('hex');
    for (const body of [
      { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } },
      { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: hash } } },
    ]) {
      const res = await invalid(post(api, token, body), 200, 'request.invalid');
      expect(res.errors?.[0]?.message).toContain('PersistedQueryNotSupported');
    }
  });

  it('refuses a body over the limit at the HTTP adapter, before the handler', async () => {
    const port = await freePort();
    const server = await startLocalServer({
      port,
      graphql: createGraphqlHandler(api.services),
      issuer: api.issuer,
      tenantExists: async () => false,
      consoleDir: null,
    });
    try {
      const huge = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(MAX_BODY_BYTES) } });
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: huge,
      });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
      refused++;
      const ok = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(ok.status).toBe(200);
    } finally {
      await new Promise((ok) => server.close(ok));
    }
  });
});

const CREATE_PERSON = 'mutation L_Person($input: PersonInput!) { createPerson(input: $input) { id givenName bio } }';
const PERSON = 'query L_Read($id: ID!) { person(id: $id) { givenName familyName bio jobTitle } }';

describe('abusive input', () => {
  let api: Api;
  let token = '';
  const person = (over: Record<string, unknown>) => ({
    input: {
      email: `p${Math.random().toString(36).slice(2, 10)}@example.org`,
      givenName: 'Ada',
      familyName: 'Lovelace',
      timeZone: 'Europe/Amsterdam',
      languages: ['en'],
      ...over,
    },
  });
  const problems = (r: CallResult<unknown>) => r.errors?.[0]?.extensions?.problems?.map((p) => `${p.field} ${p.rule}`) ?? [];

  beforeAll(async () => {
    api = await testApi();
    token = (await api.newTenant('Abuse')).manager;
  });

  it('refuses oversized strings and huge lists, naming the field, and writes nothing', async () => {
    const before = (await gql(api, '{ people(first: 100) { edges { node { id } } } }', {}, token)).data;
    const cases: [Record<string, unknown>, string][] = [
      [{ givenName: 'A'.repeat(100_000) }, 'input.givenName tooLong'],
      [{ bio: 'b'.repeat(1_000_000) }, 'input.bio tooLong'],
      [{ skillsOffered: Array.from({ length: 10_000 }, (_, i) => `skill ${i}`) }, 'input.skillsOffered tooMany'],
      [{ links: Array.from({ length: 500 }, (_, i) => `https://example.org/${i}`) }, 'input.links tooMany'],
      [{ languages: Array.from({ length: 5_000 }, () => 'xx') }, 'input.languages'],
    ];
    for (const [over, expected] of cases) {
      const res = await gql(api, CREATE_PERSON, person(over), token);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(problems(res).join('; ')).toContain(expected);
    }
    // A page beyond the maximum: the cost limit refuses a huge one, the page check one just over.
    const huge = await gql(api, '{ people(first: 100000) { edges { node { id } } } }', {}, token);
    expect([huge.status, huge.errors?.[0]?.extensions?.messageKey]).toEqual([400, 'request.tooComplex']);
    const over = await gql(api, '{ people(first: 101) { edges { node { id } } } }', {}, token);
    expect([over.status, ...codes(over)]).toEqual([200, 'BAD_USER_INPUT']);
    expect((await gql(api, '{ people(first: 100) { edges { node { id } } } }', {}, token)).data).toEqual(before);
  });

  it('refuses control characters and bidirectional overrides in what people type, and keeps right-to-left marks', async () => {
    for (const bad of ['Ada\u0000', 'Ada\u0007', 'Ada\u001b[31m', 'Ada\u007f', 'A\u000bda', 'Ada\u202Eecalevol', 'Ada\u2066x\u2069']) {
      const res = await gql(api, CREATE_PERSON, person({ givenName: bad }), token);
      expect(problems(res)).toEqual(['input.givenName controlCharacters']);
    }
    const rtl = await gql(api, CREATE_PERSON, person({ givenName: '\u200Fנועה', familyName: 'כהן' }), token);
    expect(rtl.errors).toBeUndefined();
  });

  it('stores markup as text and hands it back as JSON, and exports formulas defused', async () => {
    const script = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    const created = await gql(
      api,
      CREATE_PERSON,
      person({
        givenName: script,
        familyName: '=HYPERLINK("http://evil.example")',
        jobTitle: 'Zed;=1+1;x',
        department: 'Ops\t@SUM(A1)',
        bio: script,
      }),
      token,
    );
    expect(created.errors).toBeUndefined();
    const id = (created.data as { createPerson: { id: string } }).createPerson.id;
    const read = await gql(api, PERSON, { id }, token);
    expect(read.data?.person).toMatchObject({ givenName: script, bio: script, familyName: '=HYPERLINK("http://evil.example")' });
    const csv = (await gql(api, '{ peopleCsv }', {}, token)).data?.peopleCsv as string;
    expect(csv).toContain(`'=HYPERLINK`);
    // Whatever a spreadsheet splits on (`,` in English, `;` in Dutch, honouring quotes or not), no part starts a formula.
    const parts = csv.split(/[,;\t\r\n]/);
    expect(parts.filter((p) => /^[" ]*[=+\-@]/.test(p))).toEqual([]);
    expect(csv).toContain(`"Zed;'=1+1;x"`);
  });
});
