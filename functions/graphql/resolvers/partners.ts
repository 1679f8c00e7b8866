import { type ApiKeyScope, createApiKey, keyStatus, listApiKeys, revokeApiKey, rotateApiKey } from '#domain/partners/index.ts';
import type { Resolvers } from '#generated/resolvers.ts';
import { localId, toGlobalId } from '../ids.ts';

export const partnerResolvers: Resolvers = {
  Query: {
    apiKeys: async (_parent, _args, ctx) => ({ items: await listApiKeys(ctx.ports, ctx.scope('manage API keys')) }),
  },
  Mutation: {
    createApiKey: (_parent, { input }, ctx) =>
      createApiKey(ctx.ports, ctx.scope('manage API keys'), {
        ...input,
        scopes: input.scopes as ApiKeyScope[],
        programId: input.programId ? localId(input.programId, 'Program') : null,
      }),
    revokeApiKey: (_parent, { id, version }, ctx) => revokeApiKey(ctx.ports, ctx.scope('manage API keys'), localId(id, 'ApiKey'), version),
    rotateApiKey: (_parent, { id, version, overlapHours }, ctx) =>
      rotateApiKey(ctx.ports, ctx.scope('manage API keys'), localId(id, 'ApiKey'), version, overlapHours),
  },
  ApiKey: {
    id: (key) => toGlobalId('ApiKey', key.id),
    program: (key, _args, ctx) => (key.programId ? ctx.loaders.program.load(key.programId) : null),
    status: (key, _args, ctx) => keyStatus(key, ctx.ports.clock()),
    replacedBy: (key) => (key.replacedBy ? toGlobalId('ApiKey', key.replacedBy) : null),
  },
};
