import { mintLinks } from '#domain/engagement/actionLinks.ts';
import type { Attention } from '#domain/engagement/attention.ts';
import { messageId, type OutboxMessage, type SendResult, sendDue } from '#domain/engagement/outbox.ts';
import { planProgramDay, toOutbox, unresponsiveMentors } from '#domain/engagement/planning.ts';
import type { Template } from '#domain/engagement/templates.ts';
import { dispatchWebhooks, type EventEnvelope, plannedEnvelope, queueDeliveries } from '#domain/engagement/webhooks.ts';
import type { Actor, Scope } from '#domain/kernel/actors.ts';
import { auditEntry } from '#domain/kernel/audit.ts';
import { DomainError, ErrorCode, notFound } from '#domain/kernel/errors.ts';
import { allPages } from '#domain/kernel/pages.ts';
import { DAY_MS, type Health, pairHealth } from '#domain/mentorships/health.ts';
import type { MatchProposal } from '#domain/mentorships/proposals.ts';
import { expireRequests } from '#domain/mentorships/requests.ts';
import type { MatchingProfile } from '#domain/people/people.ts';
import { type EngagementSettings, engagementOf } from '#domain/programs/engagementSettings.ts';
import { kindOf } from '#domain/programs/kinds.ts';
import { type Program, pairingOf } from '#domain/programs/programs.ts';
import type { Tenant } from '#domain/tenancy/tenants.ts';
import { inParallel } from '#lib/parallel.ts';
import type { Services } from '../serviceTypes.ts';
import { type FanOutOptions, type FanOutRun, fanOut, type TenantSteps, type UnitFailure } from './fanOut.ts';
import { dispatchForTenant, emptyWebhookRun, type WebhookRun } from './webhooks.ts';

export interface ProgramEngagement {
  programId: string;
  pairs: number;
  planned: number;
  enqueued: number;
  proposalsExpired: number;
  attention: number;
  /** The active pairs by health on the job's day (what an operator rehearsing weeks with `--at` watches move). */
  health: Record<Health, number>;
  /** The messages written to the outbox this run, by template. */
  written: Partial<Record<Template, number>>;
  /** Milliseconds spent reading, planning and writing this program. */
  ms: { read: number; plan: number; write: number };
}

export interface EngagementResult {
  tenants: number;
  programs: ProgramEngagement[];
  requestsExpired: number;
  sent: SendResult;
  webhooks: WebhookRun;
  /** Steps that failed (a tenant's open or close, or one program): reported, while the rest ran. */
  failed: UnitFailure[];
  concurrency: FanOutRun<unknown, unknown, unknown>['concurrency'];
}

export interface EngagementOptions extends FanOutOptions {
  /** Outbox writes go in chunks of this many; a crash between chunks loses nothing (the next run writes the rest). */
  chunk?: number;
  /**
   * Called as programs are planned, messages written and sent (the benchmark's progress bar); the
   * total is null for sending, whose count is not known until the last due message is read.
   */
  onProgress?: (step: string, done: number, total: number | null) => void;
}

const actorFor = (tenantId: string): Actor => ({ id: 'system:engagement', role: 'operator', tenantId, personId: null });
const scopeOf = (tenant: Tenant, now: Date): Scope => ({ tenantId: tenant.id, actor: actorFor(tenant.id), now });

/** How far back the job looks for requests, proposals and completed pairs still owed a message. */
const LOOKBACK_DAYS = 14;

export interface EngagementUnit {
  summary: ProgramEngagement;
  /** Webhook deliveries of the events this program's plan raised. */
  deliveriesQueued: number;
}

/**
 * The engagement job's steps (ADR 0065). Open: expire what is past expiry (the lifecycle sweep's own
 * code, so the order of the two schedules does not matter) and name the open or running programs.
 * Program: plan that program's day into the outbox and queue its webhook events. Close: send what is
 * due and dispatch the audit log's webhook events. Idempotent per program and day: every message and
 * delivery has a deterministic id and is written once.
 */
