import type { TranslateFunction } from 'react-admin';
import { graphql } from '../generated/gql.ts';
import type { AdminProgramAttentionQuery, AdminProgramFieldsFragment, ProgramInput, ProgramStatus } from '../generated/graphql.ts';
import { cursorPager, pageOf } from './cursorPages.ts';
import type { GraphQLClient } from './graphqlClient.ts';
import { nestedFormField, toFormError } from './problems.ts';
import type { ResourceHandlers } from './types.ts';

/** A program as the console holds it: the record behind the list, show and edit views. */
export type ProgramRecord = AdminProgramFieldsFragment;

export const programFields = graphql(`
  fragment AdminProgramFields on Program {
    id
    name
    description
    kind
    roleNames {
      mentor
      mentee
    }
    circleSize {
      minimum
      maximum
    }
    status
    nextStatuses
    enrolmentOpensOn
    enrolmentClosesOn
    focusAreas
    durationMonths
    mentorCapacityDefault
    cadence {
      expectedEveryDays
      overdueAfterDays
    }
    matching {
      weights {
        criterion
        weight
      }
      requireSharedLanguage
      minimumScore
      departmentPolicy
      objective
      approvalMode
      scheduleEveryDays
    }
    privacy {
      sensitiveFocusAreas
      managersSeeSensitiveReasons
    }
    engagement {
      followUpDays
      nudgeLeadDays
      escalateAfterDays
      unresponsiveAfter
      quietHoursStart
      quietHoursEnd
      weeklyCap
      managerEmail
    }
    counts {
      mentors
      mentees
      activeMentorships
    }
    createdAt
    updatedAt
    version
  }
`);

