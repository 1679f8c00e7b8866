import type { ScheduledEvent } from 'aws-lambda';
import { type LifecycleResult, runProgramLifecycle } from '../jobs/programLifecycle.ts';
import { servicesFromEnv } from '../services.ts';

const services = await servicesFromEnv(process.env, 'lifecycle');

/** EventBridge (in AWS) or the local scheduler (under `npm start`) calls this on a schedule. */
export async function handler(event: ScheduledEvent): Promise<LifecycleResult> {
  const result = await runProgramLifecycle(services);
  services.log.info('program lifecycle tick', {
    eventId: event.id,
    tenants: result.tenants,
    checked: result.programsChecked,
    started: result.started.length,
  });
  return result;
}
