import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { forgetTenant } from '#graphql/context.ts';
import { ensureTable, freePort, type LocalDynamo, startDynamo } from '#local/dynamo.ts';
import { TestClock, testApi } from '../support/api.ts';
import { type ApiProcess, post, startApiProcess } from '../support/apiProcess.ts';
import { type Api, checkInvariants, gql, local, must, ownTable, scanTable, seedWorld, WHY, type World } from '../support/hostile.ts';

const PROGRAMS = '{ programs { edges { node { id name } } } }';
const CREATE_PROGRAM = 'mutation F_Create($name: String!) { createProgram(input: { name: $name }) { id } }';
const MEETING = `mutation F_Meeting($input: MeetingInput!) { logMeeting(input: $input) { id } }`;
const ANSWER = `mutation F_Answer($id: ID!) { answerRequest(id: $id, version: 1, answer: ACCEPT) { request { status } mentorship { id } } }`;

type Result = Awaited<ReturnType<typeof gql>>;
const codeOf = (r: Result) => r.errors?.[0]?.extensions?.code;

/** A DynamoDB error as the SDK raises it, injected below the SDK's retries (the `deserialize` step runs once per attempt). */
function throttle(api: Api, name: 'ThrottlingException' | 'ProvisionedThroughputExceededException', times: number) {
  const state = { thrown: 0, left: times };
  api.services.client.doc.middlewareStack.add(
    (next) => async (args) => {
      if (state.left > 0) {
        state.left--;
        state.thrown++;
        throw Object.assign(new Error(`Rate of requests exceeds the allowed throughput (${name}, injected)`), {
          name,
          $fault: 'client',
          $metadata: { httpStatusCode: 400, attempts: 1 },
        });
      }
      return next(args);
    },
    { step: 'deserialize', name: 'hostileThrottle' },
  );
  return {
    state,
    remove: () => api.services.client.doc.middlewareStack.remove('hostileThrottle'),
  };
}

describe('DynamoDB throttling, injected at the SDK', () => {
  let api: Api;
  let w: World;

  beforeAll(async () => {
    api = await testApi();
    w = await seedWorld(api, 'Throttled');
  });

  it('retries a throttled call and answers as if nothing happened', async () => {
    const t = throttle(api, 'ThrottlingException', 2);
    try {
      const res = await gql(api, PROGRAMS, {}, w.manager);
      expect(res.errors).toBeUndefined();
      expect(JSON.stringify(res.data)).toContain(w.program);
      expect(t.state.thrown).toBe(2);
    } finally {
      t.remove();
    }
  });

  it('answers a read that stays throttled with a retryable SERVICE_UNAVAILABLE after the retries', async () => {
    const t = throttle(api, 'ThrottlingException', 1_000);
    try {
      const res = await gql(api, PROGRAMS, {}, w.manager);
      expect(codeOf(res)).toBe('SERVICE_UNAVAILABLE');
      expect(res.errors?.[0]?.message).toMatch(/try again/i);
      // The SDK tried more than once (maxAttempts 4) before giving up.
      expect(t.state.thrown).toBeGreaterThanOrEqual(4);
    } finally {
      t.remove();
    }
  }, 60_000);

  it('answers 503 SERVICE_UNAVAILABLE when the tenant lookup before any resolver stays throttled', async () => {
    forgetTenant(w.slug);
    const t = throttle(api, 'ThrottlingException', 1_000);
    try {
      const res = await gql(api, PROGRAMS, {}, w.manager);
      expect(res.status).toBe(503);
      expect(codeOf(res)).toBe('SERVICE_UNAVAILABLE');
    } finally {
      t.remove();
    }
  }, 60_000);

  it('answers a write that stays throttled with SERVICE_UNAVAILABLE, and writes nothing', async () => {
    const before = api.services.client.calls.count;
    const t = throttle(api, 'ProvisionedThroughputExceededException', 1_000);
    let res: Result;
    try {
      res = await gql(api, CREATE_PROGRAM, { name: 'Never written' }, w.manager);
    } finally {
      t.remove();
    }
    expect(codeOf(res)).toBe('SERVICE_UNAVAILABLE');
    expect(api.services.client.calls.count).toBeGreaterThan(before);
    const names = JSON.stringify((await gql(api, PROGRAMS, {}, w.manager)).data);
    expect(names).not.toContain('Never written');
    console.log(`throttling: retried ${t.state.thrown} times, then SERVICE_UNAVAILABLE; nothing written`);
  }, 60_000);
});

