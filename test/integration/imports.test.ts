import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRows, suggestMapping } from '#domain/people/imports.ts';
import { FOCUS_AREAS } from '#domain/programs/programs.ts';
import { parseCsv } from '#lib/csv.ts';
import { runProgramLifecycle } from '../../functions/jobs/programLifecycle.ts';
import { graphql } from '../generated/gql.ts';
import { codes, testApi } from '../support/api.ts';

const SAMPLE = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'examples', 'hr-export-sample.csv'), 'utf8');

const CREATE_PROGRAM = graphql(`
  mutation ImportProgram($name: String!) { createProgram(input: { name: $name }) { id } }
`);
const PREVIEW = graphql(`
  query ImportPreview($programId: ID!, $csv: String!) {
    previewImport(programId: $programId, csv: $csv) {
      delimiter total accepted
      mapping { field column header }
      rejected { line externalId reasons }
      sample { name email roles reasons }
    }
  }
`);
const PEOPLE_TOTAL = graphql(`
  query ImPeopleTotal { people(first: 1) { totalCount } }
`);
const START = graphql(`
  mutation ImportStart($programId: ID!, $csv: String!, $fileName: String) {
    startImport(programId: $programId, csv: $csv, fileName: $fileName) { id status total accepted rejected }
  }
`);
const JOB = graphql(`
  query ImportJobView($id: ID!) {
    importJob(id: $id) {
      status total accepted rejected processed created updated unchanged failed progress
      problems { line externalId reasons }
    }
  }
`);
const COUNTS = graphql(`
  query ImportCounts($id: ID!) {
    program(id: $id) { counts { mentors mentees } imports { edges { node { fileName status } } } }
    people(first: 1) { edges { node { id } } }
  }
`);
const EXPORT = graphql(`
  query ImportExport($id: ID!, $filter: ParticipantFilter) { program(id: $id) { participantsCsv(filter: $filter) } }
`);
const SEARCH = graphql(`
  query ImportSearch($search: String!) { people(first: 5, filter: { search: $search }) { edges { node { email } } } }
`);
const CREATE_PERSON = graphql(`
  mutation ImportRacePerson($input: PersonInput!) { createPerson(input: $input) { id } }
`);
const PERSON_BY_EMAIL = graphql(`
  query ImportRaceFind($search: String!) { people(first: 5, filter: { search: $search }) { edges { node { id externalId jobTitle } } } }
`);
const PEOPLE_CSV = graphql(`
  query ImportPeopleCsv { peopleCsv(filter: { search: "van" }) }
`);

/** What the sample should produce: the rows readRows accepts, by role. */
function expectedCounts() {
  const table = parseCsv(SAMPLE);
  const { accepted } = readRows(table, suggestMapping(table.headers), { focusAreas: [...FOCUS_AREAS] }, null);
  return {
    people: accepted.length,
    mentors: accepted.filter((r) => r.roles.includes('MENTOR')).length,
    mentees: accepted.filter((r) => r.roles.includes('MENTEE')).length,
  };
}

