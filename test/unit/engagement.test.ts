import { describe, expect, it } from 'vitest';
import {
  groupOf,
  type MessageChannel,
  type OutboxMessage,
  type OutboxStore,
  placeKey,
  quietUntil,
  sendDue,
  weekOf,
} from '#domain/engagement/outbox.ts';
import { type PlannedMessage, planProgramDay, toOutbox } from '#domain/engagement/planning.ts';
import { render } from '#domain/engagement/templates.ts';
import { eventFromAudit, sign } from '#domain/engagement/webhooks.ts';
import type { Mentorship } from '#domain/mentorships/pairs.ts';
import type { Person } from '#domain/people/people.ts';
import { engagementOf } from '#domain/programs/engagementSettings.ts';
import { aPair, aProgram } from '../support/engagementFixtures.ts';

const program = aProgram();

const pair = aPair;

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

  it('starts the next week at Monday 00:00 on the local clock when the clocks change during the week', () => {
    // Amsterdam falls back on Sunday 25 October 2026: from Wednesday noon (CEST), Monday 00:00 CET is 23:00 UTC.
    expect(weekOf(new Date('2026-10-21T10:00:00Z'), 'Europe/Amsterdam')).toEqual({
      week: '2026-10-19',
      nextWeekStarts: new Date('2026-10-25T23:00:00Z'),
    });
    // … and springs forward on Sunday 29 March: Monday 00:00 CEST is 22:00 UTC.
    expect(weekOf(new Date('2026-03-25T11:00:00Z'), 'Europe/Amsterdam').nextWeekStarts).toEqual(new Date('2026-03-29T22:00:00Z'));
    // New York falls back on Sunday 1 November: Monday 00:00 EST is 05:00 UTC.
    expect(weekOf(new Date('2026-10-28T16:00:00Z'), 'America/New_York').nextWeekStarts).toEqual(new Date('2026-11-02T05:00:00Z'));
    // Santiago springs forward at midnight (Saturday 5 → Sunday 6 September 2026), which is no Monday: the week still starts at 00:00.
    expect(weekOf(new Date('2026-09-02T16:00:00Z'), 'America/Santiago').nextWeekStarts).toEqual(new Date('2026-09-07T03:00:00Z'));
  });
});

const person = (id: string, timeZone: string) =>
  ({ id, displayName: id, email: `${id}@example.org`, timeZone, languages: ['en'] }) as unknown as Person;

const nudge = (personId: string): PlannedMessage => ({
  dedupeKey: `nudge-due|M1|1|${personId}`,
  template: 'NUDGE_DUE',
  to: { personId },
  data: { otherName: 'Bo' },
});

/** The outbox message the job writes for `personId` (in `timeZone`) when it plans at `now`. */
const plannedAt = (now: string, personId: string, timeZone: string, planned = nudge(personId)) =>
  toOutbox(planned, {
    tenantId: 't',
    program,
    tenant: { timeZone: 'Europe/Amsterdam', locale: 'en' },
    now: new Date(now),
    people: new Map([[personId, person(personId, timeZone)]]),
  }) as OutboxMessage;

