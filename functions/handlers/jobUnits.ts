import type { ScheduledJobName } from '#domain/kernel/jobs.ts';
import { SCHEDULED_JOBS } from '#domain/kernel/jobs.ts';
import { observability } from '#lib/observability.ts';
import { instrumentStoreClients } from '#store/client.ts';
import { JOB_STEPS } from '../jobs/scheduled.ts';
import { servicesFromEnv } from '../services.ts';

const { tracer, instrument } = observability('job-units');
instrumentStoreClients((client) => tracer.captureAWSv3Client(client));
const services = await servicesFromEnv(process.env, 'job-units');

/**
 * What the scheduled jobs' state machine sends (cdk/constructs/scheduled-jobs.ts, ADR 0065). `at` is
 * the execution's start time: every step of one run works on the same clock.
 */
export type JobUnitEvent =
  | { step: 'tenants'; job: ScheduledJobName; at: string }
  | { step: 'open' | 'close'; job: ScheduledJobName; tenantId: string; at: string }
  | { step: 'program'; job: ScheduledJobName; tenantId: string; programId: string; at: string };

/**
 * One step of a scheduled job, as the Distributed Map calls it: the tenants to fan out to, then per
 * tenant open → one unit per program → close. The same functions `npm start` and `kindling job run`
 * run in-process (functions/jobs/fanOut.ts). A thrown error fails the step: Step Functions retries it,
 * then counts it against the run's tolerated failures; every other tenant goes on.
 */
export const handler = instrument(async (event: JobUnitEvent, _context, metrics): Promise<unknown> => {
  if (!SCHEDULED_JOBS.includes(event.job)) throw new Error(`Unknown job ${String(event.job)}`);
  const at = new Date(event.at);
  if (Number.isNaN(at.getTime())) throw new Error('The step needs the execution start time as `at`');
  const steps = JOB_STEPS[event.job];
  if (event.step === 'tenants') {
    // Only ids: the Map's items stay small (ADR 0065: 1,000 tenants ≈ 40 kB of the 256 kB state limit).
    const tenants = (await services.tenants.listTenants()).map((t) => ({ tenantId: t.id }));
    metrics.count('JobTenants', tenants.length);
    return { tenants };
  }
  const tenant = await services.tenants.getTenant(event.tenantId);
  if (!tenant) throw new Error(`Tenant ${event.tenantId} is gone`);
  const scoped = { ...services, clock: () => at };
  if (event.step === 'open') {
    const { programIds, opened } = await steps.open(scoped, tenant, at);
    services.log.info('job step', { job: event.job, step: 'open', tenant: tenant.id, programs: programIds.length, opened });
    // The state machine maps over `programIds`.
    return { programIds };
  }
  const result =
    event.step === 'program' ? await steps.program(scoped, tenant, event.programId, at) : await steps.close(scoped, tenant, at);
  services.log.info('job step', {
    job: event.job,
    step: event.step,
    tenant: tenant.id,
    program: event.step === 'program' ? event.programId : null,
    result,
  });
  metrics.count(event.step === 'program' ? 'JobProgramUnits' : 'JobTenantsClosed');
  // What the state carries stays constant-sized; the log holds the details.
  return { ok: true };
});
