import { beforeAll, describe, expect, it } from 'vitest';
import { logMeeting, startMentorship } from '#domain/mentorships/pairs.ts';
import { graphql } from '../generated/gql.ts';
import { codes, testApi } from '../support/api.ts';

const CREATE_PROGRAM = graphql(`
  mutation PrivacyProgram { createProgram(input: { name: "Privacy" }) { id } }
`);
const OPEN = graphql(`
  mutation PrivacyOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }
`);
const CREATE_PERSON = graphql(`
  mutation PrivacyPerson($input: PersonInput!) { createPerson(input: $input) { id } }
`);
const ENROL = graphql(`
  mutation PrivacyEnrol($input: EnrolInput!) { enrol(input: $input) { status } }
`);
const EXPORT = graphql(`
  query PrivacyExport($id: ID!) { personalData(personId: $id) }
`);
const ERASE = graphql(`
  mutation PrivacyErase($id: ID!, $reason: String!) {
    erasePerson(id: $id, reason: $reason) { personId pseudonym enrolments mentorships meetings auditEntries }
  }
`);
const AFTER = graphql(`
  query PrivacyAfter($id: ID!, $program: ID!, $person: ID!) {
    program(id: $program) {
      counts { mentors mentees }
      participants(first: 50) { edges { node { displayName person { id } } } }
      mentorships(first: 10) { edges { node { menteeName mentorName mentee { id } meetings { topics } } } }
    }
    auditLog(entityId: $person, first: 50) { edges { node { action changes { field before after } } } }
    people(filter: { search: "erase.me" }) { edges { node { id } } }
    program2: program(id: $id) { id }
  }
`);
const PERSON = graphql(`
  query PrivacyPersonRead($id: ID!) { person(id: $id) { id } }
`);

const local = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1] ?? '';
const input = (email: string, givenName: string) => ({
  email,
  givenName,
  familyName: 'van Dijk',
  timeZone: 'Europe/Amsterdam',
  languages: ['nl'],
  department: 'HR',
  bio: 'Private story',
});

