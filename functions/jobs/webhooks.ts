import { type DispatchResult, deliverDue, emptyDispatch } from '#domain/engagement/webhooks.ts';
import type { Services } from '../serviceTypes.ts';

/** What a run did for webhooks across tenants, and which tenants it could not serve. */
export interface WebhookRun extends DispatchResult {
  tenantsFailed: string[];
}

export const emptyWebhookRun = (): WebhookRun => ({ ...emptyDispatch(), tenantsFailed: [] });

type SendDeps = Pick<Services, 'webhooks' | 'webhookTransport' | 'allowLoopbackWebhooks'>;

/**
 * Runs one tenant's webhook work and adds it to the run. A failure is logged and recorded against
 * that tenant only: the run goes on with the next tenant (its deliveries stay due and the next run
 * tries again).
 */
export async function dispatchForTenant(
  services: Services,
  tenantId: string,
  now: Date,
  run: WebhookRun,
  work: (deps: SendDeps) => Promise<DispatchResult>,
): Promise<void> {
  try {
    const done = await work(services);
    for (const k of Object.keys(done) as (keyof DispatchResult)[]) run[k] += done[k];
  } catch (e) {
    run.tenantsFailed.push(tenantId);
    services.log.error('webhook dispatch failed for a tenant; the others go on', {
      tenant: tenantId,
      at: now.toISOString(),
      error: e instanceof Error ? e.message : String(e),
    });
  }
}

/**
 * The retry schedule of docs/webhooks.md (1, 2, 4 … minutes): every minute, in AWS (EventBridge,
 * `functions/handlers/webhooks.ts`) and on `npm start` (the local scheduler runs the same handler),
 * every tenant's due deliveries are attempted. One Query of a sparse index per tenant; a tenant
 * with nothing due costs that Query and nothing else. The engagement job still turns events into
 * deliveries (hourly) and sends what is due too; claims keep the two from sending anything twice.
 */
export async function runWebhookRetries(services: Services, options: { tenantIds?: string[] } = {}): Promise<WebhookRun> {
  const now = services.clock();
  const run = emptyWebhookRun();
  const tenants = (await services.tenants.listTenants()).filter((t) => !options.tenantIds || options.tenantIds.includes(t.id));
  for (const tenant of tenants) await dispatchForTenant(services, tenant.id, now, run, (deps) => deliverDue(deps, tenant.id, now));
  return run;
}
