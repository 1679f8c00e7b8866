import type { Scope } from './actors.ts';
import { requireRole } from './actors.ts';
import { type AuditEntry, auditEntry } from './audit.ts';
import { notFound } from './errors.ts';
import type { Page, PageRequest } from './pages.ts';
import { Checks } from './validation.ts';

export type MentorshipStatus = 'ACTIVE' | 'PAUSED' | 'COMPLETED' | 'ENDED_EARLY';
export type MeetingMode = 'IN_PERSON' | 'VIDEO' | 'PHONE' | 'CHAT';

export interface Mentorship {
  id: string;
  tenantId: string;
  programId: string;
  mentorId: string;
  menteeId: string;
  mentorName: string;
  menteeName: string;
  status: MentorshipStatus;
  startedAt: string;
  plannedEndOn: string;
  lastContactAt: string | null;
  meetingCount: number;
  version: number;
}

export interface Meeting {
  id: string;
  tenantId: string;
  mentorshipId: string;
  heldAt: string;
  durationMinutes: number;
  mode: MeetingMode;
  topics: string[];
  loggedBy: string;
  loggedAt: string;
}

export interface MentorshipStore {
  getMentorship(tenantId: string, id: string): Promise<Mentorship | null>;
  listMentorships(tenantId: string, programId: string, page: PageRequest): Promise<Page<Mentorship>>;
  /** Starts the pair: writes the mentorship and bumps the program's active count in one transaction. */
  createMentorship(mentorship: Mentorship, audit: AuditEntry): Promise<void>;
  /**
   * Logs the meeting and sets the pair's last contact in one transaction, provided the pair is
   * still at `expectedVersion` (else CONFLICT: someone logged at the same moment; retry).
   */
  addMeeting(meeting: Meeting, pair: { lastContactAt: string; expectedVersion: number }, audit: AuditEntry): Promise<void>;
  listMeetings(tenantId: string, mentorshipId: string): Promise<Meeting[]>;
}

export async function getMentorship(store: MentorshipStore, scope: Scope, id: string): Promise<Mentorship> {
  const mentorship = await store.getMentorship(scope.tenantId, id);
  if (!mentorship) throw notFound('Mentorship');
  const { actor } = scope;
  if (actor.role === 'participant' && actor.personId !== mentorship.mentorId && actor.personId !== mentorship.menteeId) {
    throw notFound('Mentorship');
  }
  return mentorship;
}

export interface MeetingInput {
  mentorshipId: string;
  heldAt: string;
  durationMinutes: number;
  mode: MeetingMode;
  topics?: string[] | null;
}

export async function logMeeting(
  deps: { mentorships: MentorshipStore; newId: () => string },
  scope: Scope,
  input: MeetingInput,
): Promise<Meeting> {
  requireRole(scope.actor, 'logMeeting', 'manager', 'participant');
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
    heldAt: Number.isNaN(heldAt.getTime()) ? input.heldAt : heldAt.toISOString(),
    durationMinutes: checks.int('input.durationMinutes', input.durationMinutes, { min: 5, max: 600 }),
    mode: checks.oneOf('input.mode', input.mode, ['IN_PERSON', 'VIDEO', 'PHONE', 'CHAT'] as const),
    topics: checks.list('input.topics', input.topics ?? [], { maxItems: 10, maxLength: 80 }),
    loggedBy: scope.actor.id,
    loggedAt: scope.now.toISOString(),
  };
  if (mentorship.status !== 'ACTIVE' && mentorship.status !== 'PAUSED') {
    checks.fail('input.mentorshipId', 'state', 'meetings are logged for active or paused mentorships only');
  }
  checks.done();
  // The last contact only moves forward: a meeting logged late does not rewind it.
  const lastContactAt = mentorship.lastContactAt && mentorship.lastContactAt > meeting.heldAt ? mentorship.lastContactAt : meeting.heldAt;
  const change = { meeting: { id: meeting.id, heldAt: meeting.heldAt, mode: meeting.mode } };
  const audit = auditEntry(scope, deps.newId, 'mentorship.meeting', { type: 'Mentorship', id: mentorship.id }, null, change);
  await deps.mentorships.addMeeting(meeting, { lastContactAt, expectedVersion: mentorship.version }, audit);
  return meeting;
}

export interface StartInput {
  programId: string;
  mentor: { id: string; displayName: string };
  mentee: { id: string; displayName: string };
  durationMonths: number;
  startedAt?: string;
}

/** Starts a pair directly (a program manager's own match, or the demo seed). */
export async function startMentorship(
  deps: { mentorships: MentorshipStore; newId: () => string },
  scope: Scope,
  input: StartInput,
): Promise<Mentorship> {
  requireRole(scope.actor, 'startMentorship', 'manager', 'operator');
  const checks = new Checks();
  if (input.mentor.id === input.mentee.id) checks.fail('input.menteeId', 'self', 'a person cannot mentor themselves');
  checks.done();
  const startedAt = input.startedAt ?? scope.now.toISOString();
  const end = new Date(startedAt);
  end.setUTCMonth(end.getUTCMonth() + input.durationMonths);
  const mentorship: Mentorship = {
    id: deps.newId(),
    tenantId: scope.tenantId,
    programId: input.programId,
    mentorId: input.mentor.id,
    menteeId: input.mentee.id,
    mentorName: input.mentor.displayName,
    menteeName: input.mentee.displayName,
    status: 'ACTIVE',
    startedAt,
    plannedEndOn: end.toISOString().slice(0, 10),
    lastContactAt: null,
    meetingCount: 0,
    version: 1,
  };
  await deps.mentorships.createMentorship(
    mentorship,
    auditEntry(scope, deps.newId, 'mentorship.start', { type: 'Mentorship', id: mentorship.id }, null, mentorship),
  );
  return mentorship;
}
