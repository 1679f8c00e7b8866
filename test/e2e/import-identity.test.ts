import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOW_TO_INSTALL, hasChromium, snap } from '../support/browser.ts';
import { type ConsoleSession, consoleSession } from '../support/consoleSession.ts';

if (!hasChromium) {
  if (process.env.CI) throw new Error(HOW_TO_INSTALL);
  console.warn(HOW_TO_INSTALL);
}

interface Someone {
  externalId: string;
  displayName: string;
  email: string;
}

/**
 * Issue #16, point 1, as a program manager meets it: a file that gives an existing employee id to
 * someone with another name and e-mail. The preview shows it first, the import waits for a choice,
 * and the choice is what happens. In Debian's Chromium against `npm start`'s real stack.
 */
describe.skipIf(!hasChromium)('importing a file that names an existing employee id under another identity', () => {
  let session: ConsoleSession;
  let page: Page;
  let problems: string[];
  let folder = '';
  let file = '';
  let existing: Someone;

  const api = <T>(query: string, variables: Record<string, unknown> = {}) => session.must<T>(query, variables);

  beforeAll(async () => {
    // Prepare: a demo person with an employee id, and a file that gives that id to someone else
    // (line 2), beside someone new (line 3).
    session = await consoleSession({
      viewport: { width: 1280, height: 900 },
      prepare: async (_api, must) => {
        const { people } = await must<{ people: { edges: { node: Someone }[] } }>(
          '{ people(first: 50) { edges { node { externalId displayName email } } } }',
        );
        const withId = people.edges.map((e) => e.node).find((p) => p.externalId);
        if (!withId) throw new Error('the demo has nobody with an employee id');
        existing = withId;
        folder = mkdtempSync(join(tmpdir(), 'kindling-identity-'));
        file = join(folder, 'identity-change.csv');
        writeFileSync(
          file,
          [
            'Employee ID,First Name,Last Name,Work Email,Time Zone,Languages,Role,Mentoring Reasons',
            `${existing.externalId},Noor,Haddad,noor.haddad@example.org,Europe/Amsterdam,"nl, en",mentee,connections`,
            'N90001,Bram,de Wit,bram.dewit@example.org,Europe/Amsterdam,nl,mentee,job skills',
          ].join('\n'),
        );
      },
    });
    ({ page, problems } = session);
  });

  afterAll(async () => {
    await session?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('shows the identity change first, refuses to start until a choice is made, and imports what was chosen', async () => {
    // Act: the file in the import dialog.
    await page.getByRole('menuitem', { name: 'Programs' }).click();
    await page.getByRole('cell', { name: 'Leadership Circle' }).click();
    await page.getByRole('tab', { name: 'Participants' }).click();
    await page.getByRole('button', { name: 'Import participants' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import participants into Leadership Circle' });
    await dialog.locator('input[type=file]').setInputFiles(file);

    // Assess: the change is named with both identities, the rule is stated, and the import waits.
    await dialog.getByText('1 row names someone who exists under another name and e-mail address').waitFor({ timeout: 20_000 });
    const change = dialog.getByLabel('Line 2', { exact: true });
    await change.getByText(existing.displayName, { exact: true }).waitFor();
    await change.getByText('noor.haddad@example.org', { exact: true }).waitFor();
    await dialog.getByText('Empty cells: for someone already in Kindling', { exact: false }).waitFor();
    const counts = ((await dialog.getByRole('list', { name: 'Rows by what they do' }).textContent()) ?? '').replace(/\s+/g, ' ');
    expect(counts).toContain('New: 1');
    expect(counts).toContain('Skipped: 1');
    const start = dialog.getByRole('button', { name: /^Start import/ });
    expect(await start.isDisabled()).toBe(true);
    await dialog.getByText('Choose for every row above first (1 left)').waitFor();
    await change.scrollIntoViewIfNeeded();
    await snap(page, 'console-import-identity-change');

    // Act: the row is someone else.
    await change.getByRole('radio', { name: /^Another person/ }).check();
    await snap(page, 'console-import-identity-chosen');

    // Assess: both rows are taken, as new people; the existing person keeps their record.
    expect(((await dialog.getByRole('list', { name: 'Rows by what they do' }).textContent()) ?? '').replace(/\s+/g, ' ')).toContain(
      'New: 2',
    );
    await dialog.getByRole('button', { name: 'Start import of 2 rows' }).click();
    await dialog.getByRole('button', { name: 'Done' }).waitFor({ timeout: 60_000 });
    const result = (await dialog.getByLabel('What the import did').textContent()) ?? '';
    expect(result).toMatch(/(^|\D)2\s*New people/);
    expect(result).toMatch(/(^|\D)0\s*Failed/);
    await snap(page, 'console-import-identity-done');
    await dialog.getByRole('button', { name: 'Done' }).click();
    const after = await api<{ people: { edges: { node: Someone }[] } }>(
      'query($s: String!) { people(first: 5, filter: { search: $s }) { edges { node { externalId displayName email } } } }',
      { s: existing.email },
    );
    expect(after.people.edges.map((e) => e.node)).toEqual([{ ...existing, externalId: null }]);
  });

  it('says the same in Dutch', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Nederlands' }).click();
    await page.getByRole('tab', { name: 'Deelnemers' }).click();
    await page.getByRole('button', { name: 'Deelnemers importeren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deelnemers importeren in Leadership Circle' });
    await dialog.locator('input[type=file]').setInputFiles(file);
    // The employee id moved to Noor Haddad: the same file now updates nobody under another identity.
    await dialog.getByText('Lege cellen: voor iemand die al in Kindling staat', { exact: false }).waitFor({ timeout: 20_000 });
    const counts = ((await dialog.getByRole('list', { name: 'Regels naar wat ze doen' }).textContent()) ?? '').replace(/\s+/g, ' ');
    expect(counts).toContain('Ongewijzigd: 2');
  });

  it('logged no errors in the browser console', () => {
    expect(problems).toEqual([]);
  });
});
