import { describe, expect, it } from 'vitest';
import { planProgramDay } from '#domain/engagement/planning.ts';
import { type Circle, circleLeft } from '#domain/mentorships/circleRecord.ts';
import type { Mentorship } from '#domain/mentorships/pairs.ts';
import { aPair, aProgram } from '../support/engagementFixtures.ts';

/** Engagement for circles (ADR 82): the circle is nudged as one through its mentor; its members' places are not. */
const program = aProgram({ name: 'Leadership circles', kind: 'GROUP', focusAreas: ['MANAGEMENT_SKILLS'], mentorCapacityDefault: 6 });

const START = '2026-01-01T09:00:00.000Z';
const MEMBERS = ['B', 'C', 'D', 'E', 'F', 'G'];
const place = (menteeId: string): Mentorship =>
  aPair({
    id: `M${menteeId}`,
    menteeId,
    menteeName: menteeId,
    circleId: 'C1',
    source: { kind: 'PROPOSAL', id: `X${menteeId}` },
    startedAt: START,
    lastContactAt: null,
    meetingCount: 0,
  });
const circle: Circle = {
  id: 'C1',
  tenantId: 't',
  programId: 'P1',
  mentorId: 'A',
  mentorName: 'Anna',
  topic: null,
  minimum: 3,
  maximum: 6,
  members: MEMBERS.map((p) => ({ personId: p, displayName: p, mentorshipId: `M${p}`, joinedAt: START, lastAttendedAt: null, attended: 0 })),
  status: 'OPEN',
  createdAt: START,
  lastMeetingAt: null,
  meetingCount: 0,
  version: 1,
};
const day = (n: number) => new Date(Date.parse(START) + n * 86_400_000);
const plan = (n: number, circles: Circle[]) =>
  planProgramDay({
    program,
    tenant: { timeZone: 'Europe/Amsterdam', locale: 'en' },
    now: day(n),
    requests: [],
    proposals: [],
    pairs: MEMBERS.map(place),
    flagged: new Set(),
    circles,
  });
const sent = (p: ReturnType<typeof plan>) =>
  p.messages.map((m) => `${m.template} ${m.to === 'MANAGER' ? 'MANAGER' : m.to.personId}`).sort();

describe('engagement for a circle of six', () => {
  it('nudges the mentor once when the group meeting falls due, and none of the six places', () => {
    expect(sent(plan(23, [circle]))).toEqual(['NUDGE_DUE A']);
  });

  it('sends the check-in to each member and not six to the mentor', () => {
    // The mentor's due nudge is planned each day of its window (the outbox writes it once, by its key).
    expect(sent(plan(30, [circle]))).toEqual([...MEMBERS.map((m) => `CHECK_IN_SURVEY ${m}`), 'NUDGE_DUE A'].sort());
  });

  it('escalates the circle that stays overdue once, as an OVERDUE_CIRCLE item with a signal against its mentor', () => {
    const escalated = plan(56, [circle]);
    expect(sent(escalated)).toEqual(['PAIR_ESCALATED MANAGER']);
    expect(escalated.attention.map((a) => `${a.kind} ${a.subjectId} ${a.suggestion}`)).toEqual(['OVERDUE_CIRCLE C1 OFFER_REMATCH']);
    expect([...escalated.signals.keys()]).toEqual(['A']);
    expect(escalated.events.map((e) => e.type)).toEqual([]);
    expect(plan(42, [circle]).events.map((e) => `${e.type} ${e.data.circleId}`)).toEqual(['CIRCLE_OVERDUE C1']);
  });

  it('closes with its last place and is not nudged after', () => {
    let closing: Circle = circle;
    for (const [i, m] of MEMBERS.entries()) {
      const next = circleLeft(closing, `M${m}`, day(10).toISOString());
      expect(next?.status).toBe(i === MEMBERS.length - 1 ? 'CLOSED' : 'OPEN');
      closing = next ?? closing;
    }
    expect(circleLeft(closing, 'MB', day(11).toISOString())).toBeNull();
    expect(sent(plan(23, [closing]))).toEqual([]);
  });
});
