import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Actor, Scope } from '#domain/kernel/actors.ts';
import { requireRole } from '#domain/kernel/actors.ts';
import { type AuditEntry, auditEntry } from '#domain/kernel/audit.ts';
import { DomainError, ErrorCode, notFound, versionConflict } from '#domain/kernel/errors.ts';
import type { Page, PageRequest } from '#domain/kernel/pages.ts';
import { Checks } from '#domain/kernel/validation.ts';
import { payloadView, WEBHOOK_DATA } from '#domain/kernel/visibility.ts';
import { addressAllowed, classifyAddress, isLocalName, type ResolveHost } from './endpoints.ts';
import type { PlannedEvent } from './planning.ts';

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
  'CIRCLE_STARTED',
  'GROUP_MEETING_LOGGED',
  'CIRCLE_OVERDUE',
] as const;
/** The events a subscription chooses, plus PING: sent only when a developer asks (`pingWebhook`). */
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number] | 'PING';

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
  /** Signs deliveries; shown once when the subscription is created or its secret rotated. */
  secret: string;
  /** After a rotation, the old secret still signs (a second `v1`) until `previousSecretExpiresAt`. */
  previousSecret?: string | null;
  previousSecretExpiresAt?: string | null;
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
  /** When the next attempt is due; while a sender holds the delivery, the end of its lease. */
  nextAttemptAt: string;
  lastAttemptAt: string | null;
  lastHttpStatus: number | null;
  lastError: string | null;
  createdAt: string;
}

export interface DeliveryFilter {
  status: DeliveryStatus | null;
}

export interface WebhookStore {
  /**
   * Writes the subscription and counts it in the tenant's webhook counter in one transaction; the
   * counter's condition (`n < max`) is what holds the cap under concurrent creates. `existing` seeds a
   * counter that was never written (subscriptions made before it existed).
   */
  createSubscription(sub: WebhookSubscription, audit: AuditEntry, cap: { max: number; existing: number }): Promise<void>;
  getSubscription(tenantId: string, id: string): Promise<WebhookSubscription | null>;
  listSubscriptions(tenantId: string, page: PageRequest): Promise<Page<WebhookSubscription>>;
  /** Every subscription of a tenant (bounded: MAX_SUBSCRIPTIONS). */
  allSubscriptions(tenantId: string): Promise<WebhookSubscription[]>;
  replaceSubscription(next: WebhookSubscription, previous: WebhookSubscription, audit: AuditEntry): Promise<void>;
  /** Deletes the subscription and gives its place in the counter back, in one transaction. */
  deleteSubscription(previous: WebhookSubscription, audit: AuditEntry): Promise<void>;
  /** Writes deliveries not yet written (by id); returns how many were new. */
  enqueueDeliveries(deliveries: WebhookDelivery[]): Promise<number>;
  dueDeliveries(tenantId: string, now: string, limit: number): Promise<WebhookDelivery[]>;
  /**
   * Takes a due delivery until `leaseUntil`, on condition that nobody took it since it was read.
   * False: another sender has it (or it was settled meanwhile).
   */
  claimDelivery(delivery: WebhookDelivery, leaseUntil: string): Promise<boolean>;
  /**
   * Records an attempt on a delivery this sender claimed, then (separately) as the subscription's
   * last delivery. False: the lease ran out and another sender took the delivery over.
   */
  settleDelivery(next: WebhookDelivery, claimed: WebhookDelivery, outcome: DeliveryOutcome): Promise<boolean>;
  /** Writes a delivery that was already attempted (a ping) and records it as the last delivery. */
  recordDelivery(delivery: WebhookDelivery, outcome: DeliveryOutcome): Promise<void>;
  getDelivery(tenantId: string, subscriptionId: string, deliveryId: string): Promise<WebhookDelivery | null>;
  /** FAILED → PENDING with a fresh set of attempts, due now; null when it was not FAILED. */
  reopenDelivery(delivery: WebhookDelivery, now: string): Promise<WebhookDelivery | null>;
  listDeliveries(tenantId: string, subscriptionId: string, filter: DeliveryFilter, page: PageRequest): Promise<Page<WebhookDelivery>>;
  /** Audit entries of a tenant from `since` on, oldest first, at most `limit`. */
  auditSince(tenantId: string, since: string, limit: number): Promise<AuditEntry[]>;
  /** Where reading the audit log for events stopped last time. */
  getCheckpoint(tenantId: string): Promise<string | null>;
  putCheckpoint(tenantId: string, at: string): Promise<void>;
}

