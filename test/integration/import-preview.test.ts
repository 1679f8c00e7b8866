import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { codes, testApi } from '../support/api.ts';

/** The people import against people who already exist (issue #16: points 1, 6, 11; issue #15: imports). */
const CREATE_PROGRAM = graphql(`
  mutation PreviewProgram($name: String!) { createProgram(input: { name: $name }) { id } }
`);
const PREVIEW = graphql(`
  query PreviewActions($programId: ID!, $csv: String!) {
    previewImport(programId: $programId, csv: $csv) {
      accepted
      actions { create update unchanged identityChanges }
      changes { line action name currentName identityChange emptyCells changes { field from to } }
      warnings { line reasons }
    }
  }
`);
const START = graphql(`
  mutation PreviewStart($programId: ID!, $csv: String!, $identityChanges: [IdentityChoiceInput!]) {
    startImport(programId: $programId, csv: $csv, identityChanges: $identityChanges) { id accepted }
  }
`);
const JOB = graphql(`
  query PreviewJob($id: ID!) {
    importJob(id: $id) { status created updated unchanged failed problems { kind line reasons codes } }
  }
`);
const PEOPLE = graphql(`
  query PreviewPeople($search: String) {
    people(first: 20, filter: { search: $search }) { edges { node { externalId email givenName familyName jobTitle department managerEmail } } }
  }
`);

const HEADER = 'Employee ID,First Name,Last Name,Work Email,Job Title,Department,Manager Email,Time Zone,Languages,Role';
const csv = (...rows: string[]) => `${HEADER}\n${rows.join('\n')}\n`;
const ADA = 'P1,Ada,Lovelace,ada@example.org,Engineer,Research,,Europe/Amsterdam,en,mentor';
const BOB = 'P2,Bob,de Vries,bob@example.org,Analyst,Finance,ada@example.org,Europe/Amsterdam,nl,mentee';

