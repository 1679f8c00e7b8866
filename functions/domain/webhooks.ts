import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Actor, Scope } from './actors.ts';
import { requireRole } from './actors.ts';
import { type AuditEntry, auditEntry } from './audit.ts';
import type { PlannedEvent } from './engagement.ts';
import { DomainError, ErrorCode, notFound, versionConflict } from './errors.ts';
import type { Page, PageRequest } from './pages.ts';
import { Checks } from './validation.ts';
import { payloadView, WEBHOOK_DATA } from './visibility.ts';

/**
 * Partner webhooks: a partner app registers an endpoint and the events it wants; Kindling signs
 * each delivery with the subscription's secret and retries with exponential back-off. Events come
 * from the audit log, which every change writes in its own transaction (ADR 0021), and from the
 * engagement job (pair overdue, survey due).
 */
export const WEBHOOK_EVENTS = [
  'REQUEST_RECEIVED',
  'REQUEST_ANSWERED',
  'PROPOSAL_READY',
  'MENTORSHIP_STARTED',
  'MENTORSHIP_ENDED',
  'PAIR_OVERDUE',
  'SURVEY_DUE',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface DeliveryOutcome {
  at: string;
  status: DeliveryStatus;
  httpStatus: number | null;
  error: string | null;
  event: WebhookEvent;
}

export interface WebhookSubscription {
  id: string;
  tenantId: string;
  url: string;
  events: WebhookEvent[];
  description: string | null;
  active: boolean;
  /** Signs deliveries; shown once when the subscription is created. */
  secret: string;
  lastDelivery: DeliveryOutcome | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

export interface WebhookDelivery {
  /** Derived from the subscription and the event: an event is delivered to a subscription once. */
  id: string;
  tenantId: string;
  subscriptionId: string;
  eventId: string;
  event: WebhookEvent;
  /** The exact JSON body sent (and signed). */
  body: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  lastAttemptAt: string | null;
  lastHttpStatus: number | null;
  lastError: string | null;
  createdAt: string;
}

export interface WebhookStore {
  createSubscription(sub: WebhookSubscription, audit: AuditEntry): Promise<void>;
  getSubscription(tenantId: string, id: string): Promise<WebhookSubscription | null>;
  listSubscriptions(tenantId: string, page: PageRequest): Promise<Page<WebhookSubscription>>;
  /** Every subscription of a tenant (bounded: MAX_SUBSCRIPTIONS). */
  allSubscriptions(tenantId: string): Promise<WebhookSubscription[]>;
  replaceSubscription(next: WebhookSubscription, previous: WebhookSubscription, audit: AuditEntry): Promise<void>;
  deleteSubscription(previous: WebhookSubscription, audit: AuditEntry): Promise<void>;
  /** Writes deliveries not yet written (by id); returns how many were new. */
  enqueueDeliveries(deliveries: WebhookDelivery[]): Promise<number>;
  dueDeliveries(tenantId: string, now: string, limit: number): Promise<WebhookDelivery[]>;
  /** Records an attempt on the delivery and as the subscription's last delivery. */
  settleDelivery(next: WebhookDelivery, previous: WebhookDelivery, outcome: DeliveryOutcome): Promise<void>;
  listDeliveries(tenantId: string, subscriptionId: string, page: PageRequest): Promise<Page<WebhookDelivery>>;
  /** Audit entries of a tenant from `since` on, oldest first, at most `limit`. */
  auditSince(tenantId: string, since: string, limit: number): Promise<AuditEntry[]>;
  /** Where reading the audit log for events stopped last time. */
  getCheckpoint(tenantId: string): Promise<string | null>;
  putCheckpoint(tenantId: string, at: string): Promise<void>;
}

/** POSTs a signed body; resolves with the HTTP status, rejects on a network failure or time-out. */
export type WebhookTransport = (url: string, body: string, headers: Record<string, string>) => Promise<number>;

export const MAX_SUBSCRIPTIONS = 10;
export const MAX_DELIVERY_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 60_000;
const BACKOFF_MAX_MS = 6 * 3_600_000;
/** The audit index is eventually consistent: each read goes back this far and relies on delivery ids to skip repeats. */
export const AUDIT_OVERLAP_MS = 5 * 60_000;

/**
 * Who may manage webhooks. Program managers today; issue #7 adds partner API keys here (a key with
 * the `webhooks` scope), the one place to change.
 */
export function requireWebhookAccess(actor: Actor, action: string): void {
  requireRole(actor, action, 'manager');
}

export interface WebhookInput {
  url: string;
  events: string[];
  description?: string | null;
  active?: boolean | null;
}

function checkInput(checks: Checks, input: WebhookInput, allowLoopback: boolean) {
  const url = checks.text('input.url', input.url, { max: 500 });
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    checks.fail('input.url', 'url', 'is not a URL');
  }
  if (parsed) {
    const loopback = parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
    if (parsed.protocol !== 'https:' && !(allowLoopback && loopback)) {
      checks.fail('input.url', 'https', allowLoopback ? 'must use https (or http://127.0.0.1 locally)' : 'must use https');
    }
    if (parsed.username || parsed.password) checks.fail('input.url', 'credentials', 'must not carry a user name or password');
  }
  const events = [...new Set(input.events)];
  if (events.length === 0) checks.fail('input.events', 'required', 'choose at least one event');
  for (const e of events) {
    if (!(WEBHOOK_EVENTS as readonly string[]).includes(e)) checks.fail('input.events', 'oneOf', `"${e}" is not an event`);
  }
  const description = checks.optionalText('input.description', input.description, 200);
  return { url, events: events as WebhookEvent[], description };
}

export interface WebhookDeps {
  webhooks: WebhookStore;
  newId: () => string;
  /** Local runs accept http://127.0.0.1 endpoints. */
  allowLoopbackWebhooks: boolean;
}

/** The subscription without its secret: what every read returns. */
export type PublicSubscription = Omit<WebhookSubscription, 'secret'>;
const withoutSecret = ({ secret: _secret, ...rest }: WebhookSubscription): PublicSubscription => rest;

export async function createSubscription(
  deps: WebhookDeps,
  scope: Scope,
  input: WebhookInput,
): Promise<{ subscription: PublicSubscription; secret: string }> {
  requireWebhookAccess(scope.actor, 'manage webhooks');
  const checks = new Checks();
  const fields = checkInput(checks, input, deps.allowLoopbackWebhooks);
  checks.done();
  const existing = await deps.webhooks.allSubscriptions(scope.tenantId);
  if (existing.length >= MAX_SUBSCRIPTIONS)
    throw new DomainError(ErrorCode.CONFLICT, 'conflict.tooManyWebhooks', { max: MAX_SUBSCRIPTIONS });
  const stamp = scope.now.toISOString();
  const sub: WebhookSubscription = {
    id: deps.newId(),
    tenantId: scope.tenantId,
    ...fields,
    active: input.active ?? true,
    secret: `whsec_${randomBytes(32).toString('base64url')}`,
    lastDelivery: null,
    createdAt: stamp,
    updatedAt: stamp,
    version: 1,
  };
  // The audit entry never holds the secret.
  const audit = auditEntry(scope, deps.newId, 'webhook.create', { type: 'WebhookSubscription', id: sub.id }, null, withoutSecret(sub));
  await deps.webhooks.createSubscription(sub, audit);
  return { subscription: withoutSecret(sub), secret: sub.secret };
}

export async function getSubscription(deps: Pick<WebhookDeps, 'webhooks'>, scope: Scope, id: string): Promise<PublicSubscription> {
  requireWebhookAccess(scope.actor, 'read webhooks');
  const sub = await deps.webhooks.getSubscription(scope.tenantId, id);
  if (!sub) throw notFound('WebhookSubscription');
  return withoutSecret(sub);
}

export async function listSubscriptions(
  deps: Pick<WebhookDeps, 'webhooks'>,
  scope: Scope,
  page: PageRequest,
): Promise<Page<PublicSubscription>> {
  requireWebhookAccess(scope.actor, 'read webhooks');
  const found = await deps.webhooks.listSubscriptions(scope.tenantId, page);
  return { ...found, items: found.items.map(withoutSecret) };
}

export async function updateSubscription(
  deps: WebhookDeps,
  scope: Scope,
  id: string,
  expectedVersion: number,
  input: WebhookInput,
): Promise<PublicSubscription> {
  requireWebhookAccess(scope.actor, 'manage webhooks');
  const current = await deps.webhooks.getSubscription(scope.tenantId, id);
  if (!current) throw notFound('WebhookSubscription');
  if (current.version !== expectedVersion) throw versionConflict('webhook subscription');
  const checks = new Checks();
  const fields = checkInput(checks, input, deps.allowLoopbackWebhooks);
  checks.done();
  const next: WebhookSubscription = {
    ...current,
    ...fields,
    active: input.active ?? current.active,
    updatedAt: scope.now.toISOString(),
    version: current.version + 1,
  };
  const audit = auditEntry(
    scope,
    deps.newId,
    'webhook.update',
    { type: 'WebhookSubscription', id },
    withoutSecret(current),
    withoutSecret(next),
  );
  await deps.webhooks.replaceSubscription(next, current, audit);
  return withoutSecret(next);
}

export async function deleteSubscription(deps: WebhookDeps, scope: Scope, id: string, expectedVersion: number): Promise<boolean> {
  requireWebhookAccess(scope.actor, 'manage webhooks');
  const current = await deps.webhooks.getSubscription(scope.tenantId, id);
  if (!current) throw notFound('WebhookSubscription');
  if (current.version !== expectedVersion) throw versionConflict('webhook subscription');
  await deps.webhooks.deleteSubscription(
    current,
    auditEntry(scope, deps.newId, 'webhook.delete', { type: 'WebhookSubscription', id }, withoutSecret(current), null),
  );
  return true;
}

export async function listDeliveries(deps: Pick<WebhookDeps, 'webhooks'>, scope: Scope, subscriptionId: string, page: PageRequest) {
  requireWebhookAccess(scope.actor, 'read webhooks');
  return deps.webhooks.listDeliveries(scope.tenantId, subscriptionId, page);
}

/** An event as partners receive it. Ids inside are the API's global ids, so a partner can fetch the record. */
export interface EventEnvelope {
  id: string;
  type: WebhookEvent;
  occurredAt: string;
  tenant: string;
  data: Record<string, unknown>;
}

const changed = (entry: AuditEntry, field: string): unknown => entry.changes.find((c) => c.field === field)?.after;

/**
 * The partner event an audit entry stands for, if any. The audit entry is written in the same
 * transaction as the change, so an event can neither be lost nor describe a change that did not happen.
 */
export function eventFromAudit(entry: AuditEntry, globalId: (type: string, id: string) => string): EventEnvelope | null {
  const base = { id: `a${entry.id}`, occurredAt: entry.at, tenant: entry.tenantId };
  const ref = (type: string) => globalId(type, entry.entityId);
  switch (entry.action) {
    case 'request.send':
      return { ...base, type: 'REQUEST_RECEIVED', data: { request: ref('Request') } };
    case 'request.decline':
      return { ...base, type: 'REQUEST_ANSWERED', data: { request: ref('Request'), answer: 'DECLINED' } };
    case 'proposal.approve':
      return { ...base, type: 'PROPOSAL_READY', data: { proposal: ref('Proposal') } };
    case 'proposal.create':
      return changed(entry, 'status') === 'APPROVED' ? { ...base, type: 'PROPOSAL_READY', data: { proposal: ref('Proposal') } } : null;
    case 'mentorship.start':
      return { ...base, type: 'MENTORSHIP_STARTED', data: { mentorship: ref('Mentorship'), source: changed(entry, 'source') ?? null } };
    case 'mentorship.complete':
    case 'mentorship.end_early':
      return {
        ...base,
        type: 'MENTORSHIP_ENDED',
        data: { mentorship: ref('Mentorship'), status: changed(entry, 'status') ?? null },
      };
    default:
      return null;
  }
}

/** An accepted request shows in the log as the pair it started; partners hear both events. */
export function requestAnsweredByStart(entry: AuditEntry, globalId: (type: string, id: string) => string): EventEnvelope | null {
  if (entry.action !== 'mentorship.start') return null;
  const source = changed(entry, 'source') as { kind?: string; id?: string } | undefined;
  if (source?.kind !== 'REQUEST' || !source.id) return null;
  return {
    id: `a${entry.id}r`,
    type: 'REQUEST_ANSWERED',
    occurredAt: entry.at,
    tenant: entry.tenantId,
    data: { request: globalId('Request', source.id), answer: 'ACCEPTED', mentorship: globalId('Mentorship', entry.entityId) },
  };
}

export function plannedEnvelope(tenantId: string, e: PlannedEvent, globalId: (type: string, id: string) => string): EventEnvelope {
  const { mentorshipId, ...rest } = e.data;
  return {
    id: e.id,
    type: e.type,
    occurredAt: e.occurredAt,
    tenant: tenantId,
    data: { ...(mentorshipId ? { mentorship: globalId('Mentorship', String(mentorshipId)) } : {}), ...rest },
  };
}

const deliveryId = (subscriptionId: string, eventId: string): string =>
  `d${createHash('sha256').update(`${subscriptionId}|${eventId}`).digest('base64url').slice(0, 27)}`;

/**
 * One delivery per active subscription that wants the event. The body's `data` keeps only what the
 * visibility map lets a partner app see (`WEBHOOK_DATA`): ids, states, dates.
 */
export function deliveriesFor(subs: WebhookSubscription[], events: EventEnvelope[], now: Date): WebhookDelivery[] {
  const out: WebhookDelivery[] = [];
  const stamp = now.toISOString();
  for (const event of events) {
    const body = JSON.stringify({ ...event, data: payloadView(event.data, WEBHOOK_DATA) });
    for (const sub of subs) {
      if (!sub.active || !sub.events.includes(event.type)) continue;
      out.push({
        id: deliveryId(sub.id, event.id),
        tenantId: sub.tenantId,
        subscriptionId: sub.id,
        eventId: event.id,
        event: event.type,
        body,
        status: 'PENDING',
        attempts: 0,
        nextAttemptAt: stamp,
        lastAttemptAt: null,
        lastHttpStatus: null,
        lastError: null,
        createdAt: stamp,
      });
    }
  }
  return out;
}

/**
 * The signature partners verify: HMAC-SHA256 with the subscription's secret over
 * `<timestamp>.<body>`, hex, sent as `Kindling-Signature: t=<timestamp>,v1=<hex>` (docs/webhooks.md).
 */
export function sign(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function signatureHeaders(
  secret: string,
  now: Date,
  delivery: Pick<WebhookDelivery, 'id' | 'event' | 'body'>,
): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': 'Kindling-Webhooks/1',
    'kindling-event': delivery.event,
    'kindling-delivery': delivery.id,
    'kindling-signature': `t=${timestamp},v1=${sign(secret, timestamp, delivery.body)}`,
  };
}

