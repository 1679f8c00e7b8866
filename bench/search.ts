/**
 * Finding people at 50,000 per tenant (issue #16.2): the server's time for one page of search
 * results — the token-index query, the batch read of the people, the filters — as the `people`
 * resolver runs it, on DynamoDB Local. Also an unfiltered page with its `totalCount`, and the search
 * backfill (`kindling reindex-search`) over the whole tenant once everything is indexed.
 *
 * The people are written as `createPerson` writes them (profile, search tokens, e-mail and
 * employee-id claims, from the store's item builders) but in batches straight to the table, so
 * seeding takes minutes, not half an hour of imports.
 */
import type { Actor, Scope } from '#domain/kernel/actors.ts';
import { fold, sortKey } from '#domain/kernel/names.ts';
import { listPeople, type Person, peopleCount } from '#domain/people/people.ts';
import { createTenant } from '#domain/tenancy/tenants.ts';
import { progressBar } from '#local/progress.ts';
import { FAMILY_NAMES, GIVEN_NAMES } from '#local/seed/names.ts';
import { seededRandom } from '#local/seed/random.ts';
import { batchPut } from '#store/batch.ts';
import { setPeopleCount } from '#store/counts.ts';
import { newPersonItems } from '#store/people.ts';
import { reindexSearch, searchItems } from '#store/search.ts';
import { benchServices } from './support.ts';

const PEOPLE = Number(process.env.BENCH_SEARCH_PEOPLE ?? 50_000);
/** People written per batch step (each is about ten items). */
const STEP = 250;

function person(i: number, rnd: ReturnType<typeof seededRandom>, at: string): Person {
  const givenName = rnd.pick(GIVEN_NAMES);
  // Every 1,000th person is an "Inês ter Vos": a name to find among 50,000.
  const familyName = i % 1000 === 7 ? 'ter Vos' : rnd.pick(FAMILY_NAMES);
  const given = i % 1000 === 7 ? 'Inês' : givenName;
  const id = `p${String(i).padStart(6, '0')}`;
  const email = `${fold(given)}.${fold(familyName).replace(/[^a-z0-9]+/g, '')}.${i}@example.org`;
  return {
    id,
    tenantId: 'bench',
    externalId: `E${100000 + i}`,
    email,
    givenName: given,
    familyName,
    displayName: `${given} ${familyName}`,
    sortKey: sortKey(given, familyName),
    jobTitle: null,
    department: rnd.pick(['IT', 'HR', 'Sales', 'Legal', 'Research']),
    managerEmail: null,
    location: null,
    timeZone: 'Europe/Amsterdam',
    languages: ['nl'],
    yearsExperience: null,
    industry: null,
    skillsOffered: [],
    skillsSought: [],
    bio: null,
    links: [],
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? -1;
};

export async function run(): Promise<Record<string, string | number>> {
  const { services, dynamo } = await benchServices();
  try {
    const now = new Date();
    const operator: Actor = { id: 'bench', role: 'operator', tenantId: null, personId: null };
    await createTenant(services, operator, now, { slug: 'bench', name: 'Bench' });
    const scope: Scope = { tenantId: 'bench', actor: { id: 'bench', role: 'manager', tenantId: 'bench', personId: null }, now };

    // Prepare: 50,000 people with their tokens and claims.
    const rnd = seededRandom(50_000);
    const bar = progressBar(`seeding ${PEOPLE.toLocaleString('en')} people`, PEOPLE);
    const seedStarted = performance.now();
    let items = 0;
    for (let from = 0; from < PEOPLE; from += STEP) {
      const batch = Array.from({ length: Math.min(STEP, PEOPLE - from) }, (_, k) => person(from + k, rnd, now.toISOString()));
      // The items `createPerson` writes (less its counter and audit entry), built by the store's own builders.
      const written = batch.flatMap((p) => [...newPersonItems(p), ...searchItems(p)]);
      await batchPut(services.client, written);
      items += written.length;
      bar.update(from + batch.length);
    }
    bar.stop();
    await setPeopleCount(services.client, 'bench', PEOPLE);
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    // Act: each search several times (the first warms the SDK's connections), the median kept.
    const searches: Record<string, string> = {
      'a family name with a particle ("ter vos")': 'ter vos',
      'a common given name, one page of many ("daan")': 'daan',
      'particles only, thousands match ("van der")': 'van der',
      'particles and a name ("van der meer")': 'van der meer',
      'diacritics typed ("Öztürk")': 'Öztürk',
      'diacritics folded ("celik")': 'celik',
      'a word of the e-mail domain, not indexed: nobody ("example", ADR 71)': 'example',
      'an employee id, whole ("E142007")': 'E142007',
      'an employee id prefix ("E1420")': 'E1420',
      'an e-mail fragment ("ines.tervos")': 'ines.tervos',
      'two words, diacritics folded ("ines vos")': 'ines vos',
      'nobody ("qxzv")': 'qxzv',
    };
    const out: Record<string, string | number> = {
      people: PEOPLE,
      'items written': items,
      'seeding (s)': Number(seedSeconds.toFixed(1)),
    };
    for (const [label, text] of Object.entries(searches)) {
      const times: number[] = [];
      let found = 0;
      let more = false;
      for (let i = 0; i < 6; i++) {
        const started = performance.now();
        const page = await listPeople(services, scope, { search: text }, 'NAME', { first: 25, after: null });
        times.push(performance.now() - started);
        found = page.items.length;
        more = page.after !== null;
      }
      const key = `${label}: median ms (found${more ? ', more follow' : ''})`;
      out[key] = `${median(times.slice(1)).toFixed(1)} (${found})`;
      // Said as measured: the backfill below reads the whole tenant and takes minutes on a busy machine.
      console.log(`  ${key}: ${out[key]}`);
    }
    const listed: number[] = [];
    let total: number | null = null;
    for (let i = 0; i < 6; i++) {
      const started = performance.now();
      const [, count] = await Promise.all([
        listPeople(services, scope, {}, 'NAME', { first: 25, after: null }),
        peopleCount(services, scope, {}),
      ]);
      listed.push(performance.now() - started);
      total = count;
    }
    out['first page of everyone with totalCount: median ms (total)'] = `${median(listed.slice(1)).toFixed(1)} (${total})`;

    // The backfill over an indexed tenant: reads only, writes nothing.
    const reindexStarted = performance.now();
    const report = await reindexSearch(services.client, 'bench');
    out['reindex-search over the indexed tenant (s, tokens written)'] =
      `${((performance.now() - reindexStarted) / 1000).toFixed(1)} (${report.tokensWritten})`;
    return out;
  } finally {
    await dynamo.stop();
  }
}
