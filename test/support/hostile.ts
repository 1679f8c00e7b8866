import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { ulid } from 'ulid';
import { inject } from 'vitest';
import { toGlobalId } from '#graphql/ids.ts';
import { ensureTable } from '#local/dynamo.ts';
import type { CallOptions, CallResult, testApi } from './api.ts';

/**
 * Shared by the security suite (test/security): a table of its own to snapshot, two tenants seeded
 * alike through the API, raw GraphQL calls, and the invariants every hostile test checks afterwards.
 */
export type Api = Awaited<ReturnType<typeof testApi>>;
export type Item = Record<string, unknown> & { PK: string; SK: string };

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

/** Every item of the table, in key order (a test may scan; the application never does). */
export async function scanTable(endpoint: string, table: string): Promise<Item[]> {
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 3 }),
  );
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...((page.Items ?? []) as Item[]));
    start = page.LastEvaluatedKey;
  } while (start);
  doc.destroy();
  return items.sort((a, b) => (a.PK === b.PK ? a.SK.localeCompare(b.SK) : a.PK.localeCompare(b.PK)));
}

/** The tenant an item belongs to: its key leads with `T#<slug>`; the platform directory names it in the sort key. */
export function tenantOf(item: Item): string | null {
  if (item.PK === 'PLATFORM') return item.SK.startsWith('TENANT#') ? item.SK.slice('TENANT#'.length) : null;
  return item.PK.startsWith('T#') ? (item.PK.split('#')[1] ?? null) : null;
}

export const local = (globalId: string): string => Buffer.from(globalId, 'base64url').toString().split(':')[1] ?? '';

/** The id types the API hands out, and a well-formed id of each that exists nowhere. */
export const ID_TYPES = ['Tenant', 'Program', 'Person', 'Mentorship', 'Request', 'Proposal', 'Goal', 'ImportJob', 'MatchingRun'] as const;
export type IdType = (typeof ID_TYPES)[number];
export const randomId = (type: IdType): string => toGlobalId(type, type === 'Tenant' ? `t-${randomBytes(5).toString('hex')}` : ulid());

export const WHY = 'You led the data team through the reorganisation I am now in, and your talk on it stayed with me.';

/** One tenant's world, seeded through the API: every kind of record the API can name by id. */
export interface World {
  slug: string;
  manager: string;
  /** Participants: `mentee` and `mentor` are the pair; `outsider` is enrolled with no pair. */
  tokens: { mentee: string; mentor: string; requester: string; outsider: string };
  program: string;
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
  propose: `mutation SeedPropose($input: PairInput!) { proposePair(input: $input) { id } }`,
  rule: `mutation SeedRule($p: ID!, $a: ID!, $b: ID!) { setPairRule(programId: $p, menteeId: $a, mentorId: $b, kind: BLOCK) }`,
  run: `mutation SeedRun($p: ID!) { runMatching(programId: $p) { id } }`,
  import: `mutation SeedImport($p: ID!, $csv: String!) { startImport(programId: $p, csv: $csv, fileName: "hr.csv") { id } }`,
};

const IMPORT_CSV = [
  'Employee ID,First Name,Last Name,Work Email,Time Zone,Languages,Role,Mentoring Reasons,Mentor Capacity',
  'E1,Sanne,de Vries,sanne@example.org,Europe/Amsterdam,nl,mentee,goal setting,',
  'E2,Daan,Bakker,daan@example.org,Europe/Amsterdam,"nl, en",mentor,goal setting,2',
].join('\n');

/** A tenant with a running program, a pair with a goal, meeting and survey, a request, a proposal, a rule, a run and an import. */
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
    await must(api, Q.enrol, { input: { personId: id, programId: program, role, reasons: ['GOAL_SETTING'], capacity } }, manager);
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
      input: { mentorshipId: mentorship, heldAt: api.clock.now.toISOString(), durationMinutes: 45, mode: 'VIDEO', privateNotes: 'private' },
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
            focusAreas: ['GOAL_SETTING'],
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
  await api.services.jobs.idle?.();
  return {
    slug,
    manager,
    tokens,
    program,
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
    },
  };
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));

export interface InvariantReport {
  violations: string[];
  programs: number;
  pairs: number;
  runningPairs: number;
  mentors: number;
}

/**
 * What must hold in every tenant whatever was thrown at it, read from the raw items: no mentor beyond
 * capacity, at most one running pair per mentee per program, each mentor's counter equal to their
 * running pairs, every program's counters equal to a recount, every accepted request or proposal
 * with its pair (and no pair from a source that was not accepted), every pair's meeting count equal
 * to its meetings.
 */
