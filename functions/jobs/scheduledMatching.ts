import type { Actor } from '#domain/kernel/actors.ts';
import { DomainError, ErrorCode, notFound } from '#domain/kernel/errors.ts';
import { allPages } from '#domain/kernel/pages.ts';
import { runMatching } from '#domain/matching/run.ts';
import { DAY_MS } from '#domain/mentorships/health.ts';
import type { Program } from '#domain/programs/programs.ts';
import type { Services } from '../serviceTypes.ts';
import { type FanOutOptions, fanOut, type TenantSteps, type UnitFailure } from './fanOut.ts';
import { localDate } from './programLifecycle.ts';

export interface ScheduledMatchingResult {
  programsDue: number;
  runs: { tenantId: string; programId: string; runId: string; proposed: number; unmatched: number }[];
  skipped: { tenantId: string; programId: string; why: string }[];
  failed: UnitFailure[];
}

/** Open or running programs with a schedule whose last run is at least that many days old. */
export function dueForMatching(program: Program, lastRunAt: string | null, now: Date): boolean {
  const every = program.matching.scheduleEveryDays;
  if (every === null || (program.status !== 'OPEN' && program.status !== 'RUNNING')) return false;
  return lastRunAt === null || now.getTime() - Date.parse(lastRunAt) >= every * DAY_MS - 60 * 60_000;
}

type MatchingUnit = { ran: { runId: string; proposed: number; unmatched: number } } | { skipped: string };

/**
 * The scheduled matching job's steps (ADR 0065): open names the programs due, each program unit runs
 * one. Each program's run id names its slot (program and day), so a retried or overlapping unit
 * re-runs the same run instead of proposing twice.
 */
export const matchingSteps: TenantSteps<{ due: number }, MatchingUnit, Record<string, never>> = {
  async open(services, tenant, now) {
    const due: string[] = [];
    for (const program of await allPages((page) => services.programs.listPrograms(tenant.id, page), 100)) {
      const last = (await services.matching.listRuns(tenant.id, program.id, { first: 5, after: null })).items.find((r) => !r.dryRun);
      if (dueForMatching(program, last?.startedAt ?? null, now)) due.push(program.id);
    }
    return { programIds: due, opened: { due: due.length } };
  },

  async program(services, tenant, programId, now) {
    if (!(await services.programs.getProgram(tenant.id, programId))) throw notFound('Program');
    const actor: Actor = { id: 'system:matching', role: 'operator', tenantId: tenant.id, personId: null };
    const runId = `sched-${programId}-${localDate(now, tenant.settings.timeZone)}`;
    try {
      const run = await runMatching(services, { tenantId: tenant.id, actor, now }, programId, {
        dryRun: false,
        trigger: 'SCHEDULE',
        runId,
      });
      return { ran: { runId, proposed: run.counts.proposed, unmatched: run.counts.unmatched } };
    } catch (e) {
      if (!(e instanceof DomainError && e.code === ErrorCode.CONFLICT)) throw e;
      return { skipped: 'another run holds the program' };
    }
  },

  async close() {
    return {};
  },
};

/** The scheduled matching job (one frequent schedule that finds the programs due), run here with bounded concurrency. */
export async function runScheduledMatching(services: Services, options: FanOutOptions = {}): Promise<ScheduledMatchingResult> {
  const run = await fanOut(services, matchingSteps, options);
  const result: ScheduledMatchingResult = { programsDue: 0, runs: [], skipped: [], failed: run.failed };
  for (const t of run.tenants) {
    result.programsDue += t.opened?.due ?? 0;
    for (const { programId, result: r } of t.programs) {
      if ('ran' in r) result.runs.push({ tenantId: t.tenantId, programId, ...r.ran });
      else result.skipped.push({ tenantId: t.tenantId, programId, why: r.skipped });
    }
  }
  return result;
}
