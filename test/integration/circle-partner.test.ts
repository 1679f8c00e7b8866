import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerClient, operations } from '../../clients/partner/src/index.ts';
import { runEngagement } from '../../functions/jobs/engagement.ts';
import { graphql } from '../generated/gql.ts';
import { handlerFetch, testApi } from '../support/api.ts';
import { engagementWorld, RecordingChannel } from '../support/engagement.ts';

const ISSUE = graphql(`
  mutation CirclePartnerKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }
`);
const SUBSCRIBE = graphql(`
  mutation CirclePartnerHook($input: WebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret } }
`);

/**
 * Group programs for partner apps (ADR 0082): a member reads their circle through the typed client,
 * the mentor logs a group meeting once however often the app retries, and the partner hears the
 * circle open and meet by webhook, with ids only.
 */
describe('circles for partner apps: the typed client and webhooks', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let world: Awaited<ReturnType<typeof engagementWorld>>;
  let secret = '';
  const received: string[] = [];
  let server: Server | null = null;
  const viaHandler = handlerFetch(() => api);
  const client = (person: string) =>
    createPartnerClient({ url: 'http://api.test/graphql', apiKey: secret, personId: world.people[person] ?? '', fetch: viaHandler });

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(204).end();
      });
    });
    const listening = server;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    api = await testApi();
    api.services.channel = new RecordingChannel();
    api.services.allowLoopbackWebhooks = true;
    world = await engagementWorld(api, { kind: 'GROUP', circleSize: { minimum: 2, maximum: 3 } });
    const as = { token: world.tenant.manager };
    const port = (listening.address() as AddressInfo).port;
    const hook = await api.call(
      SUBSCRIBE,
      { input: { url: `http://127.0.0.1:${port}/kindling`, events: ['CIRCLE_STARTED', 'GROUP_MEETING_LOGGED'] } },
      as,
    );
    expect(hook.errors).toBeUndefined();
    const issued = await api.call(
      ISSUE,
      {
        input: {
          name: 'Circle app',
          scopes: ['PROFILES_READ', 'PROGRAMS_READ', 'MENTORSHIPS_READ', 'MEETINGS_WRITE'],
          programId: world.programId,
        },
      },
      as,
    );
    secret = issued.data?.createApiKey.secret ?? '';
    await world.person('lea', 'MENTOR');
    for (const mentee of ['max', 'noor', 'olaf']) await world.person(mentee, 'MENTEE');
    // Lea's circle: Max and Noor accept a place; Olaf is in no circle.
    for (const mentee of ['max', 'noor']) {
      let p = await world.propose('lea', mentee);
      if (p.status === 'PROPOSED') p = { ...p, ...(await world.approve(p.id, p.version)) };
      p = { ...p, ...(await world.accept(p.id, p.version, 'MENTOR')) };
      await world.accept(p.id, p.version, 'MENTEE');
    }
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('lets a member find and read their circle, and the mentor log a group meeting once however often it is retried', async () => {
    // Prepare
    const max = client('max');
    const lea = max.as(world.people.lea ?? '');

    // Act
    const mine = await max.request(operations.MyCircles);
    const circleId = mine.me?.mentorships?.find((m) => m.circle)?.circle?.id ?? '';
    const input = {
      circleId,
      heldAt: api.clock.now.toISOString(),
      durationMinutes: 60,
      mode: 'VIDEO' as const,
      attendees: [world.people.max ?? ''],
    };
    const first = await lea.request(operations.LogGroupMeeting, { input, idempotencyKey: 'lea-meeting-0001' });
    const retry = await lea.request(operations.LogGroupMeeting, { input, idempotencyKey: 'lea-meeting-0001' });
    const read = await max.request(operations.Circle, { id: circleId });
    const outsider = await client('olaf').request(operations.Circle, { id: circleId });

    // Assess: one meeting; the member sees names, never contact details; an outsider reads nothing.
    expect(retry.logGroupMeeting.id).toBe(first.logGroupMeeting.id);
    expect(read.circle).toMatchObject({ status: 'ACTIVE', mentorName: 'lea Test', meetingCount: 1, minimum: 2, maximum: 3 });
    expect(read.circle?.members.map((m) => `${m.displayName} ${m.attended}`).sort()).toEqual(['max Test 1', 'noor Test 0']);
    expect(read.circle?.meetings.map((m) => m.attendees.map((a) => a.displayName))).toEqual([['max Test']]);
    expect(JSON.stringify(read)).not.toMatch(/@/);
    expect(outsider).toEqual({ circle: null });
  });

  it('tells the partner the circle started and met, with ids and counts only', async () => {
    // Act: the engagement job dispatches what the audit log holds.
    await runEngagement(api.services, { tenantIds: [world.tenant.slug] });

    // Assess: one CIRCLE_STARTED (the first place opened the circle, the second joined it) and one meeting.
    const events = received.map((b) => JSON.parse(b) as { type: string; data: Record<string, unknown> });
    expect(events.map((e) => e.type).sort()).toEqual(['CIRCLE_STARTED', 'GROUP_MEETING_LOGGED']);
    const started = events.find((e) => e.type === 'CIRCLE_STARTED');
    const met = events.find((e) => e.type === 'GROUP_MEETING_LOGGED');
    expect(Object.keys(started?.data ?? {}).sort()).toEqual(['circle', 'mentorship']);
    expect(Object.keys(met?.data ?? {}).sort()).toEqual(['attendees', 'circle', 'heldAt', 'meeting']);
    expect(met?.data.circle).toBe(started?.data.circle);
    expect(met?.data.attendees).toBe(1);
    expect(received.join('\n')).not.toMatch(/Test|@/);
  });
});
