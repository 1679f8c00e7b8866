import type { Actor, Scope } from '#domain/kernel/actors.ts';
import { OUTCOMES, submitSurvey } from '#domain/mentorships/feedback.ts';
import { changeMentorship, logMeeting, type MeetingMode, startMentorship } from '#domain/mentorships/pairs.ts';
import { proposePair, respondToProposal } from '#domain/mentorships/proposals.ts';
import { requestMentor } from '#domain/mentorships/requests.ts';
import { createPerson, type EnrolInput, enrol, type Person } from '#domain/people/people.ts';
import { changeProgramStatus, createProgram, FOCUS_AREAS } from '#domain/programs/programs.ts';
import { createTenant } from '#domain/tenancy/tenants.ts';
import type { Services } from '../../functions/services.ts';
import { seedHrHistory } from './hrHistory.ts';
import { seedKindPrograms } from './kinds.ts';
import { BIOS, DEPARTMENTS, FAMILY_NAMES, GIVEN_NAMES, LANGUAGES, LOCATIONS, SKILLS, TITLES } from './names.ts';
import { inPool, seededRandom } from './random.ts';

export const DEMO_TENANT = 'demo';
const DAY = 86_400_000;

export interface SeedProgress {
  start(total: number, label: string): void;
  tick(): void;
  stop(): void;
}

const silent: SeedProgress = { start: () => undefined, tick: () => undefined, stop: () => undefined };

export interface DemoSummary {
  created: boolean;
  people: number;
  mentors: number;
  mentees: number;
  mentorships: number;
  meetings: number;
}

/**
 * Seeds "Demo Association" through the same domain operations the API uses, so every screen has
 * something real to show: two programs, 60 mentors and 180 mentees in the first, a smaller second
 * program, and active pairs in every health state; then a peer and a reverse mentoring program (kinds.ts). Deterministic, and a no-op when the tenant exists.
 */
