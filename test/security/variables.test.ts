import { beforeAll, describe, expect, it } from 'vitest';
import { testApi } from '../support/api.ts';
import { gql } from '../support/hostile.ts';

describe('variables that do not coerce', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let manager = '';
  beforeAll(async () => {
    api = await testApi();
    manager = (await api.newTenant('Variables')).manager;
  });

  it('answers BAD_USER_INPUT, never an internal error, when graphql-js gives up after fifty problems', async () => {
    // Prepare: sixty languages that are not strings: graphql-js stops at fifty with an error of no code.
    const input = {
      givenName: 'Ada',
      familyName: 'Lovelace',
      email: 'ada@example.org',
      timeZone: 'Europe/Amsterdam',
      languages: Array.from({ length: 60 }, () => ({})),
    };

    // Act
    const res = await gql(api as never, 'mutation($input: PersonInput!) { createPerson(input: $input) { id } }', { input }, manager);

    // Assert
    const codes = new Set(res.errors?.map((e) => e.extensions?.code));
    expect(res.status).toBe(200);
    expect(res.errors?.length).toBeGreaterThan(50);
    expect([...codes]).toEqual(['BAD_USER_INPUT']);
  });
});
