import type { ScheduledJobName } from '#domain/kernel/jobs.ts';
import { requestScheduledJob } from '#domain/tenancy/operations.ts';
import type { Resolvers } from '#generated/resolvers.ts';

export const operationsResolvers: Resolvers = {
  Mutation: {
    runJob: async (_parent, { job, tenant: slug }, ctx) => {
      const name = job.toLowerCase() as ScheduledJobName;
      const done = await requestScheduledJob(ctx.services, ctx.actor, name, slug);
      ctx.services.log.info('scheduled job requested', { tenantId: done.tenant.id, job: name, actor: ctx.actor.id });
      return { job, ...done };
    },
  },
};
