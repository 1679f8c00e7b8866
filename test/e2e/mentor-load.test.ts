import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOW_TO_INSTALL, hasChromium, snap } from '../support/browser.ts';
import { type ConsoleSession, consoleSession } from '../support/consoleSession.ts';

if (!hasChromium) {
  if (process.env.CI) throw new Error(HOW_TO_INSTALL);
  console.warn(HOW_TO_INSTALL);
}

interface LoadFields {
  capacity: number | null;
  hoursPerMonth: number | null;
  awayUntil: string | null;
  acceptsRequests: boolean;
  activeMentorships: number;
}

/** A calendar date `days` from today, as YYYY-MM-DD in this machine's calendar (the browser's). */
function dateIn(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Issue #17.3 in the console: a program manager sets a mentor's load (mentees at once, hours, away
 * until, direct requests) where they look at participants, sees the API's field problems under the
 * field, and then the list and the person's page say "away until …", "not taking requests" and "full"
 * in colour and words — as the API now answers. Chromium against `npm start`.
 */
describe.skipIf(!hasChromium)('a mentor’s load in the console', () => {
  let session: ConsoleSession;
  let page: Page;
  let problems: string[];

  const api = (query: string, variables: Record<string, unknown>) => session.api(query, variables);

  beforeAll(async () => {
    session = await consoleSession({ viewport: { width: 1400, height: 900 } });
    ({ page, problems } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('sets a matched mentor away, closed to requests and full; the API answers it and the list and the person say it', async () => {
    // Prepare: the program's matched mentors.
    await page.getByRole('menuitem', { name: 'Programs' }).click();
    await page.getByRole('cell', { name: 'Young Professionals 2026' }).click();
    await page.getByRole('tab', { name: 'Participants' }).click();
    await page.getByLabel('Role').click();
    await page.getByRole('option', { name: 'Mentor' }).click();
    await page.getByLabel('Status').click();
    await page.getByRole('option', { name: 'Matched' }).click();
    const rows = page.locator('table tbody tr');
    // The filter form applies after a short debounce: wait for mentors who are matched only.
    await expect
      .poll(async () => (await rows.count()) > 0 && (await rows.filter({ hasNotText: 'Matched' }).count()) === 0, { timeout: 30_000 })
      .toBe(true);
    const row = rows.first();
    const nameLink = row.getByRole('link').first();
    const name = ((await nameLink.textContent()) ?? '').trim();
    const personId = decodeURIComponent(/people\/([^/]+)\/show/.exec((await nameLink.getAttribute('href')) ?? '')?.[1] ?? '');
    expect(personId).not.toBe('');

    // Act 1: a capacity below the mentees they have — the API refuses, and says so under the field.
    await row.getByRole('button', { name: 'Set availability' }).click();
    const dialog = page.getByRole('dialog', { name: `How much ${name} takes on` });
    await dialog.waitFor();
    for (const help of [
      'Matching proposes no one beyond it',
      'Mentees can filter the list of mentors by it',
      'Back on this date',
      'see “not taking requests”',
    ]) {
      await dialog.getByText(help, { exact: false }).waitFor();
    }
    const capacity = dialog.getByLabel('Mentees at once');
    await capacity.fill('0');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const refusal = dialog.getByText(/^Below the \d+ mentees? this mentor already has$/);
    await refusal.waitFor({ timeout: 15_000 });
    const describedBy = (await capacity.getAttribute('aria-describedby')) ?? '';
    await expect(dialog.locator(`[id="${describedBy}"]`).textContent()).resolves.toMatch(/Below the \d+ mentees?/);
    const active = Number(/\d+/.exec((await refusal.textContent()) ?? '')?.[0]);
    expect(active).toBeGreaterThan(0);
    await snap(page, 'mentor-load-refused');

    // Act 2: as many places as pairs (full), six hours, away for a month, no direct requests.
    const away = dateIn(30);
    await capacity.fill(String(active));
    await dialog.getByLabel('Hours per month').fill('6');
    await dialog.getByLabel('Away until').fill(away);
    await dialog.getByLabel('Takes direct requests').uncheck();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 15_000 });

    // Assert: the API holds what was set.
    const read = await api(
      `query($id: ID!) { person(id: $id) { enrolments { program { name } role capacity hoursPerMonth awayUntil acceptsRequests activeMentorships } } }`,
      { id: personId },
    );
    expect(read.errors).toBeUndefined();
    const enrolments =
      (read.data?.person as undefined | { enrolments: (LoadFields & { program: { name: string }; role: string })[] })?.enrolments ?? [];
    const enrolment = enrolments.find((e) => e.program.name === 'Young Professionals 2026' && e.role === 'MENTOR');
    expect(enrolment).toEqual({
      program: { name: 'Young Professionals 2026' },
      role: 'MENTOR',
      capacity: active,
      hoursPerMonth: 6,
      awayUntil: away,
      acceptsRequests: false,
      activeMentorships: active,
    });

    // Assert: the list says it in words, each in its colour.
    const updated = rows.filter({ hasText: name }).first();
    const states = updated.getByRole('list', { name: 'Availability' });
    const awayChip = states.getByRole('listitem').filter({ hasText: /^Away until / });
    const closedChip = states.getByRole('listitem').filter({ hasText: 'Not taking requests' });
    const fullChip = states.getByRole('listitem').filter({ hasText: `Full (${active} of ${active})` });
    await awayChip.waitFor({ timeout: 15_000 });
    await expect(awayChip.getAttribute('class')).resolves.toMatch(/colorWarning/);
    await expect(closedChip.getAttribute('class')).resolves.toMatch(/colorInfo/);
    await expect(fullChip.getAttribute('class')).resolves.toMatch(/colorError/);
    await expect(updated.getByRole('cell', { name: '6', exact: true }).count()).resolves.toBeGreaterThan(0);
    await snap(page, 'mentor-load-list');

    // Assert: and so does the person's page, on its Programs tab.
    await updated.getByRole('link', { name }).click();
    await page.getByRole('tab', { name: 'Programs' }).click();
    const programRow = page.locator('table tbody tr').filter({ hasText: 'Young Professionals 2026' }).filter({ hasText: 'Mentor' });
    const onPerson = programRow.getByRole('list', { name: 'Availability' });
    await onPerson.getByText(/^Away until /).waitFor({ timeout: 15_000 });
    await onPerson.getByText('Not taking requests').waitFor();
    await onPerson.getByText(`Full (${active} of ${active})`).waitFor();
    await snap(page, 'mentor-load-person');
    expect(problems).toEqual([]);
  });
});
