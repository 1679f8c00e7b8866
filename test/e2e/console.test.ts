import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOW_TO_INSTALL, hasChromium, invalidText, snap } from '../support/browser.ts';
import { type ConsoleSession, consoleSession } from '../support/consoleSession.ts';
import { ROOT } from '../support/kindling.ts';

const SAMPLE = join(ROOT, 'docs', 'examples', 'hr-export-sample.csv');

if (!hasChromium) {
  if (process.env.CI) throw new Error(HOW_TO_INSTALL);
  console.warn(HOW_TO_INSTALL);
}

/** The console shell in Debian's Chromium against `npm start`'s real stack (API on DynamoDB Local). */
describe.skipIf(!hasChromium)('the console shell in a real browser', () => {
  let session: ConsoleSession;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let base = '';

  beforeAll(async () => {
    session = await consoleSession({ viewport: { width: 1280, height: 800 }, signIn: false });
    ({ page, problems, base, browser } = session);
  });

  afterAll(async () => {
    await session?.close();
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

  it('shows the organisation across its programs, each program’s health a link into its pairs', async () => {
    await page.getByRole('menuitem', { name: 'Dashboard' }).click();
    await page.getByRole('button', { name: 'All programs' }).click();
    const table = page.getByRole('table', { name: 'By program' });
    await table.waitFor({ timeout: 15_000 });
    await table.getByRole('button', { name: 'Young Professionals 2026' }).waitFor();
    await table.getByRole('button', { name: 'Leadership Circle' }).waitFor();
    await page.getByRole('heading', { name: 'All programs' }).waitFor();
    const overdueLinks = table.getByRole('link', { name: /Overdue: \d+$/ });
    const perProgram = await overdueLinks.evaluateAll((links) => links.map((l) => Number(l.textContent)));
    expect(perProgram.length).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    await snap(page, 'console-dashboard-all-programs');
    const first = overdueLinks.first();
    const expected = Number(await first.textContent());
    await first.click();
    await page.waitForURL(/#\/mentorships\?filter=.*OVERDUE/);
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBe(expected);
    // Back to one program, and its overdue pairs, for the test that follows.
    await page.getByRole('menuitem', { name: 'Dashboard' }).click();
    await page.getByRole('button', { name: 'One program' }).click();
    await page.getByRole('link', { name: /^Overdue: \d+/ }).click();
    await page.waitForURL(/#\/mentorships\?filter=.*OVERDUE/);
    await page.locator('table tbody tr').first().waitFor();
  });

  it('turns an overdue pair on track when a meeting is logged', async () => {
    await page.getByRole('row').nth(1).getByRole('cell').nth(2).click();
    await page.getByRole('status').filter({ hasText: 'Overdue' }).waitFor();
    await page.getByRole('button', { name: 'Log a meeting' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log a meeting' });
    // A refused save keeps the dialog open and says under the field what the API refused.
    const duration = dialog.getByLabel('Duration (minutes)');
    await duration.fill('2');
    await dialog.getByRole('button', { name: 'Log meeting' }).click();
    await expect(invalidText(duration)).resolves.toBe('A whole number from 5 to 600');
    await duration.fill('45');
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
    // A dry run is stored nowhere: the console must show the mutation's answer, never ask for the run by id.
    const runFetches: string[] = [];
    const listen = (request: import('playwright-core').Request) => {
      if (request.url().endsWith('/graphql') && request.postData()?.includes('query AdminMatchingRun('))
        runFetches.push(request.postData() ?? '');
    };
    page.on('request', listen);
    // The runs list is fetched again after the answer arrives: by then the view has mounted and any refetch has gone out.
    const listed = page.waitForResponse((r) => r.request().postData()?.includes('query AdminMatchingRuns(') === true, { timeout: 60_000 });
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByRole('table', { name: 'Unmatched mentees' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('table', { name: 'Unmatched mentees' }).locator('tbody tr').count()).toBeGreaterThan(0);
    await listed;
    page.off('request', listen);
    expect(runFetches).toEqual([]);
    await expect(page.getByText('No MatchingRun').count()).resolves.toBe(0);
    await snap(page, 'console-matching-dry-run');
    await page.getByRole('button', { name: 'Close', exact: true }).first().click();
    await page.getByRole('table', { name: 'Runs' }).locator('tbody tr').filter({ hasText: 'Scheduled' }).first().click();
    const proposals = page.getByRole('table', { name: 'Proposals' });
    await proposals.waitFor({ timeout: 15_000 });
    await snap(page, 'console-matching-run');
    await proposals.getByRole('button', { name: 'Approve', exact: true }).first().click();
    await page.getByText(/Proposal approved/).waitFor();
  });

  it('carries a draft program to open with its status control, after matching said why a draft cannot match', async () => {
    // Prepare: a new draft program, made through the API with the signed-in manager's own session.
    const id = await page.evaluate(async () => {
      const { token } = JSON.parse(sessionStorage.getItem('kindling.session') ?? '{}') as { token: string };
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'mutation { createProgram(input: { name: "Spring Cohort" }) { id status } }' }),
      });
      const body = (await res.json()) as { data: { createProgram: { id: string; status: string } } };
      return body.data.createProgram.id;
    });
    await page.goto(`${base}/#/programs/${encodeURIComponent(id)}/show/matching`);

    // Act: matching on a draft is refused with its real reason.
    await page.getByRole('button', { name: 'Run matching now' }).click();
    await page.getByText('This program is a draft, and matching needs an open or running program').waitFor();
    await expect(page.getByText('Another matching run').count()).resolves.toBe(0);

    // Act: the overview's status control opens it.
    await page.getByRole('tab', { name: 'Overview' }).click();
    const control = page.getByRole('region', { name: 'Program status' });
    await control.getByText('Draft: set the program up').waitFor();
    await snap(page, 'console-program-status-draft');
    await control.getByRole('button', { name: 'Open the program' }).click();

    // Assert: open, with the next moves and what they mean.
    await control.getByText('Open: participants enrol').waitFor();
    await control.getByRole('button', { name: 'Mark as running' }).waitFor();
    await control.getByRole('button', { name: 'Close the program' }).click();
    await page.getByText('Close Spring Cohort?').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await snap(page, 'console-program-status-open');
  });

  it('tunes a program’s matching: a weight, the schedule and the approval mode, explained and saved', async () => {
    await page.getByRole('menuitem', { name: 'Programs' }).click();
    await page.getByRole('cell', { name: 'Leadership Circle' }).click();
    await page.getByRole('link', { name: 'Edit' }).click();
    const skills = page.getByLabel('Skills', { exact: true });
    await skills.waitFor();
    await page.getByText('The mentor has the skills the mentee seeks').waitFor();
    await skills.fill('7.5');
    await page.getByLabel('Run every (days)').fill('14');
    await page.getByRole('combobox', { name: /Approval/ }).click();
    await page.getByRole('option', { name: 'Proposals go straight to the pair' }).click();
    await page.waitForTimeout(300);
    await snap(page, 'console-program-matching-settings');
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByText(/Element updated|updated/i)
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'Edit' }).click();
    await expect(page.getByLabel('Skills', { exact: true }).inputValue()).resolves.toBe('7.5');
    await expect(page.getByRole('combobox', { name: /Approval/ }).textContent()).resolves.toContain('straight to the pair');
    await expect(page.getByLabel('Run every (days)').inputValue()).resolves.toBe('14');
  });

  it('shows what pairs said: survey answers with rating bars and outcomes, filtered by kind', async () => {
    await page.getByRole('menuitem', { name: 'Surveys and outcomes' }).click();
    const cards = page.getByRole('article');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThan(0);
    await expect(cards.first().textContent()).resolves.toMatch(/of 5/);
    await page.getByRole('combobox', { name: 'Survey' }).click();
    await page.getByRole('option', { name: 'Closing' }).click();
    await page.getByRole('article', { name: 'Check-in' }).first().waitFor({ state: 'detached' });
    const closing = await page.getByRole('article', { name: 'Closing' }).count();
    expect(closing).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    await snap(page, 'console-surveys');
  });

  it('issues a partner API key shown once, lists it as never used, and revokes it', async () => {
    await page.getByRole('menuitem', { name: 'API keys' }).click();
    await page.getByRole('button', { name: 'New API key' }).first().click();
    await page.getByLabel('Name').fill('Member portal');
    await page.getByLabel(/Log meetings/).check();
    await page.getByRole('dialog').getByRole('button', { name: 'New API key' }).click();
    const secret = await page.getByTestId('api-key-secret').locator('input').inputValue();
    expect(secret).toMatch(/^kdl_demo_[0-9A-Z]{26}_[0-9a-f]{64}$/);
    await page.waitForTimeout(400); // the dialog's fade-in, for the screenshot
    await snap(page, 'console-api-key-secret');
    await page.getByRole('button', { name: 'I have copied it' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Member portal' });
    await row.getByText('Never').waitFor();
    expect(await row.textContent()).not.toContain(secret.slice(-64));
    await row.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('Revoked').waitFor();
    await page.waitForTimeout(400);
    await snap(page, 'console-api-keys');
  });

  it('logged no errors in the browser console', () => {
    expect(problems).toEqual([]);
  });

  it('sends an expired session to sign-in and back to the page it was on', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // A session the console still holds but the API no longer accepts (as after the token lapsed).
    await context.addInitScript(() => {
      sessionStorage.setItem('kindling.session', JSON.stringify({ token: 'lapsed.token.value', expiresAt: '2999-01-01T00:00:00Z' }));
    });
    const stale = await context.newPage();
    await stale.goto(`${base}/#/surveys`);
    await stale.getByText('Local development sign-in').waitFor({ timeout: 15_000 });
    await stale.getByLabel('Your name').fill('Ada Manager');
    await stale.getByRole('button', { name: 'Sign in' }).click();
    await stale.waitForURL(/#\/surveys/);
    await stale.getByRole('article').first().waitFor();
    await context.close();
  });
});
