import { beforeAll, describe, expect, it } from 'vitest';
import { runEngagement } from '../../functions/jobs/engagement.ts';
import { graphql } from '../generated/gql.ts';
import { codes, TestClock, testApi } from '../support/api.ts';
import { engagementWorld, localId, outboxOf, RecordingChannel } from '../support/engagement.ts';

const NOTIFICATIONS = graphql(`
  query EngNotifications($filter: NotificationFilter, $first: Int) {
    notifications(filter: $filter, first: $first) {
      edges { node { id template status recipientEmail locale subject text attempts channel deferredReason program { name } } }
      pageInfo { hasNextPage }
    }
  }
`);
const ATTENTION = graphql(`
  query EngAttention($id: ID!) {
    program(id: $id) { engagement { followUpDays quietHoursStart quietHoursEnd weeklyCap managerEmail } attention { kind subjectName suggestion signals } }
  }
`);
const UPDATE = graphql(`
  mutation EngUpdate($id: ID!, $version: Int!, $input: ProgramInput!) { updateProgram(id: $id, version: $version, input: $input) { version engagement { weeklyCap } } }
`);
const VERSION = graphql(`
  query EngVersion($id: ID!) { program(id: $id) { version } }
`);

const START = new Date('2026-03-02T09:00:00Z');
const dayOf = (iso: string) => Math.round((Date.parse(iso) - START.getTime()) / 86_400_000);
const noQuiet = { quietHoursStart: 0, quietHoursEnd: 0 };

