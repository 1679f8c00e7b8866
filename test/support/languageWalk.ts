import type { Page } from 'playwright-core';

/** A code or a translation key left on the page: `PSYCHOSOCIAL_SUPPORT`, `kindling.audit.x`, `matching.run`, `PROPOSED`. */
export const RAW_CODE =
  /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b(?:kindling|resources|ra)\.[a-zA-Z_]+\.[a-zA-Z_.]+|\b(?:matching|proposal|person|program|mentorship|request|import|webhook|tenant|survey|goal|meeting|apiKey)\.[a-z][a-zA-Z]+\b|\b(?:PROPOSED|APPROVED|MATCHING|OPERATOR|MANAGER|ACTIVE|PAUSED|COMPLETED|DRAFT|RUNNING|CLOSED|ENROLLED|WITHDRAWN|MENTOR|MENTEE)\b/g;

/**
 * English words that have no place in the Dutch console's own text (headings, buttons, tabs,
 * column heads, labels, chips, pagination, notices). Words Dutch shares with English (status,
 * mentor, open, score, feedback, plan, dashboard) are not among them; names and data are not read.
 */
export const ENGLISH_WORDS =
  /\b(the|and|with|your|from|pairs?|programs?|mentorships?|requests?|people|participants?|search|edit|show|delete|export|filters?|rows|page|many|more than|awaiting|matched|overdue|since|today|yesterday|not yet|next|none|last|save|cancel|create|add|remove|close|back|loading|settings|active|completed|paused|ended|started|sent|accepted|declined|expired|approved|rejected|proposed|proposals?|runs?|surveys?|notifications?|due|never|health|goals?|meetings?|imports?\s+\w+|yes|no|sign|log|audit log|who|what|when|where|why)\b/gi;

/** Another word for a pair than the one the Dutch console uses (koppeling, ADR 55). */
export const OTHER_PAIR_WORDS = /\b(koppels?|duo'?s?)\b/gi;

/** The elements whose text is the console's own, not data (a name, a comment, a skill). */
const CHROME = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'th',
  '[role="tab"]',
  'button',
  '[role="menuitem"]',
  'label',
  'legend',
  '.MuiChip-label',
  '.MuiTablePagination-displayedRows',
  '.MuiTablePagination-selectLabel',
  '.MuiAlert-message',
  '.MuiTypography-overline',
  '.MuiTypography-caption',
  '[role="status"]',
].join(',');

/** The page's own text as written (CSS upper-cases buttons; this is the text before that). */
export const pageText = (page: Page) => page.locator('#root').evaluate((root) => root.textContent ?? '');

/** The text of the console's own elements, one entry each. */
export const chromeTexts = (page: Page) =>
  page.locator('#root').evaluate(
    (root, selector) =>
      [...root.querySelectorAll(selector)]
        // What people wrote (skills, meeting topics) is theirs, in whatever language they wrote it.
        .filter((e) => !e.closest('[data-user-text]'))
        .map((e) => (e.textContent ?? '').trim())
        .filter(Boolean),
    CHROME,
  );

/** Menu items whose label is cut off (wider than the item). */
export const cutMenuItems = (page: Page) =>
  page.getByRole('menuitem').evaluateAll((items) =>
    items
      // The item, or its label inside it (react-admin's label ellipsises on its own), wider than shown.
      .filter((i) => [i, ...i.querySelectorAll('*')].some((e) => e.scrollWidth > e.clientWidth + 1))
      .map((i) => i.textContent ?? ''),
  );

/** Waits until the page has loaded its data: no request in flight, no spinner. */
export async function settled(page: Page): Promise<void> {
  await page.locator('main').waitFor();
  await page.waitForLoadState('networkidle');
  await page
    .locator('[role="progressbar"]:not(.MuiLinearProgress-determinate)')
    .first()
    .waitFor({ state: 'detached', timeout: 30_000 })
    .catch(() => undefined);
}

/** What a page of the console shows that it should not, in the language it is in. */
export async function languageProblems(page: Page, locale: 'en' | 'nl'): Promise<string[]> {
  const problems: string[] = [];
  const raw = [...new Set((await pageText(page)).match(RAW_CODE) ?? [])];
  if (raw.length > 0) problems.push(`raw codes or keys: ${raw.join(', ')}`);
  if (locale === 'nl') {
    const english = new Set<string>();
    for (const text of await chromeTexts(page)) {
      for (const word of text.match(ENGLISH_WORDS) ?? []) english.add(`${word} (in “${text.slice(0, 60)}”)`);
    }
    if (english.size > 0) problems.push(`English: ${[...english].join('; ')}`);
    const other = [...new Set((await pageText(page)).match(OTHER_PAIR_WORDS) ?? [])];
    if (other.length > 0) problems.push(`another word for a pair: ${other.join(', ')}`);
  }
  const cut = await cutMenuItems(page);
  if (cut.length > 0) problems.push(`menu cut off: ${cut.join(', ')}`);
  return problems;
}
