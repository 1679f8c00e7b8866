import { countOf, pairSubject, withSubject } from '#domain/kernel/index.ts';
import { nextSuggestions } from '#domain/matching/index.ts';
import {
  answerRequest,
  type ContributionFacts,
  changeMentorship,
  decideProposal,
  findMentorship,
  getMentorship,
  getProposal,
  getRequest,
  goalsOf,
  type Health,
  listPairs,
  listSurveys,
  logMeeting,
  meetingsOf,
  type ProgramAnalytics as ProgramAnalyticsFigures,
  pairCount,
  pairHealth,
  pairsOfPerson,
  programAnalytics,
  programProposals,
  programRequests,
  programSurveys,
  proposalsOfPerson,
  proposePair,
  READ_PROGRAM_RECORDS,
  reflect,
  requestCount,
  requestMentor,
  requestsOfPerson,
  respondToProposal,
  saveGoal,
  startMentorship,
  submitSurvey,
  surveyCount,
  tenantAnalytics,
} from '#domain/mentorships/index.ts';
import type { Outcome, Resolvers } from '#generated/resolvers.ts';
import { pageRequest, toConnection } from '../connections.ts';
import type { Context } from '../context.ts';
import { localId, toGlobalId } from '../ids.ts';
import { programOf } from './load.ts';

const pair = (input: { programId: string; mentorId: string; menteeId: string }) => ({
  programId: localId(input.programId, 'Program'),
  mentorId: localId(input.mentorId, 'Person'),
  menteeId: localId(input.menteeId, 'Person'),
});

/** The pair a request or proposal led to, or null when there is none or it is not the caller's to see. */
const mentorshipOrNull = (ctx: Context, id: string | null) =>
  id ? findMentorship(ctx.ports.mentorships, ctx.scope('read a mentorship'), id) : null;

/** The figures as the schema lists them: health and outcomes as rows. */
const asGraphql = (figures: ProgramAnalyticsFigures) => ({
  ...figures,
  activeByHealth: (Object.entries(figures.activeByHealth) as [Health, number][]).map(([health, count]) => ({ health, count })),
  outcomes: Object.entries(figures.outcomes).map(([outcome, count]) => ({ outcome: outcome as Outcome, count })),
});

const SOURCE_TYPES = { REQUEST: 'Request', PROPOSAL: 'Proposal', IMPORT: 'ImportJob', MANAGER: 'Mentorship' } as const;

