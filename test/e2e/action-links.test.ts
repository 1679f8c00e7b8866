import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '#local/dynamo.ts';
import { HOW_TO_INSTALL, hasChromium, launch, snap, watchConsole } from '../support/browser.ts';
import { ROOT, type Running, startKindling, stop } from '../support/kindling.ts';

if (!hasChromium) {
  if (process.env.CI) throw new Error(HOW_TO_INSTALL);
  console.warn(HOW_TO_INSTALL);
}

interface Mail {
  template: string;
  locale: string;
  links: string[];
}

/** Every .eml in the run's mailbox, with its template, language and action links. */
async function mailbox(dir: string): Promise<Mail[]> {
  const out: Mail[] = [];
  for (const folder of await readdir(dir).catch(() => [] as string[])) {
    for (const file of await readdir(join(dir, folder))) {
      const text = await readFile(join(dir, folder, file), 'utf8');
      out.push({
        template: /^X-Kindling-Template: (\S+)/m.exec(text)?.[1] ?? '',
        locale: /^Content-Language: (\S+)/m.exec(text)?.[1] ?? '',
        links: [...text.matchAll(/^(http:\/\/127\.0\.0\.1:\d+\/#\/act\/\S+)$/gm)].map((m) => m[1] as string),
      });
    }
  }
  return out;
}

/**
 * No app needed (issue #17.5): from the `.eml` the engagement job wrote into `npm start`'s mailbox
 * to the changed record, in Debian's Chromium, with no sign-in.
 */
describe.skipIf(!hasChromium)('e-mail action links in the browser', () => {
  let running: Running;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let base = '';
  let mails: Mail[] = [];

  const api = async (token: string, query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data: Record<string, never>; errors?: unknown };
  };
  const signIn = async (body: Record<string, string>) =>
    ((await (await fetch(`${base}/local/token`, { method: 'POST', body: JSON.stringify(body) })).json()) as { token: string }).token;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    running = await startKindling(
      ['--port', String(port), '--dynamo-port', String(await freePort()), '--in-memory', '--tick', '3600', '--verbose'],
      300_000,
    );
    // Wait for the event (the scheduler's first engagement run), not for a fixed time.
    for (const until = Date.now() + 120_000; !running.output().includes('scheduler: engagement ran'); ) {
      if (Date.now() > until) throw new Error(`no engagement run:\n${running.output()}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    // The operator's clock rehearsal: the engagement job at noon tomorrow, outside everyone's quiet hours.
    const noon = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await promisify(execFile)(
      process.execPath,
      ['bin/kindling.js', 'job', 'run', 'engagement', '--port', String(port), '--tenant', 'demo', '--at', `${noon}T12:00:00Z`],
      {
        cwd: ROOT,
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      },
    );
    const dir = /mailbox\s+(\S+)/.exec(running.output())?.[1] ?? '';
    mails = await mailbox(dir);
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 900, height: 900 } });
    problems = watchConsole(page);
  }, 420_000);

  afterAll(async () => {
    await browser?.close();
    if (running) await stop(running);
  });

  it('confirms "we met" from a nudge e-mail, and the pair shows the meeting through the API', async () => {
    // Prepare: an English nudge with its link, from the mailbox.
    const nudges = mails.filter(
      (m) => (m.template === 'NUDGE_DUE' || m.template === 'NUDGE_OVERDUE') && m.locale === 'en' && m.links.length === 1,
    );
    expect(nudges.length).toBeGreaterThan(1);
    const link = nudges[0]?.links[0] ?? '';

    // Act: open it, say when and what, confirm.
    await page.goto(link);
    await page.getByRole('heading', { name: 'Confirm that you met' }).waitFor({ timeout: 15_000 });
    expect(await page.getByText('@').count()).toBe(0);
    await page.getByLabel('Topic (optional)').fill('Career plan');
    await snap(page, 'action-link-confirm-meeting');
    await page.getByRole('button', { name: 'Confirm the meeting' }).click();
    await page.getByText('Done: the meeting is recorded').waitFor();
    await snap(page, 'action-link-done');

    // Assess: the manager sees the meeting, logged by the link's person, with its topic.
    const manager = await signIn({ tenant: 'demo', role: 'manager', name: 'Ada' });
    const audit = await api(
      manager,
      'query { auditLog(action: "mentorship.meeting", first: 50) { edges { node { entityId actor { id role } } } } }',
    );
    const entry = (
      audit.data.auditLog as unknown as { edges: { node: { entityId: string; actor: { id: string; role: string } } }[] }
    ).edges.find((e) => e.node.actor.id.startsWith('link:'));
    expect(entry?.node.actor.role).toBe('PARTICIPANT');
    const pair = await api(manager, 'query($id: ID!) { mentorship(id: $id) { meetings { topics } } }', { id: entry?.node.entityId });
    expect(JSON.stringify(pair.data)).toContain('Career plan');
    expect(problems).toEqual([]);
  });

  it('refuses the same link a second time, with a clear page', async () => {
    const link =
      mails.filter((m) => (m.template === 'NUDGE_DUE' || m.template === 'NUDGE_OVERDUE') && m.locale === 'en' && m.links.length === 1)[0]
        ?.links[0] ?? '';
    await page.goto('about:blank');
    await page.goto(link);
    await page.getByRole('heading', { name: 'This link has been used' }).waitFor({ timeout: 15_000 });
    await snap(page, 'action-link-used');
  });

  it('refuses a link moved to another tenant, and leaves the real one working', async () => {
    // Prepare: a second tenant, and another person's unused link rewritten to name it.
    const operator = await signIn({ role: 'operator', name: 'Ops' });
    const created = await api(operator, 'mutation { createTenant(input: { slug: "elsewhere", name: "Elsewhere" }) { slug } }');
    expect(created.errors).toBeUndefined();
    const unused = mails.filter((m) => m.links.length > 0)[5]?.links[0] ?? '';
    const moved = unused.replace('/#/act/demo.', '/#/act/elsewhere.');

    // Act
    await page.goto('about:blank');
    await page.goto(moved);
    await page.getByRole('heading', { name: /This link does not work|Deze link werkt niet/ }).waitFor({ timeout: 15_000 });
    await snap(page, 'action-link-wrong-tenant');
    await page.goto('about:blank');
    await page.goto(unused);

    // Assess: the genuine link still offers its action (the refusal used nothing).
    await page.locator('form button[type="submit"]').waitFor({ timeout: 15_000 });
    await snap(page, 'action-link-ready');
    expect(problems).toEqual([]);
  });
});
