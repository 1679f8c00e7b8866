import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '#local/dynamo.ts';
import { HOW_TO_INSTALL, hasChromium, launch, snap, watchConsole } from '../support/browser.ts';
import { type Running, startKindling, stop } from '../support/kindling.ts';

if (!hasChromium) {
  if (process.env.CI) throw new Error(HOW_TO_INSTALL);
  console.warn(HOW_TO_INSTALL);
}

/** The console shell in Debian's Chromium against `npm start`'s real stack (API on DynamoDB Local). */
describe.skipIf(!hasChromium)('the console shell in a real browser', () => {
  let running: Running;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let base = '';

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    running = await startKindling(['--port', String(port), '--dynamo-port', String(await freePort()), '--in-memory', '--tick', '3600']);
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    problems = watchConsole(page);
  });

  afterAll(async () => {
    await browser?.close();
    if (running) await stop(running);
  });

  it('shows the local sign-in, clearly marked as local only', async () => {
    await page.goto(`${base}/`);
    await page.getByText('Local development sign-in').waitFor();
    await snap(page, 'console-sign-in');
  });

  it('signs a program manager in and lists the demo programs', async () => {
    await page.getByLabel('Your name').fill('Ada Manager');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Young Professionals 2026').waitFor({ timeout: 15_000 });
    await expect(page.getByText('Leadership Circle').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText('Demo Association').count()).resolves.toBeGreaterThan(0);
    await snap(page, 'console-programs');
  });

  it('reports an unknown tenant on the sign-in form in words', async () => {
    const fresh = await browser.newPage();
    await fresh.goto(`${base}/`);
    await fresh.getByLabel('Tenant').fill('no-such-tenant');
    await fresh.getByLabel('Your name').fill('Eve');
    await fresh.getByRole('button', { name: 'Sign in' }).click();
    await fresh.getByText('No tenant "no-such-tenant" here').waitFor();
    await fresh.close();
  });

  it('logged no errors in the browser console', () => {
    expect(problems).toEqual([]);
  });
});
