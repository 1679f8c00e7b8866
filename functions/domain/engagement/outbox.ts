import { createHash, randomUUID } from 'node:crypto';
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
  /**
   * The send group it was written with (ADR 0083): a sender claims a group, not a message, so one
   * conditional write covers up to 25 messages. Absent on messages written before groups: their own id.
   */
  sendGroup?: string;
  /** The lease owner that recorded its last outcome (ADR 0083). */
  settledBy?: string;
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

/** A person's places in one local week (the weekly cap): how many `count` messages want, at most `limit` in all. */
export interface PlacesWanted {
  personId: string;
  week: string;
  limit: number;
  count: number;
}

/** A sender's hold on the send groups it claimed (ADR 0083): who, and until when (the job's clock). */
export interface SendLease {
  owner: string;
  until: string;
  now: string;
}

/** A page of due messages and where the next one starts (null: none). */
export interface DuePage {
  messages: OutboxMessage[];
  next: string | null;
}

/** The send group a message is claimed with: the one written with it, or (messages from before groups) its own id. */
export const groupOf = (m: OutboxMessage): string => m.sendGroup ?? m.id;

/** A weekly-cap counter's name: one person, one local week. */
export const placeKey = (personId: string, week: string): string => `${personId}|${week}`;

export interface OutboxStore {
  /**
   * Writes each message unless one with its id exists (never overwrites one already sent); returns how
   * many were new. Writes each new one with its send group (up to 25 messages written together).
   * `checked`: the caller has just asked {@link existing} about these ids and passes only missing
   * ones, so the store skips its own look-up (the conditional writes still keep each message once).
   */
  enqueue(messages: OutboxMessage[], options?: { checked?: boolean }): Promise<number>;
  /** Which of these message ids are in the outbox already. */
  existing(tenantId: string, ids: string[]): Promise<Set<string>>;
  /** Messages whose `notBefore` has passed, by `notBefore` and send group; `after` continues a previous page. */
  dueMessages(tenantId: string, now: string, limit: number, after?: string | null): Promise<DuePage>;
  /**
   * Claims these send groups for `lease.owner` until `lease.until`: each where no lease is held, the
   * held one ran out (before `lease.now`) or the owner holds it already. Returns the groups claimed.
   */
  claimGroups(tenantId: string, groups: string[], lease: SendLease): Promise<Set<string>>;
  /** Of these groups, the ones `owner` still holds (strongly consistent): the check before recording outcomes. */
  stillHeld(tenantId: string, groups: string[], owner: string): Promise<Set<string>>;
  /** Gives up the groups `owner` holds (a group another sender took over is left to it). */
  release(tenantId: string, groups: string[], owner: string): Promise<void>;
  /** These messages as stored now (strongly consistent), in no particular order; missing ones left out. */
  current(tenantId: string, ids: string[]): Promise<OutboxMessage[]>;
  /**
   * Takes places in people's weeks: for each, as many of `count` as the counter allows under `limit`,
   * each counter raised once, under a condition that keeps it ≤ `limit`. Returns the places taken by
   * {@link placeKey}.
   */
  takePlaces(tenantId: string, wanted: PlacesWanted[]): Promise<Map<string, number>>;
  /** Gives places back (a message refused by the channel, or not sent in time). */
  refundPlaces(tenantId: string, refunds: { personId: string; week: string; count: number }[]): Promise<void>;
  /**
   * Records the outcomes of a claimed group's messages (sent, failed, back to pending with a new
   * `notBefore`) without conditions, in batches, marked with the lease owner. Callers check
   * {@link stillHeld} first.
   */
  record(messages: OutboxMessage[], owner: string): Promise<void>;
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

/** Whether the local hour `hour` falls in quiet hours from `start` to `end` (equal: none). */
const isQuietHour = (hour: number, start: number, end: number): boolean =>
  start < end ? hour >= start && hour < end : start > end && (hour >= start || hour < end);

/**
 * The first instant after `at` from which the clock in `timeZone` has reached `hh`:00, `wallMinutes`
 * of wall-clock time ahead of `at`: found in real time, so a daylight-saving change on the way is
 * counted (ADR 0086). When `hh`:00 does not exist that day (the clocks jump past it), the jump
 * itself: the first minute between the two guesses at which `reached` holds.
 */
function wallClockAhead(at: Date, timeZone: string, wallMinutes: number, hh: number, reached: (local: LocalTime) => boolean): Date {
  // The wall-clock minutes ahead, at `at`'s offset from UTC …
  const naive = at.getTime() + wallMinutes * 60_000;
  // … then moved by however far the clock there shows from `hh`:00 (an offset change on the way).
  const there = localTime(new Date(naive), timeZone);
  const off = ((hh * 60 - (there.hour * 60 + there.minute) + 720 + 1440) % 1440) - 720;
  const moved = naive + off * 60_000;
  const landed = localTime(new Date(moved), timeZone);
  if (off === 0 || (landed.hour === hh && landed.minute === 0 && moved > at.getTime())) return new Date(moved);
  let before = Math.min(naive, moved);
  let after = Math.max(naive, moved);
  while (after - before > 60_000) {
    const mid = before + Math.floor((after - before) / 120_000) * 60_000;
    if (reached(localTime(new Date(mid), timeZone))) after = mid;
    else before = mid;
  }
  return new Date(after);
}

/**
 * When quiet hours (local `start` to `end`) hold at `at`, the first instant they end: `end`:00 on the
 * recipient's clock (or the jump, when the clocks skip it that night). Otherwise null.
 */
export function quietUntil(at: Date, timeZone: string, start: number, end: number): Date | null {
  const { hour, minute } = localTime(at, timeZone);
  if (!isQuietHour(hour, start, end)) return null;
  const ahead = (end * 60 - (hour * 60 + minute) + 1440) % 1440;
  return wallClockAhead(at, timeZone, ahead, end, (local) => !isQuietHour(local.hour, start, end));
}

/** The local week a message counts against (its Monday), and when the next one starts (its Monday's 00:00, DST counted). */
export function weekOf(at: Date, timeZone: string): { week: string; nextWeekStarts: Date } {
  const t = localTime(at, timeZone);
  const mondayOf = (days: number) => new Date(Date.parse(`${t.date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const week = mondayOf(1 - t.weekday);
  const next = mondayOf(8 - t.weekday);
  const ahead = (8 - t.weekday) * 1440 - (t.hour * 60 + t.minute);
  return { week, nextWeekStarts: wallClockAhead(at, timeZone, ahead, 0, (local) => local.date >= next) };
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
 * A sender hands nothing more to the channel once this much real time has passed since it claimed a
 * page's groups: half the lease, so its outcomes are recorded well before another sender may take over.
 */
const SEND_WITHIN_MS = SENDING_LEASE_MS / 2;

/**
 * Sends a tenant's due messages (ADR 0020, 0083). Safe to run concurrently and after a crash: a
 * sender claims the send groups of a page of due messages (one conditional write per group of up to
 * 25), re-reads their messages strongly consistent, and sends only those still due; it records the
 * outcomes in plain batched writes after checking it still holds the groups, then releases them. Two
 * senders never both hold a group; one that dies leaves leases that run out, and a later run sends
 * its messages (at least once: see ADR 0020 and 0083). The weekly cap's counters decide every send:
 * one conditional update per person and page.
 */
export async function sendDue(deps: SenderDeps, tenantId: string, now: Date, batch = 200): Promise<SendResult> {
  const result: SendResult = { sent: 0, failed: 0, retried: 0, deferredQuietHours: 0, deferredCap: 0 };
  const stamp = now.toISOString();
  const lease: SendLease = { owner: randomUUID(), until: new Date(now.getTime() + SENDING_LEASE_MS).toISOString(), now: stamp };
  let handled = 0;
  const done = (n: number) => {
    handled += n;
    deps.progress?.(handled);
  };
  let after: string | null = null;
  do {
    const page: DuePage = await deps.outbox.dueMessages(tenantId, stamp, batch, after);
    after = page.next;
    if (page.messages.length === 0) continue;
    const claimedAt = Date.now();
    const groups = await deps.outbox.claimGroups(tenantId, [...new Set(page.messages.map(groupOf))], lease);
    if (groups.size === 0) continue;
    // Released only once the outcomes are recorded: a sender that fails part-way is a crash, its
    // groups wait for the lease to run out (a release now could hand delivered messages on unrecorded).
    await sendClaimed(deps, tenantId, now, lease, page.messages, groups, claimedAt, result, done);
    await deps.outbox.release(tenantId, [...groups], lease.owner);
  } while (after);
  return result;
}

/** Sends the due messages of the groups this sender claimed, and records what happened. */
async function sendClaimed(
  deps: SenderDeps,
  tenantId: string,
  now: Date,
  lease: SendLease,
  page: OutboxMessage[],
  groups: Set<string>,
  claimedAt: number,
  result: SendResult,
  done: (n: number) => void,
): Promise<void> {
  const stamp = lease.now;
  // Read again now that the groups are ours: a message another sender settled between the page's read
  // (an index, eventually consistent) and the claim is not sent again.
  const order = new Map(page.filter((m) => groups.has(groupOf(m))).map((m, i) => [m.id, i]));
  // A message moved to another group meanwhile (deferred by the sender that held it) is that group's.
  const due = (await deps.outbox.current(tenantId, [...order.keys()]))
    .filter((m) => m.status !== 'SENT' && m.status !== 'FAILED' && m.notBefore <= stamp && groups.has(groupOf(m)))
    .sort((x, y) => (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0));
  const outcomes: OutboxMessage[] = [];
  const candidates: { message: OutboxMessage; cap: PlacesWanted | null; nextWeekStarts: string }[] = [];
  for (const message of due) {
    const settings = await deps.settingsOf(message.programId);
    const r = message.recipient;
    const quiet = quietUntil(now, r.timeZone, settings.quietHoursStart, settings.quietHoursEnd);
    if (quiet) {
      outcomes.push({ ...message, status: 'PENDING', notBefore: quiet.toISOString(), deferredReason: 'QUIET_HOURS' });
      result.deferredQuietHours++;
      continue;
    }
    const { week, nextWeekStarts } = weekOf(now, r.timeZone);
    const cap = r.kind === 'PERSON' && r.personId ? { personId: r.personId, week, limit: settings.weeklyCap, count: 1 } : null;
    candidates.push({ message, cap, nextWeekStarts: nextWeekStarts.toISOString() });
  }
  // Each person's places for this page in one conditional update; their messages take them in due order.
  const wanted = new Map<string, PlacesWanted>();
  for (const { cap } of candidates) {
    if (!cap) continue;
    const k = placeKey(cap.personId, cap.week);
    const w = wanted.get(k);
    if (w) w.count++;
    else wanted.set(k, { ...cap });
  }
  const places = await deps.outbox.takePlaces(tenantId, [...wanted.values()]);
  const sending: { message: OutboxMessage; cap: PlacesWanted | null }[] = [];
  for (const c of candidates) {
    if (c.cap) {
      const k = placeKey(c.cap.personId, c.cap.week);
      const left = places.get(k) ?? 0;
      if (left <= 0) {
        outcomes.push({ ...c.message, status: 'PENDING', notBefore: c.nextWeekStarts, deferredReason: 'WEEKLY_CAP' });
        result.deferredCap++;
        continue;
      }
      places.set(k, left - 1);
    }
    sending.push(c);
  }
  done(due.length - sending.length);
  // The batch's action links in one write, not one per message; if that fails, each message fails its
  // attempt below and is retried (the links made meanwhile expire unused).
  let links = new Map<string, RenderedLink[]>();
  let linksFailed: unknown = null;
  const linked = sending.map((c) => c.message).filter((m) => m.recipient.email && m.links?.length);
  if (deps.links && linked.length > 0) {
    try {
      links = await deps.links(linked, now);
    } catch (e) {
      linksFailed = e;
    }
  }
  const refunds = new Map<string, { personId: string; week: string; count: number }>();
  const refund = (cap: PlacesWanted | null) => {
    if (!cap) return;
    const k = placeKey(cap.personId, cap.week);
    const r = refunds.get(k) ?? { personId: cap.personId, week: cap.week, count: 0 };
    r.count++;
    refunds.set(k, r);
  };
  await inChunks(sending, SEND_CONCURRENCY, async ({ message, cap }) => {
    // Too late to be sure the lease outlives the send: leave it due for the next run.
    if (Date.now() - claimedAt > SEND_WITHIN_MS) return refund(cap);
    const r = message.recipient;
    const attempts = message.attempts + 1;
    try {
      if (r.email) {
        if (linksFailed && message.links?.length) throw linksFailed;
        await deps.channel.deliver(message, render(message, links.get(message.id) ?? []));
      }
      outcomes.push({
        ...message,
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
      outcomes.push({
        ...message,
        status: failed ? 'FAILED' : 'PENDING',
        attempts,
        lastError: error,
        deferredReason: failed ? null : 'RETRY',
        notBefore: new Date(now.getTime() + RETRY_BASE_MS * 2 ** (attempts - 1)).toISOString(),
      });
      // A refused message gives its place in the week back.
      refund(cap);
      if (failed) result.failed++;
      else result.retried++;
    }
  });
  // Fencing: record outcomes only for the groups still ours. A group lost meanwhile (this sender
  // stalled past its lease) belongs to the sender that took it; what was sent here may go again.
  const held = await deps.outbox.stillHeld(tenantId, [...groups], lease.owner);
  await deps.outbox.record(
    regroup(
      outcomes.filter((m) => held.has(groupOf(m))),
      lease.owner,
    ),
    lease.owner,
  );
  await deps.outbox.refundPlaces(tenantId, [...refunds.values()]);
  done(sending.length);
}

let groupsMade = 0;

/**
 * Messages that wait again (quiet hours, the cap, a retry) move to new send groups, up to 25 of one
 * `notBefore` each: they come due together, and are claimed together, instead of a few in each of
 * many old groups. Written under the old group's lease; the new name is this sender's own, so nobody
 * holds it yet (ADR 0083).
 */
function regroup(messages: OutboxMessage[], owner: string): OutboxMessage[] {
  const byTime = new Map<string, OutboxMessage[]>();
  const out: OutboxMessage[] = [];
  for (const m of messages) {
    if (m.status !== 'PENDING') out.push(m);
    else {
      const same = byTime.get(m.notBefore);
      if (same) same.push(m);
      else byTime.set(m.notBefore, [m]);
    }
  }
  for (const waiting of byTime.values()) {
    let group = '';
    waiting.forEach((m, i) => {
      if (i % 25 === 0) group = `${owner}.${groupsMade++}`;
      out.push({ ...m, sendGroup: group });
    });
  }
  return out;
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
