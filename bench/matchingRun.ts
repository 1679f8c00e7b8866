/**
 * A full matching run on DynamoDB Local for a program of 2,000 mentors and 10,000 mentees: from
 * reading the profiles to the proposals written. The program is written straight to the table in
 * bulk (the import path would take minutes on DynamoDB Local); the run is the real one.
 */
import os from 'node:os';
import type { Scope } from '#domain/kernel/actors.ts';
import { sortKey } from '#domain/kernel/names.ts';
import { solve } from '#domain/matching/assignment.ts';
import { candidateEdges } from '#domain/matching/candidates.ts';
import { solveExact } from '#domain/matching/exact.ts';
import { prepareParticipants } from '#domain/matching/plan.ts';
import { runMatching } from '#domain/matching/run.ts';
import type { Enrolment, Person } from '#domain/people/people.ts';
import { changeProgramStatus, createProgram, FOCUS_AREAS, type Program } from '#domain/programs/programs.ts';
import { createTenant } from '#domain/tenancy/tenants.ts';
import { seededRandom } from '#local/seed/random.ts';
import { batchPut } from '#store/batch.ts';
import { enrolmentItem, personItem } from '#store/people.ts';
import { benchServices, mb, ownCpuSeconds, peakRss, processTreeCpuSeconds } from './support.ts';

const MENTORS = Number(process.env.BENCH_MENTORS ?? 2000);
const MENTEES = Number(process.env.BENCH_MENTEES ?? 10_000);

export async function run(): Promise<Record<string, string | number>> {
  const { services, dynamo } = await benchServices();
  try {
    const now = new Date();
    await createTenant(services, { id: 'bench', role: 'operator', tenantId: null, personId: null }, now, { slug: 'bench', name: 'Bench' });
    const scope: Scope = { tenantId: 'bench', actor: { id: 'bench', role: 'manager', tenantId: 'bench', personId: null }, now };
    const draft = await createProgram(services, scope, { name: 'Large program', matching: { objective: 'COVERAGE', minimumScore: 0.2 } });
    const program = await changeProgramStatus(services, scope, draft.id, draft.version, 'OPEN');

    const { items, people, enrolments } = benchProgram(program.id, now);
    const seeded = performance.now();
    await batchPut(services.client, items);
    const seedS = (performance.now() - seeded) / 1000;

    const calls = services.client.calls.count;
    const cpu = { node: ownCpuSeconds(), dynamo: processTreeCpuSeconds(dynamo.pid) };
    // The write's own CPU: DynamoDB Local's share of the run is mostly this.
    const write = { node: 0, dynamo: 0 };
    const createProposals = services.proposals.createProposals;
    services.proposals.createProposals = async (batch) => {
      const before = { node: ownCpuSeconds(), dynamo: processTreeCpuSeconds(dynamo.pid) };
      await createProposals(batch);
      write.node += ownCpuSeconds() - before.node;
      write.dynamo += processTreeCpuSeconds(dynamo.pid) - before.dynamo;
    };
    const started = performance.now();
    const result = await runMatching(services, { ...scope, actor: { ...scope.actor, role: 'operator' } }, program.id, {
      dryRun: false,
      trigger: 'SCHEDULE',
      runId: 'bench-run',
    });
    const runS = (performance.now() - started) / 1000;
    // CPU seconds the run cost this process and DynamoDB Local: a figure that a busy machine does not inflate as it does the wall clock.
    const runCpu = { node: ownCpuSeconds() - cpu.node, dynamo: processTreeCpuSeconds(dynamo.pid) - cpu.dynamo };
    const mentors = new Set(result.pairs.map((pair) => pair.split('|')[1])).size;
    const written = result.counts.proposed * 2 + mentors;
    // BENCH_PLANNING=0 leaves out the in-memory comparison (six more plans) when only the run is wanted.
    const planning = process.env.BENCH_PLANNING === '0' ? {} : comparePlanning(program, people, enrolments, now);
    return {
      program: `${MENTORS} mentors × ${MENTEES} mentees`,
      'seeded in bulk (s, not part of the run)': Number(seedS.toFixed(1)),
      'full run (s)': Number(runS.toFixed(1)),
      'full run, CPU (s: Node + DynamoDB Local)': `${(runCpu.node + runCpu.dynamo).toFixed(1)} (${runCpu.node.toFixed(1)} + ${runCpu.dynamo.toFixed(1)})`,
      'machine load (1-minute average, 2 cores)': os.loadavg()[0]?.toFixed(1) ?? '?',
      'read / score / solve / write (ms)': `${result.timings.readMs} / ${result.timings.scoreMs} / ${result.timings.solveMs} / ${result.timings.writeMs}`,
      'candidate edges': result.counts.edges,
      'certified optimal': result.certification
        ? `${result.certification.certified} over ${result.certification.eligiblePairs} eligible pairs (kept ${result.certification.keptPairs}, added ${result.certification.addedPairs}, priced ${result.certification.pricedPairs}, ${result.certification.rounds} rounds)`
        : 'not recorded',
      'items written (proposals + audit entries + one pointer item per mentor, ADR 0079)': `${written} (${result.counts.proposed} + ${result.counts.proposed} + ${mentors})`,
      'write rate (items/s)': Math.round(written / Math.max(0.001, result.timings.writeMs / 1000)),
      'write, CPU (s: Node + DynamoDB Local)': `${(write.node + write.dynamo).toFixed(1)} (${write.node.toFixed(1)} + ${write.dynamo.toFixed(1)})`,
      proposed: result.counts.proposed,
      unmatched: result.counts.unmatched,
      ...planning,
      'DynamoDB round trips': services.client.calls.count - calls,
      'peak RSS': mb(peakRss()),
    };
  } finally {
    await dynamo.stop();
  }
}

