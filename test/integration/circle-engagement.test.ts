import { beforeAll, describe, expect, it } from 'vitest';
import { runEngagement } from '../../functions/jobs/engagement.ts';
import { graphql } from '../generated/gql.ts';
import { TestClock, testApi } from '../support/api.ts';
import { engagementWorld, outboxOf, RecordingChannel } from '../support/engagement.ts';

const CIRCLES = graphql(`
  query CircleEngCircles($id: ID!) {
    program(id: $id) {
      circles(first: 10) { edges { node { id status mentor { displayName } members { person { id } place { id version } } } } }
      attention { kind subjectId subjectName suggestion signals }
    }
  }
`);
const LOG_GROUP = graphql(`
  mutation CircleEngLog($input: GroupMeetingInput!, $key: String) { logGroupMeeting(input: $input, idempotencyKey: $key) { id } }
`);
const END = graphql(`
  mutation CircleEngEnd($id: ID!, $version: Int!) { changeMentorship(id: $id, version: $version, action: COMPLETE) { status } }
`);

const START = new Date('2026-03-02T09:00:00Z');
const dayOf = (iso: string) => Math.round((Date.parse(iso) - START.getTime()) / 86_400_000);

describe('engagement for circles: one nudge per circle to its mentor, check-ins to each member', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let world: Awaited<ReturnType<typeof engagementWorld>>;
  const channel = new RecordingChannel();
  const run = () => runEngagement(api.services, { tenantIds: [world.tenant.slug] });
  const circles = async () => {
    const res = await api.call(CIRCLES, { id: world.programId }, { token: world.tenant.manager });
    expect(res.errors).toBeUndefined();
    return res.data?.program;
  };
  const circleOf = async (mentor: string) =>
    (await circles())?.circles.edges.map((e) => e.node).find((c) => c.mentor?.displayName === `${mentor} Test`);
  /** A place in the mentor's circle, proposed by the manager and accepted by both. */
  const join = async (mentor: string, mentee: string) => {
    let p = await world.propose(mentor, mentee);
    if (p.status === 'PROPOSED') p = { ...p, ...(await world.approve(p.id, p.version)) };
    p = { ...p, ...(await world.accept(p.id, p.version, 'MENTOR')) };
    await world.accept(p.id, p.version, 'MENTEE');
  };

  beforeAll(async () => {
    api = await testApi({ clock: new TestClock(new Date(START)) });
    api.services.channel = channel;
    world = await engagementWorld(api, {
      kind: 'GROUP',
      circleSize: { minimum: 2, maximum: 3 },
      engagement: { quietHoursStart: 0, quietHoursEnd: 0, weeklyCap: 10, managerEmail: 'pm@example.org' },
      pairing: { requestExpiryDays: 14, proposalExpiryDays: 14, checkInEveryDays: 30 },
    });
    await world.person('anna', 'MENTOR', { languages: ['nl'] });
    await world.person('bram', 'MENTOR');
    for (const mentee of ['xena', 'yuri', 'zoe', 'wim', 'vera']) await world.person(mentee, 'MENTEE');
  });

  it('nudges the mentor of each circle by its last meeting, escalates the one that never meets, and spares the members', async () => {
    // Prepare: Anna's circle of three and Bram's of two, from day 0.
    for (const mentee of ['xena', 'yuri', 'zoe']) await join('anna', mentee);
    for (const mentee of ['wim', 'vera']) await join('bram', mentee);
    const anna = await circleOf('anna');

    // Act: eight weeks, the job twice a day; Anna's circle meets on day 25 (Zoe is absent), Bram's never.
    for (let day = 0; day <= 56; day++) {
      api.clock.now = new Date(START.getTime() + day * 86_400_000);
      if (day === 25) {
        const attendees = [world.people.xena ?? '', world.people.yuri ?? ''];
        const input = {
          circleId: anna?.id ?? '',
          heldAt: api.clock.now.toISOString(),
          durationMinutes: 60,
          mode: 'VIDEO' as const,
          attendees,
        };
        const first = await api.call(LOG_GROUP, { input, key: 'circle-meeting-25' }, { token: world.tenant.manager });
        const retry = await api.call(LOG_GROUP, { input, key: 'circle-meeting-25' }, { token: world.tenant.manager });
        expect(first.errors).toBeUndefined();
        expect(retry.data?.logGroupMeeting.id).toBe(first.data?.logGroupMeeting.id);
      }
      await run();
      await run();
    }

    // Assert: one nudge per circle to its mentor (Anna's again after the meeting moved it), the
    // check-in to each member and not the mentor, no "we met" nudge to any member.
    const outbox = await outboxOf(api, world.tenant.slug);
    const got = outbox.map((m) => `${dayOf(m.createdAt)} ${m.template} ${m.recipient.email}`).sort();
    expect(got).toEqual(
      [
        '23 NUDGE_DUE anna@example.org',
        '23 NUDGE_DUE bram@example.org',
        '30 CHECK_IN_SURVEY xena@example.org',
        '30 CHECK_IN_SURVEY yuri@example.org',
        '30 CHECK_IN_SURVEY zoe@example.org',
        '30 CHECK_IN_SURVEY wim@example.org',
        '30 CHECK_IN_SURVEY vera@example.org',
        '42 NUDGE_OVERDUE bram@example.org',
        '48 NUDGE_DUE anna@example.org',
        '56 PAIR_ESCALATED pm@example.org',
      ].sort(),
    );
    const said = (email: string, template: string) =>
      channel.delivered.filter((d) => d.message.recipient.email === email && d.message.template === template).map((d) => d.rendered);
    expect(said('anna@example.org', 'NUDGE_DUE')[0]?.subject).toBe('Tijd voor een bijeenkomst van je kring');
    expect(said('anna@example.org', 'NUDGE_DUE')[0]?.text).toContain('je kring in Rhythm (3 leden)');
    expect(said('bram@example.org', 'NUDGE_OVERDUE')[0]?.subject).toBe('Your circle has not met for 42 days');
    expect(said('zoe@example.org', 'CHECK_IN_SURVEY')[0]?.subject).toBe('How is your circle with anna Test going?');
    expect(said('pm@example.org', 'PAIR_ESCALATED')[0]?.text).toContain('The circle led by bram Test (mentor) in Rhythm, 2 members');

    // The manager sees the overdue circle, named by its mentor.
    const bram = await circleOf('bram');
    expect((await circles())?.attention).toEqual([
      { kind: 'OVERDUE_CIRCLE', subjectId: bram?.id, subjectName: 'bram Test', suggestion: 'OFFER_REMATCH', signals: 14 },
    ]);
  });

  it('closes a circle when its last place ends, and stops nudging it', async () => {
    // Prepare: Bram's circle, open with two places.
    const before = await circleOf('bram');
    expect(before?.status).toBe('ACTIVE');

    // Act: both places complete.
    const places = before?.members.map((m) => m.place).filter((p) => p !== null && p !== undefined) ?? [];
    expect(places).toHaveLength(2);
    const [first, second] = places;
    await api.call(END, { id: first?.id ?? '', version: first?.version ?? 0 }, { token: world.tenant.manager });
    const middle = await circleOf('bram');
    await api.call(END, { id: second?.id ?? '', version: second?.version ?? 0 }, { token: world.tenant.manager });
    api.clock.now = new Date(START.getTime() + 57 * 86_400_000);
    await run();

    // Assert: open after the first, closed after the last; the overdue circle left the attention list.
    expect(middle?.status).toBe('ACTIVE');
    expect((await circleOf('bram'))?.status).toBe('CLOSED');
    expect((await circles())?.attention).toEqual([]);
  });
});
