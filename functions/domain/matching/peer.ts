/**
 * Peer matching: the maximum-weight matching of a general (non-bipartite) graph — participants
 * paired among themselves, each in at most one pair, only along an edge. The Hungarian method of
 * `assignment.ts` needs two sides; here odd cycles exist, so this is Edmonds' blossom method with
 * dual variables (the primal-dual version of Galil, "Efficient algorithms for finding maximum
 * matching in graphs", 1986, in the formulation of J. van Rantwijk's mwmatching, the algorithm
 * behind networkx's `max_weight_matching`), on typed arrays and integer weights.
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
 * start at the largest weight, S-vertices and T-vertices move by the same δ, and the slack of an
 * edge between two S-blossoms is even, so δ₃ = slack/2 is whole.
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
  stats: { participants: number; edges: number; pairs: number; stages: number; blossoms: number; solveMs: number };
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
        stages: result.stages,
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
  const mateOf = new Int32Array(n).fill(-1);
  const edgeKey = (i: number, j: number) => (i < j ? `${i}|${j}` : `${j}|${i}`);
  const weightOf = new Map<string, number>();
  for (const e of instance.edges) {
    const i = index.get(e.a) ?? -1;
    const j = index.get(e.b) ?? -1;
    const key = edgeKey(i, j);
    const s = scaledWeight(e.weight) + certificate.bonus;
    if ((weightOf.get(key) ?? -1) < s) weightOf.set(key, s);
  }
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
    const s = weightOf.get(edgeKey(i, j));
    if (s === undefined) problems.push(`${p.a}–${p.b} is not an edge`);
    else primal += s;
  }
  // Blossoms: each participant's list (a laminar family, so the lists stay short).
  const holding: number[][] = Array.from({ length: n }, () => []);
  let dual = 0;
  certificate.blossoms.forEach((b, t) => {
    if (!(b.z >= 0) || b.members.length % 2 !== 1) problems.push(`blossom ${t}: z ${b.z} over ${b.members.length} members`);
    for (const v of b.members) holding[v]?.push(t);
    dual += b.z * (b.members.length - 1);
  });
  for (let v = 0; v < n; v++) {
    const y = certificate.vertex[v] ?? Number.NaN;
    if (!(y >= 0) || !Number.isInteger(y)) problems.push(`y(${instance.participants[v]?.id}) = ${y / 2} is not ≥ 0`);
    dual += y;
  }
  for (const [key, s] of weightOf) {
    const [i = 0, j = 0] = key.split('|').map(Number);
    let cover = (certificate.vertex[i] ?? 0) + (certificate.vertex[j] ?? 0);
    const inJ = new Set(holding[j]);
    for (const t of holding[i] ?? []) if (inJ.has(t)) cover += 2 * (certificate.blossoms[t]?.z ?? 0);
    if (cover < 2 * s) problems.push(`dual infeasible on ${instance.participants[i]?.id}–${instance.participants[j]?.id}`);
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
  stages: number;
  blossomsMade: number;
}

/**
 * The blossom algorithm (see the file's comment). Vertices are 0..n−1; blossoms n..2n−1. An
 * endpoint p is an edge end: edge p >> 1, vertex `ends[p]`; `p ^ 1` is the edge's other end.
 */
