import type { MessageChannel, OutboxMessage } from '#domain/engagement/outbox.ts';
import type { Scope } from '#domain/kernel/actors.ts';
import { requireRole } from '#domain/kernel/actors.ts';
import { type AuditEntry, type AuditStore, auditEntry } from '#domain/kernel/audit.ts';
import { DomainError, ErrorCode, notFound } from '#domain/kernel/errors.ts';
import { fold } from '#domain/kernel/names.ts';
import { allPages } from '#domain/kernel/pages.ts';
import { Checks } from '#domain/kernel/validation.ts';
import { personalExportView, privacyLookup } from '#domain/kernel/visibility.ts';
import type { GroupFairness } from '#domain/matching/run.ts';
import type { Circle, GroupMeeting } from '#domain/mentorships/circleRecord.ts';
import type { Survey } from '#domain/mentorships/feedback.ts';
import type { Goal, Meeting, Mentorship } from '#domain/mentorships/pairs.ts';
import type { MatchProposal } from '#domain/mentorships/proposals.ts';
import type { MentorshipRequest } from '#domain/mentorships/requests.ts';
import type { RejectedRow } from '#domain/people/imports.ts';
import type { Enrolment, PeopleStore, Person } from '#domain/people/people.ts';
import type { ProgramStore } from '#domain/programs/programs.ts';

/** Everything Kindling holds about one person, as a machine-readable export. */
export interface PersonalRecord {
  person: Person | null;
  enrolments: Enrolment[];
  mentorships: Mentorship[];
  meetings: Meeting[];
  audit: AuditEntry[];
}

/**
 * What erasure looks for in copies that are not linked to the person by key (notifications, webhook
 * bodies, import rows, a run's fairness groups). Kept on the marker only while erasure runs, so a
 * run that crashed can finish; removed when it is done.
 */
export interface ErasureLookup {
  displayName: string;
  givenName: string;
  familyName: string;
  email: string;
  externalId: string | null;
  department: string | null;
  location: string | null;
}

export interface ErasureMarker {
  tenantId: string;
  personId: string;
  pseudonym: string;
  erasedAt: string;
  erasedBy: string;
  reason: string;
  /** Present until erasure has reached every copy. */
  lookup?: ErasureLookup | null;
}

/** What erasure changed, by kind of copy (docs/data-map.md lists them all). */
export interface ErasureCounts {
  enrolments: number;
  mentorships: number;
  meetings: number;
  auditEntries: number;
  goals: number;
  surveys: number;
  requests: number;
  proposals: number;
  notifications: number;
  webhookDeliveries: number;
  importRows: number;
  idempotencyRecords: number;
  other: number;
}

export interface PrivacyStore {
  collectPersonalData(tenantId: string, personId: string): Promise<PersonalRecord>;
  erasureOf(tenantId: string, personId: string): Promise<ErasureMarker | null>;
  /** Deletes the profile and its e-mail and employee-id claims and writes the marker and audit entry, in one transaction. */
  eraseProfile(person: Person, marker: ErasureMarker, audit: AuditEntry): Promise<void>;
  /**
   * Replaces the person's data in every copy docs/data-map.md names: enrolments, pairs and their
   * record, requests, proposals, audit trails, notifications, webhook deliveries, the engagement
   * list, matching runs, import rows and idempotency records. Safe to run again.
   */
  pseudonymise(marker: ErasureMarker): Promise<ErasureCounts & { messageIds: string[] }>;
  /** Drops the lookup from the marker: erasure is complete. */
  finishErasure(marker: ErasureMarker): Promise<void>;
}

export const EXPORT_FORMAT = 'kindling.personal-data/v1';

/**
 * A manager may export anyone in their organisation; a participant only themselves. The person's
 * own export holds everything; a manager's passes through the visibility rules, so pair-private
 * notes and hidden sensitive reasons are withheld and listed as such (ADR 0030). Every export is
 * audited: who exported whose data, and what was withheld (no personal data in the entry).
 */
export async function exportPersonalData(
  deps: { privacy: PrivacyStore; audit: AuditStore; programs: Pick<ProgramStore, 'listPrograms'>; newId: () => string },
  scope: Scope,
  personId: string,
) {
  requireRole(scope.actor, 'export personal data', 'manager', 'participant');
  if (scope.actor.role === 'participant' && scope.actor.personId !== personId) throw notFound('Person');
  const [record, programs] = await Promise.all([
    deps.privacy.collectPersonalData(scope.tenantId, personId),
    allPages((page) => deps.programs.listPrograms(scope.tenantId, page), 100),
  ]);
  if (!record.person) throw notFound('Person');
  const view = personalExportView(record, personId, scope.actor, privacyLookup(programs));
  const withheld = view.withheld.map((w) => w.what);
  await deps.audit.recordAudit(auditEntry(scope, deps.newId, 'person.export', { type: 'Person', id: personId }, null, { withheld }));
  return { format: EXPORT_FORMAT, exportedAt: scope.now.toISOString(), tenant: scope.tenantId, ...view };
}

