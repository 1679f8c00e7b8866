import loadHighs from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Instance, solve } from '#domain/matching/assignment.ts';
import { seededRandom } from '#local/seed/random.ts';

type Highs = Awaited<ReturnType<typeof loadHighs>>;

interface Shape {
  mentees: number;
  mentors: number;
  /** Candidate mentors per mentee: 1 to this many. */
  degree: number;
  capacity: [number, number];
  /** Share of edges with weight 0. */
  zeros: number;
}

/** A random instance of the shape, with 3-decimal weights. */
function randomInstance(seed: number, shape: Shape): Instance {
  const rnd = seededRandom(seed);
  const all = Array.from({ length: shape.mentors }, (_, j) => j);
  return {
    mentors: all.map((j) => ({ id: `m${j}`, capacity: rnd.int(...shape.capacity) })),
    mentees: Array.from({ length: shape.mentees }, (_, i) => ({ id: `e${i}` })),
    edges: Array.from({ length: shape.mentees }, (_, i) =>
      rnd
        .some(all, 1, shape.degree)
        .map((j) => ({ mentee: `e${i}`, mentor: `m${j}`, weight: rnd.chance(shape.zeros) ? 0 : rnd.int(0, 999) / 1000 })),
    ).flat(),
  };
}

/** Capacity contended: ~120 places for 200 mentees. */
const CONTENDED: Shape = { mentees: 200, mentors: 40, degree: 10, capacity: [1, 5], zeros: 0 };
/** Few candidates each, empty mentors and zero weights: the best weight leaves mentees out that coverage places. */
const SPARSE: Shape = { mentees: 200, mentors: 60, degree: 4, capacity: [0, 4], zeros: 0.2 };

/**
 * The LP relaxation of the b-matching, which is integral for a bipartite graph: one column per edge,
 * a row per mentee (≤ 1) and per mentor (≤ capacity), and optionally a last row Σx ≥ `atLeast`.
 */
function lpOptimum(highs: Highs, instance: Instance, cost: (weight: number) => number, atLeast = 0): number {
  const n = instance.mentees.length;
  const rowOfMentee = new Map(instance.mentees.map((e, i) => [e.id, i]));
  const rowOfMentor = new Map(instance.mentors.map((m, j) => [m.id, n + j]));
  const rows = n + instance.mentors.length + 1;
  const columns = instance.edges.length;
  const starts = new Int32Array(columns + 1);
  const indices = new Int32Array(3 * columns);
  for (let k = 0; k < columns; k++) {
    const edge = instance.edges[k] as Instance['edges'][number];
    indices.set([rowOfMentee.get(edge.mentee) ?? -1, rowOfMentor.get(edge.mentor) ?? -1, rows - 1], 3 * k);
    starts[k + 1] = 3 * (k + 1);
  }
  const model = highs.createModel({
    numCols: columns,
    numRows: rows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: instance.edges.map((e) => cost(e.weight)),
    colLower: new Float64Array(columns),
    colUpper: new Float64Array(columns).fill(1),
    rowLower: [...new Array(rows - 1).fill(-highs.infinity), atLeast],
    rowUpper: [...new Array(n).fill(1), ...instance.mentors.map((m) => m.capacity), highs.infinity],
    matrix: { format: 'csc', numRows: rows, numCols: columns, starts, indices, values: new Float64Array(3 * columns).fill(1) },
  });
  try {
    model.options.set({ output_flag: false });
    model.run();
    expect(model.getModelStatus()).toBe(highs.constants.modelStatus.optimal);
    return model.getObjectiveValue();
  } finally {
    model.dispose();
  }
}

describe('the optimal assignment, against HiGHS', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it.each([
    ['contended', 1, CONTENDED],
    ['contended', 2, CONTENDED],
    ['sparse', 1, SPARSE],
    ['sparse', 2, SPARSE],
  ] as const)('equals the LP optimum for both objectives (%s, seed %i)', (_, seed, shape) => {
    const instance = randomInstance(seed, shape);

    const weight = solve(instance, 'weight');
    expect(weight.objective).toBeCloseTo(
      lpOptimum(highs, instance, (w) => w),
      6,
    );

    // Coverage the long way round: the most mentees first, then the best weight with at least that many.
    const most = Math.round(lpOptimum(highs, instance, () => 1));
    const coverage = solve(instance, 'coverage');
    expect(coverage.matched).toBe(most);
    expect(coverage.objective).toBeCloseTo(
      lpOptimum(highs, instance, (w) => w, most),
      6,
    );
    if (shape === SPARSE) expect(coverage.matched).toBeGreaterThan(weight.matched);
  });
});
