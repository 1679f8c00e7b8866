import type { ScheduledJobName } from '#domain/kernel/index.ts';
import { requestScheduledJob } from '#domain/tenancy/index.ts';
import type { Resolvers } from '#generated/resolvers.ts';

export const operationsResolvers: Resolvers = {
  Mutation: {
    runJob: async (_parent, { job, tenant: slug }, ctx) => {
      const name = job.toLowerCase() as ScheduledJobName;
      const done = await requestScheduledJob(ctx.ports, ctx.actor, name, slug);
      ctx.log.info('scheduled job requested', { tenantId: done.tenant.id, job: name, actor: ctx.actor.id });
      return { job, ...done };
    },
  },
};