/** The name an erased person keeps in statistics and in the other party's history. */
export const pseudonymFor = (personId: string): string => `Erased participant ${personId.slice(-4).toUpperCase()}`;

/**
 * Erasure on request: the profile goes, and the person's history stays only pseudonymised, so
 * program statistics stay true. Re-running it after a crash finishes the job.
 */
export async function erasePerson(
  deps: { privacy: PrivacyStore; people: PeopleStore; channel: MessageChannel; newId: () => string },
  scope: Scope,
  personId: string,
  reason: string,
): Promise<ErasureMarker & ErasureCounts> {
  requireRole(scope.actor, 'erase people', 'manager');
  const checks = new Checks();
  const why = checks.text('reason', reason, { max: 500 });
  checks.done();
  let marker = await deps.privacy.erasureOf(scope.tenantId, personId);
  if (!marker) {
    const person = await deps.people.getPerson(scope.tenantId, personId);
    if (!person) throw notFound('Person');
    marker = {
      tenantId: scope.tenantId,
      personId,
      pseudonym: pseudonymFor(personId),
      erasedAt: scope.now.toISOString(),
      erasedBy: scope.actor.id,
      reason: why,
      lookup: {
        displayName: person.displayName,
        givenName: person.givenName,
        familyName: person.familyName,
        email: person.email,
        externalId: person.externalId,
        department: person.department,
        location: person.location,
      },
    };
    // The audit entry names no personal data: who erased whom (by id), when.
    const audit = auditEntry(scope, deps.newId, 'person.erase', { type: 'Person', id: personId }, null, null);
    try {
      await deps.privacy.eraseProfile(person, marker, audit);
    } catch (e) {
      if (e instanceof DomainError && e.code === ErrorCode.CONFLICT) {
        throw new DomainError(ErrorCode.CONFLICT, 'conflict.version', { type: 'Person' });
      }
      throw e;
    }
  }
  const { messageIds, ...counts } = await deps.privacy.pseudonymise(marker);
  // The mail that was written for or about the person (the local mailbox's files; SES cannot unsend).
  await deps.channel.forget?.(messageIds);
  await deps.privacy.finishErasure(marker);
  const { lookup: _, ...receipt } = marker;
  return { ...receipt, ...counts };
}

/* ------------------------------------------------------------------------------------------------
 * What erasure does to each copy (docs/data-map.md). Pure: the store reads the items and writes
 * back what these return. Every rule keeps what statistics, counters and partner events read (ids,
 * states, dates, codes, figures) and drops what a person wrote or is called.
 * ---------------------------------------------------------------------------------------------- */

export const ERASED = '[erased]';

/**
 * Audit fields whose values stay after erasure: ids, states, dates, codes and figures. Everything
 * else a change held (names, e-mail, free text) becomes `[erased]`, in nested values too.
 */
const AUDIT_KEEPS = new Set([
  'id',
  'programId',
  'personId',
  'menteeId',
  'mentorId',
  'mentorshipId',
  'runId',
  'role',
  'status',
  'kind',
  'side',
  'source',
  'origin',
  'mode',
  'heldAt',
  'durationMinutes',
  'reasons',
  'focusAreas',
  'outcomes',
  'rating',
  'capacity',
  'hoursPerMonth',
  'openToSponsoring',
  'score',
  'explanation',
  'progress',
  'targetDate',
  'createdAt',
  'enrolledAt',
  'startedAt',
  'plannedEndOn',
  'pausedAt',
  'endedAt',
  'lastContactAt',
  'meetingCount',
  'expiresAt',
  'answeredAt',
  'approvedAt',
  'mentorAcceptedAt',
  'menteeAcceptedAt',
  'firstMatchedAt',
  'activeMentorships',
  'openRequests',
  'followUps',
  'run',
  'meeting',
  'survey',
]);

function redactValue(field: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (AUDIT_KEEPS.has(field) && (typeof value !== 'object' || Array.isArray(value))) return value;
  if (typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactValue(k, v)]));
  }
  return ERASED;
}

/** An audit entry's changes with every personal value replaced: which fields changed stays, and the figures. */
export const redactChanges = (changes: AuditEntry['changes']): AuditEntry['changes'] =>
  changes.map((c) => ({ field: c.field, before: redactValue(c.field, c.before), after: redactValue(c.field, c.after) }));

const literal = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces the person's name, e-mail address and employee id wherever they stand as words in a
 * text (a notification's data, a webhook body, a name on the engagement list), with the pseudonym.
 */
export function textScrubber(lookup: ErasureLookup | null | undefined, pseudonym: string): (text: string) => string {
  if (!lookup) return (text) => text;
  const needles = [lookup.displayName, lookup.email, lookup.externalId, `${lookup.givenName} ${lookup.familyName}`, lookup.familyName]
    .filter((n): n is string => typeof n === 'string' && n.trim().length >= 3)
    .sort((a, b) => b.length - a.length);
  const words = needles.map((n) => new RegExp(`(?<![\\p{L}\\p{N}])${literal(n)}(?![\\p{L}\\p{N}])`, 'giu'));
  return (text) => words.reduce((t, re) => t.replace(re, pseudonym), text);
}

/** Every string inside a value, scrubbed. */
export function scrubDeep<T>(value: T, scrub: (text: string) => string): T {
  if (typeof value === 'string') return scrub(value) as T;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, scrub)) as T;
  if (value instanceof Set) return new Set([...value].map((v) => scrubDeep(v, scrub))) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, scrub)])) as T;
  }
  return value;
}

