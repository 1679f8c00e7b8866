import { createHash } from 'node:crypto';
import type { Scope } from '#domain/kernel/actors.ts';
import { requireRole } from '#domain/kernel/actors.ts';
import type { Page, PageRequest } from '#domain/kernel/pages.ts';
import type { PlannedLink, RenderedLink } from './links.ts';
import { type Locale, type Rendered, render, type Template } from './templates.ts';

/** Who a message is for: a participant (quiet hours in their zone, counted against their weekly cap) or the program's manager. */
export interface Recipient {
  kind: 'PERSON' | 'MANAGER';
  personId: string | null;
  name: string;
  /** Null for a manager without an e-mail address: the console shows the message, nothing is mailed. */
  email: string | null;
  timeZone: string;
  locale: Locale;
}

export type MessageStatus = 'PENDING' | 'SENDING' | 'SENT' | 'FAILED';

/** One message in the outbox. */
export interface OutboxMessage {
  /** Derived from `dedupeKey`: the same logical message always has the same id. */
  id: string;
  /** What makes the message unique, e.g. `nudge-due|<pair>|<day>|MENTOR`. */
  dedupeKey: string;
  tenantId: string;
  programId: string;
  template: Template;
  recipient: Recipient;
  /** What the template fills in (names, dates, counts). */
  data: Record<string, string | number>;
  /** The one-click actions its e-mail offers (ADR 0059): kinds and targets only; the links are made at sending. */
  links?: PlannedLink[];
  status: MessageStatus;
  attempts: number;
  /** Not sent before this instant (quiet hours, the weekly cap, a retry's back-off, a sending lease). */
  notBefore: string;
  /** Why it waits, when it was held back: `QUIET_HOURS`, `WEEKLY_CAP`, `RETRY`. */
  deferredReason: string | null;
  channel: string | null;
  sentAt: string | null;
  lastError: string | null;
  createdAt: string;
}

/** A logical key → a short id that fits a global id (`[A-Za-z0-9_-]{1,64}`). */
export const messageId = (dedupeKey: string): string => `m${createHash('sha256').update(dedupeKey).digest('base64url').slice(0, 27)}`;

/**
 * The outbox: every message goes through it (ADR 0020). Planning writes a message once under its
 * deterministic id; the sender takes due messages, holds back what would break quiet hours or a
 * person's weekly cap (deferred, never dropped), delivers through a channel and records the outcome.
 */
export interface OutboxFilter {
  programId?: string | null;
  status?: MessageStatus | null;
  template?: Template | null;
}

export type ClaimResult = 'CLAIMED' | 'CAPPED' | 'GONE';

export interface ClaimRequest {
  message: OutboxMessage;
  leaseUntil: string;
  /** For a person: the week it counts against, and the most it may hold. */
  cap: { personId: string; week: string; limit: number } | null;
  /** When the recipient's next week starts: a capped message waits until then. */
  nextWeekStarts: string;
}

export interface OutboxStore {
  /** Writes each message unless one with its id exists (never overwrites one already sent); returns how many were new. */
  enqueue(messages: OutboxMessage[]): Promise<number>;
  /** Which of these message ids are in the outbox already. */
  existing(tenantId: string, ids: string[]): Promise<Set<string>>;
  /** Messages whose `notBefore` has passed, oldest first (pending ones, and sending ones whose lease ran out). */
  dueMessages(tenantId: string, now: string, limit: number): Promise<OutboxMessage[]>;
  /**
   * Takes a due message for sending until `leaseUntil` and, for a person, counts it against their
   * week (`cap`); CAPPED when the week is full (nothing changed), GONE when another sender took it.
   */
  claim(message: OutboxMessage, leaseUntil: string, cap: { personId: string; week: string; limit: number } | null): Promise<ClaimResult>;
  /** {@link claim} for many messages in few round trips; the outcomes in the requests' order. */
  claimMany(requests: ClaimRequest[]): Promise<ClaimResult[]>;
  /** Records the outcome of a claimed message (sent, failed, or back to pending with a new `notBefore`). */
  settle(next: OutboxMessage, refund: { personId: string; week: string } | null): Promise<void>;
  /** {@link settle} without refunds for many messages in few round trips; one another sender took over meanwhile is left to it. */
  settleMany(next: OutboxMessage[]): Promise<void>;
  /** Moves a due message's `notBefore` without sending it (quiet hours, weekly cap). */
  defer(next: OutboxMessage, previousNotBefore: string): Promise<void>;
  /** {@link defer} for many messages in few round trips; one another sender took meanwhile is left to it. */
  deferMany(deferrals: { next: OutboxMessage; was: string }[]): Promise<void>;
  getMessage(tenantId: string, id: string): Promise<OutboxMessage | null>;
  listMessages(tenantId: string, filter: OutboxFilter, page: PageRequest): Promise<Page<OutboxMessage>>;
}

