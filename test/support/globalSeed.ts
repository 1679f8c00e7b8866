import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '#local/dynamo.ts';
import { SCHEDULED_JOBS, startKindling, stop } from './kindling.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    seededDemo: string;
  }
}

/**
 * Seeds the demo tenant once for the whole browser run: `kindling start --data` into a folder, waits
 * until every scheduled job has run once on it (so the data is at rest), and stops. Each browser
 * file then starts its own Kindling on a copy (`startSeeded`): its own JVM, port and data, without
 * paying the seed again. The folder is removed at the end of the run.
 */
export default async function setup(project: TestProject) {
  const data = mkdtempSync(join(tmpdir(), 'kindling-e2e-demo-'));
  const running = await startKindling([
    '--port',
    String(await freePort()),
    '--dynamo-port',
    String(await freePort()),
    '--data',
    data,
    '--tick',
    '3600',
    '--verbose',
  ]);
  if (!running.output().includes('Kindling is running'))
    throw new Error(`seeding the demo for the browser tests failed:\n${running.output()}`);
  // A job that failed has finished too: its line stays in the output, and each copy's start runs it again.
  const finished = (job: string) =>
    running.output().includes(`scheduler: ${job} ran`) || running.output().includes(`scheduler: ${job} failed`);
  for (const until = Date.now() + 180_000; !SCHEDULED_JOBS.every(finished); ) {
    if (Date.now() > until) throw new Error(`the scheduled jobs did not all run on the seeded demo:\n${running.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const line of running
    .output()
    .split('\n')
    .filter((l) => l.includes('scheduler:') && l.includes(' failed')))
    console.warn(`seeding the demo for the browser tests: ${line.trim()}`);
  await stop(running);
  project.provide('seededDemo', data);
  return () => rmSync(data, { recursive: true, force: true });
}
