import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOW_TO_INSTALL, hasChromium, snap } from '../support/browser.ts';
import { type ConsoleSession, consoleSession, type Seeded } from '../support/consoleSession.ts';

if (!hasChromium) {
  if (process.env.CI) throw new Error(HOW_TO_INSTALL);
  console.warn(HOW_TO_INSTALL);
}

/** The engagement pages in Debian's Chromium against `npm start` (its scheduler runs the engagement job at start). */
describe.skipIf(!hasChromium)('notifications and webhooks in the console', () => {
  let session: ConsoleSession;
  let running: Seeded;
  let page: Page;
  let problems: string[];
  let base = '';

  beforeAll(async () => {
    session = await consoleSession({ viewport: { width: 1280, height: 900 }, flags: ['--verbose'] });
    ({ page, problems, base, running } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('lists what the engagement job sent for the demo program, filterable by kind', async () => {
    // The scheduler's first engagement run follows the start by a few seconds.
    await expect.poll(() => running.output().includes('scheduler: engagement ran'), { timeout: 60_000, interval: 500 }).toBe(true);
    await page.goto(`${base}/#/notifications`);
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor({ timeout: 15_000 });
    expect(await rows.count()).toBeGreaterThan(0);
    await expect(page.getByText(/Sent|Waiting/).count()).resolves.toBeGreaterThan(0);
    await snap(page, 'console-notifications');

    await page.getByLabel('Message').click();
    await page.getByRole('option', { name: 'Contact overdue' }).click();
    await page.waitForURL(/NUDGE_OVERDUE/);
    await rows.first().waitFor();
    // The URL changes before the list re-renders: wait until the rows shown are the filtered ones.
    const kinds = () => page.locator('table tbody tr td:nth-child(2) .MuiTypography-caption').allTextContents();
    await expect
      .poll(
        async () => {
          const shown = await kinds();
          return shown.length > 0 && shown.every((k) => k.startsWith('Contact overdue'));
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await rows.first().locator('summary').click();
    await snap(page, 'console-notifications-overdue');
  });

  it('registers a webhook, shows its secret once, and lists it with its status', async () => {
    await page.goto(`${base}/#/webhooks`);
    await page.getByText('No webhook subscriptions yet').waitFor({ timeout: 15_000 });
    await page.goto(`${base}/#/webhooks/create`);
    await page.getByLabel('Endpoint URL').fill('http://127.0.0.1:9/partner');
    await page.getByLabel('Description').fill('HR system');
    await page.getByLabel('Survey due').check();
    await page.getByRole('button', { name: 'Create subscription' }).click();
    await page.getByText('Kindling shows it only this once').waitFor();
    const secret = await page.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await snap(page, 'console-webhook-secret');
    await page.getByRole('link', { name: 'Back to the subscriptions' }).click();
    await page.getByText('http://127.0.0.1:9/partner').waitFor();
    await page.getByText('Nothing delivered yet').waitFor();
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByText('Paused', { exact: true }).waitFor();
    await snap(page, 'console-webhooks');
    expect(problems).toEqual([]);
  });

  it('pings a subscription and shows the delivery log, filtered by status, with redeliver for what failed', async () => {
    // Nothing listens on port 9: the ping fails with the one uniform outcome.
    await page.getByRole('button', { name: 'Send a test ping' }).click();
    await page.getByText('Ping not delivered: no answer').waitFor();
    await page.getByRole('link', { name: 'Delivery log' }).click();
    const pings = page.locator('table tbody tr').filter({ has: page.getByText('Test ping', { exact: true }) });
    await pings.first().waitFor({ timeout: 15_000 });
    await pings.first().getByRole('button', { name: 'Redeliver' }).waitFor();
    await page.getByLabel('Status').click();
    await page.getByRole('option', { name: 'Delivered' }).click();
    await expect.poll(() => pings.count(), { timeout: 15_000 }).toBe(0);
    await page.getByLabel('Status').click();
    await page.getByRole('option', { name: 'Failed' }).click();
    await pings.first().waitFor();
    await snap(page, 'console-webhook-log');
    expect(problems).toEqual([]);
  });
});
