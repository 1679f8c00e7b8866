import { managersAbove } from '#domain/people/people.ts';
import type { MatchingSettings } from '#domain/programs/programs.ts';
import { compileScorer } from './compiled.ts';
import type { Prepared } from './scoring.ts';

/** Why a mentor cannot be proposed to a mentee: the hard constraints, never violated. */
export type Exclusion =
  | 'SELF'
  | 'BLOCKED'
  | 'ENDED_BEFORE'
  | 'REPORTING_LINE'
  | 'MENTOR_FULL'
  | 'NOT_JUNIOR'
  | 'NO_SHARED_LANGUAGE'
  | 'BELOW_MINIMUM';

export interface Mentor extends Prepared {
  /** Places left: capacity minus running pairs and open proposals. */
  remaining: number;
}

export interface Rules {
  /** `${menteeId}|${mentorId}` pairs a manager has blocked. */
  blocked: ReadonlySet<string>;
  /** `${menteeId}|${mentorId}` pairs that ran before and ended: never repeated. */
  ended: ReadonlySet<string>;
  /** Reverse mentoring: the mentor must have fewer years of experience than the mentee (both known). */
  juniorMentors?: boolean;
}

export interface Edge {
  mentee: string;
  mentor: string;
  weight: number;
}

export interface MenteeOptions {
  /** Why each excluded mentor was excluded (the first constraint it fails). */
  exclusions: Partial<Record<Exclusion, number>>;
  /** The best score among mentors passing every other constraint, even if below the minimum. */
  bestScore: number | null;
  /** The edges kept for the solver. */
  edges: number;
}

export const pairKey = (menteeId: string, mentorId: string): string => `${menteeId}|${mentorId}`;

/** Reverse mentoring's eligibility: a mentor with fewer years of experience than the mentee, both known. */
const isJunior = (mentor: Prepared, mentee: Prepared): boolean =>
  mentor.yearsExperience !== null && mentee.yearsExperience !== null && mentor.yearsExperience < mentee.yearsExperience;

/**
 * The candidate pairs of one run, scored once and priced again on demand. The solver sees each
 * mentee's best `perMentee` edges (bounded memory, a fast solve); {@link CandidateSpace.visitPruned}
 * lets the run go back over the pairs left out, so that the assignment can be proved optimal over
 * every eligible pair, not only over the kept ones (see `exact.ts`).
 */
export interface CandidateSpace {
  /** The kept edges, each mentee's best first. */
  edges: Edge[];
  options: Map<string, MenteeOptions>;
  /** Pairs passing every hard constraint, the minimum score included: the graph the optimum is over. */
  eligiblePairs: number;
  /** Mentors in the order the indices below refer to (by id). */
  mentors: readonly Mentor[];
  /** Per mentee: the weakest kept score when some eligible pairs were left out, else NaN. */
  floor: Float64Array;
  /**
   * Calls `visit` for every eligible pair of mentee `i` among mentors `js` (indices into `mentors`)
   * that was not kept, with its score.
   */
  visitPruned(i: number, js: Iterable<number>, visit: (j: number, score: number) => void): void;
}

/**
 * Scores every allowed pair and keeps each mentee's best `perMentee` edges for the solver. Hard
 * constraints (in this order): not oneself, not blocked, not a pair that ended before, not within
 * the same reporting line (either way), a mentor with a place left, a shared language when the
 * program requires one, and a score at or above the program's minimum.
 */
