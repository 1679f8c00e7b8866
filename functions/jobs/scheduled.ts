import type { ScheduledJobName } from '#domain/kernel/jobs.ts';
import type { Services } from '../serviceTypes.ts';
import { engagementSteps, runEngagement } from './engagement.ts';
import type { TenantSteps, UnitFailure } from './fanOut.ts';
import { lifecycleSteps, runProgramLifecycle } from './programLifecycle.ts';
import { retentionSteps, runRetentionSnapshots } from './retention.ts';
import { matchingSteps, runScheduledMatching } from './scheduledMatching.ts';

/** Each scheduled job's steps: what functions/handlers/jobUnits.ts runs for the Distributed Map (ADR 0065). */
export const JOB_STEPS: Record<ScheduledJobName, TenantSteps<unknown, unknown, unknown>> = {
  lifecycle: lifecycleSteps,
  matching: matchingSteps,
  engagement: engagementSteps(),
  retention: retentionSteps,
};

const failures = (failed: UnitFailure[]): string[] =>
  failed.map((f) => `  FAILED ${f.tenantId}${f.programId ? `/${f.programId}` : ''} (${f.step}): ${f.error}`);

export interface ScheduledJobOutcome {
  job: ScheduledJobName;
  /** The job's clock: now, or the time an operator rehearses. */
  ranAt: string;
  ms: number;
  /** What it did, one line each, for the operator (CLI and the runJob mutation). */
  summary: string[];
  /** Steps that failed while the others ran (one tenant's or program's failure stops nothing else). */
  failed: UnitFailure[];
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * The unit the schedules run and an operator can run on demand: one scheduled job over every
 * tenant, or over the ones named. The same code EventBridge's handlers call; the job reads its
 * clock from `services.clock`, so a rehearsal runs it at another time.
 */
export async function runScheduledJob(
  services: Services,
  job: ScheduledJobName,
  options: { tenantIds?: string[] } = {},
): Promise<ScheduledJobOutcome> {
  const ranAt = services.clock().toISOString();
  const started = Date.now();
  const summary: string[] = [];
  let failed: UnitFailure[] = [];
  switch (job) {
    case 'lifecycle': {
      const r = await runProgramLifecycle(services, options);
      summary.push(
        `${plural(r.tenants, 'tenant')}, ${plural(r.programsChecked, 'program')} checked: ${r.started.length} started running, ` +
          `${plural(r.requestsExpired, 'request')} expired, ${plural(r.importsRequeued, 'import')} requeued`,
      );
      failed = r.failed;
      break;
    }
    case 'matching': {
      const r = await runScheduledMatching(services, options);
      summary.push(`${plural(r.programsDue, 'program')} due for matching`);
      for (const run of r.runs) summary.push(`  ${run.tenantId}/${run.programId}: ${run.proposed} proposed, ${run.unmatched} unmatched`);
      for (const s of r.skipped) summary.push(`  ${s.tenantId}/${s.programId}: skipped, ${s.why}`);
      failed = r.failed;
      break;
    }
    case 'engagement': {
      const r = await runEngagement(services, options);
      summary.push(
        `${plural(r.tenants, 'tenant')}, ${plural(r.programs.length, 'program')}: ${plural(r.requestsExpired, 'request')} expired; ` +
          `sent ${r.sent.sent}, held for quiet hours ${r.sent.deferredQuietHours}, over the weekly cap ${r.sent.deferredCap}, failed ${r.sent.failed}; ` +
          `webhooks delivered ${r.webhooks.delivered}`,
      );
      for (const p of r.programs) {
        const h = p.health;
        const written = Object.entries(p.written)
          .map(([template, n]) => `${template} ${n}`)
          .join(', ');
        summary.push(
          `  program ${p.programId}: pairs on track ${h.ON_TRACK}, due soon ${h.DUE_SOON}, overdue ${h.OVERDUE}, never met ${h.NEVER_MET}; ` +
            `attention ${p.attention}; written ${p.enqueued}${written ? ` (${written})` : ''}`,
        );
      }
      failed = r.failed;
      break;
    }
    case 'retention': {
      const r = await runRetentionSnapshots(services, options);
      summary.push(`${plural(r.tenants, 'tenant')}: retention snapshots taken`);
      for (const s of r.snapshots) summary.push(`  ${s.tenantId}: ${plural(s.employees, 'HR record')} in ${s.ms} ms`);
      failed = r.failed;
      break;
    }
    default: {
      const never: never = job;
      throw new Error(`Unknown job ${String(never)}`);
    }
  }
  summary.push(...failures(failed));
  return { job, ranAt, ms: Date.now() - started, summary, failed };
}
