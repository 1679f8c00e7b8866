import type { Scope } from '#domain/kernel/actors.ts';
import { logGroupMeeting } from '#domain/mentorships/circles.ts';
import { logMeeting, startMentorship } from '#domain/mentorships/pairs.ts';
import { proposePair, respondToProposal } from '#domain/mentorships/proposals.ts';
import { createPerson, enrol, type Person, type PersonInput } from '#domain/people/people.ts';
import { changeProgramStatus, createProgram, type Program } from '#domain/programs/programs.ts';
import type { Services } from '../../functions/services.ts';

const DAY = 86_400_000;

/** Someone in one of the demo's programs of another kind: written out, so the demo reads like an organisation. */
interface Member {
  given: string;
  family: string;
  title: string;
  department: string;
  years: number;
  offers: string[];
  seeks: string[];
  languages?: string[];
  manager?: string;
}

/**
 * New team leads in their first year, helping each other (the seed's HR community, where members
 * helped each other). Marloes reports to Hendrik: matching never pairs them.
 */
const PEERS: Member[] = [
  {
    given: 'Hendrik',
    family: 'Bakker',
    title: 'Team lead, Member services',
    department: 'Member Services',
    years: 9,
    offers: ['budgeting', 'planning'],
    seeks: ['giving feedback'],
  },
  {
    given: 'Marloes',
    family: 'Visser',
    title: 'Team lead, Member services',
    department: 'Member Services',
    years: 7,
    offers: ['giving feedback'],
    seeks: ['budgeting'],
    manager: 'Hendrik',
  },
  {
    given: 'Aisha',
    family: 'Rahman',
    title: 'Team lead, Events',
    department: 'Events',
    years: 8,
    offers: ['hiring', 'stakeholder management'],
    seeks: ['planning'],
  },
  {
    given: 'Jeroen',
    family: 'de Wit',
    title: 'Team lead, Finance',
    department: 'Finance',
    years: 11,
    offers: ['budgeting'],
    seeks: ['hiring'],
  },
  {
    given: 'Sofia',
    family: 'Marques',
    title: 'Team lead, Communications',
    department: 'Communications',
    years: 6,
    offers: ['giving feedback', 'presentation skills'],
    seeks: ['stakeholder management'],
    languages: ['en', 'pt'],
  },
  {
    given: 'Thijs',
    family: 'Mulder',
    title: 'Team lead, IT',
    department: 'IT',
    years: 10,
    offers: ['planning', 'hiring'],
    seeks: ['presentation skills'],
  },
  {
    given: 'Esra',
    family: 'Yılmaz',
    title: 'Team lead, Education',
    department: 'Education',
    years: 8,
    offers: ['coaching'],
    seeks: ['budgeting', 'hiring'],
  },
  {
    given: 'Pieter',
    family: 'van Leeuwen',
    title: 'Team lead, Policy',
    department: 'Policy',
    years: 12,
    offers: ['stakeholder management'],
    seeks: ['coaching'],
  },
  {
    given: 'Linh',
    family: 'Nguyen',
    title: 'Team lead, Data',
    department: 'IT',
    years: 7,
    offers: ['presentation skills', 'planning'],
    seeks: ['giving feedback'],
    languages: ['en'],
  },
  {
    given: 'Ruben',
    family: 'Smit',
    title: 'Team lead, Facilities',
    department: 'Operations',
    years: 13,
    offers: ['budgeting', 'coaching'],
    seeks: ['stakeholder management'],
  },
  {
    given: 'Nadia',
    family: 'El Idrissi',
    title: 'Team lead, Legal',
    department: 'Legal',
    years: 9,
    offers: ['giving feedback'],
    seeks: ['planning'],
  },
  {
    given: 'Koen',
    family: 'Hermans',
    title: 'Team lead, Sales',
    department: 'Sales',
    years: 6,
    offers: ['hiring'],
    seeks: ['coaching', 'budgeting'],
  },
];

