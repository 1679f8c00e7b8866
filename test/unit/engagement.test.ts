import { describe, expect, it } from 'vitest';
import { quietUntil, weekOf } from '#domain/engagement/outbox.ts';
import { planProgramDay } from '#domain/engagement/planning.ts';
import { render } from '#domain/engagement/templates.ts';
import { eventFromAudit, sign } from '#domain/engagement/webhooks.ts';
import type { Mentorship } from '#domain/mentorships/pairs.ts';
import { engagementOf } from '#domain/programs/engagementSettings.ts';
import { defaultCadence, defaultMatching, defaultPairing, type Program } from '#domain/programs/programs.ts';

const program: Program = {
  id: 'P1',
  tenantId: 't',
  name: 'Rhythm',
  description: '',
  status: 'RUNNING',
  enrolmentOpensOn: null,
  enrolmentClosesOn: null,
  focusAreas: ['GOAL_SETTING'],
  cadence: defaultCadence,
  durationMonths: 9,
  mentorCapacityDefault: 2,
  matching: defaultMatching,
  pairing: defaultPairing,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
};

const pair = (over: Partial<Mentorship>): Mentorship => ({
  id: 'M1',
  tenantId: 't',
  programId: 'P1',
  mentorId: 'A',
  menteeId: 'B',
  mentorName: 'Anna',
  menteeName: 'Bo',
  status: 'ACTIVE',
  source: { kind: 'MANAGER', id: null },
  startedAt: '2026-01-01T09:00:00.000Z',
  plannedEndOn: '2026-10-01',
  lastContactAt: '2026-03-01T09:00:00.000Z',
  meetingCount: 3,
  pausedAt: null,
  endedAt: null,
  endReason: null,
  mentorReflection: null,
  menteeReflection: null,
  version: 1,
  ...over,
});

const plan = (now: string, pairs: Mentorship[]) =>
  planProgramDay({
    program,
    tenant: { timeZone: 'Europe/Amsterdam', locale: 'en' },
    now: new Date(now),
    requests: [],
    proposals: [],
    pairs,
    flagged: new Set(),
  });

describe('the engagement plan', () => {
  it('gives programs stored before engagement existed the defaults', () => {
    expect(engagementOf(program)).toMatchObject({ followUpDays: [3, 7], weeklyCap: 3, quietHoursStart: 20, quietHoursEnd: 8 });
  });

  it('asks both sides for the closing survey at the planned end, within a week, and not after', () => {
    const keys = (now: string) =>
      plan(now, [pair({})])
        .messages.filter((m) => m.template === 'CLOSING_SURVEY')
        .map((m) => m.dedupeKey);
    expect(keys('2026-09-30T09:00:00Z')).toEqual([]);
    expect(keys('2026-10-01T09:00:00Z')).toEqual(['closing|M1|MENTOR', 'closing|M1|MENTEE']);
    expect(keys('2026-10-07T09:00:00Z')).toHaveLength(2);
    expect(keys('2026-10-08T09:00:00Z')).toEqual([]);
    // A pair completed recently still hears (the job reads completed pairs for two weeks).
    expect(plan('2026-10-10T09:00:00Z', [pair({ status: 'COMPLETED' })]).messages.map((m) => m.template)).toEqual([
      'CLOSING_SURVEY',
      'CLOSING_SURVEY',
    ]);
  });

  it('names the same messages however often a day is planned, and new ones after the pair meets', () => {
    const a = plan('2026-03-25T09:00:00Z', [pair({})]).messages.map((m) => m.dedupeKey);
    const b = plan('2026-03-25T17:00:00Z', [pair({})]).messages.map((m) => m.dedupeKey);
    expect(a).toEqual(b);
    expect(a).toContain(`nudge-due|M1|${Math.floor(Date.parse('2026-03-01') / 86_400_000)}|MENTOR`);
    const met = plan('2026-04-25T09:00:00Z', [pair({ lastContactAt: '2026-03-26T09:00:00.000Z' })]).messages.map((m) => m.dedupeKey);
    expect(met.some((k) => k.startsWith('nudge-due|M1|') && !a.includes(k))).toBe(true);
  });
});

