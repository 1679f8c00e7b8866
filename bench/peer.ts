/**
 * Peer matching at scale (`npm run bench -- peer`): the blossom solver on random general graphs
 * of 10,000 (and with BENCH_PEER_LARGE=1, 50,000) participants with 20 edges each (weights with three decimals), for both
 * objectives, each solution proved optimal by its certificate; and the whole `kindling solve`
 * process on the 10,000 instance, against the in-process solve. Generated from a seed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PeerInstance, solvePeer, verifyPeerOptimal } from '#domain/matching/peer.ts';
import { seededRandom } from '#local/seed/random.ts';
import { mb, peakRss } from './support.ts';

/** n participants, each drawing `degree` random others (an edge once), weights in thousandths. */
function generate(seed: number, n: number, degree: number): PeerInstance {
  const rnd = seededRandom(seed);
  const seen = new Set<number>();
  const edges: PeerInstance['edges'] = [];
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < degree / 2; d++) {
      const j = Math.floor(rnd.next() * n);
      if (j === i) continue;
      const key = i < j ? i * n + j : j * n + i;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({ a: `p${i}`, b: `p${j}`, weight: Math.floor(rnd.next() * 1000) / 1000 });
    }
  }
  return { participants: Array.from({ length: n }, (_, i) => ({ id: `p${i}` })), edges };
}

export async function run(): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  // 50,000 takes minutes with this solver (it restarts its labels each stage: O(n·m) at worst); BENCH_PEER_LARGE=1 runs it.
  const sizes = process.env.BENCH_PEER_LARGE === '1' ? [10_000, 50_000] : [10_000];
  for (const n of sizes) {
    const instance = generate(n, n, 20);
    for (const objective of ['weight', 'coverage'] as const) {
      const { solution, certificate } = solvePeer(instance, objective);
      const problems = verifyPeerOptimal(instance, solution, certificate);
      out[`${n / 1000}k × 20, ${objective}`] =
        `${(solution.stats.solveMs / 1000).toFixed(2)} s, ${solution.stats.pairs} pairs, weight ${solution.objective.toFixed(3)}, ` +
        `${solution.stats.blossoms} blossoms, ${problems.length === 0 ? 'proved optimal' : `NOT PROVED: ${problems[0]}`}`;
    }
  }

  // The whole process, as a user runs it: read the file, solve, write the answer.
  const dir = mkdtempSync(join(tmpdir(), 'kindling-peer-'));
  try {
    const file = join(dir, 'peer.json');
    const instance = generate(10_000, 10_000, 20);
    writeFileSync(file, JSON.stringify(instance));
    const inProcess = solvePeer(instance, 'weight').solution.stats.solveMs;
    const started = performance.now();
    const res = spawnSync('node', ['bin/kindling.js', 'solve', '--in', file, '--out', join(dir, 'pairs.json')], {
      encoding: 'utf8',
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    const whole = performance.now() - started;
    out['kindling solve 10k × 20 (whole process)'] =
      res.status === 0 ? `${(whole / 1000).toFixed(2)} s (in-process solve ${(inProcess / 1000).toFixed(2)} s)` : `failed: ${res.stderr}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  out['peak RSS'] = mb(peakRss());
  return out;
}
