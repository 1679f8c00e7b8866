import type { Scope } from '#domain/kernel/actors.ts';
import { requireRole } from '#domain/kernel/actors.ts';
import { type AuditEntry, auditEntry } from '#domain/kernel/audit.ts';
import { DomainError, ErrorCode, notFound } from '#domain/kernel/errors.ts';
import { type IdempotencyRecord, type IdempotencyStore, idempotent } from '#domain/kernel/idempotency.ts';
import type { Page, PageRequest } from '#domain/kernel/pages.ts';
import { Checks } from '#domain/kernel/validation.ts';
import { type StatsChange, statsChange } from './analytics.ts';
import { getMentorship, type MentorshipStore } from './pairs.ts';

/** The outcomes the seed names: what mentees (and mentors) gain. */
export const OUTCOMES = [
  'CONFIDENCE',
  'UNDERSTANDING_OF_ORGANISATION',
  'SKILLS_SHARPENED',
  'NETWORK_WIDENED',
  'PROBLEM_SOLVED',
  'PROMOTION',
  'NEW_ROLE',
  'SALARY_INCREASE',
  'VISIBILITY',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type SurveyKind = 'CHECK_IN' | 'CLOSING';

export interface Survey {
  id: string;
  tenantId: string;
  programId: string;
  mentorshipId: string;
  kind: SurveyKind;
  side: 'MENTOR' | 'MENTEE';
  respondentId: string;
  /** 1–5. */
  rating: number;
  comment: string | null;
  /** Closing survey only. */
  outcomes: Outcome[];
  submittedAt: string;
}

export interface SurveyStore {
  /** Stores the answer with its figures; a closing survey is taken once per side (CONFLICT after). */
  addSurvey(survey: Survey, stats: StatsChange, audit: AuditEntry, idempotency?: IdempotencyRecord | null): Promise<void>;
  listSurveys(tenantId: string, mentorshipId: string): Promise<Survey[]>;
  /** A program's answers, newest first, optionally of one kind. */
  listProgramSurveys(tenantId: string, programId: string, kind: SurveyKind | null, page: PageRequest): Promise<Page<Survey>>;
}

export interface SurveyInput {
  kind: SurveyKind;
  rating: number;
  comment?: string | null;
  outcomes?: string[] | null;
}

/**
 * A member answers a check-in survey (any time while the pair runs) or the closing survey (once per
 * side, when the pair has ended). The answers count in the program's figures at once.
 */
export async function submitSurvey(
  deps: { mentorships: MentorshipStore; surveys: SurveyStore; newId: () => string; idempotency: IdempotencyStore },
  scope: Scope,
  mentorshipId: string,
  input: SurveyInput,
  idempotencyKey?: string | null,
): Promise<Survey> {
  requireRole(scope.actor, 'answer surveys', 'participant');
  const pair = await getMentorship(deps.mentorships, scope, mentorshipId);
  const side = scope.actor.personId === pair.mentorId ? 'MENTOR' : scope.actor.personId === pair.menteeId ? 'MENTEE' : null;
  if (!side) throw notFound('Mentorship');
  const checks = new Checks();
  const kind = checks.oneOf('input.kind', input.kind, ['CHECK_IN', 'CLOSING'] as const);
  const rating = checks.int('input.rating', input.rating, { min: 1, max: 5 });
  const comment = checks.optionalText('input.comment', input.comment, 2000);
  const outcomes = [...new Set(input.outcomes ?? [])];
  for (const o of outcomes)
    if (!(OUTCOMES as readonly string[]).includes(o)) checks.fail('input.outcomes', 'oneOf', `"${o}" is not an outcome Kindling tracks`);
  if (kind === 'CHECK_IN' && outcomes.length > 0) checks.fail('input.outcomes', 'closingOnly', 'outcomes belong in the closing survey');
  checks.done();
  const ended = pair.status === 'COMPLETED' || pair.status === 'ENDED_EARLY';
  if (kind === 'CLOSING' && !ended)
    throw new DomainError(ErrorCode.CONFLICT, 'conflict.state', { type: 'Mentorship', from: pair.status, to: 'closing survey' });
  if (kind === 'CHECK_IN' && ended)
    throw new DomainError(ErrorCode.CONFLICT, 'conflict.state', { type: 'Mentorship', from: pair.status, to: 'check-in' });
  const survey: Survey = {
    id: deps.newId(),
    tenantId: scope.tenantId,
    programId: pair.programId,
    mentorshipId: pair.id,
    kind,
    side,
    respondentId: scope.actor.personId ?? '',
    rating,
    comment,
    outcomes: outcomes as Outcome[],
    submittedAt: scope.now.toISOString(),
  };
  const stats = statsChange(
    pair.programId,
    kind === 'CHECK_IN' ? { checkInRatingSum: rating, checkInRatings: 1 } : { closingRatingSum: rating, closingRatings: 1 },
    survey.outcomes.map((o) => ({ map: 'outcomes' as const, key: o, delta: 1 })),
  );
  const audit = auditEntry(scope, deps.newId, `mentorship.survey.${kind.toLowerCase()}`, { type: 'Mentorship', id: pair.id }, null, {
    survey: { id: survey.id, kind, side },
  });
  return idempotent(
    deps,
    scope,
    idempotencyKey,
    'submitSurvey',
    { mentorshipId, input },
    survey.id,
    async (record) => {
      await deps.surveys.addSurvey(survey, stats, audit, record);
      return survey;
    },
    async (id) => (await deps.surveys.listSurveys(scope.tenantId, pair.id)).find((s) => s.id === id) ?? Promise.reject(notFound('Survey')),
  );
}

/** Managers read every answer of their program's pairs; a member reads their own side's. */
export async function listSurveys(
  deps: { mentorships: MentorshipStore; surveys: SurveyStore },
  scope: Scope,
  mentorshipId: string,
): Promise<Survey[]> {
  await getMentorship(deps.mentorships, scope, mentorshipId);
  const all = await deps.surveys.listSurveys(scope.tenantId, mentorshipId);
  return scope.actor.role === 'participant' ? all.filter((s) => s.respondentId === scope.actor.personId) : all;
}
