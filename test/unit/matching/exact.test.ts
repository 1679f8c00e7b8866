import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Instance, type Objective, solve, verifyOptimal } from '#domain/matching/assignment.ts';
import { type CandidateSpace, candidateEdges, type Mentor } from '#domain/matching/candidates.ts';
import { solveExact } from '#domain/matching/exact.ts';
import { type Candidate, type Prepared, prepare } from '#domain/matching/scoring.ts';
import { defaultMatching, type MatchingSettings } from '#domain/programs/programs.ts';

const at = new Date('2026-11-26T12:00:00Z');
const settings: MatchingSettings = { ...defaultMatching, minimumScore: 0 };
const noRules = { blocked: new Set<string>(), ended: new Set<string>() };

const person = (id: string, over: Partial<Candidate>): Candidate => ({
  personId: id,
  displayName: id,
  email: `${id}@example.org`,
  managerEmail: null,
  department: 'IT',
  location: 'Amsterdam',
  timeZone: 'Europe/Amsterdam',
  languages: ['nl'],
  yearsExperience: 10,
  skills: [],
  reasons: [],
  hoursPerMonth: 4,
  openToSponsoring: false,
  shortlist: [],
  ...over,
});
const mentor = (id: string, skills: string[], remaining: number): Mentor => ({
  ...prepare(person(id, { yearsExperience: 20, skills }), at),
  remaining,
});
const mentee = (id: string, skills: string[]): Prepared => prepare(person(id, { yearsExperience: 2, skills }), at);

/** Every eligible pair, as one instance: the graph the run must be optimal over. */
function fullGraph(mentees: Prepared[], mentors: Mentor[], rules = noRules): Instance {
  const all = candidateEdges(mentees, mentors, settings, rules, 1_000_000);
  return {
    mentors: all.mentors.map((m) => ({ id: m.personId, capacity: Math.max(0, m.remaining) })),
    mentees: mentees.map((m) => ({ id: m.personId })),
    edges: all.edges,
  };
}

/** The optimum over the kept edges alone: what a run truncated to each mentee's best k would propose. */
function truncated(space: CandidateSpace, mentees: Prepared[], objective: Objective) {
  return solve(
    {
      mentors: space.mentors.map((m) => ({ id: m.personId, capacity: Math.max(0, m.remaining) })),
      mentees: mentees.map((m) => ({ id: m.personId })),
      edges: space.edges,
    },
    objective,
  );
}

describe('matching exactly over every eligible pair', () => {
  // Three stars offer everything every mentee seeks, so each mentee's best three edges all go to them;
  // nine plain mentors offer a little each. Truncated to three edges a mentee, nine mentees go unmatched.
  const stars = ['s1', 's2', 's3'].map((id) => mentor(id, ['a', 'b', 'c', 'd'], 1));
  const plain = Array.from({ length: 9 }, (_, k) => mentor(`p${k}`, [['a', 'b', 'c', 'd'][k % 4] as string], 1));
  const mentors = [...stars, ...plain];
  const mentees = Array.from({ length: 12 }, (_, k) => mentee(`e${String(k).padStart(2, '0')}`, ['a', 'b', 'c', 'd']));

  for (const objective of ['coverage', 'weight'] as const) {
    it(`finds the full graph's optimum when crowded popular mentors make truncation lose (${objective})`, () => {
      // Prepare
      const space = candidateEdges(mentees, mentors, settings, noRules, 3);
      const full = fullGraph(mentees, mentors);
      const optimum = solve(full, objective);
      const short = truncated(space, mentees, objective);

      // Act
      const exact = solveExact(
        space,
        mentees.map((m) => m.personId),
        objective,
      );

      // Assert
      expect(short.matched).toBe(3);
      expect(optimum.matched).toBe(12);
      expect(exact.solution.matched).toBe(optimum.matched);
      expect(exact.solution.objective).toBeCloseTo(optimum.objective, 9);
      expect(exact.certification).toMatchObject({ certified: true, eligiblePairs: 12 * 12, keptPairs: 36 });
      expect(exact.certification.addedPairs).toBeGreaterThan(0);
      expect(verifyOptimal(full, objective, exact.solution, exact.certificate)).toEqual([]);
    });
  }

  it('adds nothing when the kept edges already hold the optimum', () => {
    // Prepare: each mentee seeks what one mentor offers, and no one else does: everyone's best edge is their own.
    const own = Array.from({ length: 12 }, (_, k) => mentor(`s${k}`, [`x${k}`], 1));
    const seekers = Array.from({ length: 12 }, (_, k) => mentee(`e${k}`, [`x${k}`]));
    const space = candidateEdges(seekers, own, settings, noRules, 3);

    // Act
    const exact = solveExact(
      space,
      seekers.map((m) => m.personId),
      'coverage',
    );

    // Assert
    expect(exact.certification).toMatchObject({ certified: true, rounds: 1, addedPairs: 0, eligiblePairs: 144 });
    expect(exact.solution.matched).toBe(12);
  });

  it('equals the full-graph optimum on random programs, for any number of kept edges', () => {
    const skills = ['a', 'b', 'c'];
    const someSkills = fc.subarray(skills, { minLength: 1 });
    fc.assert(
      fc.property(
        fc.array(someSkills, { minLength: 1, maxLength: 7 }),
        fc.array(fc.record({ skills: someSkills, remaining: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom<Objective>('weight', 'coverage'),
        fc.array(fc.tuple(fc.nat(6), fc.nat(4)), { maxLength: 4 }),
        (wants, offers, k, objective, blocks) => {
          const es = wants.map((s, i) => mentee(`e${i}`, s));
          const ms = offers.map((o, j) => mentor(`m${j}`, o.skills, o.remaining));
          const rules = { blocked: new Set(blocks.map(([i, j]) => `e${i}|m${j}`)), ended: new Set<string>() };
          const space = candidateEdges(es, ms, settings, rules, k);
          const full = fullGraph(es, ms, rules);
          const exact = solveExact(
            space,
            es.map((m) => m.personId),
            objective,
          );
          const optimum = solve(full, objective);
          expect(exact.certification.certified).toBe(true);
          if (objective === 'coverage') expect(exact.solution.matched).toBe(optimum.matched);
          expect(exact.solution.objective).toBeCloseTo(optimum.objective, 9);
          expect(verifyOptimal(full, objective, exact.solution, exact.certificate)).toEqual([]);
        },
      ),
      { numRuns: 200, seed: 20261206 },
    );
  }, 60_000);
});
