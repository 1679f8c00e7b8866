import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { testApi } from '../support/api.ts';

/** Peer and reverse programs beyond the API's first step (ADR 77): the CSV import, pins in peer runs, explanations both ways. */
const PROGRAM = graphql(`
  mutation PkiProgram($input: ProgramInput!) { createProgram(input: $input) { id } }
`);
const OPEN = graphql(`
  mutation PkiOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }
`);
const PREVIEW = graphql(`
  query PkiPreview($programId: ID!, $csv: String!) {
    previewImport(programId: $programId, csv: $csv) { accepted rejected { line codes reasons } sample { line roles } }
  }
`);
const START = graphql(`
  mutation PkiStart($programId: ID!, $csv: String!) { startImport(programId: $programId, csv: $csv) { id accepted } }
`);
const JOB = graphql(`
  query PkiJob($id: ID!) { importJob(id: $id) { status created failed } }
`);
const PARTICIPANTS = graphql(`
  query PkiParticipants($id: ID!) {
    program(id: $id) { participants(first: 20) { edges { node { role capacity person { id email } } } } }
  }
`);
const RULE = graphql(`
  mutation PkiRule($programId: ID!, $menteeId: ID!, $mentorId: ID!, $kind: PairRuleKind!) {
    setPairRule(programId: $programId, menteeId: $menteeId, mentorId: $mentorId, kind: $kind)
  }
`);
const RUN = graphql(`
  mutation PkiRun($programId: ID!) {
    runMatching(programId: $programId) {
      counts { proposed pinned }
      proposals {
        mentor { id } mentee { id } score
        explanation { criterion score ways { seeker { id } score facts { shared } } }
      }
    }
  }
`);

const HEADER = 'Employee ID,First Name,Last Name,Work Email,Time Zone,Languages,Years of experience,Skills offered,Skills sought,Role';

