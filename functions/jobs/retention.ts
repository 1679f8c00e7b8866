import { takeRetentionSnapshot } from '#domain/insights/index.ts';
import type { Services } from '../serviceTypes.ts';
import { tenantsOf } from './programLifecycle.ts';

export interface RetentionJobResult {
  tenants: number;
  snapshots: { tenantId: string; employees: number; ms: number }[];
}

/**
 * The nightly retention snapshot (issue #21, ADR 0049): per tenant, read the HR records and
 * enrolments once, compute every figure, store one small item for the Retention page. Running it
 * again only replaces the item.
 */
export async function runRetentionSnapshots(services: Services, options: { tenantIds?: string[] } = {}): Promise<RetentionJobResult> {
  const result: RetentionJobResult = { tenants: 0, snapshots: [] };
  for (const tenant of await tenantsOf(services, options.tenantIds)) {
    result.tenants++;
    const started = Date.now();
    const snapshot = await takeRetentionSnapshot(services, tenant.id, services.clock());
    result.snapshots.push({ tenantId: tenant.id, employees: snapshot.employees, ms: Date.now() - started });
  }
  return result;
}
