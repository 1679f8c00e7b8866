import { graphql } from '../generated/gql.ts';
import type {
  AdminImportJobFieldsFragment,
  AdminImportPreviewQuery,
  AdminImportProblemFieldsFragment,
  AdminPairImportPreviewQuery,
  ColumnAssignmentInput,
  IdentityChoiceInput,
  ParticipantRole,
} from '../generated/graphql.ts';
import { cursorPager, pageOf } from './cursorPages.ts';
import type { GraphQLClient } from './graphqlClient.ts';
import type { ResourceHandlers } from './types.ts';

export type ImportJobRecord = AdminImportJobFieldsFragment;
export type ImportProblem = AdminImportProblemFieldsFragment;
export type ImportPreview = AdminImportPreviewQuery['previewImport'];
export type ImportRowPlan = ImportPreview['changes'][number];
export type PairImportPreview = AdminPairImportPreviewQuery['previewPairImport'];

export const importProblemFields = graphql(`
  fragment AdminImportProblemFields on ImportProblem {
    kind
    line
    externalId
    email
    name
    reasons
  }
`);

export const importJobFields = graphql(`
  fragment AdminImportJobFields on ImportJob {
    id
    kind
    fileName
    status
    total
    accepted
    rejected
    warnings
    processed
    created
    updated
    unchanged
    failed
    progress
    error
    createdAt
    startedAt
    finishedAt
  }
`);

const previewQuery = graphql(`
  query AdminImportPreview($programId: ID!, $csv: String!, $mapping: [ColumnAssignmentInput!], $defaultRole: ParticipantRole) {
    previewImport(programId: $programId, csv: $csv, mapping: $mapping, defaultRole: $defaultRole) {
      delimiter
      headers
      mapping {
        field
        column
        header
      }
      total
      accepted
      rejected {
        ...AdminImportProblemFields
      }
      warnings {
        ...AdminImportProblemFields
      }
      sample {
        line
        name
        email
        roles
        reasons
      }
      actions {
        create
        update
        unchanged
        identityChanges
      }
      changes {
        line
        action
        name
        email
        currentName
        currentEmail
        currentExternalId
        identityChange
        emptyCells
        changes {
          field
          from
          to
        }
      }
    }
  }
`);

const startImportMutation = graphql(`
  mutation AdminStartImport(
    $programId: ID!
    $csv: String!
    $fileName: String
    $mapping: [ColumnAssignmentInput!]
    $defaultRole: ParticipantRole
    $identityChanges: [IdentityChoiceInput!]
    $idempotencyKey: String
  ) {
    startImport(
      programId: $programId
      csv: $csv
      fileName: $fileName
      mapping: $mapping
      defaultRole: $defaultRole
      identityChanges: $identityChanges
      idempotencyKey: $idempotencyKey
    ) {
      ...AdminImportJobFields
    }
  }
`);

const pairPreviewQuery = graphql(`
  query AdminPairImportPreview($programId: ID!, $csv: String!) {
    previewPairImport(programId: $programId, csv: $csv) {
      delimiter
      headers
      columns
      total
      accepted
      alreadyImported
      rejected {
        ...AdminImportProblemFields
      }
      sample {
        line
        mentor
        mentee
        startedOn
        plannedEndOn
        goals
        meetings
        lastMeetingOn
      }
    }
  }
`);

const startPairImportMutation = graphql(`
  mutation AdminStartPairImport($programId: ID!, $csv: String!, $fileName: String, $idempotencyKey: String) {
    startPairImport(programId: $programId, csv: $csv, fileName: $fileName, idempotencyKey: $idempotencyKey) {
      ...AdminImportJobFields
    }
  }
`);

const importJobQuery = graphql(`
  query AdminImportJob($id: ID!) {
    importJob(id: $id) {
      ...AdminImportJobFields
      problems {
        ...AdminImportProblemFields
      }
    }
  }
`);

const importsQuery = graphql(`
  query AdminImports($programId: ID!, $first: Int, $after: String) {
    program(id: $programId) {
      id
      imports(first: $first, after: $after) {
        edges {
          node {
            ...AdminImportJobFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

/** What the import dialog sends: the file's text, and the mapping and default role the manager chose. */
export interface ImportRequest {
  programId: string;
  csv: string;
  /** Null lets the API guess from the headers. */
  mapping: ColumnAssignmentInput[] | null;
  defaultRole: ParticipantRole | null;
}

export interface ImportVerbs {
  previewImport(request: ImportRequest, signal?: AbortSignal): Promise<{ data: ImportPreview }>;
  /**
   * Returns at once with the queued job; follow it with `importJob`. A retry with the same key returns
   * the same job. `identityChanges`: the manager's choice for every row the preview flags.
   */
  startImport(
    request: ImportRequest,
    fileName: string,
    idempotencyKey: string,
    identityChanges?: IdentityChoiceInput[],
  ): Promise<{ data: ImportJobRecord }>;
  importJob(id: string, signal?: AbortSignal): Promise<{ data: (ImportJobRecord & { problems: ImportProblem[] }) | null }>;
  /** Pairs already running elsewhere: what the file would bring, without writing. */
  previewPairImport(request: { programId: string; csv: string }, signal?: AbortSignal): Promise<{ data: PairImportPreview }>;
  startPairImport(
    request: { programId: string; csv: string },
    fileName: string,
    idempotencyKey: string,
  ): Promise<{ data: ImportJobRecord }>;
}

export function importsHandlers(client: GraphQLClient): ResourceHandlers & ImportVerbs {
  const page = cursorPager(
    async (list: { programId: string }, cursor, signal) => {
      const { program } = await client(importsQuery, { ...list, ...cursor }, signal);
      return program?.imports ?? { edges: [], pageInfo: { hasNextPage: false } };
    },
    (job: ImportJobRecord) => job,
  );

  return {
    // A program's past imports, newest first: the program's page passes `target: programId`.
    getManyReference: ({ target, id, pagination, signal }) => {
      if (target !== 'programId') throw new Error(`Imports are listed by programId, not ${target}.`);
      return page({ programId: String(id) }, pageOf(pagination), signal);
    },

    previewImport: async (request, signal) => ({ data: (await client(previewQuery, request, signal)).previewImport }),

    startImport: async (request, fileName, idempotencyKey, identityChanges) => ({
      data: (await client(startImportMutation, { ...request, fileName, idempotencyKey, identityChanges: identityChanges ?? null }))
        .startImport,
    }),

    importJob: async (id, signal) => ({ data: (await client(importJobQuery, { id }, signal)).importJob }),

    previewPairImport: async (request, signal) => ({ data: (await client(pairPreviewQuery, request, signal)).previewPairImport }),

    startPairImport: async (request, fileName, idempotencyKey) => ({
      data: (await client(startPairImportMutation, { ...request, fileName, idempotencyKey })).startPairImport,
    }),
  };
}
