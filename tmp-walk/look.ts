import { launch, snap } from '../test/support/browser.ts';
import { settled, chromeTexts } from '../test/support/languageWalk.ts';
const base = 'http://127.0.0.1:4731';
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`${base}/`);
await page.getByLabel('Your name').fill('Ada Manager');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByText('Young Professionals 2026').first().waitFor({ timeout: 60_000 });
await page.getByRole('button', { name: /English/i }).click();
await page.getByRole('menuitem', { name: /Nederlands/i }).click();
let n = 0;
for (const path of process.env.PAGES!.split(',')) {
  await page.goto(`${base}/?v=${n++}#${path}`);
  await settled(page);
  const texts = await chromeTexts(page);
  console.log(path, JSON.stringify(texts.filter((t) => new RegExp(process.env.FIND ?? '.', 'i').test(t))).slice(0, 1500));
  await snap(page, `walk-${n}`);
}
await browser.close();