describe('engagement: follow-ups, nudges, escalations and surveys through the outbox', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let world: Awaited<ReturnType<typeof engagementWorld>>;
  const channel = new RecordingChannel();
  const run = () => runEngagement(api.services, { tenantIds: [world.tenant.slug] });

  beforeAll(async () => {
    api = await testApi({ clock: new TestClock(new Date(START)) });
    api.services.channel = channel;
    world = await engagementWorld(api, {
      engagement: { ...noQuiet, weeklyCap: 10, managerEmail: 'pm@example.org' },
      pairing: { requestExpiryDays: 14, proposalExpiryDays: 14, checkInEveryDays: 30 },
    });
    await world.person('anna', 'MENTOR', { languages: ['nl', 'en'] });
    await world.person('bram', 'MENTOR');
    for (const mentee of ['xena', 'yuri', 'zoe', 'wim']) await world.person(mentee, 'MENTEE');
  });

  it('sends exactly the expected messages over eight weeks, once each, even when run twice a day', async () => {
    // Prepare: two pairs from day 0, a request, a proposal waiting for approval.
    const p = await world.pair('anna', 'xena');
    const q = await world.pair('bram', 'yuri');
    await world.request('zoe', 'bram');
    let proposal = await world.matcherProposes('anna', 'wim');

    // Act: eight weeks, the job running twice each day; people act on the days they would.
    for (let day = 0; day <= 56; day++) {
      api.clock.now = new Date(START.getTime() + day * 86_400_000);
      if (day === 8) proposal = { ...proposal, ...(await world.approve(proposal.id, proposal.version)) };
      if (day === 12) proposal = { ...proposal, ...(await world.accept(proposal.id, proposal.version, 'MENTOR')) };
      if (day === 15) await world.request('zoe', 'bram');
      if (day === 20) await world.meeting(q.id);
      await run();
      await run();
    }

    // Assert: the outbox holds exactly these, each delivered once.
    const got = (await outboxOf(api, world.tenant.slug)).map((m) => `${dayOf(m.createdAt)} ${m.template} ${m.recipient.email}`).sort();
    const expected = [
      '3 APPROVALS_WAITING pm@example.org',
      '7 APPROVALS_WAITING pm@example.org',
      '3 REQUEST_FOLLOW_UP bram@example.org',
      '7 REQUEST_FOLLOW_UP bram@example.org',
      '14 REQUEST_EXPIRED zoe@example.org',
      '11 PROPOSAL_FOLLOW_UP anna@example.org',
      '11 PROPOSAL_FOLLOW_UP wim@example.org',
      '15 PROPOSAL_FOLLOW_UP wim@example.org',
      '22 PROPOSAL_EXPIRED wim@example.org',
      '18 REQUEST_FOLLOW_UP bram@example.org',
      '22 REQUEST_FOLLOW_UP bram@example.org',
      '29 REQUEST_EXPIRED zoe@example.org',
      '29 MENTOR_UNRESPONSIVE pm@example.org',
      '23 NUDGE_DUE anna@example.org',
      '23 NUDGE_DUE xena@example.org',
      '30 CHECK_IN_SURVEY anna@example.org',
      '30 CHECK_IN_SURVEY xena@example.org',
      '30 CHECK_IN_SURVEY bram@example.org',
      '30 CHECK_IN_SURVEY yuri@example.org',
      '42 NUDGE_OVERDUE anna@example.org',
      '42 NUDGE_OVERDUE xena@example.org',
      '43 NUDGE_DUE bram@example.org',
      '43 NUDGE_DUE yuri@example.org',
      '56 PAIR_ESCALATED pm@example.org',
    ].sort();
    expect(got).toEqual(expected);
    const sentIds = channel.delivered.map((d) => d.message.id);
    expect(sentIds).toHaveLength(expected.length);
    expect(new Set(sentIds).size).toBe(expected.length);
    expect((await outboxOf(api, world.tenant.slug)).every((m) => m.status === 'SENT' && m.attempts === 1)).toBe(true);
    expect(p.id).not.toBe(q.id);
  });

  it('writes each message in its reader language and shows it on the Notifications list', async () => {
    const anna = channel.delivered.find((d) => d.message.recipient.email === 'anna@example.org' && d.message.template === 'NUDGE_DUE');
    expect(anna?.message.recipient.locale).toBe('nl');
    expect(anna?.rendered.subject).toMatch(/^Tijd om xena Test te spreken/);
    const xena = channel.delivered.find((d) => d.message.recipient.email === 'xena@example.org' && d.message.template === 'NUDGE_DUE');
    expect(xena?.rendered.subject).toBe('Time to meet anna Test');

    const list = await api.call(NOTIFICATIONS, { filter: { template: 'PAIR_ESCALATED' }, first: 10 }, { token: world.tenant.manager });
    expect(list.errors).toBeUndefined();
    expect(list.data?.notifications.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        template: 'PAIR_ESCALATED',
        status: 'SENT',
        recipientEmail: 'pm@example.org',
        attempts: 1,
        channel: 'test',
        program: { name: 'Rhythm' },
        text: expect.stringContaining('offer xena Test a re-match'),
      }),
    ]);
    const byProgram = await api.call(
      NOTIFICATIONS,
      { filter: { programId: world.programId }, first: 100 },
      { token: world.tenant.manager },
    );
    expect(byProgram.data?.notifications.edges).toHaveLength(24);
  });

  it('shows the manager the pair that stays overdue and the mentor who stopped answering', async () => {
    const res = await api.call(ATTENTION, { id: world.programId }, { token: world.tenant.manager });
    expect(res.data?.program?.engagement).toEqual({
      followUpDays: [3, 7],
      quietHoursStart: 0,
      quietHoursEnd: 0,
      weeklyCap: 10,
      managerEmail: 'pm@example.org',
    });
    expect(res.data?.program?.attention).toEqual([
      { kind: 'OVERDUE_PAIR', subjectName: 'anna Test & xena Test', suggestion: 'OFFER_REMATCH', signals: 14 },
      { kind: 'UNRESPONSIVE_MENTOR', subjectName: 'bram Test', suggestion: 'CHECK_IN', signals: 2 },
    ]);
    const participant = await api.token('participant', world.tenant.slug, { person: localId(world.people.anna ?? '') });
    expect(codes(await api.call(NOTIFICATIONS, { first: 5 }, { token: participant }))).toEqual(['FORBIDDEN']);
  });

  it('refuses engagement settings out of range, naming the field', async () => {
    const version = (await api.call(VERSION, { id: world.programId }, { token: world.tenant.manager })).data?.program?.version ?? 0;
    const bad = await api.call(
      UPDATE,
      { id: world.programId, version, input: { engagement: { weeklyCap: 0, quietHoursStart: 25, followUpDays: [3, 0] } } },
      { token: world.tenant.manager },
    );
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors?.[0]?.extensions?.problems?.map((p) => p.field).sort()).toEqual([
      'input.engagement.followUpDays.0',
      'input.engagement.quietHoursStart',
      'input.engagement.weeklyCap',
    ]);
    const good = await api.call(
      UPDATE,
      { id: world.programId, version, input: { engagement: { weeklyCap: 4 } } },
      { token: world.tenant.manager },
    );
    expect(good.data?.updateProgram.engagement.weeklyCap).toBe(4);
  });
});

