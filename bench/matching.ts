/**
 * The optimal assignment at scale (`npm run bench -- matching`): solve times for the target
 * instances and from 1k to 50k mentees, each solution proved optimal by its dual certificate,
 * against a greedy baseline and, on the 10k instance, HiGHS (the LP relaxation, integral here).
 * Instances are generated from a seed; the same figures come out on every run, timings aside.
 */
import { spawnSync } from 'node:child_process';
import loadHighs from 'highs';
import { type Instance, type Objective, type Solution, solve, solveWithCertificate, verifyOptimal } from '#domain/matching/assignment.ts';
import { progressBar } from '#local/progress.ts';
import { seededRandom } from '#local/seed/random.ts';
import { mb, peakRss } from './support.ts';

type Random = ReturnType<typeof seededRandom>;

export interface Shape {
  mentees: number;
  mentors: number;
  /** Candidate mentors per mentee. */
  degree: number;
  /** Weights correlated with mentor popularity and coarse (many ties), so places are fought over. */
  adversarial?: boolean;
}

const thousands = (x: number): string => (x >= 1000 ? `${Number((x / 1000).toFixed(1))}k` : String(x));
const label = (s: Shape): string =>
  `${s.adversarial ? 'adversarial' : 'uniform'} ${thousands(s.mentees)}×${thousands(s.mentors)}×${s.degree}`;

/**
 * Capacities 1–5; each mentee's candidates drawn at random without repeats; weights in [0, 1) with
 * three decimals. Adversarial: a mentor's quality sets both how often it is a candidate and the
 * weight (0.6 quality + 0.4 noise, rounded to 0.05: twenty distinct values).
 */
export function generate(seed: number, shape: Shape): Instance {
  const rnd = seededRandom(seed);
  const { mentees: n, mentors: m, degree } = shape;
  const mentors = Array.from({ length: m }, (_, j) => ({ id: `m${j}`, capacity: rnd.int(1, 5) }));
  const quality = Float64Array.from({ length: m }, () => rnd.next());
  const draw = shape.adversarial ? popularityDraw(rnd, quality) : () => Math.floor(rnd.next() * m);
  const edges: Instance['edges'] = [];
  const stamp = new Int32Array(m).fill(-1);
  for (let i = 0; i < n; i++) {
    const mentee = `e${i}`;
    for (let d = 0; d < degree; ) {
      const j = draw();
      if (stamp[j] === i) continue;
      stamp[j] = i;
      d++;
      const weight = shape.adversarial
        ? Math.min(0.95, Math.round((0.6 * (quality[j] as number) + 0.4 * rnd.next()) * 20) / 20)
        : Math.floor(rnd.next() * 1000) / 1000;
      edges.push({ mentee, mentor: `m${j}`, weight });
    }
  }
  return { mentors, mentees: Array.from({ length: n }, (_, i) => ({ id: `e${i}` })), edges };
}

