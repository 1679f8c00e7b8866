import { beforeAll, describe, expect, it } from 'vitest';
import { runMatching } from '#domain/matching/run.ts';
import { runScheduledMatching } from '../../functions/jobs/scheduledMatching.ts';
import { graphql } from '../generated/gql.ts';
import { codes, testApi } from '../support/api.ts';

const PROGRAM = graphql(`
  mutation MtProgram($input: ProgramInput!) { createProgram(input: $input) { id } }
`);
const OPEN = graphql(`
  mutation MtOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }
`);
const PERSON = graphql(`
  mutation MtPerson($input: PersonInput!) { createPerson(input: $input) { id } }
`);
const ENROL = graphql(`
  mutation MtEnrol($input: EnrolInput!) { enrol(input: $input) { status } }
`);
const RULE = graphql(`
  mutation MtRule($programId: ID!, $menteeId: ID!, $mentorId: ID!, $kind: PairRuleKind!) {
    setPairRule(programId: $programId, menteeId: $menteeId, mentorId: $mentorId, kind: $kind)
  }
`);
const RUN = graphql(`
  mutation MtRun($programId: ID!, $dryRun: Boolean) {
    runMatching(programId: $programId, dryRun: $dryRun) {
      id dryRun objective
      timings { readMs scoreMs solveMs writeMs }
      counts { mentees mentors places proposed pinned unmatched }
      proposals { id status score mentee { id } mentor { id } explanation { criterion weight score contribution } }
      unmatched { mentee { id } reason detail fix }
      fairness { byDepartment { group mentees matched matchRate } }
      diff { kept added dropped previousRun { id } }
      certification { certified eligiblePairs keptPairs rounds }
    }
  }
`);
const STATE = graphql(`
  query MtState($id: ID!) {
    program(id: $id) {
      proposals(first: 100) { edges { node { id status mentee { id } mentor { id } } } }
      matchingRuns { edges { node { id counts { proposed } } } }
    }
  }
`);
const DECIDE = graphql(`
  mutation MtDecide($id: ID!) { decideProposal(id: $id, version: 1, decision: APPROVE) { status } }
`);
const PERSON_PROPOSALS = graphql(`
  query MtPersonProposals($id: ID!) { person(id: $id) { proposals { id mentee { id } mentor { id } } } }
`);
const RUN_VIEW = graphql(`
  query MtRunView($id: ID!) { matchingRun(id: $id) { id counts { proposed } proposals { id } unmatched { reason } } }
`);

const local = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1] ?? '';

