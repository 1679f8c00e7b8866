import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { takeRetentionSnapshot } from '#domain/insights/index.ts';
import { mailboxChannel } from '../../functions/channels/mailbox.ts';
import { runEngagement } from '../../functions/jobs/engagement.ts';
import { TestClock, testApi } from '../support/api.ts';
import { type Api, checkInvariants, gql, type Item, local, must, ownTable, scanTable, tenantOf } from '../support/hostile.ts';

/**
 * Erasure reaches every copy (issue #13): a person fills every field they can with a unique marker,
 * everything that copies personal data happens (proposals, requests, audit, notifications and mail,
 * webhook deliveries, import rows and problems, a matching run, exports), the person is erased, and
 * then every raw item of the tenant and every file of the mailbox is searched for the marker.
 */
const MARK = `zq${randomBytes(4).toString('hex')}`;
const m = (field: string) => `${MARK}${field}`;

const Q = {
  program: `mutation($input: ProgramInput!) { createProgram(input: $input) { id version } }`,
  open: `mutation($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }`,
  person: `mutation($input: PersonInput!, $key: String) { createPerson(input: $input, idempotencyKey: $key) { id } }`,
  enrol: `mutation($input: EnrolInput!, $key: String) { enrol(input: $input, idempotencyKey: $key) { status } }`,
  hook: `mutation($input: WebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { subscription { id } } }`,
  propose: `mutation($input: PairInput!) { proposePair(input: $input) { id version } }`,
  respond: `mutation($id: ID!, $version: Int!, $reason: String) {
    respondToProposal(id: $id, version: $version, response: DECLINE, reason: $reason) { proposal { status } } }`,
  request: `mutation($input: RequestInput!, $key: String) { requestMentor(input: $input, idempotencyKey: $key) { id version } }`,
  answer: `mutation($id: ID!, $version: Int!, $answer: RequestAnswer!, $reason: String) {
    answerRequest(id: $id, version: $version, answer: $answer, reason: $reason) { request { status } mentorship { id version } } }`,
  goal: `mutation($id: ID!, $input: GoalInput!, $key: String) { saveGoal(mentorshipId: $id, input: $input, idempotencyKey: $key) { id version } }`,
  goalNote: `mutation($id: ID!, $goal: ID!, $version: Int!, $input: GoalInput!) {
    saveGoal(mentorshipId: $id, goalId: $goal, version: $version, input: $input) { id } }`,
  meeting: `mutation($input: MeetingInput!, $key: String) { logMeeting(input: $input, idempotencyKey: $key) { id } }`,
  survey: `mutation($id: ID!, $input: SurveyInput!, $key: String) { submitSurvey(mentorshipId: $id, input: $input, idempotencyKey: $key) { id } }`,
  groupMeeting: `mutation($input: GroupMeetingInput!, $key: String) { logGroupMeeting(input: $input, idempotencyKey: $key) { id } }`,
  accept: `mutation($id: ID!, $version: Int!) { respondToProposal(id: $id, version: $version, response: ACCEPT) { proposal { version } mentorship { circle { id } } } }`,
  change: `mutation($id: ID!, $version: Int!, $reason: String, $reflection: String) {
    changeMentorship(id: $id, version: $version, action: COMPLETE, reason: $reason, reflection: $reflection) { version } }`,
  pair: `query($id: ID!) { mentorship(id: $id) { version } }`,
  reflect: `mutation($id: ID!, $version: Int!, $text: String!) { writeReflection(id: $id, version: $version, text: $text) { version } }`,
  import: `mutation($p: ID!, $csv: String!) { startImport(programId: $p, csv: $csv, fileName: "hr.csv") { id } }`,
  run: `mutation($p: ID!) { runMatching(programId: $p) { id } }`,
  // One export a request: each reads a whole organisation or program (ADR 0034).
  exports: [
    `query($id: ID!) { personalData(personId: $id) }`,
    `query { peopleCsv }`,
    `query($p: ID!) { program(id: $p) { participantsCsv } }`,
  ],
  erase: `mutation($id: ID!) { erasePerson(id: $id, reason: "Erasure request") { pseudonym } }`,
  counts: `query($p: ID!) { program(id: $p) { counts { mentors mentees } } }`,
};

/** Every string a person can type into Kindling, each carrying the marker. */
const markedPerson = {
  externalId: m('EXT'),
  email: `${MARK}.mail@example.org`,
  givenName: m('Given'),
  familyName: m('Family'),
  jobTitle: m('Title'),
  department: m('Dept'),
  managerEmail: `${MARK}.boss@example.org`,
  location: m('Location'),
  timeZone: 'Europe/Amsterdam',
  languages: ['nl', 'en'],
  yearsExperience: 7,
  industry: m('Industry'),
  skillsOffered: [m('SkillOffered')],
  skillsSought: [m('SkillSought')],
  bio: m('Bio'),
  links: [`https://example.org/${MARK}`],
};