/** Draws a mentor with probability ∝ quality² + 0.02 (binary search on the cumulative sums). */
function popularityDraw(rnd: Random, quality: Float64Array): () => number {
  const cumulative = new Float64Array(quality.length);
  let sum = 0;
  quality.forEach((q, j) => {
    sum += q * q + 0.02;
    cumulative[j] = sum;
  });
  return () => {
    const x = rnd.next() * sum;
    let lo = 0;
    let hi = quality.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** Sort edges by weight (heaviest first), take each while both sides have room: the usual heuristic. */
function greedy(instance: Instance): { objective: number; matched: number } {
  const menteeAt = new Map(instance.mentees.map((e, i) => [e.id, i]));
  const mentorAt = new Map(instance.mentors.map((m, j) => [m.id, j]));
  const room = Float64Array.from(instance.mentors, (m) => m.capacity);
  const taken = new Uint8Array(instance.mentees.length);
  const weight = Float64Array.from(instance.edges, (e) => e.weight);
  const order = Int32Array.from(instance.edges.keys()).sort((a, b) => (weight[b] as number) - (weight[a] as number) || a - b);
  let objective = 0;
  let matched = 0;
  for (const k of order) {
    const edge = instance.edges[k] as Instance['edges'][number];
    const i = menteeAt.get(edge.mentee) ?? 0;
    const j = mentorAt.get(edge.mentor) ?? 0;
    if ((room[j] as number) <= 0 || taken[i] === 1) continue;
    taken[i] = 1;
    room[j] = (room[j] as number) - 1;
    objective += edge.weight;
    matched++;
  }
  return { objective, matched };
}

/** HiGHS on the LP relaxation (one column per edge, a row per mentee and per mentor), within a time limit. */
async function highsOptimum(instance: Instance, seconds: number): Promise<{ status: string; objective: number; seconds: number }> {
  const highs = await loadHighs();
  const started = performance.now();
  const n = instance.mentees.length;
  const rowOfMentee = new Map(instance.mentees.map((e, i) => [e.id, i]));
  const rowOfMentor = new Map(instance.mentors.map((m, j) => [m.id, n + j]));
  const columns = instance.edges.length;
  const rows = n + instance.mentors.length;
  const starts = Int32Array.from({ length: columns + 1 }, (_, k) => 2 * k);
  const indices = new Int32Array(2 * columns);
  instance.edges.forEach((edge, k) => {
    indices[2 * k] = rowOfMentee.get(edge.mentee) ?? -1;
    indices[2 * k + 1] = rowOfMentor.get(edge.mentor) ?? -1;
  });
  const model = highs.createModel({
    numCols: columns,
    numRows: rows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from(instance.edges, (e) => e.weight),
    colLower: new Float64Array(columns),
    colUpper: new Float64Array(columns).fill(1),
    rowLower: new Float64Array(rows).fill(-highs.infinity),
    rowUpper: Float64Array.from({ length: rows }, (_, r) => (r < n ? 1 : (instance.mentors[r - n]?.capacity ?? 0))),
    matrix: { format: 'csc', numRows: rows, numCols: columns, starts, indices, values: new Float64Array(2 * columns).fill(1) },
  });
  try {
    model.options.set({ output_flag: false, time_limit: seconds });
    model.run();
    const optimal = model.getModelStatus() === highs.constants.modelStatus.optimal;
    return { status: optimal ? 'optimal' : 'stopped', objective: model.getObjectiveValue(), seconds: (performance.now() - started) / 1000 };
  } finally {
    model.dispose();
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Number.NaN;
const sec = (ms: number): string => (ms / 1000).toFixed(ms < 10_000 ? 3 : 1);

/** Solves `runs` times: the median, and the first run on its own (a cold start, as the CLI sees it). */
function time(
  instance: Instance,
  objective: Objective,
  runs: number,
  tick: () => void,
): { solution: Solution; median: number; first: number } {
  const times: number[] = [];
  let solution: Solution | null = null;
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    solution = solve(instance, objective);
    times.push(performance.now() - started);
    tick();
  }
  if (!solution) throw new Error('no runs');
  return { solution, median: median(times), first: times[0] ?? Number.NaN };
}

/** Proves the solution optimal with its dual certificate (outside the timing). */
function exact(instance: Instance, objective: Objective): string {
  const { solution, certificate } = solveWithCertificate(instance, objective);
  const problems = verifyOptimal(instance, objective, solution, certificate);
  return problems.length === 0 ? 'proved' : `NOT PROVED: ${problems[0]}`;
}

interface Case extends Shape {
  runs: number;
  /** Also run the greedy baseline and check the certificates. */
  compare?: boolean;
}

const CASES: Case[] = [
  // The target instance, its adversarial variant, and the shape the solver finds hardest: as many places as mentees.
  { mentees: 10_000, mentors: 2_000, degree: 50, runs: 7, compare: true },
  { mentees: 10_000, mentors: 2_000, degree: 50, adversarial: true, runs: 7, compare: true },
  { mentees: 10_000, mentors: 3_333, degree: 50, runs: 5, compare: true },
  // Growth, 30 candidates each, a mentor per five mentees; the last is the 50k target.
  ...[1_000, 5_000, 10_000, 25_000].map((mentees) => ({ mentees, mentors: mentees / 5, degree: 30, runs: 5 })),
  { mentees: 50_000, mentors: 10_000, degree: 30, runs: 3, compare: true },
  { mentees: 50_000, mentors: 16_667, degree: 30, runs: 1 },
];

export async function run(): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  const bar = progressBar(
    'matching solves',
    CASES.reduce((sum, c) => sum + 2 * c.runs, 0),
  );
  const tick = () => bar.increment();
  let target: Instance | null = null;

  for (const [index, shape] of CASES.entries()) {
    const instance = generate(1 + index, shape);
    if (index === 0) target = instance;
    const places = instance.mentors.reduce((sum, m) => sum + m.capacity, 0);
    const name = `${label(shape)} (${instance.edges.length / 1000}k edges, ${(places / shape.mentees).toFixed(2)} places per mentee)`;
    const weight = time(instance, 'weight', shape.runs, tick);
    const coverage = time(instance, 'coverage', shape.runs, tick);
    const runs = shape.runs > 1 ? `median of ${shape.runs}` : '1 run';
    out[name] =
      `weight ${sec(weight.median)} s (first ${sec(weight.first)}), coverage ${sec(coverage.median)} s (first ${sec(coverage.first)}), ` +
      `${runs}; from the ${weight.solution.stats.root}, ${(weight.solution.stats.examined / 1e6).toFixed(1)}M edges examined`;
    if (!shape.compare) continue;
    if (shape.mentees === 50_000) out[`${label(shape)}: peak RSS so far`] = mb(peakRss());
    const startedGreedy = performance.now();
    const base = greedy(instance);
    const greedyMs = performance.now() - startedGreedy;
    const best = weight.solution;
    out[`${label(shape)}: optimum`] =
      `weight ${best.objective.toFixed(3)} (${best.matched} matched, ${exact(instance, 'weight')}); ` +
      `coverage ${coverage.solution.objective.toFixed(3)} (${coverage.solution.matched} matched, ${exact(instance, 'coverage')})`;
    out[`${label(shape)}: greedy`] =
      `${base.objective.toFixed(3)} (${base.matched} matched) in ${sec(greedyMs)} s: ` +
      `${(best.objective - base.objective).toFixed(3)} short, ${((100 * (best.objective - base.objective)) / best.objective).toFixed(2)}%`;
  }
  bar.stop();

  if (target) {
    const limit = Number(process.env.BENCH_HIGHS_SECONDS ?? 30);
    const lp = await highsOptimum(target, limit);
    const ours = solve(target, 'weight').objective;
    out[`HiGHS, ${label(CASES[0] as Case)} (LP relaxation, weight)`] =
      lp.status === 'optimal'
        ? `${sec(lp.seconds * 1000)} s, objective ${lp.objective.toFixed(6)} (ours − HiGHS: ${(ours - lp.objective).toExponential(1)})`
        : `stopped at the ${limit} s limit`;
  }
  out['peak RSS, whole bench (HiGHS included)'] = mb(peakRss());
  out[`memory, uniform 50k×10k×30 alone (heap capped at ${MEMORY_CAP_MB} MB)`] = memoryAlone();
  return out;
}

/** The heap cap the 50k × 10k × 30 solve must fit in (issue 18: under 600 MB). */
const MEMORY_CAP_MB = 600;

/** Runs `matchingMemory.ts` in a process of its own with V8's heap capped: its peak RSS, or how it failed. */
function memoryAlone(): string {
  const child = spawnSync(process.execPath, [`--max-old-space-size=${MEMORY_CAP_MB}`, '--import', 'tsx', 'bench/matchingMemory.ts'], {
    encoding: 'utf8',
  });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !line.startsWith('{'))
    return `FAILED (exit ${child.status}): ${child.stderr.trim().split('\n').slice(-2).join(' ')}`;
  const r = JSON.parse(line) as {
    edges: number;
    matched: number;
    afterInstance: { heapMb: number; rssMb: number };
    peakRssMb: number;
    heapMb: number;
    arrayBuffersMb: number;
  };
  return (
    `peak RSS ${r.peakRssMb} MB for instance + both objectives with certificates (${r.edges / 1000}k edges, ${r.matched} matched); ` +
    `the instance alone: heap ${r.afterInstance.heapMb} MB, RSS ${r.afterInstance.rssMb} MB; solver typed arrays up to ${r.arrayBuffersMb} MB`
  );
}
