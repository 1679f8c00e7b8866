import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Instance,
  type Objective,
  type Solution,
  type SolveOptions,
  solve,
  solveWithCertificate,
  verifyOptimal,
} from '#domain/matching/assignment.ts';
import { seededRandom } from '#local/seed/random.ts';

/** Weights in thousandths, so the brute force can add them up exactly; ties and zeros on purpose. */
const THOUSANDTHS = [0, 0, 100, 250, 500, 500, 734, 999, 1000, 333];

interface Best {
  /** Best total weight, in thousandths. */
  weight: number;
  /** Most mentees matched, and the best weight (thousandths) among assignments matching that many. */
  count: number;
  weightAtCount: number;
}

/** Every assignment, tried one mentee at a time. */
function bruteForce(instance: Instance): Best {
  const load = new Map(instance.mentors.map((m) => [m.id, 0]));
  const capacity = new Map(instance.mentors.map((m) => [m.id, m.capacity]));
  const options = instance.mentees.map((e) => instance.edges.filter((edge) => edge.mentee === e.id));
  const best: Best = { weight: 0, count: 0, weightAtCount: 0 };
  const visit = (i: number, weight: number, count: number): void => {
    if (i === options.length) {
      best.weight = Math.max(best.weight, weight);
      if (count > best.count || (count === best.count && weight > best.weightAtCount)) {
        best.count = count;
        best.weightAtCount = weight;
      }
      return;
    }
    visit(i + 1, weight, count);
    for (const edge of options[i] ?? []) {
      const used = load.get(edge.mentor) ?? 0;
      if (used >= (capacity.get(edge.mentor) ?? 0)) continue;
      load.set(edge.mentor, used + 1);
      visit(i + 1, weight + Math.round(edge.weight * 1000), count + 1);
      load.set(edge.mentor, used);
    }
  };
  visit(0, 0, 0);
  return best;
}

/** The assignment is one the instance allows: real edges, each mentee once, no mentor over capacity. */
function expectFeasible(instance: Instance, solution: Solution): void {
  const edges = new Map(instance.edges.map((e) => [`${e.mentee}|${e.mentor}`, e.weight]));
  const capacity = new Map(instance.mentors.map((m) => [m.id, m.capacity]));
  const load = new Map<string, number>();
  const mentees = new Set<string>();
  for (const a of solution.assignments) {
    expect(edges.get(`${a.mentee}|${a.mentor}`)).toBe(a.weight);
    expect(mentees.has(a.mentee)).toBe(false);
    mentees.add(a.mentee);
    load.set(a.mentor, (load.get(a.mentor) ?? 0) + 1);
  }
  for (const [mentor, n] of load) expect(n).toBeLessThanOrEqual(capacity.get(mentor) ?? 0);
  const ids = solution.assignments.map((a) => a.mentee);
  expect(ids).toEqual([...ids].sort());
  expect(solution.matched).toBe(solution.assignments.length);
  expect(solution.objective).toBeCloseTo(
    solution.assignments.reduce((sum, a) => sum + a.weight, 0),
    9,
  );
}

/** Solves, checks feasibility and the optimality certificate, returns the solution. */
function solveChecked(instance: Instance, objective: Objective, root: SolveOptions['root'] = 'auto'): Solution {
  const { solution, certificate } = solveWithCertificate(instance, objective, { root });
  expectFeasible(instance, solution);
  expect(verifyOptimal(instance, objective, solution, certificate)).toEqual([]);
  return solution;
}

const smallInstance: fc.Arbitrary<Instance> = fc
  .record({
    capacities: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 4 }),
    mentees: fc.integer({ min: 0, max: 7 }),
  })
  .chain(({ capacities, mentees }) =>
    fc
      .array(
        fc.array(fc.option(fc.constantFrom(...THOUSANDTHS), { freq: 2 }), { minLength: capacities.length, maxLength: capacities.length }),
        {
          minLength: mentees,
          maxLength: mentees,
        },
      )
      .map((matrix) => ({
        mentors: capacities.map((capacity, j) => ({ id: `m${j + 1}`, capacity })),
        mentees: matrix.map((_, i) => ({ id: `e${i + 1}` })),
        edges: matrix.flatMap((row, i) =>
          row.flatMap((w, j) => (w === null ? [] : [{ mentee: `e${i + 1}`, mentor: `m${j + 1}`, weight: w / 1000 }])),
        ),
      })),
  );