export function engagementSteps(
  options: Pick<EngagementOptions, 'chunk' | 'onProgress'> = {},
): TenantSteps<{ requestsExpired: number }, EngagementUnit, { sent: SendResult; webhooks: WebhookRun }> {
  return {
    async open(services, tenant, now) {
      const requestsExpired = await expireRequests(services, scopeOf(tenant, now));
      const programs = (await allPages((page) => services.programs.listPrograms(tenant.id, page), 100)).filter(
        (p) => p.status === 'OPEN' || p.status === 'RUNNING',
      );
      return { programIds: programs.map((p) => p.id), opened: { requestsExpired } };
    },

    async program(services, tenant, programId, now) {
      const program = await services.programs.getProgram(tenant.id, programId);
      if (!program) throw notFound('Program');
      const { summary, planned } = await engageProgram(services, tenant, program, scopeOf(tenant, now), options);
      return { summary, deliveriesQueued: await queueDeliveries(services, tenant.id, planned, now) };
    },

    async close(services, tenant, now) {
      const settings = new Map<string, EngagementSettings>();
      const publicUrl = await services.publicUrl();
      const sent = await sendDue(
        {
          outbox: services.outbox,
          channel: services.channel,
          settingsOf: async (programId) => {
            let s = settings.get(programId);
            if (!s) {
              s = engagementOf((await services.programs.getProgram(tenant.id, programId)) ?? {});
              settings.set(programId, s);
            }
            return s;
          },
          ...(publicUrl ? { links: (messages, at) => mintLinks(services, messages, at, publicUrl) } : {}),
          progress: (handled) => options.onProgress?.('send', handled, null),
        },
        tenant.id,
        now,
      );
      // One tenant's webhooks failing never stops the others' (issue #13.13).
      const webhooks = emptyWebhookRun();
      await dispatchForTenant(services, tenant.id, now, webhooks, (deps) => dispatchWebhooks(deps, tenant.id, now, [], services.globalId));
      return { sent, webhooks };
    },
  };
}

/**
 * The scheduled engagement job over every tenant (or the ones named), run here with bounded
 * concurrency: the same steps the Distributed Map runs in AWS.
 */
export async function runEngagement(services: Services, options: EngagementOptions = {}): Promise<EngagementResult> {
  const run = await fanOut(services, engagementSteps(options), options);
  const result: EngagementResult = {
    tenants: run.tenants.length,
    programs: [],
    requestsExpired: 0,
    sent: { sent: 0, failed: 0, retried: 0, deferredQuietHours: 0, deferredCap: 0 },
    webhooks: emptyWebhookRun(),
    failed: run.failed,
    concurrency: run.concurrency,
  };
  for (const t of run.tenants) {
    result.requestsExpired += t.opened?.requestsExpired ?? 0;
    for (const p of t.programs) {
      result.programs.push(p.result.summary);
      result.webhooks.deliveriesQueued += p.result.deliveriesQueued;
    }
    if (!t.closed) continue;
    for (const k of Object.keys(t.closed.sent) as (keyof SendResult)[]) result.sent[k] += t.closed.sent[k];
    const w = t.closed.webhooks;
    for (const k of Object.keys(w) as (keyof WebhookRun)[]) {
      if (k === 'tenantsFailed') result.webhooks.tenantsFailed.push(...w.tenantsFailed);
      else result.webhooks[k] += w[k];
    }
  }
  return result;
}

