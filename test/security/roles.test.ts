import { beforeAll, describe, expect, inject, it } from 'vitest';
import { testApi } from '../support/api.ts';
import { type Api, gql, type IdType, ownTable, scanTable, seedWorld, type World } from '../support/hostile.ts';
import { documentFor, operations, sampleVariables } from '../support/schemaOps.ts';

/**
 * What a participant may call at all. Everything else in the schema is a manager's (or operator's)
 * and must answer FORBIDDEN: a new operation is a manager's until it is listed here.
 */
const PARTICIPANT_SURFACE = new Set([
  'viewer',
  'me',
  'node',
  'programs',
  'program',
  'person',
  'mentorsForMe',
  'mentorship',
  'request',
  'proposal',
  'personalData',
  'ping',
  'requestMentor',
  'answerRequest',
  'respondToProposal',
  'changeMentorship',
  'writeReflection',
  'logMeeting',
  'saveGoal',
  'submitSurvey',
  // Group mentoring (ADR 75): a circle's mentor and members read it; its mentor logs group meetings.
  'circle',
  'logGroupMeeting',
  'updatePerson',
  'updateEnrolment',
  'withdraw',
]);
/**
 * Reads of what every participant of the tenant may see (their programs, themselves), and a mentee's
 * discovery of their program's mentors (public profiles only: test/integration/journey.test.ts).
 */
const SHARED = new Set(['viewer', 'me', 'programs', 'program', 'ping', 'mentorsForMe']);

type Result = Awaited<ReturnType<typeof gql>>;
const answer = (r: Result, field: string) => {
  const e = r.errors?.[0];
  if (e) return `${e.extensions?.code} ${e.extensions?.messageKey}`;
  const v = r.data?.[field];
  return v === null || v === undefined ? 'null' : `DATA ${JSON.stringify(v).slice(0, 100)}`;
};

describe('role escalation', () => {
  let api: Api;
  let table: string;
  let w: World;
  const endpoint = inject('dynamoEndpoint');

  beforeAll(async () => {
    table = await ownTable('hostile-roles');
    api = await testApi({ table });
    w = await seedWorld(api, 'Roles');
  });

  /** Ids from someone else's side of the tenant: the pair the caller is not in, another person. */
  const victims = (name: string, type: IdType | 'any') => {
    if (name === 'menteeId' || name === 'personId') return w.people.mentee;
    if (name === 'mentorId' || name === 'shortlist') return w.people.mentor;
    if (type === 'any') return w.mentorship;
    // A mentor's public profile is open to the program's mentees (ADR 57): aim at a mentee they have no pair or request with.
    if (type === 'Person') return w.people.mentee;
    return w.ids[type][0] ?? '';
  };

  it('refuses every manager and operator operation to participants, and writes nothing', async () => {
    const managerOps = operations().filter((op) => !PARTICIPANT_SURFACE.has(op.field.name));
    expect(managerOps.length).toBeGreaterThan(15);
    const before = await scanTable(endpoint, table);
    const allowed: string[] = [];
    let attempts = 0;
    for (const op of managerOps) {
      for (const [who, token] of [
        ['paired mentee', w.tokens.mentee],
        ['outsider', w.tokens.outsider],
      ] as const) {
        // Their own ids where an operation takes a person (an escalation, not a mix-up), someone else's otherwise.
        const vars = sampleVariables(op, { own: victims, field: op.field, now: api.clock.now.toISOString() });
        const got = answer(await gql(api, documentFor(op), vars, token), op.field.name);
        attempts++;
        if (!got.startsWith('FORBIDDEN')) allowed.push(`${who} ${op.field.name}: ${got}`);
      }
    }
    await api.services.jobs.idle?.();
    console.log(`${attempts} manager-operation calls by participants over ${managerOps.length} operations, ${allowed.length} allowed`);
    expect(allowed).toEqual([]);
    expect(await scanTable(endpoint, table)).toEqual(before);
  });

  it('keeps participants out of pairs, requests, proposals and profiles that are not theirs, writing nothing', async () => {
    const surface = operations().filter((op) => PARTICIPANT_SURFACE.has(op.field.name) && !SHARED.has(op.field.name));
    const before = await scanTable(endpoint, table);
    const reached: string[] = [];
    for (const op of surface) {
      const vars = sampleVariables(op, { own: victims, field: op.field, now: api.clock.now.toISOString() });
      const got = answer(await gql(api, documentFor(op), vars, w.tokens.outsider), op.field.name);
      if (!/^(FORBIDDEN|NOT_FOUND) |^null$/.test(got)) reached.push(`${op.field.name}: ${got}`);
    }
    await api.services.jobs.idle?.();
    // What the outsider may read of the pair's mentor, a mentor of their program: the public profile only.
    const mentor = await gql(
      api,
      'query($id: ID!) { person(id: $id) { displayName email managerEmail enrolments { role } } }',
      { id: w.people.mentor },
      w.tokens.outsider,
    );
    console.log(`${surface.length} participant operations aimed at someone else's records, ${reached.length} reached`);
    expect(reached).toEqual([]);
    expect(mentor.data?.person).toMatchObject({ email: null, managerEmail: null, enrolments: null });
    expect(await scanTable(endpoint, table)).toEqual(before);
  });
});
