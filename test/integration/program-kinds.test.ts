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

const GROUP_RUN = graphql(`
  mutation PkdGroupRun($programId: ID!) {
    runMatching(programId: $programId) {
      counts { mentees proposed unmatched }
      proposals { id version mentee { id } mentor { id } explanation { criterion score } }
      unmatched { mentee { id } reason }
      certification { certified circles { method objective bound closed { id } unconstrained } }
    }
  }
`);
const CIRCLES = graphql(`
  query PkdCircles($id: ID!) {
    program(id: $id) { circleSize { minimum maximum } circles(first: 10) { edges { node { id status topic mentor { id } members { person { id } } } } } }
  }
`);
const LOG_GROUP = graphql(`
  mutation PkdLogGroup($input: GroupMeetingInput!) {
    logGroupMeeting(input: $input) { id attendees { person { id } } privateNotes }
  }
`);
const CIRCLE = graphql(`
  query PkdCircle($id: ID!) {
    circle(id: $id) {
      status meetingCount health { status lastContactAt }
      members {
        displayName attended lastAttendedAt health { status }
        person { id displayName email enrolments { reasons circleTopic } }
        place { id }
      }
      meetings { heldAt privateNotes attendees { displayName } }
      surveys { rating }
    }
  }
`);
const SURVEY = graphql(`
  mutation PkdSurvey($id: ID!) { submitSurvey(mentorshipId: $id, input: { kind: CHECK_IN, rating: 4 }) { id } }
`);

