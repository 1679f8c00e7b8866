import type { Actor } from '#domain/kernel/actors.ts';
import { allPages } from '#domain/kernel/pages.ts';
import { expireRequests } from '#domain/mentorships/requests.ts';
import { stalledImports } from '#domain/people/importJobs.ts';
import { changeProgramStatus, programsDueToRun } from '#domain/programs/programs.ts';
import type { Services } from '../serviceTypes.ts';
import { type FanOutOptions, fanOut, type TenantSteps, tenantsFor, type UnitFailure } from './fanOut.ts';

export interface LifecycleResult {
  tenants: number;
  programsChecked: number;
  started: { tenantId: string; programId: string }[];
  /** Imports whose worker went quiet, queued again. */
  importsRequeued: number;
  /** Open requests past their expiry, expired. */
  requestsExpired: number;
  failed: UnitFailure[];
}

/** Every tenant (what a schedule runs over), or only the ones named (an operator's run of one tenant). */
export const tenantsOf = tenantsFor;

/** Today's date (YYYY-MM-DD) in a time zone: an enrolment window closes at the tenant's midnight. */
export const localDate = (now: Date, timeZone: string): string => new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);

const actorFor = (tenantId: string): Actor => ({ id: 'system:program-lifecycle', role: 'operator', tenantId, personId: null });

/**
 * The program-lifecycle tick's steps (ADR 0065): open expires the tenant's open requests past their
 * expiry, queues again an import whose worker went quiet, and names the open programs whose
 * enrolment window has closed; each program unit starts one running. Safe to run any number of
 * times: a program already moved is skipped, and a concurrent change makes the version check refuse
 * the write.
 */
export const lifecycleSteps: TenantSteps<
  { programsChecked: number; requestsExpired: number; importsRequeued: number },
  { started: boolean },
  Record<string, never>
> = {
  async open(services, tenant, now) {
    const programs = await allPages((page) => services.programs.listPrograms(tenant.id, page), 100);
    const requestsExpired = await expireRequests(services, { tenantId: tenant.id, actor: actorFor(tenant.id), now });
    let importsRequeued = 0;
    for (const job of stalledImports(await services.imports.unfinishedImports(tenant.id), now)) {
      await services.jobs.enqueue({ kind: job.kind === 'PAIRS' ? 'pairImport' : 'import', tenantId: tenant.id, id: job.id });
      importsRequeued++;
    }
    return {
      programIds: programsDueToRun(programs, localDate(now, tenant.settings.timeZone)).map((p) => p.id),
      opened: { programsChecked: programs.length, requestsExpired, importsRequeued },
    };
  },

  async program(services, tenant, programId, now) {
    const program = await services.programs.getProgram(tenant.id, programId);
    if (!program || programsDueToRun([program], localDate(now, tenant.settings.timeZone)).length === 0) return { started: false };
    await changeProgramStatus(services, { tenantId: tenant.id, actor: actorFor(tenant.id), now }, program.id, program.version, 'RUNNING');
    return { started: true };
  },

  async close() {
    return {};
  },
};

/** The scheduled program-lifecycle tick over every tenant (or the ones named), with bounded concurrency. */
export async function runProgramLifecycle(services: Services, options: FanOutOptions = {}): Promise<LifecycleResult> {
  const run = await fanOut(services, lifecycleSteps, options);
  const result: LifecycleResult = {
    tenants: run.tenants.length,
    programsChecked: 0,
    started: [],
    importsRequeued: 0,
    requestsExpired: 0,
    failed: run.failed,
  };
  for (const t of run.tenants) {
    result.programsChecked += t.opened?.programsChecked ?? 0;
    result.requestsExpired += t.opened?.requestsExpired ?? 0;
    result.importsRequeued += t.opened?.importsRequeued ?? 0;
    for (const p of t.programs) if (p.result.started) result.started.push({ tenantId: t.tenantId, programId: p.programId });
  }
  return result;
}
