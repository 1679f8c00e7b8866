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

const ACCEPT = graphql(`
  mutation SrAccept($id: ID!) { answerRequest(id: $id, version: 1, answer: ACCEPT) { mentorship { id } } }
`);
const NOTE = graphql(`
  mutation SrNote($input: MeetingInput!) { logMeeting(input: $input) { id } }
`);
const CHANGE_REASONS = graphql(`
  mutation SrReasons($key: EnrolmentKey!, $reasons: [String!]!) { updateEnrolment(key: $key, version: 1, input: { reasons: $reasons }) { version } }
`);
const EXPORT = graphql(`
  query SrExport($id: ID!) { personalData(personId: $id) }
`);
const AUDIT = graphql(`
  query SrAudit($entity: ID) { auditLog(entityId: $entity, first: 50) { edges { node { action actor { role } changes { field before after } } } } }
`);

const PAIR_NOTE = 'Pair-private: my mother died in May and I still cannot sleep.';

describe('personal-data exports and the audit log keep what was shared with the mentor only', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let tenant: { slug: string; manager: string };
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let programId = '';

  beforeAll(async () => {
    // Prepare: a pair whose mentee named psycho-social support, sent it in the request's
    // introduction, changed their reasons, and logged a meeting with a private note.
    api = await testApi();
    tenant = await api.newTenant('Export');
    const manager = { token: tenant.manager };
    programId = (await api.call(PROGRAM, { input: { name: 'Grief circle' } }, manager)).data?.createProgram.id ?? '';
    await api.call(OPEN, { id: programId, version: 1 }, manager);
    for (const [name, role] of [
      ['mentor', 'MENTOR'],
      ['mentee', 'MENTEE'],
    ] as const) {
      const input = {
        email: `${name}@example.org`,
        givenName: name,
        familyName: 'Export',
        timeZone: 'Europe/Amsterdam',
        languages: ['nl'],
      };
      ids[name] = (await api.call(PERSON, { input }, manager)).data?.createPerson.id ?? '';
      const reasons = ['GOAL_SETTING', 'PSYCHOSOCIAL_SUPPORT'];
      await api.call(ENROL, { input: { personId: ids[name] ?? '', programId, role, reasons, capacity: 2 } }, manager);
      tokens[name] = await api.token('participant', tenant.slug, { person: local(ids[name] ?? '') });
    }
    const mentee = { token: tokens.mentee ?? '' };
    const changed = await api.call(
      CHANGE_REASONS,
      { key: { personId: ids.mentee ?? '', programId, role: 'MENTEE' }, reasons: ['PSYCHOSOCIAL_SUPPORT', 'JOB_SKILLS'] },
      mentee,
    );
    expect(changed.errors).toBeUndefined();
    const request = await api.call(
      REQUEST,
      {
        input: {
          programId,
          mentorId: ids.mentor ?? '',
          whyThisMentor: 'You lost a parent young and speak about it with care; I would like to learn from that.',
          focusAreas: ['JOB_SKILLS', 'PSYCHOSOCIAL_SUPPORT'],
          timeAsked: 'Half an hour every fortnight',
        },
      },
      mentee,
    );
    expect(request.errors).toBeUndefined();
    const accepted = await api.call(ACCEPT, { id: request.data?.requestMentor.id ?? '' }, { token: tokens.mentor ?? '' });
    expect(accepted.errors).toBeUndefined();
    const pair = accepted.data?.answerRequest.mentorship?.id ?? '';
    const input = {
      mentorshipId: pair,
      heldAt: api.clock.now.toISOString(),
      durationMinutes: 45,
      mode: 'VIDEO' as const,
      privateNotes: PAIR_NOTE,
    };
    expect((await api.call(NOTE, { input }, mentee)).errors).toBeUndefined();
  });

  it("gives a manager the person's export without the pair's private notes and hidden reasons, naming what was withheld", async () => {
    // Act
    const res = await api.call(EXPORT, { id: ids.mentee ?? '' }, { token: tenant.manager });
    // Assert
    expect(res.errors).toBeUndefined();
    const data = res.data?.personalData as { enrolments: { reasons: string[] }[]; meetings: unknown[]; withheld: { what: string }[] };
    const text = JSON.stringify(data);
    expect(text).not.toContain('mother died');
    expect(text).not.toMatch(/PSYCHOSOCIAL/);
    expect(data.enrolments[0]?.reasons).toEqual(['JOB_SKILLS']);
    expect(data.meetings).toHaveLength(1);
    expect(data.withheld.map((w) => w.what)).toEqual(expect.arrayContaining(['enrolments.reasons', 'meetings.privateNotes']));
  });

  it('gives the person their whole export, private notes and sensitive reasons included', async () => {
    const res = await api.call(EXPORT, { id: ids.mentee ?? '' }, { token: tokens.mentee ?? '' });
    expect(res.errors).toBeUndefined();
    const data = res.data?.personalData as { enrolments: { reasons: string[] }[]; withheld: unknown[] };
    const text = JSON.stringify(data);
    expect(text).toContain(PAIR_NOTE);
    expect(data.enrolments[0]?.reasons).toEqual(['PSYCHOSOCIAL_SUPPORT', 'JOB_SKILLS']);
    expect(data.withheld).toEqual([]);
  });

  it('audits every export: who exported whose data, and what was withheld', async () => {
    const trail = await api.call(AUDIT, { entity: ids.mentee ?? null }, { token: tenant.manager });
    const exports = trail.data?.auditLog.edges.map((e) => e.node).filter((n) => n.action === 'person.export') ?? [];
    expect(exports.map((e) => e.actor.role).sort()).toEqual(['MANAGER', 'PARTICIPANT']);
    expect(JSON.stringify(exports)).not.toContain('mother died');
  });

  it('keeps hidden sensitive reasons out of the audit log: enrolments, their changes and request introductions', async () => {
    // Act
    const log = await api.call(AUDIT, { entity: null }, { token: tenant.manager });
    // Assert
    expect(log.errors).toBeUndefined();
    const entries = log.data?.auditLog.edges.map((e) => e.node) ?? [];
    const personal = entries.filter((e) => ['person.enrol', 'person.enrolment', 'request.send'].includes(e.action));
    expect(personal.map((e) => e.action).sort()).toEqual(['person.enrol', 'person.enrol', 'person.enrolment', 'request.send']);
    expect(JSON.stringify(personal)).not.toMatch(/PSYCHOSOCIAL/);
    expect(JSON.stringify(personal)).toMatch(/GOAL_SETTING/);
    expect(JSON.stringify(personal)).toMatch(/JOB_SKILLS/);
    expect(JSON.stringify(entries)).not.toContain('mother died');
  });
});
