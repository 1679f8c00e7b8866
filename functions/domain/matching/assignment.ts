/**
 * The optimal assignment of mentees to mentors: a maximum-weight b-matching on the bipartite graph
 * of candidate pairs. Each mentee gets at most one mentor, mentor j at most c_j mentees, and only
 * pairs with an edge may be chosen.
 *
 * ## The linear programme and its certificate
 *
 *   primal  max Σ_e w_e x_e   s.t.  Σ_{e∋i} x_e ≤ 1 (mentee i),  Σ_{e∋j} x_e ≤ c_j (mentor j),  x ≥ 0
 *   dual    min Σ_i u_i + Σ_j c_j v_j   s.t.  u_i + v_j ≥ w_ij (every edge),  u ≥ 0,  v ≥ 0
 *
 * The graph is bipartite, so the constraint matrix is totally unimodular and the primal has an
 * integral optimum. For an integral assignment x and duals (u, v), weak duality gives
 * Σ w x ≤ Σ u + Σ c v; equality, and so optimality of both, holds exactly when the duals are
 * feasible and complementary slackness holds:
 *   (a) every chosen edge is tight, u_i + v_j = w_ij;
 *   (b) u_i > 0 only for a matched mentee;
 *   (c) v_j > 0 only for a full mentor.
 * The solver returns such duals ({@link Certificate}); {@link verifyOptimal} checks them in O(E).
 *
 * ## The algorithm: primal-dual augmentation, one root at a time (the Hungarian method)
 *
 * The solver keeps a partial assignment and duals with feasibility and (a)–(c) for every mentee
 * processed so far, then takes the mentees in turn. Mentee i starts with the smallest feasible
 * u_i = max(0, max_j w_ij − v_j). If that is 0, or its best mentor has a free place, it is done at
 * once (the common case early on). Otherwise a Dijkstra search runs from i over reduced costs
 * r_kj = u_k + v_j − w_kj ≥ 0 along alternating paths: mentee → mentor by a candidate edge, a full
 * mentor → each mentee it holds (tight edges, cost 0). The search stops at the nearest of three
 * exits, at distance D:
 *   - a mentor with a free place, reached at distance d_j      → augment: one more mentee matched;
 *   - a mentee k held on the path, at distance d_k + u_k      → k is let go, i takes the chain;
 *   - i itself staying unmatched, at distance u_i.
 * Then every mentor scanned nearer than D gains D − d_j on v_j and every mentee scanned loses
 * D − d_k on u_k. This keeps all reduced costs ≥ 0 (Dijkstra's labels are shortest distances),
 * keeps the path tight, lowers the leaving mentee's u_k to exactly 0, never lets a u go below 0
 * (D ≤ d_k + u_k) and raises v only on full mentors (a mentor with a free place is an exit, never
 * scanned). So each step restores (a)–(c) for one more mentee and the last step proves the whole
 * assignment optimal. Capacities are handled implicitly: a mentor is one node with one price and a
 * list of holders, not c_j cloned slots. Edges to mentors of capacity 0 are left out of the graph
 * (their v_j is set afterwards to the smallest feasible value; c_j v_j = 0).
 *
 * The search only ever scans mentors strictly nearer than the best exit found so far, and never
 * queues one farther away, so it stays small: the exit "i stays unmatched" bounds it by u_i. A
 * mentee's edges are skipped at once when a kept lower bound on v_j − w_ij shows none can come
 * nearer than that exit.
 *
 * ## The mirror image: rooted at the mentors
 *
 * The same method runs with the sides swapped ({@link matchFromMentors}): each mentor in turn
 * starts from its smallest feasible v_j and lowers it, one search per place it fills, until it is
 * full or v_j = 0; the exits are an unmatched mentee, a mentor on the path whose v drops to 0 as it
 * gives up a mentee, or the root itself reaching v = 0. Either direction ends with (a)–(c) for
 * everyone. What differs is speed: searches get long when the side being placed runs out of room
 * on the other side (all places taken while mentees still arrive, the prices then found one long
 * search at a time). So when the mentors have clearly fewer places than there are mentees (the
 * usual mentoring programme), the searches start from the mentors, and otherwise from the mentees.
 *
 * ## Exact arithmetic
 *
 * Weights are rounded to integers, w·scale with scale = 10⁶ (so weights given with up to six
 * decimals are taken exactly; finer ones are rounded to the nearest 10⁻⁶). All sums and duals are
 * then integers held in float64, exact below 2⁵³; the scale is lowered by powers of ten only if the
 * instance's magnitudes would otherwise reach that bound, and it is reported in the solution.
 *
 * ## The coverage objective
 *
 * First the most mentees matched, then the most weight among those assignments. Every edge gets a
 * bonus M larger than the weight of any assignment (M = Σ_i max_e w_e + 1, in scaled units), so one
 * more matched mentee outweighs any loss of weight, and among assignments matching equally many the
 * bonuses cancel and weight decides. The same algorithm then solves the lexicographic problem.
 */

