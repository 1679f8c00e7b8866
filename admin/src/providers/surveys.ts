import type { TranslateFunction } from 'react-admin';
import { graphql } from '../generated/gql.ts';
import type { AdminSurveyFieldsFragment, SurveyKind } from '../generated/graphql.ts';
import { cursorPager, pageOf } from './cursorPages.ts';
import type { GraphQLClient } from './graphqlClient.ts';
import type { ResourceHandlers } from './types.ts';

export type SurveyRecord = AdminSurveyFieldsFragment;

export const surveyFields = graphql(`
  fragment AdminSurveyFields on Survey {
    id
    kind
    side
    rating
    comment
    outcomes
    submittedAt
    mentorship {
      id
      mentorName
      menteeName
    }
  }
`);

const surveysQuery = graphql(`
  query AdminSurveys($programId: ID!, $kind: SurveyKind, $first: Int, $after: String) {
    program(id: $programId) {
      id
      surveys(kind: $kind, first: $first, after: $after) {
        edges {
          node {
            ...AdminSurveyFields
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

/** A program's survey answers, newest first, optionally of one kind. */
export function surveysHandlers(client: GraphQLClient, translate: TranslateFunction): ResourceHandlers {
  const page = cursorPager(
    async (list: { programId: string; kind: SurveyKind | null }, cursor, signal) => {
      const { program } = await client(surveysQuery, { ...list, ...cursor }, signal);
      if (!program) throw new Error(translate('kindling.participants.programGone'));
      return program.surveys;
    },
    (survey: SurveyRecord) => survey,
  );
  return {
    getList: ({ filter = {}, pagination, signal }) => {
      if (typeof filter.programId !== 'string' || filter.programId === '') return Promise.resolve({ data: [], total: 0 });
      const kind = filter.kind === 'CHECK_IN' || filter.kind === 'CLOSING' ? filter.kind : null;
      return page({ programId: filter.programId, kind }, pageOf(pagination), signal);
    },
  };
}
