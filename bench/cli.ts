/**
 * The command line as an operator feels it (`npm run bench -- cli`): how long `kindling --help`
 * takes against a bare `node -e 0`, and `kindling solve` on 10k mentees × 2k mentors × 50 edges as
 * a whole process (start, parse, solve, write) against the same solve in this process. Each figure
 * is the median of several runs, so a busy machine's outliers weigh less. Targets (issue #14):
 * --help within 6× node, solve within 3× its in-process time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { solve } from '#domain/matching/assignment.ts';
import { parseInstance } from '#domain/matching/instance.ts';
import { ROOT } from '#local/runs.ts';
import { generate } from './matching.ts';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Wall time of a child process, in ms; fails loudly when the command does. */
function timed(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${result.stderr}`);
  return ms;
}

const repeat = (n: number, f: () => number): number[] => Array.from({ length: n }, f);

export async function run(): Promise<Record<string, string | number>> {
  timed(['bin/kindling.js', '--help']); // builds the CLI first if a source changed
  const node = median(repeat(15, () => timed(['-e', '0'])));
  const help = median(repeat(15, () => timed(['bin/kindling.js', '--help'])));

  const dir = mkdtempSync(join(tmpdir(), 'kindling-bench-cli-'));
  try {
    const input = join(dir, 'instance.json');
    writeFileSync(input, JSON.stringify(generate(10_000, { mentees: 10_000, mentors: 2_000, degree: 50 })));
    const inProcess = median(
      repeat(3, () => {
        const instance = parseInstance(JSON.parse(readFileSync(input, 'utf8')));
        const started = performance.now();
        solve(instance, 'weight');
        return performance.now() - started;
      }),
    );
    const whole = median(repeat(3, () => timed(['bin/kindling.js', 'solve', '--in', input, '--out', join(dir, 'solution.json')])));
    return {
      'node -e 0 (ms, median of 15)': Math.round(node),
      'kindling --help (ms, median of 15)': Math.round(help),
      '--help ÷ node (target ≤ 6)': Number((help / node).toFixed(1)),
      'solve 10k×2k×50 in process (ms)': Math.round(inProcess),
      'kindling solve, whole process (ms)': Math.round(whole),
      'whole process ÷ in process (target ≤ 3)': Number((whole / inProcess).toFixed(1)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
