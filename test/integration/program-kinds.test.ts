import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { codes, testApi } from '../support/api.ts';

const PROGRAM = graphql(`
  mutation PkdProgram($input: ProgramInput!) {
    createProgram(input: $input) { id kind roleNames { mentor mentee } matching { weights { criterion weight } } }
  }
`);
const UPDATE = graphql(`
  mutation PkdUpdate($id: ID!, $version: Int!, $input: ProgramInput!) { updateProgram(id: $id, version: $version, input: $input) { kind } }
`);
const OPEN = graphql(`
  mutation PkdOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status version } }
`);
const PERSON = graphql(`
  mutation PkdPerson($input: PersonInput!) { createPerson(input: $input) { id } }
`);
const ENROL = graphql(`
  mutation PkdEnrol($input: EnrolInput!) { enrol(input: $input) { role capacity } }
`);
const RUN = graphql(`
  mutation PkdRun($programId: ID!) {
    runMatching(programId: $programId) {
      counts { mentees proposed unmatched }
      proposals { id version status score mentee { id } mentor { id } explanation { criterion score contribution } }
      unmatched { mentee { id } reason }
      certification { certified eligiblePairs }
    }
  }
`);
const DECIDE = graphql(`
  mutation PkdDecide($id: ID!, $version: Int!) { decideProposal(id: $id, version: $version, decision: APPROVE) { status version } }
`);
const RESPOND = graphql(`
  mutation PkdRespond($id: ID!, $version: Int!, $side: ParticipantRole) {
    respondToProposal(id: $id, version: $version, response: ACCEPT, side: $side) {
      proposal { status version }
      mentorship { id status mentor { id } mentee { id } }
    }
  }
`);
const READ = graphql(`
  query PkdRead($id: ID!) { program(id: $id) { kind roleNames { mentor mentee } counts { activeMentorships } } }
`);

const WHO = ['ada', 'bo', 'cas', 'dirk', 'eef', 'fen', 'gus'] as const;

