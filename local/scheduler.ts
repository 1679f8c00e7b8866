import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';

export interface ScheduledJob {
  name: string;
  /** How often EventBridge would fire it; locally the interval is the same (or shortened by a flag). */
  everyMs: number;
  /** Loads the exact handler module CDK deploys. */
  load: () => Promise<(event: ScheduledEvent) => Promise<unknown>>;
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
        await handler(scheduledEvent(job.name));
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
