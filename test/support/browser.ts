import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT } from './kindling.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Outside CI a missing browser skips the console tests with this advice; in CI it is an error. */
export const HOW_TO_INSTALL = `Debian's Chromium is missing at ${CHROMIUM}: install it with
  sudo apt-get update && sudo apt-get install -y chromium
to run the console's browser tests. The rest of npm test runs without it.`;

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const ARTIFACTS = join(ROOT, 'test-artifacts', 'screenshots');

/** Saves a screenshot under test-artifacts/ (git-ignored) for a person to look at. */
export async function snap(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Console errors and failed requests, collected so a test can insist there were none. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
  return problems;
}

/** Waits until the console marks `input` invalid, and gives the text under it (MUI's helper text describes the input). */
export async function invalidText(input: Locator): Promise<string | null> {
  await expect.poll(() => input.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
  const under = await input.getAttribute('aria-describedby');
  return input.page().locator(`[id="${under}"]`).textContent();
}
