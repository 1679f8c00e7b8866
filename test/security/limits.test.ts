import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { codes, testApi } from '../support/api.ts';

const PROGRAMS = graphql(`
  query LimitsPrograms { programs { edges { node { id } } } }
`);

/** Hostile query shapes are refused before any resolver runs, with GraphQL's own validation code. */
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
    let deep = 'id';
    for (let i = 0; i < 8; i++) deep = `program { mentorships(first: 1) { edges { node { ${deep} } } } }`;
    const query = `query { programs(first: 1) { edges { node { ${deep} } } } }`;
    const before = api.services.client.calls.count;
    expect(codes(await raw(query))).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(codes(await raw(query.replace('query {', 'query __schema {'), '__schema'))).toContain('GRAPHQL_VALIDATION_FAILED');
    // Token verification reads the tenant once; no resolver ran.
    expect(api.services.client.calls.count - before).toBeLessThanOrEqual(1);
  });

  it('refuses an alias flood', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: programs { edges { node { id } } }`).join(' ');
    expect(codes(await raw(`query { ${aliases} }`))).toContain('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a query too costly to answer', async () => {
    const query =
      'query { people(first: 100) { edges { node { enrolments { program { participants(first: 100) { edges { node { person { mentorships { meetings { id } } } } } } } } } } } }';
    expect(codes(await raw(query))).toContain('GRAPHQL_VALIDATION_FAILED');
  });

  it('hides field suggestions outside local development', async () => {
    const res = await raw('query { programz { edges { node { id } } } }');
    expect(codes(res)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(res.errors)).not.toMatch(/Did you mean/);
  });

  it('answers ordinary queries as before', async () => {
    expect((await api.call(PROGRAMS, {}, { token })).errors).toBeUndefined();
  });
});