/** Delivers a rendered message: SES in AWS, a mailbox folder locally. */
export interface MessageChannel {
  readonly name: string;
  deliver(message: OutboxMessage, rendered: Rendered): Promise<void>;
  /** Removes what the channel kept of these messages, when it keeps anything (erasure; the local mailbox). */
  forget?(messageIds: readonly string[]): Promise<void>;
}

/** Attempts before a message is marked FAILED; between them the wait doubles from a minute. */
export const MAX_ATTEMPTS = 5;
const RETRY_BASE_MS = 60_000;
/** A claimed message not settled within this time (the sender died) is due again. */
export const SENDING_LEASE_MS = 10 * 60_000;

interface LocalTime {
  hour: number;
  minute: number;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  date: string;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();
/** The local time of the last few (zone, minute) asked: a send batch asks the same minute thousands of times. */
const recent = new Map<string, LocalTime>();

/** The wall-clock time in `timeZone` at `at`, to the minute. */
export function localTime(at: Date, timeZone: string): LocalTime {
  const minute = Math.floor(at.getTime() / 60_000);
  const cacheKey = `${timeZone}|${minute}`;
  const known = recent.get(cacheKey);
  if (known) return known;
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  const local = {
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday ?? 'Mon'] ?? 1,
    date: `${parts.year}-${parts.month}-${parts.day}`,
  };
  if (recent.size >= 1000) recent.clear();
  recent.set(cacheKey, local);
  return local;
}

/** When quiet hours (local `start` to `end`) hold at `at`, the instant they end; otherwise null. */
export function quietUntil(at: Date, timeZone: string, start: number, end: number): Date | null {
  if (start === end) return null;
  const { hour, minute } = localTime(at, timeZone);
  const quiet = start < end ? hour >= start && hour < end : hour >= start || hour < end;
  if (!quiet) return null;
  const minutes = (end * 60 - (hour * 60 + minute) + 1440) % 1440;
  return new Date(at.getTime() + minutes * 60_000);
}

/** The local week a message counts against (its Monday), and when the next one starts. */
export function weekOf(at: Date, timeZone: string): { week: string; nextWeekStarts: Date } {
  const t = localTime(at, timeZone);
  const monday = new Date(Date.parse(`${t.date}T00:00:00Z`) - (t.weekday - 1) * 86_400_000).toISOString().slice(0, 10);
  const minutesToNext = (8 - t.weekday) * 1440 - (t.hour * 60 + t.minute);
  return { week: monday, nextWeekStarts: new Date(at.getTime() + minutesToNext * 60_000) };
}

export interface SendResult {
  sent: number;
  failed: number;
  retried: number;
  deferredQuietHours: number;
  deferredCap: number;
}

export interface SenderDeps {
  outbox: OutboxStore;
  channel: MessageChannel;
  /** Quiet hours and the weekly cap of each program (engagement settings). */
  settingsOf: (programId: string) => Promise<{ quietHoursStart: number; quietHoursEnd: number; weeklyCap: number }>;
  /** Makes the action links the e-mails of a batch carry, by message id (ADR 0059); absent: e-mails carry none. */
  links?: (messages: OutboxMessage[], now: Date) => Promise<Map<string, RenderedLink[]>>;
  /** Called with the number of messages handled so far (a benchmark's progress bar). */
  progress?: (handled: number) => void;
}

/** Messages of one tenant handed to the channel at once. */
const SEND_CONCURRENCY = 32;

/**
 * Sends a tenant's due messages. Safe to run concurrently and after a crash: a message is claimed
 * before it is sent, so two senders never both send it; a sender that dies leaves a lease that
 * runs out, and the message is sent on a later run (at least once: see ADR 0020). Claims and
 * outcomes are written for a batch at a time (`claimMany`, `settleMany`): a first day's thousands
 * of messages cost tens of round trips, not three per message (issue #18.3).
 */
