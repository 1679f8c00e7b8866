import { type Certificate, type Instance, type Objective, type Solution, solveWithCertificate } from './assignment.ts';
import type { CandidateSpace, Edge } from './candidates.ts';
import type { CircleCertificate } from './circles.ts';

/**
 * How the run's assignment was proved optimal over every eligible pair, not only the kept ones.
 *
 * The solver sees each mentee's best k edges. Its duals (u, v) prove the assignment optimal for that
 * graph; they prove it optimal for the whole eligible graph as soon as they are feasible there too,
 * that is when no left-out pair has a positive reduced cost w_ij − u_i − v_j (weak duality: the
 * assignment is feasible in the larger graph and its weight equals a feasible dual bound). So the
 * pruned pairs are priced against the duals; violators are added and the graph solved again, until
 * none is left. Each round adds at least one pair, so it ends; usually after one or two rounds.
 *
 * Pricing is cheap: a pruned pair of mentee i weighs at most i's weakest kept edge (its floor), so
 * only mentors with v_j < floor_i − u_i can violate; mentors are taken in order of price and the
 * scan stops there. A matched mentee's u usually reaches its floor, and then nothing is scored.
 */
export interface Certification {
  /** Every pair passing the hard constraints, the minimum score included. */
  eligiblePairs: number;
  /** Pairs the first solve saw (each mentee's best k). */
  keptPairs: number;
  /** Left-out pairs added because they violated the certificate. */
  addedPairs: number;
  /** Left-out pairs scored again while pricing. */
  pricedPairs: number;
  rounds: number;
  /** The duals are feasible over all eligible pairs: the assignment is optimal over all of them. */
  certified: boolean;
  /** A group program's run: what the search under the minimum circle size proved (`circles.ts`, ADR 0076). */
  circles?: CircleCertificate;
}

export interface ExactResult {
  solution: Solution;
  certificate: Certificate;
  /** The instance of the last round (mentors in the space's order), which the certificate indexes. */
  instance: Instance;
  certification: Certification;
  /** Solving and pricing, all rounds. */
  solveMs: number;
}

/** Violated pairs added per mentee and round. */
const PER_ROUND = 5;

/** Solves on the kept edges, then prices, adds and re-solves until the certificate holds over every eligible pair. */
export function solveExact(space: CandidateSpace, menteeIds: readonly string[], objective: Objective, maxRounds = 100): ExactResult {
  const mentorCount = space.mentors.length;
  const mentors = space.mentors.map((m) => ({ id: m.personId, capacity: Math.max(0, m.remaining) }));
  const mentees = menteeIds.map((id) => ({ id }));
  const edges: Edge[] = [...space.edges];
  const added = new Set<number>();
  let priced = 0;
  const started = performance.now();
  for (let round = 1; ; round++) {
    const instance: Instance = { mentors, mentees, edges };
    const { solution, certificate } = solveWithCertificate(instance, objective);
    const { scale, offset, mentee: u, mentor: v } = certificate;
    const byPrice = Int32Array.from({ length: mentorCount }, (_, j) => j).sort((a, b) => (v[a] as number) - (v[b] as number));
    let violators = 0;
    for (let i = 0; i < mentees.length; i++) {
      const floor = space.floor[i] as number;
      if (Number.isNaN(floor)) continue;
      const ui = u[i] as number;
      const limit = Math.round(floor * scale) + offset - ui;
      if (limit <= 0) continue;
      let count = 0;
      while (count < mentorCount && (v[byPrice[count] as number] as number) < limit) count++;
      if (count === 0) continue;
      const found: { j: number; score: number; violation: number }[] = [];
      space.visitPruned(i, byPrice.subarray(0, count), (j, score) => {
        priced++;
        const violation = Math.round(score * scale) + offset - ui - (v[j] as number);
        if (violation > 0 && !added.has(i * mentorCount + j)) found.push({ j, score, violation });
      });
      // The most violated pairs first, a few per mentee a round: enough to move the duals, few enough
      // to keep the graph small when many mentees share the same crowded mentors.
      found.sort((a, b) => b.violation - a.violation || a.j - b.j);
      for (const { j, score } of found.slice(0, PER_ROUND)) {
        added.add(i * mentorCount + j);
        edges.push({ mentee: menteeIds[i] as string, mentor: (space.mentors[j] as { personId: string }).personId, weight: score });
        violators++;
      }
    }
    const done = violators === 0;
    if (done || round >= maxRounds) {
      return {
        solution,
        certificate,
        instance,
        solveMs: performance.now() - started,
        certification: {
          eligiblePairs: space.eligiblePairs,
          keptPairs: space.edges.length,
          addedPairs: added.size,
          pricedPairs: priced,
          rounds: round,
          certified: done,
        },
      };
    }
  }
}
