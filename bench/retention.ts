/**
 * The nightly retention snapshot for an organisation of 50,000 employees, 5,000 of them in three
 * programs (issue #21; target ≤ 5 s and ≤ 512 MB): first the computation alone, then the whole job
 * on DynamoDB Local (read every HR record — their compact copy, ADR 0078 — and enrolment, compute,
 * write one gzipped item; once building the copy, as the first night after this change does), and the
 * page's read: how many DynamoDB round trips the Retention page costs with the organisation and
 * every program on it (constant: one). The data is written straight to the table first (not counted).
 */
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { computeRetention, type RetentionSnapshot, retentionOf, takeRetentionSnapshot } from '#domain/insights/index.ts';
import type { Scope } from '#domain/kernel/actors.ts';
import type { Enrolment } from '#domain/people/people.ts';
import { createProgram } from '#domain/programs/programs.ts';
import { createTenant } from '#domain/tenancy/tenants.ts';
import { batchPut } from '#store/batch.ts';
import { keys } from '#store/keys.ts';
import { enrolmentItem } from '#store/people.ts';
import { syntheticHistory } from '../test/support/retention.ts';
import { benchServices, mb, ownCpuSeconds, peakRss, processTreeCpuSeconds } from './support.ts';

const EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 50_000);
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 5_000);

