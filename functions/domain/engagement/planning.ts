import { createHash } from 'node:crypto';
import { type Circle, runningMembers } from '#domain/mentorships/circleRecord.ts';
import { DAY_MS, epochDay } from '#domain/mentorships/health.ts';
import type { Mentorship } from '#domain/mentorships/pairs.ts';
import type { MatchProposal } from '#domain/mentorships/proposals.ts';
import type { MentorshipRequest } from '#domain/mentorships/requests.ts';
import type { Person } from '#domain/people/people.ts';
import { engagementOf } from '#domain/programs/engagementSettings.ts';
import { kindOf } from '#domain/programs/kinds.ts';
import type { Program } from '#domain/programs/programs.ts';
import type { Attention, AttentionStore, Suggestion } from './attention.ts';
import type { PlannedLink } from './links.ts';
import { messageId, type OutboxMessage, quietUntil, type Recipient } from './outbox.ts';
import type { Locale, Template } from './templates.ts';

/**
 * Engagement (issue #9): Kindling keeps the rhythm of a program for its manager — follow-ups on
 * unanswered requests and proposals, nudges when a pair's next contact falls due, escalations when
 * a pair stays overdue, check-in and closing surveys, and flags on mentors who stopped answering.
 *
 * This file is the pure plan of a day — which messages are due, each with a deterministic id, so
 * that planning the same day twice (or after a crash) names exactly the same messages and the
 * outbox writes each once. The settings live in engagementSettings.ts, the outbox message in
 * outbox.ts, the attention list in attention.ts.
 */
/** A webhook-worthy event found while planning (pair overdue, survey due); deliveries are made per subscription. */
export interface PlannedEvent {
  id: string;
  type: 'PAIR_OVERDUE' | 'SURVEY_DUE' | 'CIRCLE_OVERDUE';
  occurredAt: string;
  data: Record<string, string | number | null>;
}

/** What the planner reads for one program on one day. */
export interface ProgramDay {
  program: Program;
  /** The tenant's zone and language, for the manager's messages. */
  tenant: { timeZone: string; locale: Locale };
  now: Date;
  /** Requests sent recently enough to need a follow-up or an expiry notice. */
  requests: MentorshipRequest[];
  /** Open proposals (proposed, approved) and recently expired ones. */
  proposals: MatchProposal[];
  /** The program's active pairs and recently completed ones. */
  pairs: Mentorship[];
  /** Mentors already flagged, so the manager hears once. */
  flagged: Set<string>;
  /** A group program's open circles: nudged as one, through their mentor (the places' pairs are not). */
  circles?: Circle[];
}

/** A message the plan wants, before its recipient's address is looked up. */
export interface PlannedMessage {
  dedupeKey: string;
  template: Template;
  to: { personId: string } | 'MANAGER';
  data: Record<string, string | number>;
  /** One-click actions the e-mail offers its recipient (ADR 0059); the links are made when it is sent. */
  links?: PlannedLink[];
}

/** What a day's plan changes besides messages: the manager's attention list, mentor signals. */
export interface DayPlan {
  messages: PlannedMessage[];
  attention: Attention[];
  /** Mentor id → the ids of requests they left unanswered and of pairs whose nudges they ignored. */
  signals: Map<string, { name: string; ids: string[] }>;
  events: PlannedEvent[];
  /** Approved proposals past their expiry that the job expires (the mentee then hears what to do next). */
  expireProposals: MatchProposal[];
}

const day = (iso: string): string => iso.slice(0, 10);

/**
 * A pair's message is planned on the day it falls due or within this many days after (a job that
 * was down catches up); later, a stale reminder would only confuse. It also keeps a typical day's
 * plan to the pairs with something new, not every pair of the program.
 */
export const CATCH_UP_DAYS = 7;
const within = (today: number, from: number): boolean => today >= from && today < from + CATCH_UP_DAYS;
const eventId = (key: string): string => `e${createHash('sha256').update(key).digest('base64url').slice(0, 27)}`;

/**
 * The plan of one program on one day. Pure and deterministic: the same inputs give the same
 * messages with the same keys, however often it runs.
 */