import { IndexedHeap } from './heap.ts';

export interface Instance {
  mentors: { id: string; capacity: number }[];
  mentees: { id: string }[];
  edges: { mentee: string; mentor: string; weight: number }[];
}

export type Objective = 'weight' | 'coverage';

export interface Assignment {
  mentee: string;
  mentor: string;
  weight: number;
}

export interface SolveStats {
  mentees: number;
  mentors: number;
  edges: number;
  solveMs: number;
  /** Roots settled from their own edges alone (no search beyond them). */
  direct: number;
  /** Dijkstra searches that went beyond their root. */
  searches: number;
  /** Roots or searches that ended matching one more mentee. */
  augmentations: number;
  /** Searches that ended by letting a mentee go (from mentees) or a mentor's price fall to 0 (from mentors). */
  swaps: number;
  /** Nodes scanned over all searches (mentors when rooted at mentees, mentors reached when rooted at mentors). */
  scanned: number;
  /** Candidate edges looked at while scanning (the root's own edges aside): the searches' work. */
  examined: number;
  /** The side the searches started from. */
  root: 'mentees' | 'mentors';
  /** Weights were taken as round(weight × weightScale): exact for this many decimals' worth. */
  weightScale: number;
}

export interface Solution {
  /** Sorted by mentee id. */
  assignments: Assignment[];
  /** Total weight of the assignments: the sum of their edge weights, as given. */
  objective: number;
  /** Number of mentees assigned. */
  matched: number;
  stats: SolveStats;
}

/**
 * The dual solution proving optimality, in the solver's integer units: every weight is
 * round(weight × scale) + offset (offset is the coverage bonus M, 0 for the weight objective).
 * `mentee[i]` is u for `instance.mentees[i]`, `mentor[j]` is v for `instance.mentors[j]`.
 */
export interface Certificate {
  scale: number;
  offset: number;
  mentee: Float64Array;
  mentor: Float64Array;
}

/** The optimal assignment for the objective. The instance is expected to be valid (see `parseInstance`). */
export function solve(instance: Instance, objective: Objective, options: SolveOptions = {}): Solution {
  return solveWithCertificate(instance, objective, options).solution;
}

/** Scaled integer weight of an edge, the same in the solver and the verifier. */
const scaled = (weight: number, scale: number): number => Math.round(weight * scale);

/**
 * The weight scale and coverage bonus: 10⁶, unless max(mentees + 1, 4) × (largest weight + bonus)
 * would pass 2⁵³. No total the solver or the verifier forms can exceed that (every dual is at most
 * the largest weight, a search distance at most three of them, the objective at most one per
 * mentee), so all arithmetic stays exact. `menteeMax` holds each mentee's largest weight to a
 * mentor with room: the coverage bonus must beat the weight of any assignment, which is at most
 * their sum.
 */
function units(menteeMax: Float64Array, objective: Objective): { scale: number; offset: number } {
  let maxWeight = 0;
  for (const w of menteeMax) if (w > maxWeight) maxWeight = w;
  const terms = Math.max(menteeMax.length + 1, 4);
  for (let exponent = 6; ; exponent--) {
    const scale = 10 ** exponent;
    let offset = 0;
    if (objective === 'coverage') {
      for (const w of menteeMax) offset += scaled(w, scale);
      offset += 1;
    }
    if (terms * (scaled(maxWeight, scale) + offset) <= Number.MAX_SAFE_INTEGER || scale === 0) return { scale, offset };
  }
}