export const backoffMs = (attempts: number): number => Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (attempts - 1));

export interface DispatchResult {
  events: number;
  deliveriesQueued: number;
  delivered: number;
  retrying: number;
  failed: number;
}

/**
 * Turns the tenant's new audit entries and the engagement job's events into deliveries, then
 * attempts every delivery that is due. A crash anywhere repeats work on the next run, never
 * duplicates it: deliveries have deterministic ids and the checkpoint moves only after they are written.
 */
export async function dispatchWebhooks(
  deps: { webhooks: WebhookStore; transport: WebhookTransport },
  tenantId: string,
  now: Date,
  planned: EventEnvelope[],
  globalId: (type: string, id: string) => string,
): Promise<DispatchResult> {
  const result: DispatchResult = { events: 0, deliveriesQueued: 0, delivered: 0, retrying: 0, failed: 0 };
  const subs = await deps.webhooks.allSubscriptions(tenantId);
  if (subs.length === 0) return result;
  const checkpoint = (await deps.webhooks.getCheckpoint(tenantId)) ?? subs.map((s) => s.createdAt).sort()[0] ?? now.toISOString();
  const since = new Date(new Date(checkpoint).getTime() - AUDIT_OVERLAP_MS).toISOString();
  const entries = await deps.webhooks.auditSince(tenantId, since, 5000);
  const events = [...planned];
  for (const entry of entries) {
    const e = eventFromAudit(entry, globalId);
    if (e) events.push(e);
    const r = requestAnsweredByStart(entry, globalId);
    if (r) events.push(r);
  }
  result.events = events.length;
  // Only subscriptions that existed when the event happened receive it.
  const subCreated = new Map(subs.map((s) => [s.id, s.createdAt]));
  const occurred = new Map(events.map((e) => [e.id, e.occurredAt]));
  const deliveries = deliveriesFor(subs, events, now).filter(
    (d) => (occurred.get(d.eventId) ?? '') >= (subCreated.get(d.subscriptionId) ?? '~'),
  );
  result.deliveriesQueued = await deps.webhooks.enqueueDeliveries(deliveries);
  const last = entries.at(-1)?.at;
  if (last && last > checkpoint) await deps.webhooks.putCheckpoint(tenantId, last);

  const byId = new Map(subs.map((s) => [s.id, s]));
  const due = await deps.webhooks.dueDeliveries(tenantId, now.toISOString(), 500);
  // A paused subscription's deliveries wait for it to resume.
  const queue = due.filter((d) => byId.get(d.subscriptionId)?.active !== false);
  const attempt = async (d: WebhookDelivery) => {
    const sub = byId.get(d.subscriptionId);
    if (!sub) {
      // Deleted since: its deliveries end here.
      const error = 'subscription deleted';
      await deps.webhooks.settleDelivery({ ...d, status: 'FAILED', lastError: error }, d, {
        at: now.toISOString(),
        status: 'FAILED',
        httpStatus: null,
        error,
        event: d.event,
      });
      result.failed++;
      return;
    }
    const attempts = d.attempts + 1;
    let httpStatus: number | null = null;
    let error: string | null = null;
    try {
      httpStatus = await deps.transport(sub.url, d.body, signatureHeaders(sub.secret, now, d));
      if (httpStatus < 200 || httpStatus >= 300) error = `HTTP ${httpStatus}`;
    } catch (e) {
      error = e instanceof Error ? e.message.slice(0, 300) : String(e).slice(0, 300);
    }
    const status: DeliveryStatus = error === null ? 'DELIVERED' : attempts >= MAX_DELIVERY_ATTEMPTS ? 'FAILED' : 'PENDING';
    const next: WebhookDelivery = {
      ...d,
      status,
      attempts,
      lastAttemptAt: now.toISOString(),
      lastHttpStatus: httpStatus,
      lastError: error,
      nextAttemptAt: status === 'PENDING' ? new Date(now.getTime() + backoffMs(attempts)).toISOString() : d.nextAttemptAt,
    };
    await deps.webhooks.settleDelivery(next, d, { at: now.toISOString(), status, httpStatus, error, event: d.event });
    if (status === 'DELIVERED') result.delivered++;
    else if (status === 'FAILED') result.failed++;
    else result.retrying++;
  };
  // Eight endpoints' worth at a time: one slow partner does not hold up the rest for long.
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(8, queue.length) }, async () => {
      while (next < queue.length) await attempt(queue[next++] as WebhookDelivery);
    }),
  );
  return result;
}
