import { requireRole } from '#domain/actors.ts';
import { type ApiKeyScope, createApiKey, keyStatus, listApiKeys, revokeApiKey, rotateApiKey } from '#domain/apiKeys.ts';
import type { Resolvers } from '#generated/resolvers.ts';
import type { Context } from '../context.ts';
import { localId, toGlobalId } from '../ids.ts';

/** The role first (arguments evaluate left to right): a participant hears FORBIDDEN whatever id they send. */
const managerScope = (ctx: Context) => {
  requireRole(ctx.actor, 'manage API keys', 'manager');
  return ctx.scope('manage API keys');
};

export const partnerResolvers: Resolvers = {
  Query: {
    apiKeys: async (_parent, _args, ctx) => ({ items: await listApiKeys(ctx.services, managerScope(ctx)) }),
  },
  Mutation: {
    createApiKey: (_parent, { input }, ctx) =>
      createApiKey(ctx.services, managerScope(ctx), {
        ...input,
        scopes: input.scopes as ApiKeyScope[],
        programId: input.programId ? localId(input.programId, 'Program') : null,
      }),
    revokeApiKey: (_parent, { id, version }, ctx) => revokeApiKey(ctx.services, managerScope(ctx), localId(id, 'ApiKey'), version),
    rotateApiKey: (_parent, { id, version, overlapHours }, ctx) =>
      rotateApiKey(ctx.services, managerScope(ctx), localId(id, 'ApiKey'), version, overlapHours),
  },
  ApiKey: {
    id: (key) => toGlobalId('ApiKey', key.id),
    program: (key, _args, ctx) => (key.programId ? ctx.loaders.program.load(key.programId) : null),
    status: (key, _args, ctx) => keyStatus(key, ctx.services.clock()),
    replacedBy: (key) => (key.replacedBy ? toGlobalId('ApiKey', key.replacedBy) : null),
  },
};
