/**
 * Peer matching: the maximum-weight matching of a general (non-bipartite) graph — participants
 * paired among themselves, each in at most one pair, only along an edge. The Hungarian method of
 * `assignment.ts` needs two sides; here odd cycles exist, so this is Edmonds' blossom method with
 * dual variables (the primal-dual method of Galil, "Efficient algorithms for finding maximum
 * matching in graphs", 1986; the blossom bookkeeping — bases, child lists, augmenting inside
 * nested blossoms — follows J. van Rantwijk's mwmatching, the code behind networkx's
 * `max_weight_matching`). ADR 0063 gives the method and its proof.
 *
 * ## What makes it fast
 *
 * The textbook method restarts its search after each augmentation and moves every dual by δ in an
 * O(n) sweep, O(n·m) and more in all (12 s at 10,000 × 20). Here, as in LEMON's
 * MaxWeightedMatching and Kolmogorov's Blossom V:
 * - the alternating forest persists: an augmentation unlabels only the two trees on its path;
 * - duals are kept against one clock Δ (an S-vertex's 2y is base − Δ, a T-vertex's base + Δ), so
 *   a dual change is moving the clock;
 * - the next event (an edge becomes tight, a T-blossom's z reaches 0) comes from a radix heap keyed
 *   by the clock value at which it happens — integers taken in order;
 * - a vertex's top-level blossom is found through a set merged smaller-into-larger.
 * Edges first meet in order of weight, so the first events are a greedy matching with its duals.
 *
 * ## The linear programme and its certificate
 *
 *   primal  max Σ_e w_e x_e  s.t.  x(δ(v)) ≤ 1 (every v),  x(E(B)) ≤ (|B| − 1)/2 (every odd set B),  x ≥ 0
 *   dual    min Σ_v y_v + Σ_B z_B (|B| − 1)/2  s.t.  y_i + y_j + Σ_{B ⊇ {i,j}} z_B ≥ w_ij,  y, z ≥ 0
 *
 * Edmonds' theorem: the primal has an integral optimum (the odd-set constraints are what the
 * bipartite case does without). The solver ends with a matching and duals (y per vertex, z per
 * blossom still standing) that are feasible and have equal objectives; {@link verifyPeerOptimal}
 * checks exactly that — feasibility on every edge and zero gap — so by weak duality no matching
 * weighs more. It needs nothing from the solver but the numbers.
 *
 * ## Integers
 *
 * Weights carry at most three decimals (the solver contract): they are taken as w·1000, integers.
 * The algorithm's vertex duals are kept doubled (2y), so every dual stays an integer: all vertices
 * start at the largest weight and every event comes at a whole clock value. An edge between two
 * S-vertices meets at half its slack, which is even: the doubled duals of a tight edge sum to an
 * even number, every S-vertex is joined to its tree's free root by tight edges, and all free roots
 * share one dual — so all S-vertices have one parity (an odd slack would be a bug, and throws).
 * With coverage's bonus the numbers stay below 2^53 up to millions of participants.
 *
 * ## Coverage
 *
 * Most pairs first, then most weight: every edge gets a bonus M larger than the weight of any
 * matching (M = ⌊Σ_v max_e w_e / 2⌋ + 1), so one more pair outweighs any loss of weight.
 */

export interface PeerInstance {
  participants: { id: string }[];
  /** Undirected; a pair that is not an edge is forbidden. Weights in [0, 1] with up to 3 decimals. */
  edges: { a: string; b: string; weight: number }[];
}

export type PeerObjective = 'weight' | 'coverage';

export interface PeerPair {
  a: string;
  b: string;
  weight: number;
}

export interface PeerSolution {
  /** Each pair once, `a` before `b` as in the edge given; sorted by `a`. */
  pairs: PeerPair[];
  /** Total weight of the pairs, as given. */
  objective: number;
  stats: { participants: number; edges: number; pairs: number; augmentations: number; blossoms: number; solveMs: number };
}

/**
 * The duals in the solver's integer units: for an edge of scaled weight W (w·1000, plus the
 * coverage bonus), `2·W ≤ vertex[i] + vertex[j] + Σ 2·z of the blossoms holding both`.
 */
export interface PeerCertificate {
  scale: number;
  bonus: number;
  /** 2·y per participant, in instance order. */
  vertex: Float64Array;
  /** The blossoms with z > 0: their participants (instance indices) and z. */
  blossoms: { members: number[]; z: number }[];
}

