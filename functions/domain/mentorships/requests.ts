import type { Scope } from '#domain/kernel/actors.ts';
import { reachesProgram, requireRole } from '#domain/kernel/actors.ts';
import { type AuditEntry, auditEntry } from '#domain/kernel/audit.ts';
import { assertNever, DomainError, ErrorCode, notFound } from '#domain/kernel/errors.ts';
import { type IdempotencyRecord, type IdempotencyStore, idempotent } from '#domain/kernel/idempotency.ts';
import type { Page, PageRequest } from '#domain/kernel/pages.ts';
import { Checks } from '#domain/kernel/validation.ts';
import { type Enrolment, isAway, mentorLoadOf } from '#domain/people/people.ts';
import { focusAreaCodes } from '#domain/programs/focusAreas.ts';
import { kindOf } from '#domain/programs/kinds.ts';
import { type Program, pairingOf } from '#domain/programs/programs.ts';
import { type StatsChange, statsChange } from './analytics.ts';
import { DAY_MS } from './health.ts';
import { enrolledPair, type Mentorship, type MentorshipDeps, startPair } from './pairs.ts';

/**
 * A mentee's own outreach (the seed: decide why, choose who has the traits, introduce yourself —
 * why this person, the focus areas, respect for their time — and follow up until you get an answer).
 */
export type RequestStatus = 'OPEN' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN' | 'EXPIRED' | 'CLOSED';

export interface Introduction {
  /** Why this mentor: what the mentee saw in them. */
  whyThisMentor: string;
  focusAreas: string[];
  /** What the mentee asks of the mentor's time, e.g. "an hour a month, video is fine". */
  timeAsked: string;
  /** The time asked in hours a month, when given (absent on requests sent before it existed). */
  hoursPerMonth?: number | null;
  /** What the mentee hopes to gain (absent on requests sent before it existed). */
  hopedOutcome?: string | null;
  message: string | null;
}

export interface MentorshipRequest {
  id: string;
  tenantId: string;
  programId: string;
  menteeId: string;
  mentorId: string;
  menteeName: string;
  mentorName: string;
  status: RequestStatus;
  introduction: Introduction;
  createdAt: string;
  expiresAt: string;
  answeredAt: string | null;
  /** The mentor's reason when declining, the mentee's when withdrawing, or why it closed. */
  reason: string | null;
  mentorshipId: string | null;
  /** Follow-ups sent so far (the engagement job sends them). */
  followUps: number;
  version: number;
}

export interface RequestStore {
  getRequest(tenantId: string, id: string): Promise<MentorshipRequest | null>;
  /** Writes the request and counts it against the mentee's open requests (never above `max`). */
  createRequest(
    request: MentorshipRequest,
    max: number,
    stats: StatsChange,
    audit: AuditEntry,
    idempotency?: IdempotencyRecord | null,
  ): Promise<void>;
  /** Closes an open request at its version and frees the mentee's slot. */
  closeRequest(next: MentorshipRequest, previous: MentorshipRequest, stats: StatsChange, audit: AuditEntry): Promise<void>;
  listProgramRequests(tenantId: string, programId: string, page: PageRequest): Promise<Page<MentorshipRequest>>;
  /** Requests a person sent (as mentee) or received (as mentor). */
  requestsOf(tenantId: string, personId: string): Promise<MentorshipRequest[]>;
  /** Open requests whose expiry has passed. */
  expiredRequests(tenantId: string, now: string): Promise<MentorshipRequest[]>;
}

export interface RequestDeps extends MentorshipDeps {
  requests: RequestStore;
  idempotency: IdempotencyStore;
}

const stateConflict = (from: string, to: string) => new DomainError(ErrorCode.CONFLICT, 'conflict.state', { type: 'request', from, to });

/** Participants see the requests they are part of; another's is not found, exactly as a missing one. */
export async function getRequest(deps: Pick<RequestDeps, 'requests'>, scope: Scope, id: string): Promise<MentorshipRequest> {
  const request = await deps.requests.getRequest(scope.tenantId, id);
  if (!request) throw notFound('Request');
  const who = scope.actor.personId;
  if (scope.actor.role === 'participant' && who !== request.menteeId && who !== request.mentorId) throw notFound('Request');
  if (!reachesProgram(scope.actor, request.programId)) throw notFound('Request');
  return request;
}

