/**
 * `npm run bench -- load [--duration 60] [--clients 50]`: 50 concurrent clients for 60 s on loopback
 * against the local HTTP server (the real Lambda handler, in its own process) on DynamoDB Local, with
 * a realistic mix of reads and writes by managers and participants. Reports requests/s, p50/p99,
 * errors by code, and checks the invariants afterwards.
 */
import { parseArgs } from 'node:util';
import { ensureTable, freePort, startDynamo } from '#local/dynamo.ts';
import { LocalIssuer } from '#local/issuer.ts';
import { progressBar } from '#local/progress.ts';
import { startApiProcess } from '#test/support/apiProcess.ts';
import { checkInvariants, scanTable } from '#test/support/invariants.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  strict: false,
  options: { duration: { type: 'string' }, clients: { type: 'string' } },
});
const DURATION_S = Number(values.duration ?? process.env.BENCH_LOAD_SECONDS ?? 60);
const CLIENTS = Number(values.clients ?? process.env.BENCH_LOAD_CLIENTS ?? 50);
const TABLE = 'kindling-load';
const WHY = 'You led the data team through the reorganisation I am now in, and your talk on it stayed with me.';

type Headers = Record<string, string>;
type Body = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string; messageKey?: string } }[] };

interface Person {
  id: string;
  local: string;
}

/** What the seed made: one tenant, a running program, pairs, and free people for requests and proposals. */
interface LoadWorld {
  slug: string;
  program: string;
  issuer: LocalIssuer;
  pairs: { id: string; mentee: Person }[];
  freeMentors: Person[];
  requesters: Person[];
  proposed: Person[];
}

/**
 * The credentials each client acts with, in one place: the manager with a bearer token from the
 * local issuer; the participants through a partner app's API key (one key per client, acting for
 * each person in turn with X-Kindling-Person), as a member portal would.
 */
interface ClientSetup {
  manager: Headers;
  pairMember: Headers;
  requester: Headers;
  proposed: Headers;
  mentor: Headers;
  pairId: string;
  requester_id: string;
  proposed_id: string;
  mentor_id: string;
}

async function bearer(
  issuer: LocalIssuer,
  slug: string,
  role: 'manager' | 'participant',
  subject: string,
  person?: string,
): Promise<Headers> {
  const { token } = await issuer.token({ tenant: slug, role, subject, person: person ?? null, ttlSeconds: 3600 });
  return { authorization: `Bearer ${token}` };
}

const PARTNER_SCOPES = ['PROGRAMS_READ', 'PROFILES_READ', 'MENTORSHIPS_READ', 'MEETINGS_WRITE', 'REQUESTS_MANAGE'];

/** A partner key issued by the manager through the API (default limits: 600 a minute, bursts of 60). */
async function partnerKey(url: string, manager: Headers, i: number): Promise<string> {
  const data = await must(url, manager, 'mutation LoadKey($i: ApiKeyInput!) { createApiKey(input: $i) { secret } }', {
    i: { name: `load client ${i}`, scopes: PARTNER_SCOPES },
  });
  return (data.createApiKey as { secret: string }).secret;
}

const actingFor = (secret: string, person: Person): Headers => ({ 'x-api-key': secret, 'x-kindling-person': person.id });

/** Client `i`'s identities: a manager, a member of pair i, a mentee free to ask, one to be proposed, and a mentor. */
async function clientSetup(url: string, world: LoadWorld, i: number): Promise<ClientSetup> {
  const pair = world.pairs[i % world.pairs.length];
  const requester = world.requesters[i];
  const proposed = world.proposed[i];
  const mentor = world.freeMentors[i % world.freeMentors.length];
  if (!pair || !requester || !proposed || !mentor) throw new Error(`the seed has too few people for client ${i}`);
  const { issuer, slug } = world;
  const manager = await bearer(issuer, slug, 'manager', `load:manager:${i % 5}`);
  const secret = await partnerKey(url, manager, i);
  return {
    manager,
    pairMember: actingFor(secret, pair.mentee),
    requester: actingFor(secret, requester),
    proposed: actingFor(secret, proposed),
    mentor: actingFor(secret, mentor),
    pairId: pair.id,
    requester_id: requester.id,
    proposed_id: proposed.id,
    mentor_id: mentor.id,
  };
}