/** Reverse mentoring: digital natives (the program's "Digital coach", the mentor role) coach its executives. */
const COACHES: Member[] = [
  {
    given: 'Mila',
    family: 'Jansen',
    title: 'Social media specialist',
    department: 'Communications',
    years: 2,
    offers: ['social media', 'video calls'],
    seeks: [],
  },
  {
    given: 'Ayoub',
    family: 'Bennani',
    title: 'Junior data analyst',
    department: 'IT',
    years: 1,
    offers: ['dashboards', 'AI tools'],
    seeks: [],
  },
  {
    given: 'Isa',
    family: 'de Boer',
    title: 'Trainee, Digital workplace',
    department: 'IT',
    years: 1,
    offers: ['collaboration tools', 'AI tools'],
    seeks: [],
  },
  {
    given: 'Jayden',
    family: 'Koster',
    title: 'Content creator',
    department: 'Communications',
    years: 3,
    offers: ['social media', 'podcasts'],
    seeks: [],
  },
  {
    given: 'Sara',
    family: 'Lindqvist',
    title: 'Junior UX designer',
    department: 'Member Services',
    years: 2,
    offers: ['online member journeys', 'dashboards'],
    seeks: [],
    languages: ['en'],
  },
];
const EXECUTIVES: Member[] = [
  {
    given: 'Gerard',
    family: 'van den Berg',
    title: 'Chief executive',
    department: 'Board',
    years: 31,
    offers: ['strategy'],
    seeks: ['social media', 'AI tools'],
  },
  {
    given: 'Ingrid',
    family: 'Hoekstra',
    title: 'Director of finance',
    department: 'Finance',
    years: 27,
    offers: ['budgeting'],
    seeks: ['dashboards'],
  },
  {
    given: 'Frank',
    family: 'Verhoeven',
    title: 'Director of operations',
    department: 'Operations',
    years: 24,
    offers: ['operations'],
    seeks: ['collaboration tools'],
  },
  {
    given: 'Monique',
    family: 'Dekker',
    title: 'Director of member services',
    department: 'Member Services',
    years: 22,
    offers: ['member relations'],
    seeks: ['online member journeys', 'social media'],
  },
  {
    given: 'Hans',
    family: 'Vos',
    title: 'Director of policy',
    department: 'Policy',
    years: 29,
    offers: ['lobbying'],
    seeks: ['podcasts', 'AI tools'],
  },
];

/**
 * Group mentoring: three experienced leaders each lead a circle of up to five; the circles are by
 * topic. Femke's circle on communication runs (four members, three came to the last meeting); the
 * others wait for a matching run, which opens no circle below three.
 */
const CIRCLE_LEADERS: (Member & { topic: string })[] = [
  {
    given: 'Femke',
    family: 'Brouwer',
    title: 'Director of communications',
    department: 'Communications',
    years: 21,
    offers: ['presentation skills', 'giving feedback'],
    seeks: [],
    topic: 'COMMUNICATION_SKILLS',
  },
  {
    given: 'Youssef',
    family: 'Amrani',
    title: 'Head of member services',
    department: 'Member Services',
    years: 17,
    offers: ['planning', 'coaching'],
    seeks: [],
    topic: 'GOAL_SETTING',
  },
  {
    given: 'Carolien',
    family: "van 't Hof",
    title: 'Head of finance',
    department: 'Finance',
    years: 19,
    offers: ['budgeting', 'stakeholder management'],
    seeks: [],
    topic: 'PROBLEM_SOLVING',
  },
];
const CIRCLE_MEMBERS: (Member & { topic: string })[] = [
  ['Lotte', 'Kuipers', 'Events coordinator', 'Events', 3, 'COMMUNICATION_SKILLS'],
  ['Bram', 'de Graaf', 'Policy adviser', 'Policy', 4, 'COMMUNICATION_SKILLS'],
  ['Yara', 'Haddad', 'Member adviser', 'Member Services', 2, 'COMMUNICATION_SKILLS'],
  ['Daan', 'IJzerman', 'Junior controller', 'Finance', 2, 'COMMUNICATION_SKILLS'],
  ['Noor', 'van der Linden', 'Project officer', 'Education', 3, 'GOAL_SETTING'],
  ['Tim', 'Schouten', 'Support engineer', 'IT', 2, 'GOAL_SETTING'],
  ['Priya', 'Raghunathan', 'Data analyst', 'IT', 3, 'GOAL_SETTING'],
  ['Wessel', 'Prins', 'Account manager', 'Sales', 4, 'PROBLEM_SOLVING'],
  ['Eva', 'Claes', 'Legal adviser', 'Legal', 3, 'PROBLEM_SOLVING'],
  ['Mehmet', 'Kaya', 'Facility coordinator', 'Operations', 5, 'GOAL_SETTING'],
].map(([given, family, title, department, years, topic]) => ({
  given: given as string,
  family: family as string,
  title: title as string,
  department: department as string,
  years: years as number,
  offers: [],
  seeks: ['presentation skills', 'planning', 'budgeting'].slice(0, 1 + ((years as number) % 3)),
  topic: topic as string,
}));

