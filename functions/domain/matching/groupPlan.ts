import { circleIdOf } from '#domain/mentorships/circleRecord.ts';
import { circleSizeOf } from '#domain/programs/kinds.ts';
import { candidateEdges, type Mentor, pairKey } from './candidates.ts';
import { type CircleMentor, solveCircles } from './circles.ts';
import { explainUnmatched, type Unmatched } from './explain.ts';
import { chosenFigures, type Plan, type PlanInput, planOf, prepareParticipants, runProposal } from './plan.ts';
import { type Prepared, scorePair } from './scoring.ts';

/**
 * A group program's matching run, as a pure function (issue #20, ADR 0076): mentees without a
 * circle or an open proposal go to mentors' circles. Each pair is scored as in one-to-one (the
 * mentee's circle topic weighs in through CIRCLE_TOPIC) under the same hard constraints; every
 * eligible pair is kept, and `circles.ts` finds the best assignment that opens no circle below the
 * program's minimum, proved exact or bounded. Each proposal names its circle; the circle starts
 * when its members accept (`mentorships/circles.ts`).
 */

export function planGroupRun(input: PlanInput): Plan {
  const { program, runId, now } = input;
  const clock = input.wallClock ?? Date.now;
  const size = circleSizeOf(program);
  const { mentees, mentors } = prepareParticipants(input);
  const scoreStart = clock();
  const blocked = new Set(input.rules.filter((r) => r.kind === 'BLOCK').map((r) => pairKey(r.menteeId, r.mentorId)));
  const ended = new Set(input.ended.map((m) => pairKey(m.menteeId, m.mentorId)));
  // Circles are few: every eligible pair is kept, so the search below is over all of them.
  const space = candidateEdges(mentees, mentors, program.matching, { blocked, ended }, Math.max(1, mentors.length));
  const scoreMs = clock() - scoreStart;

  // A circle already started (members or open proposals) is open: it needs no minimum of new members.
  const enrolmentOf = new Map(input.enrolments.map((e) => [`${e.personId}|${e.role}`, e]));
  const openOf = new Map<string, number>();
  for (const p of input.open) openOf.set(p.mentorId, (openOf.get(p.mentorId) ?? 0) + 1);
  const circleMentors: CircleMentor[] = mentors.map((m) => {
    const current = (enrolmentOf.get(`${m.personId}|MENTOR`)?.activeMentorships ?? 0) + (openOf.get(m.personId) ?? 0);
    return { id: m.personId, capacity: m.remaining, minimum: Math.max(0, size.minimum - current) };
  });
  const objective = program.matching.objective === 'COVERAGE' ? 'coverage' : 'weight';
  const solved = solveCircles(
    {
      mentors: circleMentors,
      mentees: mentees.map((m) => ({ id: m.personId })),
      edges: space.edges,
    },
    objective,
  );

  const menteeOf = new Map(mentees.map((m) => [m.personId, m]));
  const mentorOf = new Map(mentors.map((m) => [m.personId, m]));
  const chosen = solved.assignments.flatMap((a) => {
    const mentee = menteeOf.get(a.mentee);
    const mentor = mentorOf.get(a.mentor);
    return mentee && mentor ? [{ mentee, mentor, score: scorePair(mentee, mentor, program.matching) }] : [];
  });
  const proposals = chosen.map((c) => runProposal(program, runId, now, c, { circleId: circleIdOf(program.id, c.mentor.personId) }));

  const placed = new Set(chosen.map((c) => c.mentee.personId));
  const closed = new Set(solved.certificate.closed);
  const unmatched = mentees
    .filter((m) => !placed.has(m.personId))
    .map((m) => unplaced(m, space, mentors, closed, program.matching.minimumScore, input.options.languageName ?? ((c) => c)));
  return planOf(input, {
    participants: mentees,
    ...chosenFigures(chosen),
    counts: {
      mentees: mentees.length,
      mentors: mentors.length,
      places: mentors.reduce((s, m) => s + Math.max(0, m.remaining), 0),
      edges: space.edges.length,
      proposed: chosen.length,
      pinned: 0,
      unmatched: unmatched.length,
    },
    scoreMs,
    solveMs: solved.solveMs,
    unmatched,
    certification: {
      eligiblePairs: space.eligiblePairs,
      keptPairs: space.edges.length,
      addedPairs: 0,
      pricedPairs: 0,
      rounds: 1,
      // Over every eligible pair, and exact under the minimum only when the search finished.
      certified: space.edges.length === space.eligiblePairs && solved.certificate.method === 'EXACT',
      circles: solved.certificate,
    },
    proposals,
  });
}

/** A mentee left out: when a circle that fits them was not opened, that is the reason; else as one-to-one says. */
function unplaced(
  mentee: Prepared,
  space: ReturnType<typeof candidateEdges>,
  mentors: readonly Mentor[],
  closed: ReadonlySet<string>,
  minimumScore: number,
  languageName: (code: string) => string,
): Unmatched {
  const options = space.options.get(mentee.personId) ?? { exclusions: {}, bestScore: null, edges: 0 };
  const fits = space.edges.filter((e) => e.mentee === mentee.personId);
  if (fits.some((e) => closed.has(e.mentor))) {
    return {
      menteeId: mentee.personId,
      bestScore: options.bestScore,
      reason: 'CIRCLE_NOT_OPENED',
      detail: 'A circle that fits this mentee would stay below the program’s minimum circle size, so it was not opened.',
      fix: 'Lower the minimum circle size, or enrol more mentees who fit the same circle.',
    };
  }
  return explainUnmatched(mentee, options, mentors, minimumScore, languageName);
}
