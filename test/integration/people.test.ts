import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { codes, testApi } from '../support/api.ts';

const CREATE_PROGRAM = graphql(`
  mutation PeopleCreateProgram($input: ProgramInput!) { createProgram(input: $input) { id version } }
`);

const CREATE_PERSON = graphql(`
  mutation CreatePerson($input: PersonInput!, $key: String) {
    createPerson(input: $input, idempotencyKey: $key) { id email displayName languages timeZone version }
  }
`);

const UPDATE_PERSON = graphql(`
  mutation UpdatePerson($id: ID!, $version: Int!, $input: PersonPatch!) {
    updatePerson(id: $id, version: $version, input: $input) { id email department version }
  }
`);

const PERSON = graphql(`
  query PersonView($id: ID!) {
    person(id: $id) { id displayName email managerEmail yearsExperience department enrolments { role status program { id } } }
  }
`);

const PEOPLE = graphql(`
  query PeopleList($filter: PeopleFilter, $sort: PeopleSort, $first: Int, $after: String) {
    people(filter: $filter, sort: $sort, first: $first, after: $after) {
      edges { node { displayName } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const ENROL = graphql(`
  mutation Enrol($input: EnrolInput!) { enrol(input: $input) { role status reasons capacity version displayName } }
`);

const WITHDRAW = graphql(`
  mutation Withdraw($key: EnrolmentKey!, $version: Int!, $reason: String!) {
    withdraw(key: $key, version: $version, reason: $reason) { status withdrawnReason version }
  }
`);

const UPDATE_ENROLMENT = graphql(`
  mutation UpdateEnrolment($key: EnrolmentKey!, $version: Int!, $input: EnrolmentPatch!) {
    updateEnrolment(key: $key, version: $version, input: $input) { reasons hoursPerMonth shortlist { displayName } version }
  }
`);

const ENROL_ONCE = graphql(`
  mutation EnrolOnce($input: EnrolInput!, $key: String) { enrol(input: $input, idempotencyKey: $key) { role version } }
`);

const PARTICIPANTS = graphql(`
  query Participants($id: ID!, $filter: ParticipantFilter, $sort: PeopleSort, $first: Int) {
    program(id: $id) {
      counts { mentors mentees withdrawn }
      participants(filter: $filter, sort: $sort, first: $first) {
        edges { node { displayName role status department person { email jobTitle languages } } }
        pageInfo { hasNextPage }
      }
    }
  }
`);

const AUDIT = graphql(`
  query Audit($entityId: ID, $first: Int) {
    auditLog(entityId: $entityId, first: $first) {
      edges { node { action entityType entityId actor { id role } changes { field before after } } }
    }
  }
`);

const person = (i: number, over: Record<string, unknown> = {}) => ({
  email: `Person.${i}@Example.ORG`,
  givenName: ['Sanne', 'Inês', 'IJsbrand', 'Zoë', 'Daan'][i % 5] ?? 'Sanne',
  familyName: ['van der Dekker', 'ter Vos', 'de Vries', 'Öztürk', 'Bakker'][i % 5] ?? 'Bakker',
  timeZone: 'Europe/Amsterdam',
  languages: ['nl', 'en'],
  department: i % 2 === 0 ? 'Research' : 'IT',
  skillsOffered: i % 3 === 0 ? ['Negotiation', 'writing'] : ['budgeting'],
  jobTitle: 'Lead',
  managerEmail: 'boss@example.org',
  yearsExperience: 10 + i,
  ...over,
});

describe('people, profiles and enrolment', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let a: { slug: string; manager: string };
  let b: { slug: string; manager: string };
  let programId = '';

  beforeAll(async () => {
    api = await testApi();
    a = await api.newTenant('People A');
    b = await api.newTenant('People B');
    programId = (await api.call(CREATE_PROGRAM, { input: { name: 'Starters' } }, { token: a.manager })).data?.createProgram.id ?? '';
  });

  it('creates a person with a lower-cased e-mail and refuses the same address in another case', async () => {
    const res = await api.call(CREATE_PERSON, { input: person(1) }, { token: a.manager });
    expect(res.errors).toBeUndefined();
    expect(res.data?.createPerson).toMatchObject({ email: 'person.1@example.org', displayName: 'Inês ter Vos', version: 1 });
    const again = await api.call(CREATE_PERSON, { input: person(1, { email: 'PERSON.1@example.org' }) }, { token: a.manager });
    expect(codes(again)).toEqual(['CONFLICT']);
  });

  it('names every bad field and writes nothing', async () => {
    const before = await api.call(PEOPLE, { first: 100 }, { token: a.manager });
    const res = await api.call(
      CREATE_PERSON,
      { input: person(2, { email: 'not-an-email', timeZone: 'CET', languages: ['xx'], givenName: '', links: ['javascript:alert(1)'] }) },
      { token: a.manager },
    );
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.problems?.map((p) => p.field)).toEqual(
      expect.arrayContaining(['input.email', 'input.timeZone', 'input.languages', 'input.givenName', 'input.links.0']),
    );
    const after = await api.call(PEOPLE, { first: 100 }, { token: a.manager });
    expect(after.data?.people.edges).toHaveLength(before.data?.people.edges.length ?? -1);
  });

  it('creates once for a retried idempotency key, and refuses the key for a different request', async () => {
    const key = 'retry-key-0001';
    const first = await api.call(CREATE_PERSON, { input: person(3), key }, { token: a.manager });
    const retry = await api.call(CREATE_PERSON, { input: person(3), key }, { token: a.manager });
    expect(retry.errors).toBeUndefined();
    expect(retry.data?.createPerson.id).toBe(first.data?.createPerson.id);
    const other = await api.call(CREATE_PERSON, { input: person(4), key }, { token: a.manager });
    expect(codes(other)).toEqual(['CONFLICT']);
  });

  it('updates with a version, moves the e-mail claim, and refuses a stale version', async () => {
    const created = (await api.call(CREATE_PERSON, { input: person(5) }, { token: a.manager })).data?.createPerson;
    const id = created?.id ?? '';
    const moved = await api.call(
      UPDATE_PERSON,
      { id, version: 1, input: { email: 'new.5@example.org', department: 'Legal' } },
      { token: a.manager },
    );
    expect(moved.data?.updatePerson).toMatchObject({ email: 'new.5@example.org', department: 'Legal', version: 2 });
    const stale = await api.call(UPDATE_PERSON, { id, version: 1, input: { department: 'HR' } }, { token: a.manager });
    expect(codes(stale)).toEqual(['CONFLICT']);
    // The old address is free again; the new one is taken.
    expect((await api.call(CREATE_PERSON, { input: person(5) }, { token: a.manager })).errors).toBeUndefined();
    expect(codes(await api.call(CREATE_PERSON, { input: person(6, { email: 'NEW.5@example.org' }) }, { token: a.manager }))).toEqual([
      'CONFLICT',
    ]);
    const cleared = await api.call(UPDATE_PERSON, { id, version: 2, input: { email: null } }, { token: a.manager });
    expect(codes(cleared)).toEqual(['BAD_USER_INPUT']);
  });

  it('enrols mentors and mentees, counts them as it goes, and checks reasons against the program', async () => {
    const ids: string[] = [];
    for (let i = 10; i < 16; i++)
      ids.push((await api.call(CREATE_PERSON, { input: person(i) }, { token: a.manager })).data?.createPerson.id ?? '');
    for (const [i, id] of ids.entries()) {
      const role = i < 2 ? 'MENTOR' : 'MENTEE';
      const res = await api.call(ENROL, { input: { personId: id, programId, role, reasons: ['GOAL_SETTING'] } }, { token: a.manager });
      expect(res.errors).toBeUndefined();
    }
    const bad = await api.call(
      ENROL,
      { input: { personId: ids[0] ?? '', programId, role: 'MENTEE', reasons: ['ASTROLOGY'] } },
      { token: a.manager },
    );
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    const twice = await api.call(
      ENROL,
      { input: { personId: ids[0] ?? '', programId, role: 'MENTOR', reasons: [] } },
      { token: a.manager },
    );
    expect(codes(twice)).toEqual(['CONFLICT']);

    const counts = (await api.call(PARTICIPANTS, { id: programId }, { token: a.manager })).data?.program?.counts;
    expect(counts).toEqual({ mentors: 2, mentees: 4, withdrawn: 0 });

    const withdrawn = await api.call(
      WITHDRAW,
      { key: { personId: ids[5] ?? '', programId, role: 'MENTEE' }, version: 1, reason: 'Changed jobs' },
      { token: a.manager },
    );
    expect(withdrawn.data?.withdraw).toMatchObject({ status: 'WITHDRAWN', withdrawnReason: 'Changed jobs', version: 2 });
    const after = (await api.call(PARTICIPANTS, { id: programId }, { token: a.manager })).data?.program?.counts;
    expect(after).toEqual({ mentors: 2, mentees: 3, withdrawn: 1 });
  });

  it('filters participants by role, status, department, skill and accent-free text', async () => {
    const list = async (filter: Record<string, unknown>) =>
      (await api.call(PARTICIPANTS, { id: programId, filter, first: 50 }, { token: a.manager })).data?.program?.participants.edges.map(
        (e) => e.node,
      ) ?? [];
    expect((await list({ role: 'MENTOR' })).every((p) => p.role === 'MENTOR')).toBe(true);
    expect(await list({ status: 'WITHDRAWN' })).toHaveLength(1);
    expect((await list({ department: 'research' })).every((p) => p.department === 'Research')).toBe(true);
    const byText = await list({ search: 'ozturk' });
    expect(byText.length).toBeGreaterThan(0);
    expect(byText.every((p) => p.displayName.includes('Öztürk'))).toBe(true);
    const bySkill = await list({ role: 'MENTOR', skill: 'negotiation' });
    expect(bySkill.every((p) => p.person?.email?.startsWith('person.1'))).toBe(true);
  });

  it('lists people in Dutch name order, particles ignored', async () => {
    const res = await api.call(PEOPLE, { first: 100, sort: 'NAME' }, { token: a.manager });
    const names = res.data?.people.edges.map((e) => e.node.displayName) ?? [];
    const families = names.map((n) => n.replace(/^(Sanne|Inês|IJsbrand|Zoë|Daan) /, ''));
    const cores = families.map((f) => f.replace(/^(van der|ter|de) /, ''));
    expect(cores).toEqual([...cores].sort((x, y) => x.localeCompare(y, 'nl', { sensitivity: 'base' })));
  });

  it("gives one tenant's manager NOT_FOUND for another tenant's person, and changes nothing", async () => {
    const theirs = (await api.call(CREATE_PERSON, { input: person(40) }, { token: b.manager })).data?.createPerson;
    const id = theirs?.id ?? '';
    expect(codes(await api.call(PERSON, { id }, { token: a.manager }))).toEqual(['NOT_FOUND']);
    expect(codes(await api.call(UPDATE_PERSON, { id, version: 1, input: { department: 'Hijacked' } }, { token: a.manager }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await api.call(ENROL, { input: { personId: id, programId, role: 'MENTEE', reasons: [] } }, { token: a.manager }))).toEqual(
      ['NOT_FOUND'],
    );
    const still = await api.call(PERSON, { id }, { token: b.manager });
    expect(still.data?.person?.department).toBe('Research');
    const bList = await api.call(PEOPLE, { filter: { search: 'person.40' } }, { token: a.manager });
    expect(bList.data?.people.edges).toEqual([]);
  });

  it('shows a participant their own private fields and only the public profile of others', async () => {
    const me = (await api.call(CREATE_PERSON, { input: person(50) }, { token: a.manager })).data?.createPerson.id ?? '';
    const other = (await api.call(CREATE_PERSON, { input: person(51) }, { token: a.manager })).data?.createPerson.id ?? '';
    const token = await api.token('participant', a.slug, {
      person: me.length ? Buffer.from(me, 'base64url').toString().split(':')[1] : '',
    });
    const own = await api.call(PERSON, { id: me }, { token });
    expect(own.data?.person).toMatchObject({ email: 'person.50@example.org', managerEmail: 'boss@example.org', yearsExperience: 60 });
    const theirs = await api.call(PERSON, { id: other }, { token });
    expect(codes(theirs)).toEqual(['NOT_FOUND']);
    expect(codes(await api.call(PEOPLE, {}, { token }))).toEqual(['FORBIDDEN']);
  });

  it('changes an enrolment with its version: reasons, hours and a shortlist of mentors', async () => {
    const mentee = (await api.call(CREATE_PERSON, { input: person(20) }, { token: a.manager })).data?.createPerson.id ?? '';
    const mentor = (await api.call(CREATE_PERSON, { input: person(21) }, { token: a.manager })).data?.createPerson.id ?? '';
    const key = { personId: mentee, programId, role: 'MENTEE' as const };
    const once = { input: { ...key, reasons: ['GOAL_SETTING'] }, key: 'enrol-20-once' };
    const firstEnrol = await api.call(ENROL_ONCE, once, { token: a.manager });
    expect(firstEnrol.errors).toBeUndefined();
    expect(firstEnrol.data?.enrol).toEqual({ role: 'MENTEE', version: 1 });
    // A partner app's retry with the same key gets the enrolment back instead of a conflict.
    expect((await api.call(ENROL_ONCE, once, { token: a.manager })).data?.enrol).toEqual({ role: 'MENTEE', version: 1 });
    const res = await api.call(
      UPDATE_ENROLMENT,
      { key, version: 1, input: { reasons: ['CONNECTIONS', 'GOAL_SETTING'], hoursPerMonth: 6, shortlist: [mentor] } },
      { token: a.manager },
    );
    expect(res.data?.updateEnrolment).toEqual({
      reasons: ['CONNECTIONS', 'GOAL_SETTING'],
      hoursPerMonth: 6,
      shortlist: [{ displayName: 'Inês ter Vos' }],
      version: 2,
    });
    expect(codes(await api.call(UPDATE_ENROLMENT, { key, version: 1, input: { hoursPerMonth: 2 } }, { token: a.manager }))).toEqual([
      'CONFLICT',
    ]);
    expect(codes(await api.call(UPDATE_ENROLMENT, { key, version: 2, input: { shortlist: [mentee] } }, { token: a.manager }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await api.call(UPDATE_ENROLMENT, { key, version: 2, input: { hoursPerMonth: 2 } }, { token: b.manager }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await api.call(WITHDRAW, { key, version: 2, reason: 'Hijack' }, { token: b.manager }))).toEqual(['NOT_FOUND']);
  });

  it('records who changed what in the audit log, per record and for the tenant', async () => {
    const created = (await api.call(CREATE_PERSON, { input: person(60) }, { token: a.manager })).data?.createPerson;
    const id = created?.id ?? '';
    await api.call(UPDATE_PERSON, { id, version: 1, input: { department: 'Finance' } }, { token: a.manager });
    const trail = await api.call(AUDIT, { entityId: id }, { token: a.manager });
    const entries = trail.data?.auditLog.edges.map((e) => e.node) ?? [];
    expect(entries.map((e) => e.action)).toEqual(['person.update', 'person.create']);
    expect(entries[0]?.changes).toEqual([{ field: 'department', before: 'Research', after: 'Finance' }]);
    expect(entries[0]?.actor.role).toBe('MANAGER');
    expect(entries.every((e) => e.entityId === id)).toBe(true);
    const tenantLog = await api.call(AUDIT, { first: 5 }, { token: a.manager });
    expect(tenantLog.data?.auditLog.edges[0]?.node.action).toBe('person.update');
    const bLog = await api.call(AUDIT, { entityId: id }, { token: b.manager });
    expect(bLog.data?.auditLog.edges).toEqual([]);
  });
});