function blossomMatching(n: number, ends: Int32Array, w: Float64Array): Matched {
  const m = w.length;
  const N2 = 2 * n;
  // Adjacency: for each vertex, the remote endpoints of its edges.
  const degree = new Int32Array(n + 1);
  for (let p = 0; p < 2 * m; p++) degree[(ends[p] as number) + 1] = (degree[(ends[p] as number) + 1] as number) + 1;
  for (let v = 0; v < n; v++) degree[v + 1] = (degree[v + 1] as number) + (degree[v] as number);
  const neighbendStart = degree;
  const neighbend = new Int32Array(2 * m);
  const fill = neighbendStart.slice(0, n);
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
  const label = new Int32Array(N2);
  const labelEnd = new Int32Array(N2).fill(-1);
  const inBlossom = Int32Array.from({ length: n }, (_, v) => v);
  const blossomParent = new Int32Array(N2).fill(-1);
  const blossomChilds: (number[] | null)[] = new Array(N2).fill(null);
  const blossomEndps: (number[] | null)[] = new Array(N2).fill(null);
  const blossomBase = new Int32Array(N2).fill(-1);
  for (let v = 0; v < n; v++) blossomBase[v] = v;
  const bestEdge = new Int32Array(N2).fill(-1);
  const blossomBestEdges: (number[] | null)[] = new Array(N2).fill(null);
  const unused: number[] = [];
  for (let b = N2 - 1; b >= n; b--) unused.push(b);
  const dual = new Float64Array(N2);
  for (let v = 0; v < n; v++) dual[v] = maxWeight;
  const allowEdge = new Uint8Array(m);
  const allowed: number[] = [];
  let queue: number[] = [];
  let blossomsMade = 0;

  const slack = (k: number): number =>
    (dual[ends[2 * k] as number] as number) + (dual[ends[2 * k + 1] as number] as number) - 2 * (w[k] as number);
  const allow = (k: number): void => {
    if (!allowEdge[k]) {
      allowEdge[k] = 1;
      allowed.push(k);
    }
  };
  const leaves = (b: number, out: number[] = []): number[] => {
    if (b < n) out.push(b);
    else for (const t of blossomChilds[b] as number[]) leaves(t, out);
    return out;
  };
  const at = <T>(list: T[], j: number): T => list[((j % list.length) + list.length) % list.length] as T;

  const assignLabel = (v0: number, t0: number, p0: number): void => {
    let v = v0;
    let t = t0;
    let p = p0;
    for (;;) {
      const b = inBlossom[v] as number;
      label[v] = t;
      label[b] = t;
      labelEnd[v] = p;
      labelEnd[b] = p;
      bestEdge[v] = -1;
      bestEdge[b] = -1;
      if (t === 1) {
        leaves(b, queue);
        return;
      }
      // t === 2: the base's mate becomes an S-vertex.
      const base = blossomBase[b] as number;
      const mb = mate[base] as number;
      v = ends[mb] as number;
      t = 1;
      p = mb ^ 1;
    }
  };

  /** Walks up from v and w to find a common S-ancestor (a new blossom's base), or −1 (an augmenting path). */
  const scanBlossom = (v0: number, w0: number): number => {
    const path: number[] = [];
    let base = -1;
    let v = v0;
    let u = w0;
    while (v !== -1 || u !== -1) {
      let b = inBlossom[v] as number;
      if ((label[b] as number) & 4) {
        base = blossomBase[b] as number;
        break;
      }
      path.push(b);
      label[b] = 5;
      if (labelEnd[b] === -1) v = -1;
      else {
        v = ends[labelEnd[b] as number] as number;
        b = inBlossom[v] as number;
        v = ends[labelEnd[b] as number] as number;
      }
      if (u !== -1) {
        const x = v;
        v = u;
        u = x;
      }
    }
    for (const b of path) label[b] = 1;
    return base;
  };

  const addBlossom = (base: number, k: number): void => {
    let v = ends[2 * k] as number;
    let u = ends[2 * k + 1] as number;
    const bb = inBlossom[base] as number;
    let bv = inBlossom[v] as number;
    let bw = inBlossom[u] as number;
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
      bv = inBlossom[v] as number;
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
      bw = inBlossom[u] as number;
    }
    blossomChilds[b] = path;
    blossomEndps[b] = endps;
    label[b] = 1;
    labelEnd[b] = labelEnd[bb] as number;
    dual[b] = 0;
    for (const x of leaves(b)) {
      if (label[inBlossom[x] as number] === 2) queue.push(x);
      inBlossom[x] = b;
    }
    // The least-slack edge from the new blossom to each other S-blossom.
    const bestTo = new Map<number, number>();
    for (const child of path) {
      const lists: number[] = [];
      const own = blossomBestEdges[child];
      if (!own) {
        for (const x of leaves(child)) {
          for (let q = neighbendStart[x] as number; q < (neighbendStart[x + 1] as number); q++) lists.push((neighbend[q] as number) >> 1);
        }
      } else lists.push(...own);
      for (const e of lists) {
        let j = ends[2 * e + 1] as number;
        if (inBlossom[j] === b) j = ends[2 * e] as number;
        const bj = inBlossom[j] as number;
        if (bj !== b && label[bj] === 1) {
          const cur = bestTo.get(bj);
          if (cur === undefined || slack(e) < slack(cur)) bestTo.set(bj, e);
        }
      }
      blossomBestEdges[child] = null;
      bestEdge[child] = -1;
    }
    const list = [...bestTo.values()];
    blossomBestEdges[b] = list;
    let be = -1;
    for (const e of list) if (be === -1 || slack(e) < slack(be)) be = e;
    bestEdge[b] = be;
  };

  const expandBlossom = (b: number, endStage: boolean): void => {
    const childs = blossomChilds[b] as number[];
    const endps = blossomEndps[b] as number[];
    for (const s of childs) {
      blossomParent[s] = -1;
      if (s < n) inBlossom[s] = s;
      else if (endStage && dual[s] === 0) expandBlossom(s, endStage);
      else for (const x of leaves(s)) inBlossom[x] = s;
    }
    if (!endStage && label[b] === 2) {
      // Relabel the sub-blossoms on the even path from the entry child to the base.
      const entryChild = inBlossom[ends[(labelEnd[b] as number) ^ 1] as number] as number;
      let j = childs.indexOf(entryChild);
      let jstep: number;
      let trick: number;
      if (j & 1) {
        j -= childs.length;
        jstep = 1;
        trick = 0;
      } else {
        jstep = -1;
        trick = 1;
      }
      let p = labelEnd[b] as number;
      while (j !== 0) {
        label[ends[p ^ 1] as number] = 0;
        label[ends[at(endps, j - trick) ^ trick ^ 1] as number] = 0;
        assignLabel(ends[p ^ 1] as number, 2, p);
        allow(at(endps, j - trick) >> 1);
        j += jstep;
        p = at(endps, j - trick) ^ trick;
        allow(p >> 1);
        j += jstep;
      }
      const bv = at(childs, j);
      label[ends[p ^ 1] as number] = 2;
      label[bv] = 2;
      labelEnd[ends[p ^ 1] as number] = p;
      labelEnd[bv] = p;
      bestEdge[bv] = -1;
      j += jstep;
      while (at(childs, j) !== entryChild) {
        const c = at(childs, j);
        if (label[c] === 1) {
          j += jstep;
          continue;
        }
        let labelled = -1;
        for (const x of leaves(c)) {
          if (label[x] !== 0) {
            labelled = x;
            break;
          }
        }
        if (labelled !== -1) {
          label[labelled] = 0;
          label[ends[mate[blossomBase[c] as number] as number] as number] = 0;
          assignLabel(labelled, 2, labelEnd[labelled] as number);
        }
        j += jstep;
      }
    }
    label[b] = -1;
    labelEnd[b] = -1;
    blossomChilds[b] = null;
    blossomEndps[b] = null;
    blossomBase[b] = -1;
    blossomBestEdges[b] = null;
    bestEdge[b] = -1;
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
    let j = i;
    let jstep: number;
    let trick: number;
    if (i & 1) {
      j -= childs.length;
      jstep = 1;
      trick = 0;
    } else {
      jstep = -1;
      trick = 1;
    }
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
        const bs = inBlossom[s] as number;
        if (bs >= n) augmentBlossom(bs, s);
        mate[s] = p;
        if (labelEnd[bs] === -1) break;
        const t = ends[labelEnd[bs] as number] as number;
        const bt = inBlossom[t] as number;
        s = ends[labelEnd[bt] as number] as number;
        const j = ends[(labelEnd[bt] as number) ^ 1] as number;
        if (bt >= n) augmentBlossom(bt, j);
        mate[j] = labelEnd[bt] as number;
        p = (labelEnd[bt] as number) ^ 1;
      }
    }
  };

  let stages = 0;
  for (let stage = 0; stage < n; stage++) {
    stages++;
    label.fill(0);
    bestEdge.fill(-1);
    for (let b = n; b < N2; b++) blossomBestEdges[b] = null;
    for (const k of allowed) allowEdge[k] = 0;
    allowed.length = 0;
    queue = [];
    for (let v = 0; v < n; v++) if (mate[v] === -1 && label[inBlossom[v] as number] === 0) assignLabel(v, 1, -1);
    let augmented = false;
    for (;;) {
      while (queue.length > 0 && !augmented) {
        const v = queue.pop() as number;
        for (let q = neighbendStart[v] as number; q < (neighbendStart[v + 1] as number); q++) {
          const p = neighbend[q] as number;
          const k = p >> 1;
          const u = ends[p] as number;
          if (inBlossom[v] === inBlossom[u]) continue;
          let kslack = 0;
          if (!allowEdge[k]) {
            kslack = slack(k);
            if (kslack <= 0) allow(k);
          }
          if (allowEdge[k]) {
            const bu = inBlossom[u] as number;
            if (label[bu] === 0) assignLabel(u, 2, p ^ 1);
            else if (label[bu] === 1) {
              const base = scanBlossom(v, u);
              if (base >= 0) addBlossom(base, k);
              else {
                augmentMatching(k);
                augmented = true;
                break;
              }
            } else if (label[u] === 0) {
              label[u] = 2;
              labelEnd[u] = p ^ 1;
            }
          } else if (label[inBlossom[u] as number] === 1) {
            const b = inBlossom[v] as number;
            if (bestEdge[b] === -1 || kslack < slack(bestEdge[b] as number)) bestEdge[b] = k;
          } else if (label[u] === 0) {
            if (bestEdge[u] === -1 || kslack < slack(bestEdge[u] as number)) bestEdge[u] = k;
          }
        }
      }
      if (augmented) break;

      // No augmenting path with the tight edges: move the duals by the largest safe δ.
      let deltaType = 1;
      let delta = Number.POSITIVE_INFINITY;
      let deltaEdge = -1;
      let deltaBlossom = -1;
      for (let v = 0; v < n; v++) if ((dual[v] as number) < delta) delta = dual[v] as number;
      for (let v = 0; v < n; v++) {
        if (label[inBlossom[v] as number] === 0 && bestEdge[v] !== -1) {
          const d = slack(bestEdge[v] as number);
          if (d < delta) {
            delta = d;
            deltaType = 2;
            deltaEdge = bestEdge[v] as number;
          }
        }
      }
      for (let b = 0; b < N2; b++) {
        if (blossomParent[b] === -1 && label[b] === 1 && bestEdge[b] !== -1 && (b < n || (blossomBase[b] as number) >= 0)) {
          const d = slack(bestEdge[b] as number) / 2;
          if (d < delta) {
            delta = d;
            deltaType = 3;
            deltaEdge = bestEdge[b] as number;
          }
        }
      }
      for (let b = n; b < N2; b++) {
        if ((blossomBase[b] as number) >= 0 && blossomParent[b] === -1 && label[b] === 2 && (dual[b] as number) < delta) {
          delta = dual[b] as number;
          deltaType = 4;
          deltaBlossom = b;
        }
      }
      for (let v = 0; v < n; v++) {
        const l = label[inBlossom[v] as number];
        if (l === 1) dual[v] = (dual[v] as number) - delta;
        else if (l === 2) dual[v] = (dual[v] as number) + delta;
      }
      for (let b = n; b < N2; b++) {
        if ((blossomBase[b] as number) >= 0 && blossomParent[b] === -1) {
          if (label[b] === 1) dual[b] = (dual[b] as number) + delta;
          else if (label[b] === 2) dual[b] = (dual[b] as number) - delta;
        }
      }
      if (deltaType === 1) break;
      if (deltaType === 2) {
        allow(deltaEdge);
        let i = ends[2 * deltaEdge] as number;
        if (label[inBlossom[i] as number] === 0) i = ends[2 * deltaEdge + 1] as number;
        queue.push(i);
      } else if (deltaType === 3) {
        allow(deltaEdge);
        queue.push(ends[2 * deltaEdge] as number);
      } else expandBlossom(deltaBlossom, false);
    }
    if (!augmented) break;
    // Blossoms whose dual fell to 0 are opened again at the end of a stage.
    for (let b = n; b < N2; b++) {
      if (blossomParent[b] === -1 && (blossomBase[b] as number) >= 0 && label[b] === 1 && dual[b] === 0) expandBlossom(b, true);
    }
  }

  const mateEdge = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) if ((mate[v] as number) >= 0) mateEdge[v] = (mate[v] as number) >> 1;
  const blossoms: { members: number[]; z: number }[] = [];
  for (let b = n; b < N2; b++) {
    if ((blossomBase[b] as number) >= 0 && (dual[b] as number) > 0) blossoms.push({ members: leaves(b), z: dual[b] as number });
  }
  return { mateEdge, vertexDual: dual.slice(0, n), blossoms, stages, blossomsMade };
}
