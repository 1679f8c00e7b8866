/**
 * A full matching run on DynamoDB Local for a program of 2,000 mentors and 10,000 mentees: from
 * reading the profiles to the proposals written. The program is written straight to the table in
 * bulk (the import path would take minutes on DynamoDB Local); the run is the real one.
 */
import type { Scope } from '#domain/actors.ts';
import { runMatching } from '#domain/matching/run.ts';
import { sortKey } from '#domain/names.ts';
import type { Enrolment, Person } from '#domain/people.ts';
import { changeProgramStatus, createProgram, FOCUS_AREAS } from '#domain/programs.ts';
import { createTenant } from '#domain/tenants.ts';
import { seededRandom } from '#local/seed/random.ts';
import { batchPut } from '#store/batch.ts';
import { enrolmentItem, personItem } from '#store/people.ts';
import { benchServices, mb, peakRss } from './support.ts';

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
        programId: program.id,
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
    }
    const seeded = performance.now();
    await batchPut(services.client, items);
    const seedS = (performance.now() - seeded) / 1000;

    const calls = services.client.calls.count;
    const started = performance.now();
    const result = await runMatching(services, { ...scope, actor: { ...scope.actor, role: 'operator' } }, program.id, {
      dryRun: false,
      trigger: 'SCHEDULE',
      runId: 'bench-run',
    });
    const runS = (performance.now() - started) / 1000;
    return {
      program: `${MENTORS} mentors × ${MENTEES} mentees`,
      'seeded in bulk (s, not part of the run)': Number(seedS.toFixed(1)),
      'full run (s)': Number(runS.toFixed(1)),
      'read / score / solve / write (ms)': `${result.timings.readMs} / ${result.timings.scoreMs} / ${result.timings.solveMs} / ${result.timings.writeMs}`,
      'candidate edges': result.counts.edges,
      proposed: result.counts.proposed,
      unmatched: result.counts.unmatched,
      'DynamoDB round trips': services.client.calls.count - calls,
      'peak RSS': mb(peakRss()),
    };
  } finally {
    await dynamo.stop();
  }
}
