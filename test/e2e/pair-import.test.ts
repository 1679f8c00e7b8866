import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '#local/dynamo.ts';
import { HOW_TO_INSTALL, hasChromium, launch, snap, watchConsole } from '../support/browser.ts';
import { ROOT, type Running, startKindling, stop } from '../support/kindling.ts';

const PEOPLE = join(ROOT, 'docs', 'examples', 'hr-export-sample.csv');
const PAIRS = join(ROOT, 'docs', 'examples', 'pairs-sample.csv');

if (!hasChromium) {
  if (process.env.CI) throw new Error(HOW_TO_INSTALL);
  console.warn(HOW_TO_INSTALL);
}

/** The pair import as a program manager uses it: in Debian's Chromium against `npm start`'s real stack. */
describe.skipIf(!hasChromium)('importing running pairs in the console', () => {
  let running: Running;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let base = '';

  /** The API as the CLI calls it, with a manager's token from the local issuer. */
  async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const { token } = (await (
      await fetch(`${base}/local/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenant: 'demo', role: 'manager', name: 'Setup' }),
      })
    ).json()) as { token: string };
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return ((await res.json()) as { data: T }).data;
  }

  beforeAll(async () => {
    // Prepare: the sample HR export's people enrolled in Leadership Circle, through the API.
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    running = await startKindling(['--port', String(port), '--dynamo-port', String(await freePort()), '--in-memory', '--tick', '3600']);
    const { programs } = await api<{ programs: { edges: { node: { id: string; name: string } }[] } }>(
      '{ programs(first: 10) { edges { node { id name } } } }',
    );
    const programId = programs.edges.find((e) => e.node.name === 'Leadership Circle')?.node.id;
    const { startImport } = await api<{ startImport: { id: string } }>(
      'mutation($p: ID!, $csv: String!) { startImport(programId: $p, csv: $csv) { id } }',
      { p: programId, csv: readFileSync(PEOPLE, 'utf8') },
    );
    for (;;) {
      const { importJob } = await api<{ importJob: { status: string } }>('query($id: ID!) { importJob(id: $id) { status } }', {
        id: startImport.id,
      });
      if (importJob.status === 'DONE') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    problems = watchConsole(page);
    await page.goto(`${base}/`);
    await page.getByLabel('Your name').fill('Ada Manager');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Young Professionals 2026').first().waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    await browser?.close();
    if (running) await stop(running);
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
