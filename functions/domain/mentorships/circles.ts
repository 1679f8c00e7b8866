import type { Scope } from '#domain/kernel/actors.ts';
import { reachesProgram, requireRole } from '#domain/kernel/actors.ts';
import { auditEntry } from '#domain/kernel/audit.ts';
import { DomainError, ErrorCode, forbidden, notFound } from '#domain/kernel/errors.ts';
import { type IdempotencyStore, idempotent } from '#domain/kernel/idempotency.ts';
import type { Page, PageRequest } from '#domain/kernel/pages.ts';
import { Checks } from '#domain/kernel/validation.ts';
import { authorize, type Subject, withSubject } from '#domain/kernel/visibility.ts';
import type { Program } from '#domain/programs/programs.ts';
import { healthSlot, moveSlot, statsChange } from './analytics.ts';
import { type Circle, type CircleStore, circleParties, type GroupMeeting } from './circleRecord.ts';
import type { Survey, SurveyStore } from './feedback.ts';
import { getMentorship, type Mentorship, type MentorshipStore } from './pairs.ts';
import { READ_PROGRAM_RECORDS } from './reads.ts';

export * from './circleRecord.ts';

/** Whose a circle's records are: its mentor and members, in its program (private notes reach them only). */
export const circleSubject = (circle: Circle): Subject => ({ parties: circleParties(circle), programId: circle.programId });

const isInCircle = (scope: Scope, circle: Circle): boolean =>
  typeof scope.actor.personId === 'string' && circleParties(circle).includes(scope.actor.personId);

/** Managers see their tenant's circles; a participant only a circle they lead or belong to (others are NOT_FOUND). */
export async function getCircle(deps: { circles: CircleStore }, scope: Scope, id: string): Promise<Circle> {
  const circle = await deps.circles.getCircle(scope.tenantId, id);
  if (!circle) throw notFound('Circle');
  if (scope.actor.role === 'participant' && !isInCircle(scope, circle)) throw notFound('Circle');
  if (scope.actor.role !== 'participant' && scope.actor.role !== 'manager' && scope.actor.role !== 'operator') throw notFound('Circle');
  if (!reachesProgram(scope.actor, circle.programId)) throw notFound('Circle');
  return circle;
}

/** The circle, or null when there is none or it is not the caller's to see. */
export const findCircle = (deps: { circles: CircleStore }, scope: Scope, id: string): Promise<Circle | null> =>
  getCircle(deps, scope, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === ErrorCode.NOT_FOUND) return null;
    throw e;
  });

/** A program's circles, for its managers. */
export function programCircles(deps: { circles: CircleStore }, scope: Scope, program: Program, page: PageRequest): Promise<Page<Circle>> {
  authorize(scope.actor, READ_PROGRAM_RECORDS);
  return deps.circles.listCircles(program.tenantId, program.id, page);
}

/** The circle a member's place belongs to, if the caller may see it. */
export const circleOfPlace = (deps: { circles: CircleStore }, scope: Scope, place: Mentorship): Promise<Circle | null> =>
  place.circleId ? findCircle(deps, scope, place.circleId) : Promise.resolve(null);

/** Each group meeting carries its circle, so the visibility guard keeps its notes within the circle. */
export async function groupMeetingsOf(deps: { circles: CircleStore }, circle: Circle): Promise<GroupMeeting[]> {
  const meetings = await deps.circles.listGroupMeetings(circle.tenantId, circle.id);
  return meetings.map((m) => withSubject(m, circleSubject(circle))).sort((a, b) => b.heldAt.localeCompare(a.heldAt));
}

/**
 * The circle's survey answers: the program's check-in and closing surveys, answered by each member
 * on their place. Managers read every answer; a mentor or member reads their own.
 */
export async function circleSurveys(deps: { surveys: SurveyStore }, scope: Scope, circle: Circle): Promise<Survey[]> {
  const all = (await Promise.all(circle.members.map((m) => deps.surveys.listSurveys(circle.tenantId, m.mentorshipId)))).flat();
  const own = scope.actor.role === 'participant' ? all.filter((s) => s.respondentId === scope.actor.personId) : all;
  return own.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
}

export interface GroupMeetingInput {
  circleId: string;
  heldAt: string;
  durationMinutes: number;
  mode: GroupMeeting['mode'];
  topics?: string[] | null;
  /** Person ids of the members who attended. */
  attendees: string[];
  privateNotes?: string | null;
}

/**
 * The circle's mentor (or a manager) logs a group meeting with who attended. The circle's last
 * meeting moves, and each attendee's place moves its last contact, so the circle's health and each
 * member's follow the cadence as a pair's does — all in one transaction.
 */
