import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { fold } from '#domain/kernel/names.ts';
import type { Page, PageRequest } from '#domain/kernel/pages.ts';
import type { Person } from '#domain/people/people.ts';
import type { StoreClient } from './client.ts';
import { decodePosition, encodePosition } from './items.ts';
import { type Key, keys } from './keys.ts';

/**
 * Finding people by what a manager types: any word of the name (particles and diacritics folded,
 * "ter vos", "IJsselstein"), the family name run together ("vanderdekker"), an e-mail address or
 * any part of it, an employee id — each as a prefix, several words all at once.
 *
 * A filter over the name-ordered list cannot do this at scale: it reads the list until it finds
 * something, and with 50,000 people that is dozens of round trips or an empty page. So each person
 * has a few token items (`keys.searchToken`): partition by the token's first letter, sort key
 * `<token>|<person id>`. A search queries the bucket of its longest word with `begins_with`, checks
 * the other words against the token list each item carries, and reads the people of one page in a
 * batch — two or three round trips whatever the tenant's size.
 */

/** Words of a folded text: letters and digits, split on everything else. */
export const wordsOf = (text: string): string[] =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

const MAX_TOKENS = 24;
const MAX_TOKEN_LENGTH = 100;

/** The tokens a person is found by, folded, each at most once. */
export function searchTokens(p: Pick<Person, 'displayName' | 'familyName' | 'email' | 'externalId'>): string[] {
  const out = new Set<string>(wordsOf(p.displayName));
  const family = fold(p.familyName ?? '').replace(/[^\p{L}\p{N}]+/gu, '');
  if (family) out.add(family);
  const email = fold(p.email);
  if (email) {
    out.add(email);
    out.add(email.split('@')[0] ?? '');
    for (const w of wordsOf(email)) out.add(w);
  }
  if (p.externalId) {
    const id = fold(p.externalId);
    out.add(id);
    out.add(id.replace(/[^\p{L}\p{N}]+/gu, ''));
  }
  out.delete('');
  return [...out].map((w) => w.slice(0, MAX_TOKEN_LENGTH)).slice(0, MAX_TOKENS);
}

/** The token items of a person: written with the person, replaced when the tokens change, erased with them. */
export function searchItems(p: Person): Record<string, unknown>[] {
  const tokens = searchTokens(p);
  const words = tokens.join(' ');
  return tokens.map((token) => ({ ...keys.searchToken(p.tenantId, token, p.id), type: 'SearchToken', personId: p.id, words }));
}

/** The token keys of a person, to delete. */
export const searchKeys = (p: Person): Key[] => searchTokens(p).map((token) => keys.searchToken(p.tenantId, token, p.id));

/** Puts for the tokens `next` has and `previous` had not, deletes for the reverse (both null-safe). */
export function searchChanges(table: string, next: Person | null, previous: Person | null): object[] {
  const before = new Map(previous ? searchKeys(previous).map((k) => [k.SK, k]) : []);
  const after = next ? searchItems(next) : [];
  const kept = new Set(after.map((i) => String(i.SK)));
  const sameWords = previous && next && searchTokens(previous).join(' ') === searchTokens(next).join(' ');
  return [
    ...(sameWords ? [] : after.map((Item) => ({ Put: { TableName: table, Item } }))),
    ...[...before.values()].filter((k) => !kept.has(k.SK)).map((Key) => ({ Delete: { TableName: table, Key } })),
  ];
}

/** A query's words, and the one to look up (the longest: the fewest people start with it). */
export function parseQuery(query: string): { words: string[]; probe: string } | null {
  const words = wordsOf(query);
  // An e-mail address typed whole is also one token.
  const whole = fold(query).trim();
  if (/[@.]/.test(whole) && !/\s/.test(whole)) words.push(whole);
  if (words.length === 0) return null;
  const probe = words.reduce((a, b) => (b.length > a.length ? b : a));
  return { words, probe };
}

interface TokenItem {
  PK: string;
  SK: string;
  personId: string;
  words: string;
}

/** Token pages read for one page of results at most (each up to 200 items). */
const MAX_READS = 12;

/**
 * One page of matches, in token order. `resolve` turns person ids into the records the list shows
 * (people, or a program's enrolments), dropping those that other filters rule out; a page is filled
 * from as many token pages as it takes (up to {@link MAX_READS}), so it is never empty while more
 * matches exist within that budget.
 */
export async function searchPage<T>(
  { doc, table }: StoreClient,
  tenantId: string,
  query: string,
  req: PageRequest,
  resolve: (personIds: string[]) => Promise<Map<string, T[]>>,
): Promise<Page<T>> {
  const parsed = parseQuery(query);
  if (!parsed) return { items: [], positions: [], after: null };
  const { words, probe } = parsed;
  const bucket = keys.searchBucket(tenantId, probe);
  let start = decodePosition(req.after, 'PK', bucket.PK);
  const found: { item: T; position: string }[] = [];
  let reads = 0;
  do {
    const res = await doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :probe)',
        ExpressionAttributeValues: { ':pk': bucket.PK, ':probe': probe },
        ExclusiveStartKey: start,
        Limit: 200,
      }),
    );
    reads++;
    const tokens = (res.Items ?? []) as TokenItem[];
    const matching = tokens.filter((t) => {
      const own = t.words.split(' ');
      // Every word typed starts some token of the person…
      if (!words.every((w) => own.some((token) => token.startsWith(w)))) return false;
      // …and the person is listed once: at their first token that starts with the probe.
      const token = t.SK.slice(0, t.SK.lastIndexOf('|'));
      return !own.some((other) => other !== token && other.startsWith(probe) && other < token);
    });
    const records = matching.length ? await resolve([...new Set(matching.map((t) => t.personId))]) : new Map<string, T[]>();
    for (const t of matching) {
      for (const item of records.get(t.personId) ?? []) found.push({ item, position: encodePosition({ PK: t.PK, SK: t.SK }) as string });
    }
    start = res.LastEvaluatedKey;
  } while (start && found.length <= req.first && reads < MAX_READS);
  const shown = found.slice(0, req.first);
  let after: string | null = null;
  if (found.length > req.first) after = shown.at(-1)?.position ?? null;
  // The budget ran out with the page short: the next page resumes where reading stopped.
  else if (start) after = encodePosition(start);
  return { items: shown.map((f) => f.item), positions: shown.map((f) => f.position), after };
}