export function candidateEdges(
  mentees: readonly Prepared[],
  mentors: readonly Mentor[],
  settings: MatchingSettings,
  rules: Rules,
  perMentee = 50,
): CandidateSpace {
  // Mentors in id order: ties in score then go to the smaller id, as they always have.
  const order = [...mentors].sort((x, y) => (x.personId < y.personId ? -1 : x.personId > y.personId ? 1 : 0));
  const scorer = compileScorer(mentees, order, settings);
  const index = new Map(order.map((m, j) => [m.personId, j]));
  const byEmail = new Map(order.map((m, j) => [m.email, j]));
  const managerOf = new Map<string, string | null>();
  for (const p of [...mentees, ...order]) managerOf.set(p.email, p.managerEmail);
  // Who is below each manager among the mentors, so a mentee's reporting-line conflicts are a lookup.
  const mentorsBelow = new Map<string, number[]>();
  order.forEach((m, j) => {
    for (const manager of managersAbove(m.email, managerOf)) mentorsBelow.set(manager, [...(mentorsBelow.get(manager) ?? []), j]);
  });
  const ruledOut = (pairs: ReadonlySet<string>) => {
    const out = new Map<string, number[]>();
    for (const key of pairs) {
      const [mentee = '', mentor = ''] = key.split('|');
      const j = index.get(mentor);
      if (j !== undefined) out.set(mentee, [...(out.get(mentee) ?? []), j]);
    }
    return out;
  };
  const blockedFor = ruledOut(rules.blocked);
  const endedFor = ruledOut(rules.ended);
  const SELF = 1;
  const BLOCK = 2;
  const ENDED = 3;
  const LINE = 4;
  const KEPT = 5;
  const mark = new Uint8Array(order.length);

  /** Marks the mentors a mentee's own rules rule out; returns them, for {@link unmark}. */
  const markFor = (mentee: Prepared): number[] => {
    const touched: number[] = [];
    const set = (j: number | undefined, why: number) => {
      if (j === undefined || mark[j]) return;
      mark[j] = why;
      touched.push(j);
    };
    set(index.get(mentee.personId), SELF);
    for (const j of blockedFor.get(mentee.personId) ?? []) set(j, BLOCK);
    for (const j of endedFor.get(mentee.personId) ?? []) set(j, ENDED);
    for (const manager of managersAbove(mentee.email, managerOf)) set(byEmail.get(manager), LINE);
    for (const j of mentorsBelow.get(mentee.email) ?? []) set(j, LINE);
    return touched;
  };
  const unmark = (touched: readonly number[]) => {
    for (const j of touched) mark[j] = 0;
  };
  const BY_MARK: (Exclusion | null)[] = [null, 'SELF', 'BLOCKED', 'ENDED_BEFORE', 'REPORTING_LINE'];
  /**
   * The hard constraints for mentee i (whose marks are set) and mentor j, in order: the first one
   * j fails, or null when it fails none (the pair is then scored; the minimum score is the caller's
   * to apply). The first scan and the pricing of left-out pairs both ask here, so they cannot disagree.
   */
  const excluded = (i: number, j: number): Exclusion | null => {
    const why = BY_MARK[mark[j] as number] ?? null;
    if (why) return why;
    if ((order[j] as Mentor).remaining <= 0) return 'MENTOR_FULL';
    if (rules.juniorMentors && !isJunior(order[j] as Mentor, mentees[i] as Prepared)) return 'NOT_JUNIOR';
    if (settings.requireSharedLanguage && !scorer.sharesLanguage(i, j)) return 'NO_SHARED_LANGUAGE';
    return null;
  };
  // The mentors a mentee is scored with, and their scores: one `totals` call a mentee (or a pricing).
  const passing = new Int32Array(order.length);
  const scores = new Float64Array(order.length);

  const heapScore = new Float64Array(perMentee);
  const heapMentor = new Int32Array(perMentee);
  /** Whether (score a, mentor ja) ranks below (score b, mentor jb): a lower score, or the same and a larger index. */
  const below = (a: number, ja: number, b: number, jb: number): boolean => a < b || (a === b && ja > jb);
  /** Puts (score, j) at the free slot `at` of the heap and moves it up. */
  const siftUp = (at: number, score: number, j: number): void => {
    let c = at;
    while (c > 0) {
      const p = (c - 1) >> 1;
      const ps = heapScore[p] as number;
      const pj = heapMentor[p] as number;
      if (!below(score, j, ps, pj)) break;
      heapScore[c] = ps;
      heapMentor[c] = pj;
      c = p;
    }
    heapScore[c] = score;
    heapMentor[c] = j;
  };
  /** Replaces the root of a heap of `size` with (score, j) and moves it down. */
  const siftDown = (size: number, score: number, j: number): void => {
    let p = 0;
    for (;;) {
      const l = 2 * p + 1;
      if (l >= size) break;
      let c = l;
      let cs = heapScore[l] as number;
      let cj = heapMentor[l] as number;
      const r = l + 1;
      if (r < size) {
        const rs = heapScore[r] as number;
        const rj = heapMentor[r] as number;
        if (below(rs, rj, cs, cj)) {
          c = r;
          cs = rs;
          cj = rj;
        }
      }
      if (!below(cs, cj, score, j)) break;
      heapScore[p] = cs;
      heapMentor[p] = cj;
      p = c;
    }
    heapScore[p] = score;
    heapMentor[p] = j;
  };
  const edges: Edge[] = [];
  const options = new Map<string, MenteeOptions>();
  const floor = new Float64Array(mentees.length).fill(Number.NaN);
  const kept: number[][] = [];
  let eligiblePairs = 0;

  mentees.forEach((mentee, i) => {
    const touched = markFor(mentee);
    const exclusions: Partial<Record<Exclusion, number>> = {};
    const exclude = (why: Exclusion) => {
      exclusions[why] = (exclusions[why] ?? 0) + 1;
    };
    let bestScore: number | null = null;
    let eligible = 0;
    // A min-heap of the best `perMentee`: the root is the weakest kept (lower score, then larger index).
    let size = 0;
    let n = 0;
    for (let j = 0; j < order.length; j++) {
      const why = excluded(i, j);
      if (why) exclude(why);
      else passing[n++] = j;
    }
    scorer.totals(i, passing, n, scores);
    for (let k = 0; k < n; k++) {
      const j = passing[k] as number;
      const total = scores[k] as number;
      bestScore = Math.max(bestScore ?? 0, total);
      if (total < settings.minimumScore) {
        exclude('BELOW_MINIMUM');
        continue;
      }
      eligible++;
      if (size < perMentee) {
        siftUp(size++, total, j);
      } else if (total > (heapScore[0] as number) || (total === heapScore[0] && j < (heapMentor[0] as number))) {
        siftDown(size, total, j);
      }
    }
    unmark(touched);
    const best = Array.from({ length: size }, (_, k) => ({ score: heapScore[k] ?? 0, j: heapMentor[k] ?? 0 })).sort(
      (a, b) => b.score - a.score || a.j - b.j,
    );
    for (const { j, score } of best) edges.push({ mentee: mentee.personId, mentor: (order[j] as Mentor).personId, weight: score });
    kept.push(best.map((b) => b.j));
    if (eligible > size) floor[i] = heapScore[0] ?? 0;
    eligiblePairs += eligible;
    options.set(mentee.personId, { exclusions, bestScore, edges: best.length });
  });

  return {
    edges,
    options,
    eligiblePairs,
    mentors: order,
    floor,
    visitPruned(i, js, visit) {
      const mentee = mentees[i] as Prepared;
      const touched = markFor(mentee);
      const own = kept[i] ?? [];
      for (const j of own) {
        if (!mark[j]) {
          mark[j] = KEPT;
          touched.push(j);
        }
      }
      let n = 0;
      for (const j of js) if (mark[j] !== KEPT && !excluded(i, j)) passing[n++] = j;
      scorer.totals(i, passing, n, scores);
      for (let k = 0; k < n; k++) {
        const total = scores[k] as number;
        if (total >= settings.minimumScore) visit(passing[k] as number, total);
      }
      unmark(touched);
    },
  };
}
