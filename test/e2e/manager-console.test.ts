import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOW_TO_INSTALL, hasChromium, snap } from '../support/browser.ts';
import { type ConsoleSession, consoleSession } from '../support/consoleSession.ts';

if (!hasChromium) {
  if (process.env.CI) throw new Error(HOW_TO_INSTALL);
  console.warn(HOW_TO_INSTALL);
}

/** A code or a translation key left on the page: `PSYCHOSOCIAL_SUPPORT`, `kindling.audit.x`, `resources.programs.y`. */
const RAW =
  /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b(?:kindling|resources|ra)\.[a-zA-Z_]+\.[a-zA-Z_.]+|\b(?:PROPOSED|APPROVED|MATCHING|OPERATOR|MANAGER)\b/g;

/** Issue #16 (7, 8, 9, 10, 12, 13): the manager's console as a new program manager meets it, in Chromium against `npm start`. */
describe.skipIf(!hasChromium)('the manager’s console, finished', () => {
  let session: ConsoleSession;
  let page: Page;
  let base = '';

  /** The page's own text as written (not as CSS shows it: buttons are upper-cased by the theme). */
  const pageText = () => page.locator('#root').evaluate((root) => root.textContent ?? '');

  beforeAll(async () => {
    session = await consoleSession({ viewport: { width: 1280, height: 900 } });
    ({ page, base } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('explains a proposal with its fit as the bar and the concrete reason in words, without developer figures (7)', async () => {
    // Act: the scheduled run of a program.
    await page.getByRole('menuitem', { name: 'Programs' }).click();
    await page.getByRole('cell', { name: 'Leadership Circle' }).click();
    await page.getByRole('tab', { name: 'Matching' }).click();
    await page.getByRole('table', { name: 'Runs' }).locator('tbody tr').filter({ hasText: 'Scheduled' }).first().click();
    const proposals = page.getByRole('table', { name: 'Proposals' });
    await proposals.waitFor({ timeout: 30_000 });

    // Assert: each bar is the fit it names, and beside it a reason a manager can check.
    const first = proposals.locator('tbody tr').first();
    const language = first.getByRole('meter', { name: 'Fit on Language' });
    await expect(language.getAttribute('aria-valuenow')).resolves.toBe('100');
    const explanation = await first.getByRole('list', { name: 'Why this pair' }).textContent();
    expect(explanation).toMatch(/Both speak (Dutch|English)/);
    expect(explanation).toMatch(/\d+ of \d+ focus areas|None of the \d+ focus areas/);
    expect(explanation).toMatch(/h apart|Same time zone/);
    await expect(pageText()).resolves.not.toMatch(/read \d+ · score \d+/);
    await snap(page, 'finish-explanations');
  });

  it('pages and filters the audit log, in words and formatted values (8)', async () => {
    // Act
    await page.getByRole('menuitem', { name: 'Audit log' }).click();
    const rows = page.locator('.RaDatagrid-tbody > tr');
    await rows.first().waitFor({ timeout: 30_000 });
    await page.getByRole('combobox', { name: 'What' }).click();
    await page.getByRole('option', { name: 'Pair proposed' }).click();
    await page.waitForURL(/proposal\.create/);
    await expect.poll(() => rows.filter({ hasNotText: 'Pair proposed' }).count(), { timeout: 30_000 }).toBe(0);

    // Assert: 25 to a page, labelled, no raw codes or 16-digit floats.
    await expect(rows.count()).resolves.toBe(25);
    const text = await pageText();
    expect(text).not.toMatch(/matching\.run|proposal\.create|PROPOSED|"criterion"/);
    expect(text).not.toMatch(/\d\.\d{5,}/);
    expect(text).toMatch(/Focus areas \d+%/);
    await snap(page, 'finish-audit-log');
  });

  it('shows enrolments across programs honestly, open requests, and proposals awaiting approval (9)', async () => {
    await page.getByRole('menuitem', { name: 'Dashboard' }).click();
    await page.getByRole('button', { name: 'All programs' }).click();
    await page.getByRole('heading', { name: 'Enrolments' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'One program' }).click();
    const requests = page.getByRole('region', { name: 'Requests' });
    await requests.getByText('Open, awaiting an answer').waitFor({ timeout: 30_000 });
    await snap(page, 'finish-dashboard');
  });

  it('shows the attention list on the program and saves its engagement settings (12)', async () => {
    // Prepare
    await page.getByRole('menuitem', { name: 'Programs' }).click();
    await page.getByRole('cell', { name: 'Young Professionals 2026' }).click();

    // Assert: the attention list, each item with what to do.
    const attention = page.getByRole('region', { name: 'Needs your attention' });
    await attention.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => attention.textContent(), { timeout: 30_000 })
      .toMatch(/Pair overdue|Mentor not answering|Nothing needs your attention/);
    await snap(page, 'finish-program-attention');

    // Act: the engagement settings, edited and saved.
    await page.getByRole('link', { name: 'Edit' }).click();
    const cap = page.getByLabel('Messages a week per person, at most');
    await cap.waitFor({ timeout: 30_000 });
    await cap.fill('4');
    await page.getByLabel('Follow up after (days)').fill('2, 5');
    await snap(page, 'finish-engagement-settings');
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByText(/Element updated|updated/i)
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'Edit' }).click();
    await expect(page.getByLabel('Messages a week per person, at most').inputValue()).resolves.toBe('4');
    await expect(page.getByLabel('Follow up after (days)').inputValue()).resolves.toBe('2, 5');
  });

  it('offers the focus-area vocabulary in words on the program form, and takes a program’s own (13)', async () => {
    // Prepare: the program's form, its standard focus areas shown in words.
    await page.getByRole('menuitem', { name: 'Programs' }).click();
    await page.getByRole('cell', { name: 'Leadership Circle' }).click();
    await page.getByRole('link', { name: 'Edit' }).click();
    const input = page.getByRole('combobox', { name: 'Focus areas', exact: true });
    const field = page.locator('.MuiAutocomplete-root', { has: input });
    const chip = (name: RegExp) => field.locator('.MuiChip-root', { hasText: name });
    await chip(/^Psychosocial support$/).waitFor({ timeout: 30_000 });

    // Act: take one out, find it again by typing part of its words; add the program's own.
    await chip(/^Psychosocial support$/)
      .locator('.MuiChip-deleteIcon')
      .click();
    await input.click();
    await input.fill('psycho');
    await page.getByRole('option', { name: 'Psychosocial support' }).click();
    await input.fill('Work-life balance');
    await page.getByRole('option', { name: 'Add “Work-life balance”' }).click();

    // Assert
    await chip(/^Psychosocial support$/).waitFor();
    await chip(/^Work.life balance$/).waitFor();
    await snap(page, 'finish-focus-areas');
  });

  it('speaks Dutch on every page: no untranslated keys, raw codes or cut-off menu items (10)', async () => {
    // Prepare: the console in Dutch.
    await page.goto(`${base}/#/`);
    await page.getByRole('button', { name: /English/i }).click();
    await page.getByRole('menuitem', { name: /Nederlands/i }).click();
    await page.getByRole('menuitem', { name: 'Programma’s' }).waitFor();
    const program = await page.evaluate(async () => {
      const { token } = JSON.parse(sessionStorage.getItem('kindling.session') ?? '{}') as { token: string };
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ programs(first: 1) { edges { node { id } } } }' }),
      });
      return ((await res.json()) as { data: { programs: { edges: { node: { id: string } }[] } } }).data.programs.edges[0]?.node.id ?? '';
    });
    const id = encodeURIComponent(program);
    const pages = [
      '/',
      '/programs',
      `/programs/${id}/show`,
      `/programs/${id}/show/participants`,
      `/programs/${id}/show/imports`,
      `/programs/${id}/show/matching`,
      `/programs/${id}`,
      '/mentorships',
      '/requests',
      '/surveys',
      '/people',
      '/notifications',
      '/webhooks',
      '/audit',
      '/apiKeys',
    ];
    const found: string[] = [];
    for (const path of pages) {
      // Act
      await page.goto(`${base}/#${path}`);
      await page.locator('main').waitFor();
      await page.waitForLoadState('networkidle');
      await page
        .locator('[role="progressbar"]')
        .first()
        .waitFor({ state: 'detached', timeout: 30_000 })
        .catch(() => undefined);
      // Assert
      const raw = [...new Set((await pageText()).match(RAW) ?? [])];
      if (raw.length > 0) found.push(`${path}: ${raw.join(', ')}`);
      const cut = await page
        .getByRole('menuitem')
        .evaluateAll((items) => items.filter((i) => i.scrollWidth > i.clientWidth + 1).map((i) => i.textContent ?? ''));
      if (cut.length > 0) found.push(`${path}: menu cut off: ${cut.join(', ')}`);
    }
    await snap(page, 'finish-nl-audit');
    expect(found).toEqual([]);
  });
});
