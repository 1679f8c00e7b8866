import type { ScheduledEvent } from 'aws-lambda';
import { observability } from '#lib/observability.ts';
import { instrumentStoreClients } from '#store/client.ts';
import { type LifecycleResult, runProgramLifecycle } from '../jobs/programLifecycle.ts';
import { servicesFromEnv } from '../services.ts';

const { tracer, instrument } = observability('lifecycle');
instrumentStoreClients((client) => tracer.captureAWSv3Client(client));
const services = await servicesFromEnv(process.env, 'lifecycle');

/** EventBridge (in AWS) or the local scheduler (under `npm start`) calls this on a schedule. */
export const handler = instrument(async (event: ScheduledEvent, _context, metrics): Promise<LifecycleResult> => {
  const result = await runProgramLifecycle(services);
  services.log.info('program lifecycle tick', {
    eventId: event.id,
    tenants: result.tenants,
    checked: result.programsChecked,
    started: result.started.length,
  });
  metrics.count('ProgramsStarted', result.started.length);
  return result;
});