/** The candidate graph in flat arrays: CSR adjacency by mentee, integer weights. */
interface Graph {
  n: number;
  m: number;
  scale: number;
  offset: number;
  /** Mentee i's edges are start[i] .. start[i + 1]. */
  start: Int32Array;
  mentorOf: Int32Array;
  menteeOf: Int32Array;
  weight: Float64Array;
  /** Index of the edge in `instance.edges`. */
  origin: Int32Array;
  /** For every edge of the instance, capacity-0 mentors' too: its mentee's and mentor's index. */
  edgeMentee: Int32Array;
  edgeMentor: Int32Array;
  /** Capacity, clamped to the mentor's degree + 1 (anything above its degree can never fill). */
  capacity: Int32Array;
  /** Mentor j's holders live in holders[slotStart[j] .. slotStart[j] + held[j]]. */
  slotStart: Int32Array;
}

function buildGraph(instance: Instance, objective: Objective): Graph {
  const n = instance.mentees.length;
  const m = instance.mentors.length;
  const menteeIndex = new Map<string, number>();
  const mentorIndex = new Map<string, number>();
  for (let i = 0; i < n; i++) menteeIndex.set((instance.mentees[i] as Instance['mentees'][number]).id, i);
  const given = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const mentor = instance.mentors[j] as Instance['mentors'][number];
    mentorIndex.set(mentor.id, j);
    given[j] = mentor.capacity;
  }
  const edgeCount = instance.edges.length;
  const edgeMentee = new Int32Array(edgeCount);
  const edgeMentor = new Int32Array(edgeCount);
  const menteeDegree = new Int32Array(n + 1);
  const mentorDegree = new Int32Array(m);
  const menteeMax = new Float64Array(n);
  let lastMentee = '';
  let lastIndex = -1;
  for (let k = 0; k < edgeCount; k++) {
    const edge = instance.edges[k] as Instance['edges'][number];
    // Edges usually come grouped by mentee: skip the look-up when it repeats.
    const i = edge.mentee === lastMentee && lastIndex >= 0 ? lastIndex : menteeIndex.get(edge.mentee);
    const j = mentorIndex.get(edge.mentor);
    if (i === undefined) throw new Error(`edges[${k}]: mentee "${edge.mentee}" is not in mentees`);
    if (j === undefined) throw new Error(`edges[${k}]: mentor "${edge.mentor}" is not in mentors`);
    lastMentee = edge.mentee;
    lastIndex = i;
    edgeMentee[k] = i;
    edgeMentor[k] = j;
    if ((given[j] as number) > 0) {
      menteeDegree[i + 1] = (menteeDegree[i + 1] as number) + 1;
      mentorDegree[j] = (mentorDegree[j] as number) + 1;
      if (edge.weight > (menteeMax[i] as number)) menteeMax[i] = edge.weight;
    }
  }
  const { scale, offset } = units(menteeMax, objective);
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = (start[i] as number) + (menteeDegree[i + 1] as number);
  const size = start[n] as number;
  const mentorOf = new Int32Array(size);
  const menteeOf = new Int32Array(size);
  const weight = new Float64Array(size);
  const origin = new Int32Array(size);
  const fill = start.slice(0, n);
  for (let k = 0; k < edgeCount; k++) {
    const j = edgeMentor[k] as number;
    if ((given[j] as number) <= 0) continue;
    const i = edgeMentee[k] as number;
    const e = fill[i] as number;
    fill[i] = e + 1;
    mentorOf[e] = j;
    menteeOf[e] = i;
    weight[e] = scaled((instance.edges[k] as Instance['edges'][number]).weight, scale) + offset;
    origin[e] = k;
  }
  const capacity = new Int32Array(m);
  const slotStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) {
    const degree = mentorDegree[j] as number;
    const c = Math.min(given[j] as number, degree + 1);
    capacity[j] = c;
    slotStart[j + 1] = (slotStart[j] as number) + Math.min(c, degree);
  }
  return { n, m, scale, offset, start, mentorOf, menteeOf, weight, origin, edgeMentee, edgeMentor, capacity, slotStart };
}

interface Matching {
  root: 'mentees' | 'mentors';
  /** CSR edge index of each mentee's assignment, −1 if unmatched. */
  mate: Int32Array;
  u: Float64Array;
  v: Float64Array;
  counts: { direct: number; searches: number; augmentations: number; swaps: number; scanned: number; examined: number };
}

/**
 * The assignment and the duals, as both directions keep them: each mentee's edge (`mate`), each
 * mentor's holders in its own slice of one array (mentor j's are holders[slotStart[j] ..
 * slotStart[j] + held[j]]), and u, v.
 */
class State {
  readonly u: Float64Array;
  readonly v: Float64Array;
  readonly mate: Int32Array;
  readonly held: Int32Array;
  readonly holders: Int32Array;
  private readonly slotOf: Int32Array;
  private readonly slotStart: Int32Array;

