import type { ScheduledJobName } from '#domain/kernel/jobs.ts';
import type { Services } from '../serviceTypes.ts';
import { runEngagement } from './engagement.ts';
import { runProgramLifecycle } from './programLifecycle.ts';
import { runRetentionSnapshots } from './retention.ts';
import { runScheduledMatching } from './scheduledMatching.ts';

export interface ScheduledJobOutcome {
  job: ScheduledJobName;
  /** The job's clock: now, or the time an operator rehearses. */
  ranAt: string;
  ms: number;
  /** What it did, one line each, for the operator (CLI and the runJob mutation). */
  summary: string[];
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
  switch (job) {
    case 'lifecycle': {
      const r = await runProgramLifecycle(services, options);
      summary.push(
        `${plural(r.tenants, 'tenant')}, ${plural(r.programsChecked, 'program')} checked: ${r.started.length} started running, ` +
          `${plural(r.requestsExpired, 'request')} expired, ${plural(r.importsRequeued, 'import')} requeued`,
      );
      break;
    }
    case 'matching': {
      const r = await runScheduledMatching(services, options);
      summary.push(`${plural(r.programsDue, 'program')} due for matching`);
      for (const run of r.runs) summary.push(`  ${run.tenantId}/${run.programId}: ${run.proposed} proposed, ${run.unmatched} unmatched`);
      for (const s of r.skipped) summary.push(`  ${s.tenantId}/${s.programId}: skipped, ${s.why}`);
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
      break;
    }
    case 'retention': {
      const r = await runRetentionSnapshots(services, options);
      summary.push(`${plural(r.tenants, 'tenant')}: retention snapshots taken`);
      for (const s of r.snapshots) summary.push(`  ${s.tenantId}: ${plural(s.employees, 'HR record')} in ${s.ms} ms`);
      break;
    }
    default: {
      const never: never = job;
      throw new Error(`Unknown job ${String(never)}`);
    }
  }
  return { job, ranAt, ms: Date.now() - started, summary };
}
