import { beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '#domain/partners/apiKeys.ts';
import { graphql } from '../generated/gql.ts';
import { codes, TestClock, testApi } from '../support/api.ts';

const PROGRAM = graphql(`
  mutation PkProgram($input: ProgramInput!) { createProgram(input: $input) { id version } }
`);
const OPEN = graphql(`
  mutation PkOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }
`);
const PERSON = graphql(`
  mutation PkPerson($input: PersonInput!) { createPerson(input: $input) { id } }
`);
const ENROL = graphql(`
  mutation PkEnrol($input: EnrolInput!) { enrol(input: $input) { status } }
`);
const START = graphql(`
  mutation PkStart($input: PairInput!) { startMentorship(input: $input) { id } }
`);
const CREATE_KEY = graphql(`
  mutation PkCreateKey($input: ApiKeyInput!) {
    createApiKey(input: $input) { secret key { id name hint scopes status version lastUsedAt program { name } rateLimit { perMinute burst } } }
  }
`);
const KEYS = graphql(`
  query PkKeys { apiKeys { items { id hint status lastUsedAt expiresAt revokedAt replacedBy version } } }
`);
const REVOKE = graphql(`
  mutation PkRevoke($id: ID!, $version: Int!) { revokeApiKey(id: $id, version: $version) { status revokedAt version } }
`);
const ROTATE = graphql(`
  mutation PkRotate($id: ID!, $version: Int!, $hours: Int) {
    rotateApiKey(id: $id, version: $version, overlapHours: $hours) { secret key { id status } }
  }
`);
const ME = graphql(`
  query PkMe { viewer { actor { id role } } me { displayName mentorships { id program { name } } } }
`);
const VIEWER = graphql(`
  query PkViewer { viewer { actor { role } } }
`);
const PROGRAMS = graphql(`
  query PkPrograms { programs { edges { node { id name } } } }
`);
const TENANT_PROGRAMS = graphql(`
  query PkTenantPrograms { viewer { tenant { programs { edges { node { name } } } } } }
`);
const ONE_PROGRAM = graphql(`
  query PkOneProgram($id: ID!) { program(id: $id) { name } }
`);
const MEETING = graphql(`
  mutation PkMeeting($input: MeetingInput!) { logMeeting(input: $input) { heldAt } }
`);
const REQUEST = graphql(`
  mutation PkRequest($input: RequestInput!) { requestMentor(input: $input) { id } }
`);
const PERSON_VIA_NODE = graphql(`
  query PkPersonNode($id: ID!) { node(id: $id) { ... on Person { displayName } } }
`);
const PAIR_VIA_NODE = graphql(`
  query PkNode($id: ID!) { node(id: $id) { ... on Mentorship { id } } }
`);

const WHY = 'You led the data team through the reorganisation I am now in, and your talk on it stayed with me.';

describe('partner API keys: shown once, scoped, limited to a program, revocable, rotated, rate limited', () => {
  const clock = new TestClock(new Date('2026-05-04T09:00:00Z'));
  let api: Awaited<ReturnType<typeof testApi>>;
  let a: { slug: string; manager: string };
  let b: { slug: string; manager: string };
  const ids: Record<string, string> = {};
  let pairId = '';

  const manager = () => ({ token: a.manager });
  const viaKey = (secret: string, person: string, extra: Record<string, string> = {}) => ({
    headers: { 'x-api-key': secret, 'x-kindling-person': person, ...extra },
  });
  async function key(scopes: string[], extra: { programId?: string; perMinute?: number; burst?: number } = {}) {
    const res = await api.call(CREATE_KEY, { input: { name: `app ${scopes.join(' ')}`, scopes: scopes as never, ...extra } }, manager());
    expect(res.errors).toBeUndefined();
    return res.data?.createApiKey ?? { secret: '', key: { id: '', version: 0 } };
  }

  beforeAll(async () => {
    api = await testApi({ clock });
    a = await api.newTenant('Keys A');
    b = await api.newTenant('Keys B');
    for (const [name, token] of [
      ['one', a.manager],
      ['two', a.manager],
      ['other', b.manager],
    ] as const) {
      const created = (await api.call(PROGRAM, { input: { name: `Program ${name}` } }, { token })).data?.createProgram;
      ids[name] = created?.id ?? '';
      await api.call(OPEN, { id: ids[name] ?? '', version: 1 }, { token });
    }
    const person = async (name: string, token: string, programId: string, role: 'MENTOR' | 'MENTEE') => {
      const input = { email: `${name}@example.org`, givenName: name, familyName: 'Key', timeZone: 'Europe/Amsterdam', languages: ['en'] };
      ids[name] = (await api.call(PERSON, { input }, { token })).data?.createPerson.id ?? '';
      await api.call(ENROL, { input: { personId: ids[name] ?? '', programId, role, reasons: ['GOAL_SETTING'], capacity: 2 } }, { token });
    };
    await person('mentor', a.manager, ids.one ?? '', 'MENTOR');
    await person('mentee', a.manager, ids.one ?? '', 'MENTEE');
    await person('elsewhere', a.manager, ids.two ?? '', 'MENTEE');
    await person('stranger', b.manager, ids.other ?? '', 'MENTEE');
    const pair = await api.call(
      START,
      { input: { programId: ids.one ?? '', mentorId: ids.mentor ?? '', menteeId: ids.mentee ?? '' } },
      manager(),
    );
    pairId = pair.data?.startMentorship.id ?? '';
    expect(pairId).not.toBe('');
  });

  it('shows the secret once and keeps only its hash', async () => {
    const issued = await key(['PROFILES_READ', 'MENTORSHIPS_READ', 'PROGRAMS_READ'], { programId: ids.one });
    expect(issued.secret).toMatch(new RegExp(`^kdl_${a.slug}_[0-9A-Z]{26}_[0-9a-f]{64}$`));
    expect(issued.key).toMatchObject({ status: 'ACTIVE', lastUsedAt: null, program: { name: 'Program one' } });
    const listed = (await api.call(KEYS, {}, manager())).data?.apiKeys.items.find((k) => k.id === issued.key.id);
    expect(JSON.stringify(listed)).not.toContain(issued.secret.slice(-64));
    const localId = Buffer.from(issued.key.id, 'base64url').toString().split(':')[1] ?? '';
    const stored = await api.services.apiKeys.getApiKey(a.slug, localId);
    expect(stored?.secretHash).toBe(hashSecret(issued.secret.slice(-64)));
    expect(JSON.stringify(stored)).not.toContain(issued.secret.slice(-64));
    // Another tenant's manager does not see it.
    const theirs = (await api.call(KEYS, {}, { token: b.manager })).data?.apiKeys.items ?? [];
    expect(theirs.map((k) => k.id)).not.toContain(issued.key.id);
  });

  it('acts for one participant, who sees only what is theirs in the key’s program, and records its last use', async () => {
    const issued = await key(['PROFILES_READ', 'MENTORSHIPS_READ', 'PROGRAMS_READ'], { programId: ids.one });
    const res = await api.call(ME, {}, viaKey(issued.secret, ids.mentee ?? ''));
    expect(res.errors).toBeUndefined();
    expect(res.data?.viewer.actor.role).toBe('PARTICIPANT');
    expect(res.data?.me?.mentorships?.map((m) => m.id)).toEqual([pairId]);
    const programs = (await api.call(PROGRAMS, {}, viaKey(issued.secret, ids.mentee ?? ''))).data?.programs.edges.map((e) => e.node.name);
    expect(programs).toEqual(['Program one']);
    const two = await api.call(ONE_PROGRAM, { id: ids.two ?? '' }, viaKey(issued.secret, ids.mentee ?? ''));
    expect(codes(two)).toEqual(['NOT_FOUND']);
    // The tenant's own list of programs keeps to the key's program too.
    const viaTenant = await api.call(TENANT_PROGRAMS, {}, viaKey(issued.secret, ids.mentee ?? ''));
    expect(viaTenant.data?.viewer.tenant?.programs.edges.map((e) => e.node.name)).toEqual(['Program one']);
    const listed = (await api.call(KEYS, {}, manager())).data?.apiKeys.items.find((k) => k.id === issued.key.id);
    expect(listed?.lastUsedAt).toBe(clock.now.toISOString());
  });

  it('refuses a person outside the key’s program, a missing person, and another tenant’s person', async () => {
    const issued = await key(['PROFILES_READ'], { programId: ids.one });
    for (const person of [ids.elsewhere ?? '', ids.stranger ?? '', 'not-an-id']) {
      const res = await api.call(VIEWER, {}, viaKey(issued.secret, person));
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions?.messageKey).toBe('auth.keyNeedsPerson');
    }
    const none = await api.call(VIEWER, {}, { headers: { 'x-api-key': issued.secret } });
    expect(codes(none)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses what the scopes do not cover, before anything runs or is written', async () => {
    const issued = await key(['MENTORSHIPS_READ']);
    let calls = api.services.client.calls.count;
    await api.call(VIEWER, {}, viaKey(issued.secret, ids.mentee ?? ''));
    const perCall = api.services.client.calls.count - calls;
    calls = api.services.client.calls.count;
    const meeting = await api.call(
      MEETING,
      { input: { mentorshipId: pairId, heldAt: clock.now.toISOString(), durationMinutes: 45, mode: 'VIDEO' } },
      viaKey(issued.secret, ids.mentee ?? ''),
    );
    expect(codes(meeting)).toEqual(['FORBIDDEN']);
    expect(meeting.errors?.[0]?.message).toContain('MEETINGS_WRITE');
    const request = await api.call(
      REQUEST,
      {
        input: {
          programId: ids.one ?? '',
          mentorId: ids.mentor ?? '',
          whyThisMentor: WHY,
          focusAreas: ['GOAL_SETTING'],
          timeAsked: 'An hour',
        },
      },
      viaKey(issued.secret, ids.mentee ?? ''),
    );
    expect(codes(request)).toEqual(['FORBIDDEN']);
    // Nested types need their scope too: a pair's program needs PROGRAMS_READ.
    const nested = await api.call(ME, {}, viaKey(issued.secret, ids.mentee ?? ''));
    expect(codes(nested)).toEqual(['FORBIDDEN']);
    // A fragment's type needs its scope too, even behind `node`.
    const fragment = await api.call(PERSON_VIA_NODE, { id: ids.mentee ?? '' }, viaKey(issued.secret, ids.mentee ?? ''));
    expect(codes(fragment)).toEqual(['FORBIDDEN']);
    expect(fragment.errors?.[0]?.message).toContain('PROFILES_READ');
    // Manager operations are closed to keys whatever their scopes.
    const program = await api.call(PROGRAM, { input: { name: 'Sneaky' } }, viaKey(issued.secret, ids.mentee ?? ''));
    expect(codes(program)).toEqual(['FORBIDDEN']);
    // Each refused call cost what checking the key costs (read key, person, enrolments; take a token, in
    // one write or two when the bucket turns from idle to busy), and nothing more ran.
    expect(api.services.client.calls.count - calls).toBeLessThanOrEqual(5 * (perCall + 1));

    const writer = await key(['MEETINGS_WRITE', 'MENTORSHIPS_READ']);
    const logged = await api.call(
      MEETING,
      { input: { mentorshipId: pairId, heldAt: clock.now.toISOString(), durationMinutes: 45, mode: 'VIDEO' } },
      viaKey(writer.secret, ids.mentee ?? ''),
    );
    expect(logged.errors).toBeUndefined();
  });

  it('keeps a key in its tenant: a rewritten tenant part, a token alongside, or another tenant’s ids get nothing', async () => {
    const issued = await key(['MENTORSHIPS_READ']);
    const swapped = issued.secret.replace(`kdl_${a.slug}_`, `kdl_${b.slug}_`);
    expect(codes(await api.call(VIEWER, {}, viaKey(swapped, ids.stranger ?? '')))).toEqual(['UNAUTHENTICATED']);
    const both = await api.call(VIEWER, {}, { ...viaKey(issued.secret, ids.mentee ?? ''), token: b.manager });
    expect(both.errors?.[0]?.extensions?.messageKey).toBe('auth.twoCredentials');
    const tampered = `${issued.secret.slice(0, -1)}${issued.secret.endsWith('0') ? '1' : '0'}`;
    expect(codes(await api.call(VIEWER, {}, viaKey(tampered, ids.mentee ?? '')))).toEqual(['UNAUTHENTICATED']);
    const theirs = await api.call(PAIR_VIA_NODE, { id: pairId }, viaKey(issued.secret, ids.mentor ?? ''));
    expect(theirs.data?.node).toMatchObject({ id: pairId });
    const elsewhere = await api.call(PAIR_VIA_NODE, { id: pairId }, viaKey(issued.secret, ids.elsewhere ?? ''));
    expect(elsewhere.data?.node ?? null).toBeNull();
  });

  it('stops a revoked key at once, and lets a rotated key overlap for the hours asked', async () => {
    const revoked = await key(['MENTORSHIPS_READ']);
    const gone = await api.call(REVOKE, { id: revoked.key.id, version: revoked.key.version }, manager());
    expect(gone.data?.revokeApiKey).toMatchObject({ status: 'REVOKED', version: 2 });
    const refused = await api.call(VIEWER, {}, viaKey(revoked.secret, ids.mentee ?? ''));
    expect(refused.errors?.[0]?.extensions?.messageKey).toBe('auth.keyEnded');
    expect(codes(await api.call(REVOKE, { id: revoked.key.id, version: 2 }, manager()))).toEqual(['CONFLICT']);

    const old = await key(['MENTORSHIPS_READ']);
    const stale = await api.call(ROTATE, { id: old.key.id, version: old.key.version + 5, hours: 2 }, manager());
    expect(codes(stale)).toEqual(['CONFLICT']);
    const rotated = (await api.call(ROTATE, { id: old.key.id, version: old.key.version, hours: 2 }, manager())).data?.rotateApiKey;
    expect(rotated?.secret).not.toBe(old.secret);
    const listed = (await api.call(KEYS, {}, manager())).data?.apiKeys.items.find((k) => k.id === old.key.id);
    expect(listed).toMatchObject({ status: 'EXPIRING', replacedBy: rotated?.key.id });
    for (const secret of [old.secret, rotated?.secret ?? '']) {
      expect((await api.call(VIEWER, {}, viaKey(secret, ids.mentee ?? ''))).errors).toBeUndefined();
    }
    clock.now = new Date(clock.now.getTime() + 2 * 3_600_000 + 1000);
    expect((await api.call(VIEWER, {}, viaKey(old.secret, ids.mentee ?? ''))).errors?.[0]?.extensions?.messageKey).toBe('auth.keyEnded');
    expect((await api.call(VIEWER, {}, viaKey(rotated?.secret ?? '', ids.mentee ?? ''))).errors).toBeUndefined();
    // Another tenant's manager cannot touch it.
    expect(codes(await api.call(REVOKE, { id: rotated?.key.id ?? '', version: 1 }, { token: b.manager }))).toEqual(['NOT_FOUND']);
  });

  it('revokes a key in its rotation overlap: the old key alone, or the new key and the old one with it', async () => {
    // Prepare: two rotations with the longest overlap, both keys working.
    const rotate = async () => {
      const k1 = await key(['MENTORSHIPS_READ']);
      const k2 = (await api.call(ROTATE, { id: k1.key.id, version: k1.key.version, hours: 720 }, manager())).data?.rotateApiKey;
      const listed = (await api.call(KEYS, {}, manager())).data?.apiKeys.items.find((k) => k.id === k1.key.id);
      for (const secret of [k1.secret, k2?.secret ?? '']) {
        expect((await api.call(VIEWER, {}, viaKey(secret, ids.mentee ?? ''))).errors).toBeUndefined();
      }
      return { k1, k1Version: listed?.version ?? 0, k2: { id: k2?.key.id ?? '', secret: k2?.secret ?? '' } };
    };
    const works = async (secret: string) => {
      const res = await api.call(VIEWER, {}, viaKey(secret, ids.mentee ?? ''));
      return res.errors ? `${res.status} ${res.errors[0]?.extensions?.messageKey}` : 'works';
    };
    const leaked = await rotate();
    const withdrawn = await rotate();

    // Act: the old key of one rotation is revoked (it leaked); the new key of the other (the app is cut off).
    const oldRevoked = await api.call(REVOKE, { id: leaked.k1.key.id, version: leaked.k1Version }, manager());
    const newRevoked = await api.call(REVOKE, { id: withdrawn.k2.id, version: 1 }, manager());

    // Assert: from the next request on.
    expect(oldRevoked.errors).toBeUndefined();
    expect(oldRevoked.data?.revokeApiKey.status).toBe('REVOKED');
    expect(await works(leaked.k1.secret)).toBe('401 auth.keyEnded');
    expect(await works(leaked.k2.secret)).toBe('works');
    expect(newRevoked.errors).toBeUndefined();
    expect(await works(withdrawn.k2.secret)).toBe('401 auth.keyEnded');
    expect(await works(withdrawn.k1.secret)).toBe('401 auth.keyEnded');
    const listed = (await api.call(KEYS, {}, manager())).data?.apiKeys.items ?? [];
    expect(listed.find((k) => k.id === withdrawn.k1.key.id)?.status).toBe('REVOKED');
    // An ended key cannot be revoked again, and a rotated one not rotated again.
    expect(codes(await api.call(REVOKE, { id: leaked.k1.key.id, version: leaked.k1Version + 1 }, manager()))).toEqual(['CONFLICT']);
    expect(codes(await api.call(ROTATE, { id: leaked.k1.key.id, version: leaked.k1Version + 1, hours: 1 }, manager()))).toEqual([
      'CONFLICT',
    ]);
  });

  it('limits each key by a token bucket: the burst, then 429 with a retry-after, then refills', async () => {
    const limited = await key(['MENTORSHIPS_READ'], { perMinute: 60, burst: 5 });
    const as = viaKey(limited.secret, ids.mentee ?? '');
    const burst = await Promise.all(Array.from({ length: 20 }, () => api.call(VIEWER, {}, as)));
    const allowed = burst.filter((r) => !r.errors).length;
    const refused = burst.filter((r) => codes(r)[0] === 'RATE_LIMITED');
    console.log(`20 concurrent calls on a key with a burst of 5: ${allowed} allowed, ${refused.length} refused (429)`);
    expect(allowed).toBe(5);
    expect(refused).toHaveLength(15);
    expect(refused[0]?.status).toBe(429);
    expect(refused[0]?.headers['retry-after']).toBe('1');
    expect(refused[0]?.errors?.[0]?.extensions?.retryAfterSeconds).toBe(1);
    // A second later one token is back; a minute later the whole burst.
    clock.now = new Date(clock.now.getTime() + 1000);
    expect((await api.call(VIEWER, {}, as)).errors).toBeUndefined();
    expect(codes(await api.call(VIEWER, {}, as))).toEqual(['RATE_LIMITED']);
    clock.now = new Date(clock.now.getTime() + 60_000);
    const again = await Promise.all(Array.from({ length: 5 }, () => api.call(VIEWER, {}, as)));
    expect(again.every((r) => !r.errors)).toBe(true);
    // Other keys have buckets of their own.
    const other = await key(['MENTORSHIPS_READ'], { perMinute: 60, burst: 5 });
    expect((await api.call(VIEWER, {}, viaKey(other.secret, ids.mentee ?? ''))).errors).toBeUndefined();
  });

  it('lets only program managers manage keys', async () => {
    const participant = await api.token('participant', a.slug, {
      person:
        Buffer.from(ids.mentee ?? '', 'base64url')
          .toString()
          .split(':')[1] ?? '',
    });
    const res = await api.call(CREATE_KEY, { input: { name: 'mine', scopes: ['PROFILES_READ'] } }, { token: participant });
    expect(codes(res)).toEqual(['FORBIDDEN']);
    const bad = await api.call(CREATE_KEY, { input: { name: '', scopes: [] } }, manager());
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors?.[0]?.extensions?.problems?.map((p) => p.field).sort()).toEqual(['input.name', 'input.scopes']);
  });
});
