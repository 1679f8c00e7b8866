import { reachesProgram } from '#domain/kernel/actors.ts';
import type { Resolvers } from '#generated/resolvers.ts';
import type { Context } from '../context.ts';
import { parseGlobalId } from '../ids.ts';

type Loaded = { __typename: string } & object;

/** Looks a record up by global id inside the caller's tenant; unknown types and ids are null. */
async function loadNode(ctx: Context, globalId: string): Promise<Loaded | null> {
  const parsed = parseGlobalId(globalId);
  if (!parsed) return null;
  const { tenantId } = ctx.scope('read a record');
  const tag = <T extends object | null>(typename: string, value: T): Loaded | null => (value ? { ...value, __typename: typename } : null);
  switch (parsed.type) {
    case 'Tenant':
      return parsed.id === tenantId ? tag('Tenant', ctx.tenant) : null;
    case 'Program':
      return reachesProgram(ctx.actor, parsed.id) ? tag('Program', await ctx.services.programs.getProgram(tenantId, parsed.id)) : null;
    case 'Person': {
      if (ctx.actor.role === 'participant' && ctx.actor.personId !== parsed.id) return null;
      return tag('Person', await ctx.loaders.person.load(parsed.id));
    }
    case 'Mentorship': {
      const m = await ctx.services.mentorships.getMentorship(tenantId, parsed.id);
      const mine =
        m &&
        reachesProgram(ctx.actor, m.programId) &&
        (ctx.actor.role !== 'participant' || ctx.actor.personId === m.mentorId || ctx.actor.personId === m.menteeId);
      return tag('Mentorship', mine ? m : null);
    }
    default:
      return null;
  }
}

export const nodeResolvers: Resolvers = {
  Query: {
    node: (_parent, { id }, ctx) => loadNode(ctx, id) as never,
  },
  Mutation: {
    ping: () => true,
  },
  Node: {
    __resolveType: (node) => (node as unknown as Loaded).__typename as never,
  },
};