/**
 * What a delivery attempt came to. Deliberately coarse (ADR 0036): `refused` is every address
 * Kindling will not connect to, `unreachable` every failure to get an answer (DNS, connection,
 * TLS, time-out) — so outcomes say nothing about what lies inside Kindling's network.
 */
export type TransportResult = { kind: 'answered'; status: number } | { kind: 'refused' } | { kind: 'unreachable' };

/** POSTs a signed body to a public address (or loopback, when allowed). */
export type WebhookTransport = (
  url: string,
  body: string,
  headers: Record<string, string>,
  policy: { allowLoopback: boolean },
) => Promise<TransportResult>;

export const MAX_SUBSCRIPTIONS = 10;
export const MAX_DELIVERY_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 60_000;
const BACKOFF_MAX_MS = 6 * 3_600_000;
/** A claimed delivery not settled within this time (the sender died) is due again. Well over the transport's 10 s. */
export const DELIVERY_LEASE_MS = 2 * 60_000;
/** How long the old secret keeps signing after a rotation, unless the caller says otherwise; at most a week. */
export const DEFAULT_SECRET_OVERLAP_HOURS = 24;
const MAX_SECRET_OVERLAP_HOURS = 7 * 24;
/** The audit index is eventually consistent: each read goes back this far and relies on delivery ids to skip repeats. */
export const AUDIT_OVERLAP_MS = 5 * 60_000;

/** The uniform errors partners see (never a socket error's text, which can name internal addresses). */
export const DELIVERY_ERRORS = {
  refused: 'address not allowed',
  unreachable: 'no answer',
} as const;

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
    // The URL parser has already turned decimal, octal and hex IPv4 spellings into dotted quads.
    const host = parsed.hostname.replace(/^\[|\]$/g, '');
    const literal = classifyAddress(host);
    const loopback = literal === 'loopback' || (literal === null && isLocalName(host));
    if (parsed.protocol !== 'https:' && !(allowLoopback && loopback && parsed.protocol === 'http:')) {
      checks.fail('input.url', 'https', allowLoopback ? 'must use https (or http://127.0.0.1 locally)' : 'must use https');
    }
    if (parsed.username || parsed.password) checks.fail('input.url', 'credentials', 'must not carry a user name or password');
    if (loopback ? !allowLoopback : literal === 'internal') checks.fail('input.url', 'address', 'must be a public address');
  }
  const events = [...new Set(input.events)];
  if (events.length === 0) checks.fail('input.events', 'required', 'choose at least one event');
  for (const e of events) {
    if (!(WEBHOOK_EVENTS as readonly string[]).includes(e)) checks.fail('input.events', 'oneOf', `"${e}" is not an event`);
  }
  const description = checks.optionalText('input.description', input.description, 200);
  return { url, events: events as WebhookEvent[], description };
}

/**
 * A name that resolves to an internal address is refused when it is registered (e.g.
 * `127.0.0.1.nip.io`). A name that does not resolve yet is accepted: every delivery checks the
 * address it connects to again, which is the check that matters (DNS can change after this one).
 */
async function checkResolved(deps: Pick<WebhookDeps, 'resolveHost' | 'allowLoopbackWebhooks'>, url: string): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (classifyAddress(host) !== null) return;
  let found: { address: string }[] = [];
  try {
    found = await deps.resolveHost(host);
  } catch {
    return;
  }
  if (found.some((a) => !addressAllowed(a.address, deps.allowLoopbackWebhooks))) {
    const checks = new Checks();
    checks.fail('input.url', 'address', 'must be a public address');
    checks.done();
  }
}

export interface WebhookDeps {
  webhooks: WebhookStore;
  newId: () => string;
  /** Local development only (`npm start`): http and https to loopback endpoints. Never on in AWS. */
  allowLoopbackWebhooks: boolean;
  resolveHost: ResolveHost;
  webhookTransport: WebhookTransport;
}

