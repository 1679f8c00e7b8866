import { afterEach, describe, expect, it, vi } from 'vitest';
import { startScheduler } from '../../local/scheduler.ts';

afterEach(() => vi.useRealTimers());

/** Runs each job's first firing (2 s after start) and returns what the scheduler logged. */
async function firstRun(results: unknown[]): Promise<string[]> {
  vi.useFakeTimers();
  const lines: string[] = [];
  const stop = startScheduler(
    results.map((result, i) => ({ name: `job-${i}`, everyMs: 3_600_000, load: async () => async () => result })),
    (line) => lines.push(line),
  );
  await vi.advanceTimersByTimeAsync(2_500);
  stop();
  return lines;
}

describe('the local scheduler', () => {
  it('stays quiet for jobs that went well, whatever shape their result has', async () => {
    // Prepare: a fanned-out job with no failed steps, and the webhook job, whose `failed` is a count.
    const results = [{ failed: [] }, { events: 2, delivered: 1, failed: 1 }, undefined];

    // Act
    const lines = await firstRun(results);

    // Assess: before, the webhook job's count was iterated: "webhooks failed: failed is not iterable".
    expect(lines).toEqual([]);
  });

  it('names every step of a fanned-out job that failed', async () => {
    const lines = await firstRun([{ failed: [{ tenantId: 'acme', programId: 'P1', step: 'unit', error: 'throttled' }] }]);
    expect(lines).toEqual(['scheduler: job-0 failed for acme/P1 (unit): throttled']);
  });
});
