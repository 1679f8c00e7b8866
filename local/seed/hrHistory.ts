import type { Scope } from '#domain/kernel/actors.ts';
import { startImport } from '#domain/people/importJobs.ts';
import { enrol, type Person } from '#domain/people/people.ts';
import { changeProgramStatus, createProgram } from '#domain/programs/programs.ts';
import type { Services } from '../../functions/services.ts';
import { DEPARTMENTS, FAMILY_NAMES, GIVEN_NAMES, LOCATIONS } from './names.ts';
import type { seededRandom } from './random.ts';

const DAY = 86_400_000;
const MONTH = 30.4375 * DAY;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Monthly hazard of leaving (about 18 % a year); mentees leave at 0.65× that from their own start. */
const HAZARD = 0.016;
const MENTEE_EFFECT = 0.65;
const COLLEAGUES = 300;
const COHORT_MENTEES = 90;
const COHORT_MENTORS = 25;

const REASONS: [string, number][] = [
  ['CAREER_GROWTH', 30],
  ['Geen doorgroeimogelijkheden', 8],
  ['WORKLOAD_STRESS', 14],
  ['Te hoge werkdruk, burn-out klachten', 6],
  ['MANAGER_RELATIONSHIP', 10],
  ['PAY', 12],
  ['Beter salaris elders', 4],
  ['RECOGNITION', 6],
  ['RELOCATION', 5],
  ['Verhuisd naar Groningen', 3],
  ['PERSONAL', 2],
];

/**
 * Two years of HR history for the demo, through the real people import (issue #21): hire and leave
 * dates, leave types, exit reasons (codes, and Dutch free text the keyword rules read), levels and
 * promotions for the 240 participants and 300 colleagues outside any program; then a past cohort,
 * "Young Professionals 2024", from those colleagues, enrolled on their own dates. Mentees' hazard is
 * 0.65× the others' after they start, so the Retention page shows an effect, and leavers cite growth most.
 */
export async function seedHrHistory(
  services: Services,
  scope: Scope,
  rnd: ReturnType<typeof seededRandom>,
  people: readonly Person[],
  now: Date,
): Promise<{ rows: number; leavers: number }> {
  const t = now.getTime();
  const exp = (rate: number) => (-Math.log(1 - rnd.next()) / rate) * MONTH;
  const weighted = () => {
    let pick = rnd.next() * REASONS.reduce((s, [, w]) => s + w, 0);
    for (const [reason, w] of REASONS) {
      pick -= w;
      if (pick < 0) return reason;
    }
    return 'CAREER_GROWTH';
  };
  const past = await createProgram(
    services,
    { ...scope, now: new Date(t - 760 * DAY) },
    {
      name: 'Young Professionals 2024',
      description: 'The first cohort: young colleagues paired with experienced ones for a year.',
      enrolmentOpensOn: iso(t - 760 * DAY),
      enrolmentClosesOn: iso(t - 700 * DAY),
      focusAreas: ['CONNECTIONS', 'GOAL_SETTING', 'COMMUNICATION_SKILLS'],
      durationMonths: 12,
      mentorCapacityDefault: 3,
    },
  );
  const header = ['Personeelsnummer', 'Voornaam', 'Achternaam', 'E-mail', 'Tijdzone', 'Talen', 'Afdeling', 'Locatie', 'Rol'];
  const hr = ['Datum in dienst', 'Datum uit dienst', 'Soort uit dienst', 'Vertrekreden', 'Niveau', 'Promoties'];
  const rows: string[][] = [];
  let leavers = 0;
  const promotions = (from: number, to: number, perYear: number) => {
    const out: string[] = [];
    for (let at = from + exp(perYear / 12); at < to; at += exp(perYear / 12)) out.push(iso(at));
    return out.join(';');
  };
  // The participants of today's programs: hired one to nine years ago, all still here.
  for (const person of people) {
    const senior = (person.yearsExperience ?? 0) > 7;
    const hired = t - rnd.int(senior ? 900 : 400, senior ? 3200 : 1800) * DAY;
    rows.push([
      person.externalId ?? '',
      person.givenName,
      person.familyName,
      person.email,
      person.timeZone,
      person.languages.join(';'),
      person.department ?? '',
      person.location ?? '',
      'geen',
      iso(hired),
      '',
      '',
      '',
      senior ? 'Senior' : 'Medior',
      promotions(hired, t, 0.12),
    ]);
  }
  // Colleagues, some of whom formed the 2024 cohort: everyone here in the last two years.
  const cohort: { externalId: string; role: 'MENTEE' | 'MENTOR'; since: number }[] = [];
  for (let i = 0; rows.length < people.length + COLLEAGUES; i++) {
    const role = i < COHORT_MENTEES ? 'MENTEE' : i < COHORT_MENTEES + COHORT_MENTORS ? 'MENTOR' : null;
    const since = t - rnd.int(705, 755) * DAY;
    const hired = role ? since - rnd.int(200, 1500) * DAY : t - rnd.int(60, 2600) * DAY;
    let leaves = hired + exp(HAZARD);
    if (role) leaves = since + exp(role === 'MENTEE' ? HAZARD * MENTEE_EFFECT : HAZARD);
    if (leaves < t - 730 * DAY) continue;
    const left = leaves <= t;
    const voluntary = rnd.chance(0.8);
    const place = rnd.pick(LOCATIONS);
    const externalId = `DEMO-HR-${String(i + 1).padStart(4, '0')}`;
    const given = rnd.pick(GIVEN_NAMES);
    const family = rnd.pick(FAMILY_NAMES);
    if (left) leavers++;
    rows.push([
      externalId,
      given,
      family,
      `colleague${i}@demo.example.org`,
      place.timeZone,
      rnd.chance(0.8) ? 'nl' : 'en',
      rnd.pick(DEPARTMENTS),
      place.location,
      'geen',
      iso(hired),
      left ? iso(leaves) : '',
      left ? (voluntary ? 'Vrijwillig' : rnd.pick(['Ontslagen', 'Einde contract'])) : '',
      left && voluntary ? [weighted(), ...(rnd.chance(0.25) ? [weighted()] : [])].join(';') : '',
      role === 'MENTOR' || rnd.chance(0.2) ? 'Senior' : 'Medior',
      promotions(hired, left ? leaves : t, role === 'MENTEE' ? 0.2 : 0.12),
    ]);
    if (role) cohort.push({ externalId, role, since });
  }
  const table = { headers: [...header, ...hr], rows, delimiter: ',' };
  await startImport(services, scope, { programId: past.id, table, fileName: 'hr-export-2026.csv' });
  await services.jobs.idle?.();
  // The 2024 cohort joined on their own dates.
  await changeProgramStatus(services, scope, past.id, past.version, 'OPEN');
  for (const member of cohort) {
    const person = await services.people.findPerson(scope.tenantId, { externalId: member.externalId });
    if (!person) continue;
    await enrol(
      services,
      { ...scope, now: new Date(member.since) },
      {
        personId: person.id,
        programId: past.id,
        role: member.role,
        reasons: rnd.some(past.focusAreas, 1, 2),
        capacity: member.role === 'MENTOR' ? 3 : null,
        hoursPerMonth: rnd.int(2, 6),
        openToSponsoring: false,
      },
    );
  }
  for (const status of ['RUNNING', 'CLOSED'] as const) {
    const current = await services.programs.getProgram(scope.tenantId, past.id);
    if (current) await changeProgramStatus(services, scope, current.id, current.version, status);
  }
  return { rows: rows.length, leavers };
}