/**
 * A pair's shared record is about both members: when either is erased, the free text in it goes
 * (reflections, the end reason, meeting topics and notes, goals' words, survey comments), because
 * nothing tells whose words, or words about whom, it holds. Dates, states, ratings and outcomes stay.
 */
export const erasedPair = (m: Mentorship, personId: string, pseudonym: string): Mentorship => ({
  ...m,
  ...(m.menteeId === personId ? { menteeName: pseudonym } : {}),
  ...(m.mentorId === personId ? { mentorName: pseudonym } : {}),
  mentorReflection: null,
  menteeReflection: null,
  endReason: m.endReason === null ? null : ERASED,
});
export const erasedMeeting = (meeting: Meeting): Meeting => ({ ...meeting, topics: [], privateNotes: null });
/**
 * A circle names its mentor and members: the erased person's name becomes the pseudonym. Its group
 * meetings are the circle's shared record, so their topics and notes go when anyone in it is erased.
 */
export const erasedCircle = (c: Circle, personId: string, pseudonym: string): Circle => ({
  ...c,
  ...(c.mentorId === personId ? { mentorName: pseudonym } : {}),
  members: c.members.map((m) => (m.personId === personId ? { ...m, displayName: pseudonym } : m)),
});
export const erasedGroupMeeting = (meeting: GroupMeeting): GroupMeeting => ({ ...meeting, topics: [], privateNotes: null });
export const erasedGoal = (goal: Goal): Goal => ({ ...goal, title: ERASED, why: null, notes: [] });
export const erasedSurvey = (survey: Survey): Survey => ({ ...survey, comment: null });

/** A request either side of which is erased: the introduction and the reason go, the focus areas and dates stay. */
export const erasedRequest = (r: MentorshipRequest, personId: string, pseudonym: string): MentorshipRequest => ({
  ...r,
  ...(r.menteeId === personId ? { menteeName: pseudonym } : {}),
  ...(r.mentorId === personId ? { mentorName: pseudonym } : {}),
  introduction: { ...r.introduction, whyThisMentor: ERASED, timeAsked: ERASED, message: null },
  reason: r.reason === null ? null : ERASED,
});

export const erasedProposal = (p: MatchProposal, personId: string, pseudonym: string): MatchProposal => ({
  ...p,
  ...(p.menteeId === personId ? { menteeName: pseudonym } : {}),
  ...(p.mentorId === personId ? { mentorName: pseudonym } : {}),
  reason: p.reason === null ? null : ERASED,
});

/**
 * A notification for or about the person: names scrubbed from its data; sent to the person, it
 * keeps no address, and if it was still waiting it never goes (FAILED, so nothing retries it).
 */
export function erasedMessage(msg: OutboxMessage, personId: string, scrub: (text: string) => string, pseudonym: string): OutboxMessage {
  const toPerson = msg.recipient.personId === personId;
  const waiting = msg.status === 'PENDING' || msg.status === 'SENDING';
  return {
    ...msg,
    data: scrubDeep(msg.data, scrub),
    recipient: toPerson ? { ...msg.recipient, name: pseudonym, email: null } : scrubDeep(msg.recipient, scrub),
    ...(toPerson && waiting ? { status: 'FAILED' as const, lastError: 'recipient erased' } : {}),
  };
}

/** A fairness group of one is the person: its label (their department or location) goes. */
export function erasedFairness(groups: GroupFairness[], lookup: ErasureLookup | null | undefined): GroupFairness[] {
  const labels = new Set([lookup?.department, lookup?.location].filter((l): l is string => !!l).map(fold));
  return groups.map((g) => (g.mentees <= 1 && labels.has(fold(g.group)) ? { ...g, group: ERASED } : g));
}

/** An import row is about the person when it names their e-mail address or employee id. */
export function rowIsAbout(lookup: ErasureLookup | null | undefined, row: { email?: string | null; externalId?: string | null }): boolean {
  if (!lookup) return false;
  const same = (a: string | null | undefined, b: string | null | undefined) =>
    !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
  return same(row.email, lookup.email) || same(row.externalId, lookup.externalId);
}

/** A rejected or failed import row about the person: no address, no id, the pseudonym for a name, the reasons scrubbed. */
export const erasedProblem = (row: RejectedRow, scrub: (text: string) => string, pseudonym: string): RejectedRow => ({
  ...row,
  externalId: null,
  email: null,
  name: pseudonym,
  reasons: row.reasons.map(scrub),
  ...(row.problems
    ? {
        problems: row.problems.map((p) => ({
          code: p.code,
          params: Object.fromEntries(Object.entries(p.params).map(([k, v]) => [k, typeof v === 'string' ? scrub(v) : v])),
        })),
      }
    : {}),
});
