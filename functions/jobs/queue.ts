import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { JobQueue, JobRef } from '#domain/jobs.ts';
import type { Logger } from '#lib/log.ts';

/** In AWS: a message on the jobs queue, which the jobs Lambda consumes. */
export function sqsQueue(url: string): JobQueue {
  const sqs = new SQSClient({});
  return {
    async enqueue(job) {
      await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: JSON.stringify(job) }));
    },
  };
}

/**
 * On one machine (`npm start`, tests): jobs run in this process, in the background, one run per job
 * at a time. `idle()` resolves when nothing is running, for tests that wait for a job to finish.
 */
export function inProcessQueue(run: (job: JobRef) => Promise<unknown>, log: Logger): JobQueue & { idle(): Promise<void> } {
  const running = new Map<string, Promise<void>>();
  return {
    async enqueue(job) {
      const key = `${job.kind}:${job.tenantId}:${job.id}`;
      if (running.has(key)) return;
      const work = (async () => {
        await new Promise((r) => setImmediate(r));
        try {
          await run(job);
        } catch (e) {
          log.error('job failed; the lifecycle sweep will retry it', { job: key, err: e });
        } finally {
          running.delete(key);
        }
      })();
      running.set(key, work);
    },
    async idle() {
      while (running.size > 0) await Promise.all(running.values());
    },
  };
}
