import type { TranslateFunction } from 'react-admin';
import { graphql } from '../generated/gql.ts';
import type { AdminCircleFieldsFragment, AdminCircleRowFieldsFragment, MeetingMode } from '../generated/graphql.ts';
import { type GraphQLClient, GraphQLRequestError } from './graphqlClient.ts';
import { toFormError } from './problems.ts';

/** A circle as a row of a group program's circles: mentor, topic, status, members with attendance, health. */
export type CircleRow = AdminCircleRowFieldsFragment;
/** A circle with its program and its group meetings: the circle's page. */
export type CircleRecord = AdminCircleFieldsFragment;
export type CircleMemberRecord = CircleRow['members'][number];

export const circleRowFields = graphql(`
  fragment AdminCircleRowFields on Circle {
    id
    mentorName
    mentor {
      id
      jobTitle
    }
    topic
    status
    minimum
    maximum
    members {
      displayName
      person {
        id
      }
      joinedAt
      attended
      lastAttendedAt
      health {
        status
        lastContactAt
        nextContactDue
      }
      place {
        id
      }
    }
    health {
      status
      lastContactAt
      nextContactDue
    }
    meetingCount
    createdAt
    version
  }
`);

export const circleFields = graphql(`
  fragment AdminCircleFields on Circle {
    ...AdminCircleRowFields
    program {
      id
      name
      kind
      roleNames {
        mentor
        mentee
      }
      focusAreas
    }
    meetings {
      id
      heldAt
      durationMinutes
      mode
      topics
      attendees {
        displayName
        person {
          id
        }
      }
      loggedAt
    }
  }
`);

const programCirclesQuery = graphql(`
  query AdminProgramCircles($programId: ID!, $first: Int) {
    program(id: $programId) {
      id
      circles(first: $first) {
        edges {
          node {
            ...AdminCircleRowFields
          }
        }
        totalCount
      }
    }
  }
`);

const circleQuery = graphql(`
  query AdminCircle($id: ID!) {
    circle(id: $id) {
      ...AdminCircleFields
    }
  }
`);

const logGroupMeetingMutation = graphql(`
  mutation AdminLogGroupMeeting($input: GroupMeetingInput!) {
    logGroupMeeting(input: $input) {
      id
    }
  }
`);

/** What the log-a-group-meeting form holds. `heldAt` is the browser's local date and time; attendees are person ids. */
export interface GroupMeetingValues {
  heldAt?: string;
  durationMinutes?: number;
  mode?: MeetingMode;
  topics?: string[];
  attendees?: string[];
}

export const groupMeetingInputs = ['heldAt', 'durationMinutes', 'mode', 'topics', 'attendees'] as const;

/** A group program has few circles (a mentor leads one): one page of this many is all of them. */
export const CIRCLES_SHOWN = 100;

/** The console's verbs on circles (ADR 75). */
export interface CircleVerbs {
  programCircles(programId: string, signal?: AbortSignal): Promise<{ data: CircleRow[]; total: number }>;
  circle(id: string, signal?: AbortSignal): Promise<{ data: CircleRecord }>;
  /** Field problems come back as form errors (see problems.ts). */
  logGroupMeeting(circleId: string, values: GroupMeetingValues): Promise<{ data: { id: string } }>;
}

export function circleVerbs(client: GraphQLClient, translate: TranslateFunction): CircleVerbs {
  return {
    programCircles: async (programId, signal) => {
      const { program } = await client(programCirclesQuery, { programId, first: CIRCLES_SHOWN }, signal);
      if (!program) throw new Error(translate('kindling.participants.programGone'));
      const data = program.circles.edges.map((edge) => edge.node);
      return { data, total: program.circles.totalCount ?? data.length };
    },

    circle: async (id, signal) => {
      const { circle } = await client(circleQuery, { id }, signal);
      if (!circle) throw new GraphQLRequestError(translate('kindling.circles.notFound'), 'NOT_FOUND');
      return { data: circle };
    },

    logGroupMeeting: async (circleId, values) => {
      const heldAt = values.heldAt ? new Date(values.heldAt) : null;
      const input = {
        circleId,
        heldAt: heldAt && !Number.isNaN(heldAt.getTime()) ? heldAt.toISOString() : '',
        durationMinutes: Number(values.durationMinutes ?? 0),
        mode: values.mode ?? 'IN_PERSON',
        topics: (values.topics ?? []).map((topic) => topic.trim()).filter(Boolean),
        attendees: values.attendees ?? [],
      };
      try {
        return { data: (await client(logGroupMeetingMutation, { input })).logGroupMeeting };
      } catch (error) {
        throw toFormError(error, {
          inputs: groupMeetingInputs,
          label: (input) => translate(`kindling.circles.meeting.fields.${input}`),
          translate,
        });
      }
    },
  };
}
