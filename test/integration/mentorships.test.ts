import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntry } from '#domain/kernel/audit.ts';
import { newProposal } from '#domain/mentorships/proposals.ts';
import { runProgramLifecycle } from '../../functions/jobs/programLifecycle.ts';
import { graphql } from '../generated/gql.ts';
import { codes, testApi } from '../support/api.ts';

const PROGRAM = graphql(`
  mutation LcProgram($input: ProgramInput!) { createProgram(input: $input) { id version } }
`);
const STATUS = graphql(`
  mutation LcOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }
`);
const PERSON = graphql(`
  mutation LcPerson($input: PersonInput!) { createPerson(input: $input) { id } }
`);
const ENROL = graphql(`
  mutation LcEnrol($input: EnrolInput!) { enrol(input: $input) { status } }
`);
const REQUEST = graphql(`
  mutation LcRequest($input: RequestInput!) { requestMentor(input: $input) { id status version expiresAt introduction { whyThisMentor } } }
`);
const ANSWER = graphql(`
  mutation LcAnswer($id: ID!, $version: Int!, $answer: RequestAnswer!, $reason: String) {
    answerRequest(id: $id, version: $version, answer: $answer, reason: $reason) {
      request { status reason version }
      mentorship { id status version mentor { id } mentee { id } source { kind } }
    }
  }
`);
const REQUEST_VIEW = graphql(`
  query LcRequestView($id: ID!) { request(id: $id) { status reason } }
`);
const REQUEST_EXPIRY = graphql(`
  query LcRequestExpiry($id: ID!) { request(id: $id) { createdAt expiresAt } }
`);
const PROPOSE = graphql(`
  mutation LcPropose($input: PairInput!) { proposePair(input: $input) { id status version } }
`);
const DECIDE = graphql(`
  mutation LcDecide($id: ID!, $version: Int!, $decision: ProposalDecision!, $reason: String) {
    decideProposal(id: $id, version: $version, decision: $decision, reason: $reason) { status version }
  }
`);
const RESPOND = graphql(`
  mutation LcRespond($id: ID!, $version: Int!, $response: ProposalResponse!, $side: ParticipantRole) {
    respondToProposal(id: $id, version: $version, response: $response, side: $side) {
      proposal { status version mentorAcceptedAt menteeAcceptedAt }
      mentorship { id status version }
    }
  }
`);
const CHANGE = graphql(`
  mutation LcChange($id: ID!, $version: Int!, $action: PairTransition!, $reason: String, $reflection: String) {
    changeMentorship(id: $id, version: $version, action: $action, reason: $reason, reflection: $reflection) {
      status version endReason menteeReflection
    }
  }
`);
const MEETING = graphql(`
  mutation LcMeeting($input: MeetingInput!) { logMeeting(input: $input) { id kind privateNotes } }
`);
const GOAL = graphql(`
  mutation LcGoal($mentorshipId: ID!, $goalId: ID, $version: Int, $input: GoalInput!) {
    saveGoal(mentorshipId: $mentorshipId, goalId: $goalId, version: $version, input: $input) { id title status progress notes { text } version }
  }
`);
const TENANT_ANALYTICS = graphql(`
  query LcTenantAnalytics {
    viewer {
      tenant {
        analytics {
          mentors mentees matchRate medianDaysToMatch activeMentorships paused completed endedEarly meetings
          meetingsPerPairPerMonth averageCheckInRating averageClosingRating
          activeByHealth { health count }
          requests { sent accepted declined expired }
          outcomes { outcome count }
        }
      }
    }
  }
`);
const PROGRAM_SURVEYS = graphql(`
  query LcProgramSurveys($id: ID!, $kind: SurveyKind) {
    program(id: $id) { surveys(kind: $kind, first: 10) { edges { node { kind side rating outcomes mentorship { id } } } } }
  }
`);
const SURVEY = graphql(`
  mutation LcSurvey($id: ID!, $input: SurveyInput!) { submitSurvey(mentorshipId: $id, input: $input) { kind side rating outcomes } }
`);
const PAIR = graphql(`
  query LcPair($id: ID!) {
    mentorship(id: $id) {
      status version health { status nextContactDue }
      meetings { privateNotes topics }
      goals { title }
      surveys { kind rating }
    }
  }
`);
const PAIRS = graphql(`
  query LcPairs($id: ID!, $health: Health, $status: MentorshipStatus) {
    program(id: $id) { mentorships(health: $health, status: $status, first: 100) { edges { node { id status health { status } meetingCount startedAt } } } }
  }
`);
const ANALYTICS = graphql(`
  query LcAnalytics($id: ID!) {
    program(id: $id) {
      analytics {
        mentors mentees matchRate medianDaysToMatch activeMentorships paused completed endedEarly meetings
        meetingsPerPairPerMonth averageCheckInRating averageClosingRating
        activeByHealth { health count }
        requests { sent accepted declined expired }
        outcomes { outcome count }
      }
      participants(first: 100) { edges { node { role status enrolledAt person { id mentorships { id startedAt } } } } }
    }
  }
`);

