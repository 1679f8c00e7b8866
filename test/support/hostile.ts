import { randomBytes } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { ulid } from 'ulid';
import { inject } from 'vitest';
import { toGlobalId } from '#graphql/ids.ts';
import { ensureTable } from '#local/dynamo.ts';
import type { CallOptions, CallResult, testApi } from './api.ts';

export { checkInvariants, type InvariantReport, type Item, scanTable, tenantOf } from './invariants.ts';

/**
 * Shared by the security suite (test/security): a table of its own to snapshot, two tenants seeded
 * alike through the API, raw GraphQL calls, and the invariants every hostile test checks afterwards.
 */
export type Api = Awaited<ReturnType<typeof testApi>>;

const ANY = parse('{ __typename }') as TypedDocumentNode<Record<string, unknown>, Record<string, unknown>>;

/** Any GraphQL text with variables, through the real handler. */
export function gql(
  api: Api,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string | null,
  extra: CallOptions = {},
): Promise<CallResult<Record<string, unknown>>> {
  return api.call(ANY, {}, { ...extra, token: token ?? null, rawBody: JSON.stringify({ query, variables }) });
}

/** The data of a call that must succeed; throws with the errors otherwise (seeding). */
export async function must(api: Api, query: string, variables: Record<string, unknown>, token: string): Promise<Record<string, unknown>> {
  const res = await gql(api, query, variables, token);
  if (res.errors?.length || !res.data) throw new Error(`${query.slice(0, 60)} failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}

/** A table of its own in the shared DynamoDB Local, so a suite can snapshot everything in it. */
export async function ownTable(prefix: string, endpoint: string = inject('dynamoEndpoint')): Promise<string> {
  const name = `${prefix}-${randomBytes(4).toString('hex')}`;
  await ensureTable(endpoint, name);
  return name;
}

export const local = (globalId: string): string => Buffer.from(globalId, 'base64url').toString().split(':')[1] ?? '';

/** The id types the API hands out, and a well-formed id of each that exists nowhere. */
export const ID_TYPES = [
  'Tenant',
  'Program',
  'Person',
  'Mentorship',
  'Request',
  'Proposal',
  'Goal',
  'ImportJob',
  'MatchingRun',
  'ApiKey',
  'WebhookSubscription',
  'WebhookDelivery',
  'Circle',
] as const;
export type IdType = (typeof ID_TYPES)[number];
const localIdOf = (type: IdType): string => {
  if (type === 'Tenant') return `t-${randomBytes(5).toString('hex')}`;
  // A delivery is named with its subscription: `<subscription ulid>_<delivery id>`.
  if (type === 'WebhookDelivery') return `${ulid()}_d${randomBytes(20).toString('base64url')}`;
  return ulid();
};
export const randomId = (type: IdType): string => toGlobalId(type, localIdOf(type));

/** What the seeded pair shares with each other only, and the focus area the program keeps from managers. */
export const PAIR_NOTE = 'Pair-private note: I am struggling at home since the divorce.';
export const SENSITIVE_AREA = 'PSYCHOSOCIAL_SUPPORT';

export const WHY = 'You led the data team through the reorganisation I am now in, and your talk on it stayed with me.';

/** One tenant's world, seeded through the API: every kind of record the API can name by id. */
export interface World {
  slug: string;
  manager: string;
  /** Participants: `mentee` and `mentor` are the pair; `outsider` is enrolled with no pair. */
  tokens: { mentee: string; mentor: string; requester: string; outsider: string };
  program: string;
  /** A group program with one circle (mentor2 leads it, the mentee is in it). */
  groupProgram: string;
  people: { mentor: string; mentor2: string; mentee: string; requester: string; proposed: string; outsider: string };
  mentorship: string;
  request: string;
  proposal: string;
  goal: string;
  importJob: string;
  matchingRun: string;
  /** Real ids by type, for feeding into operations. */
  ids: Record<IdType, string[]>;
}

const Q = {
  program: `mutation SeedProgram($input: ProgramInput!) { createProgram(input: $input) { id version } }`,
  open: `mutation SeedOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }`,
  person: `mutation SeedPerson($input: PersonInput!) { createPerson(input: $input) { id } }`,
  enrol: `mutation SeedEnrol($input: EnrolInput!) { enrol(input: $input) { status } }`,
  start: `mutation SeedStart($input: PairInput!) { startMentorship(input: $input) { id } }`,
  goal: `mutation SeedGoal($id: ID!) { saveGoal(mentorshipId: $id, input: { title: "Chair a meeting" }) { id } }`,
  meeting: `mutation SeedMeeting($input: MeetingInput!) { logMeeting(input: $input) { id } }`,
  survey: `mutation SeedSurvey($id: ID!) { submitSurvey(mentorshipId: $id, input: { kind: CHECK_IN, rating: 4, comment: "Good" }) { id } }`,
  request: `mutation SeedRequest($input: RequestInput!) { requestMentor(input: $input) { id } }`,
  propose: `mutation SeedPropose($input: PairInput!) { proposePair(input: $input) { id version } }`,
  rule: `mutation SeedRule($p: ID!, $a: ID!, $b: ID!) { setPairRule(programId: $p, menteeId: $a, mentorId: $b, kind: BLOCK) }`,
  run: `mutation SeedRun($p: ID!) { runMatching(programId: $p) { id } }`,
  import: `mutation SeedImport($p: ID!, $csv: String!) { startImport(programId: $p, csv: $csv, fileName: "hr.csv") { id } }`,
  ping: `mutation SeedPing($id: ID!) { pingWebhook(id: $id) { id } }`,
  webhook: `mutation SeedWebhook { createWebhookSubscription(input: { url: "https://partner.example.org/hooks", events: [MENTORSHIP_STARTED] }) { subscription { id } } }`,
  accept: `mutation SeedAccept($id: ID!, $version: Int!, $side: ParticipantRole) {
    respondToProposal(id: $id, version: $version, response: ACCEPT, side: $side) { proposal { version } mentorship { circle { id } } } }`,
  apiKey: `mutation SeedApiKey($p: ID!) { createApiKey(input: { name: "portal", scopes: [MENTORSHIPS_READ], programId: $p }) { key { id } } }`,
};

const IMPORT_CSV = [
  'Employee ID,First Name,Last Name,Work Email,Time Zone,Languages,Role,Mentoring Reasons,Mentor Capacity',
  'E1,Sanne,de Vries,sanne@example.org,Europe/Amsterdam,nl,mentee,goal setting,',
  'E2,Daan,Bakker,daan@example.org,Europe/Amsterdam,"nl, en",mentor,goal setting,2',
].join('\n');

/**
 * A tenant with a running program (sensitive focus areas hidden from managers, the default), a pair
 * with a goal, a meeting with a private note and a survey, a request, a proposal, a rule, a run and an import. */
export async function seedWorld(api: Api, name: string): Promise<World> {
  const { slug, manager } = await api.newTenant(name);
  const as = (token: string) => token;
  const program = (
    (await must(api, Q.program, { input: { name: `${name} Circle`, pairing: { maxOpenRequests: 3 } } }, manager)).createProgram as {
      id: string;
    }
  ).id;
  await must(api, Q.open, { id: program }, manager);
  const enrolNew = async (key: string, role: 'MENTOR' | 'MENTEE', capacity?: number) => {
    const input = {
      email: `${key}@${slug}.example.org`,
      givenName: key,
      familyName: 'Hostile',
      timeZone: 'Europe/Amsterdam',
      languages: ['nl'],
    };
    const id = ((await must(api, Q.person, { input }, manager)).createPerson as { id: string }).id;
    const reasons = ['GOAL_SETTING', SENSITIVE_AREA];
    await must(api, Q.enrol, { input: { personId: id, programId: program, role, reasons, capacity } }, manager);
    return id;
  };
  const people = {
    mentor: await enrolNew('mentor', 'MENTOR', 2),
    mentor2: await enrolNew('mentor2', 'MENTOR', 1),
    mentee: await enrolNew('mentee', 'MENTEE'),
    requester: await enrolNew('requester', 'MENTEE'),
    proposed: await enrolNew('proposed', 'MENTEE'),
    outsider: await enrolNew('outsider', 'MENTEE'),
  };
  const participant = (id: string) => api.token('participant', slug, { person: local(id) });
  const tokens = {
    mentee: await participant(people.mentee),
    mentor: await participant(people.mentor),
    requester: await participant(people.requester),
    outsider: await participant(people.outsider),
  };
  const mentorship = (
    (await must(api, Q.start, { input: { programId: program, mentorId: people.mentor, menteeId: people.mentee } }, manager))
      .startMentorship as { id: string }
  ).id;
  const goal = ((await must(api, Q.goal, { id: mentorship }, as(tokens.mentee))).saveGoal as { id: string }).id;
  await must(
    api,
    Q.meeting,
    {
      input: { mentorshipId: mentorship, heldAt: api.clock.now.toISOString(), durationMinutes: 45, mode: 'VIDEO', privateNotes: PAIR_NOTE },
    },
    tokens.mentee,
  );
  await must(api, Q.survey, { id: mentorship }, tokens.mentee);
  const request = (
    (
      await must(
        api,
        Q.request,
        {
          input: {
            programId: program,
            mentorId: people.mentor2,
            whyThisMentor: WHY,
            focusAreas: ['GOAL_SETTING', SENSITIVE_AREA],
            timeAsked: 'An hour a month',
          },
        },
        tokens.requester,
      )
    ).requestMentor as { id: string }
  ).id;
  const proposal = (
    (await must(api, Q.propose, { input: { programId: program, mentorId: people.mentor, menteeId: people.proposed } }, manager))
      .proposePair as { id: string }
  ).id;
  await must(api, Q.rule, { p: program, a: people.outsider, b: people.mentor2 }, manager);
  const matchingRun = ((await must(api, Q.run, { p: program }, manager)).runMatching as { id: string }).id;
  const importJob = ((await must(api, Q.import, { p: program, csv: IMPORT_CSV }, manager)).startImport as { id: string }).id;
  // A group program's circle: mentor2 leads it, the mentee is its member (ADR 0075).
  const group = (
    (await must(api, Q.program, { input: { name: `${name} Circles`, kind: 'GROUP', circleSize: { minimum: 1, maximum: 3 } } }, manager))
      .createProgram as { id: string }
  ).id;
  await must(api, Q.open, { id: group }, manager);
  for (const [personId, role] of [
    [people.mentor2, 'MENTOR'],
    [people.mentee, 'MENTEE'],
  ] as const)
    await must(api, Q.enrol, { input: { personId, programId: group, role, reasons: ['GOAL_SETTING'] } }, manager);
  const place = (await must(api, Q.propose, { input: { programId: group, mentorId: people.mentor2, menteeId: people.mentee } }, manager))
    .proposePair as { id: string; version: number };
  const half = (await must(api, Q.accept, { id: place.id, version: place.version, side: 'MENTOR' }, manager)).respondToProposal as {
    proposal: { version: number };
  };
  const circle = (
    (await must(api, Q.accept, { id: place.id, version: half.proposal.version, side: 'MENTEE' }, manager)).respondToProposal as {
      mentorship: { circle: { id: string } };
    }
  ).mentorship.circle.id;
  const apiKey = ((await must(api, Q.apiKey, { p: program }, manager)).createApiKey as { key: { id: string } }).key.id;
  const webhook = ((await must(api, Q.webhook, {}, manager)).createWebhookSubscription as { subscription: { id: string } }).subscription.id;
  // Nobody answers at partner.example.org: a failed delivery, which `redeliverWebhookDelivery` takes.
  const delivery = ((await must(api, Q.ping, { id: webhook }, manager)).pingWebhook as { id: string }).id;
  await api.services.jobs.idle?.();
  return {
    slug,
    manager,
    tokens,
    program,
    groupProgram: group,
    people,
    mentorship,
    request,
    proposal,
    goal,
    importJob,
    matchingRun,
    ids: {
      Tenant: [toGlobalId('Tenant', slug)],
      Program: [program],
      Person: [people.mentor, people.mentee, people.outsider],
      Mentorship: [mentorship],
      Request: [request],
      Proposal: [proposal],
      Goal: [goal],
      ImportJob: [importJob],
      MatchingRun: [matchingRun],
      ApiKey: [apiKey],
      WebhookSubscription: [webhook],
      WebhookDelivery: [delivery],
      Circle: [circle],
    },
  };
}
