import type { ScheduledEvent } from 'aws-lambda';
import { observability } from '#lib/observability.ts';
import { instrumentStoreClients } from '#store/client.ts';
import { type EngagementResult, runEngagement } from '../jobs/engagement.ts';
import { servicesFromEnv } from '../services.ts';

const { tracer, instrument } = observability('engagement');
instrumentStoreClients((client) => tracer.captureAWSv3Client(client));
const services = await servicesFromEnv(process.env, 'engagement');

/** EventBridge (in AWS, hourly) or the local scheduler calls this: follow-ups, nudges, surveys, the outbox and webhooks. */
export const handler = instrument(async (event: ScheduledEvent, _context, metrics): Promise<EngagementResult> => {
  const result = await runEngagement(services);
  const enqueued = result.programs.reduce((n, p) => n + p.enqueued, 0);
  services.log.info('engagement', {
    eventId: event.id,
    tenants: result.tenants,
    programs: result.programs.length,
    enqueued,
    sent: result.sent.sent,
    deferred: result.sent.deferredQuietHours + result.sent.deferredCap,
    webhooksDelivered: result.webhooks.delivered,
  });
  metrics.count('MessagesPlanned', enqueued);
  metrics.count('MessagesSent', result.sent.sent);
  metrics.count('WebhooksDelivered', result.webhooks.delivered);
  metrics.count('WebhookTenantsFailed', result.webhooks.tenantsFailed.length);
  return result;
});