describe('engagement: quiet hours, the weekly cap, crashes and tenants', () => {
  it('holds messages back during quiet hours and over the weekly cap, then sends every one', async () => {
    // Prepare: Wednesday 1 April 2026, 09:00 UTC — 11:00 in Amsterdam, 18:00 in Tokyo (quiet from 18).
    const clock = new TestClock(new Date(START));
    const api = await testApi({ clock });
    const channel = new RecordingChannel();
    api.services.channel = channel;
    const world = await engagementWorld(api, { engagement: { quietHoursStart: 18, quietHoursEnd: 8, weeklyCap: 1 } });
    await world.person('mira', 'MENTOR');
    await world.person('taro', 'MENTEE', { timeZone: 'Asia/Tokyo' });
    await world.pair('mira', 'taro');
    const run = () => runEngagement(api.services, { tenantIds: [world.tenant.slug] });
    const sentTo = () => channel.delivered.map((d) => `${d.message.recipient.email} ${d.message.template}`).sort();

    // Act 1: day 30 brings a nudge and a check-in survey to each.
    clock.now = new Date('2026-04-01T09:00:00Z');
    const first = await run();

    // Assert 1: Mira gets one (her cap), the other waits for next week; Taro's wait for his morning,
    // planned to be due then (ADR 0086): the sender never holds them back, so none counts as deferred.
    expect(first.sent).toMatchObject({ sent: 1, deferredQuietHours: 0, deferredCap: 1 });
    expect(sentTo()).toHaveLength(1);
    const held = (await outboxOf(api, world.tenant.slug)).filter((m) => m.status === 'PENDING');
    expect(held.map((m) => `${m.recipient.email} ${m.deferredReason} ${m.notBefore}`).sort()).toEqual([
      // Next Monday 00:00 in Amsterdam (CEST).
      expect.stringMatching(/^mira@example.org WEEKLY_CAP 2026-04-05T22:00:00.000Z$/),
      // 08:00 in Tokyo.
      'taro@example.org QUIET_HOURS 2026-04-01T23:00:00.000Z',
      'taro@example.org QUIET_HOURS 2026-04-01T23:00:00.000Z',
    ]);

    // Act 2: Tokyo's morning — one message (his cap), the other to next week.
    clock.now = new Date('2026-04-01T23:30:00Z');
    const second = await run();
    expect(second.sent).toMatchObject({ sent: 1, deferredCap: 1 });

    // Act 3: next Monday, at a decent hour in each zone.
    clock.now = new Date('2026-04-06T01:00:00Z'); // 10:00 Tokyo, 03:00 Amsterdam (quiet)
    await run();
    clock.now = new Date('2026-04-06T07:00:00Z'); // 09:00 Amsterdam, 16:00 Tokyo
    await run();

    // Assert: all four sent, none twice, none dropped.
    const all = await outboxOf(api, world.tenant.slug);
    expect(all).toHaveLength(4);
    expect(all.every((m) => m.status === 'SENT')).toBe(true);
    expect(sentTo()).toEqual([
      'mira@example.org CHECK_IN_SURVEY',
      'mira@example.org NUDGE_DUE',
      'taro@example.org CHECK_IN_SURVEY',
      'taro@example.org NUDGE_DUE',
    ]);
  });

  it('loses nothing and sends nothing twice when a run crashes part-way or the mail server fails', async () => {
    const clock = new TestClock(new Date(START));
    const api = await testApi({ clock });
    const channel = new RecordingChannel();
    api.services.channel = channel;
    const world = await engagementWorld(api, { engagement: noQuiet });
    for (const i of [1, 2, 3]) {
      await world.person(`mentor${i}`, 'MENTOR');
      await world.person(`mentee${i}`, 'MENTEE');
      await world.pair(`mentor${i}`, `mentee${i}`);
    }
    clock.now = new Date(START.getTime() + 30 * 86_400_000);

    // Act: the second outbox write of the run dies, as if the function were killed.
    const enqueue = api.services.outbox.enqueue.bind(api.services.outbox);
    let calls = 0;
    api.services.outbox.enqueue = async (messages) => {
      calls++;
      if (calls === 2) throw new Error('killed mid-run');
      return enqueue(messages);
    };
    const crashed = await runEngagement(api.services, { tenantIds: [world.tenant.slug], chunk: 5 });
    // The program's unit is reported; the tenant's close step still sends what was written.
    expect(crashed.failed).toEqual([
      { tenantId: world.tenant.slug, programId: localId(world.programId), step: 'program', error: 'killed mid-run' },
    ]);
    expect(await outboxOf(api, world.tenant.slug)).toHaveLength(5);
    expect(channel.delivered).toHaveLength(5);

    // The next run completes the day; the mail server refuses one message.
    channel.failNext = 1;
    const again = await runEngagement(api.services, { tenantIds: [world.tenant.slug], chunk: 5 });
    expect(again.failed).toEqual([]);
    expect(again.programs[0]?.enqueued).toBe(7);
    expect(again.sent).toMatchObject({ sent: 6, retried: 1 });
    const retry = (await outboxOf(api, world.tenant.slug)).find((m) => m.status === 'PENDING');
    expect(retry).toMatchObject({ attempts: 1, deferredReason: 'RETRY', lastError: 'the mail server said no' });

    // Assert: a later run sends the refused one; twelve messages, each delivered exactly once.
    clock.now = new Date(clock.now.getTime() + 2 * 60_000);
    await runEngagement(api.services, { tenantIds: [world.tenant.slug], chunk: 5 });
    const all = await outboxOf(api, world.tenant.slug);
    expect(all).toHaveLength(12);
    expect(all.every((m) => m.status === 'SENT')).toBe(true);
    expect(all.find((m) => m.id === retry?.id)?.attempts).toBe(2);
    expect(new Set(channel.delivered.map((d) => d.message.id)).size).toBe(12);
    expect(channel.delivered).toHaveLength(12);
  });

  it("keeps each tenant's outbox to itself", async () => {
    const clock = new TestClock(new Date(START));
    const api = await testApi({ clock });
    api.services.channel = new RecordingChannel();
    const a = await engagementWorld(api, { engagement: noQuiet });
    const b = await engagementWorld(api, { engagement: noQuiet });
    for (const w of [a, b]) {
      await w.person('mentor', 'MENTOR');
      await w.person('mentee', 'MENTEE');
      await w.pair('mentor', 'mentee');
    }
    clock.now = new Date(START.getTime() + 30 * 86_400_000);

    // Act: only tenant A's job runs.
    await runEngagement(api.services, { tenantIds: [a.tenant.slug] });

    // Assert: B's outbox is untouched; B's manager sees none of A's messages, by list or by filter on A's program.
    expect(await outboxOf(api, a.tenant.slug)).toHaveLength(4);
    expect(await outboxOf(api, b.tenant.slug)).toHaveLength(0);
    const seenByB = await api.call(NOTIFICATIONS, { first: 50 }, { token: b.tenant.manager });
    expect(seenByB.data?.notifications.edges).toEqual([]);
    const filtered = await api.call(NOTIFICATIONS, { filter: { programId: a.programId }, first: 50 }, { token: b.tenant.manager });
    expect(filtered.data?.notifications.edges).toEqual([]);
    const seenByA = await api.call(NOTIFICATIONS, { first: 50 }, { token: a.tenant.manager });
    expect(seenByA.data?.notifications.edges).toHaveLength(4);
  });
});
