import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { codes, testApi } from '../support/api.ts';

const CREATE = graphql(`
  mutation CreateProgram($input: ProgramInput!) {
    createProgram(input: $input) {
      id
      name
      status
      version
      focusAreas
      cadence { expectedEveryDays overdueAfterDays }
      matching { weights { criterion weight } approvalMode minimumScore }
      counts { mentors mentees activeMentorships }
    }
  }
`);

const UPDATE = graphql(`
  mutation UpdateProgram($id: ID!, $version: Int!, $input: ProgramInput!) {
    updateProgram(id: $id, version: $version, input: $input) { id name version durationMonths }
  }
`);

const STATUS = graphql(`
  mutation ChangeStatus($id: ID!, $version: Int!, $status: ProgramStatus!) {
    changeProgramStatus(id: $id, version: $version, status: $status) { id status version }
  }
`);

const PROGRAM = graphql(`
  query Program($id: ID!) { program(id: $id) { id name version } }
`);

const LIST = graphql(`
  query Programs($first: Int, $after: String) {
    programs(first: $first, after: $after) {
      edges { cursor node { id name } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const MY_TENANT = graphql(`
  query MyTenant {
    viewer {
      actor { role }
      tenant { slug name settings { timeZone locale } programs(first: 50) { edges { node { name status } } } }
    }
  }
`);

describe('programs through the GraphQL Lambda handler', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let a: { slug: string; manager: string };
  let b: { slug: string; manager: string };

  beforeAll(async () => {
    api = await testApi();
    a = await api.newTenant('Association A');
    b = await api.newTenant('Association B');
  });

  it('creates a program with the seed’s focus areas and sensible defaults', async () => {
    const res = await api.call(CREATE, { input: { name: 'Starters 2027' } }, { token: a.manager });
    expect(res.errors).toBeUndefined();
    const program = res.data?.createProgram;
    expect(program).toMatchObject({ name: 'Starters 2027', status: 'DRAFT', version: 1 });
    expect(program?.focusAreas).toContain('PSYCHOSOCIAL_SUPPORT');
    expect(program?.cadence).toEqual({ expectedEveryDays: 30, overdueAfterDays: 42 });
    expect(program?.counts).toEqual({ mentors: 0, mentees: 0, activeMentorships: 0 });
    // Every criterion, CIRCLE_TOPIC too (weighed 0 outside group programs).
    expect(program?.matching.weights).toHaveLength(11);
  });

  it('shows a manager their own tenant and its programs, and nothing of another tenant', async () => {
    await api.call(CREATE, { input: { name: 'Only in B' } }, { token: b.manager });
    const res = await api.call(MY_TENANT, {}, { token: a.manager });
    expect(res.data?.viewer.actor.role).toBe('MANAGER');
    expect(res.data?.viewer.tenant).toMatchObject({
      slug: a.slug,
      name: 'Association A',
      settings: { timeZone: 'Europe/Amsterdam', locale: 'EN' },
    });
    const names = res.data?.viewer.tenant?.programs.edges.map((e) => e.node.name);
    expect(names).toContain('Starters 2027');
    expect(names).not.toContain('Only in B');
  });

  it('answers bad input with BAD_USER_INPUT naming every offending field, and writes nothing', async () => {
    const before = await api.call(LIST, { first: 100 }, { token: a.manager });
    const res = await api.call(
      CREATE,
      {
        input: {
          name: '  ',
          durationMonths: 0,
          cadence: { expectedEveryDays: 60, overdueAfterDays: 30 },
          enrolmentOpensOn: '2027-02-01',
          enrolmentClosesOn: '2027-01-01',
        },
      },
      { token: a.manager },
    );
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    const fields = res.errors?.[0]?.extensions?.problems?.map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining(['input.name', 'input.durationMonths', 'input.cadence.overdueAfterDays', 'input.enrolmentClosesOn']),
    );
    expect(res.errors?.[0]?.message).toMatch(/input\.name/);
    const after = await api.call(LIST, { first: 100 }, { token: a.manager });
    expect(after.data?.programs.edges).toHaveLength(before.data?.programs.edges.length ?? -1);
  });

  it('says what went wrong in Dutch when the caller asks for Dutch', async () => {
    const res = await api.call(CREATE, { input: { name: '' } }, { token: a.manager, headers: { 'accept-language': 'nl-NL,nl;q=0.9' } });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.message).toMatch(/ongeldig/);
  });

  it('refuses a stale version with CONFLICT and keeps the newer change', async () => {
    const created = (await api.call(CREATE, { input: { name: 'Versioned' } }, { token: a.manager })).data?.createProgram;
    const id = created?.id ?? '';
    const first = await api.call(
      UPDATE,
      { id, version: 1, input: { name: 'Versioned, renamed', durationMonths: 6 } },
      { token: a.manager },
    );
    expect(first.data?.updateProgram).toMatchObject({ name: 'Versioned, renamed', version: 2, durationMonths: 6 });
    const stale = await api.call(UPDATE, { id, version: 1, input: { name: 'Lost update' } }, { token: a.manager });
    expect(codes(stale)).toEqual(['CONFLICT']);
    const now = await api.call(PROGRAM, { id }, { token: a.manager });
    expect(now.data?.program).toMatchObject({ name: 'Versioned, renamed', version: 2 });
  });

  it('follows the status machine and refuses a jump it does not allow', async () => {
    const created = (await api.call(CREATE, { input: { name: 'Lifecycle' } }, { token: a.manager })).data?.createProgram;
    const id = created?.id ?? '';
    const closed = await api.call(STATUS, { id, version: 1, status: 'RUNNING' }, { token: a.manager });
    expect(codes(closed)).toEqual(['CONFLICT']);
    const opened = await api.call(STATUS, { id, version: 1, status: 'OPEN' }, { token: a.manager });
    expect(opened.data?.changeProgramStatus).toMatchObject({ status: 'OPEN', version: 2 });
  });

  it("gives one tenant's manager NOT_FOUND for another tenant's program, exactly as for an unknown id", async () => {
    const theirs = (await api.call(CREATE, { input: { name: 'B private' } }, { token: b.manager })).data?.createProgram;
    const id = theirs?.id ?? '';
    const read = await api.call(PROGRAM, { id }, { token: a.manager });
    const unknown = await api.call(
      PROGRAM,
      { id: Buffer.from('Program:01JUNKNOWN0000000000000000').toString('base64url') },
      { token: a.manager },
    );
    expect(codes(read)).toEqual(['NOT_FOUND']);
    expect(read.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    const write = await api.call(UPDATE, { id, version: 1, input: { name: 'Hijacked' } }, { token: a.manager });
    expect(codes(write)).toEqual(['NOT_FOUND']);
    const still = await api.call(PROGRAM, { id }, { token: b.manager });
    expect(still.data?.program?.name).toBe('B private');
  });

  it('pages with signed cursors, and refuses a cursor that was edited or belongs to another tenant', async () => {
    const fresh = await api.newTenant('Pager');
    for (const name of ['P1', 'P2', 'P3', 'P4', 'P5']) await api.call(CREATE, { input: { name } }, { token: fresh.manager });
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: Awaited<ReturnType<typeof api.call<unknown, unknown>>> & {
        data?: { programs: { edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } } } | null;
      } = await api.call(LIST, { first: 2, after }, { token: fresh.manager });
      seen.push(...(res.data?.programs.edges.map((e) => e.node.name) ?? []));
      after = res.data?.programs.pageInfo.hasNextPage ? (res.data.programs.pageInfo.endCursor ?? null) : null;
      pages++;
    } while (after && pages < 10);
    expect(seen.sort()).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    expect(pages).toBe(3);

    const firstPage = await api.call(LIST, { first: 2 }, { token: fresh.manager });
    const cursor = firstPage.data?.programs.pageInfo.endCursor ?? '';
    const tampered = `${cursor.slice(0, 5)}${cursor[5] === 'A' ? 'B' : 'A'}${cursor.slice(6)}`;
    expect(codes(await api.call(LIST, { first: 2, after: tampered }, { token: fresh.manager }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.call(LIST, { first: 2, after: cursor }, { token: a.manager }))).toEqual(['BAD_USER_INPUT']);
  });

  it('lets only program managers create programs', async () => {
    const participant = await api.token('participant', a.slug, { person: '01JPARTICIPANT000000000000' });
    const res = await api.call(CREATE, { input: { name: 'Sneaky' } }, { token: participant });
    expect(codes(res)).toEqual(['FORBIDDEN']);
  });
});
