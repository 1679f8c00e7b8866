/**
 * Discovery (`mentorsForMe`) on DynamoDB Local for a program of 2,000 mentors: one mentee's first
 * page (ranks every mentor from their cards, keeps the order) and the next page (reads the kept
 * order and 20 cards), unfiltered and filtered, timed from the domain call (the reads included) and
 * counted in DynamoDB round trips. The program is written straight to the table in bulk, as bench/matchingRun.ts does.
 */
import { loadavg } from 'node:os';
import type { Scope } from '#domain/kernel/actors.ts';
import { sortKey } from '#domain/kernel/names.ts';
import { mentorsForMe } from '#domain/matching/discovery.ts';
import type { Enrolment, Person } from '#domain/people/people.ts';
import { changeProgramStatus, createProgram, FOCUS_AREAS } from '#domain/programs/programs.ts';
import { createTenant } from '#domain/tenancy/tenants.ts';
import { seededRandom } from '#local/seed/random.ts';
import { batchPut } from '#store/batch.ts';
import { discoveryIndexStore } from '#store/discovery.ts';
import { enrolmentItem, personItem } from '#store/people.ts';
import { benchServices, ownCpuSeconds, processTreeCpuSeconds } from './support.ts';

const MENTORS = Number(process.env.BENCH_MENTORS ?? 2000);
const ROUNDS = 10;

