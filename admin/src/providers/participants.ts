import type { TranslateFunction } from 'react-admin';
import { graphql } from '../generated/gql.ts';
import type {
  AdminParticipantFieldsFragment,
  EnrolInput,
  EnrolmentPatch,
  EnrolmentStatus,
  ParticipantFilter,
  ParticipantRole,
  PeopleSort,
} from '../generated/graphql.ts';
import { cursorPager, pageOf } from './cursorPages.ts';
import type { GraphQLClient } from './graphqlClient.ts';
import { toPeopleFilter, toPeopleSort } from './people.ts';
import { toFormError } from './problems.ts';
import type { ResourceHandlers } from './types.ts';

/**
 * A person's enrolment in one program in one role, as a row of the program's participants. Its
 * `id` is made here (person and role): someone can be mentor and mentee in the same program, and
 * an erased person has no person id any more.
 */
export type ParticipantRecord = AdminParticipantFieldsFragment & { id: string; programId: string };

export const participantFields = graphql(`
  fragment AdminParticipantFields on Enrolment {
    role
    status
    reasons
    capacity
    hoursPerMonth
    awayUntil
    acceptsRequests
    activeMentorships
    openToSponsoring
    withdrawnReason
    enrolledAt
    displayName
    department
    version
    person {
      id
      jobTitle
    }
  }
`);

