import { reachesProgram, requireRole } from '#domain/kernel/actors.ts';
import { DomainError, ErrorCode } from '#domain/kernel/errors.ts';
import { allPages } from '#domain/kernel/pages.ts';
import { pairSubject, withSubject } from '#domain/kernel/visibility.ts';
import {
  analyticsOf,
  type ProgramAnalytics as ProgramAnalyticsFigures,
  type ProgramStats,
  pairCount,
  requestCount,
  surveyCount,
  tenantAnalyticsOf,
} from '#domain/mentorships/analytics.ts';
import { listSurveys, submitSurvey } from '#domain/mentorships/feedback.ts';
import { type Health, pairHealth } from '#domain/mentorships/health.ts';
import { changeMentorship, getMentorship, listPairs, logMeeting, reflect, saveGoal, startMentorship } from '#domain/mentorships/pairs.ts';
import { decideProposal, getProposal, proposePair, respondToProposal } from '#domain/mentorships/proposals.ts';
import { answerRequest, getRequest, requestMentor } from '#domain/mentorships/requests.ts';
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
  id
    ? getMentorship(ctx.services.mentorships, ctx.scope('read a mentorship'), id).catch((e: unknown) => {
        if (e instanceof DomainError && e.code === ErrorCode.NOT_FOUND) return null;
        throw e;
      })
    : null;

/** A person's pairs, requests and proposals are theirs and their managers' to see. */
/** What a key restricted to one program may see of a person's pairs, requests and proposals. */
const reachable = <T extends { programId: string }>(ctx: Context, items: T[]): T[] =>
  items.filter((i) => reachesProgram(ctx.actor, i.programId));

/** The figures as the schema lists them: health and outcomes as rows. */
const asGraphql = (figures: ProgramAnalyticsFigures) => ({
  ...figures,
  activeByHealth: (Object.entries(figures.activeByHealth) as [Health, number][]).map(([health, count]) => ({ health, count })),
  outcomes: Object.entries(figures.outcomes).map(([outcome, count]) => ({ outcome: outcome as Outcome, count })),
});

const SOURCE_TYPES = { REQUEST: 'Request', PROPOSAL: 'Proposal', IMPORT: 'ImportJob', MANAGER: 'Mentorship' } as const;

