import type { Actor } from '#domain/kernel/actors.ts';
import { requireRole } from '#domain/kernel/actors.ts';
import { notFound } from '#domain/kernel/errors.ts';
import type { JobQueue, ScheduledJobName } from '#domain/kernel/jobs.ts';
import type { Tenant, TenantStore } from './tenants.ts';

export interface JobRequest {
  tenant: Tenant;
  status: 'DONE' | 'QUEUED';
  requestedAt: string;
  summary: string[];
}

/**
 * An operator runs one tenant's scheduled job now. One machine: the job runs in this request and
 * the answer says what it did. AWS: the request goes on the jobs queue, whose worker runs the same
 * unit with the scheduled jobs' settings.
 */
export async function requestScheduledJob(
  deps: { tenants: Pick<TenantStore, 'getTenant'>; jobs: JobQueue; clock: () => Date; newId: () => string },
  actor: Actor,
  job: ScheduledJobName,
  slug: string,
): Promise<JobRequest> {
  requireRole(actor, 'run a scheduled job', 'operator');
  const tenant = await deps.tenants.getTenant(slug);
  if (!tenant) throw notFound('Tenant');
  const requestedAt = deps.clock().toISOString();
  const request = { kind: 'scheduled' as const, job, tenantId: tenant.id, id: deps.newId() };
  if (deps.jobs.runNow) {
    const outcome = await deps.jobs.runNow(request);
    return { tenant, status: 'DONE', requestedAt, summary: outcome.summary };
  }
  await deps.jobs.enqueue(request);
  return { tenant, status: 'QUEUED', requestedAt, summary: [] };
}
