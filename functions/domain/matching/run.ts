import { createHash } from 'node:crypto';
import type { Scope } from '../actors.ts';
import { requireRole } from '../actors.ts';
import { type AuditEntry, auditEntry } from '../audit.ts';
import { DomainError, ErrorCode, notFound } from '../errors.ts';
import type { MentorshipStore } from '../mentorships.ts';
import type { Page, PageRequest } from '../pages.ts';
import type { Enrolment, PeopleStore, Person } from '../people.ts';
import type { MatchingSettings, Program, ProgramStore } from '../programs.ts';
import { type MatchProposal, newProposal, type ProposalStore } from '../proposals.ts';
import { solve } from './assignment.ts';
import { candidateEdges, type Mentor, pairKey } from './candidates.ts';
import { explainUnmatched, type Unmatched } from './explain.ts';
import { type Candidate, type Prepared, prepare, scorePair } from './scoring.ts';

export type RuleKind = 'PIN' | 'BLOCK';

/** A program manager's rule for one pair: must pair (pin) or never pair (block). */
export interface PairRule {
  tenantId: string;
  programId: string;
  menteeId: string;
  mentorId: string;
  kind: RuleKind;
  setBy: string;
  setAt: string;
}

export interface GroupFairness {
  group: string;
  mentees: number;
  matched: number;
  matchRate: number;
  averageScore: number | null;
}

export interface MatchingRun {
  id: string;
  tenantId: string;
  programId: string;
  status: 'DONE' | 'FAILED';
  dryRun: boolean;
  trigger: 'SCHEDULE' | 'MANUAL';
  requestedBy: string;
  startedAt: string;
  finishedAt: string;
  settings: MatchingSettings;
  counts: { mentees: number; mentors: number; places: number; edges: number; proposed: number; pinned: number; unmatched: number };
  objective: number;
  timings: { readMs: number; scoreMs: number; solveMs: number; writeMs: number };
  fairness: { byDepartment: GroupFairness[]; byLocation: GroupFairness[] };
  /** Against the previous run: pairs proposed again, new, and no longer proposed. */
  diff: { kept: number; added: number; dropped: number; previousRunId: string | null };
  /** `${menteeId}|${mentorId}` of every proposal, for the next run's diff. */
  pairs: string[];
  unmatched: Unmatched[];
  error: string | null;
  /** A dry run's proposals, which exist nowhere else. */
  proposals?: MatchProposal[];
}

export interface MatchingStore {
  listRules(tenantId: string, programId: string): Promise<PairRule[]>;
  putRule(
    rule: PairRule | { tenantId: string; programId: string; menteeId: string; mentorId: string; kind: 'NONE' },
    audit: AuditEntry,
  ): Promise<void>;
  /** Holds the program's matching for one run until `until` (a crashed run's lease lapses). False if another run holds it. */
  acquireLease(tenantId: string, programId: string, runId: string, now: string, until: string): Promise<boolean>;
  releaseLease(tenantId: string, programId: string, runId: string): Promise<void>;
  saveRun(run: MatchingRun, audit: AuditEntry): Promise<void>;
  getRun(tenantId: string, id: string): Promise<MatchingRun | null>;
  listRuns(tenantId: string, programId: string, page: PageRequest): Promise<Page<MatchingRun>>;
}

export interface MatchingDeps {
  matching: MatchingStore;
  programs: ProgramStore;
  people: PeopleStore;
  proposals: ProposalStore;
  mentorships: MentorshipStore;
  newId: () => string;
}

export const LEASE_MS = 10 * 60_000;
/** Proposals per bulk write (each is four items: the proposal, two pointers, its audit entry). */
const WRITE_BATCH = 50;

/** Proposal ids are deterministic per run and pair, so a re-run after a crash writes nothing twice. */
export const proposalId = (runId: string, menteeId: string, mentorId: string): string =>
  createHash('sha256')
    .update(`${runId}|${menteeId}|${mentorId}`)
    .digest('base64url')
    .slice(0, 26)
    .replace(/[^A-Za-z0-9]/g, 'x');