/** The subscription without its secrets: what every read returns. */
export type PublicSubscription = Omit<WebhookSubscription, 'secret' | 'previousSecret'>;
const withoutSecret = ({ secret: _secret, previousSecret: _previous, ...rest }: WebhookSubscription): PublicSubscription => rest;
const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

export async function createSubscription(
  deps: WebhookDeps,
  scope: Scope,
  input: WebhookInput,
): Promise<{ subscription: PublicSubscription; secret: string }> {
  requireWebhookAccess(scope.actor, 'manage webhooks');
  const checks = new Checks();
  const fields = checkInput(checks, input, deps.allowLoopbackWebhooks);
  checks.done();
  await checkResolved(deps, fields.url);
  // A fast, friendly refusal; the counter in the store's transaction is what enforces the cap.
  const existing = await deps.webhooks.allSubscriptions(scope.tenantId);
  if (existing.length >= MAX_SUBSCRIPTIONS)
    throw new DomainError(ErrorCode.CONFLICT, 'conflict.tooManyWebhooks', { max: MAX_SUBSCRIPTIONS });
  const stamp = scope.now.toISOString();
  const sub: WebhookSubscription = {
    id: deps.newId(),
    tenantId: scope.tenantId,
    ...fields,
    active: input.active ?? true,
    secret: newSecret(),
    lastDelivery: null,
    createdAt: stamp,
    updatedAt: stamp,
    version: 1,
  };
  // The audit entry never holds the secret.
  const audit = auditEntry(scope, deps.newId, 'webhook.create', { type: 'WebhookSubscription', id: sub.id }, null, withoutSecret(sub));
  await deps.webhooks.createSubscription(sub, audit, { max: MAX_SUBSCRIPTIONS, existing: existing.length });
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

async function currentSubscription(deps: Pick<WebhookDeps, 'webhooks'>, scope: Scope, id: string, expectedVersion?: number) {
  const current = await deps.webhooks.getSubscription(scope.tenantId, id);
  if (!current) throw notFound('WebhookSubscription');
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw versionConflict('webhook subscription');
  return current;
}

export async function updateSubscription(
  deps: WebhookDeps,
  scope: Scope,
  id: string,
  expectedVersion: number,
  input: WebhookInput,
): Promise<PublicSubscription> {
  requireWebhookAccess(scope.actor, 'manage webhooks');
  const current = await currentSubscription(deps, scope, id, expectedVersion);
  const checks = new Checks();
  const fields = checkInput(checks, input, deps.allowLoopbackWebhooks);
  checks.done();
  if (fields.url !== current.url) await checkResolved(deps, fields.url);
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
  const current = await currentSubscription(deps, scope, id, expectedVersion);
  await deps.webhooks.deleteSubscription(
    current,
    auditEntry(scope, deps.newId, 'webhook.delete', { type: 'WebhookSubscription', id }, withoutSecret(current), null),
  );
  return true;
}

/**
 * A new signing secret, shown once. For `overlapHours` the old one keeps signing too: each delivery
 * then carries two `v1` signatures, so the partner app can switch secrets without losing one.
 */
export async function rotateSecret(
  deps: WebhookDeps,
  scope: Scope,
  id: string,
  expectedVersion: number,
  overlapHours: number = DEFAULT_SECRET_OVERLAP_HOURS,
): Promise<{ subscription: PublicSubscription; secret: string }> {
  requireWebhookAccess(scope.actor, 'manage webhooks');
  const checks = new Checks();
  if (!Number.isInteger(overlapHours) || overlapHours < 0 || overlapHours > MAX_SECRET_OVERLAP_HOURS) {
    checks.fail('overlapHours', 'range', `must be a whole number of hours from 0 to ${MAX_SECRET_OVERLAP_HOURS}`);
  }
  checks.done();
  const current = await currentSubscription(deps, scope, id, expectedVersion);
  const next: WebhookSubscription = {
    ...current,
    secret: newSecret(),
    previousSecret: overlapHours > 0 ? current.secret : null,
    previousSecretExpiresAt: overlapHours > 0 ? new Date(scope.now.getTime() + overlapHours * 3_600_000).toISOString() : null,
    updatedAt: scope.now.toISOString(),
    version: current.version + 1,
  };
  const audit = auditEntry(
    scope,
    deps.newId,
    'webhook.rotate_secret',
    { type: 'WebhookSubscription', id },
    withoutSecret(current),
    withoutSecret(next),
  );
  await deps.webhooks.replaceSubscription(next, current, audit);
  return { subscription: withoutSecret(next), secret: next.secret };
}

export async function listDeliveries(
  deps: Pick<WebhookDeps, 'webhooks'>,
  scope: Scope,
  subscriptionId: string,
  filter: DeliveryFilter & { eventId: string | null },
  page: PageRequest,
): Promise<Page<WebhookDelivery>> {
  requireWebhookAccess(scope.actor, 'read webhooks');
  if (filter.eventId !== null) {
    // A delivery's id is derived from its subscription and event: the event id names one item.
    const found = await deps.webhooks.getDelivery(scope.tenantId, subscriptionId, deliveryId(subscriptionId, filter.eventId));
    const items = found && (filter.status === null || found.status === filter.status) ? [found] : [];
    return { items, positions: items.map(() => ''), after: null };
  }
  return deps.webhooks.listDeliveries(scope.tenantId, subscriptionId, { status: filter.status }, page);
}

/**
 * Sends a PING to the subscription now and answers with the outcome (no retries: it is a test).
 * The ping shows in the delivery log like any delivery.
 */
export async function pingSubscription(deps: WebhookDeps, scope: Scope, id: string): Promise<WebhookDelivery> {
  requireWebhookAccess(scope.actor, 'manage webhooks');
  const sub = await currentSubscription(deps, scope, id);
  const stamp = scope.now.toISOString();
  const eventId = `ping_${deps.newId()}`;
  const body = JSON.stringify({ id: eventId, type: 'PING', occurredAt: stamp, tenant: scope.tenantId, data: { subscription: id } });
  const pending: WebhookDelivery = {
    id: deliveryId(sub.id, eventId),
    tenantId: scope.tenantId,
    subscriptionId: sub.id,
    eventId,
    event: 'PING',
    body,
    status: 'PENDING',
    attempts: 0,
    nextAttemptAt: stamp,
    lastAttemptAt: null,
    lastHttpStatus: null,
    lastError: null,
    createdAt: stamp,
  };
  const { next, outcome } = await attemptOnce(deps, sub, pending, scope.now, 1);
  await deps.webhooks.recordDelivery(next, outcome);
  return next;
}

/**
 * Sends a FAILED delivery again now, with a fresh set of attempts (the same delivery id, so a
 * partner that got it after all can still deduplicate). If this attempt fails too, the usual
 * back-off follows.
 */
export async function redeliver(deps: WebhookDeps, scope: Scope, subscriptionId: string, id: string): Promise<WebhookDelivery> {
  requireWebhookAccess(scope.actor, 'manage webhooks');
  const sub = await currentSubscription(deps, scope, subscriptionId);
  const delivery = await deps.webhooks.getDelivery(scope.tenantId, subscriptionId, id);
  if (!delivery) throw notFound('WebhookDelivery');
  const reopened = await deps.webhooks.reopenDelivery(delivery, scope.now.toISOString());
  if (!reopened)
    throw new DomainError(ErrorCode.CONFLICT, 'conflict.state', { type: 'webhook delivery', from: delivery.status, to: 'PENDING' });
  if (!sub.active) return reopened;
  const settled = await attemptClaimed(deps, sub, reopened, scope.now);
  return settled ?? reopened;
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
    case 'circle.start':
      return {
        ...base,
        type: 'CIRCLE_STARTED',
        data: { circle: ref('Circle'), mentorship: globalId('Mentorship', String(changed(entry, 'firstPlace') ?? '')) },
      };
    case 'circle.meeting': {
      // Ids and a count: the meeting's topics and notes stay in the circle.
      const meeting = changed(entry, 'meeting') as { id?: string; heldAt?: string; attendees?: string[] } | undefined;
      return {
        ...base,
        type: 'GROUP_MEETING_LOGGED',
        data: {
          circle: ref('Circle'),
          meeting: globalId('GroupMeeting', meeting?.id ?? ''),
          heldAt: meeting?.heldAt ?? null,
          attendees: meeting?.attendees?.length ?? 0,
        },
      };
    }
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
  const { mentorshipId, circleId, ...rest } = e.data;
  return {
    id: e.id,
    type: e.type,
    occurredAt: e.occurredAt,
    tenant: tenantId,
    data: {
      ...(mentorshipId ? { mentorship: globalId('Mentorship', String(mentorshipId)) } : {}),
      ...(circleId ? { circle: globalId('Circle', String(circleId)) } : {}),
      ...rest,
    },
  };
}

export const deliveryId = (subscriptionId: string, eventId: string): string =>
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
  sub: Pick<WebhookSubscription, 'secret' | 'previousSecret' | 'previousSecretExpiresAt'>,
  now: Date,
  delivery: Pick<WebhookDelivery, 'id' | 'event' | 'body'>,
): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  let signature = `t=${timestamp},v1=${sign(sub.secret, timestamp, delivery.body)}`;
  // During a rotation's overlap the old secret signs too: a partner accepts the delivery if any v1 matches.
  if (sub.previousSecret && sub.previousSecretExpiresAt && sub.previousSecretExpiresAt > now.toISOString()) {
    signature += `,v1=${sign(sub.previousSecret, timestamp, delivery.body)}`;
  }
  return {
    'content-type': 'application/json',
    'user-agent': 'Kindling-Webhooks/1',
    'kindling-event': delivery.event,
    'kindling-delivery': delivery.id,
    'kindling-signature': signature,
  };
}

