import { createHash } from 'node:crypto';
import type { AuditEntry } from '#domain/kernel/audit.ts';
import type { IdempotencyRecord } from '#domain/kernel/idempotency.ts';
import type { Page, PageRequest } from '#domain/kernel/pages.ts';
import type { Cadence } from '#domain/programs/programs.ts';
import type { StatsChange } from './analytics.ts';
import { type PairHealth, pairHealth } from './health.ts';

/**
 * A group program's circle (ADR 0075): a mentor and the mentees who accepted a place in it. Each
 * member's place is also a pair of the program (`Mentorship.circleId`), so the mentor's capacity,
 * a mentee's one running place, proposals, surveys and pair health work as they do for pairs; the
 * circle holds what the members share: its topic, its members and its group meetings.
 */
export interface Circle {
  id: string;
  tenantId: string;
  programId: string;
  mentorId: string;
  mentorName: string;
  /** A focus area of the program: the mentor's circle topic when it started; null for a general circle. */
  topic: string | null;
  /** The program's circle size when the circle started. */
  minimum: number;
  maximum: number;
  members: CircleMember[];
  /** OPEN while it runs; CLOSED when its last member's place has ended. */
  status: 'OPEN' | 'CLOSED';
  createdAt: string;
  lastMeetingAt: string | null;
  meetingCount: number;
  version: number;
}

export interface CircleMember {
  personId: string;
  displayName: string;
  /** The member's place in the circle, kept as a pair with the mentor. */
  mentorshipId: string;
  joinedAt: string;
  lastAttendedAt: string | null;
  attended: number;
  /** When the member's place ended (completed or ended early); absent or null while it runs. */
  leftAt?: string | null;
}

/** A mentor's circle in a program: one at a time, so the id follows from the two (matching's and a manager's proposals alike). */
export const circleIdOf = (programId: string, mentorId: string): string =>
  createHash('sha256')
    .update(`circle|${programId}|${mentorId}`)
    .digest('base64url')
    .slice(0, 26)
    .replace(/[^A-Za-z0-9]/g, 'x');

/** FORMING until the circle has its minimum of members; ACTIVE from then on; CLOSED when it ended. */
export type CircleStatus = 'FORMING' | 'ACTIVE' | 'CLOSED';

export const circleStatus = (circle: Circle): CircleStatus =>
  circle.status === 'CLOSED' ? 'CLOSED' : circle.members.length >= circle.minimum ? 'ACTIVE' : 'FORMING';

/** A group meeting: who of the circle's members attended; its notes are the circle's only. */
export interface GroupMeeting {
  id: string;
  tenantId: string;
  programId: string;
  circleId: string;
  heldAt: string;
  durationMinutes: number;
  mode: 'IN_PERSON' | 'VIDEO' | 'PHONE' | 'CHAT';
  topics: string[];
  /** Person ids of the members who attended. */
  attendees: string[];
  /** Visible to the circle (its mentor and members) only. */
  privateNotes: string | null;
  loggedBy: string;
  loggedAt: string;
}

/** What a group meeting changes together: the meeting, the circle at its version, each attendee's place at its version. */
export interface GroupMeetingWrite {
  meeting: GroupMeeting;
  circle: { next: Circle; expectedVersion: number };
  places: { id: string; lastContactAt: string; startedAt: string; expectedVersion: number }[];
  stats: StatsChange;
  audit: AuditEntry;
  /** With an idempotency key (ADR 0058): the record, referenced from the circle so erasure reaches it. */
  idempotency?: IdempotencyRecord | null;
}

export interface CircleStore {
  getCircle(tenantId: string, id: string): Promise<Circle | null>;
  /** A program's circles, newest first. */
  listCircles(tenantId: string, programId: string, page: PageRequest): Promise<Page<Circle>>;
  listGroupMeetings(tenantId: string, circleId: string): Promise<GroupMeeting[]>;
  /** The meeting, the circle and the attendees' places in one transaction; CONFLICT when either moved on. */
  addGroupMeeting(write: GroupMeetingWrite): Promise<void>;
}

/**
 * The circle as a new member's start writes it: created with its first member (the mentor's topic,
 * the program's size), or the member added to the one there is.
 */
export function circleJoined(
  current: Circle | null,
  start: {
    id: string;
    tenantId: string;
    programId: string;
    mentorId: string;
    mentorName: string;
    topic: string | null;
    size: { minimum: number; maximum: number };
    member: Omit<CircleMember, 'lastAttendedAt' | 'attended'>;
  },
): Circle {
  const member: CircleMember = { ...start.member, lastAttendedAt: null, attended: 0 };
  if (current) return { ...current, status: 'OPEN', members: [...current.members, member], version: current.version + 1 };
  return {
    id: start.id,
    tenantId: start.tenantId,
    programId: start.programId,
    mentorId: start.mentorId,
    mentorName: start.mentorName,
    topic: start.topic,
    minimum: start.size.minimum,
    maximum: start.size.maximum,
    members: [member],
    status: 'OPEN',
    createdAt: start.member.joinedAt,
    lastMeetingAt: null,
    meetingCount: 0,
    version: 1,
  };
}

/** The members whose places still run (not yet left). */
export const runningMembers = (circle: Pick<Circle, 'members'>): CircleMember[] => circle.members.filter((m) => !m.leftAt);

/**
 * The circle as a member's ending place leaves it: the member marked as left, and the circle CLOSED
 * when that was its last running place (ADR 0082). Null when the place is not one of its members'.
 */
export function circleLeft(circle: Circle, placeId: string, at: string): Circle | null {
  if (!circle.members.some((m) => m.mentorshipId === placeId && !m.leftAt)) return null;
  const members = circle.members.map((m) => (m.mentorshipId === placeId ? { ...m, leftAt: at } : m));
  return { ...circle, members, status: runningMembers({ members }).length === 0 ? 'CLOSED' : circle.status, version: circle.version + 1 };
}

/** The circle's health: from its last group meeting (or its start), by the program's cadence, as a pair's. */
export const circleHealth = (cadence: Cadence, circle: Circle, now: Date): PairHealth =>
  pairHealth(cadence, new Date(circle.createdAt), circle.lastMeetingAt ? new Date(circle.lastMeetingAt) : null, now);

/** A member's health: from the last group meeting they attended (or when they joined). */
export const memberHealth = (cadence: Cadence, member: CircleMember, now: Date): PairHealth =>
  pairHealth(cadence, new Date(member.joinedAt), member.lastAttendedAt ? new Date(member.lastAttendedAt) : null, now);

/** Everyone the circle's records are about: its mentor and its members (the parties of its private notes). */
export const circleParties = (circle: Pick<Circle, 'mentorId' | 'members'>): string[] => [
  circle.mentorId,
  ...circle.members.map((m) => m.personId),
];