const emailOf = (m: Member, tag: string) =>
  `${m.given}.${m.family}`
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .replace(/[^A-Za-z.]+/g, '')
    .toLowerCase()
    .concat(`.${tag}@demo.example.org`);

async function people(services: Services, scope: Scope, members: Member[], tag: string, first: number): Promise<Map<string, Person>> {
  const byGiven = new Map<string, Person>();
  for (const [i, m] of members.entries()) {
    const input: PersonInput = {
      externalId: `DEMO-${tag.toUpperCase()}-${String(first + i).padStart(3, '0')}`,
      email: emailOf(m, tag),
      givenName: m.given,
      familyName: m.family,
      jobTitle: m.title,
      department: m.department,
      location: 'Utrecht',
      timeZone: 'Europe/Amsterdam',
      languages: m.languages ?? ['nl', 'en'],
      yearsExperience: m.years,
      skillsOffered: m.offers,
      skillsSought: m.seeks,
      ...(m.manager ? { managerEmail: emailOf(members.find((x) => x.given === m.manager) as Member, tag) } : {}),
    };
    byGiven.set(m.given, await createPerson(services, scope, input));
  }
  return byGiven;
}

/**
 * The demo's programs of the other kinds (issue #20, ADR 69, 75 and 77): one program of each kind, with people and a few running pairs, and peers and executives still waiting so a matching
 * run has something to do. Returns how many people and pairs it added.
 */
