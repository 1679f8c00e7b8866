import { takeRetentionSnapshot } from '#domain/insights/index.ts';
import type { Services } from '../serviceTypes.ts';
import { type FanOutOptions, fanOut, type TenantSteps, type UnitFailure } from './fanOut.ts';

export interface RetentionJobResult {
  tenants: number;
  snapshots: { tenantId: string; employees: number; ms: number }[];
  failed: UnitFailure[];
}

/**
 * The nightly retention snapshot's steps (issue #21, ADR 0049, 0065): the snapshot compares the whole
 * organisation, so its unit is the tenant: open reads the HR records and enrolments, computes every
 * figure and stores one small item for the Retention page. Running it again only replaces the item.
 */
export const retentionSteps: TenantSteps<{ employees: number; ms: number }, never, Record<string, never>> = {
  async open(services, tenant, now) {
    const started = Date.now();
    const snapshot = await takeRetentionSnapshot(services, tenant.id, now);
    return { programIds: [], opened: { employees: snapshot.employees, ms: Date.now() - started } };
  },
  program() {
    return Promise.reject(new Error('The retention snapshot has no program units'));
  },
  async close() {
    return {};
  },
};

export async function runRetentionSnapshots(services: Services, options: FanOutOptions = {}): Promise<RetentionJobResult> {
  const run = await fanOut(services, retentionSteps, options);
  return {
    tenants: run.tenants.length,
    snapshots: run.tenants.flatMap((t) => (t.opened ? [{ tenantId: t.tenantId, ...t.opened }] : [])),
    failed: run.failed,
  };
}