  constructor(g: Graph) {
    this.u = new Float64Array(g.n);
    this.v = new Float64Array(g.m);
    this.mate = new Int32Array(g.n).fill(-1);
    this.held = new Int32Array(g.m);
    this.holders = new Int32Array(g.slotStart[g.m] as number);
    this.slotOf = new Int32Array(g.n);
    this.slotStart = g.slotStart;
  }

  /** Mentor j takes mentee k (mate is the caller's to set). */
  add(j: number, k: number): void {
    const { held, holders } = this;
    const pos = (this.slotStart[j] as number) + (held[j] as number);
    holders[pos] = k;
    this.slotOf[k] = pos;
    held[j] = (held[j] as number) + 1;
  }

  /** Mentor j lets mentee k go (mate is the caller's to set). */
  remove(j: number, k: number): void {
    const { held, holders, slotOf } = this;
    const last = (this.slotStart[j] as number) + (held[j] as number) - 1;
    const pos = slotOf[k] as number;
    const moved = holders[last] as number;
    holders[pos] = moved;
    slotOf[moved] = pos;
    held[j] = (held[j] as number) - 1;
  }
}

const STAY = 0;
const DROP = 1;
const FREE = 2;

/** The primal-dual method described at the top of this file, rooted at each mentee in turn. */
function matchFromMentees(g: Graph): Matching {
  const { n, m, start, mentorOf, menteeOf, weight, capacity, slotStart } = g;
  const state = new State(g);
  const { u, v, mate, held, holders } = state;
  // For a matched mentee, a lower bound on v_j − w over its other edges (v only grows, so it stays one).
  const gap = new Float64Array(n);
  // Search state, stamped by search number so nothing is cleared between searches.
  const dist = new Float64Array(m);
  const pred = new Int32Array(m);
  const seen = new Int32Array(m);
  const done = new Int32Array(m);
  const heap = new IndexedHeap(m, dist);
  const scannedList = new Int32Array(m);
  const counts = { direct: 0, searches: 0, augmentations: 0, swaps: 0, scanned: 0, examined: 0 };
  let examined = 0;

  const refreshGap = (k: number): void => {
    const own = mate[k] as number;
    let low = Infinity;
    const kt = start[k + 1] as number;
    for (let e = start[k] as number; e < kt; e++) {
      if (e === own) continue;
      const r = (v[mentorOf[e] as number] as number) - (weight[e] as number);
      if (r < low) low = r;
    }
    gap[k] = low;
  };
  /** Moves mentees along the search tree, starting with the edge into the exit. */
  const augment = (first: number): void => {
    let e = first;
    for (;;) {
      const k = menteeOf[e] as number;
      const old = mate[k] as number;
      if (old >= 0) state.remove(mentorOf[old] as number, k);
      state.add(mentorOf[e] as number, k);
      mate[k] = e;
      refreshGap(k);
      if (old < 0) return;
      e = pred[mentorOf[old] as number] as number;
    }
  };

  let sid = 0;
  for (let i = 0; i < n; i++) {
    const s = start[i] as number;
    const t = start[i + 1] as number;
    // The root: its smallest feasible u, and the best mentor with a free place.
    let best = 0;
    let bestFree = -1;
    let bestFreeEdge = -1;
    for (let e = s; e < t; e++) {
      const j = mentorOf[e] as number;
      const value = (weight[e] as number) - (v[j] as number);
      if (value > best) best = value;
      if (value > bestFree && (held[j] as number) < (capacity[j] as number)) {
        bestFree = value;
        bestFreeEdge = e;
      }
    }
    if (bestFreeEdge >= 0 && bestFree >= best) {
      u[i] = bestFree;
      state.add(mentorOf[bestFreeEdge] as number, i);
      mate[i] = bestFreeEdge;
      refreshGap(i);
      counts.direct++;
      counts.augmentations++;
      continue;
    }
    if (best === 0) {
      counts.direct++;
      continue;
    }

    // Dijkstra from i. D is the best exit so far; nothing at distance ≥ D is queued or scanned.
    sid++;
    counts.searches++;
    const ui = best;
    let D = ui;
    let kind = STAY;
    let exit = i;
    let scanned = 0;
    heap.clear();
    for (let e = s; e < t; e++) {
      const j = mentorOf[e] as number;
      const nd = ui + (v[j] as number) - (weight[e] as number);
      if ((held[j] as number) < (capacity[j] as number)) {
        if (nd < D || (nd === D && kind !== FREE)) {
          D = nd;
          kind = FREE;
          exit = e;
        }
      } else if (nd < D) {
        if (seen[j] !== sid) {
          seen[j] = sid;
          dist[j] = nd;
          pred[j] = e;
          heap.push(j);
        } else if (nd < (dist[j] as number)) {
          dist[j] = nd;
          pred[j] = e;
          heap.decrease(j);
        }
      }
    }
    while (heap.size > 0) {
      const j = heap.top();
      const dj = dist[j] as number;
      if (dj >= D) break;
      heap.pop();
      done[j] = sid;
      scannedList[scanned++] = j;
      const hs = slotStart[j] as number;
      const he = hs + (held[j] as number);
      for (let h = hs; h < he; h++) {
        const k = holders[h] as number;
        const base = dj + (u[k] as number);
        if (base < D) {
          D = base;
          kind = DROP;
          exit = k;
        }
        // Skip k's edges when none can come nearer than D: gap[k] bounds v_j − w from below.
        if (base + (gap[k] as number) >= D) continue;
        const own = mate[k] as number;
        let low = Infinity;
        const kt = start[k + 1] as number;
        examined += kt - (start[k] as number);
        for (let e = start[k] as number; e < kt; e++) {
          if (e === own) continue;
          const j2 = mentorOf[e] as number;
          const r = (v[j2] as number) - (weight[e] as number);
          if (r < low) low = r;
          const nd = base + r;
          if (nd > D) continue;
          if ((held[j2] as number) < (capacity[j2] as number)) {
            if (nd < D || kind !== FREE) {
              D = nd;
              kind = FREE;
              exit = e;
            }
          } else if (nd < D && done[j2] !== sid) {
            if (seen[j2] !== sid) {
              seen[j2] = sid;
              dist[j2] = nd;
              pred[j2] = e;
              heap.push(j2);
            } else if (nd < (dist[j2] as number)) {
              dist[j2] = nd;
              pred[j2] = e;
              heap.decrease(j2);
            }
          }
        }
        gap[k] = low;
      }
    }
    counts.scanned += scanned;

    // Dual update: scanned mentors up, their holders down, by D − distance.
    for (let q = 0; q < scanned; q++) {
      const j = scannedList[q] as number;
      const delta = D - (dist[j] as number);
      v[j] = (v[j] as number) + delta;
      const hs = slotStart[j] as number;
      const he = hs + (held[j] as number);
      for (let h = hs; h < he; h++) {
        const k = holders[h] as number;
        u[k] = (u[k] as number) - delta;
      }
    }
    u[i] = ui - D;

    if (kind === FREE) {
      counts.augmentations++;
      augment(exit);
    } else if (kind === DROP) {
      counts.swaps++;
      const leaving = mate[exit] as number;
      const j = mentorOf[leaving] as number;
      state.remove(j, exit);
      mate[exit] = -1;
      augment(pred[j] as number);
    }
  }
  counts.examined = examined;
  return { root: 'mentees', mate, u, v, counts };
}