describe('program kinds: peer and reverse mentoring through the API', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let a: { slug: string; manager: string };
  let b: { slug: string; manager: string };
  const ids: Record<string, string> = {};
  const manager = () => ({ token: a.manager });

  async function person(name: string, over: Record<string, unknown> = {}) {
    const input = {
      email: `${name}@kinds.example.org`,
      givenName: name,
      familyName: 'Kind',
      timeZone: 'Europe/Amsterdam',
      languages: ['nl'],
      ...over,
    };
    ids[name] = (await api.call(PERSON, { input }, manager())).data?.createPerson.id ?? '';
    return ids[name] ?? '';
  }

  beforeAll(async () => {
    api = await testApi();
    a = await api.newTenant('Kinds A');
    b = await api.newTenant('Kinds B');
  });

  describe('peer', () => {
    let programId = '';

    beforeAll(async () => {
      // Prepare: seven peers; bo reports to ada (never a pair), gus speaks only Polish (nobody to talk to).
      const created = await api.call(
        PROGRAM,
        { input: { name: 'New managers', kind: 'PEER', matching: { objective: 'COVERAGE', minimumScore: 0 } } },
        manager(),
      );
      expect(created.errors).toBeUndefined();
      programId = created.data?.createProgram.id ?? '';
      await api.call(OPEN, { id: programId }, manager());
      const skills: Record<string, Record<string, unknown>> = {
        ada: { skillsOffered: ['budgeting'], skillsSought: ['feedback'] },
        bo: { managerEmail: 'ada@kinds.example.org', skillsOffered: ['feedback'], skillsSought: ['budgeting'] },
        cas: { skillsOffered: ['feedback'], skillsSought: ['hiring'] },
        dirk: { skillsOffered: ['hiring'], skillsSought: ['feedback'] },
        eef: { skillsOffered: ['planning'], skillsSought: ['hiring'] },
        fen: { skillsOffered: ['hiring'], skillsSought: ['planning'] },
        gus: { languages: ['pl'] },
      };
      for (const name of WHO) {
        const id = await person(name, skills[name]);
        const enrolled = await api.call(
          ENROL,
          { input: { personId: id, programId, role: 'PEER', reasons: ['MANAGEMENT_SKILLS'] } },
          manager(),
        );
        expect(enrolled.data?.enrol).toEqual({ role: 'PEER', capacity: 1 });
      }
    });

    it('is created as a peer program with weights for colleagues, and takes only peers', async () => {
      // Act
      const read = await api.call(READ, { id: programId }, manager());
      const mentor = await api.call(ENROL, { input: { personId: ids.ada ?? '', programId, role: 'MENTOR', reasons: [] } }, manager());
      const weights = (await api.call(PROGRAM, { input: { name: 'Peers 2', kind: 'PEER' } }, manager())).data?.createProgram.matching
        .weights;

      // Assess
      expect(read.data?.program?.kind).toBe('PEER');
      expect(codes(mentor)).toEqual(['BAD_USER_INPUT']);
      expect(mentor.errors?.[0]?.extensions?.problems?.map((p) => p.field)).toEqual(['input.role']);
      expect(weights?.filter((w) => ['SENIORITY', 'SHORTLIST', 'SPONSORSHIP'].includes(w.criterion)).map((w) => w.weight)).toEqual([
        0, 0, 0,
      ]);
    });

    it('pairs peers exactly: everyone who can be paired is, never within a reporting line, each once', async () => {
      // Act
      const res = await api.call(RUN, { programId }, manager());

      // Assess
      expect(res.errors).toBeUndefined();
      const run = res.data?.runMatching;
      expect(run?.counts).toMatchObject({ mentees: 7, proposed: 3, unmatched: 1 });
      expect(run?.certification?.certified).toBe(true);
      const pairs = (run?.proposals ?? []).map((p) => [p.mentor?.id, p.mentee?.id].sort().join('+'));
      const people = (run?.proposals ?? []).flatMap((p) => [p.mentor?.id, p.mentee?.id]);
      expect(new Set(people).size).toBe(6);
      expect(pairs).not.toContain([ids.ada, ids.bo].sort().join('+'));
      expect(run?.unmatched).toEqual([{ mentee: { id: ids.gus }, reason: 'NO_SHARED_LANGUAGE' }]);
      // Complementary strengths found each other both ways: dirk offers the hiring eef seeks, fen the planning eef offers.
      expect(pairs).toContain([ids.eef, ids.fen].sort().join('+'));
      for (const p of run?.proposals ?? []) {
        const sum = p.explanation.reduce((s, part) => s + part.contribution, 0);
        expect(sum).toBeCloseTo(p.score ?? 0, 2);
      }
    });

    it('starts a pair of peers when both accept, and the next run leaves them be', async () => {
      // Prepare
      const first = (await api.call(RUN, { programId }, manager())).data?.runMatching;
      const listed = await api.call(
        graphql(`query PkdProposals($id: ID!) { program(id: $id) { proposals(first: 20) { edges { node { id version status } } } } }`),
        { id: programId },
        manager(),
      );
      const proposal = listed.data?.program?.proposals.edges[0]?.node;
      expect(first?.counts.proposed).toBe(0);

      // Act
      const approved = await api.call(DECIDE, { id: proposal?.id ?? '', version: proposal?.version ?? 0 }, manager());
      const one = await api.call(
        RESPOND,
        { id: proposal?.id ?? '', version: approved.data?.decideProposal.version ?? 0, side: 'MENTOR' },
        manager(),
      );
      const two = await api.call(
        RESPOND,
        { id: proposal?.id ?? '', version: one.data?.respondToProposal.proposal.version ?? 0, side: 'MENTEE' },
        manager(),
      );

      // Assess
      expect(two.errors).toBeUndefined();
      expect(two.data?.respondToProposal.mentorship?.status).toBe('ACTIVE');
      const read = await api.call(READ, { id: programId }, manager());
      expect(read.data?.program?.counts.activeMentorships).toBe(1);
      const again = (await api.call(RUN, { programId }, manager())).data?.runMatching;
      expect(again?.counts.mentees).toBe(1);
      expect(again?.counts.proposed).toBe(0);
    });

    it('fixes the kind once the program is open, and shows the program to no other tenant', async () => {
      // Act
      const changed = await api.call(UPDATE, { id: programId, version: 2, input: { kind: 'ONE_TO_ONE' } }, manager());
      const theirs = await api.call(READ, { id: programId }, { token: b.manager });

      // Assess
      expect(codes(changed)).toEqual(['BAD_USER_INPUT']);
      expect(changed.errors?.[0]?.extensions?.problems?.map((p) => p.field)).toEqual(['input.kind']);
      expect(theirs.data?.program ?? null).toBeNull();
    });
  });

  describe('reverse', () => {
    it('pairs each executive only with a more junior mentor, named as the program names the roles', async () => {
      // Prepare: a junior and a senior enrolled as mentors; an executive, and one whose experience is unknown.
      const created = await api.call(
        PROGRAM,
        {
          input: {
            name: 'Digital reverse',
            kind: 'REVERSE',
            roleNames: { mentor: 'Digital coach', mentee: 'Executive' },
            matching: { minimumScore: 0 },
          },
        },
        manager(),
      );
      const programId = created.data?.createProgram.id ?? '';
      await api.call(OPEN, { id: programId }, manager());
      const enrol = async (name: string, role: 'MENTOR' | 'MENTEE', years: number | null) => {
        const id = await person(`r-${name}`, { yearsExperience: years });
        await api.call(
          ENROL,
          { input: { personId: id, programId, role, reasons: ['JOB_SKILLS'], capacity: role === 'MENTOR' ? 2 : undefined } },
          manager(),
        );
        return id;
      };
      const junior = await enrol('junior', 'MENTOR', 2);
      await enrol('senior', 'MENTOR', 30);
      const executive = await enrol('exec', 'MENTEE', 25);
      const unknown = await enrol('unknown', 'MENTEE', null);

      // Act
      const run = (await api.call(RUN, { programId }, manager())).data?.runMatching;

      // Assess
      expect(created.data?.createProgram).toMatchObject({ kind: 'REVERSE', roleNames: { mentor: 'Digital coach', mentee: 'Executive' } });
      expect(run?.proposals.map((p) => [p.mentee?.id, p.mentor?.id])).toEqual([[executive, junior]]);
      expect(run?.unmatched).toEqual([{ mentee: { id: unknown }, reason: 'NO_JUNIOR_MENTOR' }]);
    });
  });
});
