import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue, type PeerInstance, type PeerObjective, solvePeer, verifyPeerOptimal } from '#domain/matching/peer.ts';
import { seededRandom } from '#local/seed/random.ts';

/** Every matching, tried edge by edge: the best weight and the best (pairs, then weight), in thousandths. */
function bruteForce(instance: PeerInstance): { weight: number; pairs: number; weightAtPairs: number } {
  const index = new Map(instance.participants.map((p, i) => [p.id, i]));
  const edges = instance.edges.map((e) => ({ i: index.get(e.a) ?? 0, j: index.get(e.b) ?? 0, w: Math.round(e.weight * 1000) }));
  const used = new Uint8Array(instance.participants.length);
  const best = { weight: 0, pairs: 0, weightAtPairs: 0 };
  const visit = (k: number, weight: number, pairs: number): void => {
    if (k === edges.length) {
      best.weight = Math.max(best.weight, weight);
      if (pairs > best.pairs || (pairs === best.pairs && weight > best.weightAtPairs)) {
        best.pairs = pairs;
        best.weightAtPairs = weight;
      }
      return;
    }
    visit(k + 1, weight, pairs);
    const e = edges[k] as { i: number; j: number; w: number };
    if (!used[e.i] && !used[e.j]) {
      used[e.i] = 1;
      used[e.j] = 1;
      visit(k + 1, weight + e.w, pairs + 1);
      used[e.i] = 0;
      used[e.j] = 0;
    }
  };
  visit(0, 0, 0);
  return best;
}

const thousandths = (x: number) => Math.round(x * 1000);
const graph = (n: number, edges: [number, number, number][]): PeerInstance => ({
  participants: Array.from({ length: n }, (_, i) => ({ id: `p${i}` })),
  edges: edges.map(([a, b, weight]) => ({ a: `p${a}`, b: `p${b}`, weight })),
});

/** Small graphs with odd cycles, ties, zero weights and isolated vertices, each edge once. */
const smallGraph = fc.integer({ min: 2, max: 9 }).chain((n) =>
  fc
    .uniqueArray(
      fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.constantFrom(0, 0.1, 0.25, 0.5, 0.5, 0.734, 0.999, 1)).filter(([a, b]) => a !== b),
      { selector: ([a, b]) => (a < b ? `${a}|${b}` : `${b}|${a}`), maxLength: 16 },
    )
    .map((edges) => graph(n, edges)),
);

