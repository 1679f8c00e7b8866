/**
 * The console as a program manager meets it: the JavaScript the first page loads (gzip), and how
 * long until the dashboard shows its figures, in headless Chromium against npm start's real stack.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort } from '#local/dynamo.ts';
import { HOW_TO_INSTALL, hasChromium, launch } from '../test/support/browser.ts';
import { ROOT, startKindling, stop } from '../test/support/kindling.ts';

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;

/** The scripts index.html loads at once (entry and modulepreloads), gzipped as a CDN would serve them. */
function initialJavaScript(): number {
  const dist = join(ROOT, 'admin', 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length, 0);
}

export async function run(): Promise<Record<string, string | number>> {
  if (!hasChromium) throw new Error(HOW_TO_INSTALL);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const running = await startKindling([
    '--port',
    String(port),
    '--dynamo-port',
    String(await freePort()),
    '--in-memory',
    '--tick',
    '3600',
    '--verbose',
  ]);
  // The scheduler runs every job once just after start (matching, engagement): measure the console
  // as a manager meets it later, not while those share the two cores with the browser.
  const jobs = ['program-lifecycle', 'scheduled-matching', 'engagement'];
  const until = Date.now() + 120_000;
  while (!jobs.every((job) => running.output().includes(`scheduler: ${job} ran`)) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 250));
  }
  const browser = await launch();
  try {
    const { token, expiresAt } = (await (
      await fetch(`${base}/local/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenant: 'demo', role: 'manager', name: 'Bench' }),
      })
    ).json()) as { token: string; expiresAt: string };
    const paints: number[] = [];
    for (let i = 0; i < 5; i++) {
      // A fresh context each time: nothing cached, a signed-in session as the console keeps it.
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript(
        ([t, e]) => {
          sessionStorage.setItem('kindling.session', JSON.stringify({ token: t, expiresAt: e }));
        },
        [token, expiresAt],
      );
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(`${base}/`);
      await page.getByRole('heading', { name: 'Active pairs by health' }).waitFor({ timeout: 30_000 });
      await page.getByRole('link', { name: /^Overdue: \d+/ }).waitFor({ timeout: 30_000 });
      paints.push(Date.now() - started);
      await context.close();
    }
    paints.sort((a, b) => a - b);
    return {
      'initial JS (gzip)': kb(initialJavaScript()),
      'dashboard with figures, median of 5 cold loads (ms)': paints[2] ?? -1,
      'fastest / slowest (ms)': `${paints[0]} / ${paints[4]}`,
    };
  } finally {
    await browser.close();
    await stop(running);
  }
}
