import { createHash, randomBytes } from 'node:crypto';
import type { Actor, Scope } from '#domain/kernel/actors.ts';
import { type AuditStore, auditEntry } from '#domain/kernel/audit.ts';
import { DomainError, ErrorCode } from '#domain/kernel/errors.ts';
import { Checks } from '#domain/kernel/validation.ts';
import { ACTION_LINK_VIEW, payloadView } from '#domain/kernel/visibility.ts';
import { OUTCOMES, type SurveyStore, submitSurvey } from '#domain/mentorships/feedback.ts';
import { getMentorship, logMeeting, type MeetingMode } from '#domain/mentorships/pairs.ts';
import { answerRequest, getRequest, type RequestDeps } from '#domain/mentorships/requests.ts';
import type { LinkAction, PlannedLink, RenderedLink } from './links.ts';
import type { Locale } from './templates.ts';

/**
 * One-click actions in engagement e-mail (ADR 0059): the link is the credential. Each link is bound
 * to a tenant, a person, an action and a target, expires, is stored only as a hash and is used once.
 */
export { LINK_ACTIONS, type LinkAction, type PlannedLink, type RenderedLink } from './links.ts';

/** A link as stored: never the token, only its hash. */
export interface ActionLink {
  id: string;
  tenantId: string;
  /** SHA-256 of the token's secret part (base64url). */
  hash: string;
  personId: string;
  action: LinkAction;
  targetId: string;
  programId: string;
  messageId: string;
  /** The recipient's language when the message was sent: the page speaks it. */
  locale: Locale;
  createdAt: string;
  validUntil: string;
  usedAt: string | null;
}

export interface ActionLinkStore {
  saveLinks(links: ActionLink[]): Promise<void>;
  getLink(tenantId: string, hash: string): Promise<ActionLink | null>;
  /** Marks the link used, if it is unused and valid at `now` (one conditional write); false when it was not. */
  consumeLink(link: ActionLink, now: string): Promise<boolean>;
  /** Gives an unused state back after the action failed for a reason that is not the caller's (an outage). */
  releaseLink(link: ActionLink): Promise<void>;
}

/** How long a link works: two weeks, about the time a reminder stays relevant. */
export const LINK_VALID_DAYS = 14;