export async function sendDue(deps: SenderDeps, tenantId: string, now: Date, batch = 200): Promise<SendResult> {
  const result: SendResult = { sent: 0, failed: 0, retried: 0, deferredQuietHours: 0, deferredCap: 0 };
  const stamp = now.toISOString();
  const leaseUntil = new Date(now.getTime() + SENDING_LEASE_MS).toISOString();
  let handled = 0;
  const done = (n: number) => {
    handled += n;
    deps.progress?.(handled);
  };
  for (;;) {
    const due = await deps.outbox.dueMessages(tenantId, stamp, batch);
    if (due.length === 0) break;
    const claims: ClaimRequest[] = [];
    const deferrals: { next: OutboxMessage; was: string }[] = [];
    for (const message of due) {
      const settings = await deps.settingsOf(message.programId);
      const r = message.recipient;
      const quiet = quietUntil(now, r.timeZone, settings.quietHoursStart, settings.quietHoursEnd);
      if (quiet) {
        deferrals.push({
          next: { ...message, status: 'PENDING', notBefore: quiet.toISOString(), deferredReason: 'QUIET_HOURS' },
          was: message.notBefore,
        });
        result.deferredQuietHours++;
        continue;
      }
      const { week, nextWeekStarts } = weekOf(now, r.timeZone);
      const cap = r.kind === 'PERSON' && r.personId ? { personId: r.personId, week, limit: settings.weeklyCap } : null;
      claims.push({ message, leaseUntil, cap, nextWeekStarts: nextWeekStarts.toISOString() });
    }
    const outcomes = await deps.outbox.claimMany(claims);
    const claimed: ClaimRequest[] = [];
    claims.forEach((c, i) => {
      const outcome = outcomes[i];
      if (outcome === 'CLAIMED') claimed.push(c);
      else if (outcome === 'CAPPED') {
        deferrals.push({
          next: { ...c.message, status: 'PENDING', notBefore: c.nextWeekStarts, deferredReason: 'WEEKLY_CAP' },
          was: c.message.notBefore,
        });
        result.deferredCap++;
      }
    });
    await deps.outbox.deferMany(deferrals);
    done(due.length - claimed.length);
    const settled: OutboxMessage[] = [];
    const refunded: { next: OutboxMessage; refund: { personId: string; week: string } | null }[] = [];
    // The batch's action links in one write, not one per message; if that fails, each message fails
    // its attempt below and is retried (the links made meanwhile expire unused).
    let links = new Map<string, RenderedLink[]>();
    let linksFailed: unknown = null;
    const linked = claimed.map((c) => c.message).filter((m) => m.recipient.email && m.links?.length);
    if (deps.links && linked.length > 0) {
      try {
        links = await deps.links(linked, now);
      } catch (e) {
        linksFailed = e;
      }
    }
    await inChunks(claimed, SEND_CONCURRENCY, async ({ message, cap }) => {
      const r = message.recipient;
      const sending: OutboxMessage = { ...message, status: 'SENDING', notBefore: leaseUntil };
      const attempts = message.attempts + 1;
      try {
        if (r.email) {
          if (linksFailed && message.links?.length) throw linksFailed;
          await deps.channel.deliver(sending, render(message, links.get(message.id) ?? []));
        }
        settled.push({
          ...sending,
          status: 'SENT',
          attempts,
          sentAt: stamp,
          channel: r.email ? deps.channel.name : 'console',
          lastError: null,
          deferredReason: null,
        });
        result.sent++;
      } catch (e) {
        const error = e instanceof Error ? e.message.slice(0, 500) : String(e).slice(0, 500);
        const failed = attempts >= MAX_ATTEMPTS;
        refunded.push({
          next: {
            ...sending,
            status: failed ? 'FAILED' : 'PENDING',
            attempts,
            lastError: error,
            deferredReason: failed ? null : 'RETRY',
            notBefore: new Date(now.getTime() + RETRY_BASE_MS * 2 ** (attempts - 1)).toISOString(),
          },
          refund: cap ? { personId: cap.personId, week: cap.week } : null,
        });
        if (failed) result.failed++;
        else result.retried++;
      }
    });
    await deps.outbox.settleMany(settled);
    // A refused message gives its place in the week back: rare, one at a time.
    await inChunks(refunded, SEND_CONCURRENCY, (f) => deps.outbox.settle(f.next, f.refund));
    done(claimed.length);
    if (due.length < batch) break;
  }
  return result;
}

/** Runs `work` over `items`, at most `n` at once. */
async function inChunks<T>(items: T[], n: number, work: (item: T) => Promise<void>): Promise<void> {
  await Promise.all(
    chunks(items, n).map(async (part) => {
      for (const item of part) await work(item);
    }),
  );
}

function chunks<T>(items: T[], n: number): T[][] {
  const out: T[][] = Array.from({ length: Math.min(n, items.length) }, () => []);
  items.forEach((item, i) => {
    out[i % out.length]?.push(item);
  });
  return out;
}

/** The console's Notifications page: what was sent, or would have been, with its status. */
export function listNotifications(deps: { outbox: OutboxStore }, scope: Scope, filter: OutboxFilter, page: PageRequest) {
  requireRole(scope.actor, 'read notifications', 'manager');
  return deps.outbox.listMessages(scope.tenantId, filter, page);
}
