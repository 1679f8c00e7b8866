import { graphql } from '../generated/gql.ts';
import type {
  AdminAwaitingApprovalQuery,
  AdminDashboardQuery,
  AdminProgramAnalyticsQuery,
  AdminTenantAnalyticsQuery,
} from '../generated/graphql.ts';
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
      awaitingApproval: proposals(status: PROPOSED, first: 1) {
        totalCount
      }
    }
  }
`);

/**
 * The dashboard's one query: every program (for the picker) with its figures, so the first figures
 * need one round trip, not the programs list and then the chosen program's analytics. The figures
 * are spelled out rather than spread from AdminAnalyticsFields: the API's cost limit (graphql-armor)
 * prices a fragment spread this deep at twice the limit, the same fields written out at a fraction.
 */
// Fifty programs with their figures stay under the API's query cost (20,000); a proposals page per
// program would not, so the proposals awaiting approval are asked apart (awaitingQuery).
const dashboardQuery = graphql(`
  query AdminDashboard {
    programs(first: 50) {
      edges {
        node {
          id
          name
          status
          kind
          roleNames {
            mentor
            mentee
          }
          cadence {
            expectedEveryDays
          }
          analytics {
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
        }
      }
    }
  }
`);

/** The proposals waiting for the manager in one program: asked apart, since per program in a list it costs too much. */
const awaitingQuery = graphql(`
  query AdminAwaitingApproval($id: ID!) {
    program(id: $id) {
      id
      awaitingApproval: proposals(status: PROPOSED, first: 1) {
        totalCount
      }
    }
  }
`);

export type AwaitingApproval = NonNullable<AdminAwaitingApprovalQuery['program']>['awaitingApproval'];

export type DashboardProgram = AdminDashboardQuery['programs']['edges'][number]['node'];

/** The query key of the dashboard's figures: the console prefetches it at start when it opens on the dashboard. */
export const DASHBOARD_KEY = ['kindling', 'dashboard'] as const;

export interface AnalyticsVerbs {
  dashboard(signal?: AbortSignal): Promise<{ data: DashboardProgram[] }>;
  awaitingApproval(programId: string, signal?: AbortSignal): Promise<{ data: AwaitingApproval | null }>;
  programAnalytics(programId: string, signal?: AbortSignal): Promise<{ data: ProgramAnalytics | null }>;
  tenantAnalytics(signal?: AbortSignal): Promise<{ data: TenantAnalytics | null }>;
}

export function analyticsHandlers(client: GraphQLClient): AnalyticsVerbs {
  return {
    dashboard: async (signal) => ({ data: (await client(dashboardQuery, {}, signal)).programs.edges.map((edge) => edge.node) }),
    awaitingApproval: async (id, signal) => ({ data: (await client(awaitingQuery, { id }, signal)).program?.awaitingApproval ?? null }),
    programAnalytics: async (id, signal) => ({ data: (await client(analyticsQuery, { id }, signal)).program }),
    tenantAnalytics: async (signal) => ({ data: (await client(tenantAnalyticsQuery, {}, signal)).viewer.tenant }),
  };
}
