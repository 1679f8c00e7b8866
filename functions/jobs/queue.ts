import type { SQSClient } from '@aws-sdk/client-sqs';
import type { JobQueue, JobRef } from '#domain/kernel/jobs.ts';
import type { Logger } from '#lib/log.ts';

/**
 * In AWS: a message on the jobs queue, which the jobs Lambda consumes. The SQS client loads on the
 * first message, not at start: most requests never queue anything, and a cold start stays shorter.
 */
export function sqsQueue(url: string): JobQueue {
  let sqs: Promise<{ client: SQSClient; SendMessageCommand: typeof import('@aws-sdk/client-sqs').SendMessageCommand }> | null = null;
  return {
    async enqueue(job) {
      sqs ??= import('@aws-sdk/client-sqs').then(({ SQSClient, SendMessageCommand }) => ({
        client: new SQSClient({}),
        SendMessageCommand,
      }));
      const { client, SendMessageCommand } = await sqs;
      await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: JSON.stringify(job) }));
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