async function graphql(url: string, headers: Headers, query: string, variables: Record<string, unknown> = {}): Promise<Body> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Body;
}

async function must(url: string, headers: Headers, query: string, variables: Record<string, unknown> = {}) {
  const body = await graphql(url, headers, query, variables);
  if (body.errors?.length || !body.data) throw new Error(`seed: ${query.slice(0, 50)}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Runs `work` over `items`, `width` at a time. */
async function pool<T, R>(items: T[], width: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i] as T, i);
      }
    }),
  );
  return out;
}

async function seed(url: string, issuer: LocalIssuer, clients: number): Promise<LoadWorld> {
  const slug = 'load';
  const operator = { authorization: `Bearer ${(await issuer.token({ tenant: null, role: 'operator', subject: 'load:operator' })).token}` };
  await must(url, operator, 'mutation($i: CreateTenantInput!) { createTenant(input: $i) { slug } }', {
    i: { slug, name: 'Load Association' },
  });
  const manager = await bearer(issuer, slug, 'manager', 'load:seed');
  const program = (
    (await must(url, manager, 'mutation { createProgram(input: { name: "Load Circle" }) { id } }')).createProgram as { id: string }
  ).id;
  await must(url, manager, 'mutation($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }', { id: program });
  const person = async (name: string, role: 'MENTOR' | 'MENTEE', capacity?: number): Promise<Person> => {
    const input = {
      email: `${name}@load.example.org`,
      givenName: name,
      familyName: 'Load',
      timeZone: 'Europe/Amsterdam',
      languages: ['nl', 'en'],
    };
    const id = (
      (await must(url, manager, 'mutation($i: PersonInput!) { createPerson(input: $i) { id } }', { i: input })).createPerson as {
        id: string;
      }
    ).id;
    await must(url, manager, 'mutation($i: EnrolInput!) { enrol(input: $i) { status } }', {
      i: { personId: id, programId: program, role, reasons: ['GOAL_SETTING'], capacity },
    });
    return { id, local: Buffer.from(id, 'base64url').toString().split(':')[1] ?? '' };
  };
  const n = Math.max(clients, 1);
  const pairMentors = await pool(
    Array.from({ length: Math.ceil(n / 2) }, (_, i) => i),
    8,
    (i) => person(`pm${i}`, 'MENTOR', 3),
  );
  const pairMentees = await pool(
    Array.from({ length: n }, (_, i) => i),
    8,
    (i) => person(`pe${i}`, 'MENTEE'),
  );
  const pairs = await pool(pairMentees, 8, async (mentee, i) => {
    const mentor = pairMentors[Math.floor(i / 2)] as Person;
    const started = await must(url, manager, 'mutation($i: PairInput!) { startMentorship(input: $i) { id } }', {
      i: { programId: program, mentorId: mentor.id, menteeId: mentee.id },
    });
    return { id: (started.startMentorship as { id: string }).id, mentee };
  });
  const freeMentors = await pool(
    Array.from({ length: Math.ceil(n / 5) }, (_, i) => i),
    8,
    (i) => person(`fm${i}`, 'MENTOR', 3),
  );
  const requesters = await pool(
    Array.from({ length: n }, (_, i) => i),
    8,
    (i) => person(`rq${i}`, 'MENTEE'),
  );
  const proposed = await pool(
    Array.from({ length: n }, (_, i) => i),
    8,
    (i) => person(`pp${i}`, 'MENTEE'),
  );
  return { slug, program, issuer, pairs, freeMentors, requesters, proposed };
}

const Q = {
  programs: '{ programs { edges { node { id name status counts { mentors mentees activeMentorships } } } } }',
  people: '{ people(first: 20) { edges { node { id displayName department } } pageInfo { hasNextPage } } }',
  pairs:
    'query($p: ID!) { program(id: $p) { mentorships(first: 20) { edges { node { id status mentorName menteeName health { status } } } } } }',
  participants:
    'query($p: ID!) { program(id: $p) { participants(first: 20, filter: { role: MENTOR }) { edges { node { displayName capacity status } } } } }',
  analytics:
    'query($p: ID!) { program(id: $p) { analytics { mentors mentees activeMentorships matchRate meetings requests { sent declined } } } }',
  me: '{ me { displayName mentorships { id status } } }',
  pair: 'query($id: ID!) { mentorship(id: $id) { status meetingCount health { status nextContactDue } } }',
  meeting: 'mutation($i: MeetingInput!) { logMeeting(input: $i) { id } }',
  request: 'mutation($i: RequestInput!) { requestMentor(input: $i) { id version } }',
  decline:
    'mutation($id: ID!, $v: Int!) { answerRequest(id: $id, version: $v, answer: DECLINE, reason: "My hands are full this quarter.") { request { status } } }',
  propose: 'mutation($i: PairInput!) { proposePair(input: $i) { id version } }',
  respond:
    'mutation($id: ID!, $v: Int!, $r: ProposalResponse!) { respondToProposal(id: $id, version: $v, response: $r, reason: "Not the right moment.") { proposal { status version } } }',
};

interface Stats {
  latencies: number[];
  byKind: { read: number[]; write: number[] };
  reads: number;
  writes: number;
  errors: Map<string, number>;
}

/** One client: a loop of the mix until the deadline. */
async function client(url: string, world: LoadWorld, setup: ClientSetup, deadline: number, stats: Stats): Promise<void> {
  const call = async (kind: 'read' | 'write', headers: Headers, query: string, variables: Record<string, unknown> = {}) => {
    // The run ends on time: no new request after the deadline, even mid-loop.
    if (Date.now() >= deadline) return null;
    const started = performance.now();
    let body: Body = {};
    try {
      body = await graphql(url, headers, query, variables);
    } catch (e) {
      body = { errors: [{ message: String(e), extensions: { code: 'NETWORK' } }] };
    }
    const took = performance.now() - started;
    stats.latencies.push(took);
    stats.byKind[kind].push(took);
    stats[kind === 'read' ? 'reads' : 'writes']++;
    for (const e of body.errors ?? []) {
      const key = `${e.extensions?.code ?? '?'} ${e.extensions?.messageKey ?? ''}`.trim();
      stats.errors.set(key, (stats.errors.get(key) ?? 0) + 1);
    }
    return body.data ?? null;
  };
  const p = { p: world.program };
  while (Date.now() < deadline) {
    await call('read', setup.manager, Q.programs);
    await call('read', setup.manager, Q.people);
    await call('read', setup.manager, Q.pairs, p);
    await call('read', setup.pairMember, Q.me);
    await call('write', setup.pairMember, Q.meeting, {
      i: { mentorshipId: setup.pairId, heldAt: new Date().toISOString(), durationMinutes: 45, mode: 'VIDEO', topics: ['goals'] },
    });
    await call('read', setup.pairMember, Q.pair, { id: setup.pairId });
    const sent = (await call('write', setup.requester, Q.request, {
      i: {
        programId: world.program,
        mentorId: setup.mentor_id,
        whyThisMentor: WHY,
        focusAreas: ['GOAL_SETTING'],
        timeAsked: 'An hour a month',
      },
    })) as { requestMentor?: { id: string; version: number } } | null;
    if (sent?.requestMentor) await call('write', setup.mentor, Q.decline, { id: sent.requestMentor.id, v: sent.requestMentor.version });
    await call('read', setup.manager, Q.participants, p);
    const proposal = (await call('write', setup.manager, Q.propose, {
      i: { programId: world.program, mentorId: setup.mentor_id, menteeId: setup.proposed_id },
    })) as { proposePair?: { id: string; version: number } } | null;
    if (proposal?.proposePair) {
      const accepted = (await call('write', setup.proposed, Q.respond, {
        id: proposal.proposePair.id,
        v: proposal.proposePair.version,
        r: 'ACCEPT',
      })) as {
        respondToProposal?: { proposal: { version: number } };
      } | null;
      if (accepted?.respondToProposal)
        await call('write', setup.mentor, Q.respond, {
          id: proposal.proposePair.id,
          v: accepted.respondToProposal.proposal.version,
          r: 'DECLINE',
        });
    }
    await call('read', setup.manager, Q.analytics, p);
  }
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const split = (list: number[]): string => {
  const sorted = [...list].sort((x, y) => x - y);
  return `${percentile(sorted, 50).toFixed(1)} / ${percentile(sorted, 99).toFixed(1)}`;
};

export async function run(): Promise<Record<string, string | number>> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const dynamo = await startDynamo({ port: await freePort(), dataDir: null });
  let api: Awaited<ReturnType<typeof startApiProcess>> | null = null;
  try {
    await ensureTable(dynamo.endpoint, TABLE);
    const issuer = await LocalIssuer.ephemeral();
    api = await startApiProcess({
      ...issuer.env(),
      KINDLING_DYNAMO_ENDPOINT: dynamo.endpoint,
      KINDLING_TABLE: TABLE,
      KINDLING_STAGE: 'bench',
    });
    const seeded = Date.now();
    const world = await seed(api.url, issuer, CLIENTS);
    console.log(
      `  seeded ${world.pairs.length} pairs and ${world.requesters.length * 2 + world.freeMentors.length} free people in ${((Date.now() - seeded) / 1000).toFixed(1)} s`,
    );
    const setups = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => clientSetup(api?.url ?? '', world, i)));

    const stats: Stats = { latencies: [], byKind: { read: [], write: [] }, reads: 0, writes: 0, errors: new Map() };
    const bar = progressBar(`${CLIENTS} clients for ${DURATION_S} s (seconds)`, DURATION_S);
    const started = Date.now();
    const deadline = started + DURATION_S * 1000;
    const tick = setInterval(() => bar.update(Math.min(DURATION_S, Math.round((Date.now() - started) / 1000))), 1000);
    const cpuBefore = process.cpuUsage();
    await Promise.all(setups.map((s) => client(api?.url ?? '', world, s, deadline, stats)));
    clearInterval(tick);
    bar.update(DURATION_S);
    bar.stop();
    const elapsed = (Date.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);

    const report = checkInvariants(await scanTable(dynamo.endpoint, TABLE));
    const sorted = [...stats.latencies].sort((x, y) => x - y);
    const errors = [...stats.errors.values()].reduce((s, n) => s + n, 0);
    return {
      clients: CLIENTS,
      'duration s': Number(elapsed.toFixed(1)),
      requests: sorted.length,
      'requests/s': Number((sorted.length / elapsed).toFixed(1)),
      'reads / writes': `${stats.reads} / ${stats.writes}`,
      'p50 ms': Number(percentile(sorted, 50).toFixed(1)),
      'p99 ms': Number(percentile(sorted, 99).toFixed(1)),
      'max ms': Number((sorted.at(-1) ?? 0).toFixed(1)),
      'reads p50 / p99 ms': split(stats.byKind.read),
      'writes p50 / p99 ms': split(stats.byKind.write),
      errors,
      'errors by code': errors ? [...stats.errors].map(([k, n]) => `${k}: ${n}`).join('; ') : 'none',
      'invariant violations': report.violations.length,
      'invariants checked': `${report.programs} programs, ${report.pairs} pairs, ${report.mentors} mentors`,
      'client cpu s': Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
      ...(report.violations.length ? { violations: report.violations.slice(0, 5).join('; ') } : {}),
    };
  } finally {
    await api?.stop();
    await dynamo.stop();
  }
}