export async function run(): Promise<Record<string, string | number>> {
  const { services, dynamo } = await benchServices();
  try {
    const now = new Date();
    await createTenant(services, { id: 'bench', role: 'operator', tenantId: null, personId: null }, now, { slug: 'bench', name: 'Bench' });
    const scope: Scope = { tenantId: 'bench', actor: { id: 'bench', role: 'manager', tenantId: 'bench', personId: null }, now };
    const draft = await createProgram(services, scope, { name: 'Large program' });
    const program = await changeProgramStatus(services, scope, draft.id, draft.version, 'OPEN');
    const rnd = seededRandom(58);
    const skills = ['negotiation', 'writing', 'public speaking', 'budgeting', 'data analysis', 'sales', 'coaching', 'finance'];
    const stamp = now.toISOString();
    const items: Record<string, unknown>[] = [];
    for (let i = 0; i <= MENTORS; i++) {
      const mentor = i < MENTORS;
      const id = `${mentor ? 'M' : 'E'}${String(i).padStart(6, '0')}`;
      const person: Person = {
        id,
        tenantId: 'bench',
        externalId: id,
        email: `${id.toLowerCase()}@bench.example.org`,
        givenName: 'Bench',
        familyName: `Person ${i}`,
        displayName: `Bench Person ${i}`,
        sortKey: sortKey('Bench', `Person ${i}`),
        jobTitle: rnd.pick(['Engineer', 'Manager', 'Designer', 'Analyst']),
        department: rnd.pick(['IT', 'HR', 'Sales', 'Legal', 'Research', 'Finance']),
        managerEmail: null,
        location: rnd.pick(['Amsterdam', 'Utrecht', 'London', 'Remote']),
        timeZone: 'Europe/Amsterdam',
        languages: rnd.some(['nl', 'en', 'de'], 1, 2),
        yearsExperience: mentor ? rnd.int(8, 35) : 2,
        industry: null,
        skillsOffered: mentor ? rnd.some(skills, 2, 4) : [],
        skillsSought: mentor ? [] : ['coaching', 'writing'],
        bio: mentor ? 'Happy to help with the first years of a career.' : null,
        links: [],
        createdAt: stamp,
        updatedAt: stamp,
        version: 1,
      };
      const enrolment: Enrolment = {
        tenantId: 'bench',
        programId: program.id,
        personId: id,
        role: mentor ? 'MENTOR' : 'MENTEE',
        status: 'ENROLLED',
        reasons: rnd.some(FOCUS_AREAS, 1, 3),
        capacity: mentor ? rnd.int(0, 3) : null,
        hoursPerMonth: rnd.int(2, 8),
        awayUntil: mentor && rnd.chance(0.1) ? '2999-01-01' : null,
        openToSponsoring: false,
        shortlist: [],
        withdrawnReason: null,
        sortKey: person.sortKey,
        displayName: person.displayName,
        email: person.email,
        department: person.department,
        skills: mentor ? person.skillsOffered : person.skillsSought,
        enrolledAt: stamp,
        activeMentorships: 0,
        firstMatchedAt: null,
        openRequests: 0,
        updatedAt: stamp,
        version: 1,
      };
      items.push(personItem(person), enrolmentItem(enrolment, person));
    }
    await batchPut(services.client, items);
    // Written straight to the table, the program's discovery index is built as for a program from before it (ADR 0072).
    const rebuildStart = performance.now();
    const rebuilt = await services.people.rebuildDiscoveryIndex('bench', program.id, stamp);
    const rebuildMs = performance.now() - rebuildStart;
    const mentee: Scope = {
      tenantId: 'bench',
      actor: { id: 'mentee', role: 'participant', tenantId: 'bench', personId: `E${String(MENTORS).padStart(6, '0')}` },
      now,
    };
    const median = (ms: number[]) => Number(([...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)] ?? 0).toFixed(0));
    const p90 = (ms: number[]) => Number(([...ms].sort((a, b) => a - b)[Math.floor(ms.length * 0.9)] ?? 0).toFixed(0));
    // Each round: the first page (ranks every mentor, keeps the order), then the next page (reads the kept order).
    // Node's own clock read last before the call and first after it: reading /proc for DynamoDB Local's is not the call's CPU.
    const cpuNow = () => {
      const dynamoSeconds = processTreeCpuSeconds(dynamo.pid);
      return { node: ownCpuSeconds(), dynamo: dynamoSeconds };
    };
    const cpuMs = (from: { node: number; dynamo: number }, acc: { node: number; dynamo: number }) => {
      const to = { node: ownCpuSeconds(), dynamo: processTreeCpuSeconds(dynamo.pid) };
      acc.node += (to.node - from.node) * 1000;
      acc.dynamo += (to.dynamo - from.dynamo) * 1000;
    };
    const perPage = (acc: { node: number; dynamo: number }) => `${(acc.node / ROUNDS).toFixed(0)} + ${(acc.dynamo / ROUNDS).toFixed(0)}`;
    const time = async (filter: Record<string, unknown>) => {
      const first: number[] = [];
      const next: number[] = [];
      const firstCpu = { node: 0, dynamo: 0 };
      const nextCpu = { node: 0, dynamo: 0 };
      let firstTrips = 0;
      let nextTrips = 0;
      let total = 0;
      for (let r = 0; r < ROUNDS; r++) {
        let calls = services.client.calls.count;
        let cpu = cpuNow();
        let started = performance.now();
        const page = await mentorsForMe(services, mentee, program.id, filter, { first: 20, after: null });
        first.push(performance.now() - started);
        cpuMs(cpu, firstCpu);
        firstTrips = services.client.calls.count - calls;
        total = page.totalCount;
        calls = services.client.calls.count;
        cpu = cpuNow();
        started = performance.now();
        await mentorsForMe(services, mentee, program.id, filter, { first: 20, after: page.after });
        next.push(performance.now() - started);
        cpuMs(cpu, nextCpu);
        nextTrips = services.client.calls.count - calls;
      }
      return {
        first: `${median(first)} / ${p90(first)}`,
        next: `${median(next)} / ${p90(next)}`,
        firstCpu: perPage(firstCpu),
        nextCpu: perPage(nextCpu),
        firstTrips,
        nextTrips,
        total,
      };
    };
    const all = await time({});
    const filtered = await time({ hasRoom: true, search: 'engineer', language: 'Dutch' });
    // The same first page from the mentors' cards (ADR 57's one Query), as for a program whose index is not whole: side by side, same load.
    await discoveryIndexStore(services.client).unmarkDiscoveryIndex('bench', program.id);
    const cards: number[] = [];
    const cardsCpu = { node: 0, dynamo: 0 };
    let cardsTrips = 0;
    for (let r = 0; r < ROUNDS; r++) {
      const calls = services.client.calls.count;
      const cpu = cpuNow();
      const started = performance.now();
      await mentorsForMe(services, mentee, program.id, {}, { first: 20, after: null });
      cards.push(performance.now() - started);
      cpuMs(cpu, cardsCpu);
      cardsTrips = services.client.calls.count - calls;
    }
    return {
      program: `${MENTORS} mentors`,
      'index rebuilt (ms, mentors)': `${rebuildMs.toFixed(0)}, ${rebuilt.mentors}`,
      'first page: median / p90 (ms)': all.first,
      'first page: CPU per page (ms: Node + DynamoDB Local)': all.firstCpu,
      'first page: DynamoDB calls': all.firstTrips,
      'first page from the cards (ADR 57), median / p90 (ms)': `${median(cards)} / ${p90(cards)}`,
      'first page from the cards: CPU per page (ms: Node + DynamoDB Local)': perPage(cardsCpu),
      'first page from the cards: DynamoDB calls': cardsTrips,
      'next page: median / p90 (ms)': all.next,
      'next page: CPU per page (ms: Node + DynamoDB Local)': all.nextCpu,
      'next page: DynamoDB calls': all.nextTrips,
      totalCount: all.total,
      'filtered first page: median / p90 (ms)': filtered.first,
      'filtered first page: DynamoDB calls': filtered.firstTrips,
      'filtered next page: median / p90 (ms)': filtered.next,
      'filtered next page: DynamoDB calls': filtered.nextTrips,
      'filtered totalCount': filtered.total,
      'load average (1 min)': loadavg()[0]?.toFixed(1) ?? '',
    };
  } finally {
    await dynamo.stop();
  }
}
