import { graphql } from '../generated/gql.ts';
import type {
  AdminMatchingRunFieldsFragment,
  AdminMatchingRunRowFieldsFragment,
  AdminPairRulesQuery,
  PairRuleKind,
  ProposalDecision,
} from '../generated/graphql.ts';
import type { GraphQLClient } from './graphqlClient.ts';

/** A run as a row of a program's runs: when, how, what it found, how long it took. */
export type MatchingRunRow = AdminMatchingRunRowFieldsFragment;
/** A run with its proposals, unmatched mentees, fairness and diff. */
export type MatchingRunRecord = AdminMatchingRunFieldsFragment;
export type RunProposal = MatchingRunRecord['proposals'][number];
export type PairRuleRecord = NonNullable<AdminPairRulesQuery['program']>['pairRules'][number];

export const matchingRunRowFields = graphql(`
  fragment AdminMatchingRunRowFields on MatchingRun {
    id
    dryRun
    trigger
    requestedBy
    startedAt
    finishedAt
    objective
    counts {
      mentees
      mentors
      places
      edges
      proposed
      pinned
      unmatched
    }
    # solveMs is left out: the API currently sends it unrounded (functions/domain/matching/assignment.ts),
    # which its Int type refuses, failing the whole query. Add it back once the API rounds it.
    timings {
      readMs
      scoreMs
      writeMs
    }
    settings {
      objective
      minimumScore
      approvalMode
    }
  }
`);

export const matchingRunFields = graphql(`
  fragment AdminMatchingRunFields on MatchingRun {
    ...AdminMatchingRunRowFields
    fairness {
      byDepartment {
        group
        mentees
        matched
        matchRate
        averageScore
      }
      byLocation {
        group
        mentees
        matched
        matchRate
        averageScore
      }
    }
    diff {
      kept
      added
      dropped
      previousRun {
        id
        startedAt
      }
    }
    proposals {
      id
      status
      score
      menteeName
      mentorName
      mentee {
        id
        displayName
        department
      }
      mentor {
        id
        displayName
        department
      }
      explanation {
        criterion
        weight
        score
        contribution
        facts {
          shared
          sharedFocusAreas
          sought
          matched
          hoursApart
          mentee
          mentor
        }
        ways {
          seeker {
            id
          }
          score
          facts {
            shared
            sharedFocusAreas
            sought
            matched
            hoursApart
            mentee
            mentor
          }
        }
      }
      version
    }
    certification {
      certified
      eligiblePairs
      keptPairs
      addedPairs
      rounds
      circles {
        method
        objective
        bound
        nodes
        unconstrained
        closed {
          id
          displayName
        }
      }
    }
    unmatched {
      mentee {
        id
        displayName
      }
      reason
      detail
      fix
      bestScore
    }
  }
`);

const runsQuery = graphql(`
  query AdminMatchingRuns($programId: ID!, $first: Int, $after: String) {
    program(id: $programId) {
      id
      matchingRuns(first: $first, after: $after) {
        edges {
          node {
            ...AdminMatchingRunRowFields
          }
        }
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const runQuery = graphql(`
  query AdminMatchingRun($id: ID!) {
    matchingRun(id: $id) {
      ...AdminMatchingRunFields
    }
  }
`);

const runMutation = graphql(`
  mutation AdminRunMatching($programId: ID!, $dryRun: Boolean) {
    runMatching(programId: $programId, dryRun: $dryRun) {
      ...AdminMatchingRunFields
    }
  }
`);

const decideMutation = graphql(`
  mutation AdminDecideProposal($id: ID!, $version: Int!, $decision: ProposalDecision!, $reason: String) {
    decideProposal(id: $id, version: $version, decision: $decision, reason: $reason) {
      id
      status
      version
    }
  }
`);

const pairRulesQuery = graphql(`
  query AdminPairRules($programId: ID!) {
    program(id: $programId) {
      id
      pairRules {
        mentee {
          id
          displayName
        }
        mentor {
          id
          displayName
        }
        kind
        setAt
      }
    }
  }
`);

const setPairRuleMutation = graphql(`
  mutation AdminSetPairRule($programId: ID!, $menteeId: ID!, $mentorId: ID!, $kind: PairRuleKind!) {
    setPairRule(programId: $programId, menteeId: $menteeId, mentorId: $mentorId, kind: $kind)
  }
`);

/** Matching: runs, their proposals, and the pins and blocks the optimiser respects. */
export interface MatchingVerbs {
  /** The latest runs, newest first (one page: a program keeps few). */
  matchingRuns(programId: string, signal?: AbortSignal): Promise<{ data: MatchingRunRow[] }>;
  matchingRun(id: string, signal?: AbortSignal): Promise<{ data: MatchingRunRecord | null }>;
  /** Refused with CONFLICT (`conflict.state`) while another run holds the program. */
  runMatching(programId: string, dryRun: boolean): Promise<{ data: MatchingRunRecord }>;
  /** REJECT needs a reason. A stale version is refused with CONFLICT. */
  decideProposal(
    proposal: Pick<RunProposal, 'id' | 'version'>,
    decision: ProposalDecision,
    reason?: string,
  ): Promise<{ data: { id: string; status: string; version: number } }>;
  pairRules(programId: string, signal?: AbortSignal): Promise<{ data: PairRuleRecord[] }>;
  setPairRule(programId: string, menteeId: string, mentorId: string, kind: PairRuleKind): Promise<{ data: boolean }>;
}

export function matchingHandlers(client: GraphQLClient): MatchingVerbs {
  return {
    matchingRuns: async (programId, signal) => {
      const { program } = await client(runsQuery, { programId, first: 20 }, signal);
      return { data: program?.matchingRuns.edges.map((edge) => edge.node) ?? [] };
    },
    matchingRun: async (id, signal) => ({ data: (await client(runQuery, { id }, signal)).matchingRun ?? null }),
    runMatching: async (programId, dryRun) => ({ data: (await client(runMutation, { programId, dryRun })).runMatching }),
    decideProposal: async (proposal, decision, reason) => ({
      data: (await client(decideMutation, { id: proposal.id, version: proposal.version, decision, reason: reason?.trim() || null }))
        .decideProposal,
    }),
    pairRules: async (programId, signal) => ({ data: (await client(pairRulesQuery, { programId }, signal)).program?.pairRules ?? [] }),
    setPairRule: async (programId, menteeId, mentorId, kind) => ({
      data: (await client(setPairRuleMutation, { programId, menteeId, mentorId, kind })).setPairRule,
    }),
  };
}
