import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { codes, testApi } from '../support/api.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'docs', 'examples');
const PEOPLE = readFileSync(join(EXAMPLES, 'hr-export-sample.csv'), 'utf8');
const PAIRS = readFileSync(join(EXAMPLES, 'pairs-sample.csv'), 'utf8');
const HEADER = 'Mentor,Mentee,Start date,Planned end,Goals,Meetings';

const CREATE_PROGRAM = graphql(`
  mutation PairImportProgram($name: String!) { createProgram(input: { name: $name }) { id version } }
`);
const OPEN = graphql(`
  mutation PairImportOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }
`);
const IMPORT_PEOPLE = graphql(`
  mutation PairImportPeople($programId: ID!, $csv: String!) { startImport(programId: $programId, csv: $csv) { id } }
`);
const PREVIEW = graphql(`
  query PairImportPreview($programId: ID!, $csv: String!) {
    previewPairImport(programId: $programId, csv: $csv) {
      total accepted alreadyImported columns
      rejected { kind line name codes reasons }
      sample { line mentor mentee startedOn plannedEndOn goals meetings lastMeetingOn }
    }
  }
`);
const START = graphql(`
  mutation PairImportStart($programId: ID!, $csv: String!, $fileName: String) {
    startPairImport(programId: $programId, csv: $csv, fileName: $fileName) { id kind status total accepted rejected }
  }
`);
const JOB = graphql(`
  query PairImportJob($id: ID!) {
    importJob(id: $id) {
      kind status total accepted rejected processed created updated unchanged failed progress
      problems { kind line codes reasons }
    }
  }
`);
const PAIRS_VIEW = graphql(`
  query PairImportPairs($id: ID!) {
    program(id: $id) {
      analytics { activeMentorships meetings activeByHealth { health count } }
      mentorships(first: 50) {
        edges {
          node {
            startedAt plannedEndOn meetingCount status
            source { kind id }
            mentor { externalId } mentee { externalId }
            health { status lastContactAt }
            goals { title status }
            meetings { heldAt }
          }
        }
      }
    }
  }
`);
const AUDIT = graphql(`
  query PairImportAudit { auditLog(first: 100) { edges { node { action entityType } } } }
`);