/** The JVM serving DynamoDB Local on this port (the one this test started). */
function jvmPid(port: number): number {
  const ps = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  const line = ps.split('\n').find((l) => l.includes('DynamoDBLocal') && l.includes(`-port ${port}`));
  if (!line) throw new Error(`no DynamoDB Local on port ${port}`);
  return Number(line.trim().split(/\s+/)[0]);
}

describe('DynamoDB Local killed mid-request', () => {
  let dir = '';
  let port = 0;
  let dynamo: LocalDynamo;
  const table = 'kindling-fault';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kindling-fault-'));
    port = await freePort();
    dynamo = await startDynamo({ port, dataDir: dir });
    await ensureTable(dynamo.endpoint, table);
  });

  afterAll(async () => {
    await dynamo.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers SERVICE_UNAVAILABLE (never an internal error) while it is down, and keeps the data whole', async () => {
    const api = await testApi({ endpoint: dynamo.endpoint, table });
    const w = await seedWorld(api, 'Killed');
    const meeting = (i: number) => ({
      input: {
        mentorshipId: w.mentorship,
        heldAt: api.clock.now.toISOString(),
        durationMinutes: 30 + i,
        mode: 'CHAT',
      },
    });
    // A burst of writes and reads; the JVM dies under it.
    const burst = Array.from({ length: 40 }, (_, i) =>
      i % 2 ? gql(api, MEETING, meeting(i), w.tokens.mentee) : gql(api, PROGRAMS, {}, w.manager),
    );
    await Promise.race(burst);
    process.kill(jvmPid(port), 'SIGKILL');
    const results = await Promise.all(burst);
    const during = await gql(api, MEETING, meeting(99), w.tokens.mentee);
    const codes = [...results, during].map((r) => codeOf(r) ?? 'OK');
    const odd = [...results, during].filter((r) => codeOf(r) && codeOf(r) !== 'SERVICE_UNAVAILABLE');
    expect(odd.map((r) => JSON.stringify(r.errors?.[0]))).toEqual([]);
    expect(codeOf(during)).toBe('SERVICE_UNAVAILABLE');

    dynamo = await startDynamo({ port, dataDir: dir });
    const after = await gql(api, PROGRAMS, {}, w.manager);
    expect(after.errors).toBeUndefined();
    const report = checkInvariants(await scanTable(dynamo.endpoint, table));
    expect(report.violations).toEqual([]);
    const logged = results.filter((r, i) => i % 2 === 1 && !r.errors).length;
    const pair = await gql(api, `query F_Pair($id: ID!) { mentorship(id: $id) { meetingCount } }`, { id: w.mentorship }, w.manager);
    // Every meeting the API confirmed is there (one more was seeded); one cut off after its commit may be too.
    // DynamoDB Local itself, not Kindling, may lose the one transaction it acknowledged just before SIGKILL:
    // 3 of 17 runs of a bare counter-plus-item TransactWrite loop lost exactly the last acknowledged write
    // (docs/hostile-suite.md, "What DynamoDB Local cannot show"). DynamoDB does not; the invariants above
    // still prove the count equals the meetings stored, so nothing is ever half-written.
    const kept = (pair.data as { mentorship: { meetingCount: number } }).mentorship.meetingCount;
    expect(kept).toBeGreaterThanOrEqual(1 + logged - 1);
    console.log(
      `DynamoDB Local killed under ${results.length} requests: ${codes.filter((c) => c === 'OK').length} answered, ${codes.filter((c) => c === 'SERVICE_UNAVAILABLE').length} SERVICE_UNAVAILABLE, 0 internal; after restart ${report.violations.length} invariant violations`,
    );
  }, 90_000);
});

