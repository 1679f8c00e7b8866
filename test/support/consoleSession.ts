import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { freePort } from '#local/dynamo.ts';
import { launch, watchConsole } from './browser.ts';
import { type Running, startKindling, stop } from './kindling.ts';

/** A started Kindling and the address of its API and console. */
export interface Seeded extends Running {
  base: string;
}

/**
 * `kindling start --data` on a copy of the demo the e2e global setup seeded once
 * (test/support/globalSeed.ts): its own ports, JVM and data, ready without seeding again. `extra`
 * adds flags such as `--verbose`. `stop` removes the copy.
 */
export async function startSeeded(extra: string[] = []): Promise<Seeded> {
  const scratch = mkdtempSync(join(tmpdir(), 'kindling-e2e-run-'));
  cpSync(inject('seededDemo'), scratch, { recursive: true });
  const port = await freePort();
  const args = ['--port', String(port), '--dynamo-port', String(await freePort()), '--data', scratch, '--tick', '3600', ...extra];
  const running = { ...(await startKindling(args)), scratch };
  if (!running.output().includes('Kindling is running')) {
    await stop(running);
    throw new Error(`kindling start ended early:\n${running.output()}`);
  }
  return { ...running, base: `http://127.0.0.1:${port}` };
}

export interface GqlAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** GraphQL as the demo tenant's manager, with a token from the local sign-in: the answer as sent. */
export type ManagerApi = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<GqlAnswer<T>>;

/** The same, for a call that must succeed: its data, or an error naming what the server said. */
export type ManagerMust = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export interface ConsoleSession {
  running: Seeded;
  base: string;
  api: ManagerApi;
  must: ManagerMust;
  browser: Browser;
  page: Page;
  /** Console errors and failed requests on `page`. */
  problems: string[];
  close(): Promise<void>;
}

/** A local token for the demo tenant, as the console's sign-in gets one. */
export async function localToken(base: string, role = 'manager', name = 'Ada Manager'): Promise<string> {
  const res = await fetch(`${base}/local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: 'demo', role, name }),
  });
  return ((await res.json()) as { token: string }).token;
}

/**
 * What every console test starts from: its own Kindling on the seeded demo, `prepare` done through
 * the API, then Chromium (downloads accepted) signed in as a program manager and showing the dashboard.
 */
export async function consoleSession(
  options: {
    viewport?: { width: number; height: number };
    /** Flags for `kindling start`, e.g. `--verbose` to see when each scheduled job ran. */
    flags?: string[];
    prepare?: (api: ManagerApi, must: ManagerMust, base: string) => Promise<void>;
    /** False leaves the page blank, for a test of the sign-in itself. */
    signIn?: boolean;
  } = {},
): Promise<ConsoleSession> {
  const running = await startSeeded(options.flags);
  const { base } = running;
  let browser: Browser | undefined;
  try {
    const token = await localToken(base);
    const api: ManagerApi = async (query, variables = {}) => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return res.json();
    };
    const must: ManagerMust = async (query, variables) => {
      const answer = await api(query, variables);
      if (answer.errors?.length || !answer.data) throw new Error(`GraphQL refused ${query.slice(0, 80)}: ${JSON.stringify(answer.errors)}`);
      return answer.data as never;
    };
    await options.prepare?.(api, must, base);
    browser = await launch();
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 900 } });
    const problems = watchConsole(page);
    if (options.signIn ?? true) {
      await page.goto(`${base}/`);
      await page.getByLabel('Your name').fill('Ada Manager');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('Young Professionals 2026').first().waitFor({ timeout: 60_000 });
    }
    const opened = browser;
    return {
      running,
      base,
      api,
      must,
      browser: opened,
      page,
      problems,
      close: async () => {
        await opened.close();
        await stop(running);
      },
    };
  } catch (e) {
    await browser?.close();
    await stop(running);
    throw e;
  }
}