export interface RequestInput {
  programId: string;
  menteeId: string;
  mentorId: string;
  whyThisMentor: string;
  focusAreas: string[];
  timeAsked?: string | null;
  hoursPerMonth?: number | null;
  hopedOutcome?: string | null;
  message?: string | null;
}

/**
 * The introduction in its parts, as the seed advises (why this person, the areas to focus on, a
 * reasonable amount of their time, what the mentee hopes to gain), each part checked with a
 * problem of its own in English and Dutch.
 */
function checkIntroduction(checks: Checks, input: RequestInput, program: Program, mentor: Enrolment): Introduction {
  const why = input.whyThisMentor.trim();
  if (why.length < 20)
    checks.fail(
      'input.whyThisMentor',
      'required',
      'say in a sentence or two why this mentor (at least 20 characters): what did you see in them?',
      'zeg in een zin of twee waarom deze mentor (minstens 20 tekens): wat zag je in hem of haar?',
    );
  const whyThisMentor = checks.text('input.whyThisMentor', input.whyThisMentor, { max: 2000 });
  const hoursPerMonth =
    input.hoursPerMonth === null || input.hoursPerMonth === undefined
      ? null
      : checks.int('input.hoursPerMonth', input.hoursPerMonth, { min: 1, max: 40 });
  const offered = mentor.hoursPerMonth;
  if (hoursPerMonth !== null && offered !== null && offered > 0 && hoursPerMonth > offered)
    checks.fail(
      'input.hoursPerMonth',
      'aboveOffered',
      `asks ${hoursPerMonth} hours a month; this mentor offers ${offered}: ask for a reasonable amount of their time`,
      `vraagt ${hoursPerMonth} uur per maand; deze mentor biedt ${offered}: vraag een redelijke hoeveelheid van hun tijd`,
    );
  const words = checks.optionalText('input.timeAsked', input.timeAsked, 300);
  if (words !== null && words.length < 3)
    checks.fail('input.timeAsked', 'required', 'needs at least 3 characters', 'heeft minstens 3 tekens nodig');
  if (words === null && hoursPerMonth === null)
    checks.fail(
      'input.timeAsked',
      'required',
      'say how much of their time you ask (timeAsked in words, hoursPerMonth, or both)',
      'zeg hoeveel van hun tijd je vraagt (timeAsked in woorden, hoursPerMonth, of beide)',
    );
  const focusAreas = focusAreaCodes(checks.list('input.focusAreas', input.focusAreas, { maxItems: 8, maxLength: 60 }), program.focusAreas);
  if (focusAreas.length === 0)
    checks.fail('input.focusAreas', 'required', 'name at least one area to focus on', 'noem minstens één onderwerp om op te focussen');
  for (const area of focusAreas) {
    if (!program.focusAreas.includes(area))
      checks.fail(
        'input.focusAreas',
        'focusArea',
        `"${area}" is not a focus area of this program`,
        `"${area}" is geen aandachtsgebied van dit programma`,
      );
  }
  const hopedOutcome = checks.optionalText('input.hopedOutcome', input.hopedOutcome, 1000);
  if (hopedOutcome !== null && hopedOutcome.length < 10)
    checks.fail(
      'input.hopedOutcome',
      'required',
      'say what you hope to gain (at least 10 characters)',
      'zeg wat je hoopt te bereiken (minstens 10 tekens)',
    );
  return {
    whyThisMentor,
    focusAreas,
    timeAsked: words ?? `${hoursPerMonth} hours a month`,
    hoursPerMonth,
    hopedOutcome,
    message: checks.optionalText('input.message', input.message, 4000),
  };
}

/** Why a mentor cannot take a direct request now: away, not taking requests, or full; null when they can. */
function mentorUnavailable(mentor: Enrolment, today: string): string | null {
  if (isAway(mentor, today)) return 'AWAY';
  if (!mentorLoadOf(mentor).acceptsRequests) return 'NOT_ACCEPTING_REQUESTS';
  return null;
}

/**
 * A mentee asks a mentor (a manager may send it for them). With an idempotency key a retry has one
 * effect and returns the first request; a second open request to the same mentor is a CONFLICT
 * naming the open one.
 */
