import { findMentorship } from '#domain/mentorships/index.ts';
import { findPerson } from '#domain/people/index.ts';
import { findProgram } from '#domain/programs/index.ts';
import type { Resolvers } from '#generated/resolvers.ts';
import type { Context } from '../context.ts';
import { parseGlobalId } from '../ids.ts';

type Loaded = { __typename: string } & object;

/** Looks a record up by global id inside the caller's tenant; unknown types and ids are null. */
async function loadNode(ctx: Context, globalId: string): Promise<Loaded | null> {
  const parsed = parseGlobalId(globalId);
  if (!parsed) return null;
  const scope = ctx.scope('read a record');
  const tag = <T extends object | null>(typename: string, value: T): Loaded | null => (value ? { ...value, __typename: typename } : null);
  switch (parsed.type) {
    case 'Tenant':
      return parsed.id === scope.tenantId ? tag('Tenant', ctx.tenant) : null;
    case 'Program':
      return tag('Program', await findProgram(ctx.ports, scope, parsed.id));
    case 'Person':
      return tag('Person', await findPerson(scope, parsed.id, (id) => ctx.loaders.person.load(id)));
    case 'Mentorship':
      return tag('Mentorship', await findMentorship(ctx.ports.mentorships, scope, parsed.id));
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