/**
 * The same method rooted at the mentors: each mentor in turn lowers its v from the smallest feasible
 * value, one search per place it fills, until it is full or v_j = 0. The search runs over alternating
 * paths mentor → mentee by a candidate edge → that mentee's mentor by its assignment; its exits are an
 * unmatched mentee (one more matched), a mentor on the path whose v drops to 0 as it gives up a
 * mentee, or the root itself reaching v = 0. Here u only grows and v only falls. This direction is
 * used when the mentors have fewer places than there are mentees: the searches then rarely run out
 * of free mentees, where from the mentee side they would run out of free places.
 */
function matchFromMentors(g: Graph): Matching {
  const { n, m, start, mentorOf, menteeOf, weight, capacity, slotStart } = g;
  // Edges by mentor (CSC), in mentee order: the CSR edge index, and its mentee and weight side by side
  // so that scanning a mentor reads memory in order.
  const colStart = new Int32Array(m + 1);
  for (let e = 0; e < mentorOf.length; e++) {
    const j = mentorOf[e] as number;
    colStart[j + 1] = (colStart[j + 1] as number) + 1;
  }
  for (let j = 0; j < m; j++) colStart[j + 1] = (colStart[j + 1] as number) + (colStart[j] as number);
  const colEdge = new Int32Array(mentorOf.length);
  const colMentee = new Int32Array(mentorOf.length);
  const colWeight = new Float64Array(mentorOf.length);
  const fill = colStart.slice(0, m);
  for (let i = 0; i < n; i++) {
    for (let e = start[i] as number; e < (start[i + 1] as number); e++) {
      const j = mentorOf[e] as number;
      const p = fill[j] as number;
      colEdge[p] = e;
      colMentee[p] = i;
      colWeight[p] = weight[e] as number;
      fill[j] = p + 1;
    }
  }

  const state = new State(g);
  const { u, v, mate, held, holders } = state;
  // For a mentor, a lower bound on u_k − w over its candidates that it does not hold (u only grows).
  const gap = new Float64Array(m).fill(Number.NEGATIVE_INFINITY);
  const distK = new Float64Array(n);
  const predK = new Int32Array(n);
  const seenK = new Int32Array(n);
  const heap = new IndexedHeap(n, distK);
  const distM = new Float64Array(m);
  const predM = new Int32Array(m);
  const doneM = new Int32Array(m);
  const scannedList = new Int32Array(m);
  const counts = { direct: 0, searches: 0, augmentations: 0, swaps: 0, scanned: 0, examined: 0 };
  let examined = 0;

  const refreshGap = (j: number): void => {
    let low = Infinity;
    const pt = colStart[j + 1] as number;
    for (let p = colStart[j] as number; p < pt; p++) {
      const k = colMentee[p] as number;
      if (mate[k] === colEdge[p]) continue;
      const r = (u[k] as number) - (colWeight[p] as number);
      if (r < low) low = r;
    }
    gap[j] = low;
  };
  /**
   * Gives the mentee at the end of edge `first` to the edge's mentor; up the tree, each mentor on the
   * path hands the mentee it was reached through on to that mentee's own tree parent, until the root.
   */
  const augment = (first: number, root: number): void => {
    let e = first;
    for (;;) {
      const k = menteeOf[e] as number;
      const j = mentorOf[e] as number;
      const old = mate[k] as number;
      if (old >= 0) state.remove(mentorOf[old] as number, k);
      let next = -1;
      if (j !== root) {
        const leaving = predM[j] as number;
        state.remove(j, leaving);
        mate[leaving] = -1;
        next = predK[leaving] as number;
      }
      state.add(j, k);
      mate[k] = e;
      // The bound stays valid as it is (the mentee given up sits at −v_j, no lower than the one taken,
      // which the search reached through j), but made tight again it skips more. The root is rescanned
      // by its next search anyway.
      if (j !== root) refreshGap(j);
      if (next < 0) return;
      e = next;
    }
  };

  let sid = 0;
  for (let root = 0; root < m; root++) {
    const cs = colStart[root] as number;
    const ct = colStart[root + 1] as number;
    if (cs === ct) continue;
    // The smallest feasible v for the root, before it holds anyone.
    let best = 0;
    for (let p = cs; p < ct; p++) {
      const value = (colWeight[p] as number) - (u[colMentee[p] as number] as number);
      if (value > best) best = value;
    }
    v[root] = best;
    while ((held[root] as number) < (capacity[root] as number) && (v[root] as number) > 0) {
      sid++;
      const vr = v[root] as number;
      let D = vr;
      let kind = STAY;
      let exit = -1;
      let scanned = 0;
      heap.clear();
      // Scan the root at distance 0, then mentors as their mentees come off the heap.
      let j = root;
      let dj = 0;
      for (;;) {
        doneM[j] = sid;
        distM[j] = dj;
        scannedList[scanned++] = j;
        if (j !== root && dj + (v[j] as number) < D) {
          D = dj + (v[j] as number);
          kind = DROP;
          exit = j;
        }
        const base = dj + (v[j] as number);
        if (base + (gap[j] as number) < D) {
          let low = Infinity;
          const pt = colStart[j + 1] as number;
          examined += pt - (colStart[j] as number);
          for (let p = colStart[j] as number; p < pt; p++) {
            const e = colEdge[p] as number;
            const k = colMentee[p] as number;
            const own = mate[k] as number;
            if (own === e) continue;
            const r = (u[k] as number) - (colWeight[p] as number);
            if (r < low) low = r;
            const nd = base + r;
            if (nd > D) continue;
            if (own < 0) {
              if (nd < D || kind !== FREE) {
                D = nd;
                kind = FREE;
                exit = e;
              }
            } else if (nd < D && doneM[mentorOf[own] as number] !== sid) {
              if (seenK[k] !== sid) {
                seenK[k] = sid;
                distK[k] = nd;
                predK[k] = e;
                heap.push(k);
              } else if (nd < (distK[k] as number)) {
                distK[k] = nd;
                predK[k] = e;
                heap.decrease(k);
              }
            }
          }
          gap[j] = low;
        }
        // The nearest mentee whose mentor is not scanned yet.
        let next = -1;
        while (heap.size > 0) {
          const k = heap.top();
          if ((distK[k] as number) >= D) break;
          heap.pop();
          const jk = mentorOf[mate[k] as number] as number;
          if (doneM[jk] === sid) continue;
          predM[jk] = k;
          next = jk;
          dj = distK[k] as number;
          break;
        }
        if (next < 0) break;
        j = next;
      }
      if (scanned === 1) counts.direct++;
      else counts.searches++;
      counts.scanned += scanned;

      // Dual update: scanned mentors down, their holders up, by D − distance.
      for (let q = 0; q < scanned; q++) {
        const jq = scannedList[q] as number;
        const delta = D - (distM[jq] as number);
        v[jq] = (v[jq] as number) - delta;
        const hs = slotStart[jq] as number;
        const he = hs + (held[jq] as number);
        for (let h = hs; h < he; h++) {
          const k = holders[h] as number;
          u[k] = (u[k] as number) + delta;
        }
      }

      if (kind === FREE) {
        counts.augmentations++;
        augment(exit, root);
      } else if (kind === DROP) {
        counts.swaps++;
        const leaving = predM[exit] as number;
        state.remove(exit, leaving);
        mate[leaving] = -1;
        // Needed: this mentor only gave a mentee up, which may sit below its old bound.
        refreshGap(exit);
        augment(predK[leaving] as number, root);
      }
    }
  }
  counts.examined = examined;
  return { root: 'mentors', mate, u, v, counts };
}

