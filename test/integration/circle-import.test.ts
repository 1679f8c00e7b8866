import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { testApi } from '../support/api.ts';

/** A group program's people import: the circle topic column, in any wording, only where circles are formed (ADR 0082). */
const PROGRAM = graphql(`
  mutation CimProgram($input: ProgramInput!) { createProgram(input: $input) { id } }
`);
const OPEN = graphql(`
  mutation CimOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }
`);
const PREVIEW = graphql(`
  query CimPreview($programId: ID!, $csv: String!) {
    previewImport(programId: $programId, csv: $csv) { accepted rejected { line codes reasons } }
  }
`);
const START = graphql(`
  mutation CimStart($programId: ID!, $csv: String!) { startImport(programId: $programId, csv: $csv) { id accepted } }
`);
const JOB = graphql(`
  query CimJob($id: ID!) { importJob(id: $id) { status created failed } }
`);
const PARTICIPANTS = graphql(`
  query CimParticipants($id: ID!) {
    program(id: $id) { participants(first: 20) { edges { node { role circleTopic person { email } } } } }
  }
`);

const HEADER = 'Employee ID,First Name,Last Name,Work Email,Time Zone,Languages,Role,Kringonderwerp';

describe('people import of a group program: the circle topic column', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let manager = '';
  const as = () => ({ token: manager });
  const program = async (input: Record<string, unknown>) => {
    const id = (await api.call(PROGRAM, { input }, as())).data?.createProgram.id ?? '';
    await api.call(OPEN, { id }, as());
    return id;
  };

  beforeAll(async () => {
    api = await testApi();
    manager = (await api.newTenant('Circle import')).manager;
  });

  it('enrols mentors and mentees with their circle topic, written in English or Dutch', async () => {
    // Prepare: a group program on two focus areas; topics in a label, a Dutch label and a code.
    const programId = await program({ name: 'Leadership circles', kind: 'GROUP', focusAreas: ['LEADERSHIP', 'CAREER_GROWTH'] });
    const csv = [
      HEADER,
      'C1,Lea,Leader,lea@circle-import.example.org,Europe/Amsterdam,nl,mentor,Leiderschap',
      'C2,Max,Member,max@circle-import.example.org,Europe/Amsterdam,en,mentee,leadership',
      'C3,Noor,Member,noor@circle-import.example.org,Europe/Amsterdam,nl,mentee,CAREER_GROWTH',
      'C4,Olaf,Member,olaf@circle-import.example.org,Europe/Amsterdam,nl,mentee,',
      'C5,Pia,Member,pia@circle-import.example.org,Europe/Amsterdam,nl,mentee,Budgeting',
    ].join('\n');

    // Act
    const preview = (await api.call(PREVIEW, { programId, csv }, as())).data?.previewImport;
    const started = await api.call(START, { programId, csv }, as());
    await api.services.jobs.idle?.();
    const job = (await api.call(JOB, { id: started.data?.startImport.id ?? '' }, as())).data?.importJob;
    const people = (await api.call(PARTICIPANTS, { id: programId }, as())).data?.program?.participants.edges.map((e) => e.node) ?? [];

    // Assert: four enrolled with their topic as the program's one code (leadership is management skills); a topic the program lacks is refused.
    expect(preview?.accepted).toBe(4);
    expect(preview?.rejected).toEqual([
      { line: 6, codes: ['notCircleTopic'], reasons: ['circle topic "Budgeting" is not a focus area of this program'] },
    ]);
    expect(job).toMatchObject({ status: 'DONE', created: 4, failed: 0 });
    expect(people.map((p) => `${p.person?.email} ${p.role} ${p.circleTopic}`).sort()).toEqual([
      'lea@circle-import.example.org MENTOR MANAGEMENT_SKILLS',
      'max@circle-import.example.org MENTEE MANAGEMENT_SKILLS',
      'noor@circle-import.example.org MENTEE CAREER_GROWTH',
      'olaf@circle-import.example.org MENTEE null',
    ]);
  });

  it('refuses a circle topic in a program of another kind as a row problem, and imports the rest', async () => {
    // Prepare: a one-to-one program on the same areas.
    const programId = await program({ name: 'One to one', focusAreas: ['LEADERSHIP'] });
    const csv = [
      'Employee ID,First Name,Last Name,Work Email,Time Zone,Languages,Role,Circle topic',
      'D1,Rik,Mentor,rik@circle-import.example.org,Europe/Amsterdam,nl,mentor,Leadership',
      'D2,Sem,Mentee,sem@circle-import.example.org,Europe/Amsterdam,nl,mentee,',
    ].join('\n');

    // Act
    const preview = (await api.call(PREVIEW, { programId, csv }, as())).data?.previewImport;
    const started = await api.call(START, { programId, csv }, as());
    await api.services.jobs.idle?.();
    const people = (await api.call(PARTICIPANTS, { id: programId }, as())).data?.program?.participants.edges.map((e) => e.node) ?? [];

    // Assert: the row with a topic is listed and never written.
    expect(preview?.rejected).toEqual([
      { line: 2, codes: ['circleTopicNotInKind'], reasons: ['a circle topic fits only a group program: this one forms no circles'] },
    ]);
    expect(started.errors).toBeUndefined();
    expect(people.map((p) => p.person?.email)).toEqual(['sem@circle-import.example.org']);
  });
});