/** `<tenant>.<secret>`: the tenant leads, so the lookup runs in that tenant's partition (and role) only. */
export function parseToken(token: unknown): { tenantId: string; hash: string } | null {
  if (typeof token !== 'string' || token.length > 120) return null;
  const match = /^([a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  return { tenantId: match[1] as string, hash: hashSecret(match[2] as string) };
}

const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

/**
 * Makes the links the messages offer, stores their hashes in one batched write and returns each
 * message's URLs to put in its e-mail (by message id; a message without links has none). Called as a
 * batch of messages is sent: a retried send makes new links, and the earlier ones expire unused.
 */
export async function mintLinks(
  deps: { actionLinks: ActionLinkStore; newId: () => string },
  messages: readonly {
    id: string;
    tenantId: string;
    programId: string;
    links?: PlannedLink[] | undefined;
    recipient: { personId: string | null; locale: Locale };
  }[],
  now: Date,
  baseUrl: string,
): Promise<Map<string, RenderedLink[]>> {
  const validUntil = new Date(now.getTime() + LINK_VALID_DAYS * 86_400_000).toISOString();
  const made = new Map<string, { link: ActionLink; url: string }[]>();
  for (const message of messages) {
    const personId = message.recipient.personId;
    if (!personId || !message.links?.length) continue;
    made.set(
      message.id,
      message.links.map((planned) => {
        const secret = randomBytes(32).toString('base64url');
        const link: ActionLink = {
          id: deps.newId(),
          tenantId: message.tenantId,
          hash: hashSecret(secret),
          personId,
          action: planned.action,
          targetId: planned.targetId,
          programId: message.programId,
          messageId: message.id,
          locale: message.recipient.locale,
          createdAt: now.toISOString(),
          validUntil,
          usedAt: null,
        };
        return { link, url: `${baseUrl.replace(/\/$/, '')}/#/act/${message.tenantId}.${secret}` };
      }),
    );
  }
  const links = [...made.values()].flat();
  if (links.length > 0) await deps.actionLinks.saveLinks(links.map((m) => m.link));
  return new Map([...made].map(([id, list]) => [id, list.map((m) => ({ action: m.link.action, url: m.url }))]));
}

/** READY: it can be used; USED, EXPIRED, UNKNOWN: refused; CLOSED: its record no longer takes it (answered, ended); DONE: just used. */
export type LinkState = 'READY' | 'USED' | 'EXPIRED' | 'UNKNOWN' | 'CLOSED' | 'DONE';

/** What the public page shows: the state, and for a live link the one action's context (ACTION_LINK_VIEW). */
export interface LinkView {
  state: LinkState;
  action: LinkAction | null;
  locale: Locale | null;
  validUntil: string | null;
  context: Record<string, string | number>;
}

export interface LinkInput {
  message?: string | null;
  date?: string | null;
  topic?: string | null;
  mode?: string | null;
  rating?: number | null;
  comment?: string | null;
  outcomes?: string[] | null;
}

export interface ActionLinkDeps extends RequestDeps {
  actionLinks: ActionLinkStore;
  surveys: SurveyStore;
  audit: AuditStore;
  tenants: { getTenant(id: string): Promise<{ id: string } | null> };
}

const refused = (state: LinkState, link: ActionLink | null): LinkView => ({
  state,
  action: link?.action ?? null,
  locale: link?.locale ?? null,
  validUntil: null,
  context: {},
});

/** The person the link acts as: a participant, named so the audit log shows it came from an e-mail link. */
const linkActor = (link: ActionLink): Actor => ({
  id: `link:${link.personId}`,
  role: 'participant',
  tenantId: link.tenantId,
  personId: link.personId,
});

async function find(deps: ActionLinkDeps, token: unknown, now: Date): Promise<{ view: LinkView } | { link: ActionLink; scope: Scope }> {
  const parsed = parseToken(token);
  if (!parsed || !(await deps.tenants.getTenant(parsed.tenantId))) return { view: refused('UNKNOWN', null) };
  const link = await deps.actionLinks.getLink(parsed.tenantId, parsed.hash);
  if (!link) return { view: refused('UNKNOWN', null) };
  if (link.usedAt) return { view: refused('USED', link) };
  if (link.validUntil <= now.toISOString()) return { view: refused('EXPIRED', link) };
  return { link, scope: { tenantId: link.tenantId, actor: linkActor(link), now } };
}

/** The action's context, read as the person: null when the record no longer takes the action. */
async function contextOf(deps: ActionLinkDeps, link: ActionLink, scope: Scope): Promise<Record<string, string | number> | null> {
  const program = await deps.programs.getProgram(link.tenantId, link.programId);
  const programName = program?.name ?? '';
  try {
    if (link.action === 'ACCEPT_REQUEST' || link.action === 'DECLINE_REQUEST') {
      const r = await getRequest(deps, scope, link.targetId);
      if (r.mentorId !== link.personId || r.status !== 'OPEN' || r.expiresAt <= scope.now.toISOString()) return null;
      return { programName, otherName: r.menteeName, requestedOn: r.createdAt.slice(0, 10), expiresOn: r.expiresAt.slice(0, 10) };
    }
    const m = await getMentorship(deps.mentorships, scope, link.targetId);
    const otherName = m.mentorId === link.personId ? m.menteeName : m.mentorName;
    const ended = m.status === 'COMPLETED' || m.status === 'ENDED_EARLY';
    if (link.action === 'CLOSING_SURVEY' ? !ended : ended) return null;
    return {
      programName,
      otherName,
      startedOn: m.startedAt.slice(0, 10),
      ...(m.lastContactAt ? { lastContactOn: m.lastContactAt.slice(0, 10) } : {}),
    };
  } catch (e) {
    if (e instanceof DomainError && e.code === ErrorCode.NOT_FOUND) return null;
    throw e;
  }
}

/** What the page shows before anything is done. Reading a link never uses it. */
export async function describeLink(deps: ActionLinkDeps, token: unknown, now: Date): Promise<LinkView> {
  const found = await find(deps, token, now);
  if ('view' in found) return found.view;
  const context = await contextOf(deps, found.link, found.scope);
  if (!context) return refused('CLOSED', found.link);
  return {
    state: 'READY',
    action: found.link.action,
    locale: found.link.locale,
    validUntil: found.link.validUntil,
    context: payloadView(context, ACTION_LINK_VIEW),
  };
}

const MODES: readonly MeetingMode[] = ['IN_PERSON', 'VIDEO', 'PHONE', 'CHAT'];

/** The input checked before the link is used, so a typo does not cost the link. */
function checkInput(action: LinkAction, input: LinkInput, now: Date) {
  const checks = new Checks();
  const message = checks.optionalText('message', input.message, 1000);
  const topic = checks.optionalText('topic', input.topic, 80);
  const comment = checks.optionalText('comment', input.comment, 2000);
  const mode = checks.oneOf('mode', input.mode ?? 'IN_PERSON', MODES);
  let heldAt = now.toISOString();
  if (action === 'CONFIRM_MEETING') {
    const date = input.date ?? now.toISOString().slice(0, 10);
    const noon = Date.parse(`${date}T12:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(noon)) checks.fail('date', 'date', 'must be a date such as 2026-03-02');
    else if (date > now.toISOString().slice(0, 10)) checks.fail('date', 'future', 'a meeting is confirmed after it took place');
    else heldAt = new Date(Math.min(noon, now.getTime())).toISOString();
  }
  const rating =
    action === 'CHECK_IN_SURVEY' || action === 'CLOSING_SURVEY' ? checks.int('rating', input.rating ?? Number.NaN, { min: 1, max: 5 }) : 0;
  const outcomes = [...new Set(input.outcomes ?? [])];
  for (const o of outcomes)
    if (!(OUTCOMES as readonly string[]).includes(o)) checks.fail('outcomes', 'oneOf', `"${o}" is not an outcome Kindling tracks`);
  checks.done();
  return { message, topic, comment, mode, heldAt, rating, outcomes };
}

/**
 * Uses a link: the input is checked and the record's state read first (neither costs the link),
 * then the link is consumed with one conditional write — a second use, even at the same instant, is
 * refused — and the action runs as the person. An outage after the consume gives the link back.
 */
export async function actOnLink(deps: ActionLinkDeps, token: unknown, input: LinkInput, now: Date): Promise<LinkView> {
  const found = await find(deps, token, now);
  if ('view' in found) return found.view;
  const { link, scope } = found;
  const checked = checkInput(link.action, input, now);
  const context = await contextOf(deps, link, scope);
  if (!context) return refused('CLOSED', link);
  if (!(await deps.actionLinks.consumeLink(link, now.toISOString()))) return refused('USED', link);
  try {
    await perform(deps, link, scope, checked);
  } catch (e) {
    if (e instanceof DomainError && (e.code === ErrorCode.CONFLICT || e.code === ErrorCode.NOT_FOUND)) return refused('CLOSED', link);
    await deps.actionLinks.releaseLink(link).catch(() => undefined);
    throw e;
  }
  // Who used which link for what: ids and the action, never the token or its hash.
  await deps.audit.recordAudit(
    auditEntry(scope, deps.newId, 'actionLink.use', { type: 'ActionLink', id: link.id }, null, {
      action: link.action,
      personId: link.personId,
      targetId: link.targetId,
    }),
  );
  return { state: 'DONE', action: link.action, locale: link.locale, validUntil: null, context: payloadView(context, ACTION_LINK_VIEW) };
}

const DECLINED_WITHOUT_REASON: Record<Locale, string> = {
  en: 'Declined from the e-mail, without a message.',
  nl: 'Afgewezen vanuit de e-mail, zonder bericht.',
};

async function perform(deps: ActionLinkDeps, link: ActionLink, scope: Scope, input: ReturnType<typeof checkInput>): Promise<void> {
  switch (link.action) {
    case 'ACCEPT_REQUEST':
    case 'DECLINE_REQUEST': {
      const request = await getRequest(deps, scope, link.targetId);
      const accept = link.action === 'ACCEPT_REQUEST';
      const reason = input.message ?? (accept ? null : DECLINED_WITHOUT_REASON[link.locale]);
      await answerRequest(deps, scope, link.targetId, request.version, accept ? 'ACCEPT' : 'DECLINE', reason);
      return;
    }
    case 'CONFIRM_MEETING':
      await logMeeting(deps, scope, {
        mentorshipId: link.targetId,
        heldAt: input.heldAt,
        durationMinutes: 60,
        mode: input.mode,
        topics: input.topic ? [input.topic] : [],
      });
      return;
    case 'CHECK_IN_SURVEY':
    case 'CLOSING_SURVEY':
      await submitSurvey(deps, scope, link.targetId, {
        kind: link.action === 'CHECK_IN_SURVEY' ? 'CHECK_IN' : 'CLOSING',
        rating: input.rating,
        comment: input.comment,
        outcomes: link.action === 'CLOSING_SURVEY' ? input.outcomes : [],
      });
      return;
    default: {
      const never: never = link.action;
      throw new Error(`Unknown link action ${String(never)}`);
    }
  }
}