describe('the API process killed during a burst of accepts', () => {
  let api: Api;
  let table = '';
  let child: ApiProcess | null = null;

  afterAll(async () => {
    await child?.stop();
  });

  it('leaves no mentor over capacity, no mentee in two pairs, and counters equal to a recount', async () => {
    const endpoint = inject('dynamoEndpoint');
    table = await ownTable('hostile-kill');
    // The child process runs on the real clock: seed on it too, or the requests are long expired there.
    api = await testApi({ table, clock: new TestClock(new Date()) });
    const { slug, manager } = await api.newTenant('Burst');
    const program = (
      (await must(api, 'mutation { createProgram(input: { name: "Burst" }) { id } }', {}, manager)).createProgram as { id: string }
    ).id;
    await must(
      api,
      'mutation K_Open($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }',
      { id: program },
      manager,
    );
    const enrol = async (name: string, role: 'MENTOR' | 'MENTEE', capacity?: number) => {
      const input = {
        email: `${name}@burst.example.org`,
        givenName: name,
        familyName: 'Burst',
        timeZone: 'Europe/Amsterdam',
        languages: ['nl'],
      };
      const id = (
        (await must(api, 'mutation K_P($input: PersonInput!) { createPerson(input: $input) { id } }', { input }, manager)).createPerson as {
          id: string;
        }
      ).id;
      await must(
        api,
        'mutation K_E($input: EnrolInput!) { enrol(input: $input) { status } }',
        { input: { personId: id, programId: program, role, reasons: ['GOAL_SETTING'], capacity } },
        manager,
      );
      return { id, token: await api.token('participant', slug, { person: local(id) }) };
    };
    const mentors: { id: string; token: string }[] = [];
    for (let i = 0; i < 4; i++) mentors.push(await enrol(`mentor${i}`, 'MENTOR', 3));
    // Each mentee asks two mentors: accepts race for the mentor's places and for the mentee.
    const requests: { id: string; mentor: number }[] = [];
    for (let i = 0; i < 24; i++) {
      const mentee = await enrol(`mentee${i}`, 'MENTEE');
      for (const m of [i % 4, (i + 1) % 4]) {
        const sent = await must(
          api,
          'mutation K_R($input: RequestInput!) { requestMentor(input: $input) { id } }',
          {
            input: {
              programId: program,
              mentorId: mentors[m]?.id,
              whyThisMentor: WHY,
              focusAreas: ['GOAL_SETTING'],
              timeAsked: 'An hour a month',
            },
          },
          mentee.token,
        );
        requests.push({ id: (sent.requestMentor as { id: string }).id, mentor: m });
      }
    }

    const env = { ...api.issuer.env(), KINDLING_DYNAMO_ENDPOINT: endpoint, KINDLING_TABLE: table, KINDLING_STAGE: 'test' };
    child = await startApiProcess(env);
    const accept = (r: { id: string; mentor: number }, url: string) => post(url, mentors[r.mentor]?.token ?? '', ANSWER, { id: r.id });
    const first = requests.map((r) => accept(r, child?.url ?? ''));
    // Kill it when the first answers are back: some accepts are committed, some in flight, some not begun.
    await Promise.race(first);
    await child.kill();
    const round1 = await Promise.all(first);
    const retryable = (r: Awaited<ReturnType<typeof post>>) => r.cut || r.body.errors?.[0]?.extensions?.code === 'SERVICE_UNAVAILABLE';
    const cut = requests.filter((_, i) => round1[i]?.cut);

    // Clients retry what was cut off or refused as busy, with backoff, against a fresh process.
    child = await startApiProcess(env);
    const again = async (r: { id: string; mentor: number }) => {
      let res = await accept(r, child?.url ?? '');
      for (let attempt = 1; attempt < 8 && retryable(res); attempt++) {
        await new Promise((ok) => setTimeout(ok, Math.random() * 40 * 2 ** attempt));
        res = await accept(r, child?.url ?? '');
      }
      return res;
    };
    const round2 = await Promise.all(requests.filter((_, i) => retryable(round1[i] as never)).map(again));
    const all = [...round1.filter((r) => !retryable(r)), ...round2];
    const codes = all.map((r) => (r.cut ? 'CUT' : (r.body.errors?.[0]?.extensions?.messageKey ?? 'OK')));
    const counts = new Map<string, number>();
    for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
    const tally = [...counts].map(([c, n]) => `${c} ${n}`);
    // Whatever the kill did, every answer is a pair, a conflict, or busy: never an internal error.
    const unexpected = all.filter(
      (r) => !r.cut && !['CONFLICT', 'SERVICE_UNAVAILABLE', undefined].includes(r.body.errors?.[0]?.extensions?.code),
    );
    expect(unexpected.map((r) => JSON.stringify(r.body.errors))).toEqual([]);

    const report = checkInvariants((await scanTable(endpoint, table)).filter((i) => i.PK.startsWith(`T#${slug}`)));
    expect(report.violations).toEqual([]);
    expect(report.runningPairs).toBeLessThanOrEqual(12);
    expect(report.runningPairs).toBeGreaterThan(0);
    const overCapacity = report.violations.filter((v) => v.includes('capacity')).length;
    console.log(
      `${requests.length} concurrent accepts, API process killed after the first answer (${cut.length} cut off; after retries: ${tally.join(', ')}): ${report.runningPairs} pairs started for 12 places, ${overCapacity} over capacity, ${report.violations.length} invariant violations`,
    );
  }, 120_000);
});