describe('importing running pairs from a spreadsheet', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let a: { slug: string; manager: string };
  let b: { slug: string; manager: string };
  let programId = '';

  const finished = async (id: string) => {
    await api.services.jobs.idle?.();
    return (await api.call(JOB, { id }, { token: a.manager })).data?.importJob;
  };
  const pairs = async () => (await api.call(PAIRS_VIEW, { id: programId }, { token: a.manager })).data?.program;
  const pairOf = async (mentorId: string, menteeId: string) =>
    (await pairs())?.mentorships.edges
      .map((e) => e.node)
      .find((p) => p.mentor?.externalId === mentorId && p.mentee?.externalId === menteeId);

  beforeAll(async () => {
    // Prepare: a running program with the sample HR export's people enrolled (the test clock: 2 March 2026).
    api = await testApi();
    a = await api.newTenant('Pairs A');
    b = await api.newTenant('Pairs B');
    const program = (await api.call(CREATE_PROGRAM, { name: 'Running pairs' }, { token: a.manager })).data?.createProgram;
    programId = program?.id ?? '';
    await api.call(OPEN, { id: programId, version: program?.version ?? 0 }, { token: a.manager });
    const people = await api.call(IMPORT_PEOPLE, { programId, csv: PEOPLE }, { token: a.manager });
    await finished(people.data?.startImport.id ?? '');
  });

  it('previews the sample: reads the columns and names the three faulty rows, writing nothing', async () => {
    const res = await api.call(PREVIEW, { programId, csv: PAIRS }, { token: a.manager });

    expect(res.errors).toBeUndefined();
    const preview = res.data?.previewPairImport;
    expect(preview).toMatchObject({ total: 13, accepted: 10, alreadyImported: 0 });
    expect(preview?.columns).toEqual(['Mentor', 'Mentee', 'Start date', 'Planned end', 'Goals', 'Meetings']);
    expect(preview?.rejected.map((r) => [r.line, r.codes])).toEqual([
      [12, ['reportingLine']],
      [13, ['unknownPerson']],
      [14, ['mentorFull']],
    ]);
    expect(preview?.rejected[1]?.reasons).toEqual([
      'mentee "E99999" is not anyone in this organisation (no such e-mail address or employee id)',
    ]);
    expect(preview?.sample[0]).toMatchObject({
      mentor: 'E10004',
      startedOn: '2025-09-15',
      plannedEndOn: '2026-09-15',
      meetings: 5,
      lastMeetingOn: '2026-02-16',
    });
    expect(preview?.sample[2]?.plannedEndOn).toBe('2026-08-03'); // no planned end: the program's nine months
    expect((await pairs())?.mentorships.edges).toEqual([]);
  });

  it('imports the running pairs with their goals and meetings, healthy or not from the first day', async () => {
    const started = await api.call(START, { programId, csv: PAIRS, fileName: 'pairs-sample.csv' }, { token: a.manager });

    expect(started.data?.startPairImport).toMatchObject({ kind: 'PAIRS', status: 'QUEUED', total: 13, accepted: 10, rejected: 3 });
    const job = await finished(started.data?.startPairImport.id ?? '');
    expect(job).toMatchObject({ kind: 'PAIRS', status: 'DONE', processed: 10, created: 10, failed: 0, progress: 1 });
    expect(job?.problems.map((p) => p.line)).toEqual([12, 13, 14]);

    const first = await pairOf('E10004', 'E10001');
    expect(first).toMatchObject({
      startedAt: '2025-09-15T00:00:00.000Z',
      plannedEndOn: '2026-09-15',
      meetingCount: 5,
      status: 'ACTIVE',
      source: { kind: 'IMPORT' },
      health: { status: 'ON_TRACK', lastContactAt: '2026-02-16T00:00:00.000Z' },
    });
    expect(first?.goals.map((g) => g.title)).toEqual(
      expect.arrayContaining(['Prepare for a team lead role', 'Speak at the autumn conference']),
    );
    expect((await pairOf('E10024', 'E10009'))?.health.status).toBe('OVERDUE');
    // Day-first dates, as a Dutch spreadsheet writes them.
    expect(await pairOf('E10029', 'E10014')).toMatchObject({
      startedAt: '2025-09-15T00:00:00.000Z',
      plannedEndOn: '2026-09-15',
      meetingCount: 4,
    });
    const program = await pairs();
    expect(program?.analytics).toMatchObject({ activeMentorships: 10, meetings: 30 });
    expect(program?.analytics.activeByHealth).toEqual(
      expect.arrayContaining([
        { health: 'ON_TRACK', count: 3 },
        { health: 'DUE_SOON', count: 5 },
        { health: 'OVERDUE', count: 2 },
      ]),
    );
    const actions = (await api.call(AUDIT, {}, { token: a.manager })).data?.auditLog.edges.map((e) => e.node.action);
    expect(actions?.filter((x) => x === 'mentorship.import')).toHaveLength(10);
    expect(actions).toContain('import.pairs.start');
  });

  it('takes the same file again without a duplicate, and adds only a meeting the sheet gained', async () => {
    const again = await api.call(START, { programId, csv: PAIRS }, { token: a.manager });
    expect(await finished(again.data?.startPairImport.id ?? '')).toMatchObject({ status: 'DONE', created: 0, updated: 0, unchanged: 10 });

    const gained = PAIRS.replace('2025-11-03; 2025-12-01', '2025-11-03; 2025-12-01; 2026-02-27');
    const preview = (await api.call(PREVIEW, { programId, csv: gained }, { token: a.manager })).data?.previewPairImport;
    expect(preview).toMatchObject({ accepted: 10, alreadyImported: 10 });
    const update = await api.call(START, { programId, csv: gained }, { token: a.manager });
    expect(await finished(update.data?.startPairImport.id ?? '')).toMatchObject({ status: 'DONE', created: 0, updated: 1, unchanged: 9 });

    const pair = await pairOf('E10024', 'E10009');
    expect(pair).toMatchObject({ meetingCount: 5, health: { status: 'ON_TRACK', lastContactAt: '2026-02-27T00:00:00.000Z' } });
    expect(pair?.meetings).toHaveLength(5);
    const program = await pairs();
    expect(program?.mentorships.edges).toHaveLength(10);
    expect(program?.analytics).toMatchObject({ activeMentorships: 10, meetings: 31 });
  });

  it('rejects every faulty row with its reason, and writes none of them', async () => {
    const rows = [
      'E10053,E99998,2025-10-01,,,', // 2 unknown person
      'E10001,E10021,2025-10-01,,,', // 3 a mentee, not enrolled as mentor
      'E10012,E10012,2025-10-01,,,', // 4 same person on both sides (enrolled as both)
      'E10034,E10035,2025-10-01,,,', // 5 reporting line
      'E10022,E10026,2025-10-01,,,', // 6 mentor at capacity (1, taken by the import above)
      'E10048,E10039,2025-10-01,,,', // 7 taken
      'E10048,E10039,2025-11-01,,,', // 8 the same pair again
      'E10053,E10001,2025-10-01,,,', // 9 mentee already in an active pair
      'E10054,E10044,2027-01-01,,,', // 10 start in the future
      'E10053,E10050,2025-10-01,2025-09-01,,', // 11 end before start
      'E10054,E10064,2025-13-45,,,', // 12 not a date
      'E10062,E10066,2025-10-01,,,2025-09-20', // 13 a meeting before the start
      'E10062,E10070,2025-10-01,,,2026-12-24', // 14 a meeting in the future
      ',E10071,2025-10-01,,,', // 15 no mentor
    ];
    const csv = [HEADER, ...rows].join('\n');

    const res = await api.call(PREVIEW, { programId, csv }, { token: a.manager });

    expect(res.errors).toBeUndefined();
    expect(res.data?.previewPairImport.accepted).toBe(1);
    expect(res.data?.previewPairImport.rejected.map((r) => [r.line, r.codes])).toEqual([
      [2, ['unknownPerson']],
      [3, ['notEnrolled']],
      [4, ['samePerson']],
      [5, ['reportingLine']],
      [6, ['mentorFull']],
      [8, ['duplicatePair']],
      [9, ['menteeInPair']],
      [10, ['futureDate']],
      [11, ['endBeforeStart']],
      [12, ['badDate']],
      [13, ['meetingBeforeStart']],
      [14, ['futureDate']],
      [15, ['missing']],
    ]);
    const before = (await pairs())?.mentorships.edges.length;
    const job = await finished((await api.call(START, { programId, csv }, { token: a.manager })).data?.startPairImport.id ?? '');
    expect(job).toMatchObject({ created: 1, rejected: 13 });
    expect((await pairs())?.mentorships.edges.length).toBe((before ?? 0) + 1);
  });

  it('words each reason in the reader’s language', async () => {
    const csv = [HEADER, 'E10053,E99998,2025-10-01,2025-09-01,,'].join('\n');

    const res = await api.call(PREVIEW, { programId, csv }, { token: a.manager, headers: { 'accept-language': 'nl-NL,nl;q=0.9' } });

    expect(res.data?.previewPairImport.rejected[0]?.reasons).toEqual([
      'mentee "E99998" is niemand in deze organisatie (geen bekend e-mailadres of personeelsnummer)',
      'de geplande einddatum 2025-09-01 ligt niet na de start 2025-10-01',
    ]);
  });

  it('refuses a file without the columns it needs, naming them', async () => {
    const res = await api.call(PREVIEW, { programId, csv: 'Name,When\nAda,2025-01-01\n' }, { token: a.manager });

    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.problems?.map((p) => p.field)).toEqual(['mapping.mentor', 'mapping.mentee', 'mapping.startDate']);
  });

  it("keeps one tenant's pairs from another", async () => {
    expect(codes(await api.call(PREVIEW, { programId, csv: PAIRS }, { token: b.manager }))).toEqual(['NOT_FOUND']);
    expect(codes(await api.call(START, { programId, csv: PAIRS }, { token: b.manager }))).toEqual(['NOT_FOUND']);
  });
});
