import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { codes, TestClock, testApi } from '../support/api.ts';

const PROGRAM = graphql(`
  mutation JyProgram($input: ProgramInput!) { createProgram(input: $input) { id version focusAreas } }
`);
const OPEN = graphql(`
  mutation JyOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }
`);
const PERSON = graphql(`
  mutation JyPerson($input: PersonInput!) { createPerson(input: $input) { id } }
`);
const ENROL = graphql(`
  mutation JyEnrol($input: EnrolInput!) { enrol(input: $input) { reasons version } }
`);
const CREATE_KEY = graphql(`
  mutation JyKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }
`);
const DISCOVER = graphql(`
  query JyDiscover($programId: ID!, $filter: MentorFilter, $first: Int, $after: String) {
    mentorsForMe(programId: $programId, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          score availability placesLeft hoursPerMonth focusAreas awayUntil
          explanation { criterion score facts { sharedFocusAreas shared } }
          mentor { id displayName jobTitle email yearsExperience managerEmail enrolments { role } }
          openRequest { id }
        }
      }
    }
  }
`);
const PROFILE = graphql(`
  query JyProfile($id: ID!) { person(id: $id) { displayName bio email } }
`);
const REQUEST = graphql(`
  mutation JyRequest($input: RequestInput!, $key: String) {
    requestMentor(input: $input, idempotencyKey: $key) { id status introduction { focusAreas hoursPerMonth hopedOutcome timeAsked } }
  }
`);
const MY_REQUESTS = graphql(`
  query JyMyRequests { me { requests { id status } } }
`);
const READ_REQUEST = graphql(`
  query JyReadRequest($id: ID!) {
    request(id: $id) {
      status version menteeName
      introduction { whyThisMentor timeAsked hoursPerMonth hopedOutcome focusAreas }
      mentee { displayName email }
      nextSuggestions { mentor { id } }
    }
  }
`);
const ANSWER = graphql(`
  mutation JyAnswer($id: ID!, $version: Int!, $reason: String) {
    answerRequest(id: $id, version: $version, answer: DECLINE, reason: $reason) { request { status } }
  }
`);
const LOAD = graphql(`
  mutation JyLoad($key: EnrolmentKey!, $version: Int!, $input: EnrolmentPatch!) {
    updateEnrolment(key: $key, version: $version, input: $input) { capacity hoursPerMonth awayUntil acceptsRequests version }
  }
`);
const DRY_RUN = graphql(`
  mutation JyDryRun($id: ID!) { runMatching(programId: $id, dryRun: true) { counts { mentors } proposals { mentor { id } } } }
`);

const WHY = 'Your talk on leading a team through a reorganisation is exactly where I am now.';