describe('peer matching in a general graph', () => {
  it('takes the heavier pair around an odd cycle, where a bipartite method has no sides', () => {
    // Prepare: a triangle and a pendant: 0–1–2–0, 2–3.
    const triangle = graph(4, [
      [0, 1, 0.6],
      [1, 2, 0.6],
      [0, 2, 0.6],
      [2, 3, 0.5],
    ]);

    // Act
    const { solution, certificate } = solvePeer(triangle, 'weight');

    // Assert: 0–1 and 2–3 (1.1), proved by the certificate.
    expect(solution.objective).toBeCloseTo(1.1, 9);
    expect(solution.pairs.map((p) => `${p.a}-${p.b}`).sort()).toEqual(['p0-p1', 'p2-p3']);
    expect(verifyPeerOptimal(triangle, solution, certificate)).toEqual([]);
  });

  it('trades weight for one more pair under the coverage objective, and not under weight', () => {
    // Prepare: a path 0–1–2–3 whose middle edge is heavy.
    const path = graph(4, [
      [0, 1, 0.3],
      [1, 2, 0.9],
      [2, 3, 0.3],
    ]);

    // Act
    const byWeight = solvePeer(path, 'weight');
    const byCoverage = solvePeer(path, 'coverage');

    // Assert
    expect(byWeight.solution.pairs.map((p) => `${p.a}-${p.b}`)).toEqual(['p1-p2']);
    expect(byCoverage.solution.pairs).toHaveLength(2);
    expect(verifyPeerOptimal(path, byWeight.solution, byWeight.certificate)).toEqual([]);
    expect(verifyPeerOptimal(path, byCoverage.solution, byCoverage.certificate)).toEqual([]);
  });

  it('equals brute force on small graphs, for both objectives, and proves it', () => {
    fc.assert(
      fc.property(smallGraph, fc.constantFrom<PeerObjective>('weight', 'coverage'), (instance, objective) => {
        const { solution, certificate } = solvePeer(instance, objective);
        const best = bruteForce(instance);
        const total = solution.pairs.reduce((s, p) => s + thousandths(p.weight), 0);
        if (objective === 'weight') expect(total).toBe(best.weight);
        else expect([solution.pairs.length, total]).toEqual([best.pairs, best.weightAtPairs]);
        expect(verifyPeerOptimal(instance, solution, certificate)).toEqual([]);
      }),
      { numRuns: 600, seed: 20261206 },
    );
  }, 60_000);

  it('handles the nested, relabelled and expanded blossoms of the classic cases, proved and equal to brute force', () => {
    // Prepare: the hard cases of van Rantwijk's mwmatching tests (a blossom grown into a
    // T-blossom, an S-blossom nested in another, a nested blossom relabelled, a T-blossom expanded
    // whose least-slack edge lies inside, nested expansions); weights /100 to fit [0, 1].
    const cases: [number, number, number][][] = [
      [
        [1, 2, 8],
        [1, 3, 9],
        [2, 3, 10],
        [3, 4, 7],
        [1, 6, 5],
        [4, 5, 6],
      ],
      [
        [1, 2, 9],
        [1, 3, 8],
        [2, 3, 10],
        [1, 4, 5],
        [4, 5, 4],
        [1, 6, 3],
      ],
      [
        [1, 2, 9],
        [1, 3, 8],
        [2, 3, 10],
        [1, 4, 5],
        [4, 5, 3],
        [3, 6, 4],
      ],
      [
        [1, 2, 9],
        [1, 3, 9],
        [2, 3, 10],
        [2, 4, 8],
        [3, 5, 8],
        [4, 5, 10],
        [5, 6, 6],
      ],
      [
        [1, 2, 10],
        [1, 7, 10],
        [2, 3, 12],
        [3, 4, 20],
        [3, 5, 20],
        [4, 5, 25],
        [5, 6, 10],
        [6, 7, 10],
        [7, 8, 8],
      ],
      [
        [1, 2, 8],
        [1, 3, 8],
        [2, 3, 10],
        [2, 4, 12],
        [3, 5, 12],
        [4, 5, 14],
        [4, 6, 12],
        [5, 7, 12],
        [6, 7, 14],
        [7, 8, 12],
      ],
      [
        [1, 2, 23],
        [1, 5, 22],
        [1, 6, 15],
        [2, 3, 25],
        [3, 4, 22],
        [4, 5, 25],
        [4, 8, 14],
        [5, 7, 13],
      ],
      [
        [1, 2, 19],
        [1, 3, 20],
        [1, 8, 8],
        [2, 3, 25],
        [2, 4, 18],
        [3, 5, 18],
        [4, 5, 13],
        [4, 7, 7],
        [5, 6, 7],
      ],
      [
        [1, 2, 45],
        [1, 5, 45],
        [2, 3, 50],
        [3, 4, 45],
        [4, 5, 50],
        [1, 6, 30],
        [3, 9, 35],
        [4, 8, 35],
        [5, 7, 26],
        [9, 10, 5],
      ],
      [
        [1, 2, 45],
        [1, 5, 45],
        [2, 3, 50],
        [3, 4, 45],
        [4, 5, 50],
        [1, 6, 30],
        [3, 9, 35],
        [4, 8, 26],
        [5, 7, 40],
        [9, 10, 5],
      ],
      [
        [1, 2, 45],
        [1, 5, 45],
        [2, 3, 50],
        [3, 4, 45],
        [4, 5, 50],
        [1, 6, 30],
        [3, 9, 35],
        [4, 8, 28],
        [5, 7, 26],
        [9, 10, 5],
      ],
      [
        [1, 2, 45],
        [1, 7, 45],
        [2, 3, 50],
        [3, 4, 45],
        [4, 5, 95],
        [4, 6, 94],
        [5, 6, 94],
        [6, 7, 50],
        [1, 8, 30],
        [3, 11, 35],
        [5, 9, 36],
        [7, 10, 26],
        [11, 12, 5],
      ],
      [
        [1, 2, 40],
        [1, 3, 40],
        [2, 3, 60],
        [2, 4, 55],
        [3, 5, 55],
        [4, 5, 50],
        [1, 8, 15],
        [5, 7, 30],
        [7, 6, 10],
        [8, 10, 10],
        [4, 9, 30],
      ],
    ];
    for (const edges of cases) {
      const instance = graph(
        13,
        edges.map(([a, b, w]) => [a, b, w / 100]),
      );
      const best = bruteForce(instance);
      for (const objective of ['weight', 'coverage'] as const) {
        // Act
        const { solution, certificate } = solvePeer(instance, objective);

        // Assert
        const total = solution.pairs.reduce((s, p) => s + thousandths(p.weight), 0);
        if (objective === 'weight') expect(total).toBe(best.weight);
        else expect([solution.pairs.length, total]).toEqual([best.pairs, best.weightAtPairs]);
        expect(verifyPeerOptimal(instance, solution, certificate)).toEqual([]);
      }
    }
  });

  it('proves its answer on larger random graphs with nested blossoms', () => {
    for (const seed of [1, 2, 3]) {
      // Prepare: 300 participants, 6 edges each, coarse weights (many ties, many odd cycles).
      const rnd = seededRandom(seed);
      const edges = new Map<string, [number, number, number]>();
      for (let i = 0; i < 300; i++) {
        for (let d = 0; d < 6; d++) {
          const j = Math.floor(rnd.next() * 300);
          if (j !== i) edges.set(i < j ? `${i}|${j}` : `${j}|${i}`, [i, j, Math.round(rnd.next() * 10) / 10]);
        }
      }
      const instance = graph(300, [...edges.values()]);
      for (const objective of ['weight', 'coverage'] as const) {
        // Act
        const { solution, certificate } = solvePeer(instance, objective);

        // Assert
        expect(verifyPeerOptimal(instance, solution, certificate)).toEqual([]);
      }
    }
  }, 60_000);

  it('finds a tampered answer wrong: a pair dropped, or a dual lowered', () => {
    // Prepare
    const instance = graph(5, [
      [0, 1, 0.5],
      [1, 2, 0.7],
      [2, 0, 0.6],
      [2, 3, 0.4],
      [3, 4, 0.9],
    ]);
    const { solution, certificate } = solvePeer(instance, 'weight');

    // Act
    const fewer = verifyPeerOptimal(instance, { ...solution, pairs: solution.pairs.slice(1) }, certificate);
    const top = certificate.vertex.indexOf(Math.max(...certificate.vertex));
    const lowered = Float64Array.from(certificate.vertex, (y, v) => (v === top ? y - 2 : y));
    const infeasible = verifyPeerOptimal(instance, solution, { ...certificate, vertex: lowered });

    // Assert
    expect(fewer.join(' ')).toMatch(/duality gap/);
    expect(infeasible.length).toBeGreaterThan(0);
  });

  it('takes queued events in order of their keys, also beyond 31 bits, with pushes interleaved', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.oneof(fc.nat(1000), fc.nat(2 ** 40), fc.integer({ min: 2 ** 31 - 5, max: 2 ** 31 + 5 }))), {
          maxLength: 200,
        }),
        (steps) => {
          // Prepare: pushes (never below the last key taken) and takes, with a sorted list as the model.
          const queue = new EventQueue();
          const model: number[] = [];
          let last = 0;
          steps.forEach(([take, offset], i) => {
            // Act
            if (take && model.length > 0) {
              const key = queue.peek();
              queue.pop();
              // Assert
              expect(key).toBe(model.shift());
              last = key;
            } else {
              queue.push(last + offset, i);
              model.push(last + offset);
              model.sort((a, b) => a - b);
            }
          });
          while (model.length > 0) {
            expect(queue.peek()).toBe(model.shift());
            queue.pop();
          }
          expect(queue.size).toBe(0);
        },
      ),
      { numRuns: 300, seed: 20261206 },
    );
  }, 60_000);
});
