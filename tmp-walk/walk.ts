import { launch, snap } from '../test/support/browser.ts';
import { languageProblems, settled } from '../test/support/languageWalk.ts';

const base = process.env.BASE ?? 'http://127.0.0.1:4731';
const locale = (process.env.LOCALE ?? 'nl') as 'en' | 'nl';
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`${base}/`);
await page.getByLabel('Your name').fill('Ada Manager');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByText('Young Professionals 2026').first().waitFor({ timeout: 60_000 });
if (locale === 'nl' && !process.env.SKIPSWITCH) {
  await page.getByRole('button', { name: /English/i }).click();
  await page.getByRole('menuitem', { name: /Nederlands/i }).click();
  await page.getByRole('menuitem', { name: 'Programma’s' }).waitFor();
}
const token = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('kindling.session') ?? '{}') as { token: string }).token);
const r = (await (await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ programs(first: 5) { edges { node { id name mentorships(first: 1) { edges { node { id } } } } } } people(first: 1) { edges { node { id } } } }' }) })).json()) as any;
const ids = { program: r.data.programs.edges[0].node.id, pair: r.data.programs.edges[0].node.mentorships.edges[0]?.node.id, person: r.data.people.edges[0].node.id };
const e = encodeURIComponent;
const pages = (process.env.PAGES?.split(',') ?? [
  '/', '/programs', `/programs/${e(ids.program)}/show`, `/programs/${e(ids.program)}/show/participants`, `/programs/${e(ids.program)}/show/imports`,
  `/programs/${e(ids.program)}/show/matching`, `/programs/${e(ids.program)}`, '/mentorships', `/mentorships/${e(ids.pair)}/show`, '/requests', '/surveys',
  '/retention', '/people', `/people/${e(ids.person)}/show`, '/notifications', '/webhooks', '/audit', '/apiKeys',
]);
let n = 0;
for (const path of pages) {
  await page.goto(`${base}/?visit=${n++}#${path}`);
  await settled(page);
  const problems = await languageProblems(page, locale);
  console.log(`${path}: ${problems.length ? problems.join('\n    ') : 'ok'}`);
}
await browser.close();