export const PEER_SCALE = 1000;

const scaledWeight = (w: number): number => Math.round(w * PEER_SCALE);

/** Maximum-weight (or maximum-cardinality, then weight) matching of a peer instance, with its certificate. */
export function solvePeer(instance: PeerInstance, objective: PeerObjective): { solution: PeerSolution; certificate: PeerCertificate } {
  const started = performance.now();
  const n = instance.participants.length;
  const index = new Map<string, number>();
  instance.participants.forEach((p, i) => {
    index.set(p.id, i);
  });
  const m = instance.edges.length;
  const ends = new Int32Array(2 * m);
  const w = new Float64Array(m);
  const best = new Float64Array(n);
  instance.edges.forEach((e, k) => {
    const i = index.get(e.a);
    const j = index.get(e.b);
    if (i === undefined || j === undefined || i === j) throw new Error(`edges[${k}] does not join two different participants`);
    ends[2 * k] = i;
    ends[2 * k + 1] = j;
    const s = scaledWeight(e.weight);
    w[k] = s;
    if (s > (best[i] as number)) best[i] = s;
    if (s > (best[j] as number)) best[j] = s;
  });
  let bonus = 0;
  if (objective === 'coverage') {
    let sum = 0;
    for (const b of best) sum += b;
    bonus = Math.floor(sum / 2) + 1;
    for (let k = 0; k < m; k++) w[k] = (w[k] as number) + bonus;
  }
  const result = blossomMatching(n, ends, w);
  const pairs: PeerPair[] = [];
  let total = 0;
  for (let k = 0; k < m; k++) {
    if (result.mateEdge[ends[2 * k] as number] === k) {
      const e = instance.edges[k] as PeerInstance['edges'][number];
      pairs.push({ a: e.a, b: e.b, weight: e.weight });
      total += e.weight;
    }
  }
  pairs.sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : 0));
  return {
    solution: {
      pairs,
      objective: Math.round(total * PEER_SCALE) / PEER_SCALE,
      stats: {
        participants: n,
        edges: m,
        pairs: pairs.length,
        augmentations: result.augmentations,
        blossoms: result.blossomsMade,
        solveMs: performance.now() - started,
      },
    },
    certificate: { scale: PEER_SCALE, bonus, vertex: result.vertexDual, blossoms: result.blossoms },
  };
}

/**
 * Checks a peer solution: each participant in at most one pair, every pair an edge, and with the
 * certificate, dual feasibility on every edge and a zero duality gap. Returns the problems found.
 */
