import { createHash } from 'node:crypto';
import { type MatchProposal, newProposal } from '#domain/mentorships/proposals.ts';
import { type Enrolment, isAway, type MatchingProfile } from '#domain/people/people.ts';
import { kindOf } from '#domain/programs/kinds.ts';
import type { Program } from '#domain/programs/programs.ts';
import { candidateEdges, type Mentor, pairKey } from './candidates.ts';
import { type Certification, solveExact } from './exact.ts';
import { explainUnmatched, factsOf, type Unmatched } from './explain.ts';
import { type Candidate, type PairScore, type Prepared, prepare, scorePair } from './scoring.ts';
import type { GroupFairness, MatchingRun, PairRule, RunOptions } from './types.ts';

/**
 * A matching run as a pure function: what was read goes in, the proposals and the run record come
 * out. `run.ts` does the reading before and the writing after; everything between is here, so it
 * can be tested and benchmarked without a table.
 */

/** Proposal ids are deterministic per run and pair, so a re-run after a crash writes nothing twice. */
export const proposalId = (runId: string, menteeId: string, mentorId: string): string =>
  createHash('sha256')
    .update(`${runId}|${menteeId}|${mentorId}`)
    .digest('base64url')
    .slice(0, 26)
    .replace(/[^A-Za-z0-9]/g, 'x');

/**
 * A run's proposal of a scored pair, with each criterion's concrete reason: one-to-one and group
 * runs alike (a group's names the mentor's circle). Peer runs explain both ways (peerPlan.ts).
 */
export function runProposal(
  program: Program,
  runId: string,
  now: Date,
  c: { mentee: Prepared; mentor: Prepared; score: PairScore },
  extra: { circleId?: string } = {},
): MatchProposal {
  return newProposal(
    program,
    {
      menteeId: c.mentee.personId,
      mentorId: c.mentor.personId,
      menteeName: c.mentee.displayName,
      mentorName: c.mentor.displayName,
      ...extra,
    },
    {
      id: proposalId(runId, c.mentee.personId, c.mentor.personId),
      origin: 'MATCHING',
      runId,
      score: Math.round(c.score.total * 10_000) / 10_000,
      explanation: c.score.parts.map((part) => {
        const facts = factsOf(part.criterion, c.mentee, c.mentor);
        return facts ? { ...part, facts } : part;
      }),
      now,
    },
  );
}

/** What a run reads first: the program's enrolments, open proposals, ended pairs and rules. */
export interface RunBasis {
  enrolments: readonly Enrolment[];
  open: readonly Pick<MatchProposal, 'menteeId' | 'mentorId'>[];
  ended: readonly { menteeId: string; mentorId: string }[];
  rules: readonly PairRule[];
}

/** Places a mentor has before open proposals are counted: capacity minus running pairs. */
const placesLeft = (e: Enrolment): number => (e.capacity ?? 0) - (e.activeMentorships ?? 0);

/**
 * Whether an enrolment can take part in a run at all, before open proposals are known: a mentee
 * without a pair, a mentor with a place. The run reads these people while the rest is still read.
 */
export const mayTakePart = (e: Enrolment): boolean =>
  e.status !== 'WITHDRAWN' && (e.role === 'MENTEE' ? (e.activeMentorships ?? 0) === 0 : placesLeft(e) > 0);

/**
 * Who takes part: mentees without a pair or open proposal, mentors with a place left after open
 * proposals and not away on `today` (YYYY-MM-DD; a mentor's own say over their load, ADR 0057).
 */
export function participants(
  basis: RunBasis,
  today = '',
): { mentees: Enrolment[]; mentors: Enrolment[]; openPerMentor: Map<string, number> } {
  const proposedMentees = new Set(basis.open.map((p) => p.menteeId));
  const openPerMentor = new Map<string, number>();
  for (const p of basis.open) openPerMentor.set(p.mentorId, (openPerMentor.get(p.mentorId) ?? 0) + 1);
  const mentees = basis.enrolments.filter((e) => e.role === 'MENTEE' && mayTakePart(e) && !proposedMentees.has(e.personId));
  const mentors = basis.enrolments.filter(
    (e) => e.role === 'MENTOR' && mayTakePart(e) && !isAway(e, today) && placesLeft(e) - (openPerMentor.get(e.personId) ?? 0) > 0,
  );
  return { mentees, mentors, openPerMentor };
}

