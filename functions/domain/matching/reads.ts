import type { Scope } from '#domain/kernel/actors.ts';
import { notFound } from '#domain/kernel/errors.ts';
import type { Page, PageRequest } from '#domain/kernel/pages.ts';
import { authorize } from '#domain/kernel/visibility.ts';
import type { MatchProposal, ProposalStore } from '#domain/mentorships/proposals.ts';
import type { Program } from '#domain/programs/programs.ts';
import { type MatchingStore, proposalId } from './run.ts';
import type { MatchingRun, PairRule } from './types.ts';

/** What the API reads of matching: runs and pins are the managers'; a run's parts follow the run. */
type Reads = { matching: Pick<MatchingStore, 'getRun' | 'listRuns' | 'listRules'> };

export const READ_RUNS = 'read matching runs';
export const READ_RULES = 'read pins and blocks';

export async function matchingRun(deps: Reads, scope: Scope, id: string): Promise<MatchingRun> {
  authorize(scope.actor, READ_RUNS);
  const run = await deps.matching.getRun(scope.tenantId, id);
  if (!run) throw notFound('MatchingRun');
  return run;
}

export function matchingRuns(deps: Reads, scope: Scope, program: Program, page: PageRequest): Promise<Page<MatchingRun>> {
  authorize(scope.actor, READ_RUNS);
  return deps.matching.listRuns(program.tenantId, program.id, page);
}

export function pairRules(deps: Reads, scope: Scope, program: Program): Promise<PairRule[]> {
  authorize(scope.actor, READ_RULES);
  return deps.matching.listRules(program.tenantId, program.id);
}

/** The run a run was compared with, if any. */
export const previousRunOf = (deps: Reads, run: MatchingRun): Promise<MatchingRun | null> | null =>
  run.diff.previousRunId ? deps.matching.getRun(run.tenantId, run.diff.previousRunId) : null;

/** A run's proposals: kept on a fresh run, else read by the ids its pairs give (a listed run is read whole first). */
export async function proposalsOfRun(
  deps: Reads & { proposals: Pick<ProposalStore, 'getProposal'> },
  run: MatchingRun,
): Promise<MatchProposal[]> {
  if (run.proposals) return run.proposals;
  const full = run.pairs.length > 0 ? run : ((await deps.matching.getRun(run.tenantId, run.id)) ?? run);
  const ids = full.pairs.map((pair) => {
    const [mentee = '', mentor = ''] = pair.split('|');
    return proposalId(run.id, mentee, mentor);
  });
  const found = await Promise.all(ids.map((id) => deps.proposals.getProposal(run.tenantId, id)));
  return found.filter((p) => p !== null);
}

/** The mentees a run left unmatched, with their reasons (a listed run is read whole first). */
export async function unmatchedOfRun(deps: Reads, run: MatchingRun): Promise<MatchingRun['unmatched']> {
  const full = run.unmatched.length > 0 || run.proposals ? run : ((await deps.matching.getRun(run.tenantId, run.id)) ?? run);
  return full.unmatched;
}
