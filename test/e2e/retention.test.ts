import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOW_TO_INSTALL, hasChromium, snap } from '../support/browser.ts';
import { type ConsoleSession, consoleSession } from '../support/consoleSession.ts';

if (!hasChromium) {
  if (process.env.CI) throw new Error(HOW_TO_INSTALL);
  console.warn(HOW_TO_INSTALL);
}

/**
 * Issue #21 end to end on `npm start`'s real stack: the demo's HR history goes in through the people
 * import, the scheduler takes the retention snapshot at start, the API serves it, and the console
 * shows it in Chromium — curves, the 12-month gap, exit reasons, the suggestion — in English and Dutch.
 */
describe.skipIf(!hasChromium)('the Retention page in a real browser', () => {
  let session: ConsoleSession;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    session = await consoleSession({ viewport: { width: 1280, height: 1000 } });
    ({ page, problems } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('plots retention of mentees, mentors and comparable colleagues, the gap with its interval, and why people left', async () => {
    // Act: the snapshot the scheduler took at start (or, if it is still running, the manager's "Compute now").
    await page.getByRole('menuitem', { name: 'Retention' }).click();
    const curves = page.getByRole('heading', { name: 'Still employed, months after starting' });
    const none = page.getByText('No snapshot yet');
    await curves.or(none).waitFor({ timeout: 30_000 });
    if (await none.isVisible()) await page.getByRole('button', { name: 'Compute now' }).click();
    await curves.waitFor({ timeout: 30_000 });
    await snap(page, 'console-retention');

    // Assert
    await page.locator('.recharts-line').first().waitFor();
    expect(await page.locator('.recharts-line').count()).toBe(3);
    await page.getByText(/^Mentees \(n = \d+\)$/).waitFor();
    await page.getByText(/^Comparable colleagues \(n = \d+\)$/).waitFor();
    await page.getByRole('heading', { name: 'Retention after 12 months' }).waitFor();
    await page.getByText(/Mentees \d+ ?% \(n = \d+\) vs comparable colleagues \d+ ?% \(n = \d+\): [+-][\d.]+ points \(95 %: /).waitFor();
    await page.getByRole('heading', { name: 'Why voluntary leavers left' }).waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByText('Career growth').first().waitFor();
    await page.getByText(/^Your leavers cite career growth most \(\d+ ?%\); \d+ ?% of your mentees seek /).waitFor();
    await page.getByText(/coarsened exact matching/).waitFor();
    await snap(page, 'console-retention');
    expect(problems).toEqual([]);
  });

  it('exports the aggregated figures as CSV, without a name in it', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^retention-whole-organisation-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path()) ?? '', 'utf8');
    expect(text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('figure,group,detail,n,estimate,low,high');
    expect(text).toMatch(/exit reason,CAREER_GROWTH,Career growth,\d+/);
    expect(text).not.toMatch(/@demo\.example\.org/);
  });

  it('speaks Dutch when the manager switches', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { name: 'Nog in dienst, maanden na de start' }).waitFor({ timeout: 15_000 });
    await page.getByText(/^Uw vertrekkers noemen het vaakst doorgroeimogelijkheden/).waitFor();
    await page.getByText('Doorgroeimogelijkheden').first().waitFor();
    await snap(page, 'console-retention-nl');
  });
});