/**
 * The bench program's people and enrolments, generated from a seed (the same every run): mentors
 * first, then mentees, with the items that store them.
 */
export function benchProgram(
  programId: string,
  now: Date,
): { items: Record<string, unknown>[]; people: Map<string, Person>; enrolments: Enrolment[] } {
  const rnd = seededRandom(2000);
  const skills = [
    'negotiation',
    'writing',
    'public speaking',
    'budgeting',
    'cloud architecture',
    'data analysis',
    'sales',
    'UX research',
    'coaching',
    'finance',
    'marketing',
    'design',
  ];
  const zones = ['Europe/Amsterdam', 'Europe/Berlin', 'Europe/London', 'America/New_York', 'Asia/Singapore'];
  const items: Record<string, unknown>[] = [];
  const people = new Map<string, Person>();
  const enrolments: Enrolment[] = [];
  const stamp = now.toISOString();
  for (let i = 0; i < MENTORS + MENTEES; i++) {
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
      jobTitle: null,
      department: rnd.pick(['IT', 'HR', 'Sales', 'Legal', 'Research', 'Finance']),
      managerEmail: i > 50 ? `m${String(i % 50).padStart(6, '0')}@bench.example.org` : null,
      location: rnd.pick(['Amsterdam', 'Berlin', 'London', 'Remote']),
      timeZone: rnd.pick(zones),
      languages: rnd.some(['nl', 'en', 'de', 'fr'], 1, 2),
      yearsExperience: mentor ? rnd.int(8, 35) : rnd.int(0, 8),
      industry: null,
      skillsOffered: mentor ? rnd.some(skills, 2, 5) : [],
      skillsSought: mentor ? [] : rnd.some(skills, 1, 3),
      bio: null,
      links: [],
      createdAt: stamp,
      updatedAt: stamp,
      version: 1,
    };
    const enrolment: Enrolment = {
      tenantId: 'bench',
      programId,
      personId: id,
      role: mentor ? 'MENTOR' : 'MENTEE',
      status: 'ENROLLED',
      reasons: rnd.some(FOCUS_AREAS, 1, mentor ? 4 : 2),
      capacity: mentor ? rnd.int(1, 5) : null,
      hoursPerMonth: rnd.int(2, 8),
      openToSponsoring: mentor && rnd.chance(0.4),
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
    items.push(personItem(person), enrolmentItem(enrolment));
    people.set(person.id, person);
    enrolments.push(enrolment);
  }
  return { items, people, enrolments };
}

/**
 * The price of exactness, in memory: score + solve over each mentee's best 50 (what runs did before)
 * against score + solve + pricing until certified over every eligible pair. Interleaved, medians of 3.
 */
function comparePlanning(
  program: Program,
  people: Map<string, Person>,
  enrolments: Enrolment[],
  now: Date,
): Record<string, string | number> {
  const { mentees, mentors } = prepareParticipants({ enrolments, open: [], ended: [], rules: [], people, now });
  const rules = { blocked: new Set<string>(), ended: new Set<string>() };
  const objective = program.matching.objective === 'COVERAGE' ? 'coverage' : 'weight';
  const truncated: number[] = [];
  const exact: number[] = [];
  let matched = { truncated: 0, exact: 0 };
  for (let k = 0; k < 3; k++) {
    let t = performance.now();
    const space = candidateEdges(mentees, mentors, program.matching, rules);
    const short = solve(
      {
        mentors: space.mentors.map((m) => ({ id: m.personId, capacity: m.remaining })),
        mentees: mentees.map((m) => ({ id: m.personId })),
        edges: space.edges,
      },
      objective,
    );
    truncated.push(performance.now() - t);
    t = performance.now();
    const full = solveExact(
      candidateEdges(mentees, mentors, program.matching, rules),
      mentees.map((m) => m.personId),
      objective,
    );
    exact.push(performance.now() - t);
    matched = { truncated: short.matched, exact: full.solution.matched };
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] as number;
  return {
    'plan: best 50 only (ms, median of 3)': Math.round(median(truncated)),
    'plan: certified over all pairs (ms, median of 3)': Math.round(median(exact)),
    'plan: exact / best-50 time': Number((median(exact) / median(truncated)).toFixed(2)),
    'plan: mentees matched, best 50 → exact': `${matched.truncated} → ${matched.exact}`,
  };
}
