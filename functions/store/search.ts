import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { fold } from '#domain/kernel/names.ts';
import type { Page, PageRequest } from '#domain/kernel/pages.ts';
import type { Person } from '#domain/people/people.ts';
import { batchDelete, batchGet, batchPut } from './batch.ts';
import type { StoreClient } from './client.ts';
import { countQuery, setPeopleCount } from './counts.ts';
import { decodePosition, encodePosition } from './items.ts';
import { type Key, keys } from './keys.ts';
import { queryPage } from './query.ts';

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

/**
 * The tokens a person's text yields under the current rule, folded, each at most once: the name's
 * words, the family name run together, the e-mail address whole, its local part and the local part's
 * words, the employee id. Not the words of the e-mail's domain ("example", "org"): nearly everyone
 * in a tenant shares them, so a search for one matches everybody, and they were about a quarter of
 * the index's items (ADR 0071, amendment). The address whole still starts with its local part and
 * holds the domain, so an address typed whole or in part from its start is found.
 */
function indexableTokens(p: Pick<Person, 'displayName' | 'familyName' | 'email' | 'externalId'>): string[] {
  const out = new Set<string>(wordsOf(p.displayName));
  const family = fold(p.familyName ?? '').replace(/[^\p{L}\p{N}]+/gu, '');
  if (family) out.add(family);
  const email = fold(p.email);
  if (email) {
    const local = email.includes('@') ? email.slice(0, email.lastIndexOf('@')) : email;
    out.add(email);
    out.add(local);
    for (const w of wordsOf(local)) out.add(w);
  }
  if (p.externalId) {
    const id = fold(p.externalId);
    out.add(id);
    out.add(id.replace(/[^\p{L}\p{N}]+/gu, ''));
  }
  out.delete('');
  return [...out].map((w) => w.slice(0, MAX_TOKEN_LENGTH)).slice(0, MAX_TOKENS);
}

/**
 * Every token any rule has indexed a person under: the current ones and the words of the e-mail's
 * domain (indexed before ADR 0071's amendment), so this is what a delete (rename, erasure) must reach.
 */
function allTokens(p: Pick<Person, 'displayName' | 'familyName' | 'email' | 'externalId'>): string[] {
  const out = new Set(indexableTokens(p));
  const email = fold(p.email);
  for (const w of wordsOf(email)) out.add(w.slice(0, MAX_TOKEN_LENGTH));
  return [...out];
}

/**
 * The tokens a person is indexed under: every indexable token but those that start another of theirs
 * ("van" of "vanderdekker", "sanne" of "sanne.bakker@example.org"). A search finds its word with
 * `begins_with` on the sort key, so whatever starts the dropped token starts the longer one too: the
 * same people match, with about a third fewer items to write (ADR 0070).
 */
export function searchTokens(p: Pick<Person, 'displayName' | 'familyName' | 'email' | 'externalId'>): string[] {
  const all = indexableTokens(p);
  return all.filter((token) => !all.some((other) => other !== token && other.startsWith(token)));
}

/** Tokens one item holds: one in its own key, one in each index's keys (ADR 0087). */
const TOKENS_PER_ITEM = 3;

/**
 * The token items of a person: written with the person, replaced when the tokens change, erased with
 * them. Each holds up to three tokens — its key's, GSI1's and GSI2's — so a person costs about two
 * items, not six: DynamoDB Local spends most of a write on the item, hardly any on its index entries,
 * and in AWS an index entry costs the write capacity an item of its own would (ADR 0087). Every
 * item's own key is one of the person's tokens, so deleting every token key (`allTokens`) reaches it.
 */
export function searchItems(p: Person): Record<string, unknown>[] {
  const tokens = searchTokens(p);
  const words = tokens.join(' ');
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < tokens.length; i += TOKENS_PER_ITEM) {
    const [own, first, second] = tokens.slice(i, i + TOKENS_PER_ITEM) as [string, string?, string?];
    items.push({
      ...keys.searchToken(p.tenantId, own, p.id),
      ...(first ? keys.searchTokenIndex(p.tenantId, first, p.id, 1) : {}),
      ...(second ? keys.searchTokenIndex(p.tenantId, second, p.id, 2) : {}),
      type: 'SearchToken',
      personId: p.id,
      words,
    });
  }
  return items;
}

/** The keys of a person's token items, to look for. */
export const searchKeys = (p: Person): Key[] => searchItems(p).map((i) => ({ PK: String(i.PK), SK: String(i.SK) }));

/**
 * Puts for the tokens of `next`, deletes for every token key `previous` may hold that `next` has not
 * (both null-safe). Nothing when the indexed tokens stay the same: the items are what they were,
 * whether written before ADR 0070 (all tokens, each listing all) or after.
 */
