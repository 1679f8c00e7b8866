import type { ScheduledEvent } from 'aws-lambda';
import { type EngagementResult, runEngagement } from '../jobs/engagement.ts';
import { servicesFromEnv } from '../services.ts';

const services = await servicesFromEnv(process.env, 'engagement');

/** EventBridge (in AWS, hourly) or the local scheduler calls this: follow-ups, nudges, surveys, the outbox and webhooks. */
export async function handler(event: ScheduledEvent): Promise<EngagementResult> {
  const result = await runEngagement(services);
  services.log.info('engagement', {
    eventId: event.id,
    tenants: result.tenants,
    programs: result.programs.length,
    enqueued: result.programs.reduce((n, p) => n + p.enqueued, 0),
    sent: result.sent.sent,
    deferred: result.sent.deferredQuietHours + result.sent.deferredCap,
    webhooksDelivered: result.webhooks.delivered,
  });
  return result;
}
