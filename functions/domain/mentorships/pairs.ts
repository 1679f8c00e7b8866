import type { Scope } from '#domain/kernel/actors.ts';
import { reachesProgram, requireRole } from '#domain/kernel/actors.ts';
import { type AuditEntry, auditEntry } from '#domain/kernel/audit.ts';
import { assertNever, DomainError, ErrorCode, notFound } from '#domain/kernel/errors.ts';
import { type IdempotencyRecord, type IdempotencyStore, idempotent } from '#domain/kernel/idempotency.ts';
import type { Page, PageRequest } from '#domain/kernel/pages.ts';
import { Checks } from '#domain/kernel/validation.ts';
import { pairSubject, withSubject } from '#domain/kernel/visibility.ts';
import { type Enrolment, type PeopleStore, pairRoles } from '#domain/people/people.ts';
import { circleSizeOf, kindOf } from '#domain/programs/kinds.ts';
import type { Program, ProgramStore } from '#domain/programs/programs.ts';
import { healthSlot, moveSlot, type StatsChange, statsChange } from './analytics.ts';
import { type Circle, type CircleStore, circleJoined, circleLeft } from './circleRecord.ts';
import { epochDay, type Health, type HealthBand, healthBands } from './health.ts';

export type MentorshipStatus = 'ACTIVE' | 'PAUSED' | 'COMPLETED' | 'ENDED_EARLY';
export type MeetingMode = 'IN_PERSON' | 'VIDEO' | 'PHONE' | 'CHAT';
export type ContactKind = 'MEETING' | 'CHECK_IN';

/**
 * Where a pair came from: a mentee's own request, a proposal (the matcher's or a manager's), a
 * manager directly, or an import of pairs that ran before Kindling (its id: the import job's).
 */
export interface PairSource {
  kind: 'REQUEST' | 'PROPOSAL' | 'MANAGER' | 'IMPORT';
  id: string | null;
}

export interface Mentorship {
  id: string;
  tenantId: string;
  programId: string;
  mentorId: string;
  menteeId: string;
  mentorName: string;
  menteeName: string;
  status: MentorshipStatus;
  source: PairSource;
  startedAt: string;
  plannedEndOn: string;
  lastContactAt: string | null;
  meetingCount: number;
  pausedAt: string | null;
  endedAt: string | null;
  endReason: string | null;
  /** Each side's closing reflection, written when the pair ends. */
  mentorReflection: string | null;
  menteeReflection: string | null;
  /** Two peers of a peer program (their enrolments are PEER on both sides); absent on one-to-one pairs. */
  peer?: boolean;
  /** A member's place in a group program's circle (circleRecord.ts); absent on pairs. */
  circleId?: string;
  version: number;
}

export interface Meeting {
  id: string;
  tenantId: string;
  mentorshipId: string;
  kind: ContactKind;
  heldAt: string;
  durationMinutes: number;
  mode: MeetingMode;
  topics: string[];
  /** Visible to the pair only. */
  privateNotes: string | null;
  loggedBy: string;
  loggedAt: string;
}

/**
 * A goal's notes are kept on the goal item, which DynamoDB caps at 400 KB: 40 notes of at most
 * 2,000 characters (at most 3 bytes each in UTF-8) stay under 240 KB, whatever the script.
 */
export const GOAL_NOTES_MAX = 40;
export const GOAL_NOTE_MAX = 2000;

export type GoalStatus = 'OPEN' | 'IN_PROGRESS' | 'DONE' | 'DROPPED';

