import { requireRole } from '#domain/kernel/actors.ts';
import { notFound } from '#domain/kernel/errors.ts';
import type { ScheduledJobName } from '#domain/kernel/jobs.ts';
import type { Resolvers } from '#generated/resolvers.ts';
import { runScheduledJob } from '../../jobs/scheduled.ts';

export const operationsResolvers: Resolvers = {
  Mutation: {
    /**
     * One machine: the job runs in this request and the answer says what it did. AWS: the request
     * goes on the jobs queue, whose worker runs the same unit with the scheduled jobs' settings.
     */
    runJob: async (_parent, { job, tenant: slug }, ctx) => {
      requireRole(ctx.actor, 'run a scheduled job', 'operator');
      const tenant = await ctx.services.tenants.getTenant(slug);
      if (!tenant) throw notFound('Tenant');
      const name = job.toLowerCase() as ScheduledJobName;
      const requestedAt = ctx.services.clock().toISOString();
      ctx.services.log.info('scheduled job requested', { tenantId: tenant.id, job: name, actor: ctx.actor.id });
      if (ctx.services.jobs.inProcess) {
        const outcome = await runScheduledJob(ctx.services, name, { tenantIds: [tenant.id] });
        return { job, tenant, status: 'DONE', requestedAt, summary: outcome.summary };
      }
      await ctx.services.jobs.enqueue({ kind: 'scheduled', job: name, tenantId: tenant.id, id: ctx.services.newId() });
      return { job, tenant, status: 'QUEUED', requestedAt, summary: [] };
    },
  },
};
