import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import type { ScheduledJobName } from '#domain/kernel/jobs.ts';
import type { UnitFailure } from '../functions/jobs/fanOut.ts';
import { runScheduledJob } from '../functions/jobs/scheduled.ts';
import type { Services } from '../functions/serviceTypes.ts';

export interface ScheduledJob {
  name: string;
  /** How often EventBridge would fire it; locally the interval is the same (or shortened by a flag). */
  everyMs: number;
  /** Loads the exact handler module CDK deploys, or {@link fannedOut}: the steps the Distributed Map runs there. */
  load: () => Promise<(event: ScheduledEvent) => Promise<unknown>>;
}

/**
 * The local stand-in for a scheduled job's state machine (ADR 0065): the job's steps per tenant and
 * program, in this process, with bounded concurrency; a failing tenant or program is reported and
 * the others finish.
 */
export function fannedOut(services: Services, job: ScheduledJobName): (event: ScheduledEvent) => Promise<{ failed: UnitFailure[] }> {
  return () => runScheduledJob(services, job);
}

export function scheduledEvent(rule: string): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '000000000000',
    time: new Date().toISOString(),
    region: 'local',
    resources: [`arn:aws:events:local:000000000000:rule/${rule}`],
    detail: {},
  };
}

/**
 * The local stand-in for EventBridge: invokes each scheduled handler once at start and then on its
 * interval, never two runs of one job at once. Quiet unless `verbose`: only a failure is logged.
 * Returns a function that stops it.
 */
export function startScheduler(jobs: ScheduledJob[], log: (line: string) => void, options: { verbose?: boolean } = {}): () => void {
  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs) {
    let running = false;
    const fire = async () => {
      if (running) return;
      running = true;
      const started = Date.now();
      try {
        const handler = await job.load();
        const result = await handler(scheduledEvent(job.name));
        // A fanned-out job finishes even when some of its steps failed: those always show. (The
        // webhook job's `failed` is a count of deliveries given up on, not a list of steps.)
        const failed = (result as { failed?: unknown } | undefined)?.failed;
        for (const f of Array.isArray(failed) ? (failed as UnitFailure[]) : [])
          log(`scheduler: ${job.name} failed for ${f.tenantId}${f.programId ? `/${f.programId}` : ''} (${f.step}): ${f.error}`);
        if (options.verbose) log(`scheduler: ${job.name} ran in ${Date.now() - started} ms`);
      } catch (e) {
        log(`scheduler: ${job.name} failed: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        running = false;
      }
    };
    timers.push(setTimeout(fire, 2_000));
    timers.push(setInterval(fire, job.everyMs));
  }
  return () => {
    for (const t of timers) clearTimeout(t);
  };
}