export async function seedDemo(services: Services, progress: SeedProgress = silent, now: Date = services.clock()): Promise<DemoSummary> {
  const summary: DemoSummary = { created: false, people: 0, mentors: 0, mentees: 0, mentorships: 0, meetings: 0 };
  if (await services.tenants.getTenant(DEMO_TENANT)) return summary;
  summary.created = true;
  const rnd = seededRandom(20261126);
  const operator: Actor = { id: 'system:seed', role: 'operator', tenantId: null, personId: null };
  await createTenant(services, operator, now, {
    slug: DEMO_TENANT,
    name: 'Demo Association',
    timeZone: 'Europe/Amsterdam',
    locale: 'en',
  });
  const manager: Actor = { id: 'system:seed', role: 'manager', tenantId: DEMO_TENANT, personId: null };
  const scope: Scope = { tenantId: DEMO_TENANT, actor: manager, now };
  const day = (offset: number) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);

  const youngPros = await createProgram(services, scope, {
    name: 'Young Professionals 2026',
    description: 'Members in their first five years of work, paired with experienced members for nine months.',
    enrolmentOpensOn: day(-240),
    enrolmentClosesOn: day(-200),
    focusAreas: [...FOCUS_AREAS],
    durationMonths: 9,
    mentorCapacityDefault: 3,
  });
  const leadership = await createProgram(services, scope, {
    name: 'Leadership Circle',
    description: 'New managers learn from seasoned leaders; sponsorship and introductions into leadership circles.',
    enrolmentOpensOn: day(-14),
    enrolmentClosesOn: day(30),
    focusAreas: ['CONNECTIONS', 'MANAGEMENT_SKILLS', 'GOAL_SETTING', 'PSYCHOSOCIAL_SUPPORT'],
    durationMonths: 12,
    mentorCapacityDefault: 2,
    matching: { approvalMode: 'MANUAL', objective: 'WEIGHT' },
  });
  const open = await changeProgramStatus(services, scope, youngPros.id, youngPros.version, 'OPEN');
  const running = await changeProgramStatus(services, scope, open.id, open.version, 'RUNNING');
  await changeProgramStatus(services, scope, leadership.id, leadership.version, 'OPEN');

  // 240 people: the first 60 mentor, the rest are mentees; some take part in the second program too.
  const used = new Set<string>();
  const specs = Array.from({ length: 240 }, (_, i) => {
    let given: string;
    let family: string;
    do {
      given = rnd.pick(GIVEN_NAMES);
      family = rnd.pick(FAMILY_NAMES);
    } while (used.has(`${given} ${family}`));
    used.add(`${given} ${family}`);
    const mentor = i < 60;
    const place = rnd.pick(LOCATIONS);
    const email = `${given}.${family}`
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^A-Za-z.]+/g, '')
      .toLowerCase();
    return {
      mentor,
      input: {
        externalId: `DEMO-${String(i + 1).padStart(4, '0')}`,
        // Mixed case as HR systems export it; the domain stores it lower-cased.
        email: `${i % 7 === 0 ? email.toUpperCase() : email}${i}@demo.example.org`,
        givenName: given,
        familyName: family,
        jobTitle: rnd.pick(mentor ? TITLES.senior : TITLES.junior),
        department: rnd.pick(DEPARTMENTS),
        location: place.location,
        timeZone: place.timeZone,
        languages: [...new Set([rnd.chance(0.8) ? 'nl' : 'en', ...rnd.some(LANGUAGES, 1, 2)])],
        yearsExperience: mentor ? rnd.int(8, 35) : rnd.int(0, 6),
        industry: rnd.pick(['Non-profit', 'Technology', 'Finance', 'Public sector', 'Healthcare']),
        skillsOffered: mentor ? rnd.some(SKILLS, 2, 5) : rnd.some(SKILLS, 0, 1),
        skillsSought: mentor ? [] : rnd.some(SKILLS, 2, 4),
        bio: rnd.pick(BIOS),
      },
    };
  });

  progress.start(specs.length, 'people');
  const people: Person[] = new Array(specs.length);
  await inPool(specs, 8, async (spec, i) => {
    people[i] = await createPerson(services, scope, spec.input);
    progress.tick();
  });
  progress.stop();
  summary.people = people.length;

  // Every random choice is drawn here, in order, before the writes run concurrently: the same demo on every machine.
  const enrolments: (EnrolInput & { daysAgo: number })[] = [];
  people.forEach((person, i) => {
    const role = i < 60 ? 'MENTOR' : 'MENTEE';
    for (const program of i % 4 === 0 ? [running, leadership] : [running]) {
      enrolments.push({
        // Within each program's enrolment window, so time-to-match reads true.
        daysAgo: program.id === running.id ? rnd.int(205, 238) : rnd.int(1, 13),
        personId: person.id,
        programId: program.id,
        role,
        reasons: rnd.some(program.focusAreas, 1, role === 'MENTOR' ? 4 : 2),
        capacity: role === 'MENTOR' ? rnd.int(1, 3) : null,
        hoursPerMonth: rnd.int(2, 8),
        openToSponsoring: role === 'MENTOR' && rnd.chance(0.4),
      });
    }
  });
  progress.start(enrolments.length, 'enrolments');
  await inPool(enrolments, 8, async ({ daysAgo, ...input }) => {
    await enrol(services, { ...scope, now: new Date(now.getTime() - daysAgo * DAY) }, input);
    if (input.programId === running.id) summary[input.role === 'MENTOR' ? 'mentors' : 'mentees']++;
    progress.tick();
  });
  progress.stop();

  // 48 pairs in the running program, spread over every health state by when they last met:
  // 0–3 on track, 4 due soon, 5–6 overdue, 7 never met.
  const pairs = Array.from({ length: 48 }, (_, i) => {
    const startedDaysAgo = rnd.int(60, 200);
    const bucket = i % 8;
    const meetings: { ago: number; durationMinutes: number; mode: MeetingMode; topics: string[] }[] = [];
    if (bucket !== 7) {
      const lastDaysAgo = bucket <= 3 ? rnd.int(2, 20) : bucket === 4 ? rnd.int(24, 29) : rnd.int(45, 58);
      for (let ago = lastDaysAgo; ago < startedDaysAgo - 3; ago += rnd.int(18, 40)) {
        meetings.push({
          ago,
          durationMinutes: rnd.pick([30, 45, 60, 90]),
          mode: rnd.pick<MeetingMode>(['IN_PERSON', 'VIDEO', 'VIDEO', 'PHONE']),
          topics: rnd.some(['career path', 'goals', 'feedback', 'network', 'work pressure', 'presentation skills', 'salary talk'], 1, 3),
        });
      }
    }
    const checkIn = bucket <= 4 ? rnd.int(2, 5) : null;
    return { mentor: people[i % 60] as Person, mentee: people[60 + i] as Person, startedDaysAgo, meetings: meetings.reverse(), checkIn };
  });
  const participant = (person: Person): Scope => ({
    tenantId: DEMO_TENANT,
    actor: { id: `person:${person.id}`, role: 'participant', tenantId: DEMO_TENANT, personId: person.id },
    now,
  });
  progress.start(pairs.length, 'mentorships');
  await inPool(pairs, 6, async ({ mentor, mentee, startedDaysAgo, meetings, checkIn }) => {
    const pair = await startMentorship(services, scope, {
      programId: running.id,
      mentorId: mentor.id,
      menteeId: mentee.id,
      startedAt: new Date(now.getTime() - startedDaysAgo * DAY).toISOString(),
    });
    summary.mentorships++;
    for (const { ago, ...meeting } of meetings) {
      await logMeeting(services, scope, { mentorshipId: pair.id, heldAt: new Date(now.getTime() - ago * DAY).toISOString(), ...meeting });
      summary.meetings++;
    }
    if (checkIn !== null)
      await submitSurvey(services, participant(mentee), pair.id, {
        kind: 'CHECK_IN',
        rating: checkIn,
        comment: 'Our talks help me see my next step.',
      });
    progress.tick();
  });
  progress.stop();

  // Pairs that ran their course, with reflections and closing surveys from both sides.
  const finished = [48, 49, 50, 51].map((m, k) => ({
    mentor: people[m] as Person,
    mentee: people[118 + k] as Person,
    mentorRating: rnd.int(3, 5),
    menteeRating: rnd.int(3, 5),
    outcomes: rnd.some(OUTCOMES, 1, 4),
  }));
  progress.start(finished.length + 6 + 4, 'completed pairs, requests and proposals');
  for (const f of finished) {
    const pair = await startMentorship(services, scope, {
      programId: running.id,
      mentorId: f.mentor.id,
      menteeId: f.mentee.id,
      startedAt: new Date(now.getTime() - 190 * DAY).toISOString(),
    });
    for (const ago of [185, 150, 110, 70, 30]) {
      await logMeeting(services, scope, {
        mentorshipId: pair.id,
        heldAt: new Date(now.getTime() - ago * DAY).toISOString(),
        durationMinutes: 60,
        mode: 'VIDEO',
        topics: ['goals'],
      });
      summary.meetings++;
    }
    const done = await changeMentorship(services, participant(f.mentee), pair.id, pair.version + 5, 'COMPLETE', {
      reflection: 'I found the courage to ask for the role I wanted.',
    });
    await submitSurvey(services, participant(f.mentee), done.id, { kind: 'CLOSING', rating: f.menteeRating, outcomes: f.outcomes });
    await submitSurvey(services, participant(f.mentor), done.id, {
      kind: 'CLOSING',
      rating: f.mentorRating,
      outcomes: ['NETWORK_WIDENED'],
    });
    summary.mentorships++;
    progress.tick();
  }
  // Mentees' own outreach, waiting for an answer.
  for (let k = 0; k < 6; k++) {
    const mentee = people[108 + k] as Person;
    await requestMentor(services, participant(mentee), {
      programId: running.id,
      menteeId: mentee.id,
      mentorId: (people[52 + k] as Person).id,
      whyThisMentor: 'Your talk on leading through a reorganisation stayed with me; I am in one now and would value your view.',
      focusAreas: [running.focusAreas[k % running.focusAreas.length] as string],
      timeAsked: 'An hour a month for six months, video is fine.',
    });
    progress.tick();
  }
  // A manager's proposals, waiting for both sides (one mentee has said yes).
  for (let k = 0; k < 4; k++) {
    const proposal = await proposePair(services, scope, {
      programId: running.id,
      mentorId: (people[56 + k] as Person).id,
      menteeId: (people[114 + k] as Person).id,
    });
    if (k === 0) await respondToProposal(services, participant(people[114] as Person), proposal.id, proposal.version, 'ACCEPT', {});
    progress.tick();
  }
  progress.stop();
  // Two years of HR history through the people import, and a past cohort: the Retention page (issue #21).
  await seedHrHistory(services, scope, rnd, people, now);
  // A program of each other kind: peer mentoring and reverse mentoring (ADR 77), written out, not drawn.
  const kinds = await seedKindPrograms(services, scope, now);
  summary.people += kinds.people;
  summary.mentorships += kinds.mentorships;
  return summary;
}