const plain = (name: string) => ({
  email: `${name}@example.org`,
  givenName: name,
  familyName: 'Other',
  timeZone: 'Europe/Amsterdam',
  languages: ['nl'],
});

/** A gzipped attribute's text (the retention snapshot, the HR records' compact copy), so the search sees inside it. */
const gunzipped = (v: unknown): unknown => (v instanceof Uint8Array && v[0] === 0x1f && v[1] === 0x8b ? gunzipSync(v).toString('utf8') : v);

/** JSON of an item, string sets and gzipped attributes included. */
const text = (item: unknown): string => JSON.stringify(item, (_k, v) => (v instanceof Set ? [...v] : gunzipped(v)));

/** Where the marker sits in an item: the attribute paths, for a readable failure. */
function markedPaths(value: unknown, path = ''): string[] {
  if (value instanceof Uint8Array) return markedPaths(gunzipped(value), path);
  if (typeof value === 'string') return value.toLowerCase().includes(MARK) ? [path] : [];
  if (value instanceof Set) return markedPaths([...value], path);
  if (Array.isArray(value)) return value.flatMap((v, i) => markedPaths(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => markedPaths(v, path ? `${path}.${k}` : k));
  return [];
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('erasure reaches every copy of a person', () => {
  let api: Api;
  let table = '';
  let mailbox = '';
  let tenant: { slug: string; manager: string };
  let program = '';
  let marked = '';
  let markedToken = '';

  beforeAll(async () => {
    table = await ownTable('erasure');
    mailbox = await mkdtemp(join(tmpdir(), 'kindling-mailbox-'));
    api = await testApi({ table, clock: new TestClock() });
    api.services.channel = mailboxChannel(mailbox);
    api.services.allowLoopbackWebhooks = true;
  });
  afterAll(() => rm(mailbox, { recursive: true, force: true }));

  const engagement = () => runEngagement(api.services, { tenantIds: [tenant.slug] });

  it('leaves no copy of anything the person wrote, in the table or the mailbox, and keeps every count true', async () => {
    // Prepare: a program, the marked person (mentee and mentor), three others, a partner subscribed to every event.
    tenant = await api.newTenant('Erasure');
    const manager = tenant.manager;
    const programInput = { name: 'Erasure Circle', pairing: { maxOpenRequests: 3 }, engagement: { quietHoursStart: 0, quietHoursEnd: 0 } };
    program = ((await must(api, Q.program, { input: programInput }, manager)).createProgram as { id: string }).id;
    await must(api, Q.open, { id: program }, manager);
    marked = ((await must(api, Q.person, { input: markedPerson, key: m('IdemPerson') }, manager)).createPerson as { id: string }).id;
    markedToken = await api.token('participant', tenant.slug, { person: local(marked) });
    const others: Record<string, string> = {};
    for (const name of ['olga', 'otto', 'oscar']) {
      others[name] = ((await must(api, Q.person, { input: plain(name) }, manager)).createPerson as { id: string }).id;
    }
    const enrol = (personId: string, role: string, key?: string) =>
      must(api, Q.enrol, { input: { personId, programId: program, role, reasons: ['GOAL_SETTING'], capacity: 2 }, key }, manager);
    await enrol(marked, 'MENTEE', m('IdemEnrol'));
    await enrol(marked, 'MENTOR');
    await enrol(others.olga ?? '', 'MENTOR');
    await enrol(others.otto ?? '', 'MENTOR');
    await enrol(others.oscar ?? '', 'MENTEE');
    const token = async (id: string) => api.token('participant', tenant.slug, { person: local(id) });
    const events = [
      'REQUEST_RECEIVED',
      'REQUEST_ANSWERED',
      'PROPOSAL_READY',
      'MENTORSHIP_STARTED',
      'MENTORSHIP_ENDED',
      'PAIR_OVERDUE',
      'SURVEY_DUE',
    ];
    await must(api, Q.hook, { input: { url: 'http://127.0.0.1:9/hooks', events } }, manager);

    // A manager's proposal (approved at once; both sides hear of it), that the marked person declines with a reason.
    const proposal = (await must(api, Q.propose, { input: { programId: program, mentorId: others.otto, menteeId: marked } }, manager))
      .proposePair as { id: string; version: number };
    await engagement();
    await must(api, Q.respond, { ...proposal, reason: m('ProposalDeclined') }, markedToken);

    // A request to the marked person as mentor, declined with a reason.
    const oscar = await token(others.oscar ?? '');
    const intro = (mentorId: string, who: string) => ({
      programId: program,
      mentorId,
      whyThisMentor: `${who} saw your talk on data teams and would like to learn how you led one.`,
      focusAreas: ['GOAL_SETTING'],
      timeAsked: `${who}: an hour a month`,
      message: `${who} writes`,
    });
    const toMarked = (await must(api, Q.request, { input: intro(marked, 'Oscar') }, oscar)).requestMentor as {
      id: string;
      version: number;
    };
    await must(api, Q.answer, { ...toMarked, answer: 'DECLINE', reason: m('RequestDeclined') }, markedToken);

    // Two requests from the marked person; followed up; one accepted, which closes the other.
    // Partner apps' retry keys that carry the marker (an app may build them from an address): erasure must reach them too.
    await must(api, Q.request, { input: intro(others.otto ?? '', m('Intro')), key: m('IdemRequest') }, markedToken);
    const toOlga = (await must(api, Q.request, { input: intro(others.olga ?? '', m('Intro')) }, markedToken)).requestMentor as {
      id: string;
      version: number;
    };
    api.clock.advanceDays(4);
    await engagement();
    const accepted = (await must(api, Q.answer, { ...toOlga, answer: 'ACCEPT' }, await token(others.olga ?? ''))).answerRequest as {
      mentorship: { id: string; version: number };
    };
    const pair = accepted.mentorship;

    // The pair's record: a goal with a note, a meeting with notes, a check-in survey.
    const goalInput = { title: m('GoalTitle'), why: m('GoalWhy') };
    const goal = (await must(api, Q.goal, { id: pair.id, input: goalInput, key: m('IdemGoal') }, markedToken)).saveGoal as {
      id: string;
      version: number;
    };
    await must(api, Q.goalNote, { id: pair.id, goal: goal.id, version: goal.version, input: { note: m('GoalNote') } }, markedToken);
    const meeting = {
      mentorshipId: pair.id,
      heldAt: api.clock.now.toISOString(),
      durationMinutes: 45,
      mode: 'VIDEO',
      topics: [m('Topic')],
      privateNotes: m('PrivateNotes'),
    };
    await must(api, Q.meeting, { input: meeting, key: m('IdemMeeting') }, markedToken);
    const checkIn = { kind: 'CHECK_IN', rating: 4, comment: m('CheckIn') };
    await must(api, Q.survey, { id: pair.id, input: checkIn, key: m('IdemCheckIn') }, markedToken);
    api.clock.advanceDays(40);
    await engagement();

    // The marked person ends the pair, reflects, answers the closing survey.
    const { version } = (await must(api, Q.pair, { id: pair.id }, markedToken)).mentorship as { version: number };
    const ended = (await must(api, Q.change, { id: pair.id, version, reason: m('EndReason') }, markedToken)).changeMentorship as {
      version: number;
    };
    await must(api, Q.reflect, { id: pair.id, version: ended.version, text: m('Reflection') }, markedToken);
    const closing = { kind: 'CLOSING', rating: 5, comment: m('Closing'), outcomes: ['CONFIDENCE'] };
    await must(api, Q.survey, { id: pair.id, input: closing, key: m('IdemClosing') }, markedToken);

    // A group program's circle led by Olga with the marked person in it, and a group meeting with notes (ADR 0075).
    const group = (
      (await must(api, Q.program, { input: { name: 'Erasure circles', kind: 'GROUP', circleSize: { minimum: 1, maximum: 2 } } }, manager))
        .createProgram as { id: string }
    ).id;
    await must(api, Q.open, { id: group }, manager);
    for (const [personId, role] of [
      [marked, 'MENTEE'],
      [others.olga ?? '', 'MENTOR'],
    ] as const) {
      await must(
        api,
        Q.enrol,
        { input: { personId, programId: group, role, reasons: ['GOAL_SETTING'], circleTopic: 'GOAL_SETTING' } },
        manager,
      );
    }
    const place = (await must(api, Q.propose, { input: { programId: group, mentorId: others.olga, menteeId: marked } }, manager))
      .proposePair as { id: string; version: number };
    const half = (await must(api, Q.accept, place, await token(others.olga ?? ''))).respondToProposal as { proposal: { version: number } };
    const joined = (await must(api, Q.accept, { id: place.id, version: half.proposal.version }, markedToken)).respondToProposal as {
      mentorship: { circle: { id: string } };
    };
    const groupMeeting = {
      circleId: joined.mentorship.circle.id,
      heldAt: api.clock.now.toISOString(),
      durationMinutes: 60,
      mode: 'IN_PERSON',
      topics: [m('GroupTopic')],
      attendees: [marked],
      privateNotes: m('GroupNotes'),
    };
    await must(api, Q.groupMeeting, { input: groupMeeting, key: m('IdemGroup') }, await token(others.olga ?? ''));

    // An HR import naming the person: one row taken (an update, with their HR facts and exit text), one
    // rejected (their address again, a bad language); then a retention snapshot, which copies the exit
    // text into the HR records' compact copy (ADR 0078).
    const csv = [
      'Employee ID,First Name,Last Name,Work Email,Time Zone,Languages,Role,Mentoring Reasons,Job Title,Hire Date,Leave Date,Leave Type,Exit Reasons',
      `${markedPerson.externalId},${markedPerson.givenName},${markedPerson.familyName},${markedPerson.email},Europe/Amsterdam,nl,mentee,goal setting,${m('ImportTitle')},2020-01-06,2026-01-30,voluntary,${m('ExitText')}`,
      `${m('EXT2')},${markedPerson.givenName},${m('Rejected')},${markedPerson.email},Europe/Amsterdam,klingon,mentee,goal setting,,,,,`,
    ].join('\n');
    await must(api, Q.import, { p: program, csv }, manager);
    await api.services.jobs.idle?.();
    await takeRetentionSnapshot(api.services, tenant.slug, api.clock.now);

    // A matching run, a day of engagement, and every export.
    await must(api, Q.run, { p: program }, manager);
    api.clock.advanceDays(1);
    await engagement();
    const exported = await Promise.all(Q.exports.map((q) => must(api, q, { id: marked, p: program }, manager)));
    expect(text(exported)).toContain(MARK);

    // Copies exist before: the check below is not looking in the wrong place.
    const before = await scanTable(inject('dynamoEndpoint'), table);
    const ofTenant = (items: Item[]) => items.filter((i) => tenantOf(i) === tenant.slug);
    const copiesBefore = ofTenant(before).filter((i) => text(i).toLowerCase().includes(MARK));
    const mailBefore = await filesUnder(mailbox);
    const markedMailBefore = [];
    for (const file of mailBefore) if ((await readFile(file, 'utf8')).toLowerCase().includes(MARK)) markedMailBefore.push(file);
    expect(copiesBefore.length).toBeGreaterThan(10);
    // Every retry key's record is there, each with its reference (ADR 0058, 0074).
    const idempotency = ofTenant(before).filter((i) => i.type === 'Idempotency' && text(i).includes(MARK));
    expect(idempotency.map((i) => i.operation).sort()).toEqual(
      ['createPerson', 'enrol', 'logGroupMeeting', 'logMeeting', 'requestMentor', 'saveGoal', 'submitSurvey', 'submitSurvey'].sort(),
    );
    expect(copiesBefore.filter((i) => i.type === 'EmploymentPack' && text(i).includes(m('ExitText')))).toHaveLength(1);
    expect(markedMailBefore.length).toBeGreaterThan(0);
    expect(ofTenant(before).filter((i) => i.type === 'WebhookDelivery').length).toBeGreaterThan(0);
    const countsBefore = (await must(api, Q.counts, { p: program }, manager)).program;
    const statsBefore = ofTenant(before).filter((i) => i.SK.startsWith('STATS#'));

    // Act
    const erased = await gql(api, Q.erase, { id: marked }, manager);
    expect(erased.errors).toBeUndefined();
    await engagement();

    // Assert: not one copy in any item of the tenant, nor in any file name, folder name or message of the mailbox.
    const after = await scanTable(inject('dynamoEndpoint'), table);
    const copies = ofTenant(after)
      .filter((i) => text(i).toLowerCase().includes(MARK))
      .map((i) => `${i.PK} ${i.SK}: ${markedPaths(i).join(', ')}`);
    const mail: string[] = [];
    for (const file of await filesUnder(mailbox)) {
      if (file.toLowerCase().includes(MARK) || (await readFile(file, 'utf8')).toLowerCase().includes(MARK)) mail.push(file);
    }
    console.info(
      `erasure scan: ${ofTenant(after).length} items of the tenant, ${copiesBefore.length} with the marker before, ${copies.length} after; ` +
        `mailbox: ${markedMailBefore.length} of ${mailBefore.length} files with the marker before, ${mail.length} after`,
    );
    expect(copies).toEqual([]);
    expect(mail).toEqual([]);

    // ... and the program's figures are what they were, and still agree with a recount from the raw items.
    expect((await must(api, Q.counts, { p: program }, manager)).program).toEqual(countsBefore);
    expect(ofTenant(after).filter((i) => i.SK.startsWith('STATS#'))).toEqual(statsBefore);
    expect(checkInvariants(ofTenant(after)).violations).toEqual([]);
  });
});
