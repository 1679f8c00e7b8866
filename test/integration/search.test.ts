import { beforeAll, describe, expect, it } from 'vitest';
import { sortKey } from '#domain/kernel/names.ts';
import type { Person } from '#domain/people/people.ts';
import { localId } from '#graphql/ids.ts';
import { batchGet, batchPut } from '#store/batch.ts';
import { keys } from '#store/keys.ts';
import { personItem } from '#store/people.ts';
import { reindexSearch, searchKeys, searchTokens } from '#store/search.ts';
import { graphql } from '../generated/gql.ts';
import { testApi } from '../support/api.ts';

const CREATE_PROGRAM = graphql(`
  mutation SearchProgram($input: ProgramInput!) { createProgram(input: $input) { id } }
`);
const CREATE_PERSON = graphql(`
  mutation SearchPerson($input: PersonInput!) { createPerson(input: $input) { id version } }
`);
const UPDATE_PERSON = graphql(`
  mutation SearchRename($id: ID!, $version: Int!, $input: PersonPatch!) { updatePerson(id: $id, version: $version, input: $input) { id } }
`);
const ENROL = graphql(`
  mutation SearchEnrol($input: EnrolInput!) { enrol(input: $input) { status } }
`);
const PEOPLE = graphql(`
  query SearchPeople($filter: PeopleFilter, $first: Int, $after: String) {
    people(filter: $filter, first: $first, after: $after) {
      edges { node { displayName email externalId } }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }
`);
const PARTICIPANTS = graphql(`
  query SearchParticipants($id: ID!, $filter: ParticipantFilter, $first: Int) {
    program(id: $id) { participants(filter: $filter, first: $first) { edges { node { displayName role } } } }
  }
`);

