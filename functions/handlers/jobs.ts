import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { JobRef } from '#domain/jobs.ts';
import { runJob } from '../jobs/runJob.ts';
import { servicesFromEnv } from '../services.ts';

const services = await servicesFromEnv(process.env, 'jobs');

/** SQS → long-running work (imports). A failed message is retried by SQS, then dead-lettered. */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      await runJob(services, JSON.parse(record.body) as JobRef);
    } catch (e) {
      services.log.error('job failed', { messageId: record.messageId, err: e });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