const candidate = (person: Person, enrolment: Enrolment, role: 'MENTOR' | 'MENTEE'): Candidate => ({
  personId: person.id,
  displayName: person.displayName,
  email: person.email,
  managerEmail: person.managerEmail,
  department: person.department,
  location: person.location,
  timeZone: person.timeZone,
  languages: person.languages,
  yearsExperience: person.yearsExperience,
  skills: role === 'MENTOR' ? person.skillsOffered : person.skillsSought,
  reasons: enrolment.reasons,
  hoursPerMonth: enrolment.hoursPerMonth,
  openToSponsoring: enrolment.openToSponsoring,
  shortlist: enrolment.shortlist,
});

function fairness(
  mentees: readonly Prepared[],
  scoreOf: ReadonlyMap<string, number>,
  groupOf: (p: Prepared) => string | null,
): GroupFairness[] {
  const groups = new Map<string, { mentees: number; matched: number; scoreSum: number }>();
  for (const m of mentees) {
    const key = groupOf(m) ?? '—';
    const g = groups.get(key) ?? { mentees: 0, matched: 0, scoreSum: 0 };
    g.mentees++;
    const score = scoreOf.get(m.personId);
    if (score !== undefined) {
      g.matched++;
      g.scoreSum += score;
    }
    groups.set(key, g);
  }
  return [...groups.entries()]
    .map(([group, g]) => ({
      group,
      mentees: g.mentees,
      matched: g.matched,
      matchRate: g.mentees ? Math.round((g.matched / g.mentees) * 1000) / 1000 : 0,
      averageScore: g.matched ? Math.round((g.scoreSum / g.matched) * 1000) / 1000 : null,
    }))
    .sort((a, b) => a.group.localeCompare(b.group));
}

export interface RunOptions {
  dryRun: boolean;
  trigger: 'SCHEDULE' | 'MANUAL';
  /** Given for a scheduled slot (or a retried request): the same id re-runs the same run. */
  runId?: string;
  languageName?: (code: string) => string;
}

/**
 * One matching run for a program: reads its open mentees and mentors with places left, scores the
 * allowed pairs, finds the optimal assignment, and writes a proposal per pair (approved at once when
 * the program says so) and a run record with explanations, fairness and the diff against the last
 * run. Decisions already taken are never touched: mentees with an open proposal or a running pair
 * are not matched again, and mentors' places count their open proposals. A dry run writes nothing.
 */
export async function runMatching(deps: MatchingDeps, scope: Scope, programId: string, options: RunOptions): Promise<MatchingRun> {
  requireRole(scope.actor, 'run matching', 'manager', 'operator');
  const started = Date.now();
  const program = await deps.programs.getProgram(scope.tenantId, programId);
  if (!program) throw notFound('Program');
  if (program.status !== 'OPEN' && program.status !== 'RUNNING') {
    throw new DomainError(ErrorCode.CONFLICT, 'conflict.state', { type: 'Program', from: program.status, to: 'matching' });
  }
  const runId = options.runId ?? deps.newId();
  const now = scope.now.toISOString();
  if (
    !options.dryRun &&
    !(await deps.matching.acquireLease(scope.tenantId, program.id, runId, now, new Date(scope.now.getTime() + LEASE_MS).toISOString()))
  ) {
    throw new DomainError(ErrorCode.CONFLICT, 'conflict.state', { type: 'matching run', from: 'RUNNING', to: 'RUNNING' });
  }
  try {
    return await runLocked(deps, scope, program, runId, options, started);
  } finally {
    if (!options.dryRun) await deps.matching.releaseLease(scope.tenantId, program.id, runId);
  }
}