export function verifyPeerOptimal(instance: PeerInstance, solution: PeerSolution, certificate: PeerCertificate): string[] {
  const problems: string[] = [];
  const n = instance.participants.length;
  const index = new Map(instance.participants.map((p, i) => [p.id, i]));
  const name = (v: number): string | undefined => instance.participants[v]?.id;
  // Each edge's scaled weight by its pair (i < j, key i·n + j); the heaviest if a pair repeats.
  const weightOf = new Map<number, number>();
  const ei = new Int32Array(instance.edges.length);
  const ej = new Int32Array(instance.edges.length);
  const es = new Float64Array(instance.edges.length);
  instance.edges.forEach((e, k) => {
    const i = index.get(e.a) ?? -1;
    const j = index.get(e.b) ?? -1;
    const s = scaledWeight(e.weight) + certificate.bonus;
    ei[k] = i;
    ej[k] = j;
    es[k] = s;
    if (i < 0 || j < 0 || i === j) {
      problems.push(`edges[${k}] does not join two participants`);
      return;
    }
    const key = i < j ? i * n + j : j * n + i;
    if ((weightOf.get(key) ?? -1) < s) weightOf.set(key, s);
  });
  const mateOf = new Int32Array(n).fill(-1);
  let primal = 0;
  for (const p of solution.pairs) {
    const i = index.get(p.a);
    const j = index.get(p.b);
    if (i === undefined || j === undefined) {
      problems.push(`${p.a}–${p.b} names an unknown participant`);
      continue;
    }
    if (mateOf[i] !== -1 || mateOf[j] !== -1) problems.push(`${p.a} or ${p.b} is in two pairs`);
    mateOf[i] = j;
    mateOf[j] = i;
    const s = weightOf.get(i < j ? i * n + j : j * n + i);
    if (s === undefined) problems.push(`${p.a}–${p.b} is not an edge`);
    else primal += s;
  }
  // The blossoms holding each participant (a laminar family in practice, so the lists stay short;
  // the check itself holds for any family of odd sets).
  const holding: number[][] = Array.from({ length: n }, () => []);
  let dual = 0;
  certificate.blossoms.forEach((b, t) => {
    if (!(b.z >= 0) || !Number.isInteger(b.z) || b.members.length % 2 !== 1)
      problems.push(`blossom ${t}: z ${b.z} over ${b.members.length} members`);
    for (const v of b.members) holding[v]?.push(t);
    dual += b.z * (b.members.length - 1);
  });
  for (let v = 0; v < n; v++) {
    const y = certificate.vertex[v] ?? Number.NaN;
    if (!(y >= 0) || !Number.isInteger(y)) problems.push(`y(${name(v)}) = ${y / 2} is not a non-negative half-integer`);
    dual += y;
  }
  for (let k = 0; k < ei.length; k++) {
    const i = ei[k] as number;
    const j = ej[k] as number;
    if (i < 0 || j < 0 || i === j) continue;
    let cover = (certificate.vertex[i] ?? 0) + (certificate.vertex[j] ?? 0);
    const hi = holding[i] as number[];
    const hj = holding[j] as number[];
    for (const t of hi) if (hj.includes(t)) cover += 2 * (certificate.blossoms[t]?.z ?? 0);
    if (cover < 2 * (es[k] as number)) problems.push(`dual infeasible on ${name(i)}–${name(j)}`);
  }
  // Doubled units on both sides: dual = Σ 2y + Σ 2z (|B|−1)/2 = Σ 2y + Σ z (|B|−1).
  if (dual !== 2 * primal) problems.push(`duality gap: dual ${dual / 2} ≠ primal ${primal}`);
  return problems.slice(0, 20);
}

interface Matched {
  /** The edge index each vertex is matched by, −1 if free. */
  mateEdge: Int32Array;
  vertexDual: Float64Array;
  blossoms: { members: number[]; z: number }[];
  augmentations: number;
  blossomsMade: number;
}

/**
 * The solver's event queue: a radix heap (Ahuja, Mehlhorn, Orlin and Tarjan, 1990), a priority
 * queue for integer keys that are taken in non-decreasing order and never pushed below the last
 * key taken — exactly the dual clock's events. Entry i of bucket 0 holds the last key taken;
 * bucket b ≥ 1 holds keys whose highest bit differing from it is bit b − 1. Taking the least key
 * empties the first non-empty bucket into lower ones, so each entry moves at most once per bit,
 * and every move reads and writes arrays in order (a binary heap of millions of entries spends
 * its time on cache misses instead). Entries are never updated or removed in place: the solver
 * queues anew what changed, and looks at what a taken entry means when it comes up.
 */
export class EventQueue {
  private keys: Float64Array[] = [];
  private items: Int32Array[] = [];
  private sizes = new Int32Array(56);
  private last = 0;
  size = 0;

  constructor() {
    for (let b = 0; b < 56; b++) {
      this.keys.push(new Float64Array(16));
      this.items.push(new Int32Array(16));
    }
  }

  private bucket(key: number): number {
    const last = this.last;
    if (key === last) return 0;
    if (key < 2147483648 && last < 2147483648) return 32 - Math.clz32(key ^ last);
    // Beyond 31 bits: compare the high and the low 32 bits separately (keys stay below 2^53).
    const hi = Math.floor(key / 4294967296) ^ Math.floor(last / 4294967296);
    if (hi !== 0) return 64 - Math.clz32(hi);
    return 32 - Math.clz32((key >>> 0) ^ (last >>> 0));
  }

  private put(b: number, key: number, item: number): void {
    const at = this.sizes[b] as number;
    let keys = this.keys[b] as Float64Array;
    let items = this.items[b] as Int32Array;
    if (at === keys.length) {
      const grownKeys = new Float64Array(at * 2);
      grownKeys.set(keys);
      keys = grownKeys;
      this.keys[b] = keys;
      const grownItems = new Int32Array(at * 2);
      grownItems.set(items);
      items = grownItems;
      this.items[b] = items;
    }
    keys[at] = key;
    items[at] = item;
    this.sizes[b] = at + 1;
  }

