import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOW_TO_INSTALL, hasChromium, invalidText, snap } from '../support/browser.ts';
import { type ConsoleSession, consoleSession } from '../support/consoleSession.ts';

if (!hasChromium) {
  if (process.env.CI) throw new Error(HOW_TO_INSTALL);
  console.warn(HOW_TO_INSTALL);
}

/**
 * Group mentoring as a program manager meets it (ADR 75, 76), on the demo's "Learning Circles"
 * (local/seed/kinds.ts): Femke Brouwer's circle of four runs with one group meeting, which Daan
 * IJzerman missed; the other mentees wait for a matching run.
 */
describe.skipIf(!hasChromium)('group programs in the console', () => {
  let session: ConsoleSession;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    session = await consoleSession({ viewport: { width: 1400, height: 900 } });
    ({ page, problems } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows the running circle with its health and each member’s attendance', async () => {
    // Act
    await page.getByRole('menuitem', { name: 'Programs' }).click();
    await page.getByRole('cell', { name: 'Learning Circles' }).click();
    await page.getByRole('tab', { name: 'Circles' }).click();

    // Assess: the circle, its health in words, and who came to its one meeting.
    const circle = page.getByRole('region', { name: 'Circle of Femke Brouwer' });
    await circle.waitFor({ timeout: 15_000 });
    await circle.getByText('Active', { exact: true }).waitFor();
    await circle.getByText('On track', { exact: true }).waitFor();
    await circle.getByText('Lotte Kuipers: came to 1 of 1 meeting').waitFor();
    await circle.getByText('Daan IJzerman: came to 0 of 1 meeting').waitFor();
    await snap(page, 'console-group-circles');
  });

  it('logs a group meeting in the dialog and the members’ health follows who came', async () => {
    // Prepare: the circle's page; Daan missed the only meeting, so he has never met the circle.
    await page.getByRole('link', { name: 'Circle of Femke Brouwer' }).click();
    const daan = page.getByTestId('circle-member').filter({ hasText: 'Daan IJzerman' });
    await daan.getByText('Never met').waitFor({ timeout: 15_000 });

    // Act: everyone but Yara came this time.
    await page.getByRole('button', { name: 'Log a group meeting' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log a group meeting' });
    await dialog.getByLabel('Topics').fill('speaking up in meetings, feedback');
    await dialog.getByRole('checkbox', { name: 'Yara Haddad' }).uncheck();
    // A refused save first: the dialog stays open with the API's reason under the field, and nothing is logged.
    const minutes = dialog.getByLabel('Minutes');
    await minutes.fill('2');
    await dialog.getByRole('button', { name: 'Log meeting' }).click();
    await expect(invalidText(minutes)).resolves.toBe('A whole number from 5 to 600');
    await minutes.fill('90');
    await dialog.getByRole('button', { name: 'Log meeting' }).click();

    // Assess
    await page.getByText('Group meeting logged with 3 members.').waitFor({ timeout: 15_000 });
    await daan.getByText('On track').waitFor({ timeout: 15_000 });
    await daan.getByText('1 of 2 meetings').waitFor();
    await page.getByTestId('circle-member').filter({ hasText: 'Yara Haddad' }).getByText('1 of 2 meetings').waitFor();
    expect(await page.getByTestId('group-meeting').count()).toBe(2);
    await page.getByTestId('group-meeting').filter({ hasText: 'speaking up in meetings' }).getByText('(3 of 4)').waitFor();
    await snap(page, 'console-group-circle-page');
  });

  it('runs matching and shows the proposals grouped by circle, with what the search proved', async () => {
    // Act
    await page.getByRole('link', { name: 'Learning Circles' }).click();
    await page.getByRole('tab', { name: 'Matching' }).click();
    await page.getByRole('button', { name: 'Run matching now' }).click();
    await page.getByText('Matching finished:', { exact: false }).waitFor({ timeout: 30_000 });

    // Assess: the local scheduler's run at start proposed the waiting mentees (the manager approves
    // them), so the run now has no one left; the scheduled run holds the circles.
    await page.getByRole('row').filter({ hasText: 'Scheduled' }).getByRole('button').first().click({ timeout: 30_000 });
    const proposed = page.getByRole('region', { name: 'Proposed circles' });
    await proposed.waitFor({ timeout: 30_000 });
    await proposed.getByTestId('proposed-circle').first().waitFor();
    const circles = await proposed.getByTestId('proposed-circle').allTextContents();
    expect(circles.length).toBeGreaterThan(0);
    expect(circles.every((text) => /^Circle of /.test(text))).toBe(true);
    const proof = page.getByTestId('circle-certification');
    await proof.getByText(/^Exact: no assignment that opens no circle below the minimum scores more/).waitFor();
    await proof.getByText(/without a minimum/).waitFor();
    await snap(page, 'console-group-run');
  });

  it('shows circles and placed members on the dashboard, in Dutch too', async () => {
    // Act
    await page.getByRole('menuitem', { name: 'Dashboard' }).click();
    await page.getByRole('combobox', { name: 'Program' }).click();
    await page.getByRole('option', { name: /Learning Circles/ }).click();

    // Assess: one circle open (Femke's four), the six others waiting.
    const figures = page.getByTestId('dashboard-circles');
    await figures.getByText('circle open · 0 forming').waitFor({ timeout: 15_000 });
    await figures.getByText('mentees placed in a circle · 6 waiting').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Nederlands' }).click();
    await figures.getByText('kring open · 0 in opbouw').waitFor();
    await figures.getByText('mentees in een kring geplaatst · 6 wachtend').waitFor();
    await snap(page, 'console-group-dashboard-nl');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
  });

  it('logged no errors in the browser console', () => {
    expect(problems).toEqual([]);
  });
});
