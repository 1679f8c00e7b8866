import type { TranslateFunction } from 'react-admin';
import { graphql } from '../generated/gql.ts';
import type { AdminRequestFieldsFragment, RequestAnswer } from '../generated/graphql.ts';
import { cursorPager, pageOf } from './cursorPages.ts';
import type { GraphQLClient } from './graphqlClient.ts';
import type { ResourceHandlers } from './types.ts';

/**
 * A mentee's request to a mentor, with the introduction they wrote. `expiresAt` is worked out here
 * (see below); `programId` comes from the list it was read in.
 */
export type RequestRecord = AdminRequestFieldsFragment & { programId: string; expiresAt: string };

export const requestFields = graphql(`
  fragment AdminRequestFields on MentorshipRequest {
    id
    menteeName
    mentorName
    mentee {
      id
    }
    mentor {
      id
    }
    status
    introduction {
      whyThisMentor
      focusAreas
      timeAsked
      message
    }
    createdAt
    answeredAt
    reason
    followUps
    mentorship {
      id
    }
    version
  }
`);

/*
 * `expiresAt` is not asked for: the API's store drops it when it reads a request back (it shares its
 * name with the table's TTL attribute), so asking fails the whole list. The API sets it once, as
 * `createdAt` plus the program's `requestExpiryDays`, and the console works it out the same way.
 */
const requestsQuery = graphql(`
  query AdminRequests($programId: ID!, $first: Int, $after: String) {
    program(id: $programId) {
      id
      pairing {
        requestExpiryDays
      }
      requests(first: $first, after: $after) {
        edges {
          node {
            ...AdminRequestFields
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

const answerRequestMutation = graphql(`
  mutation AdminAnswerRequest($id: ID!, $version: Int!, $answer: RequestAnswer!, $reason: String) {
    answerRequest(id: $id, version: $version, answer: $answer, reason: $reason) {
      request {
        ...AdminRequestFields
      }
      mentorship {
        id
      }
    }
  }
`);

const DAY_MS = 86_400_000;

export const expiryOf = (createdAt: string, expiryDays: number) => new Date(Date.parse(createdAt) + expiryDays * DAY_MS).toISOString();

export interface RequestVerbs {
  /**
   * A manager answers for the mentor: accepting starts the pair (the answer names it); declining
   * needs a reason. A stale version, a full mentor or a matched mentee is refused with CONFLICT.
   */
  answerRequest(
    request: RequestRecord,
    answer: RequestAnswer,
    reason?: string,
  ): Promise<{ data: RequestRecord; mentorshipId: string | null }>;
}

export function requestsHandlers(client: GraphQLClient, translate: TranslateFunction): ResourceHandlers & RequestVerbs {
  const expiryDays = new Map<string, number>();
  const page = cursorPager(
    async (list: { programId: string }, cursor, signal) => {
      const { program } = await client(requestsQuery, { ...list, ...cursor }, signal);
      if (!program) throw new Error(translate('kindling.participants.programGone'));
      expiryDays.set(program.id, program.pairing.requestExpiryDays);
      return program.requests;
    },
    (request: AdminRequestFieldsFragment, list): RequestRecord => ({
      ...request,
      programId: list.programId,
      expiresAt: expiryOf(request.createdAt, expiryDays.get(list.programId) ?? 14),
    }),
  );

  return {
    getList: ({ filter = {}, pagination, signal }) => {
      if (typeof filter.programId !== 'string' || filter.programId === '') return Promise.resolve({ data: [], total: 0 });
      return page({ programId: filter.programId }, pageOf(pagination), signal);
    },

    answerRequest: async (request, answer, reason) => {
      const { answerRequest } = await client(answerRequestMutation, {
        id: request.id,
        version: request.version,
        answer,
        reason: reason?.trim() || null,
      });
      return {
        data: { ...answerRequest.request, programId: request.programId, expiresAt: request.expiresAt },
        mentorshipId: answerRequest.mentorship?.id ?? null,
      };
    },
  };
}
