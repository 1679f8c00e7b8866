import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '#local/dynamo.ts';
import { HOW_TO_INSTALL, hasChromium, launch, snap, watchConsole } from '../support/browser.ts';
import { ROOT, type Running, startKindling, stop } from '../support/kindling.ts';

const SAMPLE = join(ROOT, '..', 'shared', 'data', 'hr-export-sample.csv');

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
    // Home is the dashboard of the running program; the programs list holds both.
    await page.getByText('Young Professionals 2026').first().waitFor({ timeout: 15_000 });
    await expect(page.getByText('Demo Association').count()).resolves.toBeGreaterThan(0);
    await page.getByRole('menuitem', { name: 'Programs' }).click();
    await page.getByRole('cell', { name: 'Leadership Circle' }).waitFor();
    await page.getByRole('cell', { name: 'Young Professionals 2026' }).waitFor();
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

  it('charts the dashboard, and a click on "Overdue" lists exactly the overdue pairs', async () => {
    await page.getByRole('menuitem', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Active pairs by health' }).waitFor({ timeout: 15_000 });
    const link = page.getByRole('link', { name: /^Overdue: \d+/ });
    const overdue = Number((await link.innerText()).match(/\d+/)?.[0] ?? -1);
    expect(overdue).toBeGreaterThan(0);
    await snap(page, 'console-dashboard');
    await link.click();
    await page.waitForURL(/#\/mentorships\?filter=.*OVERDUE/);
    await page.locator('table tbody tr').first().waitFor();
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBe(overdue);
    expect(await rows.filter({ hasText: 'Overdue' }).count()).toBe(overdue);
    await snap(page, 'console-pairs-overdue');
  });

  it('turns an overdue pair on track when a meeting is logged', async () => {
    await page.getByRole('row').nth(1).getByRole('cell').nth(2).click();
    await page.getByRole('status').filter({ hasText: 'Overdue' }).waitFor();
    await page.getByRole('button', { name: 'Log a meeting' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log a meeting' });
    await dialog.getByLabel('Duration (minutes)').fill('45');
    await dialog.getByLabel('How').click();
    await page.getByRole('option', { name: 'Video call' }).click();
    await dialog.getByLabel('Topics').fill('career path');
    await dialog.getByLabel('Topics').press('Enter');
    await dialog.getByRole('button', { name: 'Log meeting' }).click();
    await page.getByRole('status').filter({ hasText: 'On track' }).waitFor({ timeout: 15_000 });
    await snap(page, 'console-pair-on-track');
  });

  it('imports the HR export with a preview that names the four faulty rows, then shows the result', async () => {
    await page.getByRole('menuitem', { name: 'Programs' }).click();
    await page.getByRole('cell', { name: 'Leadership Circle' }).click();
    await page.getByRole('tab', { name: 'Participants' }).click();
    await page.getByRole('button', { name: 'Import participants' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import participants into Leadership Circle' });
    await dialog.locator('input[type=file]').setInputFiles(SAMPLE);
    await dialog.getByText('296 of 300 rows will be imported').waitFor({ timeout: 15_000 });
    await dialog.getByRole('heading', { name: 'Rows that will not be imported (4)' }).waitFor();
    for (const id of ['E10003', 'E10007', 'E10011', 'E10013']) expect(await dialog.getByText(id).count()).toBeGreaterThan(0);
    await snap(page, 'console-import-preview');
    await dialog.getByRole('button', { name: 'Start import of 296 rows' }).click();
    await dialog.getByRole('button', { name: 'Done' }).waitFor({ timeout: 60_000 });
    const result = await dialog.getByLabel('What the import did').innerText();
    expect(result).toMatch(/\b4\s+Rejected/i);
    expect(result).toMatch(/\b0\s+Failed/i);
    await snap(page, 'console-import-done');
    await dialog.getByRole('button', { name: 'Done' }).click();
  });

  it('exports the participants as CSV, filtered', async () => {
    await page.getByLabel('Role').click();
    await page.getByRole('option', { name: 'Mentor' }).click();
    // The filter form applies after a short debounce: wait until the list shows mentors only, or a busy
    // machine exports before the filter is set.
    await expect.poll(() => page.locator('table tbody tr', { hasText: 'Mentee' }).count(), { timeout: 15_000 }).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^participants-leadership-circle-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path()) ?? '', 'utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toMatch(/^Employee ID,First Name,Last Name,Work Email/);
    expect(lines.slice(1).every((l) => l.includes(',mentor,'))).toBe(true);
  });

  it('runs matching: a dry run with reasons, the scheduled run with score bars, and an approval', async () => {
    await page.getByRole('menuitem', { name: 'Programs' }).click();
    await page.getByText('Young Professionals 2026').first().click();
    await page.getByRole('tab', { name: 'Matching' }).click();
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByRole('table', { name: 'Unmatched mentees' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('table', { name: 'Unmatched mentees' }).locator('tbody tr').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Close', exact: true }).first().click();
    await page.getByRole('table', { name: 'Runs' }).locator('tbody tr').filter({ hasText: 'Scheduled' }).first().click();
    const proposals = page.getByRole('table', { name: 'Proposals' });
    await proposals.waitFor({ timeout: 15_000 });
    await snap(page, 'console-matching-run');
    await proposals.getByRole('button', { name: 'Approve', exact: true }).first().click();
    await page.getByText(/Proposal approved/).waitFor();
  });

  it('logged no errors in the browser console', () => {
    expect(problems).toEqual([]);
  });
});