describe('personal data: export and erasure on request', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let a: { slug: string; manager: string };
  let b: { slug: string; manager: string };
  let programId = '';
  let menteeId = '';
  let mentorId = '';

  beforeAll(async () => {
    api = await testApi();
    a = await api.newTenant('Privacy A');
    b = await api.newTenant('Privacy B');
    const token = { token: a.manager };
    programId = (await api.call(CREATE_PROGRAM, {}, token)).data?.createProgram.id ?? '';
    await api.call(OPEN, { id: programId }, token);
    menteeId = (await api.call(CREATE_PERSON, { input: input('Erase.Me@example.org', 'Eva') }, token)).data?.createPerson.id ?? '';
    mentorId = (await api.call(CREATE_PERSON, { input: input('mentor@example.org', 'Maarten') }, token)).data?.createPerson.id ?? '';
    await api.call(ENROL, { input: { personId: menteeId, programId, role: 'MENTEE', reasons: ['GOAL_SETTING'] } }, token);
    await api.call(ENROL, { input: { personId: mentorId, programId, role: 'MENTOR', reasons: [] } }, token);
    const scope = {
      tenantId: a.slug,
      actor: { id: 'test', role: 'manager' as const, tenantId: a.slug, personId: null },
      now: api.clock.now,
    };
    const pair = await startMentorship(api.services, scope, {
      programId: local(programId),
      mentorId: local(mentorId),
      menteeId: local(menteeId),
      startedAt: new Date(api.clock.now.getTime() - 20 * 86_400_000).toISOString(),
    });
    await logMeeting(api.services, scope, {
      mentorshipId: pair.id,
      heldAt: new Date(api.clock.now.getTime() - 86_400_000).toISOString(),
      durationMinutes: 60,
      mode: 'VIDEO',
      topics: ['burn-out'],
    });
  });

  it('exports everything held about a person, machine-readable', async () => {
    const res = await api.call(EXPORT, { id: menteeId }, { token: a.manager });
    const data = res.data?.personalData as Record<string, unknown[] & Record<string, unknown>>;
    expect(data.format).toBe('kindling.personal-data/v1');
    expect(data.person).toMatchObject({ id: menteeId, email: 'erase.me@example.org', bio: 'Private story' });
    expect(data.enrolments).toHaveLength(1);
    expect(data.mentorships).toHaveLength(1);
    expect(data.meetings).toEqual([expect.objectContaining({ topics: ['burn-out'] })]);
    expect((data.audit as unknown[]).length).toBeGreaterThanOrEqual(2);
  });

  it('lets participants export themselves only', async () => {
    const me = await api.token('participant', a.slug, { person: local(menteeId) });
    expect((await api.call(EXPORT, { id: menteeId }, { token: me })).errors).toBeUndefined();
    expect(codes(await api.call(EXPORT, { id: mentorId }, { token: me }))).toEqual(['NOT_FOUND']);
  });

  it("refuses another tenant's manager, exactly as for an unknown person", async () => {
    expect(codes(await api.call(EXPORT, { id: menteeId }, { token: b.manager }))).toEqual(['NOT_FOUND']);
    expect(codes(await api.call(ERASE, { id: menteeId, reason: 'Request' }, { token: b.manager }))).toEqual(['NOT_FOUND']);
  });

  it('erases the profile and keeps the history only under a pseudonym, with statistics intact', async () => {
    // An interruption part-way: the profile is gone but the history not yet pseudonymised.
    const realPseudonymise = api.services.privacy.pseudonymise;
    api.services.privacy.pseudonymise = async () => {
      throw new Error('crash after the profile was deleted');
    };
    expect(codes(await api.call(ERASE, { id: menteeId, reason: 'GDPR request #12' }, { token: a.manager }))).toEqual([
      'INTERNAL_SERVER_ERROR',
    ]);
    api.services.privacy.pseudonymise = realPseudonymise;
    expect(codes(await api.call(PERSON, { id: menteeId }, { token: a.manager }))).toEqual(['NOT_FOUND']);

    // Running it again completes the job.
    const res = await api.call(ERASE, { id: menteeId, reason: 'GDPR request #12' }, { token: a.manager });
    expect(res.errors).toBeUndefined();
    const receipt = res.data?.erasePerson;
    expect(receipt).toMatchObject({ personId: menteeId, enrolments: 1, mentorships: 1, meetings: 1 });
    expect(receipt?.pseudonym).toMatch(/^Erased participant [0-9A-Z]{4}$/);

    const after = await api.call(AFTER, { id: programId, program: programId, person: menteeId }, { token: a.manager });
    expect(after.errors).toBeUndefined();
    expect(after.data?.program?.counts).toEqual({ mentors: 1, mentees: 1 });
    const names = after.data?.program?.participants.edges.map((e) => e.node.displayName);
    expect(names).toContain(receipt?.pseudonym);
    expect(after.data?.program?.participants.edges.find((e) => e.node.displayName === receipt?.pseudonym)?.node.person).toBeNull();
    const pair = after.data?.program?.mentorships.edges[0]?.node;
    expect(pair).toMatchObject({
      menteeName: receipt?.pseudonym,
      mentorName: 'Maarten van Dijk',
      mentee: null,
      meetings: [{ topics: [] }],
    });
    expect(after.data?.people.edges).toEqual([]);
    const trail = JSON.stringify(after.data?.auditLog);
    expect(trail).not.toMatch(/erase\.me|Eva|Private story/i);
    expect(after.data?.auditLog.edges[0]?.node.action).toBe('person.erase');
  });

  it('frees the e-mail address, and a second erasure is harmless', async () => {
    expect((await api.call(CREATE_PERSON, { input: input('erase.me@example.org', 'Eva') }, { token: a.manager })).errors).toBeUndefined();
    const again = await api.call(ERASE, { id: menteeId, reason: 'Repeat' }, { token: a.manager });
    expect(again.errors).toBeUndefined();
  });
});
