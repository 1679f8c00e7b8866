/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment AdminProgramFields on Program {\n    id\n    name\n    description\n    status\n    enrolmentOpensOn\n    enrolmentClosesOn\n    focusAreas\n    durationMonths\n    mentorCapacityDefault\n    cadence {\n      expectedEveryDays\n      overdueAfterDays\n    }\n    counts {\n      mentors\n      mentees\n      activeMentorships\n    }\n    createdAt\n    updatedAt\n    version\n  }\n": typeof types.AdminProgramFieldsFragmentDoc,
    "\n  query AdminPrograms($first: Int, $after: String) {\n    programs(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...AdminProgramFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AdminProgramsDocument,
    "\n  query AdminProgram($id: ID!) {\n    program(id: $id) {\n      ...AdminProgramFields\n    }\n  }\n": typeof types.AdminProgramDocument,
    "\n  mutation AdminCreateProgram($input: ProgramInput!) {\n    createProgram(input: $input) {\n      ...AdminProgramFields\n    }\n  }\n": typeof types.AdminCreateProgramDocument,
    "\n  mutation AdminUpdateProgram($id: ID!, $version: Int!, $input: ProgramInput!) {\n    updateProgram(id: $id, version: $version, input: $input) {\n      ...AdminProgramFields\n    }\n  }\n": typeof types.AdminUpdateProgramDocument,
    "\n  query AdminViewer {\n    viewer {\n      actor {\n        id\n        role\n      }\n      tenant {\n        name\n        slug\n      }\n    }\n  }\n": typeof types.AdminViewerDocument,
};
const documents: Documents = {
    "\n  fragment AdminProgramFields on Program {\n    id\n    name\n    description\n    status\n    enrolmentOpensOn\n    enrolmentClosesOn\n    focusAreas\n    durationMonths\n    mentorCapacityDefault\n    cadence {\n      expectedEveryDays\n      overdueAfterDays\n    }\n    counts {\n      mentors\n      mentees\n      activeMentorships\n    }\n    createdAt\n    updatedAt\n    version\n  }\n": types.AdminProgramFieldsFragmentDoc,
    "\n  query AdminPrograms($first: Int, $after: String) {\n    programs(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...AdminProgramFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AdminProgramsDocument,
    "\n  query AdminProgram($id: ID!) {\n    program(id: $id) {\n      ...AdminProgramFields\n    }\n  }\n": types.AdminProgramDocument,
    "\n  mutation AdminCreateProgram($input: ProgramInput!) {\n    createProgram(input: $input) {\n      ...AdminProgramFields\n    }\n  }\n": types.AdminCreateProgramDocument,
    "\n  mutation AdminUpdateProgram($id: ID!, $version: Int!, $input: ProgramInput!) {\n    updateProgram(id: $id, version: $version, input: $input) {\n      ...AdminProgramFields\n    }\n  }\n": types.AdminUpdateProgramDocument,
    "\n  query AdminViewer {\n    viewer {\n      actor {\n        id\n        role\n      }\n      tenant {\n        name\n        slug\n      }\n    }\n  }\n": types.AdminViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminProgramFields on Program {\n    id\n    name\n    description\n    status\n    enrolmentOpensOn\n    enrolmentClosesOn\n    focusAreas\n    durationMonths\n    mentorCapacityDefault\n    cadence {\n      expectedEveryDays\n      overdueAfterDays\n    }\n    counts {\n      mentors\n      mentees\n      activeMentorships\n    }\n    createdAt\n    updatedAt\n    version\n  }\n"): (typeof documents)["\n  fragment AdminProgramFields on Program {\n    id\n    name\n    description\n    status\n    enrolmentOpensOn\n    enrolmentClosesOn\n    focusAreas\n    durationMonths\n    mentorCapacityDefault\n    cadence {\n      expectedEveryDays\n      overdueAfterDays\n    }\n    counts {\n      mentors\n      mentees\n      activeMentorships\n    }\n    createdAt\n    updatedAt\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPrograms($first: Int, $after: String) {\n    programs(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...AdminProgramFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminPrograms($first: Int, $after: String) {\n    programs(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...AdminProgramFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminProgram($id: ID!) {\n    program(id: $id) {\n      ...AdminProgramFields\n    }\n  }\n"): (typeof documents)["\n  query AdminProgram($id: ID!) {\n    program(id: $id) {\n      ...AdminProgramFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateProgram($input: ProgramInput!) {\n    createProgram(input: $input) {\n      ...AdminProgramFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateProgram($input: ProgramInput!) {\n    createProgram(input: $input) {\n      ...AdminProgramFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateProgram($id: ID!, $version: Int!, $input: ProgramInput!) {\n    updateProgram(id: $id, version: $version, input: $input) {\n      ...AdminProgramFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateProgram($id: ID!, $version: Int!, $input: ProgramInput!) {\n    updateProgram(id: $id, version: $version, input: $input) {\n      ...AdminProgramFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminViewer {\n    viewer {\n      actor {\n        id\n        role\n      }\n      tenant {\n        name\n        slug\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminViewer {\n    viewer {\n      actor {\n        id\n        role\n      }\n      tenant {\n        name\n        slug\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;