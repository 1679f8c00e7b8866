import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseToken } from '#domain/engagement/actionLinks.ts';
import { createGraphqlHandler } from '#graphql/server.ts';
import { lambdaContext } from '#local/http.ts';
import { keys } from '#store/keys.ts';
import { runEngagement } from '../../functions/jobs/engagement.ts';
import { graphql } from '../generated/gql.ts';
import { TestClock, testApi } from '../support/api.ts';
import { engagementWorld, localId, RecordingChannel } from '../support/engagement.ts';

const REQUESTS = graphql(`
  query LinkRequests($id: ID!) { program(id: $id) { requests(first: 10) { edges { node { id status reason } } } } }
`);
const PAIR = graphql(`
  query LinkPair($id: ID!) { mentorship(id: $id) { status meetingCount meetings { heldAt topics mode } } }
`);

const START = new Date('2026-03-02T09:00:00Z');
const LINK = /(http:\/\/kindling\.test\/#\/act\/([a-z0-9-]+\.[A-Za-z0-9_-]{43}))/g;

/** E-mail action links (ADR 0059) through the real handler's public `/links` path on DynamoDB Local. */
describe('e-mail action links: signed, expiring, single-use', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let world: Awaited<ReturnType<typeof engagementWorld>>;
  let handler: ReturnType<typeof createGraphqlHandler>;
  const channel = new RecordingChannel();

  const post = async (body: unknown, ip = '203.0.113.7') => {
    const now = new Date();
    const event: APIGatewayProxyEventV2 = {
      version: '2.0',
      routeKey: '$default',
      rawPath: '/links',
      rawQueryString: '',
      headers: { 'content-type': 'application/json' },
      requestContext: {
        accountId: 'test',
        apiId: 'test',
        domainName: 'api.test',
        domainPrefix: 'api',
        http: { method: 'POST', path: '/links', protocol: 'HTTP/1.1', sourceIp: ip, userAgent: 'vitest' },
        requestId: randomBytes(8).toString('hex'),
        routeKey: '$default',
        stage: '$default',
        time: now.toUTCString(),
        timeEpoch: now.getTime(),
      },
      body: JSON.stringify(body),
      isBase64Encoded: false,
    };
    const res = await handler(event, lambdaContext('kindling-graphql-test'));
    return { status: res.statusCode ?? 200, headers: res.headers ?? {}, body: JSON.parse(res.body ?? '{}') };
  };
  const linksIn = (template: string, to: string) =>
    channel.delivered
      .filter((d) => d.message.template === template && d.message.recipient.email === to)
      .flatMap((d) => [...d.rendered.text.matchAll(LINK)].map((m) => m[2] as string));

  beforeAll(async () => {
    api = await testApi({ clock: new TestClock(new Date(START)) });
    api.services.channel = channel;
    api.services.publicUrl = async () => 'http://kindling.test';
    handler = createGraphqlHandler(api.services);
    world = await engagementWorld(api, {
      engagement: { quietHoursStart: 0, quietHoursEnd: 0, weeklyCap: 10 },
      pairing: { requestExpiryDays: 14, proposalExpiryDays: 14, checkInEveryDays: 30 },
    });
    await world.person('anna', 'MENTOR', { languages: ['nl'] });
    await world.person('bram', 'MENTOR');
    await world.person('xena', 'MENTEE');
    await world.person('zoe', 'MENTEE');
  });

  it('lets a mentor accept a request from the e-mail, once, and audits it without secrets', async () => {
    // Prepare: a request three days old, so the follow-up with its links goes out.
    await world.request('zoe', 'anna');
    api.clock.advanceDays(3);
    await runEngagement(api.services, { tenantIds: [world.tenant.slug] });
    const [accept, decline] = linksIn('REQUEST_FOLLOW_UP', 'anna@example.org');
    expect(accept && decline).toBeTruthy();

    // Act: open it, then use it.
    const seen = await post({ token: accept });
    const done = await post({ token: accept, use: { message: 'Graag!' } });
    const again = await post({ token: accept, use: {} });
    const other = await post({ token: decline, use: {} });

    // Assess: the page shows the one action's context in Anna's language, nothing more; the request is accepted once.
    expect(seen.body).toMatchObject({
      state: 'READY',
      action: 'ACCEPT_REQUEST',
      locale: 'nl',
      context: { otherName: 'zoe Test', programName: 'Rhythm' },
    });
    expect(Object.keys(seen.body.context).sort()).toEqual(['expiresOn', 'otherName', 'programName', 'requestedOn']);
    expect(JSON.stringify(seen.body)).not.toMatch(/@example\.org|reorganisation|GOAL_SETTING/);
    expect(done.body.state).toBe('DONE');
    expect(again.body.state).toBe('USED');
    expect(other.body.state).toBe('CLOSED');
    const requests = await api.call(REQUESTS, { id: world.programId }, { token: await managerToken() });
    expect(requests.data?.program?.requests.edges.map((e) => e.node.status)).toEqual(['ACCEPTED']);
    const audit = await api.services.audit.listAudit(world.tenant.slug, null, { first: 50, after: null }, { action: 'actionLink' });
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ action: 'actionLink.use', actorId: `link:${localId(world.people.anna ?? '')}` });
    expect(JSON.stringify(audit.items)).not.toContain(accept?.split('.')[1]);
    const accepted = await api.services.audit.listAudit(
      world.tenant.slug,
      null,
      { first: 50, after: null },
      { action: 'mentorship.start' },
    );
    expect(accepted.items.map((e) => e.actorId)).toEqual([`link:${localId(world.people.anna ?? '')}`]);
  });

  it('stores only a hash of the token, bound to tenant, person, action and target', async () => {
    const token = linksIn('REQUEST_FOLLOW_UP', 'anna@example.org')[0] ?? '';
    const parsed = parseToken(token);
    const res = await api.services.client.doc.send(
      new GetCommand({ TableName: api.services.client.table, Key: keys.actionLink(world.tenant.slug, parsed?.hash ?? '') }),
    );
    expect(res.Item).toMatchObject({ tenantId: world.tenant.slug, personId: localId(world.people.anna ?? ''), action: 'ACCEPT_REQUEST' });
    expect(JSON.stringify(res.Item)).not.toContain(token.split('.')[1]);
  });

  it('confirms a meeting from the nudge, with its date and topic, and refuses a bad date without using the link', async () => {
    // Prepare: a pair whose next contact falls due.
    const pair = await world.pair('bram', 'xena');
    api.clock.advanceDays(28);
    await runEngagement(api.services, { tenantIds: [world.tenant.slug] });
    const [link] = linksIn('NUDGE_DUE', 'xena@example.org');

    // Act
    const future = await post({ token: link, use: { date: '2099-01-01' } });
    const today = api.clock.now.toISOString().slice(0, 10);
    const done = await post({ token: link, use: { date: today, topic: 'Career plan', mode: 'VIDEO' } });

    // Assess
    expect(future.status).toBe(400);
    expect(future.body.errors[0].extensions.problems[0]).toMatchObject({ field: 'date', rule: 'future' });
    expect(done.body).toMatchObject({ state: 'DONE', action: 'CONFIRM_MEETING' });
    const read = await api.call(PAIR, { id: pair.id }, { token: await managerToken() });
    expect(read.data?.mentorship?.meetingCount).toBe(1);
    expect(read.data?.mentorship?.meetings[0]).toMatchObject({ topics: ['Career plan'], mode: 'VIDEO' });
    expect(read.data?.mentorship?.meetings[0]?.heldAt.slice(0, 10)).toBe(today);
  });

  it('refuses an expired link (on an injected clock), a link moved to another tenant, and a made-up one', async () => {
    // Prepare: a check-in link, then the clock past its two weeks.
    api.clock.advanceDays(3);
    await runEngagement(api.services, { tenantIds: [world.tenant.slug] });
    const [link] = linksIn('CHECK_IN_SURVEY', 'bram@example.org');
    expect(link).toBeTruthy();
    const other = await api.newTenant('Elsewhere');
    const moved = `${other.slug}.${link?.split('.')[1]}`;
    const ready = await post({ token: link });
    api.clock.advanceDays(15);

    // Act
    const expired = await post({ token: link, use: { rating: 4 } });
    const wrongTenant = await post({ token: moved, use: { rating: 4 } });
    const madeUp = await post({ token: `${world.tenant.slug}.${'A'.repeat(43)}` });
    const garbage = await post({ token: { $ne: null } });

    // Assess
    expect(ready.body.state).toBe('READY');
    expect(expired.body).toMatchObject({ state: 'EXPIRED', action: 'CHECK_IN_SURVEY', context: {} });
    expect(wrongTenant.body).toMatchObject({ state: 'UNKNOWN', action: null, locale: null });
    expect(madeUp.body.state).toBe('UNKNOWN');
    expect(garbage.body.state).toBe('UNKNOWN');
  });

  it('limits guessing per source address', async () => {
    // Prepare: limits on (they are off on the tests' frozen clock unless asked for).
    const limits = api.services.callerLimits;
    api.services.callerLimits = { person: { perMinute: 600, burst: 120 }, tenant: { perMinute: 6000, burst: 1000 } };
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    try {
      // Act
      const answers = [];
      for (let i = 0; i < 31; i++) answers.push(await post({ token: `${world.tenant.slug}.${randomBytes(32).toString('base64url')}` }, ip));
      // Assess
      expect(answers.slice(0, 30).every((a) => a.status === 200)).toBe(true);
      expect(answers[30]?.status).toBe(429);
      expect(answers[30]?.headers['retry-after']).toBeDefined();
    } finally {
      api.services.callerLimits = limits;
    }
  });

  async function managerToken() {
    return api.token('manager', world.tenant.slug);
  }
});
