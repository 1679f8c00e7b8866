import { readFile, writeFile } from 'node:fs/promises';
import { type Objective, solve } from '#domain/matching/assignment.ts';
import { isPeerInstance, parseInstance, parsePeerInstance } from '#domain/matching/instance.ts';
import { solvePeer } from '#domain/matching/peer.ts';

/**
 * `kindling solve --in instance.json --out solution.json [--objective weight|coverage]`: the optimal
 * assignment for an instance file. A malformed file is refused with the offending entry named, and
 * then nothing is written.
 */
export async function solveCommand(options: { in: string; out: string; objective: Objective }): Promise<void> {
  const objective: string = options.objective;
  if (objective !== 'weight' && objective !== 'coverage') {
    throw new Error(`--objective must be weight or coverage, not "${objective}"`);
  }
  const text = await readFile(options.in, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${options.in} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (isPeerInstance(json)) return solvePeerFile(options, json);
  let instance: ReturnType<typeof parseInstance>;
  try {
    instance = parseInstance(json);
  } catch (error) {
    throw new Error(`${options.in}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const solution = solve(instance, options.objective);
  const { assignments, objective: total, matched, stats } = solution;
  const summary = JSON.stringify(
    {
      objective: total,
      matched,
      objectiveName: options.objective,
      weights: `rounded to multiples of 1/${stats.weightScale} before solving; the assignment is optimal for the rounded weights`,
      stats,
    },
    null,
    2,
  );
  // One assignment per line: a 50,000-line file stays readable and diffable.
  const lines = assignments.map((a) => `    ${JSON.stringify(a)}`).join(',\n');
  await writeFile(options.out, `{\n  "assignments": [${lines ? `\n${lines}\n  ` : ''}],\n${summary.slice(2)}\n`);
  console.log(
    `Solved ${options.in} for ${options.objective}: ${matched} of ${stats.mentees} mentees matched, ` +
      `total weight ${round(total)}, in ${Math.round(stats.solveMs)} ms → ${options.out}`,
  );
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

/** A peer instance (participants paired among themselves): `{"pairs":[{"a","b","weight"}]}` out, one pair a line. */
async function solvePeerFile(options: { in: string; out: string; objective: Objective }, json: unknown): Promise<void> {
  let instance: ReturnType<typeof parsePeerInstance>;
  try {
    instance = parsePeerInstance(json);
  } catch (error) {
    throw new Error(`${options.in}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const { solution } = solvePeer(instance, options.objective);
  const lines = solution.pairs.map((p) => `    ${JSON.stringify(p)}`).join(',\n');
  const summary = JSON.stringify({ objective: solution.objective, objectiveName: options.objective, stats: solution.stats }, null, 2);
  await writeFile(options.out, `{\n  "pairs": [${lines ? `\n${lines}\n  ` : ''}],\n${summary.slice(2)}\n`);
  console.log(
    `Solved ${options.in} (peer) for ${options.objective}: ${solution.pairs.length} pairs of ${solution.stats.participants} participants, ` +
      `total weight ${round(solution.objective)}, in ${Math.round(solution.stats.solveMs)} ms → ${options.out}`,
  );
}