describe('quiet hours and the week', () => {
  it('holds a message in the recipient zone until the quiet hours end', () => {
    // 21:30 in Amsterdam (CET): quiet until 08:00.
    expect(quietUntil(new Date('2026-01-15T20:30:00Z'), 'Europe/Amsterdam', 20, 8)?.toISOString()).toBe('2026-01-16T07:00:00.000Z');
    expect(quietUntil(new Date('2026-01-15T10:00:00Z'), 'Europe/Amsterdam', 20, 8)).toBeNull();
    // 03:00 in New York: quiet until 08:00 the same morning.
    expect(quietUntil(new Date('2026-01-15T08:00:00Z'), 'America/New_York', 20, 8)?.toISOString()).toBe('2026-01-15T13:00:00.000Z');
    // Equal hours: no quiet hours.
    expect(quietUntil(new Date('2026-01-15T02:00:00Z'), 'Europe/Amsterdam', 0, 0)).toBeNull();
  });

  it('counts weeks from Monday in the local zone', () => {
    // Sunday 23:30 in Amsterdam is still last week; Monday 00:30 the next.
    expect(weekOf(new Date('2026-01-18T22:30:00Z'), 'Europe/Amsterdam')).toEqual({
      week: '2026-01-12',
      nextWeekStarts: new Date('2026-01-18T23:00:00Z'),
    });
    expect(weekOf(new Date('2026-01-18T23:30:00Z'), 'Europe/Amsterdam').week).toBe('2026-01-19');
  });
});

describe('templates and webhooks', () => {
  it('writes every template in English and Dutch without leaving a placeholder unfilled', () => {
    const data = {
      menteeName: 'Bo',
      mentorName: 'Anna',
      otherName: 'Anna',
      daysWaiting: 3,
      expiresOn: '2026-03-20',
      programName: 'Rhythm',
      count: 2,
      dueOn: '2026-03-31',
      daysSinceContact: 50,
      suggestion: 'CHECK_IN',
      period: 1,
      signals: 2,
    };
    for (const locale of ['en', 'nl'] as const) {
      for (const template of [
        'REQUEST_FOLLOW_UP',
        'REQUEST_EXPIRED',
        'PROPOSAL_FOLLOW_UP',
        'PROPOSAL_EXPIRED',
        'APPROVALS_WAITING',
        'NUDGE_DUE',
        'NUDGE_OVERDUE',
        'PAIR_ESCALATED',
        'CHECK_IN_SURVEY',
        'CLOSING_SURVEY',
        'MENTOR_UNRESPONSIVE',
      ] as const) {
        const out = render({
          template,
          data,
          recipient: { kind: 'PERSON', personId: 'A', name: 'Anna', email: 'a@x.org', timeZone: 'UTC', locale },
        });
        expect(`${out.subject} ${out.text}`).not.toMatch(/undefined|\$\{/);
      }
    }
  });

  it('maps audit actions to partner events, and signs timestamp.body', () => {
    const entry = {
      id: 'X',
      tenantId: 't',
      at: '2026-01-01T00:00:00Z',
      actorId: 'a',
      actorRole: 'manager',
      entityType: 'Mentorship',
      entityId: 'M1',
      changes: [],
    };
    const id = (type: string, local: string) => `${type}:${local}`;
    expect(eventFromAudit({ ...entry, action: 'mentorship.end_early' }, id)?.type).toBe('MENTORSHIP_ENDED');
    expect(eventFromAudit({ ...entry, action: 'mentorship.meeting' }, id)).toBeNull();
    // printf '1.body' | openssl dgst -sha256 -hmac secret
    expect(sign('secret', 1, 'body')).toBe('842b24d9575dee4b6ec460b7e3af7d683501d84fe6279102340787c79d2e2bab');
  });
});
