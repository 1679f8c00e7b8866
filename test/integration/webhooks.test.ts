import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolveHost } from '#domain/engagement/endpoints.ts';
import { runEngagement } from '../../functions/jobs/engagement.ts';
import { runWebhookRetries } from '../../functions/jobs/webhooks.ts';
import { graphql } from '../generated/gql.ts';
import { codes, TestClock, testApi } from '../support/api.ts';
import { engagementWorld, RecordingChannel } from '../support/engagement.ts';

const CREATE = graphql(`
  mutation WhCreate($input: WebhookSubscriptionInput!) {
    createWebhookSubscription(input: $input) { secret subscription { id version } }
  }
`);
const DELETE = graphql(`
  mutation WhDelete($id: ID!, $version: Int!) { deleteWebhookSubscription(id: $id, version: $version) }
`);
const LIST = graphql(`
  query WhList { webhookSubscriptions(first: 20) { edges { node { id } } } }
`);
const DELIVERIES = graphql(`
  query WhDeliveries($id: ID!, $first: Int, $after: String, $filter: WebhookDeliveryFilter) {
    webhookSubscription(id: $id) {
      lastDelivery { status httpStatus error }
      previousSecretExpiresAt
      deliveries(first: $first, after: $after, filter: $filter) {
        edges { node { id eventId event status attempts lastHttpStatus lastError lastAttemptAt nextAttemptAt } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);
const PING = graphql(`
  mutation WhPing($id: ID!) { pingWebhook(id: $id) { id eventId event status attempts lastHttpStatus lastError } }
`);
const REDELIVER = graphql(`
  mutation WhRedeliver($id: ID!) { redeliverWebhookDelivery(id: $id) { status attempts lastHttpStatus } }
`);
const ROTATE = graphql(`
  mutation WhRotate($id: ID!, $version: Int!, $overlapHours: Int) {
    rotateWebhookSecret(id: $id, version: $version, overlapHours: $overlapHours) { secret subscription { version previousSecretExpiresAt } }
  }
`);

/** A partner's receiver on this machine: records what arrives (before answering), answers with `answer`. */
class Receiver {
  readonly received: { headers: IncomingHttpHeaders; body: string }[] = [];
  answer = 204;
  /** Holds each answer this long (so concurrent senders overlap, as they would against a slow partner). */
  holdMs = 0;
  private server: Server | null = null;
  port = 0;

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        setTimeout(() => res.writeHead(this.answer).end(), this.holdMs);
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/**
 * Stands in for DNS (there is none offline): names in `answers` resolve as told, and may be
 * re-pointed mid-test — exactly what a rebinding attacker's DNS server does. Every question is counted.
 */
function dns(answers: Record<string, string>): ResolveHost & { asked: string[]; answers: Record<string, string> } {
  const asked: string[] = [];
  const resolve = async (host: string) => {
    asked.push(host);
    const address = answers[host];
    if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  };
  return Object.assign(resolve, { asked, answers });
}

/** The recipe docs/webhooks.md gives partners: accept if any v1 matches. */
function verify(secret: string, header: string, body: string): boolean {
  const parts = header.split(',').map((kv) => kv.split('=') as [string, string]);
  const t = parts.find(([k]) => k === 't')?.[1];
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return parts
    .filter(([k]) => k === 'v1')
    .some(([, v]) => {
      const given = Buffer.from(v, 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

const rules = (r: { errors?: { extensions?: { problems?: { rule: string }[] } }[] }) =>
  r.errors?.[0]?.extensions?.problems?.map((p) => p.rule) ?? [];

describe('webhook endpoints (issue #13.6)', () => {
  it('refuses private, loopback, link-local, CGNAT and metadata addresses in every spelling when a subscription is made', async () => {
    // Prepare: production mode (no loopback); a name that points at loopback, as 127.0.0.1.nip.io does.
    const api = await testApi();
    api.services.resolveHost = dns({ '127.0.0.1.nip.io': '127.0.0.1', 'hooks.partner.test': '93.184.216.34' });
    const world = await engagementWorld(api);
    const as = { token: world.tenant.manager };
    const create = (url: string) => api.call(CREATE, { input: { url, events: ['PAIR_OVERDUE'] } }, as);

    // Act and assert: every internal target is refused with the one rule, nothing is stored.
    for (const url of [
      'https://169.254.169.254/latest/meta-data/',
      'https://10.0.0.1/',
      'https://[::ffff:a9fe:a9fe]/',
      'https://127.0.0.1.nip.io/',
      'https://2852039166/',
      'https://0xa9fea9fe/',
      'https://0251.0376.0251.0376/',
      'https://100.64.0.1/',
      'https://[fd00:ec2::254]/',
      'https://127.0.0.1/',
      'https://localhost/',
      'https://[::1]/',
    ]) {
      const refused = await create(url);
      expect(codes(refused), url).toEqual(['BAD_USER_INPUT']);
      expect(rules(refused), url).toContain('address');
    }
    expect((await api.call(LIST, {}, as)).data?.webhookSubscriptions.edges).toEqual([]);
    expect(codes(await create('https://hooks.partner.test/kindling'))).toEqual([]);
  });

  it('checks the address it connects to at every delivery: a name re-pointed inside is refused, with one uniform outcome', async () => {
    // Prepare: two endpoints whose names are public when registered.
    const api = await testApi();
    api.services.channel = new RecordingChannel();
    const resolver = dns({ 'a.partner.test': '93.184.216.34', 'b.partner.test': '93.184.216.35' });
    api.services.resolveHost = resolver;
    const world = await engagementWorld(api, { engagement: { quietHoursStart: 0, quietHoursEnd: 0 } });
    const as = { token: world.tenant.manager };
    const subs: string[] = [];
    for (const url of ['https://a.partner.test/hook', 'https://b.partner.test/hook']) {
      const made = await api.call(CREATE, { input: { url, events: ['REQUEST_RECEIVED'] } }, as);
      subs.push(made.data?.createWebhookSubscription.subscription.id ?? '');
    }
    // Act: DNS now answers with the metadata service and a private address (rebinding).
    resolver.answers['a.partner.test'] = '169.254.169.254';
    resolver.answers['b.partner.test'] = '10.0.0.1';
    await world.person('mentor', 'MENTOR');
    await world.person('mentee', 'MENTEE');
    await world.request('mentee', 'mentor');
    const run = await runEngagement(api.services, { tenantIds: [world.tenant.slug] });

    // Assert: both refused before connecting, and a partner cannot tell the two apart.
    expect(run.webhooks).toMatchObject({ deliveriesQueued: 2, delivered: 0, retrying: 2 });
    const outcomes = [];
    for (const id of subs) {
      const read = await api.call(DELIVERIES, { id, first: 5 }, as);
      const node = read.data?.webhookSubscription?.deliveries.edges[0]?.node;
      outcomes.push({ last: read.data?.webhookSubscription?.lastDelivery, error: node?.lastError, http: node?.lastHttpStatus });
    }
    expect(outcomes[0]).toEqual({
      last: { status: 'PENDING', httpStatus: null, error: 'address not allowed' },
      error: 'address not allowed',
      http: null,
    });
    expect(outcomes[1]).toEqual(outcomes[0]);
  });

  it('on a local run, connects to the very address it checked (one resolution per delivery) and still refuses non-loopback', async () => {
    // Prepare: a local run with a receiver on this machine, reached by name.
    const receiver = new Receiver();
    await receiver.start();
    const api = await testApi();
    api.services.allowLoopbackWebhooks = true;
    const resolver = dns({ 'receiver.localhost': '127.0.0.1' });
    api.services.resolveHost = resolver;
    const world = await engagementWorld(api);
    const as = { token: world.tenant.manager };
    const made = await api.call(CREATE, { input: { url: `http://receiver.localhost:${receiver.port}/in`, events: ['PAIR_OVERDUE'] } }, as);
    expect(made.errors).toBeUndefined();
    const id = made.data?.createWebhookSubscription.subscription.id ?? '';
    resolver.asked.length = 0;

    // Act 1: a ping goes through the transport's own lookup to 127.0.0.1.
    const ping = await api.call(PING, { id }, as);

    // Assert 1: delivered, the name resolved exactly once for it.
    expect(ping.data?.pingWebhook).toMatchObject({ event: 'PING', status: 'DELIVERED', lastHttpStatus: 204 });
    expect(receiver.received).toHaveLength(1);
    expect(resolver.asked).toEqual(['receiver.localhost']);

    // Act 2: the name now points at a private address; loopback being allowed does not make that allowed.
    resolver.answers['receiver.localhost'] = '10.0.0.1';
    const refused = await api.call(PING, { id }, as);
    expect(refused.data?.pingWebhook).toMatchObject({ status: 'FAILED', lastHttpStatus: null, lastError: 'address not allowed' });
    expect(receiver.received).toHaveLength(1);
    await receiver.stop();
  });
});