describe('matching runs through the API', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let a: { slug: string; manager: string };
  let b: { slug: string; manager: string };
  let programId = '';
  const ids: Record<string, string> = {};
  const manager = () => ({ token: a.manager });

  async function enrolNew(name: string, role: 'MENTOR' | 'MENTEE', over: Record<string, unknown> = {}, capacity?: number) {
    const input = {
      email: `${name}@example.org`,
      givenName: name,
      familyName: 'Test',
      timeZone: 'Europe/Amsterdam',
      languages: ['nl'],
      ...over,
    };
    const id = (await api.call(PERSON, { input }, manager())).data?.createPerson.id ?? '';
    await api.call(ENROL, { input: { personId: id, programId, role, reasons: ['GOAL_SETTING'], capacity } }, manager());
    ids[name] = id;
  }

  beforeAll(async () => {
    api = await testApi();
    a = await api.newTenant('Matching A');
    b = await api.newTenant('Matching B');
    programId =
      (await api.call(PROGRAM, { input: { name: 'Matched', matching: { objective: 'COVERAGE', minimumScore: 0.1 } } }, manager())).data
        ?.createProgram.id ?? '';
    await api.call(OPEN, { id: programId }, manager());
    await enrolNew('anna', 'MENTOR', { department: 'HR', yearsExperience: 20, skillsOffered: ['negotiation'] }, 2);
    await enrolNew('bert', 'MENTOR', { department: 'IT', yearsExperience: 15, skillsOffered: ['writing'] }, 1);
    await enrolNew('cora', 'MENTOR', { department: 'Sales', yearsExperience: 25, languages: ['en'] }, 1);
    for (const [name, over] of [
      ['ed', { department: 'IT', yearsExperience: 2, skillsSought: ['negotiation'] }],
      ['fay', { department: 'HR', yearsExperience: 3, skillsSought: ['writing'] }],
      ['gus', { department: 'IT', yearsExperience: 1, languages: ['en', 'nl'] }],
      ['hal', { department: 'Legal', yearsExperience: 4 }],
      ['ivy', { department: 'IT', yearsExperience: 2, languages: ['pl'] }],
    ] as const) {
      await enrolNew(name, 'MENTEE', over);
    }
    await api.call(RULE, { programId, menteeId: ids.hal ?? '', mentorId: ids.anna ?? '', kind: 'BLOCK' }, manager());
    await api.call(RULE, { programId, menteeId: ids.gus ?? '', mentorId: ids.cora ?? '', kind: 'PIN' }, manager());
  });

  it('answers a dry run with proposals and reasons, writing nothing', async () => {
    const res = await api.call(RUN, { programId, dryRun: true }, manager());
    expect(res.errors).toBeUndefined();
    const run = res.data?.runMatching;
    expect(run?.dryRun).toBe(true);
    expect(run?.counts).toMatchObject({ mentees: 5, mentors: 3, places: 4, proposed: 4, pinned: 1, unmatched: 1 });
    const state = await api.call(STATE, { id: programId }, manager());
    expect(state.data?.program?.proposals.edges).toEqual([]);
    expect(state.data?.program?.matchingRuns.edges).toEqual([]);
  });

  it('proposes the optimal pairs under every rule, with an explanation per proposal and a reason per mentee left out', async () => {
    const run = (await api.call(RUN, { programId }, manager())).data?.runMatching;
    const pairs = new Map(run?.proposals.map((p) => [p.mentee?.id, p.mentor?.id]));
    // The pin holds, the block holds, nobody beyond capacity, the Polish speaker is explained.
    expect(pairs.get(ids.gus)).toBe(ids.cora);
    expect(pairs.get(ids.hal)).not.toBe(ids.anna);
    const load = new Map<string | undefined, number>();
    for (const mentor of pairs.values()) load.set(mentor, (load.get(mentor) ?? 0) + 1);
    expect(load.get(ids.anna) ?? 0).toBeLessThanOrEqual(2);
    expect(load.get(ids.bert) ?? 0).toBeLessThanOrEqual(1);
    expect(load.get(ids.cora) ?? 0).toBeLessThanOrEqual(1);
    expect(run?.proposals.every((p) => p.status === 'PROPOSED')).toBe(true);
    for (const p of run?.proposals ?? []) {
      expect(p.explanation.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(p.score ?? -1, 3);
    }
    expect(run?.unmatched).toEqual([
      expect.objectContaining({
        mentee: { id: ids.ivy },
        reason: 'NO_SHARED_LANGUAGE',
        fix: 'One more Polish-speaking mentor with capacity.',
      }),
    ]);
    expect(run?.fairness.byDepartment.find((g) => g.group === 'IT')).toMatchObject({ mentees: 3, matched: 2 });
    // Optimal over every pair the rules allow, not only over each mentee's best candidates.
    expect(run?.certification).toMatchObject({ certified: true });
    expect(run?.certification?.eligiblePairs).toBeGreaterThan(0);
    expect(run?.certification?.eligiblePairs).toBe(run?.certification?.keptPairs);
  });

  it('never touches decisions already taken, and diffs against the previous run', async () => {
    const state = await api.call(STATE, { id: programId }, manager());
    const first = state.data?.program?.proposals.edges[0]?.node;
    expect((await api.call(DECIDE, { id: first?.id ?? '' }, manager())).data?.decideProposal.status).toBe('APPROVED');
    const again = (await api.call(RUN, { programId }, manager())).data?.runMatching;
    // Everyone with an open proposal stays out; only the Polish speaker is left, still unmatched.
    expect(again?.counts).toMatchObject({ mentees: 1, proposed: 0, unmatched: 1 });
    expect(again?.diff).toMatchObject({ kept: 0, added: 0, dropped: 4 });
    const after = await api.call(STATE, { id: programId }, manager());
    expect(after.data?.program?.proposals.edges.find((e) => e.node.id === first?.id)?.node.status).toBe('APPROVED');
    expect(after.data?.program?.matchingRuns.edges).toHaveLength(2);
    const view = await api.call(RUN_VIEW, { id: after.data?.program?.matchingRuns.edges[1]?.node.id ?? '' }, manager());
    expect(view.data?.matchingRun?.proposals).toHaveLength(4);
  });

  it('creates no duplicates when a run that crashed part-way is run again', async () => {
    const program =
      (await api.call(PROGRAM, { input: { name: 'Crashy', matching: { objective: 'COVERAGE', minimumScore: 0 } } }, manager())).data
        ?.createProgram.id ?? '';
    await api.call(OPEN, { id: program }, manager());
    const before = programId;
    programId = program;
    for (let i = 0; i < 3; i++) await enrolNew(`cm${i}`, 'MENTOR', { yearsExperience: 20 }, 2);
    for (let i = 0; i < 6; i++) await enrolNew(`ce${i}`, 'MENTEE', { yearsExperience: 1 });
    programId = before;
    const scope = {
      tenantId: a.slug,
      actor: { id: 'scheduler', role: 'operator' as const, tenantId: a.slug, personId: null },
      now: api.clock.now,
    };
    const real = api.services.proposals.createProposals;
    // The run dies after writing two of its proposals.
    api.services.proposals.createProposals = async (batch) => {
      await real(batch.slice(0, 2));
      throw new Error('run killed');
    };
    await expect(
      runMatching(api.services, scope, local(program), { dryRun: false, trigger: 'SCHEDULE', runId: 'slot-2026-03-02' }),
    ).rejects.toThrow('run killed');
    api.services.proposals.createProposals = real;
    const rerun = await runMatching(api.services, scope, local(program), { dryRun: false, trigger: 'SCHEDULE', runId: 'slot-2026-03-02' });
    // The two written before the crash count as open proposals now; the rest are written once.
    const all = (await api.call(STATE, { id: program }, manager())).data?.program?.proposals.edges ?? [];
    expect(all).toHaveLength(6);
    expect(new Set(all.map((e) => e.node.mentee?.id)).size).toBe(6);
    expect(rerun.counts.proposed).toBe(4);
    // Each side finds its proposals, whichever of the two writes made them: a mentee by the proposals'
    // index, a mentor by one pointer item per write (ADR 0079).
    const ofPerson = async (id: string) =>
      ((await api.call(PERSON_PROPOSALS, { id }, manager())).data?.person?.proposals ?? []).map((p) => p.id).sort();
    for (const name of ['cm0', 'cm1', 'cm2', 'ce0', 'ce3', 'ce5']) {
      const id = ids[name] ?? '';
      const expected = all.filter((e) => e.node.mentor?.id === id || e.node.mentee?.id === id).map((e) => e.node.id);
      expect(await ofPerson(id)).toEqual(expected.sort());
      expect(expected.length).toBeGreaterThan(0);
    }
  });

  it("lets only one run of a program write at a time, and frees a crashed run's lease", async () => {
    const now = api.clock.now.toISOString();
    const until = new Date(api.clock.now.getTime() + 10 * 60_000).toISOString();
    expect(await api.services.matching.acquireLease(a.slug, local(programId), 'someone-else', now, until)).toBe(true);
    expect(codes(await api.call(RUN, { programId }, manager()))).toEqual(['CONFLICT']);
    // A dry run writes nothing, so it needs no lease.
    expect((await api.call(RUN, { programId, dryRun: true }, manager())).errors).toBeUndefined();
    api.clock.advanceDays(1);
    expect((await api.call(RUN, { programId }, manager())).errors).toBeUndefined();
  });

  it('runs on schedule for programs that are due, once per slot', async () => {
    // Both programs ran by hand today: nothing is due until their schedule (weekly) comes round.
    expect((await runScheduledMatching(api.services)).runs.filter((r) => r.tenantId === a.slug)).toEqual([]);
    api.clock.advanceDays(7);
    const first = await runScheduledMatching(api.services);
    const mine = first.runs.filter((r) => r.tenantId === a.slug);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.runId.startsWith('sched-'))).toBe(true);
    const again = await runScheduledMatching(api.services);
    expect(again.runs.filter((r) => r.tenantId === a.slug)).toEqual([]);
    api.clock.advanceDays(7);
    const week = await runScheduledMatching(api.services);
    expect(week.runs.filter((r) => r.tenantId === a.slug).length).toBe(mine.length);
  });

  it("keeps one tenant's matching from another", async () => {
    expect(codes(await api.call(RUN, { programId }, { token: b.manager }))).toEqual(['NOT_FOUND']);
    const runs = (await api.call(STATE, { id: programId }, manager())).data?.program?.matchingRuns.edges ?? [];
    expect(codes(await api.call(RUN_VIEW, { id: runs[0]?.node.id ?? '' }, { token: b.manager }))).toEqual(['NOT_FOUND']);
  });
});