async function runLocked(
  deps: MatchingDeps,
  scope: Scope,
  program: Program,
  runId: string,
  options: RunOptions,
  started: number,
): Promise<MatchingRun> {
  const t = scope.tenantId;
  const [enrolments, open, ended, rules, previous] = await Promise.all([
    deps.people.allEnrolments(t, program.id),
    deps.proposals.openProposals(t, program.id),
    deps.mentorships.endedPairs(t, program.id),
    deps.matching.listRules(t, program.id),
    deps.matching.listRuns(t, program.id, { first: 5, after: null }),
  ]);
  const proposedMentees = new Set(open.map((p) => p.menteeId));
  const openPerMentor = new Map<string, number>();
  for (const p of open) openPerMentor.set(p.mentorId, (openPerMentor.get(p.mentorId) ?? 0) + 1);
  const menteeEnrolments = enrolments.filter(
    (e) => e.role === 'MENTEE' && e.status !== 'WITHDRAWN' && (e.activeMentorships ?? 0) === 0 && !proposedMentees.has(e.personId),
  );
  const mentorEnrolments = enrolments.filter(
    (e) =>
      e.role === 'MENTOR' &&
      e.status !== 'WITHDRAWN' &&
      (e.capacity ?? 0) - (e.activeMentorships ?? 0) - (openPerMentor.get(e.personId) ?? 0) > 0,
  );
  const people = await deps.people.getPeople(t, [...new Set([...menteeEnrolments, ...mentorEnrolments].map((e) => e.personId))]);
  const at = scope.now;
  const mentees = menteeEnrolments.flatMap((e) => {
    const p = people.get(e.personId);
    return p ? [prepare(candidate(p, e, 'MENTEE'), at)] : [];
  });
  const mentors: Mentor[] = mentorEnrolments.flatMap((e) => {
    const p = people.get(e.personId);
    const remaining = (e.capacity ?? 0) - (e.activeMentorships ?? 0) - (openPerMentor.get(e.personId) ?? 0);
    return p ? [{ ...prepare(candidate(p, e, 'MENTOR'), at), remaining }] : [];
  });
  const readMs = Date.now() - started;

  // Pins first: a manager's must-pair takes its place before the optimiser sees the rest.
  const scoreStart = Date.now();
  const byId = new Map(mentors.map((m) => [m.personId, m]));
  const pinned: { mentee: Prepared; mentor: Mentor }[] = [];
  const pinnedMentees = new Set<string>();
  for (const rule of rules.filter((r) => r.kind === 'PIN')) {
    const mentee = mentees.find((m) => m.personId === rule.menteeId);
    const mentor = byId.get(rule.mentorId);
    if (!mentee || !mentor || mentor.remaining <= 0 || pinnedMentees.has(mentee.personId)) continue;
    mentor.remaining--;
    pinned.push({ mentee, mentor });
    pinnedMentees.add(mentee.personId);
  }
  const free = mentees.filter((m) => !pinnedMentees.has(m.personId));
  const blocked = new Set(rules.filter((r) => r.kind === 'BLOCK').map((r) => pairKey(r.menteeId, r.mentorId)));
  const endedPairs = new Set(ended.map((m) => pairKey(m.menteeId, m.mentorId)));
  const { edges, options: menteeOptions } = candidateEdges(free, mentors, program.matching, { blocked, ended: endedPairs });
  const scoreMs = Date.now() - scoreStart;

  const solved = solve(
    {
      mentors: mentors.map((m) => ({ id: m.personId, capacity: Math.max(0, m.remaining) })),
      mentees: free.map((m) => ({ id: m.personId })),
      edges,
    },
    program.matching.objective === 'COVERAGE' ? 'coverage' : 'weight',
  );
  const menteeOf = new Map(mentees.map((m) => [m.personId, m]));
  // Explanations for the chosen pairs only (the compiled scorer gave the same totals without parts).
  const chosen = [
    ...pinned,
    ...solved.assignments.flatMap((a) => {
      const mentee = menteeOf.get(a.mentee);
      const mentor = byId.get(a.mentor);
      return mentee && mentor ? [{ mentee, mentor }] : [];
    }),
  ].map(({ mentee, mentor }) => ({ mentee, mentor, score: scorePair(mentee, mentor, program.matching) }));

  const writeStart = Date.now();
  const proposals: MatchProposal[] = [];
  for (const c of chosen) {
    const proposal = newProposal(
      program,
      { menteeId: c.mentee.personId, mentorId: c.mentor.personId, menteeName: c.mentee.displayName, mentorName: c.mentor.displayName },
      {
        id: proposalId(runId, c.mentee.personId, c.mentor.personId),
        origin: 'MATCHING',
        runId,
        score: Math.round(c.score.total * 10_000) / 10_000,
        explanation: c.score.parts,
        now: scope.now,
      },
    );
    proposals.push(proposal);
  }
  if (!options.dryRun) {
    // In bulk, a few hundred items a call: a large program's run writes thousands of proposals.
    const batch = proposals.map((proposal) => ({
      proposal,
      audit: auditEntry(scope, deps.newId, 'proposal.create', { type: 'Proposal', id: proposal.id }, null, proposal),
    }));
    for (let k = 0; k < batch.length; k += WRITE_BATCH) await deps.proposals.createProposals(batch.slice(k, k + WRITE_BATCH));
  }
  const writeMs = Date.now() - writeStart;

  const matched = new Set(chosen.map((c) => c.mentee.personId));
  const unmatched = free
    .filter((m) => !matched.has(m.personId))
    .map((m) =>
      explainUnmatched(
        m,
        menteeOptions.get(m.personId) ?? { exclusions: {}, bestScore: null, edges: 0 },
        mentors,
        program.matching.minimumScore,
        options.languageName ?? ((c) => c),
      ),
    );
  const scoreOf = new Map(chosen.map((c) => [c.mentee.personId, c.score.total]));
  const pairs = chosen.map((c) => pairKey(c.mentee.personId, c.mentor.personId)).sort();
  const lastSummary = previous.items.find((r) => !r.dryRun && r.id !== runId) ?? null;
  const last = lastSummary ? await deps.matching.getRun(t, lastSummary.id) : null;
  const before = new Set(last?.pairs ?? []);
  const run: MatchingRun = {
    id: runId,
    tenantId: t,
    programId: program.id,
    status: 'DONE',
    dryRun: options.dryRun,
    trigger: options.trigger,
    requestedBy: scope.actor.id,
    // Timestamps on the injected clock (schedules compare them); durations on the wall clock.
    startedAt: scope.now.toISOString(),
    finishedAt: new Date(scope.now.getTime() + (Date.now() - started)).toISOString(),
    settings: program.matching,
    counts: {
      mentees: mentees.length,
      mentors: mentors.length,
      places: mentors.reduce((s, m) => s + Math.max(0, m.remaining), 0) + pinned.length,
      edges: edges.length,
      proposed: chosen.length,
      pinned: pinned.length,
      unmatched: unmatched.length,
    },
    objective: Math.round(chosen.reduce((s, c) => s + c.score.total, 0) * 10_000) / 10_000,
    timings: { readMs, scoreMs, solveMs: Math.round(solved.stats.solveMs), writeMs },
    fairness: {
      byDepartment: fairness(mentees, scoreOf, (m) => m.department),
      byLocation: fairness(mentees, scoreOf, (m) => m.location),
    },
    diff: {
      kept: pairs.filter((p) => before.has(p)).length,
      added: pairs.filter((p) => !before.has(p)).length,
      dropped: [...before].filter((p) => !pairs.includes(p)).length,
      previousRunId: last?.id ?? null,
    },
    pairs,
    unmatched,
    error: null,
    ...(options.dryRun ? { proposals } : {}),
  };
  if (!options.dryRun) {
    const { pairs: _p, unmatched: _u, ...summary } = run;
    await deps.matching.saveRun(
      run,
      auditEntry(scope, deps.newId, 'matching.run', { type: 'Program', id: program.id }, null, { run: summary.counts }),
    );
  }
  return run;
}