const programsQuery = graphql(`
  query AdminPrograms($first: Int, $after: String) {
    programs(first: $first, after: $after) {
      edges {
        cursor
        node {
          ...AdminProgramFields
        }
      }
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const programQuery = graphql(`
  query AdminProgram($id: ID!) {
    program(id: $id) {
      ...AdminProgramFields
    }
  }
`);

const createProgramMutation = graphql(`
  mutation AdminCreateProgram($input: ProgramInput!) {
    createProgram(input: $input) {
      ...AdminProgramFields
    }
  }
`);

const updateProgramMutation = graphql(`
  mutation AdminUpdateProgram($id: ID!, $version: Int!, $input: ProgramInput!) {
    updateProgram(id: $id, version: $version, input: $input) {
      ...AdminProgramFields
    }
  }
`);

const changeStatusMutation = graphql(`
  mutation AdminChangeProgramStatus($id: ID!, $version: Int!, $status: ProgramStatus!) {
    changeProgramStatus(id: $id, version: $version, status: $status) {
      ...AdminProgramFields
    }
  }
`);

const attentionQuery = graphql(`
  query AdminProgramAttention($id: ID!) {
    program(id: $id) {
      id
      attention {
        kind
        subjectId
        subjectName
        suggestion
        signals
        since
      }
    }
  }
`);

export type AttentionRecord = NonNullable<AdminProgramAttentionQuery['program']>['attention'][number];

/** The program verbs beyond CRUD. */
export interface ProgramVerbs {
  changeProgramStatus(program: Pick<ProgramRecord, 'id' | 'version'>, status: ProgramStatus): Promise<{ data: ProgramRecord }>;
  /** Pairs that stay overdue and mentors who stopped answering, as the engagement job keeps them. */
  programAttention(programId: string, signal?: AbortSignal): Promise<AttentionRecord[]>;
}

/** A number input's value as the API takes it: empty is left to the API's default. */
const optionalNumber = (value: unknown): number | undefined =>
  value === null || value === undefined || value === '' ? undefined : Number(value);

/** The program form's inputs that field problems are shown on (the rest go in the summary). */
export const programInputs = ['name', 'kind', 'circleSize.minimum', 'circleSize.maximum'] as const;

/** The editable part of a program record, as ProgramInput. Empty dates clear the date. */
export function toProgramInput(data: Partial<ProgramRecord>): ProgramInput {
  return {
    // The kind is sent only while it may change (a draft, or a new program): the API fixes it after.
    kind: data.status === undefined || data.status === 'DRAFT' ? (data.kind ?? undefined) : undefined,
    // Only a group program forms circles: the API refuses a size for any other kind.
    circleSize:
      data.kind === 'GROUP' && data.circleSize
        ? { minimum: optionalNumber(data.circleSize.minimum), maximum: optionalNumber(data.circleSize.maximum) }
        : undefined,
    roleNames: data.roleNames ? { mentor: data.roleNames.mentor || null, mentee: data.roleNames.mentee || null } : undefined,
    name: data.name,
    description: data.description ?? undefined,
    enrolmentOpensOn: data.enrolmentOpensOn || null,
    enrolmentClosesOn: data.enrolmentClosesOn || null,
    focusAreas: data.focusAreas ?? undefined,
    durationMonths: data.durationMonths ?? undefined,
    mentorCapacityDefault: data.mentorCapacityDefault ?? undefined,
    cadence: data.cadence
      ? { expectedEveryDays: data.cadence.expectedEveryDays, overdueAfterDays: data.cadence.overdueAfterDays }
      : undefined,
    matching: data.matching
      ? {
          weights: data.matching.weights.map(({ criterion, weight }) => ({ criterion, weight: Number(weight) })),
          requireSharedLanguage: data.matching.requireSharedLanguage,
          minimumScore: Number(data.matching.minimumScore),
          departmentPolicy: data.matching.departmentPolicy,
          objective: data.matching.objective,
          approvalMode: data.matching.approvalMode,
          // Empty: runs on demand only.
          scheduleEveryDays: data.matching.scheduleEveryDays || null,
        }
      : undefined,
    privacy: data.privacy
      ? { sensitiveFocusAreas: data.privacy.sensitiveFocusAreas, managersSeeSensitiveReasons: data.privacy.managersSeeSensitiveReasons }
      : undefined,
    engagement: data.engagement
      ? {
          followUpDays: data.engagement.followUpDays.map(Number),
          nudgeLeadDays: Number(data.engagement.nudgeLeadDays),
          escalateAfterDays: Number(data.engagement.escalateAfterDays),
          unresponsiveAfter: Number(data.engagement.unresponsiveAfter),
          quietHoursStart: Number(data.engagement.quietHoursStart),
          quietHoursEnd: Number(data.engagement.quietHoursEnd),
          weeklyCap: Number(data.engagement.weeklyCap),
          // Empty: escalations show in the console only.
          managerEmail: data.engagement.managerEmail || null,
        }
      : undefined,
  };
}

export function programsHandlers(client: GraphQLClient, translate: TranslateFunction): ResourceHandlers & ProgramVerbs {
  // A refused save shows each problem on its input (the circle size's minimum and maximum apart).
  const formError = (error: unknown) =>
    toFormError(error, {
      inputs: programInputs,
      label: (input) => translate(`resources.programs.fields.${input}`),
      translate,
      fieldOf: nestedFormField,
    });

  // Programs are one list with no filters: the pager's list key is empty.
  const page = cursorPager(
    async (_list: null, cursor, signal) => (await client(programsQuery, cursor, signal)).programs,
    (program: ProgramRecord) => program,
  );

  async function getOne(id: string, signal?: AbortSignal): Promise<ProgramRecord> {
    const { program } = await client(programQuery, { id }, signal);
    if (!program) throw new Error(`Program ${id} does not exist.`);
    return program;
  }

  return {
    getList: ({ pagination, signal }) => page(null, pageOf(pagination), signal),

    getOne: async ({ id, signal }) => ({ data: await getOne(String(id), signal) }),

    getMany: async ({ ids, signal }) => ({ data: await Promise.all(ids.map((id) => getOne(String(id), signal))) }),

    update: async ({ id, data, previousData }) => {
      const version = (previousData as ProgramRecord).version;
      try {
        const { updateProgram } = await client(updateProgramMutation, { id: String(id), version, input: toProgramInput(data) });
        return { data: updateProgram };
      } catch (error) {
        throw formError(error);
      }
    },

    create: async ({ data }) => {
      try {
        const { createProgram } = await client(createProgramMutation, { input: toProgramInput(data) });
        return { data: createProgram };
      } catch (error) {
        throw formError(error);
      }
    },

    changeProgramStatus: async (program, status) => {
      const { changeProgramStatus } = await client(changeStatusMutation, { id: String(program.id), version: program.version, status });
      return { data: changeProgramStatus };
    },

    programAttention: async (programId, signal) => (await client(attentionQuery, { id: programId }, signal)).program?.attention ?? [],
  };
}