export function searchChanges(table: string, next: Person | null, previous: Person | null): object[] {
  if (previous && next && searchTokens(previous).join(' ') === searchTokens(next).join(' ')) return [];
  const after = next ? searchItems(next) : [];
  const kept = new Set(after.map((i) => String(i.SK)));
  const before = previous ? allTokens(previous).map((token) => keys.searchToken(previous.tenantId, token, previous.id)) : [];
  return [
    ...after.map((Item) => ({ Put: { TableName: table, Item } })),
    ...before.filter((k) => !kept.has(k.SK)).map((Key) => ({ Delete: { TableName: table, Key } })),
  ];
}

/**
 * A query's words, and the one to look up: the longest (the fewest people start with it), the last of
 * equally long ones — "van der" looks up "der", a word of its own, not "van", which starts the
 * run-together family names of thousands who are "van den" too (ADR 0070).
 */
export function parseQuery(query: string): { words: string[]; probe: string } | null {
  const whole = fold(query).trim();
  const address = /[@.]/.test(whole) && !/\s/.test(whole);
  // An e-mail address typed whole (or its start) is also one token; its domain's words have none of
  // their own (ADR 0071, amendment): the address token holds them.
  const words = address && whole.includes('@') ? wordsOf(whole.slice(0, whole.lastIndexOf('@'))) : wordsOf(query);
  if (address) words.push(whole);
  if (words.length === 0) return null;
  const probe = words.reduce((a, b) => (b.length >= a.length ? b : a));
  return { words, probe };
}

/** A token of a person read from one of the three places a token item holds one. */
interface Hit {
  /** `<token>|<person id>`: the same order in every place. */
  key: string;
  personId: string;
  words: string;
}

/** Where a token item holds a token: its own key, and each index's keys (ADR 0087). */
const SLOTS = [
  { index: undefined, pk: 'PK', sk: 'SK' },
  { index: 'GSI1', pk: 'GSI1PK', sk: 'GSI1SK' },
  { index: 'GSI2', pk: 'GSI2PK', sk: 'GSI2SK' },
] as const;

/** DynamoDB's order of string keys (UTF-8 bytes), which the three places are read in. */
const keyOrder = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** The largest character: every key that starts with a probe sorts before the probe followed by it. */
const LAST = '\u{10FFFF}';

/** Token pages read for one page of results at most (each round reads the three places at once, up to 200 items each). */
const MAX_READS = 12;
/** People read at once at least, so filters that drop many do not cost a round trip per person. */
const MIN_RESOLVE = 25;

/**
 * One page of matches, in token order. `resolve` turns person ids into the records the list shows
 * (people, or a program's enrolments), dropping those that other filters rule out; a page is filled
 * from as many token pages as it takes (up to {@link MAX_READS}), so it is never empty while more
 * matches exist within that budget. The tokens starting with the probe are read from the three
 * places a token item holds one (its key, GSI1's, GSI2's) at once and merged in key order; the
 * position of a match is its key, whichever place held it.
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
  const resumeAt = decodePosition(req.after, 'PK', bucket.PK)?.SK;
  const from = typeof resumeAt === 'string' ? resumeAt : null;
  const position = (key: string) => encodePosition({ PK: bucket.PK, SK: key }) as string;
  const sources = SLOTS.map((slot) => ({
    slot,
    buffer: [] as Hit[],
    start: undefined as Record<string, unknown> | undefined,
    done: false,
  }));
  const read = async (source: (typeof sources)[number]) => {
    const { slot } = source;
    const res = await doc.send(
      new QueryCommand({
        TableName: table,
        IndexName: slot.index,
        KeyConditionExpression: from ? '#pk = :pk AND #sk BETWEEN :from AND :to' : '#pk = :pk AND begins_with(#sk, :probe)',
        ExpressionAttributeNames: { '#pk': slot.pk, '#sk': slot.sk },
        ExpressionAttributeValues: { ':pk': bucket.PK, ...(from ? { ':from': from, ':to': `${probe}${LAST}` } : { ':probe': probe }) },
        ExclusiveStartKey: source.start,
        Limit: 200,
      }),
    );
    for (const item of res.Items ?? []) {
      const key = String(item[slot.sk]);
      // The cursor's own match was shown on the page before.
      if (key !== from && key.startsWith(probe)) source.buffer.push({ key, personId: String(item.personId), words: String(item.words) });
    }
    source.start = res.LastEvaluatedKey;
    source.done = !source.start;
  };
  const found: { item: T; position: string }[] = [];
  /** The last key looked at: every key up to it, in all three places, has been. */
  let frontier: string | null = null;
  let reads = 0;
  while (found.length <= req.first) {
    const empty = sources.filter((s) => !s.done && s.buffer.length === 0);
    if (empty.length > 0) {
      if (reads >= MAX_READS) break;
      reads++;
      await Promise.all(empty.map(read));
      continue;
    }
    // Everything up to the smallest last key of the places still being read is in the buffers, in order.
    const bounds = sources.filter((s) => !s.done).map((s) => s.buffer.at(-1)?.key as string);
    const bound = bounds.sort(keyOrder)[0] ?? null;
    const batch = sources
      .flatMap((s) => {
        const upTo = bound === null ? s.buffer.length : s.buffer.findIndex((h) => keyOrder(h.key, bound) > 0);
        return s.buffer.splice(0, upTo < 0 ? s.buffer.length : upTo);
      })
      .sort((a, b) => keyOrder(a.key, b.key))
      // A person's token held twice (an item of the old layout beside a new one) is one match.
      .filter((h, i, all) => h.key !== all[i - 1]?.key);
    if (batch.length === 0) break;
    frontier = batch.at(-1)?.key ?? frontier;
    const matching = batch.filter((t) => {
      const own = t.words.split(' ');
      // Every word typed starts some token of the person…
      if (!words.every((w) => own.some((token) => token.startsWith(w)))) return false;
      // …and the person is listed once: at their first token that starts with the probe.
      const token = t.key.slice(0, t.key.lastIndexOf('|'));
      return !own.some((other) => other !== token && other.startsWith(probe) && other < token);
    });
    // Only as many people are read as the page still needs (a common name matches all 200 tokens):
    // a slice at a time, so the filters `resolve` applies can drop some and the next slice fills in.
    // Matches read and not shown are read again by the next page, which resumes after the last shown.
    for (let i = 0; i < matching.length && found.length <= req.first; ) {
      const slice = matching.slice(i, i + Math.max(req.first + 1 - found.length, MIN_RESOLVE));
      i += slice.length;
      const records = await resolve([...new Set(slice.map((t) => t.personId))]);
      for (const t of slice) {
        for (const item of records.get(t.personId) ?? []) found.push({ item, position: position(t.key) });
      }
    }
  }
  const shown = found.slice(0, req.first);
  let after: string | null = null;
  if (found.length > req.first) after = shown.at(-1)?.position ?? null;
  // The budget ran out with the page short: the next page resumes after the last key looked at.
  else if (sources.some((s) => !s.done || s.buffer.length > 0)) after = position(frontier ?? from ?? probe);
  return { items: shown.map((f) => f.item), positions: shown.map((f) => f.position), after };
}