export async function requestMentor(
  deps: RequestDeps,
  scope: Scope,
  input: RequestInput,
  idempotencyKey?: string | null,
): Promise<MentorshipRequest> {
  requireRole(scope.actor, 'request a mentor', 'participant', 'manager');
  if (scope.actor.role === 'participant' && scope.actor.personId !== input.menteeId) {
    throw new DomainError(ErrorCode.FORBIDDEN, 'auth.forbidden', { action: 'send a request for someone else' });
  }
  const program = await deps.programs.getProgram(scope.tenantId, input.programId);
  if (!program || !reachesProgram(scope.actor, program.id)) throw notFound('Program');
  // Peers are paired by matching (or by a manager); a request has a mentee and a mentor.
  if (kindOf(program) === 'PEER')
    throw new DomainError(ErrorCode.CONFLICT, 'conflict.state', { type: 'Program', from: 'PEER', to: 'requests' });
  const { mentor, mentee } = await enrolledPair(deps.people, scope.tenantId, program.id, input);
  const checks = new Checks();
  if (input.menteeId === input.mentorId)
    checks.fail('input.mentorId', 'self', 'a mentee cannot ask themselves', 'een mentee kan zichzelf niet vragen');
  const introduction = checkIntroduction(checks, input, program, mentor);
  checks.done();
  const id = deps.newId();
  return idempotent(
    deps,
    scope,
    idempotencyKey,
    'requestMentor',
    { ...input, introduction },
    id,
    (record) => sendRequest(deps, scope, { program, mentor, mentee, introduction, id }, record),
    (earlier) => getRequest(deps, scope, earlier),
  );
}

async function sendRequest(
  deps: RequestDeps,
  scope: Scope,
  {
    program,
    mentor,
    mentee,
    introduction,
    id,
  }: { program: Program; mentor: Enrolment; mentee: Enrolment; introduction: Introduction; id: string },
  idempotency: IdempotencyRecord | null,
): Promise<MentorshipRequest> {
  if (program.status !== 'OPEN' && program.status !== 'RUNNING') throw stateConflict(program.status, 'requesting');
  if (mentee.activeMentorships > 0) throw new DomainError(ErrorCode.CONFLICT, 'conflict.menteeMatched');
  const unavailable = mentorUnavailable(mentor, scope.now.toISOString().slice(0, 10));
  if (unavailable) throw new DomainError(ErrorCode.CONFLICT, 'conflict.mentorUnavailable', { why: unavailable });
  const now = scope.now.toISOString();
  const toThisMentor = (await deps.requests.requestsOf(scope.tenantId, mentee.personId)).filter(
    (r) => r.status === 'OPEN' && r.programId === program.id && r.mentorId === mentor.personId,
  );
  // One past its expiry that the sweep has not reached yet is expired now, as answering it would:
  // it must not hold the mentee back from asking again.
  for (const stale of toThisMentor.filter((r) => r.expiresAt <= now)) {
    await close(deps, scope, stale, 'EXPIRED', 'no answer before it expired', 'request.expire');
  }
  const existing = toThisMentor.find((r) => r.expiresAt > now);
  if (existing) throw new DomainError(ErrorCode.CONFLICT, 'conflict.duplicateRequest', { request: existing.id });
  const rules = pairingOf(program);
  // Checked here for a clear answer, and again in the store's transaction for concurrent sends.
  if ((mentee.openRequests ?? 0) >= rules.maxOpenRequests)
    throw new DomainError(ErrorCode.CONFLICT, 'conflict.tooManyRequests', { max: rules.maxOpenRequests });
  const request: MentorshipRequest = {
    id,
    tenantId: scope.tenantId,
    programId: program.id,
    menteeId: mentee.personId,
    mentorId: mentor.personId,
    menteeName: mentee.displayName,
    mentorName: mentor.displayName,
    status: 'OPEN',
    introduction,
    createdAt: scope.now.toISOString(),
    expiresAt: new Date(scope.now.getTime() + rules.requestExpiryDays * DAY_MS).toISOString(),
    answeredAt: null,
    reason: null,
    mentorshipId: null,
    followUps: 0,
    version: 1,
  };
  const audit = auditEntry(scope, deps.newId, 'request.send', { type: 'Request', id: request.id }, null, request);
  await deps.requests.createRequest(request, rules.maxOpenRequests, statsChange(program.id, { requestsSent: 1 }), audit, idempotency);
  return request;
}

export type RequestAnswer = 'ACCEPT' | 'DECLINE' | 'WITHDRAW';

/** Who may give an answer: the mentor accepts or declines, the mentee withdraws; a manager may do either for them. */
function mayAnswer(scope: Scope, request: MentorshipRequest, answer: RequestAnswer): boolean {
  if (scope.actor.role === 'manager') return true;
  switch (answer) {
    case 'ACCEPT':
    case 'DECLINE':
      return scope.actor.personId === request.mentorId;
    case 'WITHDRAW':
      return scope.actor.personId === request.menteeId;
    default:
      return assertNever(answer);
  }
}

