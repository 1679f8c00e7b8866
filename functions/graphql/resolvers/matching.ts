import { requireRole } from '#domain/kernel/actors.ts';
import { notFound } from '#domain/kernel/errors.ts';
import { proposalId, runMatching, setPairRule } from '#domain/matching/run.ts';
import { CRITERIA } from '#domain/programs/programs.ts';
import type { Resolvers } from '#generated/resolvers.ts';
import { pageRequest, toConnection } from '../connections.ts';
import { localId, toGlobalId } from '../ids.ts';
import { programOf } from './load.ts';

const languageNames = new Intl.DisplayNames('en', { type: 'language' });

export const matchingResolvers: Resolvers = {
  Query: {
    matchingRun: async (_parent, { id }, ctx) => {
      const scope = ctx.scope('read matching runs');
      requireRole(ctx.actor, 'read matching runs', 'manager');
      const run = await ctx.services.matching.getRun(scope.tenantId, localId(id, 'MatchingRun'));
      if (!run) throw notFound('MatchingRun');
      return run;
    },
  },
  Mutation: {
    runMatching: (_parent, { programId, dryRun }, ctx) =>
      runMatching(ctx.services, ctx.scope('run matching'), localId(programId, 'Program'), {
        dryRun: dryRun ?? false,
        trigger: 'MANUAL',
        languageName: (code) => languageNames.of(code) ?? code,
      }),
    setPairRule: async (_parent, { programId, menteeId, mentorId, kind }, ctx) => {
      await setPairRule(ctx.services, ctx.scope('pin or block pairs'), {
        programId: localId(programId, 'Program'),
        menteeId: localId(menteeId, 'Person'),
        mentorId: localId(mentorId, 'Person'),
        kind,
      });
      return true;
    },
  },
  Program: {
    matchingRuns: async (program, args, ctx) => {
      requireRole(ctx.actor, 'read matching runs', 'manager');
      const filters = { program: program.id };
      const req = pageRequest(ctx, 'matchingRuns', args, filters);
      const page = await ctx.services.matching.listRuns(program.tenantId, program.id, req);
      return toConnection(ctx, 'matchingRuns', page, filters, () => ctx.services.counts.matchingRuns(program.tenantId, program.id));
    },
    pairRules: (program, _args, ctx) => {
      requireRole(ctx.actor, 'read pins and blocks', 'manager');
      return ctx.services.matching.listRules(program.tenantId, program.id);
    },
  },
  MatchingRun: {
    id: (run) => toGlobalId('MatchingRun', run.id),
    program: (run, _args, ctx) => programOf(ctx, run.programId),
    settings: (run) => ({
      ...run.settings,
      weights: CRITERIA.map((criterion) => ({ criterion, weight: run.settings.weights[criterion] })),
    }),
    diff: async (run, _args, ctx) => ({
      ...run.diff,
      previousRun: run.diff.previousRunId ? await ctx.services.matching.getRun(run.tenantId, run.diff.previousRunId) : null,
    }),
    proposals: async (run, _args, ctx) => {
      if (run.proposals) return run.proposals;
      const full = run.pairs.length > 0 ? run : ((await ctx.services.matching.getRun(run.tenantId, run.id)) ?? run);
      const ids = full.pairs.map((pair) => {
        const [mentee = '', mentor = ''] = pair.split('|');
        return proposalId(run.id, mentee, mentor);
      });
      const found = await Promise.all(ids.map((id) => ctx.services.proposals.getProposal(run.tenantId, id)));
      return found.filter((p) => p !== null);
    },
    unmatched: async (run, _args, ctx) => {
      const full = run.unmatched.length > 0 || run.proposals ? run : ((await ctx.services.matching.getRun(run.tenantId, run.id)) ?? run);
      const people = await ctx.loaders.person.loadMany(full.unmatched.map((u) => u.menteeId));
      return full.unmatched.map((u, i) => {
        const mentee = people[i];
        return { ...u, mentee: mentee && !(mentee instanceof Error) ? mentee : null };
      });
    },
  },
  PairRule: {
    mentee: (rule, _args, ctx) => ctx.loaders.person.load(rule.menteeId),
    mentor: (rule, _args, ctx) => ctx.loaders.person.load(rule.mentorId),
  },
};
