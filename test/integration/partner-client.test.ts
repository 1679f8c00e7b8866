import { beforeAll, describe, expect, it } from 'vitest';
import { menteeFlow } from '../../clients/partner/example/menteeFlow.ts';
import { createPartnerClient, KindlingError, operations } from '../../clients/partner/src/index.ts';
import { graphql } from '../generated/gql.ts';
import { handlerFetch, testApi } from '../support/api.ts';
import { engagementWorld } from '../support/engagement.ts';

const ISSUE = graphql(`
  mutation ClientIssueKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }
`);

/**
 * The partner client (clients/partner, ADR 0060) and its example's mentee flow, against the real
 * GraphQL handler on DynamoDB Local: the client's fetch is answered by the handler itself.
 */
describe('the typed partner client walks the mentee flow', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let world: Awaited<ReturnType<typeof engagementWorld>>;
  let secret = '';
  const viaHandler = handlerFetch(() => api);

  beforeAll(async () => {
    api = await testApi();
    world = await engagementWorld(api);
    await world.person('mia', 'MENTOR');
    await world.person('noor', 'MENTEE');
    const issued = await api.call(
      ISSUE,
      {
        input: {
          name: 'Member app',
          scopes: ['PROFILES_READ', 'PROGRAMS_READ', 'MENTORS_READ', 'REQUESTS_MANAGE', 'MENTORSHIPS_READ', 'MEETINGS_WRITE'],
          programId: world.programId,
        },
      },
      { token: world.tenant.manager },
    );
    secret = issued.data?.createApiKey.secret ?? '';
    expect(secret).toMatch(/^kdl_/);
  });

  it('reads my profile, discovers a mentor and reads theirs, requests, follows the request, sees the pair and logs a meeting', async () => {
    // Prepare: the key acting for the mentee; the same key acting for the mentor answers.
    const mentee = createPartnerClient({
      url: 'http://api.test/graphql',
      apiKey: secret,
      personId: world.people.noor ?? '',
      fetch: viaHandler,
    });
    const mentor = mentee.as(world.people.mia ?? '');

    // Act
    const result = await menteeFlow(mentee, {
      programId: world.programId,
      heldAt: api.clock.now.toISOString(),
      waitForAnswer: async (id, version, mentorId) => {
        expect(mentorId).toBe(world.people.mia);
        const pending = await mentee.request(operations.RequestStatus, { id });
        expect(pending.request?.status).toBe('OPEN');
        await mentor.request(operations.AnswerRequest, { id, version, answer: 'ACCEPT' });
      },
    });

    // Assess: each step's typed answer, as the mentee sees it.
    expect(result.me.displayName).toBe('noor Test');
    expect(result.me.enrolments?.map((e) => e.role)).toEqual(['MENTEE']);
    expect(result.discovered.totalCount).toBe(1);
    expect(result.discovered.edges[0]?.node.mentor).toMatchObject({ id: world.people.mia, displayName: 'mia Test' });
    expect(JSON.stringify(result.discovered)).not.toMatch(/@/);
    expect(result.profile).toMatchObject({ id: world.people.mia, displayName: 'mia Test' });
    expect(JSON.stringify(result.profile)).not.toMatch(/@/);
    expect(result.request.status).toBe('ACCEPTED');
    expect(result.pair).toMatchObject({ mentorName: 'mia Test', menteeName: 'noor Test', status: 'ACTIVE' });
    expect(result.pair?.meetings.map((m) => m.topics)).toEqual([['Getting started']]);
    expect(result.meeting.mode).toBe('VIDEO');
  });

  it('throws a KindlingError with the stable code and per-field problems', async () => {
    const mentee = createPartnerClient({
      url: 'http://api.test/graphql',
      apiKey: secret,
      personId: world.people.noor ?? '',
      fetch: viaHandler,
      locale: 'nl',
    });
    const failed = await mentee
      .request(operations.RequestMentor, {
        input: { programId: world.programId, mentorId: world.people.mia ?? '', whyThisMentor: '', focusAreas: [], timeAsked: '' },
      })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(KindlingError);
    expect((failed as KindlingError).code).toBe('BAD_USER_INPUT');
    expect((failed as KindlingError).problems.length).toBeGreaterThan(0);
  });
});
