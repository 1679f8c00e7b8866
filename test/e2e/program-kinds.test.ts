import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOW_TO_INSTALL, hasChromium, snap } from '../support/browser.ts';
import { type ConsoleSession, consoleSession } from '../support/consoleSession.ts';

if (!hasChromium) {
  if (process.env.CI) throw new Error(HOW_TO_INSTALL);
  console.warn(HOW_TO_INSTALL);
}

/** Four new team leads: two pairs of complementary strengths (budget ↔ feedback, hiring ↔ planning). */
const PEERS = [
  { given: 'Ada', offers: ['budgeting'], seeks: ['feedback'] },
  { given: 'Bo', offers: ['feedback'], seeks: ['budgeting'] },
  { given: 'Cas', offers: ['hiring'], seeks: ['planning'] },
  { given: 'Dirk', offers: ['planning'], seeks: ['hiring'] },
];

/** Peer and reverse mentoring as a program manager meets them (ADR 77): in Debian's Chromium against `npm start`'s real stack. */
describe.skipIf(!hasChromium)('peer and reverse programs in the console', () => {
  let session: ConsoleSession;
  let page: Page;
  let problems: string[];

  /** The API as a script calls it, with a manager's token from the local issuer. */
  const api = <T>(query: string, variables: Record<string, unknown> = {}) => session.must<T>(query, variables);

  beforeAll(async () => {
    session = await consoleSession({ viewport: { width: 1400, height: 900 } });
    ({ page, problems } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('creates a peer program, fixes its kind once open, and shows its enrolled participants as peers', async () => {
    // Act: create it in the console, as a peer program.
    await page.getByRole('menuitem', { name: 'Programs' }).click();
    await page.getByRole('link', { name: 'Create' }).click();
    await page.getByLabel('Name').first().fill('Peer Test Leads');
    await page.getByRole('combobox', { name: 'Kind of mentoring' }).click();
    await page.getByRole('option', { name: 'Peer mentoring' }).click();
    await page.getByText('Everyone in a peer program is a peer: there are no roles to name.').waitFor();
    const focusAreas = page.getByRole('combobox', { name: 'Focus areas', exact: true });
    await focusAreas.click();
    await focusAreas.fill('manage');
    await page.getByRole('option', { name: 'Management skills' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Open the program' }).click();
    await page.getByText('The program is now open.', { exact: false }).waitFor({ timeout: 15_000 });

    // Enrol four peers through the API (as a partner app would).
    const programId = /\/programs\/([^/]+)\/show/.exec(decodeURIComponent(page.url()))?.[1] ?? '';
    expect(programId).not.toBe('');
    for (const p of PEERS) {
      const { createPerson } = await api<{ createPerson: { id: string } }>(
        'mutation($input: PersonInput!) { createPerson(input: $input) { id } }',
        {
          input: {
            email: `${p.given.toLowerCase()}@peer-e2e.example.org`,
            givenName: p.given,
            familyName: 'Lead',
            timeZone: 'Europe/Amsterdam',
            languages: ['en'],
            skillsOffered: p.offers,
            skillsSought: p.seeks,
          },
        },
      );
      await api('mutation($input: EnrolInput!) { enrol(input: $input) { role } }', {
        input: { personId: createPerson.id, programId, role: 'PEER', reasons: ['MANAGEMENT_SKILLS'] },
      });
    }

    // Assess: the kind on the page, fixed in the form with why, and the participants as peers.
    await page.reload();
    await page.getByText('Everyone is a peer').waitFor();
    await page.getByRole('tab', { name: 'Participants' }).click();
    await page.getByText('4 peers · 0 active pairs of peers').waitFor({ timeout: 15_000 });
    await page.getByRole('row').filter({ hasText: 'Ada Lead' }).getByText('Peer', { exact: true }).waitFor();
    await snap(page, 'console-peer-participants');
    await page.getByRole('link', { name: 'Edit' }).click();
    const fixed = page.getByTestId('program-kind-fixed');
    await fixed.getByText('Peer mentoring').waitFor();
    await fixed.getByText('The kind can change only while the program is a draft.', { exact: false }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Kind of mentoring' }).count()).toBe(0);
    await snap(page, 'console-peer-program-edit');
  });

  it('runs matching and shows the pairs as two peers, each criterion explained both ways', async () => {
    // Act
    await page.goBack();
    await page.getByRole('tab', { name: 'Matching' }).click();
    await page.getByRole('button', { name: 'Run matching now' }).click();

    // Assess
    const proposals = page.getByRole('table', { name: 'Proposals' });
    await proposals.waitFor({ timeout: 30_000 });
    await proposals.getByRole('columnheader', { name: 'Peers' }).waitFor();
    expect(await proposals.getByRole('columnheader', { name: 'Mentor' }).count()).toBe(0);
    const pairs = (await proposals.getByTestId('peer-pair').allTextContents()).map((t) => t.replace(/\s+/g, ' '));
    expect(
      pairs
        .map((t) =>
          [...t.matchAll(/(Ada|Bo|Cas|Dirk) Lead/g)]
            .map((m) => m[1])
            .sort()
            .join('+'),
        )
        .sort(),
    ).toEqual(['Ada+Bo', 'Cas+Dirk']);
    // Skills, both ways round: what each peer seeks, in what the other offers.
    const ways = proposals.getByTestId('both-ways');
    await ways.first().waitFor();
    const said = (await ways.allTextContents()).join(' | ');
    expect(said).toContain('For Ada Lead: 1 of 1 skills: feedback');
    expect(said).toContain('For Bo Lead: 1 of 1 skills: budgeting');
    expect(said).toContain('For Cas Lead: 1 of 1 skills: planning');
    expect(said).toContain('For Dirk Lead: 1 of 1 skills: hiring');
    await page.getByText('2 pairs of peers proposed from 4 peers, 0 unpaired', { exact: false }).waitFor();
    await snap(page, 'console-peer-run');
  });

  it('labels a reverse program’s roles as the program names them: participants, a run and its pairs', async () => {
    // Act: the demo's reverse program.
    await page.getByRole('menuitem', { name: 'Programs' }).click();
    await page.getByRole('cell', { name: 'Digital Reverse Mentoring' }).click();
    await page.getByText('Digital coach · Executive').waitFor({ timeout: 15_000 });
    await page.getByRole('tab', { name: 'Participants' }).click();

    // Assess
    await page.getByText('5 × Digital coach · 5 × Executive', { exact: false }).waitFor({ timeout: 15_000 });
    await page.getByRole('row').filter({ hasText: 'Mila Jansen' }).getByText('Digital coach', { exact: true }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Gerard van den Berg' }).getByText('Executive', { exact: true }).waitFor();

    // The local scheduler ran the demo's programs at start: its run holds the proposals.
    await page.getByRole('tab', { name: 'Matching' }).click();
    await page.getByRole('row').filter({ hasText: 'Scheduled' }).getByRole('button').first().click({ timeout: 30_000 });
    const proposals = page.getByRole('table', { name: 'Proposals' });
    await proposals.waitFor({ timeout: 30_000 });
    await proposals.getByRole('columnheader', { name: 'Executive' }).waitFor();
    await proposals.getByRole('columnheader', { name: 'Digital coach' }).waitFor();
    await snap(page, 'console-reverse-run');

    // The running pair's page names both sides the program's way.
    await page.getByRole('menuitem', { name: 'Pairs' }).click();
    await page.getByRole('combobox', { name: 'Program' }).click();
    await page.getByRole('option', { name: /Digital Reverse Mentoring/ }).click();
    await page.getByRole('columnheader', { name: 'Digital coach' }).waitFor({ timeout: 15_000 });
    await page.getByRole('cell', { name: 'Mila Jansen' }).click();
    await page.getByText('Digital coach', { exact: true }).first().waitFor();
    await page.getByText('Executive', { exact: true }).first().waitFor();
  });

  it('shows the peer program’s dashboard as peers paired and unpaired, in Dutch too', async () => {
    // Act
    await page.getByRole('menuitem', { name: 'Dashboard' }).click();
    await page.getByRole('combobox', { name: 'Program' }).click();
    await page.getByRole('option', { name: /New Team Leads Peer Exchange/ }).click();

    // Assess: the demo's peer program: twelve peers, two pairs running.
    await page.getByText('4 peers paired · 8 unpaired').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Nederlands' }).click();
    await page.getByText('4 collega’s gekoppeld · 8 niet gekoppeld').waitFor();
    await snap(page, 'console-peer-dashboard-nl');
  });

  it('logged no errors in the browser console', () => {
    expect(problems).toEqual([]);
  });
});
