import { describe, expect, it } from 'vitest';
import { engagementSteps } from '../../functions/jobs/engagement.ts';
import { runScheduledJob } from '../../functions/jobs/scheduled.ts';
import { TestClock, testApi } from '../support/api.ts';
import { engagementWorld, localId, outboxOf, RecordingChannel } from '../support/engagement.ts';

const START = new Date('2026-03-02T09:00:00Z');
const noQuiet = { quietHoursStart: 0, quietHoursEnd: 0 };

/** Two tenants with one running pair each, thirty days on: each owes its pair a nudge and a check-in. */
async function twoTenants() {
  const clock = new TestClock(new Date(START));
  const api = await testApi({ clock });
  const channel = new RecordingChannel();
  api.services.channel = channel;
  const worlds = [await engagementWorld(api, { engagement: noQuiet }), await engagementWorld(api, { engagement: noQuiet })] as const;
  for (const w of worlds) {
    await w.person('mentor', 'MENTOR');
    await w.person('mentee', 'MENTEE');
    await w.pair('mentor', 'mentee');
  }
  clock.now = new Date(START.getTime() + 30 * 86_400_000);
  return { api, clock, channel, worlds };
}

describe('scheduled jobs fan out per tenant and program (ADR 0065)', () => {
  it('reports the tenant whose program fails and finishes the other', async () => {
    // Prepare: tenant A's pairs cannot be read.
    const { api, channel, worlds } = await twoTenants();
    const [a, b] = worlds;
    const pairsToFollow = api.services.engagement.pairsToFollow.bind(api.services.engagement);
    api.services.engagement.pairsToFollow = async (tenantId, programId, since) => {
      if (tenantId === a.tenant.slug) throw new Error('DynamoDB said no (injected)');
      return pairsToFollow(tenantId, programId, since);
    };

    // Act: one scheduled run over both, as the local scheduler and `kindling job run` do.
    const outcome = await runScheduledJob(api.services, 'engagement', { tenantIds: [a.tenant.slug, b.tenant.slug] });

    // Assert: A's program is reported (and named in the summary); B's messages are written and sent.
    expect(outcome.failed).toEqual([
      { tenantId: a.tenant.slug, programId: localId(a.programId), step: 'program', error: 'DynamoDB said no (injected)' },
    ]);
    expect(outcome.summary.at(-1)).toContain(`FAILED ${a.tenant.slug}/${localId(a.programId)} (program)`);
    expect(await outboxOf(api, a.tenant.slug)).toHaveLength(0);
    const written = await outboxOf(api, b.tenant.slug);
    expect(written).toHaveLength(4);
    expect(written.every((m) => m.status === 'SENT')).toBe(true);
    expect(channel.delivered.map((d) => d.message.tenantId)).toEqual(Array(4).fill(b.tenant.slug));
  });

  it('has one effect however often a unit runs, alone or at once', async () => {
    // Prepare
    const { api, clock, worlds } = await twoTenants();
    const [, b] = worlds;
    const tenant = await api.services.tenants.getTenant(b.tenant.slug);
    if (!tenant) throw new Error('tenant B is missing');
    const steps = engagementSteps();

    // Act: B's program unit three times, two of them at once (a Step Functions retry racing the first try).
    const first = await steps.program(api.services, tenant, localId(b.programId), clock.now);
    const [second, third] = await Promise.all([1, 2].map(() => steps.program(api.services, tenant, localId(b.programId), clock.now)));

    // Assert: the first wrote the day's messages, the repeats nothing; each message is there once.
    expect(first.summary.enqueued).toBe(4);
    expect([second?.summary.enqueued, third?.summary.enqueued]).toEqual([0, 0]);
    const outbox = await outboxOf(api, b.tenant.slug);
    expect(outbox).toHaveLength(4);
    expect(new Set(outbox.map((m) => m.id)).size).toBe(4);
  });
});
