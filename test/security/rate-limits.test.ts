import { describe, expect, it } from 'vitest';
import { DEFAULT_CALLER_LIMITS } from '#domain/partners/rateLimits.ts';
import { graphql } from '../generated/gql.ts';
import { codes, TestClock, testApi } from '../support/api.ts';

const VIEWER = graphql(`
  query RlViewer { viewer { actor { role } } }
`);
const PERSON = graphql(`
  mutation RlPerson($input: PersonInput!) { createPerson(input: $input) { id } }
`);

const localId = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1] ?? '';

/**
 * Bearer tokens are limited like partner keys: a GCRA bucket per person (the token's subject) and
 * one per tenant, one conditional write each, HTTP 429 with Retry-After past them. The tests move
 * the clock by hand, so each refill is exact.
 */
describe('rate limits for bearer tokens', () => {
  async function participant(api: Awaited<ReturnType<typeof testApi>>, manager: string, slug: string, name: string) {
    const input = { email: `${name}@example.org`, givenName: name, familyName: 'Limit', timeZone: 'Europe/Amsterdam', languages: ['en'] };
    const id = (await api.call(PERSON, { input }, { token: manager })).data?.createPerson.id ?? '';
    return api.token('participant', slug, { person: localId(id) });
  }

  it('refuses a participant’s 300-request burst past the default limit with 429 and Retry-After, then refills', async () => {
    // Prepare
    const clock = new TestClock(new Date('2026-06-01T09:00:00Z'));
    const api = await testApi({ clock, callerLimits: DEFAULT_CALLER_LIMITS });
    const { slug, manager } = await api.newTenant('Limited');
    const [ada, grace] = [await participant(api, manager, slug, 'ada'), await participant(api, manager, slug, 'grace')];

    // Act: 300 requests at once from one token (all within the same instant of the test clock).
    const burst = await Promise.all(Array.from({ length: 300 }, () => api.call(VIEWER, {}, { token: ada })));

    // Assert
    const allowed = burst.filter((r) => r.status === 200 && !r.errors);
    const refused = burst.filter((r) => r.status === 429);
    console.log(`300 requests from one token at once: ${allowed.length} allowed, ${refused.length} refused (429)`);
    expect(allowed).toHaveLength(DEFAULT_CALLER_LIMITS.person.burst);
    expect(refused).toHaveLength(300 - DEFAULT_CALLER_LIMITS.person.burst);
    expect(refused[0]?.headers['retry-after']).toBe('1');
    expect(refused[0]?.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      messageKey: 'rateLimited.person',
      retryAfterSeconds: 1,
    });
    expect(refused.every((r) => r.data === undefined || r.data === null)).toBe(true);
    // Another participant of the same tenant has a bucket of their own.
    expect((await api.call(VIEWER, {}, { token: grace })).errors).toBeUndefined();
    // A tenth of a second later one token is back (600 a minute); one only.
    clock.now = new Date(clock.now.getTime() + 100);
    expect((await api.call(VIEWER, {}, { token: ada })).errors).toBeUndefined();
    expect(codes(await api.call(VIEWER, {}, { token: ada }))).toEqual(['RATE_LIMITED']);
  });

  it('limits a tenant as a whole, without one person using up the tenant’s bucket, and leaves other tenants alone', async () => {
    // Prepare: small buckets, so the tenant's runs out before any person's.
    const clock = new TestClock(new Date('2026-06-01T09:00:00Z'));
    const api = await testApi({ clock, callerLimits: { person: { perMinute: 60, burst: 4 }, tenant: { perMinute: 60, burst: 10 } } });
    const a = await api.newTenant('Busy');
    const b = await api.newTenant('Quiet');
    const people = await Promise.all(['p1', 'p2', 'p3', 'p4'].map((n) => participant(api, a.manager, a.slug, n)));
    clock.now = new Date(clock.now.getTime() + 60_000); // the set-up's requests are forgotten

    // Act: four people, three requests each (12 > the tenant's 10, but 3 < each person's 4).
    const calls = await Promise.all(people.flatMap((token) => [1, 2, 3].map(() => api.call(VIEWER, {}, { token }))));

    // Assert
    expect(calls.filter((r) => !r.errors)).toHaveLength(10);
    const refused = calls.filter((r) => r.status === 429);
    expect(refused).toHaveLength(2);
    expect(refused[0]?.errors?.[0]?.extensions?.messageKey).toBe('rateLimited.tenant');
    expect(refused[0]?.headers['retry-after']).toBe('1');
    expect((await api.call(VIEWER, {}, { token: b.manager })).errors).toBeUndefined();

    // Act: a minute later, one person floods; past their own 4 they are refused by their bucket alone.
    clock.now = new Date(clock.now.getTime() + 60_000);
    const flood = await Promise.all(Array.from({ length: 30 }, () => api.call(VIEWER, {}, { token: people[0] ?? '' })));
    const others = await Promise.all(people.slice(1).map((token) => api.call(VIEWER, {}, { token })));

    // Assert: the other three still get through on the tenant's remaining 6.
    expect(flood.filter((r) => !r.errors)).toHaveLength(4);
    expect(new Set(flood.filter((r) => r.errors).map((r) => r.errors?.[0]?.extensions?.messageKey))).toEqual(
      new Set(['rateLimited.person']),
    );
    expect(others.every((r) => !r.errors)).toBe(true);
  });

  it('limits operators per person, outside any tenant', async () => {
    const clock = new TestClock(new Date('2026-06-01T09:00:00Z'));
    const api = await testApi({ clock, callerLimits: { person: { perMinute: 60, burst: 3 }, tenant: { perMinute: 60, burst: 100 } } });
    const operator = await api.token('operator', null);
    const calls = await Promise.all(Array.from({ length: 5 }, () => api.call(VIEWER, {}, { token: operator })));
    expect(calls.map((r) => r.status).sort()).toEqual([200, 200, 200, 429, 429]);
  });
});
