/**
 * Peer matching at scale (`npm run bench -- peer`): the blossom solver on random general graphs
 * of 10,000 (and with BENCH_PEER_LARGE=1, 50,000) participants with 20 edges each (weights with
 * three decimals), for both objectives, each solution proved optimal by its certificate; and the
 * whole `kindling solve` process on the 10,000 instance. Generated from a seed.
 *
 * With BENCH_PEER_NETWORKX=1, the same file also goes through networkx's `max_weight_matching`
 * (bench/peerNetworkx.py, a dev-only oracle: skipped when python3 or networkx is missing), whole
 * process against whole process, and the two totals must be equal. It is opt-in because networkx
 * needs many minutes of CPU on this instance (hours of wall clock on a busy machine);
 * BENCH_PEER_NETWORKX=2000 compares on a 2,000-participant file instead.
 *
 * Every time is given as wall clock and as CPU time (user + system): on a shared machine the
 * wall clock mostly measures the other processes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
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

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000;

/** A child process, timed by /usr/bin/time when there is one (its CPU time, which Node cannot see). */
function timed(command: string, args: string[]): { ok: boolean; stdout: string; stderr: string; wallMs: number; cpuMs: number | null } {
  const withTime = spawnSync('/usr/bin/time', ['-f', '%U %S', 'true'], { encoding: 'utf8' }).status === 0;
  const started = performance.now();
  const res = withTime
    ? spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', command, ...args], { encoding: 'utf8', env: process.env })
    : spawnSync(command, args, { encoding: 'utf8', env: process.env });
  const wallMs = performance.now() - started;
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(res.stderr ?? '');
  return {
    ok: res.status === 0,
    stdout: res.stdout ?? '',
    stderr: res.stderr ?? '',
    wallMs,
    cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : null,
  };
}

export async function run(): Promise<Record<string, string | number>> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const out: Record<string, string | number> = { 'load average at start': loadavg()[0]?.toFixed(1) ?? '?' };
  const sizes = process.env.BENCH_PEER_LARGE === '1' ? [10_000, 50_000] : [10_000];
  for (const n of sizes) {
    const instance = generate(n, n, 20);
    for (const objective of ['weight', 'coverage'] as const) {
      const cpu = process.cpuUsage();
      const { solution, certificate } = solvePeer(instance, objective);
      const solveCpu = cpuMs(process.cpuUsage(cpu));
      const problems = verifyPeerOptimal(instance, solution, certificate);
      out[`${n / 1000}k × 20, ${objective}`] =
        `${seconds(solution.stats.solveMs)} (CPU ${seconds(solveCpu)}), ${solution.stats.pairs} pairs, weight ${solution.objective.toFixed(3)}, ` +
        `${solution.stats.augmentations} augmentations, ${solution.stats.blossoms} blossoms, ` +
        `${problems.length === 0 ? 'proved optimal' : `NOT PROVED: ${problems[0]}`}`;
    }
  }

  // The whole process, as a user runs it: read the file, solve, write the answer; at 10,000, and
  // at the size BENCH_PEER_NETWORKX names (e.g. 2000: networkx finishes sooner), against networkx.
  const dir = mkdtempSync(join(tmpdir(), 'kindling-peer-'));
  try {
    // Once on a tiny file first: `bin/kindling.js` rebuilds the command line when a source changed.
    const tiny = join(dir, 'tiny.json');
    writeFileSync(tiny, JSON.stringify({ participants: [{ id: 'a' }, { id: 'b' }], edges: [{ a: 'a', b: 'b', weight: 1 }] }));
    timed('node', ['bin/kindling.js', 'solve', '--in', tiny, '--out', join(dir, 'tiny-out.json')]);
    const cpuText = (ms: number | null) => (ms === null ? '' : ` (CPU ${seconds(ms)})`);
    const oracle = process.env.BENCH_PEER_NETWORKX;
    const oracleSize = oracle === '1' ? 10_000 : Number(oracle ?? 0);
    for (const n of oracleSize > 0 && oracleSize !== 10_000 ? [10_000, oracleSize] : [10_000]) {
      const size = `${n / 1000}k × 20`;
      const file = join(dir, `peer-${n}.json`);
      writeFileSync(file, JSON.stringify(generate(n, n, 20)));
      const kindling = timed('node', ['bin/kindling.js', 'solve', '--in', file, '--out', join(dir, 'pairs.json')]);
      out[`kindling solve ${size} (whole process)`] = kindling.ok
        ? `${seconds(kindling.wallMs)}${cpuText(kindling.cpuMs)}`
        : `failed: ${kindling.stderr}`;
      if (n !== oracleSize || !kindling.ok) continue;
      if (spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' }).status !== 0) {
        out[`networkx ${size}`] = 'skipped: python3 with networkx is not installed';
        continue;
      }
      const nx = timed('python3', ['bench/peerNetworkx.py', file, join(dir, 'nx.json'), 'weight']);
      if (!nx.ok) {
        out[`networkx ${size}`] = `failed: ${nx.stderr}`;
        continue;
      }
      const line = JSON.parse(nx.stdout.trim().split('\n').at(-1) ?? '{}') as { thousandths: number; pairs: number };
      const ours = JSON.parse(readFileSync(join(dir, 'pairs.json'), 'utf8')) as { pairs: { weight: number }[] };
      const oursThousandths = ours.pairs.reduce((s, p) => s + Math.round(p.weight * 1000), 0);
      out[`networkx ${size} (whole process)`] = `${seconds(nx.wallMs)}${cpuText(nx.cpuMs)}, ${line.pairs} pairs`;
      out[`networkx ÷ kindling, ${size}, whole process`] =
        `${(nx.wallMs / kindling.wallMs).toFixed(0)}× wall` +
        (nx.cpuMs !== null && kindling.cpuMs !== null ? `, ${(nx.cpuMs / kindling.cpuMs).toFixed(0)}× CPU` : '');
      out[`same total weight as networkx, ${size}`] =
        line.thousandths === oursThousandths
          ? `yes (${oursThousandths / 1000})`
          : `NO: networkx ${line.thousandths / 1000}, kindling ${oursThousandths / 1000}`;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  out['peak RSS'] = mb(peakRss());
  return out;
}
