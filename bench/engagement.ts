/**
 * The engagement job for one program of 10,000 active pairs on DynamoDB Local: reading the pairs,
 * planning the day, writing the outbox and sending what is due (to a channel that only counts).
 * Four runs: the first day the job sees the program (every pair owes a check-in survey), the same
 * day again (idempotent: nothing new), the hourly run two hours later that sends what waited for the
 * end of New York's quiet hours, and the next day (a typical day). Then the local fan-out at
 * reduced scale: many small tenants through the same steps the Distributed Map runs (ADR 0065). The program is written
 * straight to the table in bulk first (not counted).
 */

import os from 'node:os';
import type { MessageChannel, OutboxMessage } from '#domain/engagement/outbox.ts';
import type { Scope } from '#domain/kernel/actors.ts';
import { sortKey } from '#domain/kernel/names.ts';
import { DAY_MS } from '#domain/mentorships/health.ts';
import type { Mentorship } from '#domain/mentorships/pairs.ts';
import type { Enrolment, Person } from '#domain/people/people.ts';
import { changeProgramStatus, createProgram } from '#domain/programs/programs.ts';
import { createTenant } from '#domain/tenancy/tenants.ts';
import { type Bar, progressBar } from '#local/progress.ts';
import { seededRandom } from '#local/seed/random.ts';
import { batchPut } from '#store/batch.ts';
import { mentorshipItem } from '#store/mentorships.ts';
import { enrolmentItem, personItem } from '#store/people.ts';
import { type EngagementResult, runEngagement } from '../functions/jobs/engagement.ts';
import { FAN_OUT_LIMITS } from '../functions/jobs/fanOut.ts';
import { benchServices, mb, ownCpuSeconds, peakRss, processTreeCpuSeconds } from './support.ts';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 10_000);
/** The fan-out at reduced scale: this many tenants of two small programs each. */
const FAN_TENANTS = Number(process.env.BENCH_FAN_TENANTS ?? 100);
const FAN_PAIRS = 5;
const MENTORS = Math.max(1, Math.round(PAIRS / 4));