  /** Queues an event; its key must not be below the last key taken. */
  push(key: number, item: number): void {
    this.put(this.bucket(key), key, item);
    this.size++;
  }

  /** The least key (the queue must not be empty); its entry is `item()` and stays until `pop()`. */
  peek(): number {
    if (this.sizes[0] === 0) {
      let b = 1;
      while (this.sizes[b] === 0) b++;
      const keys = this.keys[b] as Float64Array;
      const items = this.items[b] as Int32Array;
      const count = this.sizes[b] as number;
      let least = keys[0] as number;
      for (let i = 1; i < count; i++) if ((keys[i] as number) < least) least = keys[i] as number;
      this.last = least;
      this.sizes[b] = 0;
      for (let i = 0; i < count; i++) this.put(this.bucket(keys[i] as number), keys[i] as number, items[i] as number);
    }
    return this.last;
  }

  item(): number {
    return (this.items[0] as Int32Array)[(this.sizes[0] as number) - 1] as number;
  }

  pop(): void {
    this.sizes[0] = (this.sizes[0] as number) - 1;
    this.size--;
  }
}

const FREE = 0;
const S = 1;
const T = 2;

/**
 * The blossom algorithm with a persistent alternating forest and event queues (see the file's
 * comment). Vertices are 0..n−1; blossoms n..2n−1. An endpoint p is an edge end: edge p >> 1,
 * vertex `ends[p]`; `p ^ 1` is the edge's other end. Duals are doubled (2y per vertex, z per
 * blossom) and kept relative to the dual clock Δ according to their label.
 */
