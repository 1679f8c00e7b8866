import type { ScheduledEvent } from 'aws-lambda';
import { observability } from '#lib/observability.ts';
import { instrumentStoreClients } from '#store/client.ts';
import { type RetentionJobResult, runRetentionSnapshots } from '../jobs/retention.ts';
import { servicesFromEnv } from '../services.ts';

const { tracer, instrument } = observability('retention');
instrumentStoreClients((client) => tracer.captureAWSv3Client(client));
const services = await servicesFromEnv(process.env, 'retention');

/** EventBridge (nightly in AWS) or the local scheduler calls this: one retention snapshot per tenant. */
export const handler = instrument(async (event: ScheduledEvent, _context, metrics): Promise<RetentionJobResult> => {
  const result = await runRetentionSnapshots(services);
  services.log.info('retention snapshots', { eventId: event.id, tenants: result.tenants });
  metrics.count('RetentionSnapshots', result.snapshots.length);
  return result;
});