async function close(
  deps: RequestDeps,
  scope: Scope,
  request: MentorshipRequest,
  status: RequestStatus,
  reason: string | null,
  action: string,
) {
  const next: MentorshipRequest = { ...request, status, reason, answeredAt: scope.now.toISOString(), version: request.version + 1 };
  // Withdrawn and closed requests are no longer open either: counted, so `open` adds up.
  const counters = status === 'DECLINED' ? { requestsDeclined: 1 } : status === 'EXPIRED' ? { requestsExpired: 1 } : { requestsClosed: 1 };
  const audit = auditEntry(scope, deps.newId, action, { type: 'Request', id: request.id }, request, next);
  await deps.requests.closeRequest(next, request, statsChange(request.programId, counters), audit);
  return next;
}

/**
 * The mentor's answer (or the mentee's withdrawal). Accepting starts the pair — never beyond the
 * mentor's capacity, however many accepts arrive at once — and closes the mentee's other open
 * requests, saying why.
 */
export async function answerRequest(
  deps: RequestDeps,
  scope: Scope,
  id: string,
  expectedVersion: number,
  answer: RequestAnswer,
  reason?: string | null,
): Promise<{ request: MentorshipRequest; mentorship: Mentorship | null }> {
  requireRole(scope.actor, 'answer requests', 'participant', 'manager');
  const request = await getRequest(deps, scope, id);
  if (!mayAnswer(scope, request, answer))
    throw new DomainError(ErrorCode.FORBIDDEN, 'auth.forbidden', { action: `${answer.toLowerCase()} this request` });
  if (request.version !== expectedVersion) throw new DomainError(ErrorCode.CONFLICT, 'conflict.version', { type: 'request' });
  if (request.status !== 'OPEN') throw stateConflict(request.status, answer);
  if (request.expiresAt <= scope.now.toISOString()) {
    await close(deps, scope, request, 'EXPIRED', 'no answer before it expired', 'request.expire');
    throw new DomainError(ErrorCode.CONFLICT, 'conflict.expired', { type: 'request' });
  }
  const checks = new Checks();
  const why = answer === 'DECLINE' ? checks.text('reason', reason ?? '', { max: 1000 }) : checks.optionalText('reason', reason, 1000);
  checks.done();
  if (answer === 'DECLINE') return { request: await close(deps, scope, request, 'DECLINED', why, 'request.decline'), mentorship: null };
  if (answer === 'WITHDRAW') return { request: await close(deps, scope, request, 'WITHDRAWN', why, 'request.withdraw'), mentorship: null };

  const program = await deps.programs.getProgram(scope.tenantId, request.programId);
  if (!program) throw notFound('Program');
  let accepted = request;
  const mentorship = await startPair(
    deps,
    scope,
    program,
    { mentorId: request.mentorId, menteeId: request.menteeId },
    { kind: 'REQUEST', id: request.id },
    (pair) => {
      accepted = {
        ...request,
        status: 'ACCEPTED',
        answeredAt: scope.now.toISOString(),
        reason: why,
        mentorshipId: pair.id,
        version: request.version + 1,
      };
      return { key: 'request', next: accepted, expectedVersion: request.version };
    },
  );
  for (const other of await deps.requests.requestsOf(scope.tenantId, request.menteeId)) {
    if (other.id === request.id || other.status !== 'OPEN' || other.programId !== request.programId) continue;
    await close(deps, scope, other, 'CLOSED', `${request.menteeName} found a mentor`, 'request.close').catch((e: unknown) => {
      // Answered in the meantime: nothing left to close.
      if (!(e instanceof DomainError && e.code === ErrorCode.CONFLICT)) throw e;
    });
  }
  return { request: accepted, mentorship };
}

/** The scheduled sweep: open requests past their expiry expire (the mentee hears what to do next from the engagement job). */
export async function expireRequests(deps: RequestDeps, scope: Scope): Promise<number> {
  let expired = 0;
  for (const request of await deps.requests.expiredRequests(scope.tenantId, scope.now.toISOString())) {
    try {
      await close(deps, scope, request, 'EXPIRED', 'no answer before it expired', 'request.expire');
      expired++;
    } catch (e) {
      if (!(e instanceof DomainError && e.code === ErrorCode.CONFLICT)) throw e;
    }
  }
  return expired;
}