const local = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1] ?? '';
const WHY = 'You led the data team through the reorganisation I am now in, and your talk on it stayed with me.';

describe('mentorships from first request to outcome', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let a: { slug: string; manager: string };
  let b: { slug: string; manager: string };
  let programId = '';
  const people: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const manager = () => ({ token: a.manager });
  const as = (who: string) => ({ token: tokens[who] ?? '' });

  async function enrolNew(name: string, role: 'MENTOR' | 'MENTEE', capacity?: number) {
    const input = { email: `${name}@example.org`, givenName: name, familyName: 'Test', timeZone: 'Europe/Amsterdam', languages: ['nl'] };
    const id = (await api.call(PERSON, { input }, manager())).data?.createPerson.id ?? '';
    await api.call(ENROL, { input: { personId: id, programId, role, reasons: ['GOAL_SETTING'], capacity } }, manager());
    people[name] = id;
    tokens[name] = await api.token('participant', a.slug, { person: local(id) });
    return id;
  }

  const request = (mentee: string, mentor: string) =>
    api.call(
      REQUEST,
      {
        input: {
          programId,
          mentorId: people[mentor] ?? '',
          whyThisMentor: WHY,
          focusAreas: ['GOAL_SETTING'],
          timeAsked: 'An hour a month, video is fine',
        },
      },
      as(mentee),
    );

  beforeAll(async () => {
    api = await testApi();
    a = await api.newTenant('Lifecycle A');
    b = await api.newTenant('Lifecycle B');
    const created = (
      await api.call(PROGRAM, { input: { name: 'Pairs', pairing: { maxOpenRequests: 2, requestExpiryDays: 14 } } }, manager())
    ).data?.createProgram;
    programId = created?.id ?? '';
    await api.call(STATUS, { id: programId, version: 1 }, manager());
    await enrolNew('mila', 'MENTOR', 1);
    await enrolNew('max', 'MENTOR', 2);
    for (const name of ['eva', 'emma', 'ezra', 'elif']) await enrolNew(name, 'MENTEE');
  });

  it('lets a mentee ask a mentor with an introduction, bounded, and the mentor accept it', async () => {
    const first = await request('eva', 'mila');
    expect(first.data?.requestMentor).toMatchObject({ status: 'OPEN', version: 1, introduction: { whyThisMentor: WHY } });
    const second = await request('eva', 'max');
    expect(second.errors).toBeUndefined();
    const expiry = (await api.call(REQUEST_EXPIRY, { id: second.data?.requestMentor.id ?? '' }, manager())).data?.request;
    expect(Date.parse(expiry?.expiresAt ?? '') - Date.parse(expiry?.createdAt ?? '')).toBe(14 * 86_400_000);
    expect(codes(await request('eva', 'max'))).toEqual(['CONFLICT']);
    const tooShort = await api.call(
      REQUEST,
      { input: { programId, mentorId: people.max ?? '', whyThisMentor: 'hi', focusAreas: [], timeAsked: '' } },
      as('emma'),
    );
    expect(tooShort.errors?.[0]?.extensions?.problems?.map((p) => p.field)).toEqual([
      'input.whyThisMentor',
      'input.timeAsked',
      'input.focusAreas',
    ]);
    // Only the mentor may accept.
    expect(codes(await api.call(ANSWER, { id: first.data?.requestMentor.id ?? '', version: 1, answer: 'ACCEPT' }, as('eva')))).toEqual([
      'FORBIDDEN',
    ]);
    const accepted = await api.call(ANSWER, { id: first.data?.requestMentor.id ?? '', version: 1, answer: 'ACCEPT' }, as('mila'));
    expect(accepted.data?.answerRequest.request).toMatchObject({ status: 'ACCEPTED', version: 2 });
    expect(accepted.data?.answerRequest.mentorship).toMatchObject({
      status: 'ACTIVE',
      mentor: { id: people.mila },
      mentee: { id: people.eva },
      source: { kind: 'REQUEST' },
    });
    const other = await api.call(REQUEST_VIEW, { id: second.data?.requestMentor.id ?? '' }, manager());
    expect(other.data?.request).toEqual({ status: 'CLOSED', reason: 'eva Test found a mentor' });
  });

  it('refuses a full mentor, and lets a mentor decline with a reason', async () => {
    const full = await request('emma', 'mila');
    const res = await api.call(ANSWER, { id: full.data?.requestMentor.id ?? '', version: 1, answer: 'ACCEPT' }, as('mila'));
    expect(codes(res)).toEqual(['CONFLICT']);
    expect(res.errors?.[0]?.extensions?.messageKey).toBe('conflict.mentorFull');
    expect(codes(await api.call(ANSWER, { id: full.data?.requestMentor.id ?? '', version: 1, answer: 'DECLINE' }, as('mila')))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const declined = await api.call(
      ANSWER,
      { id: full.data?.requestMentor.id ?? '', version: 1, answer: 'DECLINE', reason: 'My hands are full this quarter.' },
      as('mila'),
    );
    expect(declined.data?.answerRequest.request).toMatchObject({ status: 'DECLINED', reason: 'My hands are full this quarter.' });
  });

  it('expires a request nobody answers, through the scheduled sweep', async () => {
    const sent = await request('elif', 'max');
    api.clock.advanceDays(15);
    const tick = await runProgramLifecycle(api.services);
    expect(tick.requestsExpired).toBeGreaterThanOrEqual(1);
    // Answered and expired requests leave no open marker behind for the sweep to find again.
    expect(await api.services.requests.expiredRequests(a.slug, api.clock.now.toISOString())).toEqual([]);
    expect((await api.call(REQUEST_VIEW, { id: sent.data?.requestMentor.id ?? '' }, manager())).data?.request?.status).toBe('EXPIRED');
    expect(codes(await api.call(ANSWER, { id: sent.data?.requestMentor.id ?? '', version: 1, answer: 'ACCEPT' }, as('max')))).toEqual([
      'CONFLICT',
    ]);
  });

  it('runs a proposal from the matcher through approval and both acceptances to a pair', async () => {
    const program = await api.services.programs.getProgram(a.slug, local(programId));
    const scope = {
      tenantId: a.slug,
      actor: { id: 'matcher', role: 'manager' as const, tenantId: a.slug, personId: null },
      now: api.clock.now,
    };
    if (!program) throw new Error('program missing');
    const proposal = newProposal(
      program,
      { menteeId: local(people.ezra ?? ''), mentorId: local(people.max ?? ''), menteeName: 'ezra Test', mentorName: 'max Test' },
      { id: 'run1-ezra-max', origin: 'MATCHING', runId: 'run1', score: 0.81, explanation: [], now: api.clock.now },
    );
    expect(
      await api.services.proposals.createProposal(
        proposal,
        auditEntry(scope, api.services.newId, 'proposal.create', { type: 'Proposal', id: proposal.id }, null, proposal),
      ),
    ).toBe(true);
    // Writing it again (a re-run after a crash) changes nothing.
    expect(
      await api.services.proposals.createProposal(
        proposal,
        auditEntry(scope, api.services.newId, 'proposal.create', { type: 'Proposal', id: proposal.id }, null, proposal),
      ),
    ).toBe(false);
    const id = Buffer.from('Proposal:run1-ezra-max').toString('base64url');
    expect(codes(await api.call(RESPOND, { id, version: 1, response: 'ACCEPT' }, as('ezra')))).toEqual(['NOT_FOUND']);
    expect((await api.call(DECIDE, { id, version: 1, decision: 'APPROVE' }, manager())).data?.decideProposal).toEqual({
      status: 'APPROVED',
      version: 2,
    });
    const mentee = await api.call(RESPOND, { id, version: 2, response: 'ACCEPT' }, as('ezra'));
    expect(mentee.data?.respondToProposal.proposal.menteeAcceptedAt).toBeTruthy();
    expect(mentee.data?.respondToProposal.mentorship).toBeNull();
    const mentor = await api.call(RESPOND, { id, version: 3, response: 'ACCEPT' }, as('max'));
    expect(mentor.data?.respondToProposal.proposal.status).toBe('ACCEPTED');
    expect(mentor.data?.respondToProposal.mentorship?.status).toBe('ACTIVE');
    expect(codes(await api.call(RESPOND, { id, version: 3, response: 'ACCEPT' }, as('max')))).toEqual(['CONFLICT']);
  });

  it('lets a manager propose a pair that either side may decline', async () => {
    const proposed = (await api.call(PROPOSE, { input: { programId, mentorId: people.max ?? '', menteeId: people.elif ?? '' } }, manager()))
      .data?.proposePair;
    expect(proposed?.status).toBe('APPROVED');
    const declined = await api.call(RESPOND, { id: proposed?.id ?? '', version: 1, response: 'DECLINE', side: 'MENTEE' }, manager());
    expect(codes(declined)).toEqual(['BAD_USER_INPUT']);
    const rejectedByManager = await api.call(DECIDE, { id: proposed?.id ?? '', version: 1, decision: 'REJECT', reason: 'no' }, manager());
    expect(codes(rejectedByManager)).toEqual(['CONFLICT']);
  });

  it('keeps a plan, meetings with private notes, and health that moves with the clock', async () => {
    const pair = (await api.call(PAIRS, { id: programId, status: 'ACTIVE' }, manager())).data?.program?.mentorships.edges.find(
      (e) => e.node.meetingCount === 0,
    );
    const pairId = pair?.node.id ?? '';
    const goal = await api.call(
      GOAL,
      { mentorshipId: pairId, input: { title: 'Lead a team meeting', why: 'Visibility', targetDate: '2026-06-30' } },
      as('ezra'),
    );
    expect(goal.data?.saveGoal).toMatchObject({ status: 'OPEN', progress: 0, version: 1 });
    const goalId = goal.data?.saveGoal.id ?? '';
    const progressed = await api.call(
      GOAL,
      { mentorshipId: pairId, goalId, version: 1, input: { status: 'IN_PROGRESS', progress: 40, note: 'Chaired the Monday stand-up' } },
      as('ezra'),
    );
    expect(progressed.data?.saveGoal).toMatchObject({
      status: 'IN_PROGRESS',
      progress: 40,
      notes: [{ text: 'Chaired the Monday stand-up' }],
      version: 2,
    });
    expect(codes(await api.call(GOAL, { mentorshipId: pairId, goalId, version: 1, input: { progress: 50 } }, as('ezra')))).toEqual([
      'CONFLICT',
    ]);

    const health = async () => (await api.call(PAIR, { id: pairId }, manager())).data?.mentorship?.health.status;
    expect(await health()).toBe('ON_TRACK');
    api.clock.advanceDays(31);
    expect(await health()).toBe('NEVER_MET');
    const met = await api.call(
      MEETING,
      {
        input: {
          mentorshipId: pairId,
          heldAt: api.clock.now.toISOString(),
          durationMinutes: 60,
          mode: 'VIDEO',
          topics: ['goals'],
          privateNotes: 'Talked about the burn-out',
        },
      },
      as('ezra'),
    );
    expect(met.data?.logMeeting.privateNotes).toBe('Talked about the burn-out');
    expect(await health()).toBe('ON_TRACK');
    const byManager = await api.call(PAIR, { id: pairId }, manager());
    expect(byManager.data?.mentorship?.meetings).toEqual([{ privateNotes: null, topics: ['goals'] }]);
    const byMentor = await api.call(PAIR, { id: pairId }, as('max'));
    expect(byMentor.data?.mentorship?.meetings[0]?.privateNotes).toBe('Talked about the burn-out');
    api.clock.advanceDays(24);
    expect(await health()).toBe('DUE_SOON');
    api.clock.advanceDays(18);
    expect(await health()).toBe('OVERDUE');
    const overdue = await api.call(PAIRS, { id: programId, health: 'OVERDUE' }, manager());
    expect(overdue.data?.program?.mentorships.edges.map((e) => e.node.id)).toContain(pairId);
    expect(overdue.data?.program?.mentorships.edges.every((e) => e.node.health.status === 'OVERDUE')).toBe(true);
  });

  it("bounds a goal's notes with a clear error, never DynamoDB's item limit", async () => {
    // Prepare: a goal on a running pair; notes as long as allowed, in a script of three bytes a character.
    const pair = (await api.call(PAIRS, { id: programId, status: 'ACTIVE' }, manager())).data?.program?.mentorships.edges[0];
    const pairId = pair?.node.id ?? '';
    const saved = await api.call(GOAL, { mentorshipId: pairId, input: { title: 'Write every week' } }, manager());
    let goal = { id: saved.data?.saveGoal.id ?? '', version: saved.data?.saveGoal.version ?? 0 };
    const longNote = '日'.repeat(2000);

    // Act: forty notes, then one more.
    for (let i = 0; i < 40; i++) {
      const res = await api.call(
        GOAL,
        { mentorshipId: pairId, goalId: goal.id, version: goal.version, input: { note: longNote } },
        manager(),
      );
      expect(res.errors, `note ${i + 1}`).toBeUndefined();
      goal = { id: goal.id, version: res.data?.saveGoal.version ?? 0 };
    }
    const extra = await api.call(
      GOAL,
      { mentorshipId: pairId, goalId: goal.id, version: goal.version, input: { note: 'one more' } },
      manager(),
    );

    // Assert: refused as bad input, saying the limit; the goal kept its forty notes and can still change otherwise.
    expect(codes(extra)).toEqual(['BAD_USER_INPUT']);
    expect(extra.errors?.[0]?.message).toMatch(/at most 40 notes/);
    const progressed = await api.call(
      GOAL,
      { mentorshipId: pairId, goalId: goal.id, version: goal.version, input: { progress: 90 } },
      manager(),
    );
    expect(progressed.data?.saveGoal.notes).toHaveLength(40);
    expect(progressed.data?.saveGoal.progress).toBe(90);
  });

  it('pauses, resumes and ends pairs by the state machine, freeing the mentor', async () => {
    const pairs =
      (await api.call(PAIRS, { id: programId, status: 'ACTIVE' }, manager())).data?.program?.mentorships.edges.map((e) => e.node) ?? [];
    const milaPair = (await api.call(PAIRS, { id: programId }, manager())).data?.program?.mentorships.edges.map((e) => e.node).at(-1);
    const id = milaPair?.id ?? '';
    expect(pairs.length).toBe(2);
    expect(codes(await api.call(CHANGE, { id, version: 1, action: 'RESUME' }, manager()))).toEqual(['CONFLICT']);
    const paused = await api.call(CHANGE, { id, version: 1, action: 'PAUSE', reason: 'Parental leave' }, as('eva'));
    expect(paused.data?.changeMentorship).toMatchObject({ status: 'PAUSED', version: 2 });
    expect((await api.call(CHANGE, { id, version: 2, action: 'RESUME' }, as('mila'))).data?.changeMentorship.status).toBe('ACTIVE');
    expect(codes(await api.call(CHANGE, { id, version: 3, action: 'END_EARLY' }, manager()))).toEqual(['BAD_USER_INPUT']);
    const check = await api.call(SURVEY, { id, input: { kind: 'CHECK_IN', rating: 4, comment: 'Good talks' } }, as('eva'));
    expect(check.data?.submitSurvey).toMatchObject({ kind: 'CHECK_IN', side: 'MENTEE', rating: 4 });
    expect(codes(await api.call(SURVEY, { id, input: { kind: 'CLOSING', rating: 5 } }, as('eva')))).toEqual(['CONFLICT']);
    const done = await api.call(CHANGE, { id, version: 3, action: 'COMPLETE', reflection: 'I learned to ask for help.' }, as('eva'));
    expect(done.data?.changeMentorship).toMatchObject({ status: 'COMPLETED', menteeReflection: 'I learned to ask for help.' });
    const closing = await api.call(
      SURVEY,
      { id, input: { kind: 'CLOSING', rating: 5, outcomes: ['CONFIDENCE', 'NETWORK_WIDENED', 'PROMOTION'] } },
      as('eva'),
    );
    expect(closing.data?.submitSurvey.outcomes).toEqual(['CONFIDENCE', 'NETWORK_WIDENED', 'PROMOTION']);
    expect(codes(await api.call(SURVEY, { id, input: { kind: 'CLOSING', rating: 1 } }, as('eva')))).toEqual(['CONFLICT']);
    expect(
      (await api.call(SURVEY, { id, input: { kind: 'CLOSING', rating: 4, outcomes: ['SKILLS_SHARPENED'] } }, as('mila'))).errors,
    ).toBeUndefined();
    // The program's surveys page lists the answers newest first, filtered by kind, for managers only.
    const all = (await api.call(PROGRAM_SURVEYS, { id: programId, kind: null }, manager())).data?.program?.surveys.edges.map((e) => e.node);
    expect(all?.map((s) => [s.kind, s.side, s.rating])).toEqual([
      ['CLOSING', 'MENTOR', 4],
      ['CLOSING', 'MENTEE', 5],
      ['CHECK_IN', 'MENTEE', 4],
    ]);
    expect(all?.every((s) => s.mentorship?.id === id)).toBe(true);
    const closingOnly = await api.call(PROGRAM_SURVEYS, { id: programId, kind: 'CLOSING' }, manager());
    expect(closingOnly.data?.program?.surveys.edges.map((e) => e.node.side)).toEqual(['MENTOR', 'MENTEE']);
    expect(codes(await api.call(PROGRAM_SURVEYS, { id: programId, kind: null }, as('eva')))).toEqual(['FORBIDDEN']);
    expect(codes(await api.call(PROGRAM_SURVEYS, { id: programId, kind: null }, { token: b.manager }))).toEqual(['NOT_FOUND']);
    // Mila has room again: Emma's new request can be accepted.
    const again = await request('emma', 'mila');
    const accepted = await api.call(ANSWER, { id: again.data?.requestMentor.id ?? '', version: 1, answer: 'ACCEPT' }, as('mila'));
    expect(accepted.data?.answerRequest.mentorship?.status).toBe('ACTIVE');
  });

  it('shows analytics that match a recount of the same data', async () => {
    const res = await api.call(ANALYTICS, { id: programId }, manager());
    expect(res.errors).toBeUndefined();
    const figures = res.data?.program?.analytics;
    const pairs = (await api.call(PAIRS, { id: programId }, manager())).data?.program?.mentorships.edges.map((e) => e.node) ?? [];
    const participants = res.data?.program?.participants.edges.map((e) => e.node) ?? [];
    const mentees = participants.filter((p) => p.role === 'MENTEE');
    const running = pairs.filter((p) => p.status === 'ACTIVE' || p.status === 'PAUSED');
    const byHealth = { ON_TRACK: 0, DUE_SOON: 0, OVERDUE: 0, NEVER_MET: 0 } as Record<string, number>;
    for (const p of pairs.filter((x) => x.status === 'ACTIVE')) byHealth[p.health.status] = (byHealth[p.health.status] ?? 0) + 1;
    const matched = mentees.filter((m) => (m.person?.mentorships?.length ?? 0) > 0);
    const daysToMatch = matched
      .map((m) => {
        const first = [...(m.person?.mentorships ?? [])].sort((x, y) => x.startedAt.localeCompare(y.startedAt))[0];
        return Math.floor(Date.parse(first?.startedAt ?? '') / 86_400_000) - Math.floor(Date.parse(m.enrolledAt) / 86_400_000);
      })
      .sort((x, y) => x - y);
    const mid = daysToMatch.length / 2;
    const median = daysToMatch.length % 2 ? daysToMatch[Math.floor(mid)] : ((daysToMatch[mid - 1] ?? 0) + (daysToMatch[mid] ?? 0)) / 2;
    expect(figures).toMatchObject({
      mentors: participants.filter((p) => p.role === 'MENTOR').length,
      mentees: mentees.length,
      activeMentorships: running.length,
      completed: pairs.filter((p) => p.status === 'COMPLETED').length,
      meetings: pairs.reduce((s, p) => s + p.meetingCount, 0),
      matchRate: Math.round((matched.length / mentees.length) * 10_000) / 10_000,
      medianDaysToMatch: median,
      averageCheckInRating: 4,
      averageClosingRating: 4.5,
      requests: { sent: 5, accepted: 2, declined: 1, expired: 1 },
    });
    expect(Object.fromEntries(figures?.activeByHealth.map((h) => [h.health, h.count]) ?? [])).toEqual(byHealth);
    expect(Object.fromEntries(figures?.outcomes.map((o) => [o.outcome, o.count]) ?? [])).toEqual({
      CONFIDENCE: 1,
      NETWORK_WIDENED: 1,
      PROMOTION: 1,
      SKILLS_SHARPENED: 1,
    });
    // The organisation has this one program: its figures across programs are the program's.
    const tenant = await api.call(TENANT_ANALYTICS, {}, manager());
    expect(tenant.data?.viewer.tenant?.analytics).toEqual(figures);
    expect(codes(await api.call(TENANT_ANALYTICS, {}, as('eva')))).toEqual(['FORBIDDEN']);
  });

  it('never puts a mentor beyond capacity when 50 accepts arrive at once', async () => {
    const mentor = await enrolNew('carla', 'MENTOR', 3);
    const requests: { id: string }[] = [];
    for (let i = 0; i < 50; i++) {
      await enrolNew(`crowd${i}`, 'MENTEE');
      requests.push({ id: (await request(`crowd${i}`, 'carla')).data?.requestMentor.id ?? '' });
    }
    const results = await Promise.all(requests.map((r) => api.call(ANSWER, { id: r.id, version: 1, answer: 'ACCEPT' }, as('carla'))));
    const started = results.filter((r) => r.data?.answerRequest.mentorship);
    const refused = results.flatMap((r) => codes(r));
    expect(started).toHaveLength(3);
    expect(new Set(refused)).toEqual(new Set(refused.filter((c) => c === 'CONFLICT' || c === 'SERVICE_UNAVAILABLE')));
    const held = (await api.call(PAIRS, { id: programId, status: 'ACTIVE' }, manager())).data?.program?.mentorships.edges.filter((e) =>
      results.some((r) => r.data?.answerRequest.mentorship?.id === e.node.id),
    );
    expect(held).toHaveLength(3);
    const enrolment = await api.services.people.getEnrolment(a.slug, local(mentor), local(programId), 'MENTOR');
    expect(enrolment?.activeMentorships).toBe(3);
    console.log(
      `50 concurrent accepts at a mentor of capacity 3: ${started.length} pairs started, ${refused.length} refused (${[...new Set(refused)].join(', ')}), 0 over capacity`,
    );
  });

  it('hides pairs, requests and proposals from other participants and other tenants', async () => {
    const pairId = (await api.call(PAIRS, { id: programId }, manager())).data?.program?.mentorships.edges[0]?.node.id ?? '';
    expect(codes(await api.call(PAIR, { id: pairId }, as('elif')))).toEqual(['NOT_FOUND']);
    expect(codes(await api.call(PAIR, { id: pairId }, { token: b.manager }))).toEqual(['NOT_FOUND']);
    expect(codes(await api.call(CHANGE, { id: pairId, version: 1, action: 'PAUSE' }, { token: b.manager }))).toEqual(['NOT_FOUND']);
    expect(codes(await api.call(ANALYTICS, { id: programId }, { token: b.manager }))).toEqual(['NOT_FOUND']);
    expect(codes(await api.call(ANALYTICS, { id: programId }, as('eva')))).toEqual(['FORBIDDEN']);
  });
});