describe('peer and reverse programs: import, pins and explanations', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let manager = '';
  const as = () => ({ token: manager });

  const program = async (input: Record<string, unknown>) => {
    const id = (await api.call(PROGRAM, { input: { matching: { minimumScore: 0 }, ...input } }, as())).data?.createProgram.id ?? '';
    await api.call(OPEN, { id }, as());
    return id;
  };
  const importFile = async (programId: string, csv: string) => {
    const started = await api.call(START, { programId, csv }, as());
    expect(started.errors).toBeUndefined();
    await api.services.jobs.idle?.();
    return (await api.call(JOB, { id: started.data?.startImport.id ?? '' }, as())).data?.importJob;
  };
  const participants = async (id: string) =>
    (await api.call(PARTICIPANTS, { id }, as())).data?.program?.participants.edges.map((e) => e.node) ?? [];

  beforeAll(async () => {
    api = await testApi();
    manager = (await api.newTenant('Kinds import')).manager;
  });

  it('imports a peer program: "peer" and "collega" enrol as peers, and a mentor row is refused in the preview', async () => {
    // Prepare
    const programId = await program({ name: 'HR community', kind: 'PEER' });
    const csv = [
      HEADER,
      'K1,Ada,Peer,ada@kinds-import.example.org,Europe/Amsterdam,en,5,budgeting,feedback,peer',
      'K2,Bo,Collega,bo@kinds-import.example.org,Europe/Amsterdam,nl,6,feedback,budgeting,Collega',
      'K3,Cas,Mentor,cas@kinds-import.example.org,Europe/Amsterdam,en,20,hiring,,mentor',
    ].join('\n');

    // Act
    const preview = (await api.call(PREVIEW, { programId, csv }, as())).data?.previewImport;
    const job = await importFile(programId, csv);

    // Assess
    expect(preview?.accepted).toBe(2);
    expect(preview?.sample.map((r) => r.roles)).toEqual([['PEER'], ['PEER']]);
    expect(preview?.rejected).toEqual([
      { line: 4, codes: ['roleNotInKind'], reasons: ['role mentor does not fit a peer program: everyone in it is a peer'] },
    ]);
    expect(job).toMatchObject({ status: 'DONE', created: 2 });
    expect((await participants(programId)).map((p) => [p.person?.email, p.role, p.capacity]).sort()).toEqual([
      ['ada@kinds-import.example.org', 'PEER', 1],
      ['bo@kinds-import.example.org', 'PEER', 1],
    ]);
  });

  it('imports a reverse program as mentors and mentees, and refuses a peer row in it', async () => {
    // Prepare
    const programId = await program({
      name: 'Digital reverse',
      kind: 'REVERSE',
      roleNames: { mentor: 'Digital coach', mentee: 'Executive' },
    });
    const csv = [
      HEADER,
      'R1,Dana,Junior,dana@kinds-import.example.org,Europe/Amsterdam,en,2,social media,,mentor',
      'R2,Eli,Senior,eli@kinds-import.example.org,Europe/Amsterdam,en,28,,social media,mentee',
      'R3,Fay,Peer,fay@kinds-import.example.org,Europe/Amsterdam,en,9,,,peer',
    ].join('\n');

    // Act
    const preview = (await api.call(PREVIEW, { programId, csv }, as())).data?.previewImport;
    const job = await importFile(programId, csv);

    // Assess
    expect(preview?.rejected.map((r) => [r.line, r.codes])).toEqual([[4, ['roleNotInKind']]]);
    expect(job).toMatchObject({ status: 'DONE', created: 2 });
    expect((await participants(programId)).map((p) => p.role).sort()).toEqual(['MENTEE', 'MENTOR']);
  });

  it("pairs a manager's pinned peers in a peer run, set either way round, and explains each pair both ways", async () => {
    // Prepare: four peers; the best pairs would be ada+bo and cas+dirk, the manager pins ada with cas.
    const programId = await program({ name: 'New managers', kind: 'PEER' });
    const csv = [
      HEADER,
      'N1,Ada,Pin,ada@pins.example.org,Europe/Amsterdam,en,5,budgeting,feedback,peer',
      'N2,Bo,Pin,bo@pins.example.org,Europe/Amsterdam,en,5,feedback,budgeting,peer',
      'N3,Cas,Pin,cas@pins.example.org,Europe/Amsterdam,en,5,hiring,planning,peer',
      'N4,Dirk,Pin,dirk@pins.example.org,Europe/Amsterdam,en,5,planning,hiring,peer',
    ].join('\n');
    expect(await importFile(programId, csv)).toMatchObject({ status: 'DONE', created: 4 });
    const id = Object.fromEntries((await participants(programId)).map((p) => [p.person?.email?.split('@')[0], p.person?.id ?? '']));
    const pinned = await api.call(RULE, { programId, menteeId: id.ada ?? '', mentorId: id.cas ?? '', kind: 'PIN' }, as());

    // Act
    const run = (await api.call(RUN, { programId }, as())).data?.runMatching;

    // Assess
    expect(pinned.errors).toBeUndefined();
    expect(run?.counts).toEqual({ proposed: 2, pinned: 1 });
    const pairs = run?.proposals.map((p) => [p.mentor?.id, p.mentee?.id].sort().join('+')) ?? [];
    expect(pairs).toContain([id.ada, id.cas].sort().join('+'));
    expect(pairs).toContain([id.bo, id.dirk].sort().join('+'));
    for (const p of run?.proposals ?? []) {
      const skills = p.explanation.find((part) => part.criterion === 'SKILLS');
      // Both peers seek: each way is scored on its own, and the pair's score is their mean.
      expect(skills?.ways.map((w) => w.seeker?.id).sort()).toEqual([p.mentor?.id, p.mentee?.id].sort());
      const mean = ((skills?.ways[0]?.score ?? 0) + (skills?.ways[1]?.score ?? 0)) / 2;
      expect(skills?.score).toBeCloseTo(mean, 6);
    }
    // The pin undone the other way round: the next run is the solver's own choice again.
    const cleared = await api.call(RULE, { programId, menteeId: id.cas ?? '', mentorId: id.ada ?? '', kind: 'NONE' }, as());
    expect(cleared.errors).toBeUndefined();
  });
});