describe('planning a message in quiet hours (ADR 0086)', () => {
  it('makes it due when the recipient’s quiet hours end, by their clock', () => {
    // Prepare / Act: planned at 10:00 UTC — 12:00 in Amsterdam, 06:00 in New York (EDT).
    const day = plannedAt('2026-05-07T10:00:00Z', 'anna', 'Europe/Amsterdam');
    const night = plannedAt('2026-05-07T10:00:00Z', 'bo', 'America/New_York');

    // Assess: Anna's goes now; Bo's at 08:00 in New York, marked why it waits.
    expect(day).toMatchObject({ notBefore: '2026-05-07T10:00:00.000Z', deferredReason: null, status: 'PENDING' });
    expect(night).toMatchObject({ notBefore: '2026-05-07T12:00:00.000Z', deferredReason: 'QUIET_HOURS', status: 'PENDING' });
    expect(night.createdAt).toBe('2026-05-07T10:00:00.000Z');
  });

  it('counts a daylight-saving change during the night, east and west of UTC', () => {
    // Amsterdam springs forward on 29 March 2026: 22:00 CET → 08:00 CEST is 9 hours, not 10.
    expect(plannedAt('2026-03-28T21:00:00Z', 'anna', 'Europe/Amsterdam').notBefore).toBe('2026-03-29T06:00:00.000Z');
    // … and falls back on 25 October: 22:00 CEST → 08:00 CET is 11 hours.
    expect(plannedAt('2026-10-24T20:00:00Z', 'anna', 'Europe/Amsterdam').notBefore).toBe('2026-10-25T07:00:00.000Z');
    // New York springs forward on 8 March: 22:00 EST → 08:00 EDT is 12:00 UTC.
    expect(plannedAt('2026-03-08T03:00:00Z', 'bo', 'America/New_York').notBefore).toBe('2026-03-08T12:00:00.000Z');
    // … and falls back on 1 November: 22:00 EDT → 08:00 EST is 13:00 UTC.
    expect(plannedAt('2026-11-01T02:00:00Z', 'bo', 'America/New_York').notBefore).toBe('2026-11-01T13:00:00.000Z');
    // Los Angeles, in the morning hours before the end: 05:30 PDT → 08:00 PDT.
    expect(plannedAt('2026-06-10T12:30:00Z', 'cy', 'America/Los_Angeles').notBefore).toBe('2026-06-10T15:00:00.000Z');
  });

  it('ends quiet hours at the jump when the clocks skip their last hour, and at the first of a repeated one', () => {
    // Quiet 20:00–02:00 in Amsterdam: on 29 March 02:00 does not exist; the clocks go 01:59 → 03:00.
    expect(quietUntil(new Date('2026-03-28T21:00:00Z'), 'Europe/Amsterdam', 20, 2)?.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    // On 25 October 02:00 comes twice: the first (CEST) ends them.
    expect(quietUntil(new Date('2026-10-24T20:00:00Z'), 'Europe/Amsterdam', 20, 2)?.toISOString()).toBe('2026-10-25T00:00:00.000Z');
  });

  it('holds a manager’s message by the organisation’s zone', () => {
    const m = toOutbox(
      { dedupeKey: 'escalate|M1', template: 'NUDGE_DUE', to: 'MANAGER', data: {} },
      {
        tenantId: 't',
        program,
        tenant: { timeZone: 'Asia/Tokyo', locale: 'en' },
        now: new Date('2026-05-07T12:00:00Z'),
        people: new Map(),
      },
    );
    // 21:00 in Tokyo: due at 08:00 there, 23:00 UTC.
    expect(m).toMatchObject({ notBefore: '2026-05-07T23:00:00.000Z', deferredReason: 'QUIET_HOURS' });
  });
});

/** An outbox in memory, as much of it as the sender uses. */
function memoryOutbox(messages: OutboxMessage[]): OutboxStore & { all: Map<string, OutboxMessage> } {
  const all = new Map(messages.map((m) => [m.id, m]));
  const leases = new Map<string, string>();
  const places = new Map<string, number>();
  const unsettled = (m: OutboxMessage) => m.status === 'PENDING' || m.status === 'SENDING';
  const refuse = () => {
    throw new Error('not used by the sender');
  };
  return {
    all,
    enqueue: refuse,
    existing: refuse,
    getMessage: refuse,
    listMessages: refuse,
    async dueMessages(_t, now) {
      return { messages: [...all.values()].filter((m) => unsettled(m) && m.notBefore <= now), next: null };
    },
    async claimGroups(_t, groups, lease) {
      const claimed = new Set(groups.filter((g) => !leases.has(g) || leases.get(g) === lease.owner));
      for (const g of claimed) leases.set(g, lease.owner);
      return claimed;
    },
    async stillHeld(_t, groups, owner) {
      return new Set(groups.filter((g) => leases.get(g) === owner));
    },
    async release(_t, groups, owner) {
      for (const g of groups) if (leases.get(g) === owner) leases.delete(g);
    },
    async current(_t, ids) {
      return ids.flatMap((id) => (all.has(id) ? [all.get(id) as OutboxMessage] : []));
    },
    async takePlaces(_t, wanted) {
      const taken = new Map<string, number>();
      for (const w of wanted) {
        const k = placeKey(w.personId, w.week);
        const n = Math.min(w.count, w.limit - (places.get(k) ?? 0));
        places.set(k, (places.get(k) ?? 0) + n);
        taken.set(k, n);
      }
      return taken;
    },
    async refundPlaces() {},
    async record(outcomes) {
      for (const m of outcomes) all.set(m.id, m);
    },
  };
}

describe('the sender’s quiet-hours check, for messages written before ADR 0086', () => {
  it('holds back an old message due inside quiet hours until they end, then sends it', async () => {
    // Prepare: written by older code at 06:00 in New York, due at once.
    const old = {
      ...plannedAt('2026-05-07T10:00:00Z', 'bo', 'America/New_York'),
      notBefore: '2026-05-07T10:00:00.000Z',
      deferredReason: null,
    };
    const outbox = memoryOutbox([old]);
    const delivered: string[] = [];
    const channel: MessageChannel = {
      name: 'test',
      async deliver(m) {
        delivered.push(m.id);
      },
    };
    const deps = { outbox, channel, settingsOf: async () => ({ quietHoursStart: 20, quietHoursEnd: 8, weeklyCap: 3 }) };

    // Act: the 10:00 UTC run.
    const early = await sendDue(deps, 't', new Date('2026-05-07T10:00:00Z'));

    // Assess: nothing sent; it waits for 08:00 in New York.
    expect(early).toMatchObject({ sent: 0, deferredQuietHours: 1 });
    expect(delivered).toEqual([]);
    const held = outbox.all.get(old.id) as OutboxMessage;
    expect(held).toMatchObject({ status: 'PENDING', notBefore: '2026-05-07T12:00:00.000Z', deferredReason: 'QUIET_HOURS' });
    expect(groupOf(held)).not.toBe(groupOf(old));

    // Act: the 12:00 UTC run.
    const morning = await sendDue(deps, 't', new Date('2026-05-07T12:00:00Z'));

    // Assess: sent once.
    expect(morning).toMatchObject({ sent: 1, deferredQuietHours: 0 });
    expect(delivered).toEqual([old.id]);
    expect(outbox.all.get(old.id)).toMatchObject({ status: 'SENT', deferredReason: null });
  });

  it('never reads a message planned in quiet hours before they end', async () => {
    // Prepare: planned by this code at 06:00 in New York.
    const planned = plannedAt('2026-05-07T10:00:00Z', 'bo', 'America/New_York');
    const outbox = memoryOutbox([planned]);
    const deps = {
      outbox,
      channel: { name: 'test', async deliver() {} },
      settingsOf: async () => ({ quietHoursStart: 20, quietHoursEnd: 8, weeklyCap: 3 }),
    };

    // Act / Assess: the 10:00 run finds nothing to do; the 12:00 run sends it.
    expect(await sendDue(deps, 't', new Date('2026-05-07T10:00:00Z'))).toMatchObject({ sent: 0, deferredQuietHours: 0 });
    expect(outbox.all.get(planned.id)).toBe(planned);
    expect(await sendDue(deps, 't', new Date('2026-05-07T12:00:00Z'))).toMatchObject({ sent: 1, deferredQuietHours: 0 });
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
