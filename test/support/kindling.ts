import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm start` as a newcomer runs it: the real CLI, DynamoDB Local as a child JVM, the demo seed,
 * the console and the GraphQL Lambda handler behind the local HTTP adapter.
 */
export const ROOT = join(import.meta.dirname, '..', '..');

export interface Running {
  child: ChildProcess;
  output: () => string;
  /** Removed after the run stops: the copy of the seeded demo `startSeeded` made. */
  scratch?: string;
}

/** The jobs `kindling start` schedules, as its scheduler names them in `--verbose` lines. */
export const SCHEDULED_JOBS = ['program-lifecycle', 'scheduled-matching', 'engagement', 'retention', 'webhooks'];

/** Starts `kindling start`; `readyMs` bounds the wait for its ready line (the first seed is slow on a busy machine). */
export function startKindling(args: string[], readyMs = 180_000): Promise<Running> {
  const child = spawn(process.execPath, ['bin/kindling.js', 'start', ...args], {
    cwd: ROOT,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    out += String(d);
  });
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      // Never leave the server (and its JVM) behind a failed start.
      child.kill('SIGINT');
      fail(new Error(`not ready in ${readyMs / 1000} s:\n${out}`));
    }, readyMs);
    const poll = setInterval(() => {
      if (out.includes('Kindling is running')) {
        clearInterval(poll);
        clearTimeout(timer);
        ok({ child, output: () => out });
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      if (!out.includes('Kindling is running')) ok({ child, output: () => out });
      else if (code !== 0) fail(new Error(`exited ${code}:\n${out}`));
    });
  });
}

export async function stop(running: Running): Promise<number | null> {
  const code = await new Promise<number | null>((ok) => {
    if (running.child.exitCode !== null) return ok(running.child.exitCode);
    running.child.once('exit', (code) => ok(code));
    running.child.kill('SIGINT');
  });
  if (running.scratch) rmSync(running.scratch, { recursive: true, force: true });
  return code;
}

/** Java processes serving DynamoDB Local on this port. */
export function javaOnPort(port: number): string[] {
  const ps = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return ps.split('\n').filter((line) => line.includes('DynamoDBLocal') && line.includes(`-port ${port}`));
}