const participantsQuery = graphql(`
  query AdminParticipants($programId: ID!, $filter: ParticipantFilter, $sort: PeopleSort, $first: Int, $after: String) {
    program(id: $programId) {
      id
      participants(filter: $filter, sort: $sort, first: $first, after: $after) {
        edges {
          node {
            ...AdminParticipantFields
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

const enrolMutation = graphql(`
  mutation AdminEnrol($input: EnrolInput!, $idempotencyKey: String) {
    enrol(input: $input, idempotencyKey: $idempotencyKey) {
      ...AdminParticipantFields
    }
  }
`);

const withdrawMutation = graphql(`
  mutation AdminWithdraw($key: EnrolmentKey!, $version: Int!, $reason: String!) {
    withdraw(key: $key, version: $version, reason: $reason) {
      ...AdminParticipantFields
    }
  }
`);

const mentorLoadMutation = graphql(`
  mutation AdminUpdateMentorLoad($key: EnrolmentKey!, $version: Int!, $input: EnrolmentPatch!) {
    updateEnrolment(key: $key, version: $version, input: $input) {
      ...AdminParticipantFields
    }
  }
`);

const participantsCsvQuery = graphql(`
  query AdminParticipantsCsv($programId: ID!, $filter: ParticipantFilter) {
    program(id: $programId) {
      id
      participantsCsv(filter: $filter)
    }
  }
`);

const toParticipant = (enrolment: AdminParticipantFieldsFragment, programId: string): ParticipantRecord => ({
  ...enrolment,
  id: `${enrolment.person?.id ?? enrolment.displayName}:${enrolment.role}`,
  programId,
});

const ROLES: readonly ParticipantRole[] = ['MENTOR', 'MENTEE'];
const STATUSES: readonly EnrolmentStatus[] = ['ENROLLED', 'MATCHED', 'WITHDRAWN'];

/** react-admin's filters → ParticipantFilter: the people filters plus role and status. */
function toParticipantFilter(filter: Record<string, unknown> = {}): ParticipantFilter {
  const role = ROLES.find((r) => r === filter.role);
  const status = STATUSES.find((s) => s === filter.status);
  return { ...toPeopleFilter(filter), role, status };
}

/** What the enrol form holds; the program comes from the page it is on. */
export interface EnrolValues {
  personId?: string;
  role?: ParticipantRole;
  reasons?: string[];
  capacity?: number | null;
  hoursPerMonth?: number | null;
  openToSponsoring?: boolean;
  /** Group programs: the focus area of the circle a mentee asks for, or of the circle a mentor leads. */
  circleTopic?: string | null;
}

/** The inputs of the enrol form, which field problems are shown on. */
export const enrolInputs = ['personId', 'role', 'reasons', 'capacity', 'hoursPerMonth', 'openToSponsoring', 'circleTopic'] as const;

/** What the mentor-load form holds (ADR 0057): a mentor's say over how many mentees, and when. */
export interface MentorLoadValues {
  capacity?: number | null;
  hoursPerMonth?: number | null;
  /** YYYY-MM-DD, or empty: present. */
  awayUntil?: string | null;
  acceptsRequests?: boolean;
}

/** The inputs of the mentor-load form, which field problems are shown on. */
export const mentorLoadInputs = ['capacity', 'hoursPerMonth', 'awayUntil', 'acceptsRequests'] as const;

/** The enrolment a mentor-load form changes, at the version shown. */
export interface MentorLoadTarget {
  personId: string;
  programId: string;
  role: ParticipantRole;
  version: number;
}

/** The console's own verbs on enrolments. */
export interface ParticipantVerbs {
  /**
   * Enrols a person; field problems come back as form errors (see problems.ts). A retry with the
   * same idempotency key returns the enrolment the first call made.
   */
  enrol(programId: string, values: EnrolValues, idempotencyKey?: string): Promise<{ data: ParticipantRecord }>;
  /**
   * Sets a mentor's capacity, hours, away date and whether they take direct requests, at the version
   * shown (a stale one is refused with CONFLICT); field problems come back as form errors.
   */
  updateMentorLoad(target: MentorLoadTarget, values: MentorLoadValues): Promise<{ data: ParticipantRecord }>;
  /** Withdraws an enrolment at the version shown; a stale one is refused with CONFLICT. */
  withdraw(participant: ParticipantRecord, reason: string): Promise<{ data: ParticipantRecord }>;
  /** The program's participants as CSV, with the list's filters (react-admin's filter values). */
  participantsCsv(programId: string, filter: Record<string, unknown>): Promise<{ data: string }>;
}

export function participantsHandlers(client: GraphQLClient, translate: TranslateFunction): ResourceHandlers & ParticipantVerbs {
  const page = cursorPager(
    async (list: { programId: string; filter: ParticipantFilter; sort: PeopleSort }, cursor, signal) => {
      const { program } = await client(participantsQuery, { ...list, ...cursor }, signal);
      if (!program) throw new Error(translate('kindling.participants.programGone'));
      return program.participants;
    },
    (enrolment: AdminParticipantFieldsFragment, list) => toParticipant(enrolment, list.programId),
  );

  return {
    // Always within one program: the program's page passes it as `target: programId`.
    getManyReference: ({ target, id, filter, sort, pagination, signal }) => {
      if (target !== 'programId') throw new Error(`Participants are listed by programId, not ${target}.`);
      const list = { programId: String(id), filter: toParticipantFilter(filter), sort: toPeopleSort(sort?.field) };
      return page(list, pageOf(pagination), signal);
    },

    enrol: async (programId, values, idempotencyKey) => {
      const input: EnrolInput = {
        programId,
        personId: values.personId ?? '',
        role: values.role ?? 'MENTEE',
        reasons: values.reasons ?? [],
        capacity: values.role === 'MENTOR' ? (values.capacity ?? null) : null,
        hoursPerMonth: values.hoursPerMonth ?? null,
        openToSponsoring: values.role === 'MENTOR' ? Boolean(values.openToSponsoring) : false,
        // Only a group program's form offers it; empty is a general circle.
        ...(values.circleTopic ? { circleTopic: values.circleTopic } : {}),
      };
      try {
        return { data: toParticipant((await client(enrolMutation, { input, idempotencyKey })).enrol, programId) };
      } catch (error) {
        throw toFormError(error, {
          inputs: enrolInputs,
          label: (name) => translate(`resources.participants.fields.${name}`),
          translate,
        });
      }
    },

    updateMentorLoad: async ({ personId, programId, role, version }, values) => {
      const input: EnrolmentPatch = {
        capacity: values.capacity ?? null,
        hoursPerMonth: values.hoursPerMonth ?? null,
        // An emptied date means present again.
        awayUntil: values.awayUntil || null,
        acceptsRequests: values.acceptsRequests ?? true,
      };
      try {
        const { updateEnrolment } = await client(mentorLoadMutation, { key: { personId, programId, role }, version, input });
        return { data: toParticipant(updateEnrolment, programId) };
      } catch (error) {
        throw toFormError(error, {
          inputs: mentorLoadInputs,
          label: (name) => translate(`resources.participants.fields.${name}`),
          translate,
        });
      }
    },

    withdraw: async (participant, reason) => {
      const personId = participant.person?.id;
      if (!personId) throw new Error(translate('kindling.participants.erased'));
      const key = { personId, programId: participant.programId, role: participant.role };
      const { withdraw } = await client(withdrawMutation, { key, version: participant.version, reason });
      return { data: toParticipant(withdraw, participant.programId) };
    },

    participantsCsv: async (programId, filter) => {
      const { program } = await client(participantsCsvQuery, { programId, filter: toParticipantFilter(filter) });
      if (!program) throw new Error(translate('kindling.participants.programGone'));
      return { data: program.participantsCsv };
    },
  };
}
