import type { ScheduledEvent } from 'aws-lambda';
import { observability } from '#lib/observability.ts';
import { instrumentStoreClients } from '#store/client.ts';
import { runWebhookRetries, type WebhookRun } from '../jobs/webhooks.ts';
import { servicesFromEnv } from '../services.ts';

const { tracer, instrument } = observability('webhooks');
instrumentStoreClients((client) => tracer.captureAWSv3Client(client));
const services = await servicesFromEnv(process.env, 'webhooks');

/** EventBridge every minute (AWS) or the local scheduler (`npm start`): webhook retries on their schedule. */
export const handler = instrument(async (event: ScheduledEvent, _context, metrics): Promise<WebhookRun> => {
  const result = await runWebhookRetries(services);
  if (result.delivered + result.retrying + result.failed + result.tenantsFailed.length > 0) {
    services.log.info('webhook retries', {
      eventId: event.id,
      delivered: result.delivered,
      retrying: result.retrying,
      failed: result.failed,
      skipped: result.skipped,
      tenantsFailed: result.tenantsFailed.length,
    });
  }
  metrics.count('WebhooksDelivered', result.delivered);
  metrics.count('WebhookTenantsFailed', result.tenantsFailed.length);
  return result;
});