/** Roots the searches on the side with fewer places to fill (see {@link matchFromMentors}), unless told. */
function match(g: Graph, root: SolveOptions['root']): Matching {
  if (root === 'mentees') return matchFromMentees(g);
  if (root === 'mentors') return matchFromMentors(g);
  // Near balance the mentee side does better (measured: the crossover is at 0.98–1 place per mentee).
  return (g.slotStart[g.m] as number) < 0.97 * g.n ? matchFromMentors(g) : matchFromMentees(g);
}

export interface SolveOptions {
  /** Which side the searches start from; both give an optimum, `auto` picks the faster one. */
  root?: 'auto' | 'mentees' | 'mentors';
}

/** The optimal assignment and the duals that prove it (see {@link verifyOptimal}). */
export function solveWithCertificate(
  instance: Instance,
  objective: Objective,
  options: SolveOptions = {},
): { solution: Solution; certificate: Certificate } {
  const started = performance.now();
  const g = buildGraph(instance, objective);
  const { scale, offset } = g;
  const { root, mate, u, v, counts } = match(g, options.root);

  const assignments: Assignment[] = [];
  for (let i = 0; i < g.n; i++) {
    const e = mate[i] as number;
    if (e < 0) continue;
    const edge = instance.edges[g.origin[e] as number] as Instance['edges'][number];
    assignments.push({ mentee: edge.mentee, mentor: edge.mentor, weight: edge.weight });
  }
  assignments.sort((a, b) => (a.mentee < b.mentee ? -1 : a.mentee > b.mentee ? 1 : 0));
  // Neumaier's compensated sum: the total as close to exact as float64 allows, in any order.
  let total = 0;
  let carry = 0;
  for (const a of assignments) {
    const next = total + a.weight;
    carry += Math.abs(total) >= Math.abs(a.weight) ? total - next + a.weight : a.weight - next + total;
    total = next;
  }
  total += carry;

  // Mentors of capacity 0 were left out of the graph: give them the smallest feasible v.
  const mentor = Float64Array.from(v);
  instance.edges.forEach((edge, k) => {
    const j = g.edgeMentor[k] as number;
    if ((instance.mentors[j]?.capacity ?? 0) > 0) return;
    const need = scaled(edge.weight, scale) + offset - (u[g.edgeMentee[k] as number] as number);
    if (need > (mentor[j] as number)) mentor[j] = need;
  });

  const solution: Solution = {
    assignments,
    objective: total,
    matched: assignments.length,
    stats: {
      mentees: g.n,
      mentors: g.m,
      edges: instance.edges.length,
      solveMs: performance.now() - started,
      ...counts,
      root,
      weightScale: scale,
    },
  };
  return { solution, certificate: { scale, offset, mentee: u, mentor } };
}

