import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { discoveryIndexStore } from '#store/discovery.ts';
import { keys } from '#store/keys.ts';
import { graphql } from '../generated/gql.ts';
import { TestClock, testApi } from '../support/api.ts';

const PROGRAM = graphql(`
  mutation DxProgram($input: ProgramInput!) { createProgram(input: $input) { id } }
`);
const OPEN = graphql(`
  mutation DxOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }
`);
const PERSON = graphql(`
  mutation DxPerson($input: PersonInput!) { createPerson(input: $input) { id version } }
`);
const UPDATE_PERSON = graphql(`
  mutation DxUpdatePerson($id: ID!, $version: Int!, $input: PersonPatch!) { updatePerson(id: $id, version: $version, input: $input) { version } }
`);
const ENROL = graphql(`
  mutation DxEnrol($input: EnrolInput!) { enrol(input: $input) { version } }
`);
const LOAD = graphql(`
  mutation DxLoad($key: EnrolmentKey!, $version: Int!, $input: EnrolmentPatch!) {
    updateEnrolment(key: $key, version: $version, input: $input) { version }
  }
`);
const START = graphql(`
  mutation DxStart($input: PairInput!) { startMentorship(input: $input) { id version } }
`);
const END = graphql(`
  mutation DxEnd($id: ID!, $version: Int!) { changeMentorship(id: $id, version: $version, action: END_EARLY, reason: "Moved abroad") { status } }
`);
const ERASE = graphql(`
  mutation DxErase($id: ID!) { erasePerson(id: $id, reason: "Erasure request") { pseudonym } }
`);
const CREATE_KEY = graphql(`
  mutation DxKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }
`);
const DISCOVER = graphql(`
  query DxDiscover($programId: ID!, $filter: MentorFilter, $first: Int) {
    mentorsForMe(programId: $programId, filter: $filter, first: $first) {
      totalCount
      edges { node { score availability placesLeft mentor { id } } }
    }
  }
`);

/**
 * The program's discovery index (ADR 0072) follows every write that changes what discovery ranks
 * and filters on, through the real handler: the filters below are applied while ranking, from the
 * index alone, so a stale entry would show in them.
 */
