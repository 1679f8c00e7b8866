import type { TranslateFunction } from 'react-admin';
import { graphql } from '../generated/gql.ts';
import type {
  AdminGoalFieldsFragment,
  AdminMentorshipDetailFieldsFragment,
  AdminMentorshipRowFieldsFragment,
  ContactKind,
  GoalInput,
  Health,
  MeetingMode,
  MentorshipStatus,
  PairTransition,
} from '../generated/graphql.ts';
import { cursorPager, pageOf } from './cursorPages.ts';
import { type GraphQLClient, GraphQLRequestError } from './graphqlClient.ts';
import { toFormError } from './problems.ts';
import type { ResourceHandlers } from './types.ts';

/** A pair as a row of a program's pairs list: who, where it stands, when they next need to talk. */
export type MentorshipRow = AdminMentorshipRowFieldsFragment & { programId: string };
/** A pair with its plan, meetings and feedback: the show page. */
export type MentorshipRecord = AdminMentorshipDetailFieldsFragment;
export type GoalRecord = AdminGoalFieldsFragment;

export const mentorshipRowFields = graphql(`
  fragment AdminMentorshipRowFields on Mentorship {
    id
    mentorName
    menteeName
    mentor {
      id
      jobTitle
    }
    mentee {
      id
      jobTitle
    }
    status
    startedAt
    plannedEndOn
    meetingCount
    health {
      status
      nextContactDue
      lastContactAt
    }
    version
  }
`);

export const goalFields = graphql(`
  fragment AdminGoalFields on Goal {
    id
    title
    why
    targetDate
    status
    progress
    notes {
      at
      by
      text
    }
    updatedAt
    version
  }
`);

export const mentorshipDetailFields = graphql(`
  fragment AdminMentorshipDetailFields on Mentorship {
    ...AdminMentorshipRowFields
    program {
      id
      name
      kind
      roleNames {
        mentor
        mentee
      }
      cadence {
        expectedEveryDays
        overdueAfterDays
      }
    }
    source {
      kind
      id
    }
    pausedAt
    endedAt
    endReason
    mentorReflection
    menteeReflection
    meetings {
      id
      kind
      heldAt
      durationMinutes
      mode
      topics
      privateNotes
      loggedAt
    }
    goals {
      ...AdminGoalFields
    }
    surveys {
      id
      kind
      side
      rating
      comment
      outcomes
      submittedAt
    }
  }
`);