/** The raw id inside a global id: what a participant's token names. */
const raw = (globalId: string): string => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1] ?? '';

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

  describe('group', () => {
    let programId = '';
    const circle = { id: '' };
    const members: string[] = [];
    const who: Record<string, string> = {};

    beforeAll(async () => {
      // Prepare: circles of 3 to 4. Lena leads a management circle; Sem a job-skills circle in German only.
      // Four mentees ask for management (Dutch); Zoë asks for job skills and speaks Dutch and German.
      const created = await api.call(
        PROGRAM,
        { input: { name: 'Leadership circles', kind: 'GROUP', circleSize: { minimum: 3, maximum: 4 }, matching: { minimumScore: 0 } } },
        manager(),
      );
      expect(created.errors).toBeUndefined();
      programId = created.data?.createProgram.id ?? '';
      await api.call(OPEN, { id: programId }, manager());
      const enrol = async (name: string, role: 'MENTOR' | 'MENTEE', topic: string, over: Record<string, unknown> = {}) => {
        who[name] = await person(`g-${name}`, over);
        const reasons =
          role === 'MENTEE' && name === 'iris' ? ['PSYCHOSOCIAL_SUPPORT', 'MANAGEMENT_SKILLS'] : ['MANAGEMENT_SKILLS', 'JOB_SKILLS'];
        const res = await api.call(
          ENROL,
          {
            input: { personId: who[name] ?? '', programId, role, reasons, circleTopic: topic, capacity: role === 'MENTOR' ? 4 : undefined },
          },
          manager(),
        );
        expect(res.errors).toBeUndefined();
      };
      await enrol('lena', 'MENTOR', 'MANAGEMENT_SKILLS');
      await enrol('sem', 'MENTOR', 'JOB_SKILLS', { languages: ['de'] });
      for (const name of ['iris', 'jan', 'kees', 'lot']) await enrol(name, 'MENTEE', 'MANAGEMENT_SKILLS');
      await enrol('zoe', 'MENTEE', 'JOB_SKILLS', { languages: ['nl', 'de'] });
    });

    it('fills the circle that reaches its minimum and does not open the one below it, proved exact', async () => {
      // Act
      const res = await api.call(GROUP_RUN, { programId }, manager());

      // Assess
      expect(res.errors).toBeUndefined();
      const run = res.data?.runMatching;
      expect(run?.counts).toMatchObject({ mentees: 5, proposed: 4, unmatched: 1 });
      expect(new Set(run?.proposals.map((p) => p.mentor?.id))).toEqual(new Set([who.lena]));
      expect(run?.unmatched).toEqual([{ mentee: { id: who.zoe }, reason: 'CIRCLE_NOT_OPENED' }]);
      expect(run?.certification?.certified).toBe(true);
      expect(run?.certification?.circles).toMatchObject({ method: 'EXACT', closed: [{ id: who.sem }] });
      expect(run?.certification?.circles?.bound).toBe(run?.certification?.circles?.objective);
      expect(run?.certification?.circles?.unconstrained).toBeGreaterThan(run?.certification?.circles?.objective ?? 0);
      // The mentees' topic request weighed in.
      expect(run?.proposals[0]?.explanation.find((e) => e.criterion === 'CIRCLE_TOPIC')?.score).toBe(1);
    });

    it('starts the circle as its members accept, and opens it at its minimum', async () => {
      // Prepare
      const proposals = await api.call(
        graphql(
          `query PkdGroupProposals($id: ID!) { program(id: $id) { proposals(first: 20) { edges { node { id version mentee { id } } } } } }`,
        ),
        { id: programId },
        manager(),
      );

      // Act
      for (const edge of proposals.data?.program?.proposals.edges ?? []) {
        const p = edge.node;
        const approved = await api.call(DECIDE, { id: p.id, version: p.version }, manager());
        const one = await api.call(RESPOND, { id: p.id, version: approved.data?.decideProposal.version ?? 0, side: 'MENTOR' }, manager());
        const two = await api.call(
          RESPOND,
          { id: p.id, version: one.data?.respondToProposal.proposal.version ?? 0, side: 'MENTEE' },
          manager(),
        );
        expect(two.errors).toBeUndefined();
        members.push(p.mentee?.id ?? '');
      }
      const read = await api.call(CIRCLES, { id: programId }, manager());

      // Assess
      const circles = read.data?.program?.circles.edges.map((e) => e.node) ?? [];
      expect(read.data?.program?.circleSize).toEqual({ minimum: 3, maximum: 4 });
      expect(circles).toHaveLength(1);
      expect(circles[0]).toMatchObject({ status: 'ACTIVE', topic: 'MANAGEMENT_SKILLS', mentor: { id: who.lena } });
      expect(new Set(circles[0]?.members.map((m) => m.person?.id))).toEqual(new Set(members));
      circle.id = circles[0]?.id ?? '';
    });

    it('logs a group meeting with attendance, and reads health per circle and per member', async () => {
      // Prepare: the mentor logs; Lot stays away; seven weeks later nobody has met again.
      const lena = await api.token('participant', a.slug, { person: raw(who.lena ?? '') });
      const attendees = [who.iris, who.jan, who.kees].map((id) => id ?? '');
      const heldAt = api.clock.now.toISOString();

      // Act
      const logged = await api.call(
        LOG_GROUP,
        { input: { circleId: circle.id, heldAt, durationMinutes: 60, mode: 'VIDEO', attendees, privateNotes: 'Iris spoke about stress' } },
        { token: lena },
      );
      const byManager = await api.call(CIRCLE, { id: circle.id }, manager());
      api.clock.advanceDays(35);
      const later = await api.call(CIRCLE, { id: circle.id }, manager());

      // Assess
      expect(logged.errors).toBeUndefined();
      expect(logged.data?.logGroupMeeting.attendees.map((m) => m.person?.id).sort()).toEqual([...attendees].sort());
      expect(logged.data?.logGroupMeeting.privateNotes).toBe('Iris spoke about stress');
      const now = byManager.data?.circle;
      expect(now?.meetingCount).toBe(1);
      expect(now?.health.status).toBe('ON_TRACK');
      // A manager is not in the circle: its notes are not theirs.
      expect(now?.meetings[0]?.privateNotes).toBeNull();
      const attended = Object.fromEntries((now?.members ?? []).map((m) => [m.person?.id ?? '', m.attended]));
      expect(attended).toEqual({ [who.iris ?? '']: 1, [who.jan ?? '']: 1, [who.kees ?? '']: 1, [who.lot ?? '']: 0 });
      // Five weeks on: the circle and those who came are due soon; Lot, who never came, has never met.
      const health = Object.fromEntries((later.data?.circle?.members ?? []).map((m) => [m.person?.id ?? '', m.health.status]));
      expect(later.data?.circle?.health.status).toBe('DUE_SOON');
      expect(health).toEqual({
        [who.iris ?? '']: 'DUE_SOON',
        [who.jan ?? '']: 'DUE_SOON',
        [who.kees ?? '']: 'DUE_SOON',
        [who.lot ?? '']: 'NEVER_MET',
      });
    });

    it('shows a member the others’ public profiles only, never their reasons, places or contact; the circle’s notes and surveys', async () => {
      // Prepare: Iris answers the check-in on her place; Jan reads the circle.
      const iris = await api.token('participant', a.slug, { person: raw(who.iris ?? '') });
      const jan = await api.token('participant', a.slug, { person: raw(who.jan ?? '') });
      const own = await api.call(CIRCLE, { id: circle.id }, { token: iris });
      const place = own.data?.circle?.members.find((m) => m.person?.id === who.iris)?.place?.id ?? '';
      const answered = await api.call(SURVEY, { id: place }, { token: iris });

      // Act
      const read = await api.call(CIRCLE, { id: circle.id }, { token: jan });
      const asManager = await api.call(CIRCLE, { id: circle.id }, manager());

      // Assess
      expect(answered.errors).toBeUndefined();
      const circleRead = read.data?.circle;
      const other = circleRead?.members.find((m) => m.person?.id === who.iris);
      expect(other?.person?.displayName).toBe('g-iris Kind');
      expect(other?.person?.email).toBeNull();
      expect(other?.person?.enrolments).toBeNull();
      expect(other?.place).toBeNull();
      expect(JSON.stringify(read.data)).not.toContain('PSYCHOSOCIAL_SUPPORT');
      // Jan sees his own place, the circle's notes, and only his own survey answers (none).
      expect(circleRead?.members.find((m) => m.person?.id === who.jan)?.place).not.toBeNull();
      expect(circleRead?.meetings[0]?.privateNotes).toBe('Iris spoke about stress');
      expect(circleRead?.surveys).toEqual([]);
      expect(asManager.data?.circle?.surveys).toEqual([{ rating: 4 }]);
    });

    it('refuses a member who is not the mentor the group meeting log, and shows the circle to no outsider or other tenant', async () => {
      // Prepare
      const jan = await api.token('participant', a.slug, { person: raw(who.jan ?? '') });
      const outsider = await api.token('participant', a.slug, { person: raw(who.zoe ?? '') });

      // Act
      const logged = await api.call(
        LOG_GROUP,
        { input: { circleId: circle.id, heldAt: api.clock.now.toISOString(), durationMinutes: 30, mode: 'CHAT', attendees: [] } },
        { token: jan },
      );
      const byOutsider = await api.call(CIRCLE, { id: circle.id }, { token: outsider });
      const byOtherTenant = await api.call(CIRCLE, { id: circle.id }, { token: b.manager });
      const theirCircles = await api.call(CIRCLES, { id: programId }, { token: b.manager });

      // Assess
      expect(codes(logged)).toEqual(['FORBIDDEN']);
      expect(byOutsider.data?.circle ?? null).toBeNull();
      expect(byOtherTenant.data?.circle ?? null).toBeNull();
      expect(theirCircles.data?.program ?? null).toBeNull();
    });
  });
});
