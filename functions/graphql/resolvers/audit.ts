import { erasePerson, exportPersonalData } from '#domain/privacy/index.ts';
import { readAuditLog } from '#domain/programs/index.ts';
import type { Resolvers } from '#generated/resolvers.ts';
import { pageRequest, toConnection } from '../connections.ts';
import { localId, parseGlobalId, toGlobalId } from '../ids.ts';

export const auditResolvers: Resolvers = {
  Query: {
    auditLog: async (_parent, args, ctx) => {
      const scope = ctx.scope('read the audit log');
      // An id that is not one of ours matches nothing, exactly as an id of another tenant does.
      const entity = args.entityId ? (parseGlobalId(args.entityId) ?? { type: 'None', id: 'none' }) : null;
      const filter = {
        actorId: args.actorId ?? null,
        action: args.action ?? null,
        entityType: args.entityType ?? null,
        from: args.from ?? null,
        to: args.to ?? null,
      };
      const filters = { entity, ...filter };
      const req = pageRequest(ctx, 'audit', args, filters);
      return toConnection(ctx, 'audit', await readAuditLog(ctx.ports, scope, entity, req, filter), filters);
    },
    personalData: async (_parent, { personId }, ctx) => {
      const data = await exportPersonalData(ctx.ports, ctx.scope('export personal data'), localId(personId, 'Person'));
      // Ids leave the API as global ids, as everywhere else.
      return { ...data, person: data.person ? { ...data.person, id: personId } : null };
    },
  },
  Mutation: {
    erasePerson: async (_parent, { id, reason }, ctx) => {
      const receipt = await erasePerson(ctx.ports, ctx.scope('erase people'), localId(id, 'Person'), reason);
      return { ...receipt, personId: id };
    },
  },
  AuditEntry: {
    id: (entry) => toGlobalId('Audit', entry.id),
    actor: (entry) => ({
      id: entry.actorId,
      role: entry.actorRole as 'operator' | 'manager' | 'participant',
      tenantId: entry.tenantId,
      personId: null,
    }),
    entityId: (entry) => toGlobalId(entry.entityType, entry.entityId),
  },
};
