/** Work that outlives a request: queued by the API, run by the jobs worker (SQS in AWS, in-process locally). */
export type JobRef = { kind: 'import' | 'pairImport'; tenantId: string; id: string };

export interface JobQueue {
  enqueue(job: JobRef): Promise<void>;
}
