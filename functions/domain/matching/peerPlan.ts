import { type Contribution, newProposal } from '#domain/mentorships/proposals.ts';
import type { Enrolment } from '#domain/people/people.ts';
import { candidateEdges, type Mentor, pairKey } from './candidates.ts';
import { explainUnmatched, factsOf } from './explain.ts';
import { PEER_SCALE, type PeerInstance, solvePeer } from './peer.ts';
import { candidate, type Plan, type PlanInput, planOf, proposalId, type RunBasis } from './plan.ts';
import { type Prepared, prepare, scorePair } from './scoring.ts';

/**
 * A peer program's matching run, as a pure function (issue #20): the peers without a pair or an
 * open proposal, scored both ways — each one's needs against the other's strengths, and back —,
 * then the maximum-weight matching of the general graph (`peer.ts`, Edmonds' blossom method with a
 * dual certificate). The hard constraints are the one-to-one ones, made symmetric: not oneself,
 * not blocked or ended either way, no reporting line either way, a shared language when required;
 * the program's minimum applies to the pair's score, the mean of the two directions.
 */

/** Programs up to this many available peers are solved over every eligible pair; above it, over each peer's best {@link PEER_KEPT}. */
export const PEER_ALL_PAIRS_UP_TO = 600;
export const PEER_KEPT = 40;

/** The peers who can be paired now: enrolled as PEER, not withdrawn, no running pair, no open proposal. */
export function availablePeers(basis: RunBasis): Enrolment[] {
  const proposed = new Set(basis.open.flatMap((p) => [p.menteeId, p.mentorId]));
  return basis.enrolments.filter(
    (e) => e.role === 'PEER' && e.status !== 'WITHDRAWN' && (e.activeMentorships ?? 0) === 0 && !proposed.has(e.personId),
  );
}

const round3 = (x: number): number => Math.round(x * PEER_SCALE) / PEER_SCALE;

/** One explanation for the pair: each criterion's fit and share averaged over the two directions. */
function peerExplanation(
  aSeeks: ReturnType<typeof scorePair>,
  bSeeks: ReturnType<typeof scorePair>,
  facts: (c: Contribution['criterion']) => Contribution['facts'],
): Contribution[] {
  const byCriterion = new Map<Contribution['criterion'], { weight: number; scores: number[]; contribution: number }>();
  for (const part of [...aSeeks.parts, ...bSeeks.parts]) {
    const entry = byCriterion.get(part.criterion) ?? { weight: part.weight, scores: [], contribution: 0 };
    entry.scores.push(part.score);
    entry.contribution += part.contribution / 2;
    byCriterion.set(part.criterion, entry);
  }
  return [...byCriterion.entries()].map(([criterion, e]) => {
    const found = facts(criterion);
    return {
      criterion,
      weight: e.weight,
      score: e.scores.reduce((s, x) => s + x, 0) / e.scores.length,
      contribution: e.contribution,
      ...(found ? { facts: found } : {}),
    };
  });
}