describe('the subscription cap (issue #13.10)', () => {
  it('holds at 10 when 12 creates race 8 existing subscriptions, and a deletion gives a place back', async () => {
    // Prepare: 8 subscriptions.
    const api = await testApi();
    api.services.resolveHost = dns({});
    const world = await engagementWorld(api);
    const as = { token: world.tenant.manager };
    const input = (n: number) => ({ input: { url: `https://hooks.partner.test/${n}`, events: ['PAIR_OVERDUE' as const] } });
    for (let n = 0; n < 8; n++) expect((await api.call(CREATE, input(n), as)).errors).toBeUndefined();

    // Act: 12 at once.
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => api.call(CREATE, input(100 + i), as)));

    // Assert: exactly 2 won; the others were told why.
    expect(results.filter((r) => !r.errors)).toHaveLength(2);
    expect(results.flatMap((r) => codes(r)).sort()).toEqual(Array(10).fill('CONFLICT'));
    const listed = (await api.call(LIST, {}, as)).data?.webhookSubscriptions.edges ?? [];
    expect(listed).toHaveLength(10);
    expect(codes(await api.call(CREATE, input(200), as))).toEqual(['CONFLICT']);
    const first = results.find((r) => !r.errors)?.data?.createWebhookSubscription.subscription;
    expect((await api.call(DELETE, { id: first?.id ?? '', version: first?.version ?? 0 }, as)).data?.deleteWebhookSubscription).toBe(true);
    expect((await api.call(CREATE, input(201), as)).errors).toBeUndefined();
    expect(codes(await api.call(CREATE, input(202), as))).toEqual(['CONFLICT']);
  });
});