export function planProgramDay(input: ProgramDay): DayPlan {
  const { program, now } = input;
  const settings = engagementOf(program);
  const today = epochDay(now);
  const stamp = now.toISOString();
  const plan: DayPlan = { messages: [], attention: [], signals: new Map(), events: [], expireProposals: [] };
  // Peers are addressed as peers (no mentor, no mentee); a program's own role names reach the manager's mail.
  const peer = kindOf(program) === 'PEER';
  const kindData: Record<string, string> = peer ? { pairKind: 'PEER' } : {};
  const roleData: Record<string, string> = {
    ...(program.roleNames?.mentor ? { mentorRole: program.roleNames.mentor } : {}),
    ...(program.roleNames?.mentee ? { menteeRole: program.roleNames.mentee } : {}),
  };
  const signal = (mentorId: string, name: string, id: string) => {
    const s = plan.signals.get(mentorId) ?? { name, ids: [] };
    s.ids.push(id);
    plan.signals.set(mentorId, s);
  };

  // Requests: remind the mentor on the follow-up days; once expired, tell the mentee what next.
  for (const r of input.requests) {
    if (r.programId !== program.id) continue;
    const age = today - epochDay(r.createdAt);
    if (r.status === 'OPEN' && r.expiresAt > stamp) {
      const due = settings.followUpDays.filter((d) => age >= d);
      const last = due.at(-1);
      // Only the latest follow-up that is due: a job that missed days sends one reminder, not a burst.
      if (last !== undefined) {
        plan.messages.push({
          dedupeKey: `request-follow-up|${r.id}|${last}`,
          template: 'REQUEST_FOLLOW_UP',
          to: { personId: r.mentorId },
          data: {
            menteeName: r.menteeName,
            mentorName: r.mentorName,
            daysWaiting: age,
            expiresOn: day(r.expiresAt),
            programName: program.name,
          },
          links: [
            { action: 'ACCEPT_REQUEST', targetId: r.id },
            { action: 'DECLINE_REQUEST', targetId: r.id },
          ],
        });
      }
    } else if (r.status === 'EXPIRED' || (r.status === 'OPEN' && r.expiresAt <= stamp)) {
      plan.messages.push({
        dedupeKey: `request-expired|${r.id}`,
        template: 'REQUEST_EXPIRED',
        to: { personId: r.menteeId },
        data: { menteeName: r.menteeName, mentorName: r.mentorName, programName: program.name },
      });
      signal(r.mentorId, r.mentorName, `request:${r.id}`);
    }
  }

  // Proposals: the manager hears about unapproved ones on the follow-up days; each side that has
  // not accepted an approved one is reminded; past expiry, the job expires it and tells the mentee.
  const waiting = input.proposals.filter(
    (p) => p.programId === program.id && p.status === 'PROPOSED' && settings.followUpDays.includes(today - epochDay(p.createdAt)),
  );
  if (waiting.length > 0) {
    plan.messages.push({
      dedupeKey: `approvals-waiting|${program.id}|${day(stamp)}`,
      template: 'APPROVALS_WAITING',
      to: 'MANAGER',
      data: { count: waiting.length, programName: program.name },
    });
  }
  for (const p of input.proposals) {
    if (p.programId !== program.id) continue;
    const expired = p.status === 'EXPIRED' || (p.status === 'APPROVED' && p.expiresAt !== null && p.expiresAt <= stamp);
    if (expired) {
      if (p.status === 'APPROVED') plan.expireProposals.push(p);
      if (peer) {
        // Neither peer is the one who waits for the other: both hear, each about the other.
        for (const s of [
          { side: 'MENTOR', personId: p.mentorId, other: p.menteeName },
          { side: 'MENTEE', personId: p.menteeId, other: p.mentorName },
        ])
          plan.messages.push({
            dedupeKey: `proposal-expired|${p.id}|${s.side}`,
            template: 'PROPOSAL_EXPIRED',
            to: { personId: s.personId },
            data: { ...kindData, otherName: s.other, programName: program.name },
          });
        continue;
      }
      plan.messages.push({
        dedupeKey: `proposal-expired|${p.id}`,
        template: 'PROPOSAL_EXPIRED',
        to: { personId: p.menteeId },
        data: { menteeName: p.menteeName, mentorName: p.mentorName, programName: program.name },
      });
      continue;
    }
    if (p.status !== 'APPROVED' || !p.approvedAt) continue;
    const age = today - epochDay(p.approvedAt);
    const last = settings.followUpDays.filter((d) => age >= d).at(-1);
    if (last === undefined) continue;
    const sides = [
      { side: 'MENTOR', personId: p.mentorId, accepted: p.mentorAcceptedAt, other: p.menteeName },
      { side: 'MENTEE', personId: p.menteeId, accepted: p.menteeAcceptedAt, other: p.mentorName },
    ];
    for (const s of sides) {
      if (s.accepted) continue;
      plan.messages.push({
        dedupeKey: `proposal-follow-up|${p.id}|${last}|${s.side}`,
        template: 'PROPOSAL_FOLLOW_UP',
        to: { personId: s.personId },
        data: {
          ...kindData,
          otherName: s.other,
          daysWaiting: age,
          expiresOn: p.expiresAt ? day(p.expiresAt) : '',
          programName: program.name,
        },
      });
    }
  }

  // Pairs: nudge as the next contact falls due and again when overdue; escalate a pair that stays
  // overdue; the check-in survey every interval and the closing survey at the planned end.
  const interval = program.pairing?.checkInEveryDays ?? 30;
  for (const m of input.pairs) {
    if (m.programId !== program.id) continue;
    // A circle member's place: its surveys reach the member only (a mentor of six would get six),
    // and the nudges and escalation are the circle's, below — one per circle, not one per place.
    const place = Boolean(m.circleId);
    const both = [
      { side: 'MENTOR', personId: m.mentorId, other: m.menteeName },
      { side: 'MENTEE', personId: m.menteeId, other: m.mentorName },
    ].filter((s) => !place || s.side === 'MENTEE');
    const placeData: Record<string, string> = place ? { pairKind: 'CIRCLE' } : kindData;
    const endDay = epochDay(`${m.plannedEndOn}T00:00:00Z`);
    if (m.status === 'COMPLETED' || (m.status === 'ACTIVE' && today >= endDay)) {
      // Completed pairs are read for LOOKBACK days after they end; active ones past their end for a week.
      if (m.status === 'ACTIVE' && !within(today, endDay)) continue;
      for (const s of both) {
        plan.messages.push({
          dedupeKey: `closing|${m.id}|${s.side}`,
          template: 'CLOSING_SURVEY',
          to: { personId: s.personId },
          data: { ...placeData, otherName: s.other, programName: program.name },
          links: [{ action: 'CLOSING_SURVEY', targetId: m.id }],
        });
      }
      plan.events.push({
        id: eventId(`survey-due|${m.id}|closing`),
        type: 'SURVEY_DUE',
        occurredAt: stamp,
        data: { mentorshipId: m.id, survey: 'CLOSING' },
      });
      continue;
    }
    if (m.status !== 'ACTIVE') continue;
    if (place) {
      checkIns(m, both, placeData);
      continue;
    }
    const reference = epochDay(m.lastContactAt ?? m.startedAt);
    const dueDay = reference + program.cadence.expectedEveryDays;
    const overdueDay = reference + program.cadence.overdueAfterDays;
    const data = { ...kindData, dueOn: new Date(dueDay * DAY_MS).toISOString().slice(0, 10), programName: program.name };
    if (today >= overdueDay) {
      for (const s of within(today, overdueDay) ? both : []) {
        plan.messages.push({
          dedupeKey: `nudge-overdue|${m.id}|${reference}|${s.side}`,
          template: 'NUDGE_OVERDUE',
          to: { personId: s.personId },
          data: { ...data, otherName: s.other, daysSinceContact: today - reference },
          links: [{ action: 'CONFIRM_MEETING', targetId: m.id }],
        });
      }
      if (within(today, overdueDay))
        plan.events.push({
          id: eventId(`pair-overdue|${m.id}|${reference}`),
          type: 'PAIR_OVERDUE',
          occurredAt: stamp,
          data: { mentorshipId: m.id, lastContactAt: m.lastContactAt, nextContactDue: data.dueOn },
        });
      if (today >= overdueDay + settings.escalateAfterDays) {
        // The nudges went unanswered: a signal against the mentor, and the manager hears, with a suggestion.
        // Two peers share the silence: neither is the mentor who stopped answering.
        if (!peer) signal(m.mentorId, m.mentorName, `pair:${m.id}:${reference}`);
        const suggestion: Suggestion =
          !m.lastContactAt || today - reference >= 2 * program.cadence.overdueAfterDays || input.flagged.has(m.mentorId)
            ? 'OFFER_REMATCH'
            : 'CHECK_IN';
        if (within(today, overdueDay + settings.escalateAfterDays))
          plan.messages.push({
            dedupeKey: `escalation|${m.id}|${reference}`,
            template: 'PAIR_ESCALATED',
            to: 'MANAGER',
            data: {
              ...kindData,
              ...roleData,
              mentorName: m.mentorName,
              menteeName: m.menteeName,
              daysSinceContact: today - reference,
              suggestion,
              programName: program.name,
            },
          });
        plan.attention.push({
          tenantId: m.tenantId,
          programId: program.id,
          kind: 'OVERDUE_PAIR',
          subjectId: m.id,
          subjectName: `${m.mentorName} & ${m.menteeName}`,
          suggestion,
          // Days overdue are worked out when read (programAttention), so the item does not change daily.
          signals: 0,
          since: new Date(overdueDay * DAY_MS).toISOString(),
          updatedAt: stamp,
        });
      }
    } else if (today >= dueDay - settings.nudgeLeadDays) {
      // Until it is overdue (the overdue nudge takes over), so a pair first seen on its due day still hears.
      for (const s of both) {
        plan.messages.push({
          dedupeKey: `nudge-due|${m.id}|${reference}|${s.side}`,
          template: 'NUDGE_DUE',
          to: { personId: s.personId },
          data: { ...data, otherName: s.other },
          links: [{ action: 'CONFIRM_MEETING', targetId: m.id }],
        });
      }
    }
    checkIns(m, both, kindData);
  }

  // Circles: the mentor hears when the next group meeting falls due and when it is overdue (from the
  // circle's last meeting, by the cadence); a circle that stays overdue escalates as a pair does.
  for (const c of input.circles ?? []) {
    if (c.programId !== program.id || c.status !== 'OPEN' || runningMembers(c).length === 0) continue;
    const reference = epochDay(c.lastMeetingAt ?? c.createdAt);
    const dueDay = reference + program.cadence.expectedEveryDays;
    const overdueDay = reference + program.cadence.overdueAfterDays;
    const data = {
      pairKind: 'CIRCLE',
      dueOn: new Date(dueDay * DAY_MS).toISOString().slice(0, 10),
      memberCount: runningMembers(c).length,
      programName: program.name,
    };
    if (today >= overdueDay) {
      if (within(today, overdueDay)) {
        plan.messages.push({
          dedupeKey: `circle-overdue|${c.id}|${reference}`,
          template: 'NUDGE_OVERDUE',
          to: { personId: c.mentorId },
          data: { ...data, daysSinceContact: today - reference },
        });
        plan.events.push({
          id: eventId(`circle-overdue|${c.id}|${reference}`),
          type: 'CIRCLE_OVERDUE',
          occurredAt: stamp,
          data: { circleId: c.id, lastMeetingAt: c.lastMeetingAt, nextMeetingDue: data.dueOn },
        });
      }
      if (today >= overdueDay + settings.escalateAfterDays) {
        signal(c.mentorId, c.mentorName, `circle:${c.id}:${reference}`);
        const suggestion: Suggestion =
          !c.lastMeetingAt || today - reference >= 2 * program.cadence.overdueAfterDays || input.flagged.has(c.mentorId)
            ? 'OFFER_REMATCH'
            : 'CHECK_IN';
        if (within(today, overdueDay + settings.escalateAfterDays))
          plan.messages.push({
            dedupeKey: `circle-escalation|${c.id}|${reference}`,
            template: 'PAIR_ESCALATED',
            to: 'MANAGER',
            data: { ...data, ...roleData, mentorName: c.mentorName, daysSinceContact: today - reference, suggestion },
          });
        plan.attention.push({
          tenantId: c.tenantId,
          programId: program.id,
          kind: 'OVERDUE_CIRCLE',
          subjectId: c.id,
          subjectName: c.mentorName,
          suggestion,
          signals: 0,
          since: new Date(overdueDay * DAY_MS).toISOString(),
          updatedAt: stamp,
        });
      }
    } else if (today >= dueDay - settings.nudgeLeadDays) {
      plan.messages.push({
        dedupeKey: `circle-due|${c.id}|${reference}`,
        template: 'NUDGE_DUE',
        to: { personId: c.mentorId },
        data,
      });
    }
  }
  return plan;

  /** The check-in survey every interval from the pair's start, to `sides`. */
  function checkIns(m: Mentorship, sides: { side: string; personId: string; other: string }[], extra: Record<string, string>): void {
    const period = Math.floor((today - epochDay(m.startedAt)) / interval);
    if (period < 1 || !within(today, epochDay(m.startedAt) + period * interval)) return;
    for (const s of sides) {
      plan.messages.push({
        dedupeKey: `check-in|${m.id}|${period}|${s.side}`,
        template: 'CHECK_IN_SURVEY',
        to: { personId: s.personId },
        data: { ...extra, otherName: s.other, period, programName: program.name },
        links: [{ action: 'CHECK_IN_SURVEY', targetId: m.id }],
      });
    }
    plan.events.push({
      id: eventId(`survey-due|${m.id}|${period}`),
      type: 'SURVEY_DUE',
      occurredAt: stamp,
      data: { mentorshipId: m.id, survey: 'CHECK_IN', period },
    });
  }
}