/** Sets, or with 'NONE' clears, a manager's pin or block for a pair. */
export async function setPairRule(
  deps: Pick<MatchingDeps, 'matching' | 'programs' | 'people' | 'newId'>,
  scope: Scope,
  input: { programId: string; menteeId: string; mentorId: string; kind: RuleKind | 'NONE' },
): Promise<void> {
  requireRole(scope.actor, 'pin or block pairs', 'manager');
  const program = await deps.programs.getProgram(scope.tenantId, input.programId);
  if (!program) throw notFound('Program');
  // A rule names two people of this program: an id from elsewhere (or nowhere) is not found, and nothing is written.
  const [mentee, mentor] = await Promise.all([
    deps.people.getEnrolment(scope.tenantId, input.menteeId, program.id, 'MENTEE'),
    deps.people.getEnrolment(scope.tenantId, input.mentorId, program.id, 'MENTOR'),
  ]);
  if (!mentee || !mentor) throw notFound('Person');
  const rule =
    input.kind === 'NONE'
      ? { tenantId: scope.tenantId, programId: program.id, menteeId: input.menteeId, mentorId: input.mentorId, kind: 'NONE' as const }
      : {
          tenantId: scope.tenantId,
          programId: program.id,
          menteeId: input.menteeId,
          mentorId: input.mentorId,
          kind: input.kind,
          setBy: scope.actor.id,
          setAt: scope.now.toISOString(),
        };
  await deps.matching.putRule(
    rule,
    auditEntry(scope, deps.newId, `matching.rule.${input.kind.toLowerCase()}`, { type: 'Program', id: program.id }, null, rule),
  );
}
