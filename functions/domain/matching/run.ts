import type { Scope } from '#domain/kernel/actors.ts';
import { requireRole } from '#domain/kernel/actors.ts';
import { type AuditEntry, auditEntry } from '#domain/kernel/audit.ts';
import { DomainError, ErrorCode, notFound } from '#domain/kernel/errors.ts';
import type { Page, PageRequest } from '#domain/kernel/pages.ts';
import type { MentorshipStore } from '#domain/mentorships/pairs.ts';
import type { MatchProposal, ProposalStore } from '#domain/mentorships/proposals.ts';
import type { Enrolment, MatchingProfile, PeopleStore } from '#domain/people/people.ts';
import { kindOf } from '#domain/programs/kinds.ts';
import type { Program, ProgramStore } from '#domain/programs/programs.ts';
import { planGroupRun } from './groupPlan.ts';
import { planPeerRun } from './peerPlan.ts';
import { mayTakePart, type PlanInput, planRun } from './plan.ts';
import type { MatchingRun, PairRule, RuleKind, RunOptions } from './types.ts';

export { proposalId } from './plan.ts';
export type { GroupFairness, MatchingRun, PairRule, RuleKind, RunOptions } from './types.ts';

export interface MatchingStore {
  listRules(tenantId: string, programId: string): Promise<PairRule[]>;
  putRule(
    rule: PairRule | { tenantId: string; programId: string; menteeId: string; mentorId: string; kind: 'NONE' },
    audit: AuditEntry,
  ): Promise<void>;
  /** Holds the program's matching for one run until `until` (a crashed run's lease lapses). False if another run holds it. */
  acquireLease(tenantId: string, programId: string, runId: string, now: string, until: string): Promise<boolean>;
  releaseLease(tenantId: string, programId: string, runId: string): Promise<void>;
  saveRun(run: MatchingRun, audit: AuditEntry): Promise<void>;
  getRun(tenantId: string, id: string): Promise<MatchingRun | null>;
  listRuns(tenantId: string, programId: string, page: PageRequest): Promise<Page<MatchingRun>>;
  /** A mentee's discovery ranking under one filter (discovery.ts), or null when none was kept or it lapsed. */
  getRanking(tenantId: string, programId: string, menteeId: string, filterHash: string): Promise<RankingSnapshot | null>;
  /** Keeps the ranking until its `until` (then DynamoDB's TTL removes it). */
  putRanking(snapshot: RankingSnapshot): Promise<void>;
}

/** The order discovery gave a mentee, kept minutes so the next pages read it instead of every mentor. */
export interface RankingSnapshot {
  tenantId: string;
  programId: string;
  menteeId: string;
  filterHash: string;
  until: string;
  /** Best first, as filtered then; each page reads its mentors' cards afresh. */
  ranked: RankedEntry[];
}

export interface RankedEntry {
  mentorId: string;
  score: number;
  /** The mentor's open proposals when ranked (they hold a place); the rest of the load is read fresh. */
  openProposals: number;
}

export interface MatchingDeps {
  matching: MatchingStore;
  programs: ProgramStore;
  people: PeopleStore;
  proposals: ProposalStore;
  mentorships: MentorshipStore;
  newId: () => string;
}

export const LEASE_MS = 10 * 60_000;

/**
 * One matching run for a program: reads its open mentees and mentors with places left, scores the
 * allowed pairs, finds the optimal assignment, and writes a proposal per pair (approved at once when
 * the program says so) and a run record with explanations, fairness and the diff against the last
 * run. Decisions already taken are never touched: mentees with an open proposal or a running pair
 * are not matched again, and mentors' places count their open proposals. A dry run writes nothing.
 */
export async function runMatching(deps: MatchingDeps, scope: Scope, programId: string, options: RunOptions): Promise<MatchingRun> {
  requireRole(scope.actor, 'run matching', 'manager', 'operator');
  const started = Date.now();
  const program = await deps.programs.getProgram(scope.tenantId, programId);
  if (!program) throw notFound('Program');
  if (program.status !== 'OPEN' && program.status !== 'RUNNING') {
    throw new DomainError(ErrorCode.CONFLICT, 'conflict.programStatus', { status: program.status, action: 'matching' });
  }
  const runId = options.runId ?? deps.newId();
  const now = scope.now.toISOString();
  if (
    !options.dryRun &&
    !(await deps.matching.acquireLease(scope.tenantId, program.id, runId, now, new Date(scope.now.getTime() + LEASE_MS).toISOString()))
  ) {
    throw new DomainError(ErrorCode.CONFLICT, 'conflict.running', {});
  }
  try {
    return await runLocked(deps, scope, program, runId, options, started);
  } finally {
    if (!options.dryRun) await deps.matching.releaseLease(scope.tenantId, program.id, runId);
  }
}

/** Reads (`readRun`), plans (pure, `plan.ts`), writes (`writeRun`). */
async function runLocked(
  deps: MatchingDeps,
  scope: Scope,
  program: Program,
  runId: string,
  options: RunOptions,
  started: number,
): Promise<MatchingRun> {
  const kind = kindOf(program);
  const peer = kind === 'PEER';
  const read = await readRun(deps, scope.tenantId, program.id, runId, peer ? ['PEER'] : ['MENTEE', 'MENTOR']);
  const plan = peer ? planPeerRun : kind === 'GROUP' ? planGroupRun : planRun;
  const { proposals, run } = plan({
    ...read,
    program,
    runId,
    options,
    requestedBy: scope.actor.id,
    now: scope.now,
    started,
    readMs: Date.now() - started,
  });
  if (!options.dryRun) await writeRun(deps, scope, run, proposals, started);
  return run;
}

