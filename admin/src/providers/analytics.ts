import { graphql } from '../generated/gql.ts';
import type { AdminProgramAnalyticsQuery, AdminTenantAnalyticsQuery } from '../generated/graphql.ts';
import type { GraphQLClient } from './graphqlClient.ts';

/** A program with the dashboard's figures; null when the program does not exist (any more). */
export type ProgramAnalytics = NonNullable<AdminProgramAnalyticsQuery['program']>;

export const analyticsFields = graphql(`
  fragment AdminAnalyticsFields on ProgramAnalytics {
    mentors
    mentees
    withdrawn
    matchRate
    medianDaysToMatch
    activeMentorships
    paused
    completed
    endedEarly
    activeByHealth {
      health
      count
    }
    meetings
    meetingsPerPairPerMonth
    averageCheckInRating
    averageClosingRating
    requests {
      sent
      accepted
      declined
      expired
      open
    }
    outcomes {
      outcome
      count
    }
  }
`);

/** The organisation's figures, and each program's, for the dashboard's "All programs" view. */
const tenantAnalyticsQuery = graphql(`
  query AdminTenantAnalytics {
    viewer {
      tenant {
        id
        name
        analytics {
          ...AdminAnalyticsFields
        }
        programs(first: 100) {
          edges {
            node {
              id
              name
              status
              analytics {
                mentees
                matchRate
                activeMentorships
                activeByHealth {
                  health
                  count
                }
              }
            }
          }
        }
      }
    }
  }
`);

export type TenantAnalytics = NonNullable<AdminTenantAnalyticsQuery['viewer']['tenant']>;

const analyticsQuery = graphql(`
  query AdminProgramAnalytics($id: ID!) {
    program(id: $id) {
      id
      name
      status
      cadence {
        expectedEveryDays
      }
      analytics {
        ...AdminAnalyticsFields
      }
      awaitingApproval: proposals(status: PROPOSED, first: 100) {
        edges {
          node {
            id
          }
        }
        pageInfo {
          hasNextPage
        }
      }
    }
  }
`);

export interface AnalyticsVerbs {
  programAnalytics(programId: string, signal?: AbortSignal): Promise<{ data: ProgramAnalytics | null }>;
  tenantAnalytics(signal?: AbortSignal): Promise<{ data: TenantAnalytics | null }>;
}

export function analyticsHandlers(client: GraphQLClient): AnalyticsVerbs {
  return {
    programAnalytics: async (id, signal) => ({ data: (await client(analyticsQuery, { id }, signal)).program }),
    tenantAnalytics: async (signal) => ({ data: (await client(tenantAnalyticsQuery, {}, signal)).viewer.tenant }),
  };
}