/**
 * Checks that a solution is feasible and, with the certificate, optimal: the duals are feasible
 * and their objective equals the assignment's weight (in the certificate's integer units), so by
 * weak duality no assignment weighs more. For coverage it also checks that the bonus exceeds the
 * weight of any assignment, which makes the optimum lexicographic. Returns the problems found.
 */
export function verifyOptimal(instance: Instance, objective: Objective, solution: Solution, certificate: Certificate): string[] {
  const problems: string[] = [];
  const { scale, offset } = certificate;
  const n = instance.mentees.length;
  const menteeAt = new Map(instance.mentees.map((e, i) => [e.id, i]));
  const mentorAt = new Map(instance.mentors.map((m, j) => [m.id, j]));

  // The assignment: known ids, each mentee once, no mentor over capacity.
  const assigned = new Int32Array(n).fill(-1);
  const reported = new Float64Array(n);
  const load = new Float64Array(instance.mentors.length);
  for (const a of solution.assignments) {
    const i = menteeAt.get(a.mentee);
    const j = mentorAt.get(a.mentor);
    if (i === undefined || j === undefined) {
      problems.push(`${a.mentee} → ${a.mentor} names an unknown mentee or mentor`);
      continue;
    }
    if (assigned[i] !== -1) problems.push(`${a.mentee} is assigned twice`);
    assigned[i] = j;
    reported[i] = a.weight;
    load[j] = (load[j] as number) + 1;
  }
  instance.mentors.forEach((m, j) => {
    if ((load[j] as number) > m.capacity) problems.push(`${m.id} holds ${load[j]} mentees, capacity ${m.capacity}`);
  });
  if (solution.matched !== solution.assignments.length) problems.push('matched differs from the number of assignments');

  // One pass over the edges: each assignment's edge, dual feasibility, the coverage bound.
  const u = certificate.mentee;
  const v = certificate.mentor;
  const found = new Uint8Array(n);
  const menteeMax = new Float64Array(n);
  let primal = 0;
  for (const edge of instance.edges) {
    const i = menteeAt.get(edge.mentee) ?? -1;
    const j = mentorAt.get(edge.mentor) ?? -1;
    const w = scaled(edge.weight, scale);
    if ((instance.mentors[j]?.capacity ?? 0) > 0 && w > (menteeMax[i] ?? 0)) menteeMax[i] = w;
    const slack = (u[i] ?? Number.NaN) + (v[j] ?? Number.NaN) - w - offset;
    if (!(slack >= 0)) problems.push(`dual infeasible on ${edge.mentee} → ${edge.mentor} (slack ${slack})`);
    if (assigned[i] === j && found[i] === 0) {
      found[i] = 1;
      primal += w + offset;
      if (reported[i] !== edge.weight) problems.push(`${edge.mentee} → ${edge.mentor} reports weight ${reported[i]}, not ${edge.weight}`);
    }
  }
  for (let i = 0; i < n; i++) {
    if (assigned[i] !== -1 && found[i] === 0)
      problems.push(`${instance.mentees[i]?.id} → ${instance.mentors[assigned[i] as number]?.id} is not a candidate pair`);
  }
  const bound = menteeMax.reduce((sum, w) => sum + w, 0);
  if (objective === 'coverage' ? !(offset > bound) : offset !== 0)
    problems.push(`offset ${offset} does not fit the objective (bound ${bound})`);

  // Dual feasibility of the variables themselves, and zero gap.
  let dual = 0;
  instance.mentees.forEach((e, i) => {
    const x = u[i] ?? Number.NaN;
    if (!(x >= 0) || !Number.isInteger(x)) problems.push(`u(${e.id}) = ${x} is not a whole number ≥ 0`);
    dual += x;
  });
  instance.mentors.forEach((m, j) => {
    const x = v[j] ?? Number.NaN;
    if (!(x >= 0) || !Number.isInteger(x)) problems.push(`v(${m.id}) = ${x} is not a whole number ≥ 0`);
    dual += m.capacity * x;
  });
  if (!(Math.abs(dual) <= Number.MAX_SAFE_INTEGER)) problems.push('dual objective beyond exact integers');
  if (dual !== primal) problems.push(`duality gap: dual ${dual} ≠ primal ${primal}`);
  return problems.slice(0, 20);
}
