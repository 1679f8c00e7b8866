import type { Actor } from '#domain/kernel/actors.ts';
import { allPages } from '#domain/kernel/pages.ts';
import { expireRequests } from '#domain/mentorships/requests.ts';
import { stalledImports } from '#domain/people/importJobs.ts';
import { changeProgramStatus, programsDueToRun } from '#domain/programs/programs.ts';
import type { Services } from '../serviceTypes.ts';

export interface LifecycleResult {
  tenants: number;
  programsChecked: number;
  started: { tenantId: string; programId: string }[];
  /** Imports whose worker went quiet, queued again. */
  importsRequeued: number;
  /** Open requests past their expiry, expired. */
  requestsExpired: number;
}

/** Every tenant (what a schedule runs over), or only the ones named (an operator's run of one tenant). */
export async function tenantsOf(services: Services, tenantIds?: string[]) {
  return (await services.tenants.listTenants()).filter((t) => !tenantIds || tenantIds.includes(t.id));
}

/** Today's date (YYYY-MM-DD) in a time zone: an enrolment window closes at the tenant's midnight. */
export const localDate = (now: Date, timeZone: string): string => new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);

/**
 * The scheduled program-lifecycle tick: in every tenant, an open program whose enrolment window
 * has closed starts running, open requests past their expiry expire, and an import whose worker
 * went quiet is queued again. Safe to run any number of times: a program already moved is skipped,
 * and a concurrent change makes the version check refuse the write.
 */
export async function runProgramLifecycle(services: Services, options: { tenantIds?: string[] } = {}): Promise<LifecycleResult> {
  const now = services.clock();
  const result: LifecycleResult = { tenants: 0, programsChecked: 0, started: [], importsRequeued: 0, requestsExpired: 0 };
  for (const tenant of await tenantsOf(services, options.tenantIds)) {
    result.tenants++;
    const programs = await allPages((page) => services.programs.listPrograms(tenant.id, page), 100);
    result.programsChecked += programs.length;
    const actor: Actor = { id: 'system:program-lifecycle', role: 'operator', tenantId: tenant.id, personId: null };
    for (const program of programsDueToRun(programs, localDate(now, tenant.settings.timeZone))) {
      await changeProgramStatus(services, { tenantId: tenant.id, actor, now }, program.id, program.version, 'RUNNING');
      result.started.push({ tenantId: tenant.id, programId: program.id });
    }
    result.requestsExpired += await expireRequests(services, { tenantId: tenant.id, actor, now });
    for (const job of stalledImports(await services.imports.unfinishedImports(tenant.id), now)) {
      await services.jobs.enqueue({ kind: job.kind === 'PAIRS' ? 'pairImport' : 'import', tenantId: tenant.id, id: job.id });
      result.importsRequeued++;
    }
  }
  return result;
}