export async function run(): Promise<Record<string, string | number>> {
  const { services, dynamo } = await benchServices();
  try {
    // Thursday 10:00 UTC: daytime in Europe and Singapore, night (quiet hours) in New York.
    let now = new Date('2026-05-07T10:00:00Z');
    services.clock = () => now;
    let delivered = 0;
    const counting: MessageChannel = {
      name: 'count',
      async deliver(_m: OutboxMessage) {
        delivered++;
      },
    };
    services.channel = counting;
    await createTenant(services, { id: 'bench', role: 'operator', tenantId: null, personId: null }, now, { slug: 'bench', name: 'Bench' });
    const scope: Scope = { tenantId: 'bench', actor: { id: 'bench', role: 'manager', tenantId: 'bench', personId: null }, now };
    const draft = await createProgram(services, scope, { name: 'Large program', engagement: { managerEmail: 'pm@bench.example.org' } });
    const program = await changeProgramStatus(services, scope, draft.id, draft.version, 'OPEN');

    const items = programItems(program.id, 'bench', PAIRS, MENTORS, now, 9);
    const seeded = performance.now();
    await batchPut(services.client, items);
    const seedS = (performance.now() - seeded) / 1000;

    type Cpu = { node: number; dynamo: number };
    const cpuNow = (): Cpu => ({ node: ownCpuSeconds(), dynamo: processTreeCpuSeconds(dynamo.pid) });
    const cpuSince = (from: Cpu): Cpu => {
      const to = cpuNow();
      return { node: to.node - from.node, dynamo: to.dynamo - from.dynamo };
    };
    // Sending starts with the first read of due messages: its wall time and CPU from there to the end.
    let sendStart: { at: number; cpu: Cpu } | null = null;
    const dueMessages = services.outbox.dueMessages;
    services.outbox.dueMessages = (...args) => {
      sendStart ??= { at: performance.now(), cpu: cpuNow() };
      return dueMessages(...args);
    };
    type Timed = { s: number; result: EngagementResult; calls: number; cpu: Cpu; load: number; send: { s: number; cpu: Cpu } | null };
    const timed = async (label: string): Promise<Timed> => {
      const bars = new Map<string, Bar>();
      const calls = services.client.calls.count;
      const cpu = cpuNow();
      sendStart = null;
      const started = performance.now();
      const result = await runEngagement(services, {
        tenantIds: ['bench'],
        onProgress: (step, done, total) => {
          const key = step === 'send' ? 'send' : step;
          let bar = bars.get(key);
          if (!bar) {
            bar = progressBar(
              `${label}: ${step === 'send' ? 'send due messages' : step === 'write' ? 'write outbox' : 'read pairs'}`,
              total,
            );
            bars.set(key, bar);
          }
          bar.update(done);
        },
      });
      for (const bar of bars.values()) bar.stop();
      const end = performance.now();
      const send = sendStart as { at: number; cpu: Cpu } | null;
      return {
        s: (end - started) / 1000,
        result,
        calls: services.client.calls.count - calls,
        cpu: cpuSince(cpu),
        load: os.loadavg()[0] ?? 0,
        send: send ? { s: (end - send.at) / 1000, cpu: cpuSince(send.cpu) } : null,
      };
    };
    const cpuText = (c: Cpu) => `${(c.node + c.dynamo).toFixed(1)} s (${c.node.toFixed(1)} + ${c.dynamo.toFixed(1)})`;
    const describe = (r: Timed) => {
      const p = r.result.programs[0];
      const sent = r.result.sent;
      const send = r.send ? `send ${(r.send.s * 1000).toFixed(0)} ms (CPU ${cpuText(r.send.cpu)})` : 'send';
      return `${r.s.toFixed(1)} s, CPU ${cpuText(r.cpu)} Node + DynamoDB Local, load ${r.load.toFixed(1)} — read ${p?.ms.read} ms, plan ${p?.ms.plan} ms, write ${p?.ms.write} ms, then ${send}; ${p?.planned} planned, ${p?.enqueued} new; sent ${sent.sent}, held for quiet hours ${sent.deferredQuietHours}, over the weekly cap ${sent.deferredCap}; ${r.calls} DynamoDB calls`;
    };

    const first = await timed('first day');
    console.log(`  first day: ${describe(first)}`);
    const again = await timed('same day again');
    console.log(`  same day again: ${describe(again)}`);
    // The job runs every hour (ADR 0065): the one at 12:00 UTC, 08:00 in New York, sends what the
    // morning planned for the end of quiet hours there (ADR 0086). Without it the next day would find
    // yesterday's New York messages due in New York's night again: a once-a-day job never reaching them.
    const morning = now;
    now = new Date(morning.getTime() + 2 * 3_600_000);
    const quietEnd = await timed('New York 08:00');
    console.log(`  New York 08:00 (the hourly run at 12:00 UTC): ${describe(quietEnd)}`);
    now = new Date(morning.getTime() + DAY_MS);
    const next = await timed('next day');
    console.log(`  next day: ${describe(next)}`);
    const fan = await fanOutAtReducedScale(services);
    console.log(`  fan-out: ${fan.line}`);
    return {
      program: `${PAIRS} active pairs, ${MENTORS} mentors`,
      'seeded in bulk (s, not part of the job)': Number(seedS.toFixed(1)),
      'first day (every pair owes a check-in)': describe(first),
      'same day again (idempotent)': describe(again),
      'New York 08:00 (the hourly run at 12:00 UTC)': describe(quietEnd),
      'next day (typical)': describe(next),
      'messages handed to the channel': delivered,
      'messages/s (first day, planned and sent)': Math.round((first.result.programs[0]?.enqueued ?? 0) / first.s),
      'messages/s (typical day)': Math.round((next.result.programs[0]?.planned ?? 0) / next.s),
      'local fan-out at reduced scale': fan.line,
      'hourly run of 1,000 such tenants in AWS (ADR 0065 arithmetic)': fan.projection,
      'peak RSS': mb(peakRss()),
    };
  } finally {
    await dynamo.stop();
  }
}

