import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { JobRef } from '#domain/kernel/jobs.ts';
import { observability } from '#lib/observability.ts';
import { instrumentStoreClients } from '#store/client.ts';
import { runJob } from '../jobs/runJob.ts';
import { servicesFromEnv } from '../services.ts';

const { tracer, instrument } = observability('jobs');
instrumentStoreClients((client) => tracer.captureAWSv3Client(client));
const services = await servicesFromEnv(process.env, 'jobs');

/** SQS → long-running work (imports). A failed message is retried by SQS, then dead-lettered. */
export const handler = instrument(async (event: SQSEvent, _context, metrics): Promise<SQSBatchResponse> => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      await runJob(services, JSON.parse(record.body) as JobRef);
      metrics.count('JobsRun');
    } catch (e) {
      services.log.error('job failed', { messageId: record.messageId, err: e });
      metrics.count('JobsFailed');
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
});