export const backoffMs = (attempts: number): number => Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (attempts - 1));

export interface DispatchResult {
  events: number;
  deliveriesQueued: number;
  delivered: number;
  retrying: number;
  failed: number;
  /** Due deliveries another sender had claimed first (a concurrent run): theirs to send. */
  skipped: number;
}

export const emptyDispatch = (): DispatchResult => ({ events: 0, deliveriesQueued: 0, delivered: 0, retrying: 0, failed: 0, skipped: 0 });

type SendDeps = Pick<WebhookDeps, 'webhooks' | 'webhookTransport' | 'allowLoopbackWebhooks'>;

/** One POST and what it means for the delivery: delivered, another attempt after the back-off, or failed for good. */
async function attemptOnce(
  deps: SendDeps,
  sub: WebhookSubscription,
  d: WebhookDelivery,
  now: Date,
  maxAttempts = MAX_DELIVERY_ATTEMPTS,
): Promise<{ next: WebhookDelivery; outcome: DeliveryOutcome }> {
  const attempts = d.attempts + 1;
  const sent = await deps.webhookTransport(sub.url, d.body, signatureHeaders(sub, now, d), { allowLoopback: deps.allowLoopbackWebhooks });
  const httpStatus = sent.kind === 'answered' ? sent.status : null;
  const error =
    sent.kind === 'answered' ? (sent.status >= 200 && sent.status < 300 ? null : `HTTP ${sent.status}`) : DELIVERY_ERRORS[sent.kind];
  const status: DeliveryStatus = error === null ? 'DELIVERED' : attempts >= maxAttempts ? 'FAILED' : 'PENDING';
  const stamp = now.toISOString();
  const next: WebhookDelivery = {
    ...d,
    status,
    attempts,
    lastAttemptAt: stamp,
    lastHttpStatus: httpStatus,
    lastError: error,
    nextAttemptAt: status === 'PENDING' ? new Date(now.getTime() + backoffMs(attempts)).toISOString() : d.nextAttemptAt,
  };
  return { next, outcome: { at: stamp, status, httpStatus, error, event: d.event } };
}

