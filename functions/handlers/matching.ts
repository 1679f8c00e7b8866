import type { ScheduledEvent } from 'aws-lambda';
import { observability } from '#lib/observability.ts';
import { instrumentStoreClients } from '#store/client.ts';
import { runScheduledMatching, type ScheduledMatchingResult } from '../jobs/scheduledMatching.ts';
import { servicesFromEnv } from '../services.ts';

const { tracer, instrument } = observability('matching');
instrumentStoreClients((client) => tracer.captureAWSv3Client(client));
const services = await servicesFromEnv(process.env, 'matching');

/** EventBridge (in AWS) or the local scheduler calls this; it runs matching for every program that is due. */
export const handler = instrument(async (event: ScheduledEvent, _context, metrics): Promise<ScheduledMatchingResult> => {
  const result = await runScheduledMatching(services);
  services.log.info('scheduled matching', {
    eventId: event.id,
    due: result.programsDue,
    runs: result.runs.length,
    skipped: result.skipped.length,
  });
  metrics.count('MatchingRuns', result.runs.length);
  metrics.count('MatchingSkipped', result.skipped.length);
  return result;
});