/** A random instance: capacities 1–5, `degree` distinct candidate mentors per mentee, 3-decimal weights. */
function randomInstance(seed: number, mentees: number, mentors: number, degree: number, ties = false): Instance {
  const rnd = seededRandom(seed);
  const edges: Instance['edges'] = [];
  for (let i = 0; i < mentees; i++) {
    for (const j of rnd.some(
      Array.from({ length: mentors }, (_, j) => j),
      degree,
      degree,
    )) {
      const weight = ties ? rnd.pick([0, 0.25, 0.5, 0.75, 1]) : rnd.int(0, 999) / 1000;
      edges.push({ mentee: `e${i}`, mentor: `m${j}`, weight });
    }
  }
  return {
    mentors: Array.from({ length: mentors }, (_, j) => ({ id: `m${j}`, capacity: rnd.int(ties ? 0 : 1, 5) })),
    mentees: Array.from({ length: mentees }, (_, i) => ({ id: `e${i}` })),
    edges,
  };
}

const ROOTS = ['mentees', 'mentors'] as const;

describe('the optimal assignment', () => {
  it.each(ROOTS)('finds the best total weight on every small instance, as brute force does (searching from the %s)', (root) => {
    fc.assert(
      fc.property(smallInstance, (instance) => {
        const solution = solveChecked(instance, 'weight', root);
        expect(Math.round(solution.objective * 1000)).toBe(bruteForce(instance).weight);
      }),
      { numRuns: 400 },
    );
  });

  it.each(ROOTS)('for coverage matches as many mentees as possible, then takes the best weight among those (from the %s)', (root) => {
    fc.assert(
      fc.property(smallInstance, (instance) => {
        const solution = solveChecked(instance, 'coverage', root);
        const best = bruteForce(instance);
        expect(solution.matched).toBe(best.count);
        expect(Math.round(solution.objective * 1000)).toBe(best.weightAtCount);
      }),
      { numRuns: 400 },
    );
  });

  it('never assigns a mentor beyond capacity, a mentee twice or a pair without an edge, and proves every answer optimal', () => {
    const mediumInstance = fc
      .record({ mentees: fc.integer({ min: 0, max: 60 }), mentors: fc.integer({ min: 1, max: 15 }), seed: fc.integer() })
      .map(({ mentees, mentors, seed }) => randomInstance(seed, mentees, mentors, Math.min(mentors, 4), seed % 2 === 0));
    fc.assert(
      fc.property(
        mediumInstance,
        fc.constantFrom(...ROOTS),
        fc.constantFrom<Objective>('weight', 'coverage'),
        (instance, root, objective) => {
          solveChecked(instance, objective, root);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('proves optimality with its dual certificate on larger random instances, ties and empty mentors included', () => {
    for (const seed of [1, 2, 3]) {
      for (const ties of [false, true]) {
        // 120 mentors hold about 360 places: fewer than 600 mentees, more than 300.
        for (const mentees of [300, 600]) {
          const instance = randomInstance(seed, mentees, 120, 12, ties);
          const objectives = new Set<number>();
          for (const root of ROOTS) {
            const weight = solveChecked(instance, 'weight', root);
            const coverage = solveChecked(instance, 'coverage', root);
            expect(coverage.matched).toBeGreaterThanOrEqual(weight.matched);
            expect(coverage.objective).toBeLessThanOrEqual(weight.objective + 1e-9);
            objectives.add(Math.round(weight.objective * 1000));
          }
          expect(objectives.size).toBe(1);
        }
      }
    }
  });

  it('rejects a certificate that does not prove optimality', () => {
    const instance = randomInstance(7, 50, 10, 5);
    const { solution, certificate } = solveWithCertificate(instance, 'weight');
    const worse = { ...solution, assignments: solution.assignments.slice(1) };
    expect(verifyOptimal(instance, 'weight', worse, certificate).join('\n')).toMatch(/duality gap/);
    const lowered = { ...certificate, mentee: certificate.mentee.map((u) => Math.max(0, u - 1)) };
    expect(verifyOptimal(instance, 'weight', solution, lowered).join('\n')).toMatch(/dual infeasible|duality gap/);
  });

  it('gives up weight for coverage only when asked to', () => {
    // Ana is worth 1.0 with Mo; giving Mo to Bo (0.05) and Ana to Lu (0.1) matches both for 0.15.
    const instance: Instance = {
      mentors: [
        { id: 'mo', capacity: 1 },
        { id: 'lu', capacity: 1 },
      ],
      mentees: [{ id: 'ana' }, { id: 'bo' }],
      edges: [
        { mentee: 'ana', mentor: 'mo', weight: 1 },
        { mentee: 'ana', mentor: 'lu', weight: 0.1 },
        { mentee: 'bo', mentor: 'mo', weight: 0.05 },
      ],
    };
    const weight = solveChecked(instance, 'weight');
    expect(weight.assignments).toEqual([{ mentee: 'ana', mentor: 'mo', weight: 1 }]);
    const coverage = solveChecked(instance, 'coverage');
    expect(coverage.assignments).toEqual([
      { mentee: 'ana', mentor: 'lu', weight: 0.1 },
      { mentee: 'bo', mentor: 'mo', weight: 0.05 },
    ]);
    expect(coverage.objective).toBeCloseTo(0.15, 12);
  });
});

describe('edge cases', () => {
  it('solves the empty instance', () => {
    for (const objective of ['weight', 'coverage'] as const) {
      const solution = solveChecked({ mentors: [], mentees: [], edges: [] }, objective);
      expect(solution).toMatchObject({ assignments: [], objective: 0, matched: 0 });
      expect(solution.stats).toMatchObject({ mentees: 0, mentors: 0, edges: 0 });
    }
  });

  it('never assigns a mentor of capacity 0, nor a mentee without candidates', () => {
    const instance: Instance = {
      mentors: [
        { id: 'full', capacity: 0 },
        { id: 'open', capacity: 2 },
      ],
      mentees: [{ id: 'a' }, { id: 'b' }, { id: 'alone' }],
      edges: [
        { mentee: 'a', mentor: 'full', weight: 0.9 },
        { mentee: 'a', mentor: 'open', weight: 0.2 },
        { mentee: 'b', mentor: 'full', weight: 0.8 },
      ],
    };
    for (const objective of ['weight', 'coverage'] as const) {
      const solution = solveChecked(instance, objective);
      expect(solution.assignments).toEqual([{ mentee: 'a', mentor: 'open', weight: 0.2 }]);
    }
  });

  it('with all weights zero, scores 0, and coverage still matches as many as possible', () => {
    const instance = randomInstance(11, 40, 8, 3);
    for (const edge of instance.edges) edge.weight = 0;
    expect(solveChecked(instance, 'weight').objective).toBe(0);
    const coverage = solveChecked(instance, 'coverage');
    expect(coverage.objective).toBe(0);
    expect(coverage.matched).toBe(
      Math.min(
        40,
        instance.mentors.reduce((sum, m) => sum + m.capacity, 0),
      ),
    );
  });

  it('breaks ties the same way every time', () => {
    const instance = randomInstance(5, 300, 30, 6, true);
    for (const objective of ['weight', 'coverage'] as const) {
      const first = solve(instance, objective).assignments;
      const again = solve(structuredClone(instance), objective).assignments;
      expect(again).toEqual(first);
    }
  });

  it('takes capacities far above the number of mentees', () => {
    const instance: Instance = {
      mentors: [{ id: 'm', capacity: 1_000_000_000 }],
      mentees: [{ id: 'a' }, { id: 'b' }],
      edges: [
        { mentee: 'a', mentor: 'm', weight: 0.3 },
        { mentee: 'b', mentor: 'm', weight: 0.4 },
      ],
    };
    expect(solveChecked(instance, 'weight').matched).toBe(2);
  });

  it('says how finely weights were taken, and stays exact for large weights by coarsening', () => {
    const small = solveChecked(randomInstance(3, 10, 3, 2), 'weight');
    expect(small.stats.weightScale).toBe(1_000_000);
    const huge: Instance = {
      mentors: [{ id: 'm', capacity: 1 }],
      mentees: [{ id: 'a' }, { id: 'b' }],
      edges: [
        { mentee: 'a', mentor: 'm', weight: 3e12 },
        { mentee: 'b', mentor: 'm', weight: 2e12 },
      ],
    };
    const solution = solveChecked(huge, 'coverage');
    expect(solution.assignments).toEqual([{ mentee: 'a', mentor: 'm', weight: 3e12 }]);
    expect(solution.stats.weightScale).toBeLessThan(1_000_000);
  });
});