/**
 * Everything a run reads, side by side: each role's enrolments (two ranges of one index) with, as
 * soon as a role is read, the people who may take part; open proposals, ended pairs, rules, and the
 * last real run (for the diff) alongside.
 */
async function readRun(
  deps: MatchingDeps,
  t: string,
  programId: string,
  runId: string,
  roles: readonly Enrolment['role'][],
): Promise<Pick<PlanInput, 'enrolments' | 'open' | 'ended' | 'rules' | 'people' | 'previous'>> {
  // Each page of a role's enrolments has its people read while the next page is: the profiles'
  // BatchGets overlap the query's round trips instead of waiting for the last page.
  const role = async (r: Enrolment['role']) => {
    const enrolments: Enrolment[] = [];
    const reads: Promise<Map<string, MatchingProfile>>[] = [];
    let after: string | null = null;
    do {
      const page: Page<Enrolment> = await deps.people.listEnrolments(t, programId, { role: r }, 'NAME', { first: 1000, after });
      enrolments.push(...page.items);
      const read = deps.people.matchingProfiles(
        t,
        page.items.filter(mayTakePart).map((e) => e.personId),
      );
      // Awaited below with the others; until then a failure must not count as unhandled.
      read.catch(() => undefined);
      reads.push(read);
      after = page.after;
    } while (after);
    return { enrolments, people: (await Promise.all(reads)).flatMap((m) => [...m]) };
  };
  const previous = async () => {
    const recent = await deps.matching.listRuns(t, programId, { first: 5, after: null });
    const last = recent.items.find((r) => !r.dryRun && r.id !== runId);
    return last ? deps.matching.getRun(t, last.id) : null;
  };
  const [read, open, ended, rules, last] = await Promise.all([
    Promise.all(roles.map(role)),
    deps.proposals.openProposals(t, programId),
    deps.mentorships.endedPairs(t, programId),
    deps.matching.listRules(t, programId),
    previous(),
  ]);
  return {
    enrolments: read.flatMap((r) => r.enrolments),
    people: new Map(read.flatMap((r) => r.people)),
    open,
    ended,
    rules,
    previous: last,
  };
}

/** The proposals in parallel batches (with their pointers and audit entries), then the run record. */
async function writeRun(deps: MatchingDeps, scope: Scope, run: MatchingRun, proposals: MatchProposal[], started: number): Promise<void> {
  const writeStart = Date.now();
  await deps.proposals.createProposals(
    proposals.map((proposal) => ({
      proposal,
      audit: auditEntry(scope, deps.newId, 'proposal.create', { type: 'Proposal', id: proposal.id }, null, proposal),
    })),
  );
  run.timings.writeMs = Date.now() - writeStart;
  run.finishedAt = new Date(scope.now.getTime() + (Date.now() - started)).toISOString();
  await deps.matching.saveRun(
    run,
    auditEntry(scope, deps.newId, 'matching.run', { type: 'Program', id: run.programId }, null, { run: run.counts }),
  );
}

/** Sets, or with 'NONE' clears, a manager's pin or block for a pair. */
export async function setPairRule(
  deps: Pick<MatchingDeps, 'matching' | 'programs' | 'people' | 'newId'>,
  scope: Scope,
  input: { programId: string; menteeId: string; mentorId: string; kind: RuleKind | 'NONE' },
): Promise<void> {
  requireRole(scope.actor, 'pin or block pairs', 'manager');
  const program = await deps.programs.getProgram(scope.tenantId, input.programId);
  if (!program) throw notFound('Program');
  // A peer program's rule is between two peers and has no direction: it is kept in the order a pair
  // of peers is (the lower id on the mentor side), so setting it either way round sets the same rule.
  const peer = kindOf(program) === 'PEER';
  if (peer && input.menteeId < input.mentorId) input = { ...input, menteeId: input.mentorId, mentorId: input.menteeId };
  // A rule names two people of this program: an id from elsewhere (or nowhere) is not found, and nothing is written.
  const [mentee, mentor] = await Promise.all([
    deps.people.getEnrolment(scope.tenantId, input.menteeId, program.id, peer ? 'PEER' : 'MENTEE'),
    deps.people.getEnrolment(scope.tenantId, input.mentorId, program.id, peer ? 'PEER' : 'MENTOR'),
  ]);
  if (!mentee || !mentor) throw notFound('Person');
  const rule =
    input.kind === 'NONE'
      ? { tenantId: scope.tenantId, programId: program.id, menteeId: input.menteeId, mentorId: input.mentorId, kind: 'NONE' as const }
      : {
          tenantId: scope.tenantId,
          programId: program.id,
          menteeId: input.menteeId,
          mentorId: input.mentorId,
          kind: input.kind,
          setBy: scope.actor.id,
          setAt: scope.now.toISOString(),
        };
  await deps.matching.putRule(
    rule,
    auditEntry(scope, deps.newId, `matching.rule.${input.kind.toLowerCase()}`, { type: 'Program', id: program.id }, null, rule),
  );
}