describe('discovery ranks from an index kept by the writes', () => {
  const clock = new TestClock(new Date('2026-05-04T09:00:00Z'));
  let api: Awaited<ReturnType<typeof testApi>>;
  let a: { slug: string; manager: string };
  let b: { slug: string; manager: string };
  let programId = '';
  let otherProgramId = '';
  let menteeKey = '';
  const people: Record<string, { id: string; version: number }> = {};

  const manager = () => ({ token: a.manager });
  const asMia = () => ({ headers: { 'x-api-key': menteeKey, 'x-kindling-person': people.mia?.id ?? '' } });
  const discover = async (filter: Record<string, unknown> = {}) => {
    const res = await api.call(DISCOVER, { programId, filter, first: 50 }, asMia());
    expect(res.errors).toBeUndefined();
    return res.data?.mentorsForMe;
  };
  const ids = async (filter: Record<string, unknown> = {}) => (await discover(filter))?.edges.map((e) => e.node.mentor.id) ?? [];
  /** An id in the store (the API's ids are global: `Person:<id>`, base64). */
  const raw = (id: string | undefined) =>
    Buffer.from(id ?? '', 'base64')
      .toString('utf8')
      .split(':')[1] ?? '';
  /** The program's index items as stored. */
  const chunks = async (tenant: string, program: string) => {
    const pk = keys.discoveryChunk(tenant, program, 0).PK;
    const res = await api.services.client.doc.send(
      new QueryCommand({
        TableName: api.services.client.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': 'DISC#' },
      }),
    );
    return res.Items ?? [];
  };

  beforeAll(async () => {
    api = await testApi({ clock });
    a = await api.newTenant('Discovery A');
    b = await api.newTenant('Discovery B');
    const program = async (token: string) => {
      const id = (await api.call(PROGRAM, { input: { name: 'Discovery', focusAreas: ['goals', 'networking'] } }, { token })).data
        ?.createProgram.id;
      await api.call(OPEN, { id: id ?? '', version: 1 }, { token });
      return id ?? '';
    };
    programId = await program(a.manager);
    otherProgramId = await program(b.manager);
    const person = async (name: string, extra: Record<string, unknown> = {}, token = a.manager) => {
      const created = (
        await api.call(
          PERSON,
          {
            input: {
              email: `${name.toLowerCase()}@example.org`,
              givenName: name,
              familyName: 'Tester',
              timeZone: 'Europe/Amsterdam',
              languages: ['nl', 'en'],
              yearsExperience: 15,
              managerEmail: 'boss@example.org',
              ...extra,
            },
          },
          { token },
        )
      ).data?.createPerson;
      return { id: created?.id ?? '', version: created?.version ?? 1 };
    };
    people.anna = await person('Anna', { jobTitle: 'Head of Data', location: 'Utrecht' });
    people.bram = await person('Bram', { jobTitle: 'Sales lead', location: 'Amsterdam' });
    people.mia = await person('Mia', { yearsExperience: 2, location: 'Utrecht' });
    people.nina = await person('Nina', { yearsExperience: 1 });
    people.olga = await person('Olga', { jobTitle: 'Head of Data', location: 'Utrecht' }, b.manager);
    const enrol = (token: string, program: string, personId: string, role: 'MENTOR' | 'MENTEE', capacity: number | null) =>
      api.call(ENROL, { input: { personId, programId: program, role, reasons: ['goals'], capacity, hoursPerMonth: 4 } }, { token });
    await enrol(a.manager, programId, people.anna.id, 'MENTOR', 1);
    await enrol(a.manager, programId, people.bram.id, 'MENTOR', 2);
    await enrol(a.manager, programId, people.mia.id, 'MENTEE', null);
    await enrol(a.manager, programId, people.nina.id, 'MENTEE', null);
    await enrol(b.manager, otherProgramId, people.olga.id, 'MENTOR', 3);
    const scopes = ['MENTORS_READ', 'PROFILES_READ', 'REQUESTS_MANAGE'];
    menteeKey =
      (await api.call(CREATE_KEY, { input: { name: 'mentee app', scopes: scopes as never } }, manager())).data?.createApiKey.secret ?? '';
  });

  it('follows a profile change: the search finds the new words and not the old', async () => {
    // Prepare
    const before = await ids({ search: 'astronomer' });
    // Act
    const updated = await api.call(
      UPDATE_PERSON,
      { id: people.anna?.id ?? '', version: people.anna?.version ?? 1, input: { jobTitle: 'Astronomer', location: 'Leiden' } },
      manager(),
    );
    // Assess
    expect(updated.errors).toBeUndefined();
    expect(before).toEqual([]);
    expect(await ids({ search: 'astronomer' })).toEqual([people.anna?.id]);
    expect(await ids({ search: 'head data' })).toEqual([]);
    expect(await ids({ location: 'leiden' })).toEqual([people.anna?.id]);
  });

  it('follows a new enrolment', async () => {
    // Prepare
    const cor = await api.call(
      PERSON,
      { input: { email: 'cor@example.org', givenName: 'Cor', familyName: 'Tester', timeZone: 'Europe/Amsterdam', languages: ['en'] } },
      manager(),
    );
    people.cor = { id: cor.data?.createPerson.id ?? '', version: 1 };
    const before = await discover();
    // Act
    await api.call(
      ENROL,
      { input: { personId: people.cor.id, programId, role: 'MENTOR', reasons: ['networking'], capacity: 1 } },
      manager(),
    );
    // Assess
    const after = await discover();
    expect(before?.totalCount).toBe(2);
    expect(after?.totalCount).toBe(3);
    expect(after?.edges.map((e) => e.node.mentor.id)).toContain(people.cor.id);
  });

  it('follows a mentor going away, a pair filling them and ending', async () => {
    // Act: Bram goes away; Anna (one place) takes Nina, and the pair ends.
    await api.call(
      LOAD,
      { key: { personId: people.bram?.id ?? '', programId, role: 'MENTOR' }, version: 1, input: { awayUntil: '2026-06-01' } },
      manager(),
    );
    const pair = await api.call(
      START,
      { input: { programId, mentorId: people.anna?.id ?? '', menteeId: people.nina?.id ?? '' } },
      manager(),
    );
    const whileFull = await discover();
    const roomWhileFull = await ids({ hasRoom: true });
    await api.call(END, { id: pair.data?.startMentorship.id ?? '', version: pair.data?.startMentorship.version ?? 1 }, manager());
    const roomAfter = await ids({ hasRoom: true });
    // Assess
    expect(pair.errors).toBeUndefined();
    const availability = Object.fromEntries(whileFull?.edges.map((e) => [e.node.mentor.id, e.node.availability]) ?? []);
    expect(availability).toMatchObject({ [people.anna?.id ?? '']: 'FULL', [people.bram?.id ?? '']: 'AWAY' });
    expect(roomWhileFull).not.toContain(people.anna?.id);
    expect(roomWhileFull).not.toContain(people.bram?.id);
    expect(roomAfter).toContain(people.anna?.id);
    expect(roomAfter).not.toContain(people.bram?.id);
  });

  it('ranks from the index exactly as from the mentors’ cards, and a rebuild changes nothing', async () => {
    // Prepare
    const fromIndex = await discover();
    // Act: without the mark the index is not read (a program from before it), then rebuilt.
    await discoveryIndexStore(api.services.client).unmarkDiscoveryIndex(a.slug, raw(programId));
    const fromCards = await discover();
    const rebuilt = await api.services.people.rebuildDiscoveryIndex(a.slug, raw(programId), clock.now.toISOString());
    const afterRebuild = await discover();
    // Assess
    expect(fromIndex?.edges.length).toBe(3);
    expect(fromIndex?.edges.map((e) => e.node.availability)).toEqual(['AVAILABLE', 'AVAILABLE', 'AWAY']);
    expect(fromCards).toEqual(fromIndex);
    expect(rebuilt.mentors).toBe(3);
    expect(afterRebuild).toEqual(fromIndex);
    expect(await api.services.people.discoveryIndex(a.slug, raw(programId))).toHaveLength(3);
  });

  it('holds no e-mail and no other tenant’s mentor, and never shows one', async () => {
    // Act
    const ownItems = await chunks(a.slug, raw(programId));
    const own = JSON.stringify(ownItems);
    const other = JSON.stringify(await chunks(b.slug, raw(otherProgramId)));
    const shown = await ids();
    // Assess
    expect(ownItems.length).toBeGreaterThan(1);
    expect(own).toContain(raw(people.anna?.id));
    expect(own).not.toContain('@');
    expect(own).not.toContain(raw(people.olga?.id));
    expect(other).toContain(raw(people.olga?.id));
    expect(shown).not.toContain(people.olga?.id);
    expect(await ids({ search: 'head data' })).toEqual([]);
  });

  it('loses an erased mentor', async () => {
    // Act
    const erased = await api.call(ERASE, { id: people.cor?.id ?? '' }, manager());
    // Assess
    expect(erased.errors).toBeUndefined();
    expect(await ids()).not.toContain(people.cor?.id);
    expect((await discover())?.totalCount).toBe(2);
    expect(JSON.stringify(await chunks(a.slug, raw(programId)))).not.toContain(raw(people.cor?.id));
  });
});