/** Mentors whose signals reached the program's threshold: flagged for the manager, once. */
export function unresponsiveMentors(
  program: Program,
  totals: Map<string, { name: string; count: number }>,
  now: Date,
): { attention: Attention[]; messages: PlannedMessage[] } {
  const settings = engagementOf(program);
  const attention: Attention[] = [];
  const messages: PlannedMessage[] = [];
  for (const [mentorId, { name, count }] of totals) {
    if (count < settings.unresponsiveAfter) continue;
    attention.push({
      tenantId: program.tenantId,
      programId: program.id,
      kind: 'UNRESPONSIVE_MENTOR',
      subjectId: mentorId,
      subjectName: name,
      suggestion: 'CHECK_IN',
      signals: count,
      since: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    messages.push({
      dedupeKey: `mentor-unresponsive|${program.id}|${mentorId}`,
      template: 'MENTOR_UNRESPONSIVE',
      to: 'MANAGER',
      data: { mentorName: name, signals: count, programName: program.name },
    });
  }
  return { attention, messages };
}

/** The language a person reads: the first of theirs Kindling writes in, else the organisation's. */
export function localeOf(person: Pick<Person, 'languages'>, fallback: Locale): Locale {
  for (const l of person.languages) if (l === 'nl' || l === 'en') return l;
  return fallback;
}

/**
 * Turns a planned message into an outbox message with its recipient's address, zone and language.
 * Planned inside the recipient's quiet hours, it is due when they end, marked `QUIET_HOURS` (ADR
 * 0086): the sender never reads it before it may go, and never writes it again to hold it back.
 */
export function toOutbox(
  planned: PlannedMessage,
  context: {
    tenantId: string;
    program: Program;
    tenant: { timeZone: string; locale: Locale };
    now: Date;
    /** The recipients: what a message needs of each (any projection with these fields). */
    people: Map<string, Pick<Person, 'id' | 'displayName' | 'email' | 'timeZone' | 'languages'>>;
  },
): OutboxMessage | null {
  const settings = engagementOf(context.program);
  let recipient: Recipient;
  if (planned.to === 'MANAGER') {
    recipient = {
      kind: 'MANAGER',
      personId: null,
      name: 'Program manager',
      email: settings.managerEmail,
      timeZone: context.tenant.timeZone,
      locale: context.tenant.locale,
    };
  } else {
    const person = context.people.get(planned.to.personId);
    // Erased or gone: nobody to write to.
    if (!person) return null;
    recipient = {
      kind: 'PERSON',
      personId: person.id,
      name: person.displayName,
      email: person.email,
      timeZone: person.timeZone,
      locale: localeOf(person, context.tenant.locale),
    };
  }
  const stamp = context.now.toISOString();
  const quiet = quietUntil(context.now, recipient.timeZone, settings.quietHoursStart, settings.quietHoursEnd);
  return {
    id: messageId(`${context.tenantId}|${planned.dedupeKey}`),
    dedupeKey: planned.dedupeKey,
    tenantId: context.tenantId,
    programId: context.program.id,
    template: planned.template,
    recipient,
    data: planned.data,
    ...(planned.links && recipient.kind === 'PERSON' ? { links: planned.links } : {}),
    status: 'PENDING',
    attempts: 0,
    notBefore: quiet ? quiet.toISOString() : stamp,
    deferredReason: quiet ? 'QUIET_HOURS' : null,
    channel: null,
    sentAt: null,
    lastError: null,
    createdAt: stamp,
  };
}

/** What the engagement job reads and writes besides the outbox (store/engagement.ts). */
export interface EngagementStore extends AttentionStore {
  /** A program's requests sent on or after `since` (any status). */
  recentRequests(tenantId: string, programId: string, since: string): Promise<MentorshipRequest[]>;
  /** A program's proposals waiting for a decision, and those expired since `since`. */
  proposalsToFollow(tenantId: string, programId: string, since: string): Promise<MatchProposal[]>;
  /** A program's active pairs and those completed since `since`. */
  pairsToFollow(tenantId: string, programId: string, since: string): Promise<Mentorship[]>;
  /** Adds unanswered-request and ignored-nudge signals to a mentor's set (idempotent); returns the set's size. */
  addSignals(tenantId: string, programId: string, mentorId: string, name: string, ids: string[]): Promise<number>;
  /**
   * {@link addSignals} for many mentors: reads their sets first and writes only those that gain an
   * id (most of a day's re-run adds nothing); returns each set's size.
   */
  addSignalsMany(
    tenantId: string,
    programId: string,
    entries: { mentorId: string; name: string; ids: string[] }[],
  ): Promise<Map<string, number>>;
}
