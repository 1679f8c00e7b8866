import { privacyOf } from '#domain/kernel/index.ts';
import { participantCount } from '#domain/mentorships/index.ts';
import { listParticipants } from '#domain/people/index.ts';
import {
  CRITERIA,
  changeProgramStatus,
  createProgram,
  getProgram,
  kindOf,
  nextStatuses,
  noRoleNames,
  type ProgramInput,
  pairingOf,
  reachablePrograms,
  tenantProgramCount,
  updateProgram,
} from '#domain/programs/index.ts';
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
      return toConnection(ctx, 'programs', await reachablePrograms(ctx.ports, scope, req), {}, () =>
        tenantProgramCount(ctx.ports, scope.actor, scope.tenantId),
      );
    },
    program: (_parent, { id }, ctx) => getProgram(ctx.ports, ctx.scope('read a program'), localId(id, 'Program')),
  },
  Mutation: {
    createProgram: (_parent, { input, idempotencyKey }, ctx) =>
      createProgram(ctx.ports, ctx.scope('create a program'), toDomainInput(input), idempotencyKey),
    updateProgram: (_parent, { id, version, input }, ctx) =>
      updateProgram(ctx.ports, ctx.scope('update a program'), localId(id, 'Program'), version, toDomainInput(input)),
    changeProgramStatus: (_parent, { id, version, status }, ctx) =>
      changeProgramStatus(ctx.ports, ctx.scope('change a program status'), localId(id, 'Program'), version, status),
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
    kind: (program) => kindOf(program),
    roleNames: (program) => program.roleNames ?? noRoleNames,
    counts: (program, _args, ctx) => ctx.loaders.programStats.load(program.id),
    participants: async (program, args, ctx) => {
      const filters = { program: program.id, filter: args.filter ?? {}, sort: args.sort };
      const req = pageRequest(ctx, 'participants', args, filters);
      const page = await listParticipants(ctx.ports, ctx.scope('list participants'), program.id, args.filter ?? {}, args.sort, req);
      const count = async () => participantCount(await ctx.loaders.programStats.load(program.id), args.filter ?? {});
      return toConnection(ctx, 'participants', page, filters, count);
    },
  },
};