function blossomMatching(n: number, ends: Int32Array, w: Float64Array): Matched {
  const m = w.length;
  const N2 = 2 * n;
  // Adjacency: for each vertex, the remote endpoints of its edges.
  const start = new Int32Array(n + 1);
  for (let p = 0; p < 2 * m; p++) {
    const v = (ends[p] as number) + 1;
    start[v] = (start[v] as number) + 1;
  }
  for (let v = 0; v < n; v++) start[v + 1] = (start[v + 1] as number) + (start[v] as number);
  const neighbend = new Int32Array(2 * m);
  const fill = start.slice(0, n);
  for (let k = 0; k < m; k++) {
    const i = ends[2 * k] as number;
    const j = ends[2 * k + 1] as number;
    neighbend[fill[i] as number] = 2 * k + 1;
    fill[i] = (fill[i] as number) + 1;
    neighbend[fill[j] as number] = 2 * k;
    fill[j] = (fill[j] as number) + 1;
  }
  let maxWeight = 0;
  for (let k = 0; k < m; k++) if ((w[k] as number) > maxWeight) maxWeight = w[k] as number;

  const mate = new Int32Array(n).fill(-1); // remote endpoint of the matched edge
  /** Label of each top-level blossom (a vertex outside any blossom is its own): FREE (unlabelled), S or T. */
  const label = new Int8Array(N2);
  const labelEnd = new Int32Array(N2).fill(-1);
  // The top-level blossom of each vertex, through a set: inSet[v] names v's set, setTop its top
  // blossom, setOf a top blossom's set. A new blossom takes over its largest child's set and moves
  // only the other children's vertices (smaller into larger: O(n log n) moves in all), so a giant
  // blossom absorbing a few vertices again and again costs those few each time, not its size.
  const inSet = Int32Array.from({ length: n }, (_, v) => v);
  const setTop = Int32Array.from({ length: n }, (_, v) => v);
  const setOf = new Int32Array(N2).fill(-1);
  for (let v = 0; v < n; v++) setOf[v] = v;
  const freeSets: number[] = [];
  const leafCount = new Int32Array(N2).fill(1);
  const top = (v: number): number => setTop[inSet[v] as number] as number;
  const blossomParent = new Int32Array(N2).fill(-1);
  const blossomChilds: (number[] | null)[] = new Array(N2).fill(null);
  const blossomEndps: (number[] | null)[] = new Array(N2).fill(null);
  const blossomBase = new Int32Array(N2).fill(-1);
  for (let v = 0; v < n; v++) blossomBase[v] = v;
  const unused: number[] = [];
  for (let b = N2 - 1; b >= n; b--) unused.push(b);
  /** The tree (its root's vertex) each vertex is labelled in, −1 if unlabelled; and each tree's vertices. */
  const treeOf = new Int32Array(n);
  const members: (number[] | null)[] = new Array(n).fill(null);

  // Duals against the clock Δ: a vertex's 2y is base − Δ while S, base + Δ while T, base while
  // unlabelled; a top-level blossom's z is base + Δ while S, base − Δ while T; inner blossoms keep theirs.
  let clock = 0;
  const yBase = new Float64Array(n).fill(maxWeight);
  const yMode = new Int8Array(n).fill(S);
  const zBase = new Float64Array(N2);
  const zMode = new Int8Array(N2);
  const y = (v: number): number => {
    const mode = yMode[v];
    return mode === S ? (yBase[v] as number) - clock : mode === T ? (yBase[v] as number) + clock : (yBase[v] as number);
  };
  const setYMode = (v: number, mode: number): void => {
    const value = y(v);
    yMode[v] = mode;
    yBase[v] = mode === S ? value + clock : mode === T ? value - clock : value;
  };
  const z = (b: number): number => {
    const mode = zMode[b];
    return mode === S ? (zBase[b] as number) + clock : mode === T ? (zBase[b] as number) - clock : (zBase[b] as number);
  };
  const setZMode = (b: number, mode: number): void => {
    const value = z(b);
    zMode[b] = mode;
    zBase[b] = mode === S ? value - clock : mode === T ? value + clock : value;
  };
  /** Between two different top-level blossoms (no blossom holds both, so no z counts). */
  const slack = (k: number): number => y(ends[2 * k] as number) + y(ends[2 * k + 1] as number) - 2 * (w[k] as number);

  // Events: an S-vertex reaches an unlabelled blossom (grow), two S-blossoms meet (a new blossom or
  // an augmenting path), a T-blossom's z reaches zero (expand it). Keys are the clock values at
  // which they happen; they stay put while the clock moves, since every dual involved moves with it.
  // A key may come early (an end's labels changed since), never late: see resolve().
  // An edge event at or after clock = maxWeight (when the free vertices' duals reach 0 and the
  // search ends) can never happen, so it is not queued.
  const events = new EventQueue();
  const GROW = 0;
  const MEET = 1;
  const EXPAND = 2;

  const queue: number[] = []; // S-vertices whose edges are still to be seen
  const unlabelled: number[] = []; // T-vertices just unlabelled, whose edges to S-vertices are still to be seen
  let blossomsMade = 0;
  let augmentations = 0;

  const leaves = (b: number, out: number[] = []): number[] => {
    if (b < n) {
      out.push(b);
      return out;
    }
    const stack = [b];
    while (stack.length > 0) {
      const c = stack.pop() as number;
      if (c < n) out.push(c);
      else for (const t of blossomChilds[c] as number[]) stack.push(t);
    }
    return out;
  };
  const at = <X>(list: X[], j: number): X => list[((j % list.length) + list.length) % list.length] as X;
  /**
   * The even-length way round a blossom's cycle from child i to the base (child 0): forwards
   * from i − length if i is odd, else backwards; as [start, step, trick], trick flipping the
   * endpoint read from `blossomEndps` when walking backwards.
   */
  const evenWay = (i: number, length: number): [number, number, number] => (i & 1 ? [i - length, 1, 0] : [i, -1, 1]);

  const scanS = (v: number): void => {
    const bv = top(v);
    const yv = y(v);
    for (let q = start[v] as number; q < (start[v + 1] as number); q++) {
      const p = neighbend[q] as number;
      const u = ends[p] as number;
      const bu = top(u);
      if (bu === bv) continue;
      const l = label[bu];
      if (l === T) continue;
      const s = yv + y(u) - 2 * (w[p >> 1] as number);
      if (l === S) {
        if (s & 1) throw new Error('peer matching: odd slack between S-blossoms (integer weights expected)');
        if (clock + s / 2 < maxWeight) events.push(clock + s / 2, (p >> 1) * 4 + MEET);
      } else if (clock + s < maxWeight) events.push(clock + s, (p >> 1) * 4 + GROW);
    }
  };
  const scanUnlabelled = (v: number): void => {
    const yv = y(v);
    for (let q = start[v] as number; q < (start[v + 1] as number); q++) {
      const p = neighbend[q] as number;
      const u = ends[p] as number;
      if (label[top(u)] !== S) continue;
      const when = clock + yv + y(u) - 2 * (w[p >> 1] as number);
      if (when < maxWeight) events.push(when, (p >> 1) * 4 + GROW);
    }
  };

  /** Labels the top blossom of v0 with t0 through endpoint p0 (whose vertex is on the parent's side); a T-blossom's mate becomes S. */
  const assignLabel = (v0: number, t0: number, p0: number): void => {
    let v = v0;
    let t = t0;
    let p = p0;
    for (;;) {
      const b = top(v);
      const root = p === -1 ? v : (treeOf[ends[p] as number] as number);
      label[b] = t;
      labelEnd[b] = p;
      const list = members[root] as number[];
      if (b < n) {
        setYMode(b, t);
        if (treeOf[b] !== root) {
          treeOf[b] = root;
          list.push(b);
        }
        if (t === S) queue.push(b);
      } else {
        for (const x of leaves(b)) {
          setYMode(x, t);
          if (treeOf[x] !== root) {
            treeOf[x] = root;
            list.push(x);
          }
          if (t === S) queue.push(x);
        }
      }
      if (b >= n) {
        setZMode(b, t);
        if (t === T) events.push(clock + z(b), b * 4 + EXPAND);
      }
      if (t === S) return;
      const mb = mate[blossomBase[b] as number] as number;
      v = ends[mb] as number;
      t = S;
      p = mb ^ 1;
    }
  };

  /** Walks up from v and u to a common S-ancestor (a new blossom's base), or −1 (an augmenting path). */
  const scanBlossom = (v0: number, u0: number): number => {
    if (treeOf[v0] !== treeOf[u0]) return -1;
    const path: number[] = [];
    let base = -1;
    let v = v0;
    let u = u0;
    while (v !== -1 || u !== -1) {
      let b = top(v);
      if ((label[b] as number) & 4) {
        base = blossomBase[b] as number;
        break;
      }
      path.push(b);
      label[b] = 5;
      if (labelEnd[b] === -1) v = -1;
      else {
        v = ends[labelEnd[b] as number] as number;
        b = top(v);
        v = ends[labelEnd[b] as number] as number;
      }
      if (u !== -1) {
        const x = v;
        v = u;
        u = x;
      }
    }
    for (const b of path) label[b] = S;
    return base;
  };

  const addBlossom = (base: number, k: number): void => {
    let v = ends[2 * k] as number;
    let u = ends[2 * k + 1] as number;
    const bb = top(base);
    let bv = top(v);
    let bw = top(u);
    const b = unused.pop() as number;
    blossomsMade++;
    blossomBase[b] = base;
    blossomParent[b] = -1;
    blossomParent[bb] = b;
    const path: number[] = [];
    const endps: number[] = [];
    while (bv !== bb) {
      blossomParent[bv] = b;
      path.push(bv);
      endps.push(labelEnd[bv] as number);
      v = ends[labelEnd[bv] as number] as number;
      bv = top(v);
    }
    path.push(bb);
    path.reverse();
    endps.reverse();
    endps.push(2 * k);
    while (bw !== bb) {
      blossomParent[bw] = b;
      path.push(bw);
      endps.push((labelEnd[bw] as number) ^ 1);
      u = ends[labelEnd[bw] as number] as number;
      bw = top(u);
    }
    blossomChilds[b] = path;
    blossomEndps[b] = endps;
    label[b] = S;
    labelEnd[b] = labelEnd[bb] as number;
    zMode[b] = S;
    zBase[b] = -clock; // z = 0
    let largest = bb;
    let count = 0;
    for (const child of path) {
      count += leafCount[child] as number;
      if ((leafCount[child] as number) > (leafCount[largest] as number)) largest = child;
    }
    leafCount[b] = count;
    const set = setOf[largest] as number;
    setTop[set] = b;
    setOf[b] = set;
    for (const child of path) {
      const wasT = label[child] === T;
      if (child >= n) setZMode(child, FREE);
      if (child !== largest) {
        freeSets.push(setOf[child] as number);
        for (const x of leaves(child)) inSet[x] = set;
      }
      setOf[child] = -1;
      if (wasT) {
        for (const x of leaves(child)) {
          setYMode(x, S);
          queue.push(x);
        }
      }
    }
  };

  /** Opens a top-level T-blossom whose z reached 0: the even path from its entry to its base stays in the tree, the rest is unlabelled. */
  const expandBlossom = (b: number): void => {
    const childs = blossomChilds[b] as number[];
    const endps = blossomEndps[b] as number[];
    // The largest child keeps the blossom's set; the others' vertices move to sets of their own.
    let largest = childs[0] as number;
    for (const c of childs) if ((leafCount[c] as number) > (leafCount[largest] as number)) largest = c;
    const ownSet = setOf[b] as number;
    setOf[b] = -1;
    for (const c of childs) {
      blossomParent[c] = -1;
      label[c] = FREE;
      if (c === largest) {
        setTop[ownSet] = c;
        setOf[c] = ownSet;
        continue;
      }
      const set = freeSets.pop() as number;
      setTop[set] = c;
      setOf[c] = set;
      if (c < n) inSet[c] = set;
      else for (const x of leaves(c)) inSet[x] = set;
    }
    const entryChild = top(ends[(labelEnd[b] as number) ^ 1] as number);
    let [j, jstep, trick] = evenWay(childs.indexOf(entryChild), childs.length);
    let p = labelEnd[b] as number;
    while (j !== 0) {
      assignLabel(ends[p ^ 1] as number, T, p);
      j += jstep;
      p = at(endps, j - trick) ^ trick;
      j += jstep;
    }
    // The base's child: T, its mate outside the blossom is already S.
    const bv = at(childs, j);
    label[bv] = T;
    labelEnd[bv] = p;
    if (bv >= n) {
      setZMode(bv, T);
      events.push(clock + z(bv), bv * 4 + EXPAND);
    }
    for (const s of childs) {
      if (label[s] !== FREE) continue;
      for (const x of leaves(s)) {
        setYMode(x, FREE);
        treeOf[x] = -1;
        unlabelled.push(x);
      }
    }
    label[b] = FREE;
    labelEnd[b] = -1;
    zMode[b] = FREE;
    zBase[b] = 0;
    blossomChilds[b] = null;
    blossomEndps[b] = null;
    blossomBase[b] = -1;
    unused.push(b);
  };

  /** Swaps matched and unmatched edges on the even path inside blossom b from vertex v to the base. */
  const augmentBlossom = (b: number, v: number): void => {
    let t = v;
    while (blossomParent[t] !== b) t = blossomParent[t] as number;
    if (t >= n) augmentBlossom(t, v);
    const childs = blossomChilds[b] as number[];
    const endps = blossomEndps[b] as number[];
    const i = childs.indexOf(t);
    let [j, jstep, trick] = evenWay(i, childs.length);
    while (j !== 0) {
      j += jstep;
      let c = at(childs, j);
      const p = at(endps, j - trick) ^ trick;
      if (c >= n) augmentBlossom(c, ends[p] as number);
      j += jstep;
      c = at(childs, j);
      if (c >= n) augmentBlossom(c, ends[p ^ 1] as number);
      mate[ends[p] as number] = p ^ 1;
      mate[ends[p ^ 1] as number] = p;
    }
    blossomChilds[b] = [...childs.slice(i), ...childs.slice(0, i)];
    blossomEndps[b] = [...endps.slice(i), ...endps.slice(0, i)];
    blossomBase[b] = blossomBase[(blossomChilds[b] as number[])[0] as number] as number;
  };

  const augmentMatching = (k: number): void => {
    for (const [s0, p0] of [
      [ends[2 * k] as number, 2 * k + 1],
      [ends[2 * k + 1] as number, 2 * k],
    ] as const) {
      let s = s0;
      let p = p0;
      for (;;) {
        const bs = top(s);
        if (bs >= n) augmentBlossom(bs, s);
        mate[s] = p;
        if (labelEnd[bs] === -1) break;
        const t = ends[labelEnd[bs] as number] as number;
        const bt = top(t);
        s = ends[labelEnd[bt] as number] as number;
        const j = ends[(labelEnd[bt] as number) ^ 1] as number;
        if (bt >= n) augmentBlossom(bt, j);
        mate[j] = labelEnd[bt] as number;
        p = (labelEnd[bt] as number) ^ 1;
      }
    }
  };

  /** After an augmentation: every vertex of the tree is unlabelled (the other trees stay as they are). */
  const dissolve = (root: number): void => {
    for (const x of members[root] as number[]) {
      if (treeOf[x] !== root) continue;
      treeOf[x] = -1;
      const b = top(x);
      if (label[b] !== FREE) {
        label[b] = FREE;
        labelEnd[b] = -1;
        if (b >= n) setZMode(b, FREE);
      }
      // A T-vertex's edges to S-vertices had no events (an S–T edge's slack stays put); an
      // S-vertex's had meet events, which become grow events when they come up (see below).
      if (yMode[x] === T) unlabelled.push(x);
      setYMode(x, FREE);
    }
    members[root] = null;
  };

  // Every vertex starts as the S-root of its own tree, at 2y = the largest weight; every edge meets two of them.
  let free = n;
  for (let v = 0; v < n; v++) {
    treeOf[v] = v;
    members[v] = [v];
    label[v] = S;
  }
  for (let k = 0; k < m; k++) if ((w[k] as number) > 0) events.push(maxWeight - (w[k] as number), k * 4 + MEET);

  /**
   * What a queued event means now (the clock at its key): GROW or MEET if its edge is tight
   * between an S-blossom and an unlabelled or another S-blossom, EXPAND if its T-blossom's z is 0,
   * else −1 — dropped, or queued again for when it will happen. A key is never later than its
   * event: an edge's event comes later than queued when an end stopped being S (its dual stopped
   * falling) or was a T-vertex (its dual rose), and earlier only when an end became S, which
   * queued the edge anew.
   */
  const resolve = (event: number): number => {
    const item = event >> 2;
    if ((event & 3) === EXPAND) {
      return blossomBase[item] !== -1 && blossomParent[item] === -1 && label[item] === T && z(item) === 0 ? EXPAND : -1;
    }
    const bi = top(ends[2 * item] as number);
    const bj = top(ends[2 * item + 1] as number);
    if (bi === bj) return -1;
    const li = label[bi];
    const lj = label[bj];
    const s = slack(item);
    if (li === S && lj === S) {
      if (s === 0) return MEET;
      if (s & 1) throw new Error('peer matching: odd slack between S-blossoms (integer weights expected)');
      if (clock + s / 2 < maxWeight) events.push(clock + s / 2, item * 4 + MEET);
    } else if ((li === S && lj === FREE) || (li === FREE && lj === S)) {
      if (s === 0) return GROW;
      if (clock + s < maxWeight) events.push(clock + s, item * 4 + GROW);
    }
    return -1;
  };

  while (free > 0) {
    while (queue.length > 0) scanS(queue.pop() as number);
    while (unlabelled.length > 0) scanUnlabelled(unlabelled.pop() as number);
    // The next event; the free vertices' duals reach 0 at clock = maxWeight, which ends the search.
    if (events.size === 0) {
      clock = maxWeight;
      break;
    }
    const when = events.peek();
    if (when >= maxWeight) {
      clock = maxWeight;
      break;
    }
    const event = events.item();
    events.pop();
    // No event is queued before this key and none is due before its key, so the clock may move here.
    clock = when;
    const kind = resolve(event);
    if (kind === -1) continue;
    const item = event >> 2;
    if (kind === GROW) {
      const i = ends[2 * item] as number;
      if (label[top(i)] === FREE) assignLabel(i, T, 2 * item + 1);
      else assignLabel(ends[2 * item + 1] as number, T, 2 * item);
    } else if (kind === MEET) {
      const i = ends[2 * item] as number;
      const j = ends[2 * item + 1] as number;
      const base = scanBlossom(i, j);
      if (base >= 0) addBlossom(base, item);
      else {
        const ti = treeOf[i] as number;
        const tj = treeOf[j] as number;
        augmentMatching(item);
        augmentations++;
        free -= 2;
        dissolve(ti);
        dissolve(tj);
      }
    } else expandBlossom(item);
  }

  const mateEdge = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) if ((mate[v] as number) >= 0) mateEdge[v] = (mate[v] as number) >> 1;
  const vertexDual = new Float64Array(n);
  for (let v = 0; v < n; v++) vertexDual[v] = y(v);
  const blossoms: { members: number[]; z: number }[] = [];
  for (let b = n; b < N2; b++) {
    if ((blossomBase[b] as number) >= 0 && z(b) > 0) blossoms.push({ members: leaves(b), z: z(b) });
  }
  return { mateEdge, vertexDual, blossoms, augmentations, blossomsMade };
}
