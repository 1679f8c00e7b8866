/** The scheduled jobs (EventBridge in AWS, the local scheduler under `npm start`), also run on demand by operators. */
export const SCHEDULED_JOBS = ['lifecycle', 'matching', 'engagement', 'retention'] as const;
export type ScheduledJobName = (typeof SCHEDULED_JOBS)[number];

/** Work that outlives a request: queued by the API, run by the jobs worker (SQS in AWS, in-process locally). */
export type JobRef =
  | { kind: 'import' | 'pairImport'; tenantId: string; id: string }
  /** An operator's "run this tenant's job now" (the runJob mutation); `id` names the request. */
  | { kind: 'scheduled'; job: ScheduledJobName; tenantId: string; id: string };

export interface JobQueue {
  enqueue(job: JobRef): Promise<void>;
  /**
   * Present where jobs run in this process (one machine): runs an operator's scheduled job right
   * away and says what it did. Absent (AWS): the job goes on the queue.
   */
  runNow?: (job: Extract<JobRef, { kind: 'scheduled' }>) => Promise<{ summary: string[] }>;
}