/**
 * Claims a due delivery, sends it, records the outcome. Null when another sender claimed it first
 * (or took it over after this one's lease ran out): it is theirs, and nothing here fails.
 */
async function attemptClaimed(deps: SendDeps, sub: WebhookSubscription, d: WebhookDelivery, now: Date): Promise<WebhookDelivery | null> {
  const leaseUntil = new Date(now.getTime() + DELIVERY_LEASE_MS).toISOString();
  if (!(await deps.webhooks.claimDelivery(d, leaseUntil))) return null;
  const claimed: WebhookDelivery = { ...d, nextAttemptAt: leaseUntil };
  const { next, outcome } = await attemptOnce(deps, sub, claimed, now);
  return (await deps.webhooks.settleDelivery(next, claimed, outcome)) ? next : null;
}

/**
 * Attempts every delivery of a tenant that is due. Safe to run concurrently (the engagement job,
 * the minute retry job, a redelivery): each delivery is claimed before it is sent, so two senders
 * never both POST it; a sender that dies leaves a lease that runs out (ADR 0037).
 */
export async function deliverDue(
  deps: SendDeps,
  tenantId: string,
  now: Date,
  result: DispatchResult = emptyDispatch(),
): Promise<DispatchResult> {
  const due = await deps.webhooks.dueDeliveries(tenantId, now.toISOString(), 500);
  if (due.length === 0) return result;
  const byId = new Map((await deps.webhooks.allSubscriptions(tenantId)).map((s) => [s.id, s]));
  // A paused subscription's deliveries wait for it to resume.
  const queue = due.filter((d) => byId.get(d.subscriptionId)?.active !== false);
  const attempt = async (d: WebhookDelivery) => {
    const sub = byId.get(d.subscriptionId);
    if (!sub) {
      // Deleted since: its deliveries end here.
      const leaseUntil = new Date(now.getTime() + DELIVERY_LEASE_MS).toISOString();
      if (!(await deps.webhooks.claimDelivery(d, leaseUntil))) {
        result.skipped++;
        return;
      }
      const error = 'subscription deleted';
      await deps.webhooks.settleDelivery(
        { ...d, status: 'FAILED', lastError: error },
        { ...d, nextAttemptAt: leaseUntil },
        {
          at: now.toISOString(),
          status: 'FAILED',
          httpStatus: null,
          error,
          event: d.event,
        },
      );
      result.failed++;
      return;
    }
    const next = await attemptClaimed(deps, sub, d, now);
    if (!next) result.skipped++;
    else if (next.status === 'DELIVERED') result.delivered++;
    else if (next.status === 'FAILED') result.failed++;
    else result.retrying++;
  };
  // Eight endpoints' worth at a time: one slow partner does not hold up the rest for long.
  let i = 0;
  await Promise.all(
    Array.from({ length: Math.min(8, queue.length) }, async () => {
      while (i < queue.length) await attempt(queue[i++] as WebhookDelivery);
    }),
  );
  return result;
}

