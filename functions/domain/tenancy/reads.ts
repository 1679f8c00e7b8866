import type { Actor } from '#domain/kernel/actors.ts';
import { authorize } from '#domain/kernel/visibility.ts';
import type { Tenant, TenantStore } from './tenants.ts';

export const LIST_TENANTS = 'list tenants';

/** Every tenant of the platform: operators only. */
export async function allTenants(deps: { tenants: Pick<TenantStore, 'listTenants'> }, actor: Actor): Promise<Tenant[]> {
  authorize(actor, LIST_TENANTS);
  return deps.tenants.listTenants();
}