/** 600 people who sort before everyone searched for, written without search tokens: a list filter would read them all first. */
function fillers(tenantId: string): Record<string, unknown>[] {
  const at = '2026-01-01T00:00:00.000Z';
  return Array.from({ length: 600 }, (_, i) => {
    const id = `filler${String(i).padStart(4, '0')}`;
    const person: Person = {
      id,
      tenantId,
      externalId: `F${i}`,
      email: `${id}@filler.example.org`,
      givenName: 'Abe',
      familyName: `Aardappel ${i}`,
      displayName: `Abe Aardappel ${i}`,
      sortKey: sortKey('Abe', `Aardappel ${i}`),
      jobTitle: null,
      department: 'IT',
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
    return personItem(person);
  });
}

describe('finding people at scale', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let a: { slug: string; manager: string };
  let b: { slug: string; manager: string };
  let programId = '';
  const ids: Record<string, { id: string; version: number }> = {};

  beforeAll(async () => {
    api = await testApi();
    a = await api.newTenant('Search A');
    b = await api.newTenant('Search B');
    await batchPut(api.services.client, fillers(a.slug));
    programId = (await api.call(CREATE_PROGRAM, { input: { name: 'Search cohort' } }, { token: a.manager })).data?.createProgram.id ?? '';
    const people = [
      { key: 'ines', givenName: 'Inês', familyName: 'ter Vos', email: 'Ines.TerVos@Example.org', externalId: 'E10023' },
      { key: 'ijs', givenName: 'IJsbrand', familyName: 'van der Dekker', email: 'ijsbrand@example.org', externalId: 'E10024' },
      { key: 'zoe', givenName: 'Zoë', familyName: 'de Vries', email: 'zoe.devries@example.org', externalId: 'E20001' },
      ...['Anna', 'Bram', 'Cas', 'Dirk', 'Eva'].map((g, i) => ({
        key: g,
        givenName: g,
        familyName: 'Vos',
        email: `${g.toLowerCase()}.vos@example.org`,
        externalId: `V${i}`,
      })),
    ];
    for (const p of people) {
      const { key, ...input } = p;
      const res = await api.call(
        CREATE_PERSON,
        { input: { ...input, timeZone: 'Europe/Amsterdam', languages: ['nl'] } },
        { token: a.manager },
      );
      ids[key] = res.data?.createPerson ?? { id: '', version: 0 };
    }
    // Tenant B has its own Inês ter Vos: never found from A.
    await api.call(
      CREATE_PERSON,
      { input: { givenName: 'Inês', familyName: 'ter Vos', email: 'ines@b.example.org', timeZone: 'Europe/Amsterdam', languages: ['nl'] } },
      { token: b.manager },
    );
    await api.call(ENROL, { input: { personId: ids.ines?.id ?? '', programId, role: 'MENTEE', reasons: [] } }, { token: a.manager });
    await api.call(
      ENROL,
      { input: { personId: ids.Anna?.id ?? '', programId, role: 'MENTOR', reasons: [], capacity: 1 } },
      { token: a.manager },
    );
  });

  const search = async (text: string, first = 25, token = a.manager) =>
    (await api.call(PEOPLE, { filter: { search: text }, first }, { token })).data?.people;

  it('finds by any word of the name with particles and diacritics folded, in the first page', async () => {
    // Act
    const byParticle = await search('ter Vos');
    const byAccent = await search('ines');
    const byIJ = await search('ijsbrand dekker');
    const byJoined = await search('vanderdekker');

    // Assert
    expect(byParticle?.edges.map((e) => e.node.displayName)).toEqual(['Inês ter Vos']);
    expect(byAccent?.edges.map((e) => e.node.displayName)).toEqual(['Inês ter Vos']);
    expect(byIJ?.edges.map((e) => e.node.displayName)).toEqual(['IJsbrand van der Dekker']);
    expect(byJoined?.edges.map((e) => e.node.displayName)).toEqual(['IJsbrand van der Dekker']);
  });

  it('finds by employee id and by e-mail, whole or a prefix of any part, in any case', async () => {
    expect((await search('e10023'))?.edges.map((e) => e.node.externalId)).toEqual(['E10023']);
    expect((await search('E1002'))?.edges.map((e) => e.node.externalId).sort()).toEqual(['E10023', 'E10024']);
    expect((await search('ZOE.DEVRIES@example.org'))?.edges.map((e) => e.node.displayName)).toEqual(['Zoë de Vries']);
    expect((await search('devri'))?.edges.map((e) => e.node.displayName)).toEqual(['Zoë de Vries']);
    expect((await search('nobody-like-this'))?.edges).toEqual([]);
  });

  it("does not index the words of the e-mail's domain, which everyone shares; the address and its local part still find the person", async () => {
    // Prepare
    const ines = localId(ids.ines?.id ?? '', 'Person');

    // Act
    const byDomainWord = await search('example');
    const byLocalPart = await search('ines.tervos');
    const byAddressStart = await search('ines.tervos@exam');
    const domainItems = await batchGet(
      api.services.client,
      ['example', 'org'].map((token) => keys.searchToken(a.slug, token, ines)),
    );

    // Assert: ADR 0071's amendment.
    expect(byDomainWord?.edges).toEqual([]);
    expect(byLocalPart?.edges.map((e) => e.node.displayName)).toEqual(['Inês ter Vos']);
    expect(byAddressStart?.edges.map((e) => e.node.displayName)).toEqual(['Inês ter Vos']);
    expect(domainItems).toEqual([]);
  });

  it('holds three tokens to an item (its key, GSI1, GSI2) and finds the person by each of them', async () => {
    // Prepare
    const ines = localId(ids.ines?.id ?? '', 'Person');
    const person = (await api.services.people.getPerson(a.slug, ines)) as Person;
    const tokens = searchTokens(person);

    // Act
    const stored = await batchGet(api.services.client, searchKeys(person));
    const found = await Promise.all(tokens.map((token) => search(token)));

    // Assert: ADR 0087: every token is in one item's keys, about a third as many items as tokens.
    expect(stored).toHaveLength(Math.ceil(tokens.length / 3));
    expect(stored.flatMap((i) => [i.SK, i.GSI1SK, i.GSI2SK].filter(Boolean)).sort()).toEqual(tokens.map((t) => `${t}|${ines}`).sort());
    for (const page of found) expect(page?.edges.map((e) => e.node.displayName)).toContain('Inês ter Vos');
  });

  it('pages through matches without an empty page, a repeat or a gap', async () => {
    // Act: six people are called Vos; two a page.
    const seen: string[] = [];
    let after: string | null | undefined = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof search>> = (
        await api.call(PEOPLE, { filter: { search: 'vos' }, first: 2, after }, { token: a.manager })
      ).data?.people;
      pages++;
      expect(page?.edges.length).toBeGreaterThan(0);
      seen.push(...(page?.edges.map((e) => e.node.displayName) ?? []));
      after = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after && pages < 10);

    // Assert
    expect(seen.sort()).toEqual(['Anna Vos', 'Bram Vos', 'Cas Vos', 'Dirk Vos', 'Eva Vos', 'Inês ter Vos']);
    expect(pages).toBe(3);
  });

  it('follows a rename: the old name no longer finds the person, the new one does', async () => {
    // Act
    const zoe = ids.zoe ?? { id: '', version: 1 };
    const res = await api.call(UPDATE_PERSON, { id: zoe.id, version: zoe.version, input: { familyName: 'Smit' } }, { token: a.manager });

    // Assert
    expect(res.errors).toBeUndefined();
    expect((await search('vries'))?.edges).toEqual([]);
    expect((await search('zoe smit'))?.edges.map((e) => e.node.displayName)).toEqual(['Zoë Smit']);
  });

  it("searches a program's participants, and never another tenant's people", async () => {
    // Act
    const inProgram = await api.call(PARTICIPANTS, { id: programId, filter: { search: 'vos' } }, { token: a.manager });
    const fromB = await search('ter vos', 25, b.manager);

    // Assert
    expect(inProgram.data?.program?.participants.edges.map((e) => `${e.node.displayName} ${e.node.role}`).sort()).toEqual([
      'Anna Vos MENTOR',
      'Inês ter Vos MENTEE',
    ]);
    expect(fromB?.edges.map((e) => e.node.email)).toEqual(['ines@b.example.org']);
  });

  it('finds people stored before the token index once the backfill has run, and the backfill is idempotent', async () => {
    // Prepare: the 600 fillers were written as people were before the index: no tokens.
    const before = await search('aardappel 599');
    const uncounted = (await api.call(PEOPLE, { first: 1 }, { token: a.manager })).data?.people.totalCount;

    // Act
    const first = await reindexSearch(api.services.client, a.slug);
    const again = await reindexSearch(api.services.client, a.slug);

    // Assert
    expect(before?.edges).toEqual([]);
    expect((await search('aardappel 599'))?.edges.map((e) => e.node.displayName)).toEqual(['Abe Aardappel 599']);
    expect((await search('F599'))?.edges.map((e) => e.node.email)).toEqual(['filler0599@filler.example.org']);
    expect(first).toMatchObject({ people: 608, reindexed: 600 });
    expect(again).toMatchObject({ people: 608, reindexed: 0, tokensWritten: 0 });
    // The counter counted only the eight made through the API; the backfill counted everyone.
    expect(uncounted).toBe(8);
    expect((await api.call(PEOPLE, { first: 1 }, { token: a.manager })).data?.people.totalCount).toBe(608);
  });

  it('pages through hundreds of matches reading only the people each page shows, without a repeat or a gap', async () => {
    // Act: the 600 Aardappels (indexed by the backfill above), 100 a page.
    const seen: string[] = [];
    let after: string | null | undefined = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof search>> = (
        await api.call(PEOPLE, { filter: { search: 'aardappel' }, first: 100, after }, { token: a.manager })
      ).data?.people;
      pages++;
      seen.push(...(page?.edges.map((e) => e.node.email ?? '') ?? []));
      after = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after && pages < 20);

    // Assert
    expect(seen).toHaveLength(600);
    expect(new Set(seen).size).toBe(600);
  });

  it('follows a rename of someone indexed before ADR 0070, whose every token had an item: none of the old ones is left', async () => {
    // Prepare: the items the index held then, one per token including those another starts ("ten", "sanne").
    const made = await api.call(
      CREATE_PERSON,
      {
        input: {
          givenName: 'Sanne',
          familyName: 'ten Oever',
          email: 'sanne.tenoever@example.org',
          externalId: 'L1',
          timeZone: 'Europe/Amsterdam',
          languages: ['nl'],
        },
      },
      { token: a.manager },
    );
    const sanne = made.data?.createPerson ?? { id: '', version: 0 };
    const id = localId(sanne.id, 'Person');
    const tokens = ['sanne', 'ten', 'oever', 'tenoever', 'sanne.tenoever@example.org', 'sanne.tenoever', 'example', 'org', 'l1'];
    await batchPut(
      api.services.client,
      tokens.map((token) => ({
        ...keys.searchToken(a.slug, token, id),
        type: 'SearchToken',
        personId: id,
        words: tokens.join(' '),
      })),
    );
    expect((await search('ten oever'))?.edges.map((e) => e.node.displayName)).toEqual(['Sanne ten Oever']);

    // Act
    const res = await api.call(
      UPDATE_PERSON,
      { id: sanne.id, version: sanne.version, input: { familyName: 'Smit' } },
      { token: a.manager },
    );

    // Assert: the items of the tokens another starts are gone; the old name's words find nobody, her e-mail's find her once.
    const stale = await batchGet(
      api.services.client,
      ['sanne', 'ten', 'sanne.tenoever'].map((token) => keys.searchToken(a.slug, token, id)),
    );
    expect(stale).toEqual([]);
    expect(res.errors).toBeUndefined();
    expect((await search('oever'))?.edges).toEqual([]);
    expect((await search('sanne'))?.edges.map((e) => e.node.displayName)).toEqual(['Sanne Smit']);
    expect((await search('tenoever'))?.edges.map((e) => e.node.displayName)).toEqual(['Sanne Smit']);
  });
});