export function checkInvariants(items: Item[]): InvariantReport {
  const violations: string[] = [];
  const byType = (type: string) => items.filter((i) => i.type === type);
  const enrolments = byType('Enrolment');
  const pairs = byType('Mentorship');
  const meetings = byType('Meeting');
  const requests = byType('Request');
  const proposals = byType('Proposal');
  const stats = items.filter((i) => i.SK.startsWith('STATS#'));
  const running = (p: Item) => p.status === 'ACTIVE' || p.status === 'PAUSED';
  const scoped = (i: Item) => `${tenantOf(i)}/${String(i.programId ?? '')}`;

  for (const e of enrolments) {
    const mine = pairs.filter(
      (p) => scoped(p) === scoped(e) && running(p) && p[e.role === 'MENTOR' ? 'mentorId' : 'menteeId'] === e.personId,
    );
    if (e.role === 'MENTOR') {
      if (mine.length > num(e.capacity))
        violations.push(`mentor ${scoped(e)}/${e.personId}: ${mine.length} running pairs, capacity ${e.capacity}`);
      if (mine.length !== num(e.activeMentorships))
        violations.push(`mentor ${scoped(e)}/${e.personId}: counter ${e.activeMentorships}, running pairs ${mine.length}`);
    } else if (mine.length > 1) violations.push(`mentee ${scoped(e)}/${e.personId}: ${mine.length} running pairs`);
  }
  for (const p of pairs) {
    const held = meetings.filter((m) => tenantOf(m) === tenantOf(p) && m.mentorshipId === p.id).length;
    if (held !== num(p.meetingCount)) violations.push(`pair ${scoped(p)}/${p.id}: meetingCount ${p.meetingCount}, meetings ${held}`);
  }
  for (const [kind, list] of [
    ['REQUEST', requests],
    ['PROPOSAL', proposals],
  ] as const) {
    for (const s of list) {
      const started = pairs.filter((p) => tenantOf(p) === tenantOf(s) && (p.source as { kind?: string; id?: string })?.id === s.id);
      if ((s.status === 'ACCEPTED') !== (started.length === 1) || started.length > 1)
        violations.push(`${kind.toLowerCase()} ${scoped(s)}/${s.id}: status ${s.status}, ${started.length} pairs from it`);
    }
  }
  for (const s of stats) {
    const tenant = tenantOf(s);
    const programId = s.SK.slice('STATS#'.length);
    const here = <T extends Item>(list: T[]) => list.filter((i) => tenantOf(i) === tenant && i.programId === programId);
    const e = here(enrolments);
    const p = here(pairs);
    const r = here(requests);
    const pairIds = new Set(p.map((x) => x.id));
    const mapSum = (m: unknown) => Object.values((m ?? {}) as Record<string, unknown>).reduce<number>((a, v) => a + num(v), 0);
    const recount: Record<string, number> = {
      mentors: e.filter((x) => x.role === 'MENTOR' && x.status !== 'WITHDRAWN').length,
      mentees: e.filter((x) => x.role === 'MENTEE' && x.status !== 'WITHDRAWN').length,
      withdrawn: e.filter((x) => x.status === 'WITHDRAWN').length,
      activeMentorships: p.filter(running).length,
      paused: p.filter((x) => x.status === 'PAUSED').length,
      completed: p.filter((x) => x.status === 'COMPLETED').length,
      endedEarly: p.filter((x) => x.status === 'ENDED_EARLY').length,
      meetings: meetings.filter((m) => tenantOf(m) === tenant && pairIds.has(m.mentorshipId)).length,
      requestsSent: r.length,
      requestsAccepted: r.filter((x) => x.status === 'ACCEPTED').length,
      requestsDeclined: r.filter((x) => x.status === 'DECLINED').length,
      requestsExpired: r.filter((x) => x.status === 'EXPIRED').length,
      menteesMatched: new Set(p.map((x) => x.menteeId)).size,
      healthSlots: p.filter((x) => x.status === 'ACTIVE').length,
    };
    const kept: Record<string, number> = Object.fromEntries(Object.keys(recount).map((k) => [k, num(s[k])]));
    kept.healthSlots = mapSum(s.contactDays) + mapSum(s.startDays);
    for (const [k, v] of Object.entries(recount)) {
      if (kept[k] !== v) violations.push(`program ${tenant}/${programId}: ${k} kept ${kept[k]}, recount ${v}`);
    }
  }
  return {
    violations,
    programs: stats.length,
    pairs: pairs.length,
    runningPairs: pairs.filter(running).length,
    mentors: enrolments.filter((e) => e.role === 'MENTOR').length,
  };
}
