import type { Scope } from '#domain/kernel/actors.ts';
import { reachesProgram, requireRole } from '#domain/kernel/actors.ts';
import { type AuditEntry, auditEntry } from '#domain/kernel/audit.ts';
import { DomainError, ErrorCode, notFound } from '#domain/kernel/errors.ts';
import type { Page, PageRequest } from '#domain/kernel/pages.ts';
import { Checks } from '#domain/kernel/validation.ts';
import { kindOf } from '#domain/programs/kinds.ts';
import { type Criterion, type Program, pairingOf } from '#domain/programs/programs.ts';
import { circleIdOf } from './circleRecord.ts';
import { DAY_MS } from './health.ts';
import { enrolledPair, type Mentorship, type MentorshipDeps, startPair } from './pairs.ts';

/**
 * A proposed pair: written by the matching engine or by a program manager. Proposed → approved (by a
 * manager, or at once when the program approves automatically) → accepted by both → the pair starts;
 * or rejected by a manager, declined by either side, or expired.
 */
export type ProposalStatus = 'PROPOSED' | 'APPROVED' | 'ACCEPTED' | 'REJECTED' | 'DECLINED' | 'EXPIRED';

export interface Contribution {
  criterion: Criterion;
  weight: number;
  /** How well the pair does on this criterion, 0–1. */
  score: number;
  /** Its share of the total score. */
  contribution: number;
  /** What the pair has in common on this criterion, for a sentence in the reader's language (runs since ADR 47). */
  facts?: ContributionFacts;
  /**
   * A pair of peers is scored both ways round (ADR 69): this criterion as each peer seeks and the
   * other offers, by who seeks. Absent on one-to-one pairs.
   */
  ways?: ContributionWay[];
}

/** One direction of a peer pair's fit on a criterion: what `seekerId` seeks against what the other offers. */
export interface ContributionWay {
  seekerId: string;
  score: number;
  facts?: ContributionFacts;
}

/**
 * The concrete reason behind a criterion's fit. Focus areas are SENSITIVE_REASON: the API names only
 * those the reader may see and counts the rest in `matched` (domain/visibility.ts decides).
 */
export interface ContributionFacts {
  /** Languages both speak (codes), or the sought skills the mentor offers (as the mentor wrote them). */
  shared?: string[];
  /** Focus areas the mentee seeks that the mentor offers (codes). */
  focusAreas?: string[];
  /** Of an overlap: how many the mentee seeks, and how many of them the mentor matches. */
  sought?: number;
  matched?: number;
  /** Hours between the two time zones now. */
  hoursApart?: number;
  /** The two sides' values where the fit compares them (location, department). */
  mentee?: string | null;
  mentor?: string | null;
}

export interface MatchProposal {
  id: string;
  tenantId: string;
  programId: string;
  menteeId: string;
  mentorId: string;
  menteeName: string;
  mentorName: string;
  status: ProposalStatus;
  origin: 'MATCHING' | 'MANAGER';
  runId: string | null;
  /** 0–1, as the matcher gave it; null for a manager's own proposal. */
  score: number | null;
  explanation: Contribution[];
  mentorAcceptedAt: string | null;
  menteeAcceptedAt: string | null;
  reason: string | null;
  createdAt: string;
  approvedAt: string | null;
  expiresAt: string | null;
  mentorshipId: string | null;
  /** Two peers of a peer program (kinds.ts); absent on one-to-one proposals. */
  peer?: boolean;
  /** A group program's proposal: a place in this mentor's circle (circleRecord.ts); absent elsewhere. */
  circleId?: string;
  version: number;
}

export interface ProposalStore {
  getProposal(tenantId: string, id: string): Promise<MatchProposal | null>;
  /** Creates a proposal unless one with its (deterministic) id exists: true when written. */
  createProposal(proposal: MatchProposal, audit: AuditEntry): Promise<boolean>;
  /**
   * Writes a run's proposals in bulk (with their audit entries, and one pointer item per mentor for
   * the call). Not conditional: a run only writes proposals for mentees with no open proposal, so
   * nothing decided is overwritten, and a re-run under the same id writes the same items again.
   */
  createProposals(proposals: { proposal: MatchProposal; audit: AuditEntry }[]): Promise<void>;
  replaceProposal(next: MatchProposal, previous: MatchProposal, audit: AuditEntry): Promise<void>;
  listProposals(tenantId: string, programId: string, status: ProposalStatus | null, page: PageRequest): Promise<Page<MatchProposal>>;
  proposalsOf(tenantId: string, personId: string): Promise<MatchProposal[]>;
  /** A program's proposals still waiting for a decision (proposed or approved). */
  openProposals(tenantId: string, programId: string): Promise<MatchProposal[]>;
}