/** One goal of a pair's plan, agreed at the start (the seed: a mentorship has a plan). */
export interface Goal {
  id: string;
  tenantId: string;
  mentorshipId: string;
  title: string;
  why: string | null;
  targetDate: string | null;
  status: GoalStatus;
  /** 0–100. */
  progress: number;
  notes: { at: string; by: string; text: string }[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** What starting a pair must change together, or not at all. */
export interface PairStart {
  mentorship: Mentorship;
  mentor: Enrolment;
  mentee: Enrolment;
  /** The request or proposal accepted, as it is to be written, and the version it must still have; null for a manager's direct pair. */
  source: {
    key: 'request' | 'proposal';
    next: { id: string; tenantId: string; programId: string; status: string; version: number };
    expectedVersion: number;
  } | null;
  stats: StatsChange;
  audit: AuditEntry;
  /** A circle member's start: the circle as it is to be written, at the version read (null: created with this member). */
  circle?: { next: Circle; expectedVersion: number | null; audit?: AuditEntry | null } | null;
}

export type PairFailure = 'mentorFull' | 'menteeMatched' | 'sourceChanged' | 'notEnrolled';

export interface MentorshipStore {
  getMentorship(tenantId: string, id: string): Promise<Mentorship | null>;
  listMentorships(tenantId: string, programId: string, filter: PairFilter, page: PageRequest): Promise<Page<Mentorship>>;
  /** The pairs a person takes part in, as mentor or mentee. */
  mentorshipsOf(tenantId: string, personId: string): Promise<Mentorship[]>;
  /** A program's pairs that have ended (never proposed again). */
  endedPairs(tenantId: string, programId: string): Promise<Mentorship[]>;
  /**
   * Starts a pair in one transaction: the pair, the mentor's load (never beyond capacity), the
   * mentee's (at most one running pair per program), the accepted source, the figures and the audit
   * entry. Throws CONFLICT with the reason when a condition fails.
   */
  startPair(start: PairStart): Promise<void>;
  /** Starts an imported pair with its past meetings and its goals, in the same one transaction (at most ~90 items). */
  startImportedPair(start: PairStart, meetings: Meeting[], goals: Goal[]): Promise<void>;
  /**
   * Adds meetings and goals to a pair at its version (a re-import that brings more history), moving
   * its last contact, with the figures and the audit entry, in one transaction.
   */
  addHistory(
    pair: { tenantId: string; id: string; startedAt: string; lastContactAt: string | null; version: number },
    meetings: Meeting[],
    goals: Goal[],
    stats: StatsChange,
    audit: AuditEntry,
  ): Promise<void>;
  /** Replaces the pair at its version; releasing frees the mentor's and mentee's places. */
  /** `circle`: a circle member's ending place also writes its circle (member left, CLOSED with the last), at the version read. */
  changePair(
    next: Mentorship,
    previous: Mentorship,
    release: boolean,
    stats: StatsChange,
    audit: AuditEntry,
    circle?: { next: Circle; expectedVersion: number } | null,
  ): Promise<void>;
  /** Logs the contact and moves the pair's last contact, at the pair's version, with the figures. */
  addMeeting(
    meeting: Meeting,
    pair: { lastContactAt: string; expectedVersion: number },
    stats: StatsChange,
    audit: AuditEntry,
    idempotency?: IdempotencyRecord | null,
  ): Promise<void>;
  listMeetings(tenantId: string, mentorshipId: string): Promise<Meeting[]>;
  listGoals(tenantId: string, mentorshipId: string): Promise<Goal[]>;
  getGoal(tenantId: string, mentorshipId: string, goalId: string): Promise<Goal | null>;
  /** Creates (expectedVersion null) or replaces a goal at its version. */
  putGoal(goal: Goal, expectedVersion: number | null, audit: AuditEntry, idempotency?: IdempotencyRecord | null): Promise<void>;
}

/** A program's pairs by status, or (active pairs) by the health bands of a given day. */
export interface PairFilter {
  status?: MentorshipStatus | null;
  health?: HealthBand[] | null;
}

export interface MentorshipDeps {
  mentorships: MentorshipStore;
  people: PeopleStore;
  programs: ProgramStore;
  newId: () => string;
  /** Group programs' circles: needed to start a circle member's place. */
  circles?: CircleStore;
}

const isMember = (scope: Scope, m: Mentorship): boolean => scope.actor.personId === m.mentorId || scope.actor.personId === m.menteeId;

/** Managers see every pair of their tenant; a participant only their own, and others are NOT_FOUND. */
export async function getMentorship(store: MentorshipStore, scope: Scope, id: string): Promise<Mentorship> {
  const mentorship = await store.getMentorship(scope.tenantId, id);
  if (!mentorship) throw notFound('Mentorship');
  if (scope.actor.role === 'participant' && !isMember(scope, mentorship)) throw notFound('Mentorship');
  if (!reachesProgram(scope.actor, mentorship.programId)) throw notFound('Mentorship');
  return mentorship;
}

const conflict = (key: 'conflict.state', params: Record<string, string>) => new DomainError(ErrorCode.CONFLICT, key, params);

/** The mentor's and the mentee's enrolments in a program; CONFLICT naming the side not (or no longer) enrolled. */
export async function enrolledPair(
  people: PeopleStore,
  tenantId: string,
  programId: string,
  pair: { mentorId: string; menteeId: string; peer?: boolean | undefined },
): Promise<{ mentor: Enrolment; mentee: Enrolment }> {
  const [mentorRole, menteeRole] = pairRoles(pair);
  const [mentor, mentee] = await Promise.all([
    people.getEnrolment(tenantId, pair.mentorId, programId, mentorRole),
    people.getEnrolment(tenantId, pair.menteeId, programId, menteeRole),
  ]);
  if (!mentor || mentor.status === 'WITHDRAWN') throw new DomainError(ErrorCode.CONFLICT, 'conflict.notEnrolled', { role: 'mentor' });
  if (!mentee || mentee.status === 'WITHDRAWN') throw new DomainError(ErrorCode.CONFLICT, 'conflict.notEnrolled', { role: 'mentee' });
  return { mentor, mentee };
}

/**
 * Starts a pair between an enrolled mentor and an enrolled mentee of a program: the shared path of
 * an accepted request, a proposal accepted by both, and a manager's direct pair. The store's
 * transaction holds the invariants; this builds what it writes.
 */
export async function startPair(
  deps: MentorshipDeps,
  scope: Scope,
  program: Program,
  pair: { mentorId: string; menteeId: string; startedAt?: string; circleId?: string | undefined },
  source: PairSource,
  accepted: ((mentorship: Mentorship) => PairStart['source']) | null,
): Promise<Mentorship> {
  if (pair.mentorId === pair.menteeId) {
    const checks = new Checks();
    checks.fail('input.menteeId', 'self', 'a person cannot mentor themselves');
    checks.done();
  }
  if (program.status === 'CLOSED' || program.status === 'DRAFT') {
    throw conflict('conflict.state', { type: 'Program', from: program.status, to: 'pairing' });
  }
  const enrolled = await enrolledPair(deps.people, scope.tenantId, program.id, { ...pair, peer: kindOf(program) === 'PEER' });
  const start = pairStartOf(deps, scope, program, enrolled, pair.startedAt ?? scope.now.toISOString(), source);
  const joined = pair.circleId ? await joining(deps, program, pair.circleId, start.mentorship, enrolled.mentor) : null;
  // The circle's first member opens it (ids and sizes only: the audit log never holds names).
  const circle =
    joined && joined.expectedVersion === null
      ? {
          ...joined,
          audit: auditEntry(scope, deps.newId, 'circle.start', { type: 'Circle', id: joined.next.id }, null, {
            programId: program.id,
            mentorId: joined.next.mentorId,
            firstPlace: start.mentorship.id,
          }),
        }
      : joined;
  const mentorship = circle ? { ...start.mentorship, circleId: circle.next.id } : start.mentorship;
  await deps.mentorships.startPair({ ...start, mentorship, source: accepted ? accepted(mentorship) : null, circle });
  return mentorship;
}

/** A circle member's start: the circle read and the member added (the store writes it at the version read). */
async function joining(
  deps: MentorshipDeps,
  program: Program,
  circleId: string,
  place: Mentorship,
  mentor: Enrolment,
): Promise<NonNullable<PairStart['circle']>> {
  if (!deps.circles) throw new Error('starting a circle member needs the circle store');
  const current = await deps.circles.getCircle(program.tenantId, circleId);
  if (current && current.mentorId !== place.mentorId)
    throw conflict('conflict.state', { type: 'Circle', from: 'other mentor', to: 'join' });
  const next = circleJoined(current, {
    id: circleId,
    tenantId: program.tenantId,
    programId: program.id,
    mentorId: place.mentorId,
    mentorName: place.mentorName,
    topic: mentor.circleTopic ?? null,
    size: circleSizeOf(program),
    member: { personId: place.menteeId, displayName: place.menteeName, mentorshipId: place.id, joinedAt: place.startedAt },
  });
  return { next, expectedVersion: current?.version ?? null };
}

/** What a pair brings when it started before Kindling knew it (an import): its plan's end and its contacts so far. */
export interface PairHistory {
  plannedEndOn: string;
  lastContactAt: string | null;
  meetingCount: number;
}

/**
 * The pair, its figures and its audit entry as a start writes them (without the accepted source).
 * A pair with history starts with its last contact, so its health is right from the first day.
 */
export function pairStartOf(
  deps: Pick<MentorshipDeps, 'newId'>,
  scope: Scope,
  program: Program,
  { mentor, mentee }: { mentor: Enrolment; mentee: Enrolment },
  startedAt: string,
  source: PairSource,
  history?: PairHistory,
): Omit<PairStart, 'source'> {
  const end = new Date(startedAt);
  end.setUTCMonth(end.getUTCMonth() + program.durationMonths);
  const mentorship: Mentorship = {
    id: deps.newId(),
    tenantId: scope.tenantId,
    programId: program.id,
    mentorId: mentor.personId,
    menteeId: mentee.personId,
    mentorName: mentor.displayName,
    menteeName: mentee.displayName,
    status: 'ACTIVE',
    source,
    startedAt,
    plannedEndOn: history?.plannedEndOn ?? end.toISOString().slice(0, 10),
    lastContactAt: history?.lastContactAt ?? null,
    meetingCount: history?.meetingCount ?? 0,
    pausedAt: null,
    endedAt: null,
    endReason: null,
    mentorReflection: null,
    menteeReflection: null,
    ...(mentor.role === 'PEER' ? { peer: true } : {}),
    version: 1,
  };
  const firstMatch = !mentee.firstMatchedAt;
  const stats = statsChange(
    program.id,
    {
      activeMentorships: 1,
      sumRunningStartDay: epochDay(startedAt),
      ...(firstMatch ? { menteesMatched: 1 } : {}),
      ...(source.kind === 'REQUEST' ? { requestsAccepted: 1 } : {}),
      ...(history?.meetingCount ? { meetings: history.meetingCount } : {}),
    },
    [
      ...moveSlot(null, healthSlot(mentorship)),
      ...(firstMatch
        ? [{ map: 'timeToMatch' as const, key: String(Math.max(0, epochDay(startedAt) - epochDay(mentee.enrolledAt))), delta: 1 }]
        : []),
    ],
  );
  const audit = auditEntry(
    scope,
    deps.newId,
    source.kind === 'IMPORT' ? 'mentorship.import' : 'mentorship.start',
    { type: 'Mentorship', id: mentorship.id },
    null,
    mentorship,
  );
  return { mentorship, mentor, mentee, stats, audit };
}

/** A program manager pairs two people directly (also the demo seed's way). */
export async function startMentorship(
  deps: MentorshipDeps,
  scope: Scope,
  input: { programId: string; mentorId: string; menteeId: string; startedAt?: string },
): Promise<Mentorship> {
  requireRole(scope.actor, 'start mentorships', 'manager');
  const program = await deps.programs.getProgram(scope.tenantId, input.programId);
  if (!program) throw notFound('Program');
  return startPair(deps, scope, program, input, { kind: 'MANAGER', id: null }, null);
}

export type PairTransition = 'PAUSE' | 'RESUME' | 'COMPLETE' | 'END_EARLY';

/** The pair's state machine: where each transition may start, and where it leads. */
export function transition(status: MentorshipStatus, action: PairTransition): MentorshipStatus | null {
  switch (action) {
    case 'PAUSE':
      return status === 'ACTIVE' ? 'PAUSED' : null;
    case 'RESUME':
      return status === 'PAUSED' ? 'ACTIVE' : null;
    case 'COMPLETE':
      return status === 'ACTIVE' || status === 'PAUSED' ? 'COMPLETED' : null;
    case 'END_EARLY':
      return status === 'ACTIVE' || status === 'PAUSED' ? 'ENDED_EARLY' : null;
    default:
      return assertNever(action);
  }
}

/**
 * Pause, resume, complete or end a pair early. Either member or a manager may; ending early needs
 * a reason. Ending frees the mentor's place and lets the mentee be matched again.
 */
export async function changeMentorship(
  deps: MentorshipDeps,
  scope: Scope,
  id: string,
  expectedVersion: number,
  action: PairTransition,
  input: { reason?: string | null; reflection?: string | null },
): Promise<Mentorship> {
  requireRole(scope.actor, 'change mentorships', 'manager', 'participant');
  const current = await getMentorship(deps.mentorships, scope, id);
  if (current.version !== expectedVersion) throw new DomainError(ErrorCode.CONFLICT, 'conflict.version', { type: 'Mentorship' });
  const status = transition(current.status, action);
  if (!status) throw conflict('conflict.state', { type: 'Mentorship', from: current.status, to: action });
  const checks = new Checks();
  const reason =
    action === 'END_EARLY' ? checks.text('reason', input.reason ?? '', { max: 1000 }) : checks.optionalText('reason', input.reason, 1000);
  const reflection = checks.optionalText('reflection', input.reflection, 4000);
  checks.done();
  const now = scope.now.toISOString();
  const ends = status === 'COMPLETED' || status === 'ENDED_EARLY';
  const side =
    scope.actor.personId === current.mentorId ? 'mentorReflection' : scope.actor.personId === current.menteeId ? 'menteeReflection' : null;
  const next: Mentorship = {
    ...current,
    status,
    pausedAt: status === 'PAUSED' ? now : null,
    endedAt: ends ? now : null,
    endReason: ends ? reason : current.endReason,
    ...(side && reflection ? { [side]: reflection } : {}),
    version: expectedVersion + 1,
  };
  const today = epochDay(scope.now);
  const started = epochDay(current.startedAt);
  const stats = statsChange(
    current.programId,
    {
      ...(action === 'PAUSE' ? { paused: 1 } : {}),
      ...(action === 'RESUME' ? { paused: -1 } : {}),
      ...(ends
        ? {
            activeMentorships: -1,
            sumRunningStartDay: -started,
            closedPairDays: today - started,
            ...(current.status === 'PAUSED' ? { paused: -1 } : {}),
            ...(status === 'COMPLETED' ? { completed: 1 } : { endedEarly: 1 }),
          }
        : {}),
    },
    moveSlot(healthSlot(current), healthSlot(next)),
  );
  const audit = auditEntry(scope, deps.newId, `mentorship.${action.toLowerCase()}`, { type: 'Mentorship', id }, current, next);
  // A member's ending place leaves its circle in the same transaction; the last one closes it.
  const circle = ends && current.circleId && deps.circles ? await deps.circles.getCircle(current.tenantId, current.circleId) : null;
  const left = circle ? circleLeft(circle, current.id, now) : null;
  await deps.mentorships.changePair(
    next,
    current,
    ends,
    stats,
    audit,
    left && circle ? { next: left, expectedVersion: circle.version } : null,
  );
  return next;
}

/** A member adds their closing reflection to an ended pair. */
export async function reflect(deps: MentorshipDeps, scope: Scope, id: string, expectedVersion: number, text: string): Promise<Mentorship> {
  requireRole(scope.actor, 'write a reflection', 'participant');
  const current = await getMentorship(deps.mentorships, scope, id);
  if (current.version !== expectedVersion) throw new DomainError(ErrorCode.CONFLICT, 'conflict.version', { type: 'Mentorship' });
  const checks = new Checks();
  const reflection = checks.text('reflection', text, { max: 4000 });
  checks.done();
  const side = scope.actor.personId === current.mentorId ? 'mentorReflection' : 'menteeReflection';
  const next: Mentorship = { ...current, [side]: reflection, version: expectedVersion + 1 };
  const audit = auditEntry(scope, deps.newId, 'mentorship.reflection', { type: 'Mentorship', id }, current, next);
  await deps.mentorships.changePair(next, current, false, statsChange(current.programId), audit);
  return next;
}

export interface MeetingInput {
  mentorshipId: string;
  kind?: ContactKind | null;
  heldAt: string;
  durationMinutes: number;
  mode: MeetingMode;
  topics?: string[] | null;
  privateNotes?: string | null;
}

/** Either member (or a manager) logs a meeting or check-in; the pair's last contact only moves forward. */
/** Logs a meeting; with an idempotency key, a retry returns the first meeting instead of logging twice. */
export async function logMeeting(
  deps: Pick<MentorshipDeps, 'mentorships' | 'newId'> & { idempotency: IdempotencyStore },
  scope: Scope,
  input: MeetingInput,
  idempotencyKey?: string | null,
): Promise<Meeting> {
  requireRole(scope.actor, 'log meetings', 'manager', 'participant');
  const mentorship = await getMentorship(deps.mentorships, scope, input.mentorshipId);
  const checks = new Checks();
  const heldAt = new Date(input.heldAt);
  if (Number.isNaN(heldAt.getTime())) checks.fail('input.heldAt', 'dateTime', 'must be an ISO 8601 date and time');
  else if (heldAt > scope.now) checks.fail('input.heldAt', 'future', 'a meeting is logged after it took place');
  else if (heldAt.toISOString() < mentorship.startedAt) checks.fail('input.heldAt', 'beforeStart', 'is before the mentorship started');
  const meeting: Meeting = {
    id: deps.newId(),
    tenantId: scope.tenantId,
    mentorshipId: mentorship.id,
    kind: checks.oneOf('input.kind', input.kind ?? 'MEETING', ['MEETING', 'CHECK_IN'] as const),
    heldAt: Number.isNaN(heldAt.getTime()) ? input.heldAt : heldAt.toISOString(),
    durationMinutes: checks.int('input.durationMinutes', input.durationMinutes, { min: 5, max: 600 }),
    mode: checks.oneOf('input.mode', input.mode, ['IN_PERSON', 'VIDEO', 'PHONE', 'CHAT'] as const),
    topics: checks.list('input.topics', input.topics ?? [], { maxItems: 10, maxLength: 80 }),
    privateNotes: checks.optionalText('input.privateNotes', input.privateNotes, 4000),
    loggedBy: scope.actor.id,
    loggedAt: scope.now.toISOString(),
  };
  if (mentorship.status !== 'ACTIVE' && mentorship.status !== 'PAUSED') {
    checks.fail('input.mentorshipId', 'state', 'meetings are logged for active or paused mentorships only');
  }
  checks.done();
  const lastContactAt = mentorship.lastContactAt && mentorship.lastContactAt > meeting.heldAt ? mentorship.lastContactAt : meeting.heldAt;
  const after = { ...mentorship, lastContactAt };
  const stats = statsChange(mentorship.programId, { meetings: 1 }, moveSlot(healthSlot(mentorship), healthSlot(after)));
  const change = { meeting: { id: meeting.id, kind: meeting.kind, heldAt: meeting.heldAt, mode: meeting.mode } };
  const audit = auditEntry(scope, deps.newId, 'mentorship.meeting', { type: 'Mentorship', id: mentorship.id }, null, change);
  // The meeting carries its pair: its private notes reach the pair only (domain/kernel/visibility.ts).
  return idempotent(
    deps,
    scope,
    idempotencyKey,
    'logMeeting',
    input,
    meeting.id,
    async (record) => {
      await deps.mentorships.addMeeting(meeting, { lastContactAt, expectedVersion: mentorship.version }, stats, audit, record);
      return withSubject(meeting, pairSubject(mentorship));
    },
    async (id) => {
      const earlier = (await deps.mentorships.listMeetings(scope.tenantId, mentorship.id)).find((m) => m.id === id);
      if (!earlier) throw notFound('Meeting');
      return withSubject(earlier, pairSubject(mentorship));
    },
  );
}

export interface GoalInput {
  title?: string | null;
  why?: string | null;
  targetDate?: string | null;
  status?: GoalStatus | null;
  progress?: number | null;
  note?: string | null;
}

/** The pair (or a manager) adds a goal to the plan or updates one: status, progress, a progress note. */
export async function saveGoal(
  deps: Pick<MentorshipDeps, 'mentorships' | 'newId'> & { idempotency: IdempotencyStore },
  scope: Scope,
  mentorshipId: string,
  goalId: string | null,
  expectedVersion: number | null,
  input: GoalInput,
  idempotencyKey?: string | null,
): Promise<Goal> {
  requireRole(scope.actor, 'plan goals', 'manager', 'participant');
  const mentorship = await getMentorship(deps.mentorships, scope, mentorshipId);
  const current = goalId ? await deps.mentorships.getGoal(scope.tenantId, mentorshipId, goalId) : null;
  if (goalId && !current) throw notFound('Goal');
  if (current && current.version !== expectedVersion) throw new DomainError(ErrorCode.CONFLICT, 'conflict.version', { type: 'Goal' });
  const checks = new Checks();
  const title = input.title
    ? checks.text('input.title', input.title, { max: 200 })
    : (current?.title ?? checks.text('input.title', '', { max: 200 }));
  const targetDate = input.targetDate === undefined ? (current?.targetDate ?? null) : input.targetDate;
  if (targetDate && !/^\d{4}-\d{2}-\d{2}$/.test(targetDate)) checks.fail('input.targetDate', 'date', 'must be a date as YYYY-MM-DD');
  const note = checks.optionalText('input.note', input.note, GOAL_NOTE_MAX);
  if (note && (current?.notes.length ?? 0) >= GOAL_NOTES_MAX) {
    checks.fail('input.note', 'tooMany', `a goal takes at most ${GOAL_NOTES_MAX} notes; start a new goal or drop this one`);
  }
  const stamp = scope.now.toISOString();
  const goal: Goal = {
    id: current?.id ?? deps.newId(),
    tenantId: scope.tenantId,
    mentorshipId: mentorship.id,
    title,
    why: input.why === undefined ? (current?.why ?? null) : checks.optionalText('input.why', input.why, 2000),
    targetDate,
    status: checks.oneOf('input.status', input.status ?? current?.status ?? 'OPEN', ['OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED'] as const),
    progress: checks.int('input.progress', input.progress ?? current?.progress ?? 0, { min: 0, max: 100 }),
    notes: [...(current?.notes ?? []), ...(note ? [{ at: stamp, by: scope.actor.id, text: note }] : [])],
    createdAt: current?.createdAt ?? stamp,
    updatedAt: stamp,
    version: (current?.version ?? 0) + 1,
  };
  checks.done();
  // The audit entry names the note added, not every note before and after: the list would make the entry twice the goal's size.
  const withoutNotes = ({ notes: _, ...rest }: Goal) => rest;
  const audit = auditEntry(
    scope,
    deps.newId,
    current ? 'mentorship.goal.update' : 'mentorship.goal.add',
    { type: 'Mentorship', id: mentorship.id },
    current ? withoutNotes(current) : null,
    { ...withoutNotes(goal), ...(note ? { note } : {}) },
  );
  // Adding a goal creates: a retry with the same key returns the first goal. Updates are versioned already.
  if (current) {
    await deps.mentorships.putGoal(goal, current.version, audit);
    return goal;
  }
  return idempotent(
    deps,
    scope,
    idempotencyKey,
    'saveGoal',
    { mentorshipId, input },
    goal.id,
    async (record) => {
      await deps.mentorships.putGoal(goal, null, audit, record);
      return goal;
    },
    async (id) => (await deps.mentorships.getGoal(scope.tenantId, mentorship.id, id)) ?? Promise.reject(notFound('Goal')),
  );
}

/** A program's pairs for the console: managers only; `health` is read on today's date by the program's cadence. */
export function listPairs(
  deps: Pick<MentorshipDeps, 'mentorships'>,
  scope: Scope,
  program: Program,
  filter: { status?: MentorshipStatus | null; health?: Health | null },
  page: PageRequest,
) {
  requireRole(scope.actor, 'list mentorships', 'manager');
  const health = filter.health ? healthBands(filter.health, program.cadence, epochDay(scope.now)) : null;
  return deps.mentorships.listMentorships(
    scope.tenantId,
    program.id,
    { status: health ? 'ACTIVE' : (filter.status ?? null), health },
    page,
  );
}