export function planPeerRun(input: PlanInput): Plan {
  const { program, runId, now } = input;
  const settings = program.matching;
  const peers = availablePeers(input).flatMap((e) => {
    const person = input.people.get(e.personId);
    return person ? [{ e, person }] : [];
  });
  // Each peer twice: as the one who seeks (their needs) and as the one who offers (their strengths).
  const seekers = peers.map(({ e, person }) => prepare(candidate(person, e, 'MENTEE'), now));
  const offerers: Mentor[] = peers.map(({ e, person }) => ({ ...prepare(candidate(person, e, 'MENTOR'), now), remaining: 1 }));
  const seekerOf = new Map(seekers.map((s) => [s.personId, s]));
  const offererOf = new Map(offerers.map((o) => [o.personId, o]));

  const scoreStart = Date.now();
  // Rules hold either way round between peers.
  const both = (pairs: Iterable<{ menteeId: string; mentorId: string }>) =>
    new Set([...pairs].flatMap((p) => [pairKey(p.menteeId, p.mentorId), pairKey(p.mentorId, p.menteeId)]));
  const blocked = both(input.rules.filter((r) => r.kind === 'BLOCK'));
  const ended = both(input.ended);
  const all = peers.length <= PEER_ALL_PAIRS_UP_TO;
  // The minimum applies to the pair (both directions' mean), so every direction is kept here.
  const space = candidateEdges(seekers, offerers, { ...settings, minimumScore: 0 }, { blocked, ended }, all ? peers.length : PEER_KEPT);
  const directed = new Map<string, number>();
  for (const edge of space.edges) directed.set(pairKey(edge.mentee, edge.mentor), edge.weight);
  const weightOf = (a: string, b: string): number => {
    const kept = directed.get(pairKey(a, b));
    if (kept !== undefined) return kept;
    // A direction left out of a large program's kept edges: scored on its own (the constraints are symmetric).
    return scorePair(seekerOf.get(a) as Prepared, offererOf.get(b) as Prepared, settings).total;
  };
  const edges: PeerInstance['edges'] = [];
  const seen = new Set<string>();
  for (const edge of space.edges) {
    const [a, b] = edge.mentee < edge.mentor ? [edge.mentee, edge.mentor] : [edge.mentor, edge.mentee];
    const key = pairKey(a, b);
    if (seen.has(key)) continue;
    seen.add(key);
    const weight = round3((weightOf(a, b) + weightOf(b, a)) / 2);
    if (weight >= settings.minimumScore) edges.push({ a, b, weight });
  }
  const scoreMs = Date.now() - scoreStart;

  const objective = settings.objective === 'COVERAGE' ? 'coverage' : 'weight';
  const { solution } = solvePeer({ participants: peers.map(({ e }) => ({ id: e.personId })), edges }, objective);

  const proposals = solution.pairs.map(({ a, b, weight }) => {
    // `a` < `b`: the pair names a as its "mentor" side and b as its "mentee" side, for the record only.
    const aSeeks = scorePair(seekerOf.get(a) as Prepared, offererOf.get(b) as Prepared, settings);
    const bSeeks = scorePair(seekerOf.get(b) as Prepared, offererOf.get(a) as Prepared, settings);
    const facts = (criterion: Contribution['criterion']) => factsOf(criterion, seekerOf.get(b) as Prepared, offererOf.get(a) as Prepared);
    return newProposal(
      program,
      {
        menteeId: b,
        mentorId: a,
        menteeName: seekerOf.get(b)?.displayName ?? '',
        mentorName: seekerOf.get(a)?.displayName ?? '',
        peer: true,
      },
      {
        id: proposalId(runId, b, a),
        origin: 'MATCHING',
        runId,
        score: weight,
        explanation: peerExplanation(aSeeks, bSeeks, facts),
        now,
      },
    );
  });

  const paired = new Set(solution.pairs.flatMap((p) => [p.a, p.b]));
  const optionsOf = (id: string) => space.options.get(id) ?? { exclusions: {}, bestScore: null, edges: 0 };
  const unmatched = seekers
    .filter((s) => !paired.has(s.personId))
    .map((s) => {
      const hasEdge = edges.some((e) => e.a === s.personId || e.b === s.personId);
      return explainUnmatched(
        s,
        { ...optionsOf(s.personId), edges: hasEdge ? 1 : 0 },
        offerers,
        settings.minimumScore,
        input.options.languageName ?? ((c) => c),
      );
    });
  return planOf(input, {
    participants: seekers,
    scoreOf: new Map(solution.pairs.flatMap((p) => [[p.a, p.weight] as const, [p.b, p.weight] as const])),
    pairs: solution.pairs.map((p) => pairKey(p.b, p.a)),
    counts: {
      mentees: peers.length,
      mentors: peers.length,
      places: peers.length,
      edges: edges.length,
      proposed: proposals.length,
      pinned: 0,
      unmatched: unmatched.length,
    },
    objective: solution.objective,
    scoreMs,
    solveMs: solution.stats.solveMs,
    unmatched,
    // Over every eligible pair when all were scored; else over each peer's best PEER_KEPT.
    certification: { eligiblePairs: edges.length, keptPairs: edges.length, addedPairs: 0, pricedPairs: 0, rounds: 1, certified: all },
    proposals,
  });
}