/**
 * Turns the tenant's new audit entries and the engagement job's events into deliveries, then
 * attempts every delivery that is due. A crash anywhere repeats work on the next run, never
 * duplicates it: deliveries have deterministic ids and the checkpoint moves only after they are written.
 */
export async function dispatchWebhooks(
  deps: SendDeps,
  tenantId: string,
  now: Date,
  planned: EventEnvelope[],
  globalId: (type: string, id: string) => string,
): Promise<DispatchResult> {
  const result = emptyDispatch();
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
  result.deliveriesQueued = await queueDeliveries(deps, subs, events, now);
  const last = entries.at(-1)?.at;
  if (last && last > checkpoint) await deps.webhooks.putCheckpoint(tenantId, last);
  return deliverDue(deps, tenantId, now, result);
}

/**
 * One delivery per subscription and event, written once (deterministic ids): what a program's
 * engagement unit does with the events its plan raised, without waiting for the tenant's dispatch.
 * Only subscriptions that existed when the event happened receive it.
 */
export async function queueDeliveries(
  deps: Pick<SendDeps, 'webhooks'>,
  subscriptions: WebhookSubscription[] | string,
  events: EventEnvelope[],
  now: Date,
): Promise<number> {
  if (events.length === 0) return 0;
  const subs = typeof subscriptions === 'string' ? await deps.webhooks.allSubscriptions(subscriptions) : subscriptions;
  if (subs.length === 0) return 0;
  const subCreated = new Map(subs.map((s) => [s.id, s.createdAt]));
  const occurred = new Map(events.map((e) => [e.id, e.occurredAt]));
  const deliveries = deliveriesFor(subs, events, now).filter(
    (d) => (occurred.get(d.eventId) ?? '') >= (subCreated.get(d.subscriptionId) ?? '~'),
  );
  return deps.webhooks.enqueueDeliveries(deliveries);
}