export const mentorshipResolvers: Resolvers = {
  Query: {
    mentorship: (_parent, { id }, ctx) => getMentorship(ctx.ports.mentorships, ctx.scope('read a mentorship'), localId(id, 'Mentorship')),
    request: (_parent, { id }, ctx) => getRequest(ctx.ports, ctx.scope('read a request'), localId(id, 'Request')),
    proposal: (_parent, { id }, ctx) => getProposal(ctx.ports, ctx.scope('read a proposal'), localId(id, 'Proposal')),
  },
  Mutation: {
    requestMentor: (_parent, { input, idempotencyKey }, ctx) => {
      const scope = ctx.scope('request a mentor');
      const menteeId = input.menteeId ? localId(input.menteeId, 'Person') : (ctx.actor.personId ?? '');
      return requestMentor(
        ctx.ports,
        scope,
        {
          ...input,
          programId: localId(input.programId, 'Program'),
          mentorId: localId(input.mentorId, 'Person'),
          menteeId,
        },
        idempotencyKey,
      );
    },
    answerRequest: (_parent, { id, version, answer, reason }, ctx) =>
      answerRequest(ctx.ports, ctx.scope('answer requests'), localId(id, 'Request'), version, answer, reason),
    proposePair: (_parent, { input }, ctx) => proposePair(ctx.ports, ctx.scope('propose pairs'), pair(input)),
    decideProposal: (_parent, { id, version, decision, reason }, ctx) =>
      decideProposal(ctx.ports, ctx.scope('approve proposals'), localId(id, 'Proposal'), version, decision, reason),
    respondToProposal: (_parent, { id, version, response, side, reason }, ctx) =>
      respondToProposal(ctx.ports, ctx.scope('answer proposals'), localId(id, 'Proposal'), version, response, {
        // A proposal's two places are its mentor and mentee sides, also for a pair of peers.
        side: side === 'PEER' ? null : side,
        reason,
      }),
    startMentorship: (_parent, { input }, ctx) => startMentorship(ctx.ports, ctx.scope('start mentorships'), pair(input)),
    changeMentorship: (_parent, { id, version, action, reason, reflection }, ctx) =>
      changeMentorship(ctx.ports, ctx.scope('change mentorships'), localId(id, 'Mentorship'), version, action, { reason, reflection }),
    writeReflection: (_parent, { id, version, text }, ctx) =>
      reflect(ctx.ports, ctx.scope('write a reflection'), localId(id, 'Mentorship'), version, text),
    logMeeting: (_parent, { input, idempotencyKey }, ctx) =>
      logMeeting(
        ctx.ports,
        ctx.scope('log meetings'),
        { ...input, mentorshipId: localId(input.mentorshipId, 'Mentorship') },
        idempotencyKey,
      ),
    saveGoal: (_parent, { mentorshipId, goalId, version, input, idempotencyKey }, ctx) =>
      saveGoal(
        ctx.ports,
        ctx.scope('plan goals'),
        localId(mentorshipId, 'Mentorship'),
        goalId ? localId(goalId, 'Goal') : null,
        version ?? null,
        input,
        idempotencyKey,
      ),
    submitSurvey: (_parent, { mentorshipId, input, idempotencyKey }, ctx) =>
      submitSurvey(ctx.ports, ctx.scope('answer surveys'), localId(mentorshipId, 'Mentorship'), input, idempotencyKey),
  },
  Mentorship: {
    id: (m) => toGlobalId('Mentorship', m.id),
    program: (m, _args, ctx) => programOf(ctx, m.programId),
    mentor: (m, _args, ctx) => ctx.loaders.person.load(m.mentorId),
    mentee: (m, _args, ctx) => ctx.loaders.person.load(m.menteeId),
    source: (m) => ({
      kind: m.source?.kind ?? 'MANAGER',
      id: m.source?.id ? toGlobalId(SOURCE_TYPES[m.source.kind], m.source.id) : null,
    }),
    health: async (m, _args, ctx) => {
      const program = await programOf(ctx, m.programId);
      const h = pairHealth(program.cadence, new Date(m.startedAt), m.lastContactAt ? new Date(m.lastContactAt) : null, ctx.ports.clock());
      return { status: h.status, nextContactDue: h.nextContactDue.toISOString(), lastContactAt: h.lastContactAt?.toISOString() ?? null };
    },
    meetings: (m, _args, ctx) => meetingsOf(ctx.ports, m),
    goals: (m, _args, ctx) => goalsOf(ctx.ports, m),
    surveys: (m, _args, ctx) => listSurveys(ctx.ports, ctx.scope('read surveys'), m.id),
  },
  Meeting: {
    id: (meeting) => toGlobalId('Meeting', meeting.id),
  },
  Goal: {
    id: (goal) => toGlobalId('Goal', goal.id),
  },
  Survey: {
    id: (survey) => toGlobalId('Survey', survey.id),
    mentorship: (survey, _args, ctx) => mentorshipOrNull(ctx, survey.mentorshipId),
  },
  MentorshipRequest: {
    id: (r) => toGlobalId('Request', r.id),
    program: (r, _args, ctx) => programOf(ctx, r.programId),
    mentee: (r, _args, ctx) => ctx.loaders.person.load(r.menteeId),
    mentor: (r, _args, ctx) => ctx.loaders.person.load(r.mentorId),
    mentorship: (r, _args, ctx) => mentorshipOrNull(ctx, r.mentorshipId),
    // The introduction carries its request's pair and program: the guard filters its focus areas.
    introduction: (r) => withSubject(r.introduction, pairSubject(r)),
    nextSuggestions: (r, { first }, ctx) => nextSuggestions(ctx.ports, ctx.scope('read suggestions'), r, first ?? 3),
  },
  MatchProposal: {
    id: (p) => toGlobalId('Proposal', p.id),
    program: (p, _args, ctx) => programOf(ctx, p.programId),
    mentee: (p, _args, ctx) => ctx.loaders.person.load(p.menteeId),
    mentor: (p, _args, ctx) => ctx.loaders.person.load(p.mentorId),
    mentorship: (p, _args, ctx) => mentorshipOrNull(ctx, p.mentorshipId),
    // The facts name focus areas: they carry the pair, so visibility can filter the sensitive ones.
    explanation: (p) => {
      const guarded = <T extends { facts?: ContributionFacts }>(x: T): T =>
        x.facts ? { ...x, facts: withSubject(x.facts, pairSubject(p)) } : x;
      return p.explanation.map((part) => guarded({ ...part, ways: part.ways?.map(guarded) }));
    },
  },
  Contribution: {
    ways: (part) => part.ways ?? [],
  },
  ContributionWay: {
    seeker: (way, _args, ctx) => ctx.loaders.person.load(way.seekerId),
  },
  ContributionFacts: {
    shared: (facts) => facts.shared ?? [],
    sharedFocusAreas: (facts) => facts.focusAreas ?? [],
  },
  Program: {
    mentorships: async (program, args, ctx) => {
      const filters = { program: program.id, status: args.status ?? null, health: args.health ?? null };
      const req = pageRequest(ctx, 'mentorships', args, filters);
      const page = await listPairs(ctx.ports, ctx.scope('list mentorships'), program, { status: args.status, health: args.health }, req);
      const count = async () => pairCount(await ctx.loaders.programStats.load(program.id), program, filters, ctx.ports.clock());
      return toConnection(ctx, 'mentorships', page, filters, count);
    },
    requests: async (program, args, ctx) => {
      const scope = ctx.scope(READ_PROGRAM_RECORDS);
      const filters = { program: program.id };
      const req = pageRequest(ctx, 'requests', args, filters);
      const count = async () => requestCount(await ctx.loaders.programStats.load(program.id));
      return toConnection(ctx, 'requests', await programRequests(ctx.ports, scope, program, req), filters, count);
    },
    surveys: async (program, args, ctx) => {
      const scope = ctx.scope(READ_PROGRAM_RECORDS);
      const filters = { program: program.id, kind: args.kind ?? null };
      const req = pageRequest(ctx, 'surveys', args, filters);
      const count = async () => surveyCount(await ctx.loaders.programStats.load(program.id), args.kind ?? null);
      return toConnection(ctx, 'surveys', await programSurveys(ctx.ports, scope, program, args.kind ?? null, req), filters, count);
    },
    proposals: async (program, args, ctx) => {
      const scope = ctx.scope(READ_PROGRAM_RECORDS);
      const filters = { program: program.id, status: args.status ?? null };
      const req = pageRequest(ctx, 'proposals', args, filters);
      const count = countOf(ctx.ports, 'proposals', program.tenantId, program.id, args.status ?? null);
      return toConnection(ctx, 'proposals', await programProposals(ctx.ports, scope, program, args.status ?? null, req), filters, count);
    },
    analytics: async (program, _args, ctx) => {
      const scope = ctx.scope(READ_PROGRAM_RECORDS);
      return asGraphql(programAnalytics(scope, program, await ctx.loaders.programStats.load(program.id)));
    },
  },
  Tenant: {
    analytics: async (_tenant, _args, ctx) =>
      asGraphql(await tenantAnalytics(ctx.ports, ctx.scope(READ_PROGRAM_RECORDS), (ids) => ctx.loaders.programStats.loadMany(ids))),
  },
  Person: {
    // PERSONAL: the guard answers null to anyone but the person and managers.
    mentorships: (person, _args, ctx) => pairsOfPerson(ctx.ports, ctx.actor, person),
    requests: (person, _args, ctx) => requestsOfPerson(ctx.ports, ctx.actor, person),
    proposals: (person, _args, ctx) => proposalsOfPerson(ctx.ports, ctx.actor, person),
  },
};