describe('the participant journey through a partner app', () => {
  const clock = new TestClock(new Date('2026-05-04T09:00:00Z'));
  let api: Awaited<ReturnType<typeof testApi>>;
  let a: { slug: string; manager: string };
  let b: { slug: string; manager: string };
  let programId = '';
  let otherTenantMentor = '';
  const people: Record<string, string> = {};
  let menteeKey = '';
  let mentorKey = '';

  const manager = () => ({ token: a.manager });
  const as = (secret: string, person: string, locale = 'en') => ({
    headers: { 'x-api-key': secret, 'x-kindling-person': person, 'accept-language': locale },
  });

  beforeAll(async () => {
    api = await testApi({ clock });
    a = await api.newTenant('Journey A');
    b = await api.newTenant('Journey B');
    // Prepare: a program created with the words, three mentors and a mentee.
    const program = await api.call(
      PROGRAM,
      {
        input: {
          name: 'Journey',
          focusAreas: ['psycho-social support', 'communication skills', 'Branchekennis', 'goals'],
          matching: { requireSharedLanguage: true },
        },
      },
      manager(),
    );
    expect(program.data?.createProgram.focusAreas).toEqual([
      'PSYCHOSOCIAL_SUPPORT',
      'COMMUNICATION_SKILLS',
      'INDUSTRY_KNOWLEDGE',
      'GOAL_SETTING',
    ]);
    programId = program.data?.createProgram.id ?? '';
    await api.call(OPEN, { id: programId, version: 1 }, manager());
    const person = async (name: string, extra: Record<string, unknown> = {}, token = a.manager) =>
      (
        await api.call(
          PERSON,
          {
            input: {
              email: `${name.toLowerCase()}@example.org`,
              givenName: name,
              familyName: 'Tester',
              timeZone: 'Europe/Amsterdam',
              languages: ['nl', 'en'],
              yearsExperience: 12,
              ...extra,
            },
          },
          { token },
        )
      ).data?.createPerson.id ?? '';
    people.anna = await person('Anna', {
      jobTitle: 'Head of Data',
      bio: 'Led the data team through a reorganisation.',
      location: 'Utrecht',
    });
    people.bram = await person('Bram', { jobTitle: 'Sales lead', location: 'Amsterdam' });
    people.cor = await person('Cor', { languages: ['de'], jobTitle: 'Engineer' });
    people.mia = await person('Mia', { yearsExperience: 2, location: 'Utrecht' });
    const enrol = (personId: string, role: 'MENTOR' | 'MENTEE', reasons: string[], extra: Record<string, unknown> = {}) =>
      api.call(ENROL, { input: { personId, programId, role, reasons, ...extra } }, manager());
    await enrol(people.anna, 'MENTOR', ['Communicatievaardigheden', 'psychosocial support'], { capacity: 2, hoursPerMonth: 4 });
    await enrol(people.bram, 'MENTOR', ['industry knowledge'], { capacity: 1, hoursPerMonth: 2 });
    await enrol(people.cor, 'MENTOR', ['communication skills'], { capacity: 1 });
    const mentee = await enrol(people.mia, 'MENTEE', ['communication skills', 'Psycho-sociale ondersteuning']);
    // Normalised to the program's codes; the manager does not see the sensitive one (the program's default).
    expect(mentee.data?.enrol.reasons).toEqual(['COMMUNICATION_SKILLS']);
    otherTenantMentor = await person('Olga', {}, b.manager);
    const scopes = ['MENTORS_READ', 'PROFILES_READ', 'PROFILES_WRITE', 'REQUESTS_MANAGE'];
    const key = await api.call(CREATE_KEY, { input: { name: 'mentee app', scopes: scopes as never } }, manager());
    menteeKey = key.data?.createApiKey.secret ?? '';
    mentorKey = menteeKey;
  });

  it('lets a mentee discover the mentors of their program, ranked, with public profiles only', async () => {
    // Act
    const res = await api.call(DISCOVER, { programId, first: 1 }, as(menteeKey, people.mia ?? ''));
    const next = await api.call(
      DISCOVER,
      { programId, first: 1, after: res.data?.mentorsForMe.pageInfo.endCursor },
      as(menteeKey, people.mia ?? ''),
    );
    // Assess: Cor speaks no language Mia speaks, so the program's rule leaves him out.
    expect(res.errors).toBeUndefined();
    const page = res.data?.mentorsForMe;
    expect(page?.totalCount).toBe(2);
    expect(page?.pageInfo.hasNextPage).toBe(true);
    const best = page?.edges[0]?.node;
    expect(best?.mentor.id).toBe(people.anna);
    expect(best?.availability).toBe('AVAILABLE');
    expect(best?.explanation.map((p) => p.criterion)).toContain('REASONS');
    // No e-mail, experience, reporting line or enrolments of another person; no sensitive focus area.
    expect(best?.mentor).toMatchObject({ email: null, yearsExperience: null, managerEmail: null, enrolments: null });
    expect(best?.focusAreas).toEqual(['COMMUNICATION_SKILLS']);
    expect(JSON.stringify(page)).not.toContain('PSYCHOSOCIAL');
    expect(next.data?.mentorsForMe.edges.map((e) => e.node.mentor.id)).toEqual([people.bram]);
    expect(next.data?.mentorsForMe.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by focus area in any wording, by text and by room, and refuses a sensitive area', async () => {
    const mia = as(menteeKey, people.mia ?? '');
    const byArea = await api.call(DISCOVER, { programId, filter: { focusArea: 'Communicatievaardigheden' } }, mia);
    const byText = await api.call(DISCOVER, { programId, filter: { search: 'reorganisation', language: 'Dutch' } }, mia);
    const sensitive = await api.call(DISCOVER, { programId, filter: { focusArea: 'psycho-social support' } }, mia);
    expect(byArea.data?.mentorsForMe.edges.map((e) => e.node.mentor.id)).toEqual([people.anna]);
    expect(byText.data?.mentorsForMe.edges.map((e) => e.node.mentor.id)).toEqual([people.anna]);
    expect(codes(sensitive)).toEqual(['BAD_USER_INPUT']);
  });

  it('shows a discoverable mentor’s public profile, and nobody else’s', async () => {
    const mia = as(menteeKey, people.mia ?? '');
    const anna = await api.call(PROFILE, { id: people.anna ?? '' }, mia);
    const other = await api.call(PROFILE, { id: otherTenantMentor }, mia);
    expect(anna.data?.person).toEqual({ displayName: 'Anna Tester', bio: 'Led the data team through a reorganisation.', email: null });
    expect(codes(other)).toEqual(['NOT_FOUND']);
  });

  let requestId = '';
  it('sends the introduction in parts once, however often the app retries, and names the open one on a duplicate', async () => {
    // Prepare
    const mia = as(menteeKey, people.mia ?? '', 'nl');
    const input = {
      programId,
      mentorId: people.anna ?? '',
      whyThisMentor: WHY,
      focusAreas: ['communication skills', 'psychosocial support'],
      hoursPerMonth: 2,
      hopedOutcome: 'Confidence to present to the board.',
    };
    // Act
    const bad = await api.call(REQUEST, { input: { ...input, whyThisMentor: 'you', hoursPerMonth: 9, hopedOutcome: 'x' } }, mia);
    const first = await api.call(REQUEST, { input, key: 'retry-key-0001' }, mia);
    const retry = await api.call(REQUEST, { input, key: 'retry-key-0001' }, mia);
    const changed = await api.call(REQUEST, { input: { ...input, hoursPerMonth: 1 }, key: 'retry-key-0001' }, mia);
    const duplicate = await api.call(REQUEST, { input, key: 'retry-key-0002' }, mia);
    const mine = await api.call(MY_REQUESTS, {}, mia);
    // Assess
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    const problems = (bad.errors?.[0]?.extensions?.problems ?? []) as { field: string; reason: string }[];
    expect(problems.map((p) => p.field).sort()).toEqual(['input.hopedOutcome', 'input.hoursPerMonth', 'input.whyThisMentor']);
    expect(problems.find((p) => p.field === 'input.hoursPerMonth')?.reason).toMatch(/uur per maand/);
    expect(first.errors).toBeUndefined();
    requestId = first.data?.requestMentor.id ?? '';
    expect(first.data?.requestMentor.introduction).toEqual({
      focusAreas: ['COMMUNICATION_SKILLS', 'PSYCHOSOCIAL_SUPPORT'],
      hoursPerMonth: 2,
      hopedOutcome: 'Confidence to present to the board.',
      timeAsked: '2 hours a month',
    });
    expect(retry.data?.requestMentor.id).toBe(requestId);
    expect(codes(changed)).toEqual(['CONFLICT']);
    expect(codes(duplicate)).toEqual(['CONFLICT']);
    expect(duplicate.errors?.[0]?.message).toContain(requestId);
    expect(mine.data?.me?.requests?.filter((r) => r.status === 'OPEN')).toHaveLength(1);
  });

  it('lets the mentor read the introduction in full, and nothing private of the mentee', async () => {
    const anna = as(mentorKey, people.anna ?? '');
    const res = await api.call(READ_REQUEST, { id: requestId }, anna);
    expect(res.data?.request?.introduction).toEqual({
      whyThisMentor: WHY,
      timeAsked: '2 hours a month',
      hoursPerMonth: 2,
      hopedOutcome: 'Confidence to present to the board.',
      focusAreas: ['COMMUNICATION_SKILLS', 'PSYCHOSOCIAL_SUPPORT'],
    });
    expect(res.data?.request?.mentee).toEqual({ displayName: 'Mia Tester', email: null });
    expect(res.data?.request?.nextSuggestions).toBeNull();
  });

  it('gives a declined mentee the next best mentors', async () => {
    const anna = as(mentorKey, people.anna ?? '');
    const read = await api.call(READ_REQUEST, { id: requestId }, anna);
    const declined = await api.call(
      ANSWER,
      { id: requestId, version: read.data?.request?.version ?? 0, reason: 'My months are full.' },
      anna,
    );
    const seen = await api.call(READ_REQUEST, { id: requestId }, as(menteeKey, people.mia ?? ''));
    expect(declined.data?.answerRequest.request.status).toBe('DECLINED');
    expect(seen.data?.request?.nextSuggestions?.map((s) => s.mentor.id)).toEqual([people.bram]);
  });

  it('lets two identical requests sent at the same moment with different keys open one request, naming it to the other', async () => {
    // Prepare: Anna declined, so Mia may ask her again (the decline freed the claim).
    const mia = as(menteeKey, people.mia ?? '');
    const input = { programId, mentorId: people.anna ?? '', whyThisMentor: WHY, focusAreas: ['communication skills'], hoursPerMonth: 1 };
    // Act
    const both = await Promise.all([
      api.call(REQUEST, { input, key: 'at-once-key-0001' }, mia),
      api.call(REQUEST, { input, key: 'at-once-key-0002' }, mia),
    ]);
    const mine = await api.call(MY_REQUESTS, {}, mia);
    // Assess
    const sent = both.filter((r) => !r.errors);
    const refused = both.filter((r) => r.errors);
    expect(sent).toHaveLength(1);
    expect(refused.map(codes)).toEqual([['CONFLICT']]);
    expect(refused[0]?.errors?.[0]?.message).toContain(sent[0]?.data?.requestMentor.id ?? 'missing');
    expect(mine.data?.me?.requests?.filter((r) => r.status === 'OPEN').map((r) => r.id)).toEqual([sent[0]?.data?.requestMentor.id]);
  });

  it('lets a mentor go away and stop direct requests; discovery, requests and matching respect it', async () => {
    // Prepare
    const bram = as(mentorKey, people.bram ?? '');
    const key = { personId: people.bram ?? '', programId, role: 'MENTOR' as const };
    // Act
    const away = await api.call(LOAD, { key, version: 1, input: { awayUntil: '2026-06-01', hoursPerMonth: 3 } }, bram);
    const shown = await api.call(DISCOVER, { programId }, as(menteeKey, people.mia ?? ''));
    const roomOnly = await api.call(DISCOVER, { programId, filter: { hasRoom: true } }, as(menteeKey, people.mia ?? ''));
    const asked = await api.call(
      REQUEST,
      {
        input: { programId, mentorId: people.bram ?? '', whyThisMentor: WHY, focusAreas: ['branchekennis'], timeAsked: 'an hour a month' },
      },
      as(menteeKey, people.mia ?? ''),
    );
    const run = await api.call(DRY_RUN, { id: programId }, manager());
    const back = await api.call(LOAD, { key, version: 2, input: { awayUntil: null, acceptsRequests: false } }, bram);
    const closed = await api.call(DISCOVER, { programId }, as(menteeKey, people.mia ?? ''));
    // Assess
    expect(away.data?.updateEnrolment).toMatchObject({ awayUntil: '2026-06-01', hoursPerMonth: 3, acceptsRequests: true });
    const bramShown = shown.data?.mentorsForMe.edges.find((e) => e.node.mentor.id === people.bram)?.node;
    expect(bramShown).toMatchObject({ availability: 'AWAY', awayUntil: '2026-06-01' });
    expect(roomOnly.data?.mentorsForMe.edges.map((e) => e.node.mentor.id)).not.toContain(people.bram);
    expect(codes(asked)).toEqual(['CONFLICT']);
    expect(run.data?.runMatching.proposals?.map((p) => p.mentor?.id)).not.toContain(people.bram);
    expect(back.data?.updateEnrolment).toMatchObject({ awayUntil: null, acceptsRequests: false });
    expect(closed.data?.mentorsForMe.edges.find((e) => e.node.mentor.id === people.bram)?.node.availability).toBe('NOT_ACCEPTING_REQUESTS');
  });

  it('keeps discovery closed to keys without MENTORS_READ, to mentors and to other tenants', async () => {
    const narrow = await api.call(CREATE_KEY, { input: { name: 'narrow', scopes: ['PROFILES_READ'] } }, manager());
    const noScope = await api.call(DISCOVER, { programId }, as(narrow.data?.createApiKey.secret ?? '', people.mia ?? ''));
    const asMentor = await api.call(DISCOVER, { programId }, as(mentorKey, people.anna ?? ''));
    const otherTenant = await api.call(DISCOVER, { programId }, { token: b.manager });
    expect(codes(noScope)).toEqual(['FORBIDDEN']);
    // A mentor of the program is refused as any role without the right is (the hostile suite allows FORBIDDEN or NOT_FOUND).
    expect(codes(asMentor)).toEqual(['FORBIDDEN']);
    expect(codes(otherTenant)).toEqual(['FORBIDDEN']);
  });
});
