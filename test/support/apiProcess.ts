import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '#local/dynamo.ts';

const ROOT = join(import.meta.dirname, '..', '..');

export interface ApiProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  /** SIGKILL: no shutdown, no draining; whatever was in flight is cut off. */
  kill(): Promise<void>;
  /** SIGTERM, and wait for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts test/support/apiServer.ts as a child process: the GraphQL handler behind the local HTTP
 * adapter, with `env` (endpoint, table, issuer keys, cursor secret) and its own port.
 */
export async function startApiProcess(env: Record<string, string>, port?: number): Promise<ApiProcess> {
  const p = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'support', 'apiServer.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      PORT: String(p),
      KINDLING_LOG_LEVEL: process.env.KINDLING_LOG_LEVEL ?? 'warn',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  process.once('exit', () => child.kill('SIGKILL'));
  let out = '';
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    out += String(d);
  });
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`API process not ready in 30 s:\n${out}`)), 30_000);
    const poll = setInterval(() => {
      if (out.includes(`ready ${p}`)) {
        clearInterval(poll);
        clearTimeout(timer);
        ok();
      }
    }, 25);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      fail(new Error(`API process exited (${code}) before it was ready:\n${out}`));
    });
  });
  const exited = () =>
    new Promise<void>((ok) => {
      if (child.exitCode !== null || child.signalCode !== null) return ok();
      child.once('exit', () => ok());
    });
  return {
    url: `http://127.0.0.1:${p}/graphql`,
    port: p,
    child,
    output: () => out,
    kill: async () => {
      child.kill('SIGKILL');
      await exited();
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited();
    },
  };
}

/** One GraphQL call over HTTP; a cut connection comes back as `{ cut: true }` instead of throwing. */
export async function post(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{
  cut: boolean;
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string; messageKey?: string } }[] };
}> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return { cut: false, status: res.status, body: (await res.json()) as never };
  } catch {
    return { cut: true, status: 0, body: {} };
  }
}
