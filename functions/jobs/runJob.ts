import { hostname } from 'node:os';
import { assertNever } from '#domain/kernel/errors.ts';
import type { JobRef } from '#domain/kernel/jobs.ts';
import { runPairImport } from '#domain/mentorships/pairImports.ts';
import { runImport } from '#domain/people/importJobs.ts';
import type { Services } from '../serviceTypes.ts';
import { runScheduledJob } from './scheduled.ts';

const worker = `${hostname()}:${process.pid}`;

/** Runs one queued job to its end (or until it yields its lease). */
export async function runJob(services: Services, job: JobRef): Promise<void> {
  switch (job.kind) {
    case 'import': {
      const done = await runImport(services, job.tenantId, job.id, services.clock, worker);
      services.log.info('import job ran', { tenantId: job.tenantId, job: job.id, status: done?.status, processed: done?.processed });
      return;
    }
    case 'scheduled': {
      const done = await runScheduledJob(services, job.job, { tenantIds: [job.tenantId] });
      services.log.info('scheduled job ran on request', { tenantId: job.tenantId, job: job.job, request: job.id, ms: done.ms });
      return;
    }
    case 'pairImport': {
      const done = await runPairImport(services, job.tenantId, job.id, services.clock, worker);
      services.log.info('pair import job ran', { tenantId: job.tenantId, job: job.id, status: done?.status, processed: done?.processed });
      return;
    }
    default:
      assertNever(job);
  }
}
