import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { testApi } from '../support/api.ts';

const PROGRAM = graphql(`
  mutation SrProgram($input: ProgramInput!) { createProgram(input: $input) { id version privacy { sensitiveFocusAreas managersSeeSensitiveReasons } } }
`);
const UPDATE = graphql(`
  mutation SrUpdate($id: ID!, $version: Int!, $input: ProgramInput!) {
    updateProgram(id: $id, version: $version, input: $input) { version privacy { managersSeeSensitiveReasons } }
  }
`);
const OPEN = graphql(`
  mutation SrOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { version } }
`);
const PERSON = graphql(`
  mutation SrPerson($input: PersonInput!) { createPerson(input: $input) { id } }
`);
const ENROL = graphql(`
  mutation SrEnrol($input: EnrolInput!) { enrol(input: $input) { status } }
`);
const REQUEST = graphql(`
  mutation SrRequest($input: RequestInput!) { requestMentor(input: $input) { id } }
`);
const MANAGER_VIEW = graphql(`
  query SrManagerView($id: ID!, $request: ID!) {
    program(id: $id) {
      participants(first: 10) { edges { node { role reasons } } }
      participantsCsv
    }
    request(id: $request) { introduction { focusAreas } }
  }
`);
const OWN_VIEW = graphql(`
  query SrOwnView($request: ID!) { me { enrolments { reasons } } request(id: $request) { introduction { focusAreas } } }
`);

const local = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1] ?? '';

describe('psycho-social reasons are seen by the pair, and by managers only where the program allows', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let tenant: { slug: string; manager: string };
  let programId = '';
  let version = 0;
  let requestId = '';
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await testApi();
    tenant = await api.newTenant('Sensitive');
    const manager = { token: tenant.manager };
    const created = (await api.call(PROGRAM, { input: { name: 'Support circle' } }, manager)).data?.createProgram;
    expect(created?.privacy).toEqual({ sensitiveFocusAreas: ['PSYCHOSOCIAL_SUPPORT'], managersSeeSensitiveReasons: false });
    programId = created?.id ?? '';
    version = (await api.call(OPEN, { id: programId, version: 1 }, manager)).data?.changeProgramStatus.version ?? 0;
    const ids: Record<string, string> = {};
    for (const [name, role] of [
      ['mentor', 'MENTOR'],
      ['mentee', 'MENTEE'],
    ] as const) {
      const input = { email: `${name}@example.org`, givenName: name, familyName: 'Care', timeZone: 'Europe/Amsterdam', languages: ['nl'] };
      ids[name] = (await api.call(PERSON, { input }, manager)).data?.createPerson.id ?? '';
      const reasons = ['GOAL_SETTING', 'PSYCHOSOCIAL_SUPPORT'];
      await api.call(ENROL, { input: { personId: ids[name] ?? '', programId, role, reasons, capacity: 2 } }, manager);
      tokens[name] = await api.token('participant', tenant.slug, { person: local(ids[name] ?? '') });
    }
    const request = await api.call(
      REQUEST,
      {
        input: {
          programId,
          mentorId: ids.mentor ?? '',
          whyThisMentor: 'You have been through a burn-out yourself and talk about it openly, which helps me.',
          focusAreas: ['GOAL_SETTING', 'PSYCHOSOCIAL_SUPPORT'],
          timeAsked: 'Half an hour every fortnight',
        },
      },
      { token: tokens.mentee ?? '' },
    );
    expect(request.errors).toBeUndefined();
    requestId = request.data?.requestMentor.id ?? '';
  });

  it('hides them from managers by default: in lists, the CSV export and request introductions', async () => {
    const view = (await api.call(MANAGER_VIEW, { id: programId, request: requestId }, { token: tenant.manager })).data;
    expect(view?.program?.participants.edges.map((e) => e.node.reasons)).toEqual([['GOAL_SETTING'], ['GOAL_SETTING']]);
    expect(view?.program?.participantsCsv).not.toMatch(/psychosocial/i);
    expect(view?.program?.participantsCsv).toMatch(/goal setting/);
    expect(view?.request?.introduction.focusAreas).toEqual(['GOAL_SETTING']);
  });

  it('shows them to the person and to the other side of the request', async () => {
    for (const who of ['mentee', 'mentor']) {
      const own = (await api.call(OWN_VIEW, { request: requestId }, { token: tokens[who] ?? '' })).data;
      expect(own?.me?.enrolments?.[0]?.reasons).toEqual(['GOAL_SETTING', 'PSYCHOSOCIAL_SUPPORT']);
      expect(own?.request?.introduction.focusAreas).toEqual(['GOAL_SETTING', 'PSYCHOSOCIAL_SUPPORT']);
    }
  });

  it('shows them to managers once the program allows it', async () => {
    const updated = await api.call(
      UPDATE,
      { id: programId, version, input: { privacy: { managersSeeSensitiveReasons: true } } },
      { token: tenant.manager },
    );
    expect(updated.data?.updateProgram.privacy.managersSeeSensitiveReasons).toBe(true);
    const view = (await api.call(MANAGER_VIEW, { id: programId, request: requestId }, { token: tenant.manager })).data;
    expect(view?.program?.participants.edges.map((e) => e.node.reasons)).toEqual([
      ['GOAL_SETTING', 'PSYCHOSOCIAL_SUPPORT'],
      ['GOAL_SETTING', 'PSYCHOSOCIAL_SUPPORT'],
    ]);
    expect(view?.request?.introduction.focusAreas).toEqual(['GOAL_SETTING', 'PSYCHOSOCIAL_SUPPORT']);
  });

  it('refuses a sensitive area that is not a focus area of the program', async () => {
    const res = await api.call(
      UPDATE,
      { id: programId, version: version + 1, input: { privacy: { sensitiveFocusAreas: ['grief'] } } },
      { token: tenant.manager },
    );
    expect(res.errors?.[0]?.extensions?.problems?.[0]?.field).toBe('input.privacy.sensitiveFocusAreas');
  });
});
