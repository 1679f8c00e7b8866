import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOW_TO_INSTALL, hasChromium, snap } from '../support/browser.ts';
import { type ConsoleSession, consoleSession } from '../support/consoleSession.ts';
import { ROOT } from '../support/kindling.ts';

const PEOPLE = join(ROOT, 'docs', 'examples', 'hr-export-sample.csv');
const PAIRS = join(ROOT, 'docs', 'examples', 'pairs-sample.csv');

if (!hasChromium) {
  if (process.env.CI) throw new Error(HOW_TO_INSTALL);
  console.warn(HOW_TO_INSTALL);
}

/** The pair import as a program manager uses it: in Debian's Chromium against `npm start`'s real stack. */
describe.skipIf(!hasChromium)('importing running pairs in the console', () => {
  let session: ConsoleSession;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    // Prepare: the sample HR export's people enrolled in Leadership Circle, through the API.
    session = await consoleSession({
      viewport: { width: 1280, height: 800 },
      prepare: async (_api, must) => {
        const { programs } = await must<{ programs: { edges: { node: { id: string; name: string } }[] } }>(
          '{ programs(first: 10) { edges { node { id name } } } }',
        );
        const programId = programs.edges.find((e) => e.node.name === 'Leadership Circle')?.node.id;
        const { startImport } = await must<{ startImport: { id: string } }>(
          'mutation($p: ID!, $csv: String!) { startImport(programId: $p, csv: $csv) { id } }',
          { p: programId, csv: readFileSync(PEOPLE, 'utf8') },
        );
        for (;;) {
          const { importJob } = await must<{ importJob: { status: string } }>('query($id: ID!) { importJob(id: $id) { status } }', {
            id: startImport.id,
          });
          if (importJob.status === 'DONE') break;
          await new Promise((r) => setTimeout(r, 500));
        }
      },
    });
    ({ page, problems } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('previews the spreadsheet, names the three rows it will not take, imports the rest and shows the result', async () => {
    await page.getByRole('menuitem', { name: 'Programs' }).click();
    await page.getByRole('cell', { name: 'Leadership Circle' }).click();
    await page.getByRole('tab', { name: 'Participants' }).click();

    await page.getByRole('button', { name: 'Import pairs' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import running pairs into Leadership Circle' });
    await dialog.locator('input[type=file]').setInputFiles(PAIRS);

    await dialog.getByText('10 of 13 pairs will be imported').waitFor({ timeout: 15_000 });
    await dialog.getByRole('heading', { name: 'Rows that will not be imported (3)' }).waitFor();
    await dialog.getByText('mentee "E99999" is not anyone in this organisation', { exact: false }).waitFor();
    await dialog.getByText('are in the same reporting line', { exact: false }).waitFor();
    await dialog.getByRole('table', { name: 'First pairs, as they will be read' }).getByText('2026-02-16').waitFor();
    await snap(page, 'console-pair-import-preview');
    await dialog.getByRole('button', { name: 'Import 10 pairs' }).click();
    await dialog.getByRole('button', { name: 'Done' }).waitFor({ timeout: 60_000 });
    const result = (await dialog.getByLabel('What the import did').textContent()) ?? '';
    expect(result).toMatch(/(^|\D)10\s*Pairs started/);
    expect(result).toMatch(/(^|\D)3\s*Rejected/);
    await snap(page, 'console-pair-import-done');
    await dialog.getByRole('button', { name: 'Done' }).click();

    // The imports tab lists it as a pair import.
    await page.getByRole('tab', { name: 'Imports' }).click();
    await page.getByRole('row').filter({ hasText: 'pairs-sample.csv' }).getByText('Pairs', { exact: true }).waitFor();
  });

  it('says the same in Dutch', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Nederlands' }).click();
    await page.getByRole('tab', { name: 'Deelnemers' }).click();
    await page.getByRole('button', { name: 'Koppelingen importeren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lopende koppelingen importeren in Leadership Circle' });
    await dialog.locator('input[type=file]').setInputFiles(PAIRS);
    await dialog.getByText('Daarvan zijn er 10 eerder geïmporteerd', { exact: false }).waitFor({ timeout: 15_000 });
    await dialog.getByText('is niemand in deze organisatie', { exact: false }).waitFor();
  });

  it('logged no errors in the browser console', () => {
    expect(problems).toEqual([]);
  });
});