export const mentorshipResolvers: Resolvers = {
  Query: {
    mentorship: (_parent, { id }, ctx) =>
      getMentorship(ctx.services.mentorships, ctx.scope('read a mentorship'), localId(id, 'Mentorship')),
    request: (_parent, { id }, ctx) => getRequest(ctx.services, ctx.scope('read a request'), localId(id, 'Request')),
    proposal: (_parent, { id }, ctx) => getProposal(ctx.services, ctx.scope('read a proposal'), localId(id, 'Proposal')),
  },
  Mutation: {
    requestMentor: (_parent, { input }, ctx) => {
      const scope = ctx.scope('request a mentor');
      const menteeId = input.menteeId ? localId(input.menteeId, 'Person') : (ctx.actor.personId ?? '');
      return requestMentor(ctx.services, scope, {
        ...input,
        programId: localId(input.programId, 'Program'),
        mentorId: localId(input.mentorId, 'Person'),
        menteeId,
      });
    },
    answerRequest: (_parent, { id, version, answer, reason }, ctx) =>
      answerRequest(ctx.services, ctx.scope('answer requests'), localId(id, 'Request'), version, answer, reason),
    proposePair: (_parent, { input }, ctx) => proposePair(ctx.services, ctx.scope('propose pairs'), pair(input)),
    decideProposal: (_parent, { id, version, decision, reason }, ctx) =>
      decideProposal(ctx.services, ctx.scope('approve proposals'), localId(id, 'Proposal'), version, decision, reason),
    respondToProposal: (_parent, { id, version, response, side, reason }, ctx) =>
      respondToProposal(ctx.services, ctx.scope('answer proposals'), localId(id, 'Proposal'), version, response, { side, reason }),
    startMentorship: (_parent, { input }, ctx) => startMentorship(ctx.services, ctx.scope('start mentorships'), pair(input)),
    changeMentorship: (_parent, { id, version, action, reason, reflection }, ctx) =>
      changeMentorship(ctx.services, ctx.scope('change mentorships'), localId(id, 'Mentorship'), version, action, { reason, reflection }),
    writeReflection: (_parent, { id, version, text }, ctx) =>
      reflect(ctx.services, ctx.scope('write a reflection'), localId(id, 'Mentorship'), version, text),
    logMeeting: (_parent, { input }, ctx) =>
      logMeeting(ctx.services, ctx.scope('log meetings'), { ...input, mentorshipId: localId(input.mentorshipId, 'Mentorship') }),
    saveGoal: (_parent, { mentorshipId, goalId, version, input }, ctx) =>
      saveGoal(
        ctx.services,
        ctx.scope('plan goals'),
        localId(mentorshipId, 'Mentorship'),
        goalId ? localId(goalId, 'Goal') : null,
        version ?? null,
        input,
      ),
    submitSurvey: (_parent, { mentorshipId, input }, ctx) =>
      submitSurvey(ctx.services, ctx.scope('answer surveys'), localId(mentorshipId, 'Mentorship'), input),
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
      const h = pairHealth(
        program.cadence,
        new Date(m.startedAt),
        m.lastContactAt ? new Date(m.lastContactAt) : null,
        ctx.services.clock(),
      );
      return { status: h.status, nextContactDue: h.nextContactDue.toISOString(), lastContactAt: h.lastContactAt?.toISOString() ?? null };
    },
    // Each meeting carries its pair, so the visibility guard keeps the private notes with the pair.
    meetings: async (m, _args, ctx) =>
      (await ctx.services.mentorships.listMeetings(m.tenantId, m.id)).map((meeting) => withSubject(meeting, pairSubject(m))),
    goals: (m, _args, ctx) => ctx.services.mentorships.listGoals(m.tenantId, m.id),
    surveys: (m, _args, ctx) => listSurveys(ctx.services, ctx.scope('read surveys'), m.id),
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
  },
  MatchProposal: {
    id: (p) => toGlobalId('Proposal', p.id),
    program: (p, _args, ctx) => programOf(ctx, p.programId),
    mentee: (p, _args, ctx) => ctx.loaders.person.load(p.menteeId),
    mentor: (p, _args, ctx) => ctx.loaders.person.load(p.mentorId),
    mentorship: (p, _args, ctx) => mentorshipOrNull(ctx, p.mentorshipId),
    // The facts name focus areas: they carry the pair, so visibility can filter the sensitive ones.
    explanation: (p) => p.explanation.map((part) => (part.facts ? { ...part, facts: withSubject(part.facts, pairSubject(p)) } : part)),
  },
  ContributionFacts: {
    shared: (facts) => facts.shared ?? [],
    sharedFocusAreas: (facts) => facts.focusAreas ?? [],
  },
  Program: {
    mentorships: async (program, args, ctx) => {
      const filters = { program: program.id, status: args.status ?? null, health: args.health ?? null };
      const req = pageRequest(ctx, 'mentorships', args, filters);
      const page = await listPairs(ctx.services, ctx.scope('list mentorships'), program, { status: args.status, health: args.health }, req);
      const count = async () => pairCount(await ctx.loaders.programStats.load(program.id), program, filters, ctx.services.clock());
      return toConnection(ctx, 'mentorships', page, filters, count);
    },
    requests: async (program, args, ctx) => {
      requireManager(ctx);
      const filters = { program: program.id };
      const req = pageRequest(ctx, 'requests', args, filters);
      const page = await ctx.services.requests.listProgramRequests(program.tenantId, program.id, req);
      return toConnection(ctx, 'requests', page, filters, async () => requestCount(await ctx.loaders.programStats.load(program.id)));
    },
    surveys: async (program, args, ctx) => {
      requireManager(ctx);
      const filters = { program: program.id, kind: args.kind ?? null };
      const req = pageRequest(ctx, 'surveys', args, filters);
      return toConnection(
        ctx,
        'surveys',
        await ctx.services.surveys.listProgramSurveys(program.tenantId, program.id, args.kind ?? null, req),
        filters,
        async () => surveyCount(await ctx.loaders.programStats.load(program.id), args.kind ?? null),
      );
    },
    proposals: async (program, args, ctx) => {
      requireManager(ctx);
      const filters = { program: program.id, status: args.status ?? null };
      const req = pageRequest(ctx, 'proposals', args, filters);
      return toConnection(
        ctx,
        'proposals',
        await ctx.services.proposals.listProposals(program.tenantId, program.id, args.status ?? null, req),
        filters,
        () => ctx.services.counts.proposals(program.tenantId, program.id, args.status ?? null),
      );
    },
    analytics: async (program, _args, ctx) => {
      requireManager(ctx);
      return asGraphql(analyticsOf(await ctx.loaders.programStats.load(program.id), program, ctx.services.clock()));
    },
  },
  Tenant: {
    analytics: async (tenant, _args, ctx) => {
      requireManager(ctx);
      const programs = await allPages((page) => ctx.services.programs.listPrograms(tenant.id, page), 100);
      const stats = await ctx.loaders.programStats.loadMany(programs.map((p) => p.id));
      const entries = programs.map((program, i) => ({ program, stats: stats[i] as ProgramStats }));
      return asGraphql(tenantAnalyticsOf(entries, ctx.services.clock()));
    },
  },
  Person: {
    // PERSONAL: the guard answers null to anyone but the person and managers.
    mentorships: async (person, _args, ctx) => reachable(ctx, await ctx.services.mentorships.mentorshipsOf(person.tenantId, person.id)),
    requests: async (person, _args, ctx) => reachable(ctx, await ctx.services.requests.requestsOf(person.tenantId, person.id)),
    proposals: async (person, _args, ctx) => {
      const all = reachable(ctx, await ctx.services.proposals.proposalsOf(person.tenantId, person.id));
      // Participants see a proposal once a manager has approved it.
      return ctx.actor.role === 'participant' ? all.filter((p) => p.status !== 'PROPOSED') : all;
    },
  },
};

function requireManager(ctx: Context): void {
  requireRole(ctx.actor, 'read the pairs, requests and figures of a program', 'manager');
}
