import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { MessageChannel, OutboxMessage } from '#domain/engagement/outbox.ts';
import type { Rendered } from '#domain/engagement/templates.ts';
import { auditEntry } from '#domain/kernel/audit.ts';
import { newProposal } from '#domain/mentorships/proposals.ts';
import { keys } from '#store/keys.ts';
import { graphql } from '../generated/gql.ts';
import type { testApi } from './api.ts';

type Api = Awaited<ReturnType<typeof testApi>>;

const PROGRAM = graphql(`
  mutation EngProgram($input: ProgramInput!) { createProgram(input: $input) { id version engagement { followUpDays weeklyCap } } }
`);
const OPEN = graphql(`
  mutation EngOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }
`);
const PERSON = graphql(`
  mutation EngPerson($input: PersonInput!) { createPerson(input: $input) { id } }
`);
const ENROL = graphql(`
  mutation EngEnrol($input: EnrolInput!) { enrol(input: $input) { status } }
`);
const START = graphql(`
  mutation EngStart($input: PairInput!) { startMentorship(input: $input) { id version } }
`);
const REQUEST = graphql(`
  mutation EngRequest($input: RequestInput!) { requestMentor(input: $input) { id status version } }
`);
const MEETING = graphql(`
  mutation EngMeeting($input: MeetingInput!) { logMeeting(input: $input) { id } }
`);
const PROPOSE = graphql(`
  mutation EngPropose($input: PairInput!) { proposePair(input: $input) { id status version } }
`);
const DECIDE = graphql(`
  mutation EngDecide($id: ID!, $version: Int!) { decideProposal(id: $id, version: $version, decision: APPROVE) { status version } }
`);
const RESPOND = graphql(`
  mutation EngRespond($id: ID!, $version: Int!, $side: ParticipantRole) {
    respondToProposal(id: $id, version: $version, response: ACCEPT, side: $side) { proposal { status version } }
  }
`);

export const localId = (id: string): string => Buffer.from(id, 'base64url').toString().split(':')[1] ?? '';

/** A channel that records what it was asked to deliver, and can be told to fail. */
export class RecordingChannel implements MessageChannel {
  readonly name = 'test';
  readonly delivered: { message: OutboxMessage; rendered: Rendered }[] = [];
  failNext = 0;
  async deliver(message: OutboxMessage, rendered: Rendered): Promise<void> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('the mail server said no');
    }
    this.delivered.push({ message, rendered });
  }
}

/** A program in a fresh tenant, driven through the API by its manager. */
export async function engagementWorld(api: Api, input: Record<string, unknown> = {}) {
  const tenant = await api.newTenant('Engagement');
  const as = { token: tenant.manager };
  const program = (await api.call(PROGRAM, { input: { name: 'Rhythm', ...input } as never }, as)).data?.createProgram;
  if (!program) throw new Error('no program');
  await api.call(OPEN, { id: program.id, version: program.version }, as);
  const people: Record<string, string> = {};
  const ok = <T>(r: { data: T | null | undefined; errors?: unknown }): T => {
    if (r.errors || !r.data) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  return {
    tenant,
    programId: program.id,
    people,
    async person(name: string, role: 'MENTOR' | 'MENTEE', opts: { timeZone?: string; languages?: string[] } = {}) {
      const created = ok(
        await api.call(
          PERSON,
          {
            input: {
              email: `${name}@example.org`,
              givenName: name,
              familyName: 'Test',
              timeZone: opts.timeZone ?? 'Europe/Amsterdam',
              languages: opts.languages ?? ['en'],
            },
          },
          as,
        ),
      );
      ok(
        await api.call(
          ENROL,
          {
            input: {
              personId: created.createPerson.id,
              programId: program.id,
              role,
              reasons: ['GOAL_SETTING'],
              capacity: role === 'MENTOR' ? 3 : null,
            },
          },
          as,
        ),
      );
      people[name] = created.createPerson.id;
      return created.createPerson.id;
    },
    async pair(mentor: string, mentee: string) {
      return ok(
        await api.call(START, { input: { programId: program.id, mentorId: people[mentor] ?? '', menteeId: people[mentee] ?? '' } }, as),
      ).startMentorship;
    },
    async request(mentee: string, mentor: string) {
      return ok(
        await api.call(
          REQUEST,
          {
            input: {
              programId: program.id,
              menteeId: people[mentee] ?? '',
              mentorId: people[mentor] ?? '',
              whyThisMentor: 'You led the data team through the reorganisation I am now in.',
              focusAreas: ['GOAL_SETTING'],
              timeAsked: 'An hour a month',
            },
          },
          as,
        ),
      ).requestMentor;
    },
    async meeting(mentorshipId: string) {
      return ok(
        await api.call(MEETING, { input: { mentorshipId, heldAt: api.clock.now.toISOString(), durationMinutes: 45, mode: 'VIDEO' } }, as),
      ).logMeeting;
    },
    async propose(mentor: string, mentee: string) {
      return ok(
        await api.call(PROPOSE, { input: { programId: program.id, mentorId: people[mentor] ?? '', menteeId: people[mentee] ?? '' } }, as),
      ).proposePair;
    },
    /** A proposal as the matching engine writes it: waiting for the manager's approval. */
    async matcherProposes(mentor: string, mentee: string) {
      const t = tenant.slug;
      const stored = await api.services.programs.getProgram(t, localId(program.id));
      if (!stored) throw new Error('no program');
      const now = api.clock.now;
      const proposal = newProposal(
        stored,
        {
          mentorId: localId(people[mentor] ?? ''),
          menteeId: localId(people[mentee] ?? ''),
          mentorName: `${mentor} Test`,
          menteeName: `${mentee} Test`,
        },
        { id: api.services.newId(), origin: 'MATCHING', runId: null, score: 0.8, explanation: [], now },
      );
      const scope = { tenantId: t, actor: { id: 'test:matching', role: 'operator' as const, tenantId: t, personId: null }, now };
      await api.services.proposals.createProposal(
        proposal,
        auditEntry(scope, api.services.newId, 'proposal.create', { type: 'Proposal', id: proposal.id }, null, proposal),
      );
      return { id: Buffer.from(`Proposal:${proposal.id}`).toString('base64url'), status: proposal.status, version: proposal.version };
    },
    async approve(id: string, version: number) {
      return ok(await api.call(DECIDE, { id, version }, as)).decideProposal;
    },
    async accept(id: string, version: number, side: 'MENTOR' | 'MENTEE') {
      return ok(await api.call(RESPOND, { id, version, side }, as)).respondToProposal.proposal;
    },
  };
}

/** Every outbox message of a tenant, read straight from the table (the test's own recount). */
export async function outboxOf(api: Api, tenantId: string): Promise<OutboxMessage[]> {
  const out: OutboxMessage[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await api.services.client.doc.send(
      new QueryCommand({
        TableName: api.services.client.table,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.tenantOutbox(tenantId).GSI1PK },
        ExclusiveStartKey: start,
      }),
    );
    out.push(...((res.Items ?? []) as OutboxMessage[]));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}
