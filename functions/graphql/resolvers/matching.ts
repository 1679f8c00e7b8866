import { countOf, withSubject } from '#domain/kernel/index.ts';
import {
  matchingRun,
  matchingRuns,
  mentorsForMe,
  pairRules,
  previousRunOf,
  proposalsOfRun,
  READ_RULES,
  READ_RUNS,
  runMatching,
  setPairRule,
  unmatchedOfRun,
} from '#domain/matching/index.ts';
import { CRITERIA } from '#domain/programs/index.ts';
import type { Resolvers } from '#generated/resolvers.ts';
import { pageRequest, toConnection } from '../connections.ts';
import { localId, toGlobalId } from '../ids.ts';
import { programOf } from './load.ts';

const languageNames = new Intl.DisplayNames('en', { type: 'language' });

export const matchingResolvers: Resolvers = {
  Query: {
    mentorsForMe: async (_parent, args, ctx) => {
      const programId = localId(args.programId, 'Program');
      const filters = { program: programId, filter: args.filter ?? {} };
      const page = await mentorsForMe(ctx.ports, ctx.scope('discover mentors'), programId, args.filter ?? {}, {
        ...pageRequest(ctx, 'mentorsForMe', args, filters),
      });
      return { ...toConnection(ctx, 'mentorsForMe', page, filters), totalCount: page.totalCount };
    },
    matchingRun: async (_parent, { id }, ctx) => {
      const scope = ctx.scope(READ_RUNS);
      return matchingRun(ctx.ports, scope, localId(id, 'MatchingRun'));
    },
  },
  Mutation: {
    runMatching: (_parent, { programId, dryRun }, ctx) =>
      runMatching(ctx.ports, ctx.scope('run matching'), localId(programId, 'Program'), {
        dryRun: dryRun ?? false,
        trigger: 'MANUAL',
        languageName: (code) => languageNames.of(code) ?? code,
      }),
    setPairRule: async (_parent, { programId, menteeId, mentorId, kind }, ctx) => {
      await setPairRule(ctx.ports, ctx.scope('pin or block pairs'), {
        programId: localId(programId, 'Program'),
        menteeId: localId(menteeId, 'Person'),
        mentorId: localId(mentorId, 'Person'),
        kind,
      });
      return true;
    },
  },
  MentorSuggestion: {
    // The facts name focus areas of the mentor's: the guard leaves out the program's sensitive ones.
    explanation: (s) =>
      s.explanation.map((part) =>
        part.facts ? { ...part, facts: withSubject(part.facts, { parties: [s.mentor.id], programId: s.programId }) } : part,
      ),
  },
  Program: {
    matchingRuns: async (program, args, ctx) => {
      const scope = ctx.scope(READ_RUNS);
      const filters = { program: program.id };
      const req = pageRequest(ctx, 'matchingRuns', args, filters);
      return toConnection(
        ctx,
        'matchingRuns',
        await matchingRuns(ctx.ports, scope, program, req),
        filters,
        countOf(ctx.ports, 'matchingRuns', program.tenantId, program.id),
      );
    },
    pairRules: (program, _args, ctx) => pairRules(ctx.ports, ctx.scope(READ_RULES), program),
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
      previousRun: await previousRunOf(ctx.ports, run),
    }),
    proposals: (run, _args, ctx) => proposalsOfRun(ctx.ports, run),
    unmatched: async (run, _args, ctx) => {
      const unmatched = await unmatchedOfRun(ctx.ports, run);
      const people = await ctx.loaders.person.loadMany(unmatched.map((u) => u.menteeId));
      return unmatched.map((u, i) => {
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