export interface ProposalDeps extends MentorshipDeps {
  proposals: ProposalStore;
}

const stateConflict = (from: string, to: string) => new DomainError(ErrorCode.CONFLICT, 'conflict.state', { type: 'proposal', from, to });

export async function getProposal(deps: Pick<ProposalDeps, 'proposals'>, scope: Scope, id: string): Promise<MatchProposal> {
  const proposal = await deps.proposals.getProposal(scope.tenantId, id);
  if (!proposal) throw notFound('Proposal');
  const who = scope.actor.personId;
  if (scope.actor.role === 'participant' && who !== proposal.menteeId && who !== proposal.mentorId) throw notFound('Proposal');
  // Participants see a proposal only once a manager has approved it.
  if (scope.actor.role === 'participant' && proposal.status === 'PROPOSED') throw notFound('Proposal');
  if (!reachesProgram(scope.actor, proposal.programId)) throw notFound('Proposal');
  return proposal;
}

/** Builds a proposal for a pair; the matching engine passes its own deterministic id, score and explanation. */
export function newProposal(
  program: Program,
  pair: { menteeId: string; mentorId: string; menteeName: string; mentorName: string; peer?: boolean; circleId?: string },
  made: { id: string; origin: MatchProposal['origin']; runId: string | null; score: number | null; explanation: Contribution[]; now: Date },
): MatchProposal {
  const approved = made.origin === 'MANAGER' || program.matching.approvalMode === 'AUTOMATIC';
  const stamp = made.now.toISOString();
  return {
    id: made.id,
    tenantId: program.tenantId,
    programId: program.id,
    ...pair,
    status: approved ? 'APPROVED' : 'PROPOSED',
    origin: made.origin,
    runId: made.runId,
    score: made.score,
    explanation: made.explanation,
    mentorAcceptedAt: null,
    menteeAcceptedAt: null,
    reason: null,
    createdAt: stamp,
    approvedAt: approved ? stamp : null,
    expiresAt: approved ? new Date(made.now.getTime() + pairingOf(program).proposalExpiryDays * DAY_MS).toISOString() : null,
    mentorshipId: null,
    version: 1,
  };
}

/** A program manager proposes a pair by hand: approved at once, waiting for both to accept. */
export async function proposePair(
  deps: ProposalDeps,
  scope: Scope,
  input: { programId: string; mentorId: string; menteeId: string },
): Promise<MatchProposal> {
  requireRole(scope.actor, 'propose pairs', 'manager');
  const program = await deps.programs.getProgram(scope.tenantId, input.programId);
  if (!program) throw notFound('Program');
  const { mentor, mentee } = await enrolledPair(deps.people, scope.tenantId, program.id, { ...input, peer: kindOf(program) === 'PEER' });
  if (input.mentorId === input.menteeId) {
    const checks = new Checks();
    checks.fail('input.menteeId', 'self', 'a person cannot mentor themselves');
    checks.done();
  }
  const proposal = newProposal(
    program,
    {
      menteeId: mentee.personId,
      mentorId: mentor.personId,
      menteeName: mentee.displayName,
      mentorName: mentor.displayName,
      // In a group program a manager's proposal is a place in the mentor's circle too.
      ...(kindOf(program) === 'GROUP' ? { circleId: circleIdOf(program.id, mentor.personId) } : {}),
    },
    { id: deps.newId(), origin: 'MANAGER', runId: null, score: null, explanation: [], now: scope.now },
  );
  await deps.proposals.createProposal(
    proposal,
    auditEntry(scope, deps.newId, 'proposal.create', { type: 'Proposal', id: proposal.id }, null, proposal),
  );
  return proposal;
}

export type ProposalDecision = 'APPROVE' | 'REJECT';

/** A program manager approves or rejects a proposal the matcher made. */
export async function decideProposal(
  deps: ProposalDeps,
  scope: Scope,
  id: string,
  expectedVersion: number,
  decision: ProposalDecision,
  reason?: string | null,
): Promise<MatchProposal> {
  requireRole(scope.actor, 'approve proposals', 'manager');
  const current = await getProposal(deps, scope, id);
  if (current.version !== expectedVersion) throw new DomainError(ErrorCode.CONFLICT, 'conflict.version', { type: 'proposal' });
  if (current.status !== 'PROPOSED') throw stateConflict(current.status, decision);
  const program = await deps.programs.getProgram(scope.tenantId, current.programId);
  if (!program) throw notFound('Program');
  const checks = new Checks();
  const why = decision === 'REJECT' ? checks.text('reason', reason ?? '', { max: 1000 }) : checks.optionalText('reason', reason, 1000);
  checks.done();
  const stamp = scope.now.toISOString();
  const next: MatchProposal =
    decision === 'APPROVE'
      ? {
          ...current,
          status: 'APPROVED',
          approvedAt: stamp,
          expiresAt: new Date(scope.now.getTime() + pairingOf(program).proposalExpiryDays * DAY_MS).toISOString(),
          reason: why,
          version: expectedVersion + 1,
        }
      : { ...current, status: 'REJECTED', reason: why, version: expectedVersion + 1 };
  const audit = auditEntry(scope, deps.newId, `proposal.${decision.toLowerCase()}`, { type: 'Proposal', id }, current, next);
  await deps.proposals.replaceProposal(next, current, audit);
  return next;
}