export async function run(): Promise<Record<string, string | number>> {
  // 4,000 mentees from the seeded history, and 1,000 of its other colleagues as mentors.
  const history = syntheticHistory({ seed: 50, employees: EMPLOYEES, effect: 0.7, maxMentees: Math.round(PARTICIPANTS * 0.8) });
  const mentees = history.input.programs[0]?.participants ?? [];
  const menteeIds = new Set(mentees.map((p) => p.personId));
  const mentors = history.input.employment
    .filter((e) => !menteeIds.has(e.personId) && e.leaveDate === null)
    .slice(0, PARTICIPANTS - mentees.length)
    .map((e) => ({ personId: e.personId, role: 'MENTOR' as const, since: '2025-01-15T09:00:00Z', reasons: [] }));
  const participants = [...mentees, ...mentors];
  const programs = [0, 1, 2].map((k) => ({
    id: `program-${k}`,
    focusAreas: ['JOB_SKILLS', 'GOAL_SETTING', 'CONNECTIONS'],
    participants: participants.filter((_, i) => i % 3 === k),
  }));
  const input = { ...history.input, programs };

  const rssBefore = peakRss();
  const started = performance.now();
  const snapshot: RetentionSnapshot = computeRetention(input);
  const computeMs = performance.now() - started;
  const gz = gzipSync(JSON.stringify(snapshot)).length;

  // The whole job on DynamoDB Local.
  const { services, dynamo } = await benchServices();
  try {
    const now = input.asOf;
    services.clock = () => now;
    const operator = { id: 'bench', role: 'operator' as const, tenantId: null, personId: null };
    await createTenant(services, operator, now, { slug: 'bench', name: 'Bench', timeZone: 'Europe/Amsterdam', locale: 'en' });
    const scope: Scope = { tenantId: 'bench', actor: { id: 'bench', role: 'manager', tenantId: 'bench', personId: null }, now };
    const stored = [];
    for (const p of programs)
      stored.push({ program: await createProgram(services, scope, { name: p.id, focusAreas: [...p.focusAreas] }), input: p });
    await batchPut(
      services.client,
      history.input.employment.map((e) => ({ ...keys.employment('bench', e.personId), type: 'Employment', ...e, tenantId: 'bench' })),
    );
    const enrolments: Enrolment[] = stored.flatMap(({ program, input: p }) =>
      p.participants.map((part) => ({
        tenantId: 'bench',
        programId: program.id,
        personId: part.personId,
        role: part.role,
        status: 'ENROLLED' as const,
        reasons: [...part.reasons],
        capacity: part.role === 'MENTOR' ? 2 : null,
        hoursPerMonth: 4,
        openToSponsoring: false,
        shortlist: [],
        withdrawnReason: null,
        sortKey: part.personId,
        displayName: part.personId,
        email: `${part.personId}@bench.example.org`,
        department: null,
        skills: [],
        enrolledAt: part.since,
        activeMentorships: 0,
        firstMatchedAt: null,
        openRequests: 0,
        updatedAt: part.since,
        version: 1,
      })),
    );
    await batchPut(
      services.client,
      enrolments.map((e) => enrolmentItem(e)),
    );

    let sends = 0;
    const send = services.client.doc.send.bind(services.client.doc);
    services.client.doc.send = ((command: never) => {
      sends++;
      return send(command);
    }) as typeof services.client.doc.send;

    // The first snapshot after the records were written straight to the table: no compact copy yet, it is built (ADR 0078).
    const buildStarted = performance.now();
    await takeRetentionSnapshot(services, 'bench', now);
    const buildMs = performance.now() - buildStarted;
    const buildSends = sends;

    // The nightly job as it runs every night after: the compact copy, read whole.
    sends = 0;
    const load = loadavg();
    const cpu = { node: ownCpuSeconds(), dynamo: processTreeCpuSeconds(dynamo.pid) };
    const jobStarted = performance.now();
    const taken = await takeRetentionSnapshot(services, 'bench', now);
    const jobMs = performance.now() - jobStarted;
    const jobCpu = { node: ownCpuSeconds() - cpu.node, dynamo: processTreeCpuSeconds(dynamo.pid) - cpu.dynamo };
    const jobSends = sends;

    // The read alone: the compact copy, and the records themselves (the shards at once, ADR 0067), at the same moment.
    const packStarted = performance.now();
    const packed = (await services.insights.retentionRecords('bench')).length;
    const packReadMs = performance.now() - packStarted;
    const readStarted = performance.now();
    await services.insights.allEmployment('bench');
    const recordsReadMs = performance.now() - readStarted;

    // The page: the organisation and every program, through the resolvers' one read per request.
    sends = 0;
    const pageStarted = performance.now();
    let once: Promise<RetentionSnapshot | null> | null = null;
    const loadOnce = (tenantId: string) => {
      once ??= services.insights.getSnapshot(tenantId);
      return once;
    };
    const views = await Promise.all(
      [null, ...stored.map((s) => s.program.id)].map((id) => retentionOf(services, scope, id, 'VOLUNTARY', loadOnce)),
    );
    const pageMs = performance.now() - pageStarted;
    if (views.some((v) => !v.figures)) throw new Error('a view came back empty');

    return {
      employees: EMPLOYEES,
      participants: participants.length,
      'compute ms': computeMs.toFixed(0),
      'peak RSS (process)': mb(Math.max(rssBefore, peakRss())),
      'snapshot item (gzip)': `${(gz / 1024).toFixed(1)} kB`,
      'matched mentees (org)': snapshot.organisation.VOLUNTARY.matching.matchedMentees,
      'hazard ratio (org, all exits; true 0.7)': `${snapshot.organisation.ALL.hazardRatio?.estimate.toFixed(2)} (${snapshot.organisation.ALL.hazardRatio?.low.toFixed(2)}–${snapshot.organisation.ALL.hazardRatio?.high.toFixed(2)})`,
      'first snapshot, builds the compact copy ms': buildMs.toFixed(0),
      'first snapshot round trips': buildSends,
      'job on DynamoDB Local ms': jobMs.toFixed(0),
      'job CPU s (Node / DynamoDB Local)': `${jobCpu.node.toFixed(1)} / ${jobCpu.dynamo.toFixed(1)}`,
      'job round trips': jobSends,
      'load average (1/5/15 min) at the job': load.map((l) => l.toFixed(1)).join(' / '),
      [`compact copy read, ${packed} records ms`]: packReadMs.toFixed(0),
      'the records themselves read, shards at once ms': recordsReadMs.toFixed(0),
      'job employees read': taken.employees,
      'page views (org + programs)': views.length,
      'page round trips': sends,
      'page ms': pageMs.toFixed(0),
    };
  } finally {
    await dynamo.stop();
  }
}
