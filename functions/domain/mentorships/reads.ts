import { type Actor, reachesProgram, type Scope } from '#domain/kernel/actors.ts';
import { DomainError, ErrorCode } from '#domain/kernel/errors.ts';
import { allPages, type Page, type PageRequest } from '#domain/kernel/pages.ts';
import { authorize, pairSubject, withSubject } from '#domain/kernel/visibility.ts';
import type { Program, ProgramStore } from '#domain/programs/programs.ts';
import { analyticsOf, type ProgramAnalytics, type ProgramStats, tenantAnalyticsOf } from './analytics.ts';
import type { Survey, SurveyKind, SurveyStore } from './feedback.ts';
import { type Goal, getMentorship, type Meeting, type Mentorship, type MentorshipStore } from './pairs.ts';
import type { MatchProposal, ProposalStatus, ProposalStore } from './proposals.ts';
import type { MentorshipRequest, RequestStore } from './requests.ts';

/** A program's requests, surveys, proposals and figures are its managers' to read. */
export const READ_PROGRAM_RECORDS = 'read the pairs, requests and figures of a program';

/** The pair, or null when there is none or it is not the caller's to see. */
export const findMentorship = (store: MentorshipStore, scope: Scope, id: string): Promise<Mentorship | null> =>
  getMentorship(store, scope, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === ErrorCode.NOT_FOUND) return null;
    throw e;
  });

/** Each meeting carries its pair, so the visibility guard keeps the private notes with the pair. */
export const meetingsOf = async (deps: { mentorships: Pick<MentorshipStore, 'listMeetings'> }, pair: Mentorship): Promise<Meeting[]> =>
  (await deps.mentorships.listMeetings(pair.tenantId, pair.id)).map((meeting) => withSubject(meeting, pairSubject(pair)));

export const goalsOf = (deps: { mentorships: Pick<MentorshipStore, 'listGoals'> }, pair: Mentorship): Promise<Goal[]> =>
  deps.mentorships.listGoals(pair.tenantId, pair.id);

export function programRequests(
  deps: { requests: Pick<RequestStore, 'listProgramRequests'> },
  scope: Scope,
  program: Program,
  page: PageRequest,
): Promise<Page<MentorshipRequest>> {
  authorize(scope.actor, READ_PROGRAM_RECORDS);
  return deps.requests.listProgramRequests(program.tenantId, program.id, page);
}

export function programSurveys(
  deps: { surveys: Pick<SurveyStore, 'listProgramSurveys'> },
  scope: Scope,
  program: Program,
  kind: SurveyKind | null,
  page: PageRequest,
): Promise<Page<Survey>> {
  authorize(scope.actor, READ_PROGRAM_RECORDS);
  return deps.surveys.listProgramSurveys(program.tenantId, program.id, kind, page);
}

export function programProposals(
  deps: { proposals: Pick<ProposalStore, 'listProposals'> },
  scope: Scope,
  program: Program,
  status: ProposalStatus | null,
  page: PageRequest,
): Promise<Page<MatchProposal>> {
  authorize(scope.actor, READ_PROGRAM_RECORDS);
  return deps.proposals.listProposals(program.tenantId, program.id, status, page);
}

/** A program's figures from its running totals (`stats`, read in a batch by the caller). */
export function programAnalytics(scope: Scope, program: Program, stats: ProgramStats): ProgramAnalytics {
  authorize(scope.actor, READ_PROGRAM_RECORDS);
  return analyticsOf(stats, program, scope.now);
}

/** The figures of every program of the tenant together; `statsOf` reads the programs' totals in one batch. */
export async function tenantAnalytics(
  deps: { programs: Pick<ProgramStore, 'listPrograms'> },
  scope: Scope,
  statsOf: (programIds: string[]) => Promise<(ProgramStats | Error)[]>,
): Promise<ProgramAnalytics> {
  authorize(scope.actor, READ_PROGRAM_RECORDS);
  const programs = await allPages((page) => deps.programs.listPrograms(scope.tenantId, page), 100);
  const stats = await statsOf(programs.map((p) => p.id));
  const entries = programs.map((program, i) => ({ program, stats: stats[i] as ProgramStats }));
  return tenantAnalyticsOf(entries, scope.now);
}

/** What a key restricted to one program may see of a person's pairs, requests and proposals. */
const reachable = <T extends { programId: string }>(actor: Actor, items: T[]): T[] =>
  items.filter((i) => reachesProgram(actor, i.programId));

/** A person's pairs (PERSONAL: the visibility guard answers null to anyone but the person and managers). */
export const pairsOfPerson = async (
  deps: { mentorships: Pick<MentorshipStore, 'mentorshipsOf'> },
  actor: Actor,
  person: { tenantId: string; id: string },
): Promise<Mentorship[]> => reachable(actor, await deps.mentorships.mentorshipsOf(person.tenantId, person.id));

export const requestsOfPerson = async (
  deps: { requests: Pick<RequestStore, 'requestsOf'> },
  actor: Actor,
  person: { tenantId: string; id: string },
): Promise<MentorshipRequest[]> => reachable(actor, await deps.requests.requestsOf(person.tenantId, person.id));

/** A person's proposals; participants see a proposal once a manager has approved it. */
export async function proposalsOfPerson(
  deps: { proposals: Pick<ProposalStore, 'proposalsOf'> },
  actor: Actor,
  person: { tenantId: string; id: string },
): Promise<MatchProposal[]> {
  const all = reachable(actor, await deps.proposals.proposalsOf(person.tenantId, person.id));
  return actor.role === 'participant' ? all.filter((p) => p.status !== 'PROPOSED') : all;
}