describe('previewing and importing over people who exist', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let manager = '';
  let programId = '';

  const run = async (file: string, identityChanges?: { line: number; decision: 'REPLACE_PERSON' | 'SAME_PERSON' | 'SKIP' }[]) => {
    const started = await api.call(START, { programId, csv: file, identityChanges }, { token: manager });
    expect(started.errors).toBeUndefined();
    await api.services.jobs.idle?.();
    return (await api.call(JOB, { id: started.data?.startImport.id ?? '' }, { token: manager })).data?.importJob;
  };
  const person = async (search: string) =>
    (await api.call(PEOPLE, { search }, { token: manager })).data?.people.edges.map((e) => e.node) ?? [];

  beforeAll(async () => {
    api = await testApi();
    manager = (await api.newTenant('Preview')).manager;
    programId = (await api.call(CREATE_PROGRAM, { name: 'Preview' }, { token: manager })).data?.createProgram.id ?? '';
    expect(await run(csv(ADA, BOB))).toMatchObject({ status: 'DONE', created: 2 });
  });

  it('says per row whether it creates, updates or leaves a person unchanged, and what changes', async () => {
    // Prepare: Bob changes department, Ada stays, Cy is new.
    const file = csv(ADA, BOB.replace('Finance', 'Legal'), 'P3,Cy,Young,cy@example.org,,,,Europe/Amsterdam,en,mentee');

    // Act
    const preview = (await api.call(PREVIEW, { programId, csv: file }, { token: manager })).data?.previewImport;

    // Assess
    expect(preview?.actions).toEqual({ create: 1, update: 1, unchanged: 1, identityChanges: 0 });
    expect(preview?.changes).toEqual([
      {
        line: 3,
        action: 'UPDATE',
        name: 'Bob de Vries',
        currentName: 'Bob de Vries',
        identityChange: false,
        emptyCells: 'KEEP',
        changes: [{ field: 'DEPARTMENT', from: 'Finance', to: 'Legal' }],
      },
    ]);
  });

  it('keeps the current value for an empty cell of the same person, and writes nothing for an unchanged row', async () => {
    // Prepare: Bob's job title left empty; every write of a person or enrolment counted.
    const writes: string[] = [];
    const people = api.services.people;
    const originals = { replacePerson: people.replacePerson, createPerson: people.createPerson, createEnrolment: people.createEnrolment };
    people.replacePerson = (...args) => {
      writes.push('replacePerson');
      return originals.replacePerson(...args);
    };
    people.createPerson = (...args) => {
      writes.push('createPerson');
      return originals.createPerson(...args);
    };
    people.createEnrolment = (...args) => {
      writes.push('createEnrolment');
      return originals.createEnrolment(...args);
    };
    try {
      // Act
      const job = await run(csv(ADA, BOB.replace('Analyst', '')));

      // Assess
      expect(job).toMatchObject({ status: 'DONE', created: 0, updated: 0, unchanged: 2, failed: 0 });
      expect(writes).toEqual([]);
      expect((await person('bob'))[0]).toMatchObject({ jobTitle: 'Analyst', department: 'Finance' });
    } finally {
      Object.assign(people, originals);
    }
  });

  it('flags a row under another name and e-mail as an identity change and refuses to import it without a choice', async () => {
    // Prepare: employee id P2 now comes with someone else's name and address, and no job title.
    const file = csv(ADA, 'P2,Dirk,Jansen,dirk@example.org,,Sales,,Europe/Amsterdam,nl,mentee');

    // Act
    const preview = (await api.call(PREVIEW, { programId, csv: file }, { token: manager })).data?.previewImport;
    const refused = await api.call(START, { programId, csv: file }, { token: manager });

    // Assess
    expect(preview?.actions.identityChanges).toBe(1);
    expect(preview?.changes[0]).toMatchObject({ line: 3, name: 'Dirk Jansen', currentName: 'Bob de Vries', identityChange: true });
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0]?.extensions?.problems?.map((p) => [p.field, p.rule])).toEqual([['identityChanges.3', 'choiceRequired']]);
    expect((await person('bob'))[0]).toMatchObject({ externalId: 'P2', givenName: 'Bob' });
  });

  it('on REPLACE_PERSON creates the row as its own person, keeping nothing of the other identity', async () => {
    // Act
    const job = await run(csv(ADA, 'P2,Dirk,Jansen,dirk@example.org,,Sales,,Europe/Amsterdam,nl,mentee'), [
      { line: 3, decision: 'REPLACE_PERSON' },
    ]);

    // Assess: Dirk has no job title (the empty cell clears); Bob keeps his record without the employee id.
    expect(job).toMatchObject({ status: 'DONE', created: 1, unchanged: 1, failed: 0 });
    expect((await person('dirk'))[0]).toMatchObject({ externalId: 'P2', jobTitle: null, department: 'Sales' });
    expect((await person('bob'))[0]).toMatchObject({ externalId: null, givenName: 'Bob', jobTitle: 'Analyst' });
  });

  it('on SKIP leaves the row out and says so in the report', async () => {
    // Act
    const job = await run(csv('P1,Eve,Smit,eve@example.org,,,,Europe/Amsterdam,en,mentor'), [{ line: 2, decision: 'SKIP' }]);

    // Assess
    expect(job).toMatchObject({ status: 'DONE', created: 0, updated: 0, unchanged: 0 });
    expect(job?.problems.map((p) => [p.kind, p.line, p.codes])).toEqual([['WARNING', 2, ['identitySkipped']]]);
    expect((await person('ada'))[0]).toMatchObject({ externalId: 'P1', givenName: 'Ada' });
  });

  it('drops a manager cell that closes a reporting-line loop, against the file and against existing people, naming the loop', async () => {
    // Prepare: Dirk (existing) is managed by nobody; Fay manages Gus, Gus manages Fay; Ada is made Dirk's report, Dirk Ada's manager.
    const file = csv(
      'P5,Fay,Bos,fay@example.org,,,gus@example.org,Europe/Amsterdam,en,mentee',
      'P6,Gus,Bos,gus@example.org,,,fay@example.org,Europe/Amsterdam,en,mentee',
      'P1,Ada,Lovelace,ada@example.org,Engineer,Research,dirk@example.org,Europe/Amsterdam,en,mentor',
      'P2,Dirk,Jansen,dirk@example.org,,Sales,ada@example.org,Europe/Amsterdam,nl,mentee',
    );

    // Act
    const preview = (await api.call(PREVIEW, { programId, csv: file }, { token: manager })).data?.previewImport;
    const job = await run(file);

    // Assess
    expect(preview?.warnings.map((w) => [w.line, w.reasons])).toEqual([
      [
        3,
        [
          'manager fay@example.org would close a reporting-line loop (gus@example.org → fay@example.org → gus@example.org): the manager e-mail was left out, the rest of the row is imported',
        ],
      ],
      [
        5,
        [
          'manager ada@example.org would close a reporting-line loop (dirk@example.org → ada@example.org → dirk@example.org): the manager e-mail was left out, the rest of the row is imported',
        ],
      ],
    ]);
    expect(job?.status).toBe('DONE');
    expect((await person('gus'))[0]?.managerEmail).toBeNull();
    expect((await person('fay'))[0]?.managerEmail).toBe('gus@example.org');
    expect((await person('dirk'))[0]?.managerEmail).toBeNull();
  });

  it('imports a person named as their own manager without the manager, with a warning, in the reader’s language', async () => {
    // Act
    const job = await run(csv('P7,Hans,Kok,hans@example.org,,,hans@example.org,Europe/Amsterdam,nl,mentee'));
    const dutch = await api.call(
      JOB,
      {
        id:
          (await api.call(START, { programId, csv: csv('Q1,,Kok,not-an-address,,,,Europe/Amsterdam,nl,mentee') }, { token: manager })).data
            ?.startImport.id ?? '',
      },
      { token: manager, headers: { 'accept-language': 'nl' } },
    );

    // Assess
    expect(job).toMatchObject({ status: 'DONE', created: 1 });
    expect(job?.problems[0]).toMatchObject({ kind: 'WARNING', codes: ['selfManager'] });
    expect((await person('hans'))[0]?.managerEmail).toBeNull();
    expect(dutch.data?.importJob?.problems[0]?.reasons).toEqual(['voornaam mag niet leeg zijn', 'e-mailadres is geen geldig e-mailadres']);
  });
});
