import { tenantProgramCount, tenantPrograms } from '#domain/programs/index.ts';
import { allTenants, createTenant, updateTenant } from '#domain/tenancy/index.ts';
import type { Resolvers } from '#generated/resolvers.ts';
import { pageRequest, toConnection } from '../connections.ts';
import { forgetTenant } from '../context.ts';
import { toGlobalId } from '../ids.ts';

const upper = <T extends string>(s: string) => s.toUpperCase() as T;

export const tenancyResolvers: Resolvers = {
  Query: {
    viewer: (_parent, _args, ctx) => ctx.actor,
    tenants: async (_parent, _args, ctx) => ({ items: await allTenants(ctx.ports, ctx.actor) }),
  },
  Mutation: {
    createTenant: (_parent, { input, idempotencyKey }, ctx) =>
      createTenant(ctx.ports, ctx.actor, ctx.ports.clock(), { ...input, locale: input.locale?.toLowerCase() ?? null }, idempotencyKey),
    updateTenant: async (_parent, { version, input }, ctx) => {
      const tenant = await updateTenant(ctx.ports, ctx.scope('change the organisation settings'), version, {
        ...input,
        locale: input.locale?.toLowerCase() ?? null,
      });
      forgetTenant(tenant.id);
      return tenant;
    },
  },
  Viewer: {
    actor: (actor) => actor,
    tenant: (_actor, _args, ctx) => ctx.tenant,
  },
  Actor: {
    id: (actor) => actor.id,
    role: (actor) => upper(actor.role),
  },
  Tenant: {
    id: (tenant) => toGlobalId('Tenant', tenant.id),
    slug: (tenant) => tenant.id,
    settings: (tenant) => ({ ...tenant.settings, locale: upper(tenant.settings.locale) }),
    programs: async (tenant, args, ctx) => {
      const req = pageRequest(ctx, 'programs', args);
      return toConnection(ctx, 'programs', await tenantPrograms(ctx.ports, ctx.actor, tenant.id, req), {}, () =>
        tenantProgramCount(ctx.ports, ctx.actor, tenant.id),
      );
    },
  },
};