export async function seedKindPrograms(services: Services, scope: Scope, now: Date): Promise<{ people: number; mentorships: number }> {
  const at = (daysAgo: number): Scope => ({ ...scope, now: new Date(now.getTime() - daysAgo * DAY) });
  const open = async (p: Program) => changeProgramStatus(services, scope, p.id, p.version, 'OPEN');
  let mentorships = 0;

  // Peer mentoring: twelve new team leads; two pairs already meet, the rest wait for a matching run.
  const peerProgram = await open(
    await createProgram(services, at(40), {
      name: 'New Team Leads Peer Exchange',
      description: 'First-year team leads paired with each other across departments: budgets, feedback, hiring, and what nobody told you.',
      kind: 'PEER',
      focusAreas: ['MANAGEMENT_SKILLS', 'PROBLEM_SOLVING', 'PSYCHOSOCIAL_SUPPORT', 'CONNECTIONS'],
      durationMonths: 6,
      cadence: { expectedEveryDays: 21, overdueAfterDays: 42 },
      matching: { objective: 'COVERAGE', approvalMode: 'MANUAL' },
    }),
  );
  const peers = await people(services, scope, PEERS, 'peer', 1);
  for (const [i, m] of PEERS.entries()) {
    await enrol(services, at(30 - i), {
      personId: (peers.get(m.given) as Person).id,
      programId: peerProgram.id,
      role: 'PEER',
      reasons: [peerProgram.focusAreas[i % 3] as string, 'MANAGEMENT_SKILLS'].filter((r, k, all) => all.indexOf(r) === k),
      hoursPerMonth: 3 + (i % 3),
    });
  }
  for (const [a, b, met] of [
    ['Aisha', 'Thijs', 6],
    ['Jeroen', 'Esra', 30],
  ] as const) {
    const pair = await startMentorship(services, scope, {
      programId: peerProgram.id,
      mentorId: (peers.get(a) as Person).id,
      menteeId: (peers.get(b) as Person).id,
      startedAt: new Date(now.getTime() - 35 * DAY).toISOString(),
    });
    await logMeeting(services, scope, {
      mentorshipId: pair.id,
      heldAt: new Date(now.getTime() - met * DAY).toISOString(),
      durationMinutes: 45,
      mode: 'IN_PERSON',
      topics: ['first budget round', 'a hard feedback talk'],
    });
    mentorships++;
  }

  // Reverse mentoring: juniors coach the executives on digital work; one pair runs, four executives wait.
  const reverse = await open(
    await createProgram(services, at(40), {
      name: 'Digital Reverse Mentoring',
      description: 'Digital natives coach the board and directors on social media, AI tools and online member journeys.',
      kind: 'REVERSE',
      roleNames: { mentor: 'Digital coach', mentee: 'Executive' },
      focusAreas: ['JOB_SKILLS', 'INDUSTRY_KNOWLEDGE', 'CONNECTIONS'],
      durationMonths: 6,
      mentorCapacityDefault: 1,
      matching: { approvalMode: 'MANUAL' },
    }),
  );
  const coaches = await people(services, scope, COACHES, 'coach', 1);
  const executives = await people(services, scope, EXECUTIVES, 'exec', 1);
  for (const [i, m] of COACHES.entries()) {
    await enrol(services, at(25 - i), {
      personId: (coaches.get(m.given) as Person).id,
      programId: reverse.id,
      role: 'MENTOR',
      reasons: ['JOB_SKILLS', 'INDUSTRY_KNOWLEDGE'],
      capacity: 1,
      hoursPerMonth: 4,
    });
  }
  for (const [i, m] of EXECUTIVES.entries()) {
    await enrol(services, at(20 - i), {
      personId: (executives.get(m.given) as Person).id,
      programId: reverse.id,
      role: 'MENTEE',
      reasons: ['JOB_SKILLS'],
      hoursPerMonth: 2,
    });
  }
  const pair = await startMentorship(services, scope, {
    programId: reverse.id,
    mentorId: (coaches.get('Mila') as Person).id,
    menteeId: (executives.get('Gerard') as Person).id,
    startedAt: new Date(now.getTime() - 18 * DAY).toISOString(),
  });
  await logMeeting(services, scope, {
    mentorshipId: pair.id,
    heldAt: new Date(now.getTime() - 4 * DAY).toISOString(),
    durationMinutes: 60,
    mode: 'IN_PERSON',
    topics: ['LinkedIn for the board', 'trying an AI assistant on the annual report'],
  });
  mentorships++;

  // Group mentoring: circles of three to five around a leader, by topic; Femke's circle runs.
  const group = await open(
    await createProgram(services, at(50), {
      name: 'Learning Circles',
      description: 'Small circles around an experienced leader, each on one topic, meeting every three weeks.',
      kind: 'GROUP',
      circleSize: { minimum: 3, maximum: 5 },
      focusAreas: ['COMMUNICATION_SKILLS', 'GOAL_SETTING', 'PROBLEM_SOLVING'],
      durationMonths: 6,
      cadence: { expectedEveryDays: 21, overdueAfterDays: 42 },
      matching: { approvalMode: 'MANUAL' },
    }),
  );
  const leaders = await people(services, scope, CIRCLE_LEADERS, 'circle', 1);
  const members = await people(services, scope, CIRCLE_MEMBERS, 'circle', CIRCLE_LEADERS.length + 1);
  for (const [i, m] of CIRCLE_LEADERS.entries()) {
    await enrol(services, at(45 - i), {
      personId: (leaders.get(m.given) as Person).id,
      programId: group.id,
      role: 'MENTOR',
      reasons: [m.topic],
      circleTopic: m.topic,
      hoursPerMonth: 3,
    });
  }
  for (const [i, m] of CIRCLE_MEMBERS.entries()) {
    await enrol(services, at(40 - i), {
      personId: (members.get(m.given) as Person).id,
      programId: group.id,
      role: 'MENTEE',
      reasons: [m.topic],
      circleTopic: m.topic,
      hoursPerMonth: 2,
    });
  }
  const femke = (leaders.get('Femke') as Person).id;
  const circleMembers = CIRCLE_MEMBERS.slice(0, 4).map((m) => (members.get(m.given) as Person).id);
  let circleId = '';
  for (const menteeId of circleMembers) {
    const proposed = await proposePair(services, at(30), { programId: group.id, mentorId: femke, menteeId });
    const half = await respondToProposal(services, at(29), proposed.id, proposed.version, 'ACCEPT', { side: 'MENTOR' });
    const both = await respondToProposal(services, at(28), proposed.id, half.proposal.version, 'ACCEPT', { side: 'MENTEE' });
    circleId = both.mentorship?.circleId ?? circleId;
    mentorships++;
  }
  await logGroupMeeting(services, scope, {
    circleId,
    heldAt: new Date(now.getTime() - 8 * DAY).toISOString(),
    durationMinutes: 90,
    mode: 'IN_PERSON',
    topics: ['presenting to the board', 'feedback that lands'],
    attendees: circleMembers.slice(0, 3),
  });

  return {
    people: PEERS.length + COACHES.length + EXECUTIVES.length + CIRCLE_LEADERS.length + CIRCLE_MEMBERS.length,
    mentorships,
  };
}
