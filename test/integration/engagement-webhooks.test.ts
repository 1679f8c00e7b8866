import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEngagement } from '../../functions/jobs/engagement.ts';
import { graphql } from '../generated/gql.ts';
import { codes, TestClock, testApi } from '../support/api.ts';
import { engagementWorld, localId, RecordingChannel } from '../support/engagement.ts';

const CREATE = graphql(`
  mutation HookCreate($input: WebhookSubscriptionInput!) {
    createWebhookSubscription(input: $input) { secret subscription { id url events active version } }
  }
`);
const UPDATE = graphql(`
  mutation HookUpdate($id: ID!, $version: Int!, $input: WebhookSubscriptionInput!) {
    updateWebhookSubscription(id: $id, version: $version, input: $input) { active version }
  }
`);
const LIST = graphql(`
  query HookList {
    webhookSubscriptions(first: 3) {
      edges {
        node {
          id url events
          lastDelivery { event status httpStatus error }
          deliveries(first: 10) { edges { node { event status attempts lastHttpStatus lastError nextAttemptAt } } }
        }
      }
    }
  }
`);

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * The recipe in docs/webhooks.md, as a partner would write it: recompute the HMAC over
 * `<t>.<body>` with the secret and compare in constant time.
 */
function verify(secret: string, header: string, body: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=') as [string, string]));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('partner webhooks', () => {
  let server: Server;
  let url = '';
  const received: Received[] = [];
  let answer = 500;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kindling`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('delivers signed events to a local receiver, retries after it fails, and shows the last status', async () => {
    // Prepare: a program, a manager who subscribes, a receiver that fails at first.
    const clock = new TestClock();
    const api = await testApi({ clock });
    api.services.channel = new RecordingChannel();
    const world = await engagementWorld(api, { engagement: { quietHoursStart: 0, quietHoursEnd: 0 } });
    const as = { token: world.tenant.manager };
    const input = { url, events: ['REQUEST_RECEIVED', 'MENTORSHIP_STARTED', 'SURVEY_DUE'] as const, description: 'HR app' };

    expect(codes(await api.call(CREATE, { input: { ...input, events: [...input.events] } }, as))).toEqual(['BAD_USER_INPUT']);
    api.services.allowLoopbackWebhooks = true;
    const created = await api.call(CREATE, { input: { ...input, events: [...input.events] } }, as);
    expect(created.errors).toBeUndefined();
    const secret = created.data?.createWebhookSubscription.secret ?? '';
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    await world.person('mentor', 'MENTOR');
    await world.person('mentee', 'MENTEE');
    await world.person('other', 'MENTEE');
    const request = await world.request('other', 'mentor');
    const pair = await world.pair('mentor', 'mentee');

    // Act 1: the receiver answers 500.
    const first = await runEngagement(api.services, { tenantIds: [world.tenant.slug] });

    // Assert 1: both events attempted once, waiting to retry, visible as such.
    expect(first.webhooks).toMatchObject({ deliveriesQueued: 2, retrying: 2, delivered: 0 });
    expect(received).toHaveLength(2);
    const listCall = await api.call(LIST, {}, as);
    if (listCall.errors) throw new Error(JSON.stringify(listCall.errors));
    let listed = listCall.data?.webhookSubscriptions.edges[0]?.node;
    expect(listed?.lastDelivery).toMatchObject({ status: 'PENDING', httpStatus: 500, error: 'HTTP 500' });
    expect(listed?.deliveries.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        status: 'PENDING',
        attempts: 1,
        lastHttpStatus: 500,
        nextAttemptAt: new Date(clock.now.getTime() + 60_000).toISOString(),
      }),
      expect.objectContaining({ status: 'PENDING', attempts: 1, lastHttpStatus: 500 }),
    ]);

    // Act 2: not yet due (back-off), then due and the receiver is back.
    await runEngagement(api.services, { tenantIds: [world.tenant.slug] });
    expect(received).toHaveLength(2);
    answer = 204;
    clock.now = new Date(clock.now.getTime() + 61_000);
    const second = await runEngagement(api.services, { tenantIds: [world.tenant.slug] });
    expect(second.webhooks).toMatchObject({ deliveriesQueued: 0, delivered: 2 });
    await runEngagement(api.services, { tenantIds: [world.tenant.slug] });

    // Assert 2: four requests (two failed, two retried), every one signed with the secret; each event delivered once.
    expect(received).toHaveLength(4);
    for (const r of received) {
      expect(verify(secret, String(r.headers['kindling-signature']), r.body)).toBe(true);
      expect(verify(`${secret}x`, String(r.headers['kindling-signature']), r.body)).toBe(false);
    }
    const bodies = received.slice(2).map((r) => JSON.parse(r.body) as { type: string; tenant: string; data: Record<string, string> });
    expect(bodies.map((b) => b.type).sort()).toEqual(['MENTORSHIP_STARTED', 'REQUEST_RECEIVED']);
    expect(bodies.find((b) => b.type === 'REQUEST_RECEIVED')?.data.request).toBe(request.id);
    expect(bodies.find((b) => b.type === 'MENTORSHIP_STARTED')?.data.mentorship).toBe(pair.id);
    expect(bodies.every((b) => b.tenant === world.tenant.slug)).toBe(true);
    expect(received[2]?.headers['kindling-delivery']).toMatch(/^d[A-Za-z0-9_-]{27}$/);
    listed = (await api.call(LIST, {}, as)).data?.webhookSubscriptions.edges[0]?.node;
    expect(listed?.lastDelivery).toMatchObject({ status: 'DELIVERED', httpStatus: 204, error: null });
    expect(listed?.deliveries.edges.map((e) => `${e.node.status} ${e.node.attempts}`)).toEqual(['DELIVERED 2', 'DELIVERED 2']);

    // Act 3: thirty days on, the check-in survey falls due — once, however often the job runs.
    clock.now = new Date(clock.now.getTime() + 30 * 86_400_000);
    await runEngagement(api.services, { tenantIds: [world.tenant.slug] });
    await runEngagement(api.services, { tenantIds: [world.tenant.slug] });
    const survey = received.slice(4).map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> });
    expect(survey).toEqual([expect.objectContaining({ type: 'SURVEY_DUE', data: { mentorship: pair.id, survey: 'CHECK_IN', period: 1 } })]);

    // A paused subscription receives nothing.
    const sub = created.data?.createWebhookSubscription.subscription;
    const paused = await api.call(
      UPDATE,
      { id: sub?.id ?? '', version: sub?.version ?? 0, input: { url, events: ['REQUEST_RECEIVED'], active: false } },
      as,
    );
    expect(paused.data?.updateWebhookSubscription).toEqual({ active: false, version: 2 });
    await world.request('other', 'mentor').catch(() => null);
    await runEngagement(api.services, { tenantIds: [world.tenant.slug] });
    expect(received).toHaveLength(5);
  });

  it('lets only program managers manage webhooks, with https endpoints', async () => {
    const api = await testApi();
    const world = await engagementWorld(api);
    const participant = await api.token('participant', world.tenant.slug, { person: localId(await world.person('p', 'MENTEE')) });
    const input = { url: 'https://partner.example.org/hooks', events: ['PAIR_OVERDUE' as const] };
    expect(codes(await api.call(CREATE, { input }, { token: participant }))).toEqual(['FORBIDDEN']);
    const bad = await api.call(CREATE, { input: { ...input, url: 'http://partner.example.org/hooks' } }, { token: world.tenant.manager });
    expect(bad.errors?.[0]?.extensions?.problems?.map((p) => p.rule)).toEqual(['https']);
    const ok = await api.call(CREATE, { input }, { token: world.tenant.manager });
    expect(ok.data?.createWebhookSubscription.subscription.url).toBe(input.url);
    // Another tenant's manager cannot see it.
    const other = await api.newTenant('Other');
    expect((await api.call(LIST, {}, { token: other.manager })).data?.webhookSubscriptions.edges).toEqual([]);
  });
});
