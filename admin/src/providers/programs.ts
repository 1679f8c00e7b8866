import type { GetListResult } from 'react-admin';
import { graphql } from '../generated/gql.ts';
import type { AdminProgramFieldsFragment, ProgramInput } from '../generated/graphql.ts';
import type { ResourceHandlers } from './dataProvider.ts';
import type { GraphQLClient } from './graphqlClient.ts';

/** A program as the console holds it: the record behind the list, show and edit views. */
export type ProgramRecord = AdminProgramFieldsFragment;

export const programFields = graphql(`
  fragment AdminProgramFields on Program {
    id
    name
    description
    status
    enrolmentOpensOn
    enrolmentClosesOn
    focusAreas
    durationMonths
    mentorCapacityDefault
    cadence {
      expectedEveryDays
      overdueAfterDays
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

/** The editable part of a program record, as ProgramInput. Empty dates clear the date. */
export function toProgramInput(data: Partial<ProgramRecord>): ProgramInput {
  return {
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
  };
}

export function programsHandlers(client: GraphQLClient): ResourceHandlers {
  // The API pages by cursor and has no total. react-admin asks for page N, so remember the cursor
  // that starts each page seen so far (per page size) and walk forward from the nearest one when
  // asked for a page not reached yet (e.g. ?page=3 after a reload). Page 1 starts a fresh trail.
  const trails = new Map<number, Map<number, string>>();

  async function fetchPage(page: number, perPage: number, signal?: AbortSignal): Promise<GetListResult<ProgramRecord>> {
    let starts = trails.get(perPage);
    if (!starts || page === 1) {
      starts = new Map();
      trails.set(perPage, starts);
    }
    let current = Math.max(1, ...[...starts.keys()].filter((known) => known <= page));
    for (;;) {
      const { programs } = await client(programsQuery, { first: perPage, after: starts.get(current) ?? null }, signal);
      const { hasNextPage, endCursor } = programs.pageInfo;
      if (hasNextPage && endCursor) starts.set(current + 1, endCursor);
      if (current === page || !hasNextPage || !endCursor) {
        // Asked beyond the last page: an empty page, so react-admin offers the way back.
        const reached = current === page;
        const data = reached ? programs.edges.map((edge) => edge.node) : [];
        return {
          data,
          // On the last page the total is known exactly; before it, react-admin shows "1–25" without one.
          ...(hasNextPage ? {} : { total: (current - 1) * perPage + (reached ? data.length : programs.edges.length) }),
          pageInfo: { hasNextPage: reached && hasNextPage, hasPreviousPage: page > 1 },
        };
      }
      current += 1;
    }
  }

  async function getOne(id: string, signal?: AbortSignal): Promise<ProgramRecord> {
    const { program } = await client(programQuery, { id }, signal);
    if (!program) throw new Error(`Program ${id} does not exist.`);
    return program;
  }

  return {
    getList: ({ pagination, signal }) => fetchPage(pagination?.page ?? 1, pagination?.perPage ?? 25, signal),

    getOne: async ({ id, signal }) => ({ data: await getOne(String(id), signal) }),

    getMany: async ({ ids, signal }) => ({ data: await Promise.all(ids.map((id) => getOne(String(id), signal))) }),

    update: async ({ id, data, previousData }) => {
      const version = (previousData as ProgramRecord).version;
      const { updateProgram } = await client(updateProgramMutation, { id: String(id), version, input: toProgramInput(data) });
      return { data: updateProgram };
    },

    create: async ({ data }) => {
      const { createProgram } = await client(createProgramMutation, { input: toProgramInput(data) });
      return { data: createProgram };
    },
  };
}