const mentorshipsQuery = graphql(`
  query AdminMentorships($programId: ID!, $status: MentorshipStatus, $health: Health, $first: Int, $after: String) {
    program(id: $programId) {
      id
      mentorships(status: $status, health: $health, first: $first, after: $after) {
        edges {
          node {
            ...AdminMentorshipRowFields
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

const mentorshipQuery = graphql(`
  query AdminMentorship($id: ID!) {
    mentorship(id: $id) {
      ...AdminMentorshipDetailFields
    }
  }
`);

const changeMentorshipMutation = graphql(`
  mutation AdminChangeMentorship($id: ID!, $version: Int!, $action: PairTransition!, $reason: String) {
    changeMentorship(id: $id, version: $version, action: $action, reason: $reason) {
      ...AdminMentorshipDetailFields
    }
  }
`);

const logMeetingMutation = graphql(`
  mutation AdminLogMeeting($input: MeetingInput!) {
    logMeeting(input: $input) {
      id
    }
  }
`);

const saveGoalMutation = graphql(`
  mutation AdminSaveGoal($mentorshipId: ID!, $goalId: ID, $version: Int, $input: GoalInput!) {
    saveGoal(mentorshipId: $mentorshipId, goalId: $goalId, version: $version, input: $input) {
      ...AdminGoalFields
    }
  }
`);

const STATUSES: readonly MentorshipStatus[] = ['ACTIVE', 'PAUSED', 'COMPLETED', 'ENDED_EARLY'];
export const HEALTHS: readonly Health[] = ['ON_TRACK', 'DUE_SOON', 'OVERDUE', 'NEVER_MET'];

/** A pair that runs (active or paused) can log meetings and keep its plan. */
export const isRunning = (status: MentorshipStatus) => status === 'ACTIVE' || status === 'PAUSED';

/** Health is kept for active pairs only: a paused pair is not due, and an ended one has no next contact. */
export const tracksHealth = (status: MentorshipStatus) => status === 'ACTIVE';

/** What the log-a-meeting form holds. `heldAt` is the browser's local date and time. */
export interface MeetingValues {
  kind?: ContactKind;
  heldAt?: string | Date;
  durationMinutes?: number;
  mode?: MeetingMode;
  topics?: string[];
}

export const meetingInputs = ['kind', 'heldAt', 'durationMinutes', 'mode', 'topics'] as const;
export const goalInputs = ['title', 'why', 'targetDate', 'status', 'progress', 'note'] as const;

/** The console's own verbs on pairs. Each carries the version shown; a stale one is refused with CONFLICT. */
export interface MentorshipVerbs {
  changeMentorship(pair: MentorshipRecord, action: PairTransition, reason?: string): Promise<{ data: MentorshipRecord }>;
  /** Field problems come back as form errors (see problems.ts). */
  logMeeting(mentorshipId: string, values: MeetingValues): Promise<{ data: { id: string } }>;
  saveGoal(mentorshipId: string, goal: GoalRecord | null, input: GoalInput): Promise<{ data: GoalRecord }>;
}

export function mentorshipsHandlers(client: GraphQLClient, translate: TranslateFunction): ResourceHandlers & MentorshipVerbs {
  const page = cursorPager(
    async (list: { programId: string; status?: MentorshipStatus; health?: Health }, cursor, signal) => {
      const { program } = await client(mentorshipsQuery, { ...list, ...cursor }, signal);
      if (!program) throw new Error(translate('kindling.participants.programGone'));
      return program.mentorships;
    },
    (pair: AdminMentorshipRowFieldsFragment, list): MentorshipRow => ({ ...pair, programId: list.programId }),
  );

  async function getOne(id: string, signal?: AbortSignal): Promise<MentorshipRecord> {
    const { mentorship } = await client(mentorshipQuery, { id }, signal);
    if (!mentorship) throw new GraphQLRequestError(translate('kindling.pairs.notFound'), 'NOT_FOUND');
    return mentorship;
  }

  const formError = (inputs: readonly string[], prefix: string) => (error: unknown) =>
    toFormError(error, { inputs, label: (input) => translate(`${prefix}.${input}`), translate });

  return {
    // The API lists pairs per program only: the list's program filter is required.
    getList: ({ filter = {}, pagination, signal }) => {
      if (typeof filter.programId !== 'string' || filter.programId === '') {
        return Promise.resolve({ data: [], total: 0 });
      }
      const list = {
        programId: filter.programId,
        status: STATUSES.find((s) => s === filter.status),
        health: HEALTHS.find((h) => h === filter.health),
      };
      return page(list, pageOf(pagination), signal);
    },

    getOne: async ({ id, signal }) => ({ data: await getOne(String(id), signal) }),

    // For links from the audit log: a pair that cannot be read any more is left out.
    getMany: async ({ ids, signal }) => {
      const found = await Promise.allSettled([...new Set(ids)].map((id) => getOne(String(id), signal)));
      return { data: found.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])) };
    },

    changeMentorship: async (pair, action, reason) => {
      const { changeMentorship } = await client(changeMentorshipMutation, {
        id: pair.id,
        version: pair.version,
        action,
        reason: reason?.trim() || null,
      });
      return { data: changeMentorship };
    },

    logMeeting: async (mentorshipId, values) => {
      const heldAt = values.heldAt ? new Date(values.heldAt) : null;
      const input = {
        mentorshipId,
        kind: values.kind ?? 'MEETING',
        heldAt: heldAt && !Number.isNaN(heldAt.getTime()) ? heldAt.toISOString() : '',
        durationMinutes: Number(values.durationMinutes ?? 0),
        mode: values.mode ?? 'VIDEO',
        topics: (values.topics ?? []).map((topic) => topic.trim()).filter(Boolean),
      };
      try {
        return { data: (await client(logMeetingMutation, { input })).logMeeting };
      } catch (error) {
        throw formError(meetingInputs, 'kindling.meetings.fields')(error);
      }
    },

    saveGoal: async (mentorshipId, goal, input) => {
      try {
        const { saveGoal } = await client(saveGoalMutation, {
          mentorshipId,
          goalId: goal?.id ?? null,
          version: goal?.version ?? null,
          input,
        });
        return { data: saveGoal };
      } catch (error) {
        throw formError(goalInputs, 'kindling.goals.fields')(error);
      }
    },
  };
}