describe('webhook dispatch (issues #13.13, #14.4)', () => {
  const receiver = new Receiver();
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());

  async function subscribedWorld(clock = new TestClock()) {
    const api = await testApi({ clock });
    api.services.channel = new RecordingChannel();
    api.services.allowLoopbackWebhooks = true;
    const world = await engagementWorld(api, { engagement: { quietHoursStart: 0, quietHoursEnd: 0 } });
    const as = { token: world.tenant.manager };
    const made = await api.call(
      CREATE,
      { input: { url: `http://127.0.0.1:${receiver.port}/${world.tenant.slug}`, events: ['REQUEST_RECEIVED', 'MENTORSHIP_STARTED'] } },
      as,
    );
    if (made.errors) throw new Error(JSON.stringify(made.errors));
    const created = made.data?.createWebhookSubscription;
    return { api, world, as, clock, id: created?.subscription.id ?? '', secret: created?.secret ?? '', version: 1 };
  }
  const arrivedFor = (slug: string) => receiver.received.filter((r) => JSON.parse(r.body).tenant === slug);

  it('sends each delivery once when three runs start at the same moment, and none of them fails', async () => {
    // Prepare: two events; a partner that takes a moment to answer.
    const { api, world } = await subscribedWorld();
    await world.person('mentor', 'MENTOR');
    await world.person('mentee', 'MENTEE');
    await world.person('other', 'MENTEE');
    await world.request('other', 'mentor');
    await world.pair('mentor', 'mentee');
    receiver.answer = 204;
    receiver.holdMs = 150;

    // Act: three runs at once.
    const runs = await Promise.allSettled([1, 2, 3].map(() => runEngagement(api.services, { tenantIds: [world.tenant.slug] })));
    receiver.holdMs = 0;

    // Assert: no run failed; two POSTs in all, each delivery once.
    expect(runs.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const arrived = arrivedFor(world.tenant.slug);
    expect(arrived).toHaveLength(2);
    expect(new Set(arrived.map((r) => r.headers['kindling-delivery'])).size).toBe(2);
    const totals = runs.map((r) => (r.status === 'fulfilled' ? r.value.webhooks : null));
    expect(totals.reduce((n, w) => n + (w?.delivered ?? 0), 0)).toBe(2);
    expect(totals.every((w) => w?.tenantsFailed.length === 0)).toBe(true);
  });

  it('goes on with the other tenants when one tenant’s webhooks fail', async () => {
    // Prepare: three tenants with an event each; the middle one's webhook reads fail.
    const worlds = [];
    for (let i = 0; i < 3; i++) {
      const w = await subscribedWorld();
      await w.world.person('mentor', 'MENTOR');
      await w.world.person('mentee', 'MENTEE');
      await w.world.request('mentee', 'mentor');
      worlds.push(w);
    }
    worlds.sort((a, b) => a.world.tenant.slug.localeCompare(b.world.tenant.slug));
    const [first, broken, last] = worlds as [(typeof worlds)[0], (typeof worlds)[0], (typeof worlds)[0]];
    const services = first.api.services;
    services.client.doc.middlewareStack.add(
      (next) => async (args) => {
        if (JSON.stringify(args.input).includes(`T#${broken.world.tenant.slug}#HOOK`)) {
          throw Object.assign(new Error('Internal server error (injected)'), { name: 'InternalServerError', $fault: 'server' });
        }
        return next(args);
      },
      { step: 'initialize', name: 'brokenTenant' },
    );

    // Act: one run over all three, in slug order.
    const tenantIds = worlds.map((w) => w.world.tenant.slug);
    const run = await runEngagement(services, { tenantIds });
    services.client.doc.middlewareStack.remove('brokenTenant');

    // Assert: the first and the last were served; the broken one is reported, its delivery still due.
    expect(run.webhooks.tenantsFailed).toEqual([broken.world.tenant.slug]);
    expect(arrivedFor(first.world.tenant.slug)).toHaveLength(1);
    expect(arrivedFor(last.world.tenant.slug)).toHaveLength(1);
    expect(arrivedFor(broken.world.tenant.slug)).toHaveLength(0);
    const retried = await runEngagement(services, { tenantIds: [broken.world.tenant.slug] });
    expect(retried.webhooks).toMatchObject({ delivered: 1, tenantsFailed: [] });
  });

  it('retries after 1, 2, 4 … minutes without waiting for the hourly job', async () => {
    // Prepare: a partner that is down.
    const { api, world, as, clock, id } = await subscribedWorld();
    await world.person('mentor', 'MENTOR');
    await world.person('mentee', 'MENTEE');
    await world.request('mentee', 'mentor');
    receiver.answer = 503;
    const start = clock.now.getTime();
    const at = (ms: number) => {
      clock.now = new Date(start + ms);
      return runWebhookRetries(api.services, { tenantIds: [world.tenant.slug] });
    };

    // Act: the hourly job makes the first attempt; then the minute job runs as EventBridge would.
    await runEngagement(api.services, { tenantIds: [world.tenant.slug] });
    const attempts = [(await at(59_000)).retrying, (await at(60_000)).retrying, (await at(179_000)).retrying];
    receiver.answer = 204;
    const third = await at(180_000);

    // Assert: attempts at 0, 1 and 3 minutes (back-off 1, then 2), delivered on the third.
    expect(attempts).toEqual([0, 1, 0]);
    expect(third.delivered).toBe(1);
    expect(arrivedFor(world.tenant.slug).map((r) => r.headers['kindling-delivery'])).toHaveLength(3);
    const log = await api.call(DELIVERIES, { id, first: 5 }, as);
    expect(log.data?.webhookSubscription?.deliveries.edges[0]?.node).toMatchObject({
      status: 'DELIVERED',
      attempts: 3,
      lastAttemptAt: new Date(start + 180_000).toISOString(),
    });
  });

  it('pings, redelivers a failed delivery, and filters the delivery log by status and event, page by page', async () => {
    // Prepare: two events whose deliveries fail eight times.
    const { api, world, as, clock, id } = await subscribedWorld();
    await world.person('mentor', 'MENTOR');
    await world.person('mentee', 'MENTEE');
    await world.person('other', 'MENTEE');
    await world.request('other', 'mentor');
    await world.pair('mentor', 'mentee');
    receiver.answer = 500;
    await runEngagement(api.services, { tenantIds: [world.tenant.slug] });
    for (let i = 0; i < 7; i++) {
      clock.now = new Date(clock.now.getTime() + 6 * 3_600_000);
      await runWebhookRetries(api.services, { tenantIds: [world.tenant.slug] });
    }
    receiver.answer = 204;
    const ping = (await api.call(PING, { id }, as)).data?.pingWebhook;
    expect(ping).toMatchObject({ event: 'PING', status: 'DELIVERED', attempts: 1, lastHttpStatus: 204 });
    const pinged = arrivedFor(world.tenant.slug).at(-1);
    expect(JSON.parse(pinged?.body ?? '{}')).toMatchObject({ type: 'PING', id: ping?.eventId });
    expect(pinged?.headers['kindling-event']).toBe('PING');

    // Act 1: the log, failed ones only, one per page.
    const page1 = await api.call(DELIVERIES, { id, first: 1, filter: { status: 'FAILED' } }, as);
    const after = page1.data?.webhookSubscription?.deliveries.pageInfo.endCursor ?? null;
    const page2 = await api.call(DELIVERIES, { id, first: 1, after, filter: { status: 'FAILED' } }, as);
    const failed = [page1, page2].map((p) => p.data?.webhookSubscription?.deliveries.edges[0]?.node);

    // Assert 1: two failed deliveries after eight attempts each, on two pages; the ping is not among them.
    expect(page1.data?.webhookSubscription?.deliveries.pageInfo.hasNextPage).toBe(true);
    expect(failed.map((d) => `${d?.status} ${d?.attempts}`)).toEqual(['FAILED 8', 'FAILED 8']);
    expect(new Set(failed.map((d) => d?.eventId)).size).toBe(2);
    const byEvent = await api.call(DELIVERIES, { id, filter: { eventId: ping?.eventId ?? '' } }, as);
    expect(byEvent.data?.webhookSubscription?.deliveries.edges.map((e) => e.node.id)).toEqual([ping?.id]);

    // Act 2: redeliver one; again (it is delivered now); a cursor from another filter.
    const again = await api.call(REDELIVER, { id: failed[0]?.id ?? '' }, as);
    const twice = await api.call(REDELIVER, { id: failed[0]?.id ?? '' }, as);
    const wrongCursor = await api.call(DELIVERIES, { id, first: 1, after, filter: { status: 'DELIVERED' } }, as);

    // Assert 2: delivered with a fresh count, the same delivery id; a second redelivery is a conflict.
    expect(again.data?.redeliverWebhookDelivery).toEqual({ status: 'DELIVERED', attempts: 1, lastHttpStatus: 204 });
    const redelivered = arrivedFor(world.tenant.slug).at(-1);
    expect(JSON.parse(redelivered?.body ?? '{}').id).toBe(failed[0]?.eventId);
    expect(codes(twice)).toEqual(['CONFLICT']);
    expect(codes(wrongCursor)).toEqual(['BAD_USER_INPUT']);
  });

  it('rotates the secret with an overlap: both signatures while it lasts, the new one only after', async () => {
    // Prepare.
    const { api, as, clock, id, secret } = await subscribedWorld();
    receiver.answer = 204;

    // Act: rotate with a two-hour overlap, ping during it and after it.
    const rotated = (await api.call(ROTATE, { id, version: 1, overlapHours: 2 }, as)).data?.rotateWebhookSecret;
    await api.call(PING, { id }, as);
    const during = receiver.received.at(-1);
    clock.now = new Date(clock.now.getTime() + 2 * 3_600_000 + 1000);
    await api.call(PING, { id }, as);
    const after = receiver.received.at(-1);

    // Assert.
    const next = rotated?.secret ?? '';
    expect(next).toMatch(/^whsec_/);
    expect(next).not.toBe(secret);
    expect(rotated?.subscription).toEqual({ version: 2, previousSecretExpiresAt: '2026-03-02T11:00:00.000Z' });
    const sig = (r: typeof during) => String(r?.headers['kindling-signature']);
    expect(sig(during).match(/v1=/g)).toHaveLength(2);
    expect(verify(next, sig(during), during?.body ?? '')).toBe(true);
    expect(verify(secret, sig(during), during?.body ?? '')).toBe(true);
    expect(sig(after).match(/v1=/g)).toHaveLength(1);
    expect(verify(next, sig(after), after?.body ?? '')).toBe(true);
    expect(verify(secret, sig(after), after?.body ?? '')).toBe(false);
    expect(codes(await api.call(ROTATE, { id, version: 1 }, as))).toEqual(['CONFLICT']);
  });
});
