import type { ScheduledEvent } from 'aws-lambda';
import { runScheduledMatching, type ScheduledMatchingResult } from '../jobs/scheduledMatching.ts';
import { servicesFromEnv } from '../services.ts';

const services = await servicesFromEnv(process.env, 'matching');

/** EventBridge (in AWS) or the local scheduler calls this; it runs matching for every program that is due. */
export async function handler(event: ScheduledEvent): Promise<ScheduledMatchingResult> {
  const result = await runScheduledMatching(services);
  services.log.info('scheduled matching', {
    eventId: event.id,
    due: result.programsDue,
    runs: result.runs.length,
    skipped: result.skipped.length,
  });
  return result;
}