/** The items of a program of `pairs` active pairs (people, enrolments, mentorships), for one bulk write. */
function programItems(
  programId: string,
  tenantId: string,
  pairs: number,
  mentors: number,
  now: Date,
  seed: number,
): Record<string, unknown>[] {
  const rnd = seededRandom(seed);
  // A tenant's programs do not share people: ids carry the program's.
  const prefix = programId.slice(-6);
  const zones = ['Europe/Amsterdam', 'Europe/Berlin', 'Europe/London', 'America/New_York', 'Asia/Singapore'];
  const items: Record<string, unknown>[] = [];
  const stamp = now.toISOString();
  const people: Person[] = [];
  for (let i = 0; i < mentors + pairs; i++) {
    const mentor = i < mentors;
    const id = `${prefix}${mentor ? 'M' : 'E'}${String(i).padStart(6, '0')}`;
    const person: Person = {
      id,
      tenantId: tenantId,
      externalId: id,
      email: `${id.toLowerCase()}@bench.example.org`,
      givenName: 'Bench',
      familyName: `Person ${i}`,
      displayName: `Bench Person ${i}`,
      sortKey: sortKey('Bench', `Person ${i}`),
      jobTitle: null,
      department: null,
      managerEmail: null,
      location: null,
      timeZone: rnd.pick(zones),
      languages: [rnd.chance(0.6) ? 'nl' : 'en'],
      yearsExperience: null,
      industry: null,
      skillsOffered: [],
      skillsSought: [],
      bio: null,
      links: [],
      createdAt: stamp,
      updatedAt: stamp,
      version: 1,
    };
    people.push(person);
    const enrolment: Enrolment = {
      tenantId: tenantId,
      programId: programId,
      personId: id,
      role: mentor ? 'MENTOR' : 'MENTEE',
      status: 'MATCHED',
      reasons: ['GOAL_SETTING'],
      capacity: mentor ? 4 : null,
      hoursPerMonth: 4,
      openToSponsoring: false,
      shortlist: [],
      withdrawnReason: null,
      sortKey: person.sortKey,
      displayName: person.displayName,
      email: person.email,
      department: null,
      skills: [],
      enrolledAt: stamp,
      activeMentorships: mentor ? 4 : 1,
      firstMatchedAt: stamp,
      openRequests: 0,
      updatedAt: stamp,
      version: 1,
    };
    items.push(personItem(person), enrolmentItem(enrolment));
  }
  for (let i = 0; i < pairs; i++) {
    const mentor = people[i % mentors] as Person;
    const mentee = people[mentors + i] as Person;
    const startDays = rnd.int(1, 240);
    const startedAt = new Date(now.getTime() - startDays * DAY_MS);
    const end = new Date(startedAt);
    end.setUTCMonth(end.getUTCMonth() + 9);
    const met = rnd.chance(0.8);
    const m: Mentorship = {
      id: `${prefix}PAIR${String(i).padStart(6, '0')}`,
      tenantId: tenantId,
      programId: programId,
      mentorId: mentor.id,
      menteeId: mentee.id,
      mentorName: mentor.displayName,
      menteeName: mentee.displayName,
      status: 'ACTIVE',
      source: { kind: 'MANAGER', id: null },
      startedAt: startedAt.toISOString(),
      plannedEndOn: end.toISOString().slice(0, 10),
      lastContactAt: met ? new Date(now.getTime() - rnd.int(0, Math.min(startDays, 70)) * DAY_MS).toISOString() : null,
      meetingCount: met ? rnd.int(1, 8) : 0,
      pausedAt: null,
      endedAt: null,
      endReason: null,
      mentorReflection: null,
      menteeReflection: null,
      version: 1,
    };
    items.push(mentorshipItem(m));
  }
  return items;
}

/**
 * A platform at reduced scale: FAN_TENANTS tenants, each with two programs of FAN_PAIRS pairs, their
 * first day, through the same fan-out the local scheduler runs (bounded concurrency per tenant and
 * per program). Its per-tenant time, spread over the Distributed Map's MaxConcurrency, gives the
 * 1,000-tenant hour of ADR 0065.
 */
async function fanOutAtReducedScale(services: Awaited<ReturnType<typeof benchServices>>['services']) {
  const now = services.clock();
  const operator = { id: 'bench', role: 'operator' as const, tenantId: null, personId: null };
  const tenantIds: string[] = [];
  const items: Record<string, unknown>[] = [];
  for (let t = 0; t < FAN_TENANTS; t++) {
    const slug = `fan-${String(t).padStart(4, '0')}`;
    tenantIds.push(slug);
    await createTenant(services, operator, now, { slug, name: `Fan ${t}` });
    const scope: Scope = { tenantId: slug, actor: { id: 'bench', role: 'manager', tenantId: slug, personId: null }, now };
    for (const name of ['Mentoring', 'Coaching']) {
      const draft = await createProgram(services, scope, { name, engagement: { managerEmail: `pm@${slug}.example.org` } });
      const program = await changeProgramStatus(services, scope, draft.id, draft.version, 'OPEN');
      items.push(...programItems(program.id, slug, FAN_PAIRS, 2, now, t));
    }
  }
  await batchPut(services.client, items);
  const bounds = { tenants: 8, programsPerTenant: 2 };
  const started = performance.now();
  const r = await runEngagement(services, { tenantIds, ...bounds });
  const s = (performance.now() - started) / 1000;
  const units = r.programs.length;
  const messages = r.programs.reduce((n, p) => n + p.enqueued, 0);
  // Per tenant, as one worker sees it: the wall time times the tenants in flight, over the tenants.
  const perTenant = (s * bounds.tenants) / FAN_TENANTS;
  const aws = FAN_OUT_LIMITS.aws.tenants;
  const hour = (1000 / aws) * perTenant;
  return {
    line:
      `${FAN_TENANTS} tenants × 2 programs × ${FAN_PAIRS} pairs: ${s.toFixed(1)} s wall, ${units} program units, ${messages} messages, ` +
      `at most ${bounds.tenants} tenants × ${bounds.programsPerTenant} programs in flight (peak ${r.concurrency.peakUnits} steps), ${r.failed.length} failed; ${perTenant.toFixed(2)} s per tenant`,
    projection: `1,000 tenants / MaxConcurrency ${aws} × ${perTenant.toFixed(2)} s per tenant ≈ ${hour.toFixed(0)} s (${((hour / 3600) * 100).toFixed(1)} % of the hour), on this machine's per-tenant time`,
  };
}
