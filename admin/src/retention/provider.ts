import { graphql } from '../generated/gql.ts';
import type { AdminRetentionQuery, ExitScope } from '../generated/graphql.ts';
import type { GraphQLClient } from '../providers/graphqlClient.ts';

export type RetentionFigures = AdminRetentionQuery['retentionInsights'];

const fields = graphql(`
  fragment AdminRetentionFields on RetentionInsights {
    computedAt
    asOf
    exits
    minimumGroupSize
    employees
    groups {
      group
      n
      suppressed
      exits
      personYears
      promotions
      promotionsPerPersonYear { estimate low high }
      retention12 { estimate low high }
      curve { month atRisk survival low high }
    }
    difference12 { estimate low high }
    hazardRatio { estimate low high }
    matching { strata matchedMentees unmatchedMentees pool }
    exitReasons { leavers suppressed unmapped windowStart windowEnd reasons { code label count share focusAreas } }
    focus { focusArea leaverShare menteeShare inProgram }
    suggestion { exitReason label leaverShare focusAreas menteeShare offered }
  }
`);
void fields;

const retentionQuery = graphql(`
  query AdminRetention($programId: ID, $exits: ExitScope) {
    retentionInsights(programId: $programId, exits: $exits) { ...AdminRetentionFields }
  }
`);
const retentionCsv = graphql(`
  query AdminRetentionCsv($programId: ID, $exits: ExitScope) {
    retentionInsights(programId: $programId, exits: $exits) { csv }
  }
`);
const refreshMutation = graphql(`
  mutation AdminRefreshRetention($programId: ID, $exits: ExitScope) {
    refreshRetentionInsights(programId: $programId, exits: $exits) { ...AdminRetentionFields }
  }
`);

/** The Retention page's verbs (issue #21): read the snapshot's figures, export them, take the snapshot now. */
export function retentionVerbs(client: GraphQLClient) {
  return {
    retentionInsights: async (programId: string | null, exits: ExitScope, signal?: AbortSignal) =>
      (await client(retentionQuery, { programId, exits }, signal)).retentionInsights,
    retentionCsv: async (programId: string | null, exits: ExitScope) =>
      (await client(retentionCsv, { programId, exits })).retentionInsights.csv,
    refreshRetention: async (programId: string | null, exits: ExitScope) =>
      (await client(refreshMutation, { programId, exits })).refreshRetentionInsights,
  };
}

export type RetentionVerbs = ReturnType<typeof retentionVerbs>;
