import { reachesProgram } from '#domain/kernel/actors.ts';
import { privacyOf } from '#domain/kernel/visibility.ts';
import { participantCount } from '#domain/mentorships/analytics.ts';
import { listParticipants } from '#domain/people/people.ts';
import {
  CRITERIA,
  changeProgramStatus,
  createProgram,
  getProgram,
  nextStatuses,
  type ProgramInput,
  pairingOf,
  programCount,
  updateProgram,
} from '#domain/programs/programs.ts';
import type { ProgramInput as ProgramInputArg, Resolvers } from '#generated/resolvers.ts';
import { pageRequest, toConnection } from '../connections.ts';
import { localId, toGlobalId } from '../ids.ts';

/** GraphQL's list of weights → the domain's record of weights. */
function toDomainInput(input: ProgramInputArg): ProgramInput {
  const { matching, ...rest } = input;
  return {
    ...rest,
    matching: matching
      ? {
          ...Object.fromEntries(Object.entries(matching).filter(([k, v]) => k !== 'weights' && v !== null && v !== undefined)),
          ...('scheduleEveryDays' in matching ? { scheduleEveryDays: matching.scheduleEveryDays ?? null } : {}),
          weights: matching.weights ? Object.fromEntries(matching.weights.map((w) => [w.criterion, w.weight])) : null,
        }
      : undefined,
  } as ProgramInput;
}

export const programResolvers: Resolvers = {
  Query: {
    programs: async (_parent, args, ctx) => {
      const scope = ctx.scope('list programs');
      const req = pageRequest(ctx, 'programs', args);
      const page = await ctx.services.programs.listPrograms(scope.tenantId, req);
      // A key for one program lists only that one (a tenant has few programs: one page holds them).
      const items = page.items.filter((p) => reachesProgram(ctx.actor, p.id));
      return toConnection(ctx, 'programs', { ...page, items }, {}, () => programCount(ctx.services, scope));
    },
    program: (_parent, { id }, ctx) => getProgram(ctx.services, ctx.scope('read a program'), localId(id, 'Program')),
  },
  Mutation: {
    createProgram: (_parent, { input, idempotencyKey }, ctx) =>
      createProgram(ctx.services, ctx.scope('create a program'), toDomainInput(input), idempotencyKey),
    updateProgram: (_parent, { id, version, input }, ctx) =>
      updateProgram(ctx.services, ctx.scope('update a program'), localId(id, 'Program'), version, toDomainInput(input)),
    changeProgramStatus: (_parent, { id, version, status }, ctx) =>
      changeProgramStatus(ctx.services, ctx.scope('change a program status'), localId(id, 'Program'), version, status),
  },
  Program: {
    id: (program) => toGlobalId('Program', program.id),
    matching: (program) => ({
      ...program.matching,
      weights: CRITERIA.map((criterion) => ({ criterion, weight: program.matching.weights[criterion] })),
    }),
    pairing: (program) => pairingOf(program),
    nextStatuses: (program) => nextStatuses(program.status),
    privacy: (program) => privacyOf(program),
    counts: (program, _args, ctx) => ctx.loaders.programStats.load(program.id),
    participants: async (program, args, ctx) => {
      const filters = { program: program.id, filter: args.filter ?? {}, sort: args.sort };
      const req = pageRequest(ctx, 'participants', args, filters);
      const page = await listParticipants(ctx.services, ctx.scope('list participants'), program.id, args.filter ?? {}, args.sort, req);
      const count = async () => participantCount(await ctx.loaders.programStats.load(program.id), args.filter ?? {});
      return toConnection(ctx, 'participants', page, filters, count);
    },
  },
};
