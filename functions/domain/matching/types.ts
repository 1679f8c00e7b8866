import type { MatchProposal } from '#domain/mentorships/proposals.ts';
import type { MatchingSettings } from '#domain/programs/programs.ts';
import type { Certification } from './exact.ts';
import type { Unmatched } from './explain.ts';

/** The records of matching: rules, runs and what a run is asked to do. */

export type RuleKind = 'PIN' | 'BLOCK';

/** A program manager's rule for one pair: must pair (pin) or never pair (block). */
export interface PairRule {
  tenantId: string;
  programId: string;
  menteeId: string;
  mentorId: string;
  kind: RuleKind;
  setBy: string;
  setAt: string;
}

export interface GroupFairness {
  group: string;
  mentees: number;
  matched: number;
  matchRate: number;
  averageScore: number | null;
}

export interface MatchingRun {
  id: string;
  tenantId: string;
  programId: string;
  status: 'DONE' | 'FAILED';
  dryRun: boolean;
  trigger: 'SCHEDULE' | 'MANUAL';
  requestedBy: string;
  startedAt: string;
  finishedAt: string;
  settings: MatchingSettings;
  counts: { mentees: number; mentors: number; places: number; edges: number; proposed: number; pinned: number; unmatched: number };
  objective: number;
  timings: { readMs: number; scoreMs: number; solveMs: number; writeMs: number };
  fairness: { byDepartment: GroupFairness[]; byLocation: GroupFairness[] };
  /** Against the previous run: pairs proposed again, new, and no longer proposed. */
  diff: { kept: number; added: number; dropped: number; previousRunId: string | null };
  /** `${menteeId}|${mentorId}` of every proposal, for the next run's diff. */
  pairs: string[];
  unmatched: Unmatched[];
  error: string | null;
  /** How the assignment was proved optimal over every eligible pair (runs before this field existed lack it). */
  certification?: Certification;
  /** A dry run's proposals, which exist nowhere else. */
  proposals?: MatchProposal[];
}

export interface RunOptions {
  dryRun: boolean;
  trigger: 'SCHEDULE' | 'MANUAL';
  /** Given for a scheduled slot (or a retried request): the same id re-runs the same run. */
  runId?: string;
  languageName?: (code: string) => string;
}
