import { describe, expect, it } from 'vitest';
import { InstanceError, parseInstance } from '#domain/matching/instance.ts';

const mentors = (n: number) => Array.from({ length: n }, (_, j) => ({ id: `m${j + 1}`, capacity: 2 }));
const mentees = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `e${i + 1}` }));
const edge = (mentee: string, mentor: string, weight = 0.5) => ({ mentee, mentor, weight });

/** The message parseInstance refuses `json` with, checking it names `entry`. */
function refusal(json: unknown, entry: string): string {
  try {
    parseInstance(json);
  } catch (error) {
    expect(error).toBeInstanceOf(InstanceError);
    expect((error as InstanceError).entry).toBe(entry);
    return (error as Error).message;
  }
  throw new Error('parseInstance accepted it');
}

describe('reading an instance', () => {
  it('takes a well-formed instance and keeps only the fields it knows', () => {
    const json = {
      mentors: [{ id: 'm1', capacity: 3, name: 'Sanne' }],
      mentees: [{ id: 'e1', note: 'x' }],
      edges: [{ mentee: 'e1', mentor: 'm1', weight: 0.734, why: 'skills' }],
      version: 2,
    };
    expect(parseInstance(json)).toEqual({
      mentors: [{ id: 'm1', capacity: 3 }],
      mentees: [{ id: 'e1' }],
      edges: [{ mentee: 'e1', mentor: 'm1', weight: 0.734 }],
    });
    expect(parseInstance({ mentors: [], mentees: [], edges: [] })).toEqual({ mentors: [], mentees: [], edges: [] });
  });

  it('refuses what is not an object with the three arrays', () => {
    expect(refusal(null, 'instance')).toBe('the instance must be an object with mentors, mentees and edges, not null');
    expect(refusal([], 'instance')).toMatch(/not an array/);
    expect(refusal({ mentors: [], mentees: [] }, 'edges')).toBe('edges must be an array (it is missing)');
    expect(refusal({ mentors: {}, mentees: [], edges: [] }, 'mentors')).toBe('mentors must be an array, not an object');
  });

  it('refuses an edge to an unknown mentor or mentee, naming the edge', () => {
    const edges = Array.from({ length: 17 }, (_, k) => edge(`e${Math.floor(k / 3) + 1}`, `m${(k % 3) + 1}`));
    const instance = { mentors: mentors(3), mentees: mentees(6), edges: [...edges, edge('e6', 'm9')] };
    expect(refusal(instance, 'edges[17]')).toBe('edges[17]: mentor "m9" is not in mentors');
    expect(refusal({ mentors: mentors(1), mentees: mentees(1), edges: [edge('e7', 'm1')] }, 'edges[0]')).toBe(
      'edges[0]: mentee "e7" is not in mentees',
    );
  });

  it('refuses a repeated pair, naming both edges', () => {
    const edges = [edge('e1', 'm1'), edge('e1', 'm2'), edge('e2', 'm1'), edge('e2', 'm2'), edge('e1', 'm2', 0.9), edge('e2', 'm1')];
    expect(refusal({ mentors: mentors(2), mentees: mentees(2), edges }, 'edges[4]')).toBe(
      'edges[4] repeats mentee e1 with mentor m2 (first at edges[1])',
    );
  });

  it('refuses repeated ids', () => {
    expect(refusal({ mentors: [...mentors(3), { id: 'm2', capacity: 1 }], mentees: [], edges: [] }, 'mentors[3]')).toBe(
      'mentors[3] repeats id "m2" (first at mentors[1])',
    );
    expect(refusal({ mentors: [], mentees: [...mentees(2), { id: 'e1' }], edges: [] }, 'mentees[2]')).toBe(
      'mentees[2] repeats id "e1" (first at mentees[0])',
    );
  });

  it.each([-1, 1.5, Number.POSITIVE_INFINITY, Number.NaN, '3', null, undefined])('refuses capacity %s', (capacity) => {
    const json = { mentors: [...mentors(3), { id: 'm4', capacity }], mentees: [], edges: [] };
    expect(refusal(json, 'mentors[3]')).toMatch(/^mentors\[3\] "m4": capacity must be a whole number ≥ 0(, not | \(it is missing\))/);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -0.25, '0.5', undefined])('refuses weight %s', (weight) => {
    const json = { mentors: mentors(1), mentees: mentees(2), edges: [edge('e1', 'm1'), { mentee: 'e2', mentor: 'm1', weight }] };
    expect(refusal(json, 'edges[1]')).toMatch(/^edges\[1\] \(e2 → m1\): weight must be a finite number ≥ 0(, not | \(it is missing\))/);
  });

  it('refuses entries of the wrong type, naming them', () => {
    expect(refusal({ mentors: [42], mentees: [], edges: [] }, 'mentors[0]')).toBe('mentors[0] must be an object, not 42');
    expect(refusal({ mentors: [{ id: 7, capacity: 1 }], mentees: [], edges: [] }, 'mentors[0]')).toBe(
      'mentors[0]: id must be a non-empty string, not 7',
    );
    expect(refusal({ mentors: [], mentees: [{ id: '' }], edges: [] }, 'mentees[0]')).toMatch(/mentees\[0\]: id must be a non-empty string/);
    expect(refusal({ mentors: mentors(1), mentees: mentees(1), edges: [edge('e1', 'm1'), 'e1-m1'] }, 'edges[1]')).toBe(
      'edges[1] must be an object, not "e1-m1"',
    );
    expect(refusal({ mentors: mentors(1), mentees: mentees(1), edges: [{ mentee: 'e1', weight: 1 }] }, 'edges[0]')).toMatch(
      /edges\[0\]: mentor must be a non-empty string/,
    );
  });
});