async function engageProgram(
  services: Services,
  tenant: Tenant,
  program: Program,
  scope: Scope,
  options: EngagementOptions,
): Promise<{ summary: ProgramEngagement; planned: EventEnvelope[] }> {
  const now = scope.now;
  const t = tenant.id;
  const progress = options.onProgress ?? (() => undefined);
  const started = Date.now();
  const since = new Date(now.getTime() - (pairingOf(program).requestExpiryDays + LOOKBACK_DAYS) * DAY_MS).toISOString();
  const completedSince = new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS).toISOString();
  const [requests, proposals, pairs, attention, circles] = await Promise.all([
    services.engagement.recentRequests(t, program.id, since),
    services.engagement.proposalsToFollow(t, program.id, since),
    services.engagement.pairsToFollow(t, program.id, completedSince),
    services.engagement.listAttention(t, program.id),
    // A group program's circles are nudged as one (a program has few: one per mentor).
    kindOf(program) === 'GROUP'
      ? allPages((page) => services.circles.listCircles(t, program.id, page), 100).then((all) => all.filter((c) => c.status === 'OPEN'))
      : Promise.resolve([]),
  ]);
  const flaggedBefore = attention.filter((a) => a.kind === 'UNRESPONSIVE_MENTOR');
  const read = Date.now();
  progress('read', pairs.length, pairs.length);

  const tenantContext = { timeZone: tenant.settings.timeZone, locale: tenant.settings.locale };
  const plan = planProgramDay({
    program,
    tenant: tenantContext,
    now,
    requests,
    proposals,
    pairs,
    flagged: new Set(flaggedBefore.map((a) => a.subjectId)),
    circles,
  });

  // Approved proposals nobody accepted in time expire, as the respond path would have done.
  let proposalsExpired = 0;
  for (const p of plan.expireProposals) {
    const expired: MatchProposal = { ...p, status: 'EXPIRED', version: p.version + 1 };
    try {
      await services.proposals.replaceProposal(
        expired,
        p,
        auditEntry(scope, services.newId, 'proposal.expire', { type: 'Proposal', id: p.id }, p, expired),
      );
      proposalsExpired++;
    } catch (e) {
      if (!(e instanceof DomainError && e.code === ErrorCode.CONFLICT)) throw e;
    }
  }

  // Mentor signals are sets: a re-run adds nothing twice. Reaching the threshold flags the mentor.
  const totals = new Map<string, { name: string; count: number }>();
  const sizes = await services.engagement.addSignalsMany(
    t,
    program.id,
    [...plan.signals].map(([mentorId, s]) => ({ mentorId, name: s.name, ids: s.ids })),
  );
  for (const [mentorId, s] of plan.signals) totals.set(mentorId, { name: s.name, count: sizes.get(mentorId) ?? 0 });
  const unresponsive = unresponsiveMentors(program, totals, now);
  // Only messages not in the outbox yet need their recipient looked up: a re-run reads ids, not people.
  const all = [...plan.messages, ...unresponsive.messages];
  const there = await services.outbox.existing(
    t,
    all.map((m) => messageId(`${t}|${m.dedupeKey}`)),
  );
  const planned = all.filter((m) => !there.has(messageId(`${t}|${m.dedupeKey}`)));
  const personIds = [...new Set(planned.flatMap((m) => (m.to === 'MANAGER' ? [] : [m.to.personId])))];
  // Projected (name, address, zone, languages and a few more): a first day reads 12,500 people.
  const people = new Map<string, MatchingProfile>();
  const idChunks: string[][] = [];
  for (let i = 0; i < personIds.length; i += 500) idChunks.push(personIds.slice(i, i + 500));
  await inParallel(idChunks, 4, async (ids) => {
    for (const [id, person] of await services.people.matchingProfiles(t, ids)) people.set(id, person);
  });
  const messages = planned
    .map((m) => toOutbox(m, { tenantId: t, program, tenant: tenantContext, now, people }))
    .filter((m): m is OutboxMessage => m !== null);
  const planDone = Date.now();

  const chunk = options.chunk ?? 500;
  let enqueued = 0;
  for (let i = 0; i < messages.length; i += chunk) {
    // Only ids `existing` found missing above: enqueue need not look them up again.
    enqueued += await services.outbox.enqueue(messages.slice(i, i + chunk), { checked: true });
    progress('write', Math.min(i + chunk, messages.length), messages.length);
  }
  const written: Partial<Record<Template, number>> = {};
  for (const m of messages) written[m.template] = (written[m.template] ?? 0) + 1;
  const health: Record<Health, number> = { ON_TRACK: 0, DUE_SOON: 0, OVERDUE: 0, NEVER_MET: 0 };
  for (const m of pairs) {
    if (m.status !== 'ACTIVE') continue;
    health[pairHealth(program.cadence, new Date(m.startedAt), m.lastContactAt ? new Date(m.lastContactAt) : null, now).status]++;
  }
  const merged = new Map<string, Attention>(flaggedBefore.map((a) => [a.subjectId, a]));
  for (const a of unresponsive.attention) merged.set(a.subjectId, { ...a, since: merged.get(a.subjectId)?.since ?? a.since });
  await services.engagement.replaceAttention(t, program.id, 'UNRESPONSIVE_MENTOR', [...merged.values()]);
  await services.engagement.replaceAttention(
    t,
    program.id,
    'OVERDUE_PAIR',
    plan.attention.filter((a) => a.kind === 'OVERDUE_PAIR'),
  );
  if (kindOf(program) === 'GROUP')
    await services.engagement.replaceAttention(
      t,
      program.id,
      'OVERDUE_CIRCLE',
      plan.attention.filter((a) => a.kind === 'OVERDUE_CIRCLE'),
    );
  const done = Date.now();
  return {
    summary: {
      programId: program.id,
      pairs: pairs.length,
      planned: all.length,
      enqueued,
      proposalsExpired,
      attention: plan.attention.length + merged.size,
      health,
      written,
      ms: { read: read - started, plan: planDone - read, write: done - planDone },
    },
    planned: plan.events.map((e) => plannedEnvelope(t, e, services.globalId)),
  };
}