export type ProposalResponse = 'ACCEPT' | 'DECLINE';

/**
 * The mentor's or mentee's answer to an approved proposal (a manager may answer for either). When
 * both have accepted, the pair starts; a proposal is accepted at most once.
 */
export async function respondToProposal(
  deps: ProposalDeps,
  scope: Scope,
  id: string,
  expectedVersion: number,
  response: ProposalResponse,
  options: { side?: 'MENTOR' | 'MENTEE' | null; reason?: string | null },
): Promise<{ proposal: MatchProposal; mentorship: Mentorship | null }> {
  requireRole(scope.actor, 'answer proposals', 'participant', 'manager');
  const current = await getProposal(deps, scope, id);
  if (current.version !== expectedVersion) throw new DomainError(ErrorCode.CONFLICT, 'conflict.version', { type: 'proposal' });
  if (current.status !== 'APPROVED') throw stateConflict(current.status, response);
  const side = scope.actor.role === 'participant' ? (scope.actor.personId === current.mentorId ? 'MENTOR' : 'MENTEE') : options.side;
  const checks = new Checks();
  if (!side) checks.fail('side', 'required', 'say whether you answer for the mentor or the mentee');
  const why =
    response === 'DECLINE'
      ? checks.text('reason', options.reason ?? '', { max: 1000 })
      : checks.optionalText('reason', options.reason, 1000);
  checks.done();
  const stamp = scope.now.toISOString();
  if (current.expiresAt && current.expiresAt <= stamp) {
    const expired: MatchProposal = { ...current, status: 'EXPIRED', version: expectedVersion + 1 };
    await deps.proposals.replaceProposal(
      expired,
      current,
      auditEntry(scope, deps.newId, 'proposal.expire', { type: 'Proposal', id }, current, expired),
    );
    throw new DomainError(ErrorCode.CONFLICT, 'conflict.expired', { type: 'proposal' });
  }
  if (response === 'DECLINE') {
    const next: MatchProposal = {
      ...current,
      status: 'DECLINED',
      reason: `${side === 'MENTOR' ? 'mentor' : 'mentee'}: ${why}`,
      version: expectedVersion + 1,
    };
    await deps.proposals.replaceProposal(
      next,
      current,
      auditEntry(scope, deps.newId, 'proposal.decline', { type: 'Proposal', id }, current, next),
    );
    return { proposal: next, mentorship: null };
  }
  const accepted: MatchProposal = {
    ...current,
    mentorAcceptedAt: side === 'MENTOR' ? (current.mentorAcceptedAt ?? stamp) : current.mentorAcceptedAt,
    menteeAcceptedAt: side === 'MENTEE' ? (current.menteeAcceptedAt ?? stamp) : current.menteeAcceptedAt,
    version: expectedVersion + 1,
  };
  if (!accepted.mentorAcceptedAt || !accepted.menteeAcceptedAt) {
    await deps.proposals.replaceProposal(
      accepted,
      current,
      auditEntry(scope, deps.newId, 'proposal.accept', { type: 'Proposal', id }, current, accepted),
    );
    return { proposal: accepted, mentorship: null };
  }
  // Both have accepted: the pair starts in the same transaction that marks the proposal accepted.
  const program = await deps.programs.getProgram(scope.tenantId, current.programId);
  if (!program) throw notFound('Program');
  let done = accepted;
  const mentorship = await startPair(
    deps,
    scope,
    program,
    // A place in a circle starts the member's place and adds them to the circle, in one transaction.
    { mentorId: current.mentorId, menteeId: current.menteeId, circleId: current.circleId },
    { kind: 'PROPOSAL', id },
    (pair) => {
      done = { ...accepted, status: 'ACCEPTED', mentorshipId: pair.id };
      return { key: 'proposal', next: done, expectedVersion: current.version };
    },
  );
  return { proposal: done, mentorship };
}