export async function logGroupMeeting(
  deps: { circles: CircleStore; mentorships: MentorshipStore; newId: () => string; idempotency: IdempotencyStore },
  scope: Scope,
  input: GroupMeetingInput,
  idempotencyKey?: string | null,
): Promise<GroupMeeting> {
  requireRole(scope.actor, 'log group meetings', 'manager', 'participant');
  const circle = await getCircle(deps, scope, input.circleId);
  if (scope.actor.role === 'participant' && scope.actor.personId !== circle.mentorId) throw forbidden('log group meetings');
  const checks = new Checks();
  const heldAt = new Date(input.heldAt);
  if (Number.isNaN(heldAt.getTime())) checks.fail('input.heldAt', 'dateTime', 'must be an ISO 8601 date and time');
  else if (heldAt > scope.now) checks.fail('input.heldAt', 'future', 'a meeting is logged after it took place');
  else if (heldAt.toISOString() < circle.createdAt) checks.fail('input.heldAt', 'beforeStart', 'is before the circle started');
  const attendees = [...new Set(checks.list('input.attendees', input.attendees, { maxItems: 20, maxLength: 64 }))];
  const members = new Map(circle.members.map((m) => [m.personId, m]));
  for (const id of attendees) if (!members.has(id)) checks.fail('input.attendees', 'notMember', 'names someone who is not in this circle');
  const meeting: GroupMeeting = {
    id: deps.newId(),
    tenantId: scope.tenantId,
    programId: circle.programId,
    circleId: circle.id,
    heldAt: Number.isNaN(heldAt.getTime()) ? input.heldAt : heldAt.toISOString(),
    durationMinutes: checks.int('input.durationMinutes', input.durationMinutes, { min: 5, max: 600 }),
    mode: checks.oneOf('input.mode', input.mode, ['IN_PERSON', 'VIDEO', 'PHONE', 'CHAT'] as const),
    topics: checks.list('input.topics', input.topics ?? [], { maxItems: 10, maxLength: 80 }),
    attendees,
    privateNotes: checks.optionalText('input.privateNotes', input.privateNotes, 4000),
    loggedBy: scope.actor.id,
    loggedAt: scope.now.toISOString(),
  };
  checks.done();
  const later = (a: string | null, b: string) => (a && a > b ? a : b);
  // Each attendee's place, as the pair's health reads it (a member whose place ended is not moved).
  const places = (
    await Promise.all(attendees.map((id) => getMentorship(deps.mentorships, scope, members.get(id)?.mentorshipId ?? '').catch(() => null)))
  ).filter((p): p is Mentorship => p !== null && (p.status === 'ACTIVE' || p.status === 'PAUSED'));
  const moved = places.map((p) => ({ before: p, after: { ...p, lastContactAt: later(p.lastContactAt, meeting.heldAt) } }));
  const next: Circle = {
    ...circle,
    lastMeetingAt: later(circle.lastMeetingAt, meeting.heldAt),
    meetingCount: circle.meetingCount + 1,
    members: circle.members.map((m) =>
      attendees.includes(m.personId) ? { ...m, lastAttendedAt: later(m.lastAttendedAt, meeting.heldAt), attended: m.attended + 1 } : m,
    ),
    version: circle.version + 1,
  };
  const stats = statsChange(
    circle.programId,
    { meetings: 1 },
    moved.flatMap((m) => moveSlot(healthSlot(m.before), healthSlot(m.after))),
  );
  // The audit entry names who attended and when, never the notes.
  const change = { meeting: { id: meeting.id, heldAt: meeting.heldAt, mode: meeting.mode, attendees } };
  const audit = auditEntry(scope, deps.newId, 'circle.meeting', { type: 'Circle', id: circle.id }, null, change);
  // A retry with the same key returns the first meeting (ADR 0058); the record is referenced from the circle.
  return idempotent(
    deps,
    scope,
    idempotencyKey,
    'logGroupMeeting',
    input,
    meeting.id,
    async (record) => {
      await deps.circles.addGroupMeeting({
        meeting,
        circle: { next, expectedVersion: circle.version },
        places: moved.map((m) => ({
          id: m.after.id,
          lastContactAt: m.after.lastContactAt,
          startedAt: m.after.startedAt,
          expectedVersion: m.before.version,
        })),
        stats,
        audit,
        idempotency: record,
      });
      return withSubject(meeting, circleSubject(next));
    },
    async (id) => {
      const earlier = (await deps.circles.listGroupMeetings(scope.tenantId, circle.id)).find((m) => m.id === id);
      if (!earlier) throw notFound('GroupMeeting');
      return withSubject(earlier, circleSubject(circle));
    },
  );
}
