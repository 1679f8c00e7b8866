import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '#store/keys.ts';
import { graphql } from '../generated/gql.ts';
import { testApi } from '../support/api.ts';

const PROGRAM = graphql(`
  mutation TotalsProgram($input: ProgramInput!) { createProgram(input: $input) { id version } }
`);
const OPEN = graphql(`
  mutation TotalsOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }
`);
const PERSON = graphql(`
  mutation TotalsPerson($input: PersonInput!) { createPerson(input: $input) { id } }
`);
const ENROL = graphql(`
  mutation TotalsEnrol($input: EnrolInput!) { enrol(input: $input) { version } }
`);
const WITHDRAW = graphql(`
  mutation TotalsWithdraw($key: EnrolmentKey!, $version: Int!) { withdraw(key: $key, version: $version, reason: "moved on") { status } }
`);
const START = graphql(`
  mutation TotalsStart($input: PairInput!) { startMentorship(input: $input) { id } }
`);
const PROPOSE = graphql(`
  mutation TotalsPropose($input: PairInput!) { proposePair(input: $input) { id } }
`);
const ERASE = graphql(`
  mutation TotalsErase($id: ID!) { erasePerson(id: $id, reason: "asked to be forgotten") { pseudonym } }
`);
const PEOPLE_TOTAL = graphql(`
  query TotalsPeople { people(first: 1) { totalCount } }
`);
const TOTALS = graphql(`
  query Totals($id: ID!, $search: String) {
    people(first: 1) { totalCount }
    searched: people(first: 1, filter: { search: $search }) { totalCount edges { node { id } } }
    programs(first: 1) { totalCount }
    auditLog(first: 1) { totalCount edges { node { id } } }
    notifications(first: 1) { totalCount }
    webhookSubscriptions(first: 1) { totalCount }
    program(id: $id) {
      participants(first: 1) { totalCount }
      mentors: participants(first: 1, filter: { role: MENTOR }) { totalCount }
      mentees: participants(first: 1, filter: { role: MENTEE }) { totalCount }
      withdrawn: participants(first: 1, filter: { status: WITHDRAWN }) { totalCount }
      mentorships(first: 1) { totalCount }
      active: mentorships(first: 1, status: ACTIVE) { totalCount }
      onTrack: mentorships(first: 5, health: ON_TRACK) { totalCount edges { node { id } } }
      completed: mentorships(first: 1, status: COMPLETED) { totalCount }
      proposals(first: 1) { totalCount }
      proposed: proposals(first: 1, status: PROPOSED) { totalCount }
      approved: proposals(first: 1, status: APPROVED) { totalCount }
      requests(first: 1) { totalCount }
      surveys(first: 1) { totalCount }
      matchingRuns(first: 1) { totalCount }
      imports(first: 1) { totalCount }
    }
  }
`);

describe("lists' totals", () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let tenant: { slug: string; manager: string };
  let programId = '';
  let unenrolled = '';

  beforeAll(async () => {
    api = await testApi();
    tenant = await api.newTenant('Totals');
    const as = { token: tenant.manager };
    const program = (await api.call(PROGRAM, { input: { name: 'Counted cohort' } }, as)).data?.createProgram;
    programId = program?.id ?? '';
    await api.call(OPEN, { id: programId, version: program?.version ?? 0 }, as);
    await api.call(PROGRAM, { input: { name: 'Second cohort' } }, as);
    const people: string[] = [];
    for (const name of ['Ada', 'Bo', 'Cor', 'Dex', 'Eef', 'Fay']) {
      const res = await api.call(
        PERSON,
        {
          input: {
            givenName: name,
            familyName: 'Teller',
            email: `${name.toLowerCase()}@totals.example.org`,
            timeZone: 'Europe/Amsterdam',
            languages: ['nl'],
          },
        },
        as,
      );
      expect(res.errors).toBeUndefined();
      people.push(res.data?.createPerson.id ?? '');
    }
    const [ada = '', bo = '', cor = '', dex = '', eef = '', fay = ''] = people;
    unenrolled = fay;
    const enrol = (personId: string, role: 'MENTOR' | 'MENTEE') =>
      api.call(ENROL, { input: { personId, programId, role, reasons: [], ...(role === 'MENTOR' ? { capacity: 2 } : {}) } }, as);
    await enrol(ada, 'MENTOR');
    await enrol(bo, 'MENTEE');
    await enrol(cor, 'MENTEE');
    const dexEnrolment = await enrol(dex, 'MENTEE');
    await enrol(eef, 'MENTOR');
    await api.call(WITHDRAW, { key: { personId: dex, programId, role: 'MENTEE' }, version: dexEnrolment.data?.enrol.version ?? 0 }, as);
    await api.call(START, { input: { programId, mentorId: ada, menteeId: bo } }, as);
    await api.call(PROPOSE, { input: { programId, mentorId: eef, menteeId: cor } }, as);
  });

  it('counts every list that has a counter or stays short, and says null where counting would read the list', async () => {
    // Act
    const res = await api.call(TOTALS, { id: programId, search: 'teller' }, { token: tenant.manager });

    // Assert
    expect(res.errors).toBeUndefined();
    const data = res.data;
    expect(data?.people.totalCount).toBe(6);
    expect(data?.programs.totalCount).toBe(2);
    expect(data?.webhookSubscriptions.totalCount).toBe(0);
    // A search, the audit log and the outbox: found or listed, never counted.
    expect(data?.searched.edges).toHaveLength(1);
    expect(data?.searched.totalCount).toBeNull();
    expect(data?.auditLog.edges).toHaveLength(1);
    expect(data?.auditLog.totalCount).toBeNull();
    expect(data?.notifications.totalCount).toBeNull();
    expect(data?.program).toMatchObject({
      participants: { totalCount: 5 },
      mentors: { totalCount: 2 },
      mentees: { totalCount: 3 },
      withdrawn: { totalCount: null },
      mentorships: { totalCount: 1 },
      active: { totalCount: 1 },
      onTrack: { totalCount: 1, edges: [{ node: { id: expect.any(String) } }] },
      completed: { totalCount: 0 },
      proposals: { totalCount: 1 },
      // A manager's own proposal needs no approval.
      proposed: { totalCount: 0 },
      approved: { totalCount: 1 },
      requests: { totalCount: 0 },
      surveys: { totalCount: 0 },
      matchingRuns: { totalCount: 0 },
      imports: { totalCount: 0 },
    });
  });

  it('counts an erasure in the same write', async () => {
    // Act
    const erased = await api.call(ERASE, { id: unenrolled }, { token: tenant.manager });

    // Assert
    expect(erased.errors).toBeUndefined();
    expect((await api.call(PEOPLE_TOTAL, {}, { token: tenant.manager })).data?.people.totalCount).toBe(5);
  });

  it("does not guess a tenant's people before they have been counted", async () => {
    // Prepare: a tenant from before the counter has no counted item.
    const older = await api.newTenant('Older');
    await api.services.client.doc.send(new DeleteCommand({ TableName: api.services.client.table, Key: keys.peopleCount(older.slug) }));
    await api.call(
      PERSON,
      { input: { givenName: 'Fem', familyName: 'Oud', email: 'fem@older.example.org', timeZone: 'Europe/Amsterdam', languages: ['nl'] } },
      { token: older.manager },
    );

    // Act
    const res = await api.call(TOTALS, { id: programId, search: 'oud' }, { token: older.manager });

    // Assert
    expect(res.data?.people.totalCount).toBeNull();
  });
});
