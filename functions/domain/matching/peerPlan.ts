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

type Way = { id: string; fit: ReturnType<typeof scorePair>; facts: (c: Contribution['criterion']) => Contribution['facts'] };

/**
 * One explanation for the pair: each criterion's fit and share averaged over the two directions, and
 * each direction on its own (`ways`: how what one peer seeks meets what the other offers), so the
 * console can say it both ways round.
 */
function peerExplanation(first: Way, second: Way): Contribution[] {
  const byCriterion = new Map<Contribution['criterion'], { weight: number; scores: number[]; contribution: number }>();
  for (const part of [...first.fit.parts, ...second.fit.parts]) {
    const entry = byCriterion.get(part.criterion) ?? { weight: part.weight, scores: [], contribution: 0 };
    entry.scores.push(part.score);
    entry.contribution += part.contribution / 2;
    byCriterion.set(part.criterion, entry);
  }
  const way = (w: Way, criterion: Contribution['criterion']) => {
    const facts = w.facts(criterion);
    return { seekerId: w.id, score: w.fit.parts.find((p) => p.criterion === criterion)?.score ?? 0, ...(facts ? { facts } : {}) };
  };
  return [...byCriterion.entries()].map(([criterion, e]) => {
    // The pair's facts are the "mentee" side's (the second peer's) view, as one-to-one pairs have them.
    const found = second.facts(criterion);
    return {
      criterion,
      weight: e.weight,
      score: e.scores.reduce((s, x) => s + x, 0) / e.scores.length,
      contribution: e.contribution,
      ...(found ? { facts: found } : {}),
      ways: [way(first, criterion), way(second, criterion)],
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

  // Pins first, as in a one-to-one run: a manager's must-pair takes both peers out before the solver
  // sees the rest (either way round: a pin between peers has no direction).
  const pinned: { a: string; b: string }[] = [];
  const pinnedIds = new Set<string>();
  for (const rule of input.rules.filter((r) => r.kind === 'PIN')) {
    const [a, b] = rule.mentorId < rule.menteeId ? [rule.mentorId, rule.menteeId] : [rule.menteeId, rule.mentorId];
    if (a === b || !seekerOf.has(a) || !seekerOf.has(b) || pinnedIds.has(a) || pinnedIds.has(b)) continue;
    pinned.push({ a, b });
    pinnedIds.add(a);
    pinnedIds.add(b);
  }
  const freeSeekers = seekers.filter((s) => !pinnedIds.has(s.personId));
  const freeOfferers = offerers.filter((o) => !pinnedIds.has(o.personId));
  const free = peers.filter(({ e }) => !pinnedIds.has(e.personId));

  const scoreStart = Date.now();
  // Rules hold either way round between peers.
  const both = (pairs: Iterable<{ menteeId: string; mentorId: string }>) =>
    new Set([...pairs].flatMap((p) => [pairKey(p.menteeId, p.mentorId), pairKey(p.mentorId, p.menteeId)]));
  const blocked = both(input.rules.filter((r) => r.kind === 'BLOCK'));
  const ended = both(input.ended);
  const all = free.length <= PEER_ALL_PAIRS_UP_TO;
  // The minimum applies to the pair (both directions' mean), so every direction is kept here.
  const space = candidateEdges(
    freeSeekers,
    freeOfferers,
    { ...settings, minimumScore: 0 },
    { blocked, ended },
    all ? free.length : PEER_KEPT,
  );
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
  const { solution } = solvePeer({ participants: free.map(({ e }) => ({ id: e.personId })), edges }, objective);
  const chosen = [...pinned.map(({ a, b }) => ({ a, b, weight: round3((weightOf(a, b) + weightOf(b, a)) / 2) })), ...solution.pairs];

  const proposals = chosen.map(({ a, b, weight }) => {
    // `a` < `b`: the pair names a as its "mentor" side and b as its "mentee" side, for the record only.
    const aSeeks = scorePair(seekerOf.get(a) as Prepared, offererOf.get(b) as Prepared, settings);
    const bSeeks = scorePair(seekerOf.get(b) as Prepared, offererOf.get(a) as Prepared, settings);
    const facts = (seeker: string, offerer: string) => (criterion: Contribution['criterion']) =>
      factsOf(criterion, seekerOf.get(seeker) as Prepared, offererOf.get(offerer) as Prepared);
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
        explanation: peerExplanation({ id: a, fit: aSeeks, facts: facts(a, b) }, { id: b, fit: bSeeks, facts: facts(b, a) }),
        now,
      },
    );
  });

  const paired = new Set(chosen.flatMap((p) => [p.a, p.b]));
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
    scoreOf: new Map(chosen.flatMap((p) => [[p.a, p.weight] as const, [p.b, p.weight] as const])),
    pairs: chosen.map((p) => pairKey(p.b, p.a)),
    counts: {
      mentees: peers.length,
      mentors: peers.length,
      places: peers.length,
      edges: edges.length,
      proposed: proposals.length,
      pinned: pinned.length,
      unmatched: unmatched.length,
    },
    objective: round3(chosen.reduce((sum, p) => sum + p.weight, 0)),
    scoreMs,
    solveMs: solution.stats.solveMs,
    unmatched,
    // Over every eligible pair when all were scored; else over each peer's best PEER_KEPT.
    certification: { eligiblePairs: edges.length, keptPairs: edges.length, addedPairs: 0, pricedPairs: 0, rounds: 1, certified: all },
    proposals,
  });
}
