import type { Actor } from '#domain/kernel/actors.ts';
import { DomainError, ErrorCode } from '#domain/kernel/errors.ts';
import { allPages } from '#domain/kernel/pages.ts';
import { runMatching } from '#domain/matching/run.ts';
import { DAY_MS } from '#domain/mentorships/health.ts';
import type { Program } from '#domain/programs/programs.ts';
import type { Services } from '../serviceTypes.ts';
import { localDate, tenantsOf } from './programLifecycle.ts';

export interface ScheduledMatchingResult {
  programsDue: number;
  runs: { tenantId: string; programId: string; runId: string; proposed: number; unmatched: number }[];
  skipped: { tenantId: string; programId: string; why: string }[];
}

/** Open or running programs with a schedule whose last run is at least that many days old. */
export function dueForMatching(program: Program, lastRunAt: string | null, now: Date): boolean {
  const every = program.matching.scheduleEveryDays;
  if (every === null || (program.status !== 'OPEN' && program.status !== 'RUNNING')) return false;
  return lastRunAt === null || now.getTime() - Date.parse(lastRunAt) >= every * DAY_MS - 60 * 60_000;
}

/**
 * The scheduled matching job (one frequent EventBridge rule that finds the programs due). Each
 * program's run id names its slot (program and day), so a retried or overlapping invocation re-runs
 * the same run instead of proposing twice.
 */
export async function runScheduledMatching(services: Services, options: { tenantIds?: string[] } = {}): Promise<ScheduledMatchingResult> {
  const now = services.clock();
  const result: ScheduledMatchingResult = { programsDue: 0, runs: [], skipped: [] };
  for (const tenant of await tenantsOf(services, options.tenantIds)) {
    const actor: Actor = { id: 'system:matching', role: 'operator', tenantId: tenant.id, personId: null };
    for (const program of await allPages((page) => services.programs.listPrograms(tenant.id, page), 100)) {
      const last = (await services.matching.listRuns(tenant.id, program.id, { first: 5, after: null })).items.find((r) => !r.dryRun);
      if (!dueForMatching(program, last?.startedAt ?? null, now)) continue;
      result.programsDue++;
      const runId = `sched-${program.id}-${localDate(now, tenant.settings.timeZone)}`;
      try {
        const run = await runMatching(services, { tenantId: tenant.id, actor, now }, program.id, {
          dryRun: false,
          trigger: 'SCHEDULE',
          runId,
        });
        result.runs.push({
          tenantId: tenant.id,
          programId: program.id,
          runId,
          proposed: run.counts.proposed,
          unmatched: run.counts.unmatched,
        });
      } catch (e) {
        if (!(e instanceof DomainError && e.code === ErrorCode.CONFLICT)) throw e;
        result.skipped.push({ tenantId: tenant.id, programId: program.id, why: 'another run holds the program' });
      }
    }
  }
  return result;
}
