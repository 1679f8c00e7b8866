import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CircleInstance, solveCircles } from '#domain/matching/circles.ts';

/** Every assignment, mentee by mentee: the best weight, and the best (placed, then weight), among those meeting every minimum. */
function bruteForce(instance: CircleInstance): { weight: number; placed: number; weightAtPlaced: number } {
  const mentors = new Map(instance.mentors.map((m) => [m.id, m]));
  const byMentee = instance.mentees.map((m) => instance.edges.filter((e) => e.mentee === m.id && mentors.has(e.mentor)));
  const load = new Map<string, number>();
  const best = { weight: 0, placed: 0, weightAtPlaced: 0 };
  const visit = (i: number, weight: number, placed: number): void => {
    if (i === byMentee.length) {
      for (const [id, n] of load) if (n > 0 && n < (mentors.get(id)?.minimum ?? 0)) return;
      best.weight = Math.max(best.weight, weight);
      if (placed > best.placed || (placed === best.placed && weight > best.weightAtPlaced)) {
        best.placed = placed;
        best.weightAtPlaced = weight;
      }
      return;
    }
    visit(i + 1, weight, placed);
    for (const e of byMentee[i] ?? []) {
      const n = load.get(e.mentor) ?? 0;
      if (n >= (mentors.get(e.mentor)?.capacity ?? 0)) continue;
      load.set(e.mentor, n + 1);
      visit(i + 1, weight + Math.round(e.weight * 1000), placed + 1);
      load.set(e.mentor, n);
    }
  };
  visit(0, 0, 0);
  return best;
}

const instances = fc
  .record({
    mentees: fc.integer({ min: 1, max: 7 }),
    mentors: fc.array(fc.record({ capacity: fc.integer({ min: 1, max: 4 }), minimum: fc.integer({ min: 0, max: 4 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
    weights: fc.array(fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }), { minLength: 21, maxLength: 21 }),
  })
  .map(({ mentees, mentors, weights }): CircleInstance => {
    const edges: CircleInstance['edges'] = [];
    for (let i = 0; i < mentees; i++) {
      mentors.forEach((_, j) => {
        const w = weights[i * 3 + j];
        if (w !== null && w !== undefined) edges.push({ mentee: `e${i}`, mentor: `m${j}`, weight: w / 1000 });
      });
    }
    return {
      mentees: Array.from({ length: mentees }, (_, i) => ({ id: `e${i}` })),
      mentors: mentors.map((m, j) => ({ id: `m${j}`, ...m })),
      edges,
    };
  });

const total = (assignments: { weight: number }[]) => assignments.reduce((s, a) => s + Math.round(a.weight * 1000), 0);

describe('circles: a b-matching that opens no circle below its minimum', () => {
  it('never opens a circle below its minimum, nor fills one beyond its capacity', () => {
    fc.assert(
      fc.property(instances, fc.constantFrom('weight' as const, 'coverage' as const), (instance, objective) => {
        // Act
        const { assignments } = solveCircles(instance, objective);

        // Assess
        const load = new Map<string, number>();
        for (const a of assignments) load.set(a.mentor, (load.get(a.mentor) ?? 0) + 1);
        for (const m of instance.mentors) {
          const n = load.get(m.id) ?? 0;
          expect(n).toBeLessThanOrEqual(m.capacity);
          if (n > 0) expect(n).toBeGreaterThanOrEqual(m.minimum);
        }
        expect(new Set(assignments.map((a) => a.mentee)).size).toBe(assignments.length);
      }),
      { numRuns: 300 },
    );
  });

  it('finds the optimum brute force finds, for both objectives, and proves it', () => {
    fc.assert(
      fc.property(instances, (instance) => {
        // Prepare
        const best = bruteForce(instance);

        // Act
        const weight = solveCircles(instance, 'weight');
        const coverage = solveCircles(instance, 'coverage');

        // Assess
        expect(total(weight.assignments)).toBe(best.weight);
        expect(coverage.assignments.length).toBe(best.placed);
        expect(total(coverage.assignments)).toBe(best.weightAtPlaced);
        expect(weight.certificate.method).toBe('EXACT');
        expect(weight.certificate.bound).toBe(weight.certificate.objective);
      }),
      { numRuns: 300 },
    );
  });

  it('closes the circle that cannot reach its minimum and says so', () => {
    // Prepare: five mentees; a circle of at most 4 and at least 3 takes four, the other would get one.
    const instance: CircleInstance = {
      mentees: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id })),
      mentors: [
        { id: 'big', capacity: 4, minimum: 3 },
        { id: 'small', capacity: 4, minimum: 3 },
      ],
      edges: [
        ...['a', 'b', 'c', 'd', 'e'].map((mentee) => ({ mentee, mentor: 'big', weight: 0.6 })),
        { mentee: 'e', mentor: 'small', weight: 0.9 },
      ],
    };

    // Act
    const { assignments, certificate } = solveCircles(instance, 'coverage');

    // Assess
    expect(assignments.map((a) => a.mentor)).toEqual(['big', 'big', 'big', 'big']);
    expect(certificate).toMatchObject({ method: 'EXACT', closed: ['small'] });
    expect(certificate.unconstrained).toBeGreaterThan(certificate.objective);
  });

  it('stops at its node limit with the incumbent and a proved bound', () => {
    // Prepare: many small circles that each could take one, none of which may open with one.
    const mentees = Array.from({ length: 12 }, (_, i) => ({ id: `e${i}` }));
    const mentors = Array.from({ length: 6 }, (_, j) => ({ id: `m${j}`, capacity: 3, minimum: 3 }));
    const edges = mentees.flatMap((e, i) => mentors.map((m, j) => ({ mentee: e.id, mentor: m.id, weight: ((i * 7 + j * 13) % 10) / 10 })));

    // Act
    const limited = solveCircles({ mentees, mentors, edges }, 'weight', 4);
    const full = solveCircles({ mentees, mentors, edges }, 'weight');

    // Assess
    expect(full.certificate.method).toBe('EXACT');
    expect(limited.certificate.bound).toBeGreaterThanOrEqual(full.certificate.objective - 1e-9);
    expect(limited.certificate.objective).toBeLessThanOrEqual(full.certificate.objective + 1e-9);
  });
});
