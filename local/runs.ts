import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The checkout's root (where package.json is), from the sources or from the built CLI in dist/cli. */
export const ROOT = (() => {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

/**
 * What a running `kindling start` tells the other commands: where its API and DynamoDB Local
 * listen, which issuer signs its tokens and where its mailbox is. One file per run, named by port,
 * in a per-user folder outside the checkout; removed when the run stops.
 */
export interface RunInfo {
  pid: number;
  port: number;
  url: string;
  dynamoEndpoint: string;
  /** The data folder; null for a throwaway (`--in-memory`) run. */
  dataDir: string | null;
  /** The folder holding issuer.json: the data folder, or the throwaway run's temporary folder. */
  issuerDir: string;
  mailbox: string;
  root: string;
  startedAt: string;
}

const uid = (): string => String(process.getuid?.() ?? 'user');

/** Where run files live: KINDLING_RUNS, else a per-user folder in the system's temporary directory. */
export const runsDir = (): string => process.env.KINDLING_RUNS ?? join(tmpdir(), `kindling-${uid()}`, 'runs');

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Writes this run's file; the returned function removes it (called on every exit path). */
export function registerRun(info: RunInfo): () => void {
  const dir = runsDir();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `${info.port}.json`);
  writeFileSync(file, JSON.stringify(info, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return () => rmSync(file, { force: true });
}

/** Runs whose process is still alive; files left by a run that was killed are removed on the way. */
export function liveRuns(): RunInfo[] {
  const dir = runsDir();
  if (!existsSync(dir)) return [];
  const runs: RunInfo[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.json')) continue;
    const file = join(dir, name);
    try {
      const run = JSON.parse(readFileSync(file, 'utf8')) as RunInfo;
      if (alive(run.pid)) runs.push(run);
      else rmSync(file, { force: true });
    } catch {
      // A file being written or removed right now: not a run to talk to.
    }
  }
  return runs;
}

/**
 * The running `kindling start` a command talks to: the one on --port, or the one on --data, or the
 * only one there is (of several, this checkout's, then the `preferred` one). Null when none runs;
 * an error when several could be meant.
 */
type Wanted = { port?: number | undefined; data?: string | undefined };
const matches = (r: RunInfo, w: Wanted): boolean =>
  (w.port === undefined || r.port === w.port) && (w.data === undefined || r.dataDir === resolve(w.data));

export function findRun(wanted: Wanted, preferred: Wanted = {}): RunInfo | null {
  let runs = liveRuns().filter((r) => matches(r, wanted));
  for (const narrower of [(r: RunInfo) => r.root === ROOT, (r: RunInfo) => matches(r, preferred)]) {
    if (runs.length <= 1) break;
    const narrowed = runs.filter(narrower);
    if (narrowed.length > 0) runs = narrowed;
  }
  if (runs.length > 1) {
    throw new Error(`Kindling is running more than once (ports ${runs.map((r) => r.port).join(', ')}); say which with --port <port>.`);
  }
  return runs[0] ?? null;
}
