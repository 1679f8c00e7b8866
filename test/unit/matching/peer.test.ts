import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PeerInstance, type PeerObjective, solvePeer, verifyPeerOptimal } from '#domain/matching/peer.ts';
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
  });

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
});