/** What the search backfill did for a tenant. */
export interface ReindexReport {
  people: number;
  /** People who lacked some token and got it now (0 on a second run). */
  reindexed: number;
  tokensWritten: number;
}

/** People read and checked per step of the backfill. */
const REINDEX_STEP = 100;

/**
 * The search backfill (`kindling reindex-search`): gives every person of a tenant the token items
 * they lack — people stored before the token index existed are otherwise never found — and counts
 * the tenant's people for `people.totalCount` (store/counts.ts).
 *
 * Idempotent: it reads each person's token keys first and writes only the missing ones, so a second
 * run writes nothing. A person renamed or erased while the step ran has what the step wrote for
 * their old record removed again (erasure must reach every copy of a name, ADR 32). The count is
 * exact when nobody is created or erased meanwhile; run it again to correct it.
 */
export async function reindexSearch(
  client: StoreClient,
  tenantId: string,
  progress: { start(total: number): void; advance(done: number): void } = { start() {}, advance() {} },
): Promise<ReindexReport> {
  const partition = keys.tenantPeople(tenantId).indexPK;
  progress.start(await countQuery(client, { index: 'GSI1', partition: { attribute: 'GSI1PK', value: partition } }));
  const report: ReindexReport = { people: 0, reindexed: 0, tokensWritten: 0 };
  let after: string | null = null;
  do {
    const page: Page<Person> = await queryPage<Person>(
      client,
      { index: 'GSI1', partition: { attribute: 'GSI1PK', value: partition } },
      { first: REINDEX_STEP, after },
    );
    const people = page.items.filter((p) => p.id && p.tenantId === tenantId);
    const present = new Set((await batchGet(client, people.flatMap(searchKeys))).map((i) => `${String(i.PK)}\u0000${String(i.SK)}`));
    const missing = people.flatMap((p) => searchItems(p).filter((i) => !present.has(`${String(i.PK)}\u0000${String(i.SK)}`)));
    if (missing.length > 0) {
      await batchPut(client, missing);
      // Whoever changed meanwhile keeps only the tokens of what they are now.
      const now = await batchGet(
        client,
        people.map((p) => keys.person(tenantId, p.id)),
      );
      const current = new Map(now.map((i) => [String(i.id), i as unknown as Person]));
      const stale = missing.filter((item) => {
        const was = people.find((p) => p.id === item.personId);
        const is = current.get(String(item.personId));
        if (is && was && is.version === was.version) return false;
        return !is || !searchKeys(is).some((k) => k.SK === item.SK);
      });
      await batchDelete(
        client,
        stale.map((i) => ({ PK: String(i.PK), SK: String(i.SK) })),
      );
      report.reindexed += new Set(missing.map((i) => i.personId)).size;
      report.tokensWritten += missing.length - stale.length;
    }
    report.people += page.items.length;
    progress.advance(report.people);
    after = page.after;
  } while (after);
  await setPeopleCount(client, tenantId, report.people);
  return report;
}
