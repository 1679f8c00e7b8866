import { beforeAll, describe, expect, it } from 'vitest';
import { startMentorship } from '#domain/mentorships/pairs.ts';
import { graphql } from '../generated/gql.ts';
import { testApi } from '../support/api.ts';

const CREATE_PROGRAM = graphql(`
  mutation RtCreateProgram($name: String!) { createProgram(input: { name: $name }) { id } }
`);
const CREATE_PERSON = graphql(`
  mutation RtCreatePerson($input: PersonInput!) { createPerson(input: $input) { id } }
`);
const OPEN = graphql(`
  mutation RtOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }
`);
const ENROL = graphql(`
  mutation RtEnrol($input: EnrolInput!) { enrol(input: $input) { status } }
`);

const PROGRAMS = graphql(`
  query RtPrograms($first: Int) { programs(first: $first) { edges { node { name counts { mentors mentees activeMentorships } } } } }
`);
const PARTICIPANTS = graphql(`
  query RtParticipants($id: ID!, $first: Int) {
    program(id: $id) {
      participants(first: $first) { edges { node { role status person { email jobTitle languages enrolments { role program { name } } } } } }
    }
  }
`);
const PEOPLE = graphql(`
  query RtPeople($first: Int) { people(first: $first) { edges { node { displayName enrolments { role status program { name } } } } } }
`);
const PAIRS = graphql(`
  query RtPairs($id: ID!, $first: Int) {
    program(id: $id) {
      mentorships(first: $first) { edges { node { mentor { displayName } mentee { displayName } program { name } health { status } } } }
    }
  }
`);

/**
 * Lists with their related data must cost a constant number of DynamoDB round trips, whatever
 * the page size: related records come through per-request DataLoaders and BatchGet.
 */
describe('DynamoDB round trips per list', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let tenant: { slug: string; manager: string };
  let programId = '';
  const figures: Record<string, Record<number, number>> = {};

  async function tripsFor(name: string, first: number, run: () => Promise<{ errors?: unknown }>) {
    const before = api.services.client.calls.count;
    const res = await run();
    expect(res.errors).toBeUndefined();
    const trips = api.services.client.calls.count - before;
    figures[name] = { ...figures[name], [first]: trips };
    return trips;
  }

  beforeAll(async () => {
    api = await testApi();
    tenant = await api.newTenant('Round trips');
    const token = { token: tenant.manager };
    const programIds: string[] = [];
    for (let i = 0; i < 12; i++)
      programIds.push((await api.call(CREATE_PROGRAM, { name: `Program ${i}` }, token)).data?.createProgram.id ?? '');
    programId = programIds[0] ?? '';
    await api.call(OPEN, { id: programId }, token);
    const people: string[] = [];
    for (let i = 0; i < 60; i++) {
      const input = {
        email: `rt${i}@example.org`,
        givenName: `Given${i}`,
        familyName: `Family${i}`,
        timeZone: 'Europe/Amsterdam',
        languages: ['nl'],
      };
      const id = (await api.call(CREATE_PERSON, { input }, token)).data?.createPerson.id ?? '';
      people.push(id);
      await api.call(ENROL, { input: { personId: id, programId, role: i < 20 ? 'MENTOR' : 'MENTEE', reasons: [] } }, token);
      await api.call(ENROL, { input: { personId: id, programId: programIds[1] ?? '', role: 'MENTEE', reasons: [] } }, token);
    }
    const scope = {
      tenantId: tenant.slug,
      actor: { id: 'test', role: 'manager' as const, tenantId: tenant.slug, personId: null },
      now: api.clock.now,
    };
    const local = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1] ?? '';
    for (let i = 0; i < 30; i++) {
      await startMentorship(api.services, scope, {
        programId: local(programId),
        mentorId: local(people[i % 20] ?? ''),
        menteeId: local(people[20 + i] ?? ''),
      });
    }
    // Warm the per-container tenant cache, as any live container has it.
    await api.call(PROGRAMS, { first: 1 }, token);
  });

  it('lists programs with their counters in the same number of round trips for 3 or 12', async () => {
    const small = await tripsFor('programs+counts', 3, () => api.call(PROGRAMS, { first: 3 }, { token: tenant.manager }));
    const large = await tripsFor('programs+counts', 12, () => api.call(PROGRAMS, { first: 12 }, { token: tenant.manager }));
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(2);
  });

  it('lists participants with their people, enrolments and programs in the same round trips for 10 or 50', async () => {
    const small = await tripsFor('participants+people+enrolments', 10, () =>
      api.call(PARTICIPANTS, { id: programId, first: 10 }, { token: tenant.manager }),
    );
    const large = await tripsFor('participants+people+enrolments', 50, () =>
      api.call(PARTICIPANTS, { id: programId, first: 50 }, { token: tenant.manager }),
    );
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(6);
  });

  it('lists people with their enrolments in the same round trips for 10 or 50', async () => {
    const small = await tripsFor('people+enrolments+programs', 10, () => api.call(PEOPLE, { first: 10 }, { token: tenant.manager }));
    const large = await tripsFor('people+enrolments+programs', 50, () => api.call(PEOPLE, { first: 50 }, { token: tenant.manager }));
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(4);
  });

  it('lists mentorships with both people and their health in the same round trips for 5 or 30', async () => {
    const small = await tripsFor('mentorships+people+health', 5, () =>
      api.call(PAIRS, { id: programId, first: 5 }, { token: tenant.manager }),
    );
    const large = await tripsFor('mentorships+people+health', 30, () =>
      api.call(PAIRS, { id: programId, first: 30 }, { token: tenant.manager }),
    );
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(4);
    console.log(`DynamoDB round trips by page size: ${JSON.stringify(figures)}`);
  });
});
