import { describe, expect, it } from 'vitest';
import { groupOf } from '#domain/engagement/outbox.ts';
import { engagementSteps, runEngagement } from '../../functions/jobs/engagement.ts';
import { graphql } from '../generated/gql.ts';
import { TestClock, testApi } from '../support/api.ts';
import { engagementWorld, localId, outboxOf, RecordingChannel } from '../support/engagement.ts';

const ERASE = graphql(`
  mutation SendersErase($id: ID!, $reason: String!) { erasePerson(id: $id, reason: $reason) { pseudonym } }
`);

const START = new Date('2026-03-02T09:00:00Z');
const noQuiet = { quietHoursStart: 0, quietHoursEnd: 0 };

/**
 * A program of `pairs` running pairs, thirty days on: each pair owes a nudge and a check-in to each
 * side, so each person has two messages due, more than one send group (25 messages) in all.
 */
async function dueWorld(pairs: number, weeklyCap = 10) {
  const clock = new TestClock(new Date(START));
  const api = await testApi({ clock });
  const channel = new RecordingChannel();
  api.services.channel = channel;
  const world = await engagementWorld(api, { engagement: { ...noQuiet, weeklyCap } });
  for (let i = 0; i < pairs; i++) {
    await world.person(`mentor${i}`, 'MENTOR');
    await world.person(`mentee${i}`, 'MENTEE');
    await world.pair(`mentor${i}`, `mentee${i}`);
  }
  clock.now = new Date(START.getTime() + 30 * 86_400_000);
  const tenant = await api.services.tenants.getTenant(world.tenant.slug);
  if (!tenant) throw new Error('no tenant');
  return { api, clock, channel, world, tenant };
}

describe('senders claim the outbox by send group (ADR 0083)', () => {
  it('delivers each message once when two senders run at once over the same due messages, within the weekly cap', async () => {
    // Prepare: 15 pairs, 60 messages due in three send groups; a cap of one message a week each.
    const { api, clock, channel, world, tenant } = await dueWorld(15, 1);
    const steps = engagementSteps();
    const planned = await steps.program(api.services, tenant, localId(world.programId), clock.now);
    expect(planned.summary.enqueued).toBe(60);

    // Act: two close steps at once (a Step Functions retry racing the first try, or two schedulers).
    const [a, b] = await Promise.all([1, 2].map(() => steps.close(api.services, tenant, clock.now)));

    // Assert: each person got exactly one message (their cap), none twice; the other waits for next week.
    const delivered = channel.delivered.map((d) => d.message.id);
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(delivered).toHaveLength(30);
    expect(new Set(channel.delivered.map((d) => d.message.recipient.email)).size).toBe(30);
    expect((a?.sent.sent ?? 0) + (b?.sent.sent ?? 0)).toBe(30);
    const outbox = await outboxOf(api, world.tenant.slug);
    expect(
      outbox
        .filter((m) => m.status === 'SENT')
        .map((m) => m.id)
        .sort(),
    ).toEqual([...delivered].sort());
    expect(outbox.filter((m) => m.status === 'PENDING').every((m) => m.deferredReason === 'WEEKLY_CAP')).toBe(true);
    expect(outbox.filter((m) => m.status === 'PENDING')).toHaveLength(30);
  });

  it('sends what a crashed sender claimed once its lease has run out, and only once', async () => {
    // Prepare: 8 pairs, 32 messages due in two send groups; the first sender dies right after its claim.
    const { api, clock, channel, world } = await dueWorld(8);
    const claimGroups = api.services.outbox.claimGroups.bind(api.services.outbox);
    let crashes = 1;
    api.services.outbox.claimGroups = async (...args) => {
      const claimed = await claimGroups(...args);
      if (crashes-- > 0) throw new Error('killed after claiming');
      return claimed;
    };
    const run = () => runEngagement(api.services, { tenantIds: [world.tenant.slug] });

    // Act 1: the run plans the day, claims the first page's groups and dies.
    const crashed = await run();

    // Assert 1: the tenant's close step is reported; nothing was sent.
    expect(crashed.failed.map((f) => `${f.step} ${f.error}`)).toEqual(['close killed after claiming']);
    expect(channel.delivered).toHaveLength(0);

    // Act 2: a run within the lease leaves the claimed groups alone.
    clock.now = new Date(clock.now.getTime() + 5 * 60_000);
    const early = await run();
    expect(early.failed).toEqual([]);
    expect(early.sent.sent).toBe(0);

    // Act 3: after the lease (ten minutes) the next run sends them.
    clock.now = new Date(clock.now.getTime() + 6 * 60_000);
    const later = await run();
    await run();

    // Assert: all 32 sent, each delivered exactly once.
    expect(later.sent.sent).toBe(32);
    const delivered = channel.delivered.map((d) => d.message.id);
    expect(delivered).toHaveLength(32);
    expect(new Set(delivered).size).toBe(32);
    const outbox = await outboxOf(api, world.tenant.slug);
    expect(outbox).toHaveLength(32);
    expect(outbox.every((m) => m.status === 'SENT' && m.attempts === 1)).toBe(true);
  });

  it('keeps an erasure that comes while a sender holds the messages: the erasure waits for the lease', async () => {
    // Prepare: one pair's four messages, claimed and read by a sender that has not recorded yet.
    const { api, clock, world, tenant } = await dueWorld(1);
    await engagementSteps().program(api.services, tenant, localId(world.programId), clock.now);
    const outbox = api.services.outbox;
    const t = world.tenant.slug;
    const now = clock.now.toISOString();
    const lease = { owner: 'sender-1', until: new Date(clock.now.getTime() + 10 * 60_000).toISOString(), now };
    const page = await outbox.dueMessages(t, now, 200);
    const groups = await outbox.claimGroups(t, [...new Set(page.messages.map(groupOf))], lease);
    const read = await outbox.current(
      t,
      page.messages.map((m) => m.id),
    );
    expect(read.filter((m) => m.recipient.email === 'mentee0@example.org')).toHaveLength(2);
    // The erasure's first try for a group's lease is the event the sender waits for.
    const doc = api.services.client.doc;
    const send = doc.send.bind(doc);
    let erasureAsked: () => void = () => undefined;
    const asked = new Promise<void>((resolve) => {
      erasureAsked = resolve;
    });
    doc.send = ((command: { input?: { Item?: { owner?: unknown } } }, ...rest: unknown[]) => {
      if (String(command.input?.Item?.owner ?? '').startsWith('erasure:')) erasureAsked();
      return (send as (...a: unknown[]) => unknown)(command, ...rest);
    }) as typeof doc.send;

    // Act: the mentee is erased; meanwhile the sender records its (unerased) copies as sent and lets go.
    const erasing = api.call(ERASE, { id: world.people.mentee0 ?? '', reason: 'GDPR request' }, { token: world.tenant.manager });
    await asked;
    expect([...(await outbox.stillHeld(t, [...groups], lease.owner))]).toEqual([...groups]);
    await outbox.record(
      read.map((m) => ({ ...m, status: 'SENT' as const, attempts: 1, sentAt: now, channel: 'test' })),
      lease.owner,
    );
    await outbox.release(t, [...groups], lease.owner);
    const erased = await erasing;
    doc.send = send;

    // Assert: the erasure came after the sender's record, so no message keeps the mentee's address.
    expect(erased.errors).toBeUndefined();
    const after = await outboxOf(api, t);
    expect(after).toHaveLength(4);
    expect(after.filter((m) => m.recipient.email === 'mentee0@example.org')).toEqual([]);
    expect(after.every((m) => m.status === 'SENT')).toBe(true);
  });
});