describe('importing participants from an HR export', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let a: { slug: string; manager: string };
  let b: { slug: string; manager: string };
  let programId = '';
  let jobId = '';
  const expected = expectedCounts();

  const finished = async (id: string, token: string) => {
    await api.services.jobs.idle?.();
    return (await api.call(JOB, { id }, { token })).data?.importJob;
  };

  beforeAll(async () => {
    api = await testApi();
    a = await api.newTenant('Import A');
    b = await api.newTenant('Import B');
    programId = (await api.call(CREATE_PROGRAM, { name: 'Imported' }, { token: a.manager })).data?.createProgram.id ?? '';
  });

  it('previews the sample: guesses the columns and names the four faulty rows, writing nothing', async () => {
    const res = await api.call(PREVIEW, { programId, csv: SAMPLE }, { token: a.manager });
    expect(res.errors).toBeUndefined();
    const preview = res.data?.previewImport;
    expect(preview).toMatchObject({ delimiter: ',', total: 300, accepted: 296 });
    expect(preview?.mapping).toEqual(expect.arrayContaining([{ field: 'EMAIL', column: 3, header: 'Work Email' }]));
    expect(preview?.rejected.map((r) => r.externalId)).toEqual(['E10003', 'E10007', 'E10011', 'E10013']);
    expect(preview?.sample[0]).toMatchObject({ name: 'Sanne van der Dekker', roles: ['MENTOR'], reasons: ['COMMUNICATION_SKILLS'] });
    expect((await api.call(COUNTS, { id: programId }, { token: a.manager })).data?.people.edges).toEqual([]);
  });

  it('imports the rest in the background, with progress, and reports every rejected row', async () => {
    const res = await api.call(START, { programId, csv: SAMPLE, fileName: 'hr-export-sample.csv' }, { token: a.manager });
    expect(res.errors).toBeUndefined();
    expect(res.data?.startImport).toMatchObject({ status: 'QUEUED', total: 300, accepted: 296, rejected: 4 });
    jobId = res.data?.startImport.id ?? '';
    const job = await finished(jobId, a.manager);
    expect(job).toMatchObject({ status: 'DONE', processed: 296, created: 296, updated: 0, failed: 0, progress: 1 });
    expect(job?.problems.map((p) => [p.externalId, p.reasons.length > 0])).toEqual([
      ['E10003', true],
      ['E10007', true],
      ['E10011', true],
      ['E10013', true],
    ]);
    const counts = (await api.call(COUNTS, { id: programId }, { token: a.manager })).data?.program;
    expect(counts?.counts).toEqual({ mentors: expected.mentors, mentees: expected.mentees });
    expect(counts?.imports.edges[0]?.node).toEqual({ fileName: 'hr-export-sample.csv', status: 'DONE' });
  }, 120_000);

  it('updates instead of duplicating when the same export comes again, changed in one row', async () => {
    const changed = SAMPLE.replace(
      'E10000,Sanne,van der Dekker,sanne.vanderdekker0@example.org,Coordinator',
      'E10000,Sanne,van der Dekker,Sanne.VanDerDekker0@example.org,Director',
    );
    const res = await api.call(START, { programId, csv: changed }, { token: a.manager });
    const job = await finished(res.data?.startImport.id ?? '', a.manager);
    expect(job).toMatchObject({ status: 'DONE', created: 0, updated: 1, unchanged: 295, failed: 0 });
    const counts = (await api.call(COUNTS, { id: programId }, { token: a.manager })).data?.program?.counts;
    expect(counts).toEqual({ mentors: expected.mentors, mentees: expected.mentees });
  });

  it('finishes a job whose worker crashed part-way, without duplicates or double counts, once the sweep requeues it', async () => {
    // Prepare: a tenant of its own (every row creates someone), and a worker that dies half-way through
    // the second chunk.
    const c = await api.newTenant('Import C');
    const second = (await api.call(CREATE_PROGRAM, { name: 'Crash' }, { token: c.manager })).data?.createProgram.id ?? '';
    const writeForReal = api.services.people.writeImportRows;
    let chunks = 0;
    api.services.people.writeImportRows = async (writes) => {
      if (++chunks < 2) return writeForReal(writes);
      await writeForReal(writes.slice(0, 50));
      throw new Error('worker killed');
    };
    const started = await api.call(START, { programId: second, csv: SAMPLE }, { token: c.manager });
    const id = started.data?.startImport.id ?? '';
    const crashed = await finished(id, c.manager);
    expect(crashed?.status).toBe('RUNNING');
    expect(crashed?.processed).toBe(10);
    api.services.people.writeImportRows = writeForReal;

    // Act: nothing happens while the crashed worker's lease lasts; after it, the sweep queues the job again.
    expect((await runProgramLifecycle(api.services)).importsRequeued).toBe(0);
    api.clock.advanceDays(1);
    expect((await runProgramLifecycle(api.services)).importsRequeued).toBeGreaterThanOrEqual(1);
    const job = await finished(id, c.manager);

    // Assess: every row counted once as created (the resumed chunk finds what its first attempt wrote),
    // the program's counters added once per chunk, and the people written before the crash findable.
    expect(job).toMatchObject({ status: 'DONE', processed: 296, created: 296, unchanged: 0, failed: 0 });
    const counts = (await api.call(COUNTS, { id: second }, { token: c.manager })).data?.program?.counts;
    expect(counts).toEqual({ mentors: expected.mentors, mentees: expected.mentees });
    const written = readRows(parseCsv(SAMPLE), suggestMapping(parseCsv(SAMPLE).headers), { focusAreas: [...FOCUS_AREAS] }, null)
      .accepted[30]?.person.email;
    const found = await api.call(SEARCH, { search: written ?? '' }, { token: c.manager });
    expect(found.data?.people.edges.map((e) => e.node.email)).toEqual([written]);
    // The tenant's people total counts each new person once, the resumed chunk's included.
    const total = await api.call(PEOPLE_TOTAL, {}, { token: c.manager });
    expect(total.data?.people.totalCount).toBe(296);
    // Each new person's creation and enrolment are in the audit log once, the resumed chunk's included
    // (their entries follow the row's transaction with fixed ids: a repeat writes over itself).
    const logged = async (action: string) =>
      (await api.services.audit.listAudit(c.slug, null, { first: 1000, after: null }, { action })).items.map((e) => e.entityId);
    const creations = await logged('person.create');
    const enrolments = await logged('person.enrol');
    expect(creations).toHaveLength(296);
    expect(new Set(creations).size).toBe(296);
    expect(enrolments).toHaveLength(expected.mentors + expected.mentees);
  });

  it('updates, not fails, a person someone created between the start and the row being written', async () => {
    // Prepare: a tenant of its own. The start finds nobody with Sanne's e-mail, so the worker plans
    // her row as a new person without reading it again (ADR 0090); just before the first chunk is
    // written, a manager creates her by hand, without an employee id.
    const r = await api.newTenant('Import Race');
    const program = (await api.call(CREATE_PROGRAM, { name: 'Race' }, { token: r.manager })).data?.createProgram.id ?? '';
    const writeForReal = api.services.people.writeImportRows;
    let byHand = '';
    api.services.people.writeImportRows = async (writes) => {
      if (!byHand) {
        const made = await api.call(
          CREATE_PERSON,
          {
            input: {
              email: 'sanne.vanderdekker0@example.org',
              givenName: 'Sanne',
              familyName: 'van der Dekker',
              jobTitle: 'Intern',
              timeZone: 'Europe/Amsterdam',
              languages: ['nl'],
            },
          },
          { token: r.manager },
        );
        expect(made.errors).toBeUndefined();
        byHand = made.data?.createPerson.id ?? '';
      }
      return writeForReal(writes);
    };

    // Act
    const started = await api.call(START, { programId: program, csv: SAMPLE }, { token: r.manager });
    const job = await finished(started.data?.startImport.id ?? '', r.manager);
    api.services.people.writeImportRows = writeForReal;

    // Assess: her row found the claim taken, was read and planned again, and updated the person made by
    // hand (employee id and job title from the file); nobody is in the tenant twice.
    expect(job).toMatchObject({ status: 'DONE', processed: 296, created: 295, updated: 1, failed: 0 });
    const sanne = await api.call(PERSON_BY_EMAIL, { search: 'sanne.vanderdekker0@example.org' }, { token: r.manager });
    expect(sanne.data?.people.edges.map((e) => e.node)).toEqual([{ id: byHand, externalId: 'E10000', jobTitle: 'Coordinator' }]);
    expect((await api.call(PEOPLE_TOTAL, {}, { token: r.manager })).data?.people.totalCount).toBe(296);
    // The other tenants' imports of the same file are untouched by hers.
    const other = await api.call(PERSON_BY_EMAIL, { search: 'sanne.vanderdekker0@example.org' }, { token: a.manager });
    expect(other.data?.people.edges.map((e) => e.node.id)).not.toContain(byHand);
  });

  it("finishes a job whose worker died writing a chunk's search tokens and audit entries while the next chunk was written", async () => {
    // Prepare: the first chunk's tail (tokens and creation entries, ADR 0084) fails after the next
    // chunk's rows have started: both chunks are left not done.
    const d = await api.newTenant('Import D');
    const third = (await api.call(CREATE_PROGRAM, { name: 'Tail crash' }, { token: d.manager })).data?.createProgram.id ?? '';
    const indexForReal = api.services.people.indexPeople;
    const writeForReal = api.services.people.writeImportRows;
    let secondWritten: () => void = () => undefined;
    const second = new Promise<void>((resolve) => {
      secondWritten = resolve;
    });
    let writes = 0;
    api.services.people.writeImportRows = async (rows) => {
      const failures = await writeForReal(rows);
      if (++writes === 2) secondWritten();
      return failures;
    };
    api.services.people.indexPeople = async () => {
      await second;
      throw new Error('worker killed');
    };
    const started = await api.call(START, { programId: third, csv: SAMPLE }, { token: d.manager });
    const id = started.data?.startImport.id ?? '';
    const crashed = await finished(id, d.manager);
    expect(crashed).toMatchObject({ status: 'RUNNING', processed: 0 });
    api.services.people.indexPeople = indexForReal;
    api.services.people.writeImportRows = writeForReal;

    // Act
    api.clock.advanceDays(1);
    expect((await runProgramLifecycle(api.services)).importsRequeued).toBeGreaterThanOrEqual(1);
    const job = await finished(id, d.manager);

    // Assess: counted once, each creation logged once, the first chunk's people findable.
    expect(job).toMatchObject({ status: 'DONE', processed: 296, created: 296, unchanged: 0, failed: 0 });
    const counts = (await api.call(COUNTS, { id: third }, { token: d.manager })).data?.program?.counts;
    expect(counts).toEqual({ mentors: expected.mentors, mentees: expected.mentees });
    const first = readRows(parseCsv(SAMPLE), suggestMapping(parseCsv(SAMPLE).headers), { focusAreas: [...FOCUS_AREAS] }, null).accepted[3]
      ?.person.email;
    const found = await api.call(SEARCH, { search: first ?? '' }, { token: d.manager });
    expect(found.data?.people.edges.map((e) => e.node.email)).toEqual([first]);
    const creations = (await api.services.audit.listAudit(d.slug, null, { first: 1000, after: null }, { action: 'person.create' })).items;
    expect(new Set(creations.map((e) => e.entityId)).size).toBe(296);
    expect(creations).toHaveLength(296);
  });

  it('exports participants as CSV that imports again without a rejected row', async () => {
    const csv =
      (await api.call(EXPORT, { id: programId, filter: { role: 'MENTOR' } }, { token: a.manager })).data?.program?.participantsCsv ?? '';
    const table = parseCsv(csv);
    expect(table.headers.slice(0, 4)).toEqual(['Employee ID', 'First Name', 'Last Name', 'Work Email']);
    expect(table.rows).toHaveLength(expected.mentors);
    const again = await api.call(PREVIEW, { programId, csv }, { token: a.manager });
    expect(again.data?.previewImport).toMatchObject({ accepted: expected.mentors, rejected: [] });
    const people = parseCsv((await api.call(PEOPLE_CSV, {}, { token: a.manager })).data?.peopleCsv ?? '');
    expect(people.rows.length).toBeGreaterThan(0);
    expect(people.rows.every((r) => `${r[1]} ${r[2]} ${r[3]}`.toLowerCase().includes('van'))).toBe(true);
  });

  it("keeps one tenant's imports from another", async () => {
    expect(codes(await api.call(JOB, { id: jobId }, { token: b.manager }))).toEqual(['NOT_FOUND']);
    expect(codes(await api.call(START, { programId, csv: SAMPLE }, { token: b.manager }))).toEqual(['NOT_FOUND']);
    expect(codes(await api.call(EXPORT, { id: programId }, { token: b.manager }))).toEqual(['NOT_FOUND']);
  });

  it('refuses a file without the columns it needs, naming them', async () => {
    const res = await api.call(PREVIEW, { programId, csv: 'Name,Mail\nAda,ada@example.org\n' }, { token: a.manager });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.problems?.map((p) => p.field)).toEqual(
      expect.arrayContaining(['mapping.givenName', 'mapping.familyName', 'mapping.timeZone', 'mapping.languages', 'mapping.role']),
    );
  });
});