export interface PlanInput extends RunBasis {
  program: Program;
  runId: string;
  options: RunOptions;
  requestedBy: string;
  now: Date;
  /** The people behind the participants' enrolments (what a run reads of them; a whole Person will do). */
  people: ReadonlyMap<string, MatchingProfile>;
  /** The last real run before this one, for the diff. */
  previous: Pick<MatchingRun, 'id' | 'pairs'> | null;
  /** Wall-clock start of the run (durations), and how long the reads took. */
  started: number;
  readMs: number;
  /** Candidate edges kept per mentee for the first solve (the result is exact whatever it is). */
  perMentee?: number;
  /** The wall clock the durations are read from (`Date.now` unless a test fixes it): the plan's only input it does not get as a value. */
  wallClock?: () => number;
}

export interface Plan {
  proposals: MatchProposal[];
  /** The run record, proposals aside (they are written as their own items; a dry run carries them). */
  run: MatchingRun;
  /** Against the last real run: the same as `run.diff`. */
  diff: MatchingRun['diff'];
}

export const candidate = (person: MatchingProfile, enrolment: Enrolment, role: 'MENTOR' | 'MENTEE'): Candidate => ({
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
  circleTopic: enrolment.circleTopic ?? null,
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

/** The participants of a run, prepared for scoring: mentees to place and mentors with their places left. */
export function prepareParticipants(input: RunBasis & Pick<PlanInput, 'people' | 'now'>): { mentees: Prepared[]; mentors: Mentor[] } {
  const { mentees: menteeEnrolments, mentors: mentorEnrolments, openPerMentor } = participants(input, input.now.toISOString().slice(0, 10));
  const mentees = menteeEnrolments.flatMap((e) => {
    const p = input.people.get(e.personId);
    return p ? [prepare(candidate(p, e, 'MENTEE'), input.now)] : [];
  });
  const mentors: Mentor[] = mentorEnrolments.flatMap((e) => {
    const p = input.people.get(e.personId);
    const remaining = (e.capacity ?? 0) - (e.activeMentorships ?? 0) - (openPerMentor.get(e.personId) ?? 0);
    return p ? [{ ...prepare(candidate(p, e, 'MENTOR'), input.now), remaining }] : [];
  });
  return { mentees, mentors };
}

/**
 * Pins first, then the optimal assignment of the rest over every eligible pair, then a proposal
 * per pair with its explanation, a reason per mentee left out, fairness and the diff.
 */
export function planRun(input: PlanInput): Plan {
  const { program, runId, now } = input;
  const clock = input.wallClock ?? Date.now;
  const { mentees, mentors } = prepareParticipants(input);

  // Pins first: a manager's must-pair takes its place before the optimiser sees the rest.
  const scoreStart = clock();
  const byId = new Map(mentors.map((m) => [m.personId, m]));
  const pinned: { mentee: Prepared; mentor: Mentor }[] = [];
  const pinnedMentees = new Set<string>();
  for (const rule of input.rules.filter((r) => r.kind === 'PIN')) {
    const mentee = mentees.find((m) => m.personId === rule.menteeId);
    const mentor = byId.get(rule.mentorId);
    if (!mentee || !mentor || mentor.remaining <= 0 || pinnedMentees.has(mentee.personId)) continue;
    mentor.remaining--;
    pinned.push({ mentee, mentor });
    pinnedMentees.add(mentee.personId);
  }
  const free = mentees.filter((m) => !pinnedMentees.has(m.personId));
  const blocked = new Set(input.rules.filter((r) => r.kind === 'BLOCK').map((r) => pairKey(r.menteeId, r.mentorId)));
  const endedPairs = new Set(input.ended.map((m) => pairKey(m.menteeId, m.mentorId)));
  const juniorMentors = kindOf(program) === 'REVERSE';
  const space = candidateEdges(free, mentors, program.matching, { blocked, ended: endedPairs, juniorMentors }, input.perMentee);
  const scoreMs = clock() - scoreStart;

  const objective = program.matching.objective === 'COVERAGE' ? 'coverage' : 'weight';
  const {
    solution: solved,
    certification,
    solveMs,
  } = solveExact(
    space,
    free.map((m) => m.personId),
    objective,
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

  const proposals = chosen.map((c) => runProposal(program, runId, now, c));

  const matched = new Set(chosen.map((c) => c.mentee.personId));
  const unmatched = free
    .filter((m) => !matched.has(m.personId))
    .map((m) =>
      explainUnmatched(
        m,
        space.options.get(m.personId) ?? { exclusions: {}, bestScore: null, edges: 0 },
        mentors,
        program.matching.minimumScore,
        input.options.languageName ?? ((c) => c),
      ),
    );
  return planOf(input, {
    participants: mentees,
    ...chosenFigures(chosen),
    counts: {
      mentees: mentees.length,
      mentors: mentors.length,
      places: mentors.reduce((s, m) => s + Math.max(0, m.remaining), 0) + pinned.length,
      edges: space.edges.length + certification.addedPairs,
      proposed: chosen.length,
      pinned: pinned.length,
      unmatched: unmatched.length,
    },
    scoreMs,
    solveMs,
    unmatched,
    certification,
    proposals,
  });
}

/** What a one-to-one or group plan's chosen pairs give its run record: each mentee's score, the pairs, their total. */
export function chosenFigures(
  chosen: readonly { mentee: Prepared; mentor: Prepared; score: { total: number } }[],
): Pick<PlanParts, 'scoreOf' | 'pairs' | 'objective'> {
  return {
    scoreOf: new Map(chosen.map((c) => [c.mentee.personId, c.score.total])),
    pairs: chosen.map((c) => pairKey(c.mentee.personId, c.mentor.personId)),
    objective: chosen.reduce((s, c) => s + c.score.total, 0),
  };
}

/** What a run's planning found, before it is put together as the run record. */
export interface PlanParts {
  /** Who was to be placed (the fairness figures are theirs): mentees, or a peer program's peers. */
  participants: readonly Prepared[];
  /** The score each placed participant got. */
  scoreOf: ReadonlyMap<string, number>;
  /** `pairKey` of every proposal, for the next run's diff. */
  pairs: string[];
  counts: MatchingRun['counts'];
  objective: number;
  scoreMs: number;
  solveMs: number;
  unmatched: Unmatched[];
  certification: Certification;
  proposals: MatchProposal[];
}

/** The run record of a plan, one-to-one or peer alike: fairness, the diff against the last real run, timings. */
export function planOf(input: PlanInput, parts: PlanParts): Plan {
  const { program, runId, now, options } = input;
  const clock = input.wallClock ?? Date.now;
  const pairs = [...parts.pairs].sort();
  const previous = input.previous && input.previous.id !== runId ? input.previous : null;
  const before = new Set(previous?.pairs ?? []);
  const after = new Set(pairs);
  const run: MatchingRun = {
    id: runId,
    tenantId: program.tenantId,
    programId: program.id,
    status: 'DONE',
    dryRun: options.dryRun,
    trigger: options.trigger,
    requestedBy: input.requestedBy,
    // Timestamps on the injected clock (schedules compare them); durations on the wall clock.
    startedAt: now.toISOString(),
    finishedAt: new Date(now.getTime() + (clock() - input.started)).toISOString(),
    settings: program.matching,
    counts: parts.counts,
    objective: Math.round(parts.objective * 10_000) / 10_000,
    timings: { readMs: input.readMs, scoreMs: parts.scoreMs, solveMs: Math.round(parts.solveMs), writeMs: 0 },
    fairness: {
      byDepartment: fairness(parts.participants, parts.scoreOf, (m) => m.department),
      byLocation: fairness(parts.participants, parts.scoreOf, (m) => m.location),
    },
    diff: {
      kept: pairs.filter((p) => before.has(p)).length,
      added: pairs.filter((p) => !before.has(p)).length,
      dropped: [...before].filter((p) => !after.has(p)).length,
      previousRunId: previous?.id ?? null,
    },
    pairs,
    unmatched: parts.unmatched,
    error: null,
    certification: parts.certification,
    ...(options.dryRun ? { proposals: parts.proposals } : {}),
  };
  return { proposals: parts.proposals, run, diff: run.diff };
}
