import type { Tenant } from '#domain/tenancy/tenants.ts';
import { inParallel } from '#lib/parallel.ts';
import type { Services } from '../serviceTypes.ts';

/**
 * A scheduled job as units of work (ADR 0065): per tenant an `open` step (the tenant-wide work that
 * comes first, and the programs to fan out to), one `program` unit per program, then a `close` step
 * (the tenant-wide work that comes last). In AWS a Step Functions Distributed Map runs these steps
 * through functions/handlers/jobUnits.ts, one child execution per tenant; on one machine
 * {@link fanOut} runs the very same functions. Every step is idempotent: a retried or repeated
 * step has the effect of one.
 */
export interface TenantSteps<Opened, Unit, Closed> {
  open(services: Services, tenant: Tenant, now: Date): Promise<{ programIds: string[]; opened: Opened }>;
  program(services: Services, tenant: Tenant, programId: string, now: Date): Promise<Unit>;
  close(services: Services, tenant: Tenant, now: Date): Promise<Closed>;
}

export type Step = 'open' | 'program' | 'close';

/** A step that failed: the run reports it and goes on with everything else. */
export interface UnitFailure {
  tenantId: string;
  programId: string | null;
  step: Step;
  error: string;
}

export interface TenantOutcome<Opened, Unit, Closed> {
  tenantId: string;
  opened: Opened | null;
  programs: { programId: string; result: Unit }[];
  closed: Closed | null;
}

export interface FanOutRun<Opened, Unit, Closed> {
  tenants: TenantOutcome<Opened, Unit, Closed>[];
  failed: UnitFailure[];
  /** The bounds the run kept, and the most units it actually had in flight at once. */
  concurrency: { tenants: number; programsPerTenant: number; peakUnits: number };
  ms: number;
}

/**
 * The concurrency bounds. AWS: the Distributed Map's MaxConcurrency (tenants) and the inline Map's
 * (programs of one tenant), read by cdk/constructs/scheduled-jobs.ts; the arithmetic is in ADR 0065.
 * Locally: what a two-core machine and DynamoDB Local take without slowing each unit down.
 */
export const FAN_OUT_LIMITS = {
  aws: { tenants: 40, programsPerTenant: 4 },
  local: { tenants: 4, programsPerTenant: 2 },
} as const;

export interface FanOutOptions {
  /** Only these tenants (an operator's run, tests); default every tenant. */
  tenantIds?: string[];
  /** Tenants in flight at once. @default FAN_OUT_LIMITS.local.tenants */
  tenants?: number;
  /** Programs of one tenant in flight at once. @default FAN_OUT_LIMITS.local.programsPerTenant */
  programsPerTenant?: number;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The tenants a run covers: every tenant, or the ones named. */
export async function tenantsFor(services: Services, tenantIds?: string[]): Promise<Tenant[]> {
  return (await services.tenants.listTenants()).filter((t) => !tenantIds || tenantIds.includes(t.id));
}

/**
 * The local stand-in for the Distributed Map: every tenant's steps with bounded concurrency and
 * failure isolation. A tenant whose `open` fails is reported and skipped; a failing program is
 * reported and its tenant's other programs and `close` still run; the other tenants never notice.
 * The next scheduled run is the retry (every step is idempotent).
 */
export async function fanOut<O, U, C>(
  services: Services,
  steps: TenantSteps<O, U, C>,
  options: FanOutOptions = {},
): Promise<FanOutRun<O, U, C>> {
  const started = Date.now();
  const now = services.clock();
  const bounds = {
    tenants: options.tenants ?? FAN_OUT_LIMITS.local.tenants,
    programsPerTenant: options.programsPerTenant ?? FAN_OUT_LIMITS.local.programsPerTenant,
  };
  const run: FanOutRun<O, U, C> = { tenants: [], failed: [], concurrency: { ...bounds, peakUnits: 0 }, ms: 0 };
  let inFlight = 0;
  const step = async <T>(tenantId: string, programId: string | null, name: Step, work: () => Promise<T>): Promise<T | null> => {
    inFlight++;
    run.concurrency.peakUnits = Math.max(run.concurrency.peakUnits, inFlight);
    try {
      return await work();
    } catch (e) {
      run.failed.push({ tenantId, programId, step: name, error: messageOf(e) });
      services.log.error('a scheduled job step failed; the others go on', { tenant: tenantId, program: programId, step: name, err: e });
      return null;
    } finally {
      inFlight--;
    }
  };
  const tenants = await tenantsFor(services, options.tenantIds);
  await inParallel(tenants, bounds.tenants, async (tenant) => {
    const outcome: TenantOutcome<O, U, C> = { tenantId: tenant.id, opened: null, programs: [], closed: null };
    run.tenants.push(outcome);
    const opened = await step(tenant.id, null, 'open', () => steps.open(services, tenant, now));
    if (!opened) return;
    outcome.opened = opened.opened;
    await inParallel(opened.programIds, bounds.programsPerTenant, async (programId) => {
      const done = await step(tenant.id, programId, 'program', () => steps.program(services, tenant, programId, now));
      if (done !== null) outcome.programs.push({ programId, result: done });
    });
    outcome.closed = await step(tenant.id, null, 'close', () => steps.close(services, tenant, now));
  });
  run.ms = Date.now() - started;
  return run;
}
