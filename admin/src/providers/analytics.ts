import { graphql } from '../generated/gql.ts';
import type { AdminProgramAnalyticsQuery } from '../generated/graphql.ts';
import type { GraphQLClient } from './graphqlClient.ts';

/** A program with the dashboard's figures; null when the program does not exist (any more). */
export type ProgramAnalytics = NonNullable<AdminProgramAnalyticsQuery['program']>;

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
        }
        outcomes {
          outcome
          count
        }
      }
    }
  }
`);

export interface AnalyticsVerbs {
  programAnalytics(programId: string, signal?: AbortSignal): Promise<{ data: ProgramAnalytics | null }>;
}

export function analyticsHandlers(client: GraphQLClient): AnalyticsVerbs {
  return {
    programAnalytics: async (id, signal) => ({ data: (await client(analyticsQuery, { id }, signal)).program }),
  };
}
