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
    "\n  fragment AdminAuditEntryFields on AuditEntry {\n    id\n    at\n    actor {\n      id\n      role\n    }\n    action\n    entityType\n    entityId\n    changes {\n      field\n      before\n      after\n    }\n  }\n": typeof types.AdminAuditEntryFieldsFragmentDoc,
    "\n  query AdminAuditLog($entityId: ID, $first: Int, $after: String) {\n    auditLog(entityId: $entityId, first: $first, after: $after) {\n      edges {\n        node {\n          ...AdminAuditEntryFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AdminAuditLogDocument,
    "\n  fragment AdminParticipantFields on Enrolment {\n    role\n    status\n    reasons\n    capacity\n    hoursPerMonth\n    openToSponsoring\n    withdrawnReason\n    enrolledAt\n    displayName\n    department\n    version\n    person {\n      id\n      jobTitle\n    }\n  }\n": typeof types.AdminParticipantFieldsFragmentDoc,
    "\n  query AdminParticipants($programId: ID!, $filter: ParticipantFilter, $sort: PeopleSort, $first: Int, $after: String) {\n    program(id: $programId) {\n      id\n      participants(filter: $filter, sort: $sort, first: $first, after: $after) {\n        edges {\n          node {\n            ...AdminParticipantFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.AdminParticipantsDocument,
    "\n  mutation AdminEnrol($input: EnrolInput!, $idempotencyKey: String) {\n    enrol(input: $input, idempotencyKey: $idempotencyKey) {\n      ...AdminParticipantFields\n    }\n  }\n": typeof types.AdminEnrolDocument,
    "\n  mutation AdminWithdraw($key: EnrolmentKey!, $version: Int!, $reason: String!) {\n    withdraw(key: $key, version: $version, reason: $reason) {\n      ...AdminParticipantFields\n    }\n  }\n": typeof types.AdminWithdrawDocument,
    "\n  fragment AdminPersonFields on Person {\n    id\n    externalId\n    email\n    givenName\n    familyName\n    displayName\n    jobTitle\n    department\n    managerEmail\n    location\n    timeZone\n    languages\n    yearsExperience\n    industry\n    skillsOffered\n    skillsSought\n    bio\n    links\n    enrolments {\n      program {\n        id\n        name\n      }\n      role\n      status\n      reasons\n      capacity\n      withdrawnReason\n      enrolledAt\n    }\n    createdAt\n    updatedAt\n    version\n  }\n": typeof types.AdminPersonFieldsFragmentDoc,
    "\n  query AdminPeople($filter: PeopleFilter, $sort: PeopleSort, $first: Int, $after: String) {\n    people(filter: $filter, sort: $sort, first: $first, after: $after) {\n      edges {\n        node {\n          ...AdminPersonFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AdminPeopleDocument,
    "\n  query AdminPerson($id: ID!) {\n    person(id: $id) {\n      ...AdminPersonFields\n    }\n  }\n": typeof types.AdminPersonDocument,
    "\n  mutation AdminCreatePerson($input: PersonInput!, $idempotencyKey: String) {\n    createPerson(input: $input, idempotencyKey: $idempotencyKey) {\n      ...AdminPersonFields\n    }\n  }\n": typeof types.AdminCreatePersonDocument,
    "\n  mutation AdminUpdatePerson($id: ID!, $version: Int!, $input: PersonPatch!) {\n    updatePerson(id: $id, version: $version, input: $input) {\n      ...AdminPersonFields\n    }\n  }\n": typeof types.AdminUpdatePersonDocument,
    "\n  query AdminPersonalData($personId: ID!) {\n    personalData(personId: $personId)\n  }\n": typeof types.AdminPersonalDataDocument,
    "\n  fragment AdminErasureReceipt on ErasureReceipt {\n    personId\n    pseudonym\n    erasedAt\n    enrolments\n    mentorships\n    meetings\n    auditEntries\n  }\n": typeof types.AdminErasureReceiptFragmentDoc,
    "\n  mutation AdminErasePerson($id: ID!, $reason: String!) {\n    erasePerson(id: $id, reason: $reason) {\n      ...AdminErasureReceipt\n    }\n  }\n": typeof types.AdminErasePersonDocument,
    "\n  fragment AdminProgramFields on Program {\n    id\n    name\n    description\n    status\n    enrolmentOpensOn\n    enrolmentClosesOn\n    focusAreas\n    durationMonths\n    mentorCapacityDefault\n    cadence {\n      expectedEveryDays\n      overdueAfterDays\n    }\n    counts {\n      mentors\n      mentees\n      activeMentorships\n    }\n    createdAt\n    updatedAt\n    version\n  }\n": typeof types.AdminProgramFieldsFragmentDoc,
    "\n  query AdminPrograms($first: Int, $after: String) {\n    programs(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...AdminProgramFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AdminProgramsDocument,
    "\n  query AdminProgram($id: ID!) {\n    program(id: $id) {\n      ...AdminProgramFields\n    }\n  }\n": typeof types.AdminProgramDocument,
    "\n  mutation AdminCreateProgram($input: ProgramInput!) {\n    createProgram(input: $input) {\n      ...AdminProgramFields\n    }\n  }\n": typeof types.AdminCreateProgramDocument,
    "\n  mutation AdminUpdateProgram($id: ID!, $version: Int!, $input: ProgramInput!) {\n    updateProgram(id: $id, version: $version, input: $input) {\n      ...AdminProgramFields\n    }\n  }\n": typeof types.AdminUpdateProgramDocument,
    "\n  query AdminViewer {\n    viewer {\n      actor {\n        id\n        role\n      }\n      tenant {\n        name\n        slug\n      }\n    }\n  }\n": typeof types.AdminViewerDocument,
};
const documents: Documents = {
    "\n  fragment AdminAuditEntryFields on AuditEntry {\n    id\n    at\n    actor {\n      id\n      role\n    }\n    action\n    entityType\n    entityId\n    changes {\n      field\n      before\n      after\n    }\n  }\n": types.AdminAuditEntryFieldsFragmentDoc,
    "\n  query AdminAuditLog($entityId: ID, $first: Int, $after: String) {\n    auditLog(entityId: $entityId, first: $first, after: $after) {\n      edges {\n        node {\n          ...AdminAuditEntryFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AdminAuditLogDocument,
    "\n  fragment AdminParticipantFields on Enrolment {\n    role\n    status\n    reasons\n    capacity\n    hoursPerMonth\n    openToSponsoring\n    withdrawnReason\n    enrolledAt\n    displayName\n    department\n    version\n    person {\n      id\n      jobTitle\n    }\n  }\n": types.AdminParticipantFieldsFragmentDoc,
    "\n  query AdminParticipants($programId: ID!, $filter: ParticipantFilter, $sort: PeopleSort, $first: Int, $after: String) {\n    program(id: $programId) {\n      id\n      participants(filter: $filter, sort: $sort, first: $first, after: $after) {\n        edges {\n          node {\n            ...AdminParticipantFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.AdminParticipantsDocument,
    "\n  mutation AdminEnrol($input: EnrolInput!, $idempotencyKey: String) {\n    enrol(input: $input, idempotencyKey: $idempotencyKey) {\n      ...AdminParticipantFields\n    }\n  }\n": types.AdminEnrolDocument,
    "\n  mutation AdminWithdraw($key: EnrolmentKey!, $version: Int!, $reason: String!) {\n    withdraw(key: $key, version: $version, reason: $reason) {\n      ...AdminParticipantFields\n    }\n  }\n": types.AdminWithdrawDocument,
    "\n  fragment AdminPersonFields on Person {\n    id\n    externalId\n    email\n    givenName\n    familyName\n    displayName\n    jobTitle\n    department\n    managerEmail\n    location\n    timeZone\n    languages\n    yearsExperience\n    industry\n    skillsOffered\n    skillsSought\n    bio\n    links\n    enrolments {\n      program {\n        id\n        name\n      }\n      role\n      status\n      reasons\n      capacity\n      withdrawnReason\n      enrolledAt\n    }\n    createdAt\n    updatedAt\n    version\n  }\n": types.AdminPersonFieldsFragmentDoc,
    "\n  query AdminPeople($filter: PeopleFilter, $sort: PeopleSort, $first: Int, $after: String) {\n    people(filter: $filter, sort: $sort, first: $first, after: $after) {\n      edges {\n        node {\n          ...AdminPersonFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AdminPeopleDocument,
    "\n  query AdminPerson($id: ID!) {\n    person(id: $id) {\n      ...AdminPersonFields\n    }\n  }\n": types.AdminPersonDocument,
    "\n  mutation AdminCreatePerson($input: PersonInput!, $idempotencyKey: String) {\n    createPerson(input: $input, idempotencyKey: $idempotencyKey) {\n      ...AdminPersonFields\n    }\n  }\n": types.AdminCreatePersonDocument,
    "\n  mutation AdminUpdatePerson($id: ID!, $version: Int!, $input: PersonPatch!) {\n    updatePerson(id: $id, version: $version, input: $input) {\n      ...AdminPersonFields\n    }\n  }\n": types.AdminUpdatePersonDocument,
    "\n  query AdminPersonalData($personId: ID!) {\n    personalData(personId: $personId)\n  }\n": types.AdminPersonalDataDocument,
    "\n  fragment AdminErasureReceipt on ErasureReceipt {\n    personId\n    pseudonym\n    erasedAt\n    enrolments\n    mentorships\n    meetings\n    auditEntries\n  }\n": types.AdminErasureReceiptFragmentDoc,
    "\n  mutation AdminErasePerson($id: ID!, $reason: String!) {\n    erasePerson(id: $id, reason: $reason) {\n      ...AdminErasureReceipt\n    }\n  }\n": types.AdminErasePersonDocument,
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
export function graphql(source: "\n  fragment AdminAuditEntryFields on AuditEntry {\n    id\n    at\n    actor {\n      id\n      role\n    }\n    action\n    entityType\n    entityId\n    changes {\n      field\n      before\n      after\n    }\n  }\n"): (typeof documents)["\n  fragment AdminAuditEntryFields on AuditEntry {\n    id\n    at\n    actor {\n      id\n      role\n    }\n    action\n    entityType\n    entityId\n    changes {\n      field\n      before\n      after\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAuditLog($entityId: ID, $first: Int, $after: String) {\n    auditLog(entityId: $entityId, first: $first, after: $after) {\n      edges {\n        node {\n          ...AdminAuditEntryFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminAuditLog($entityId: ID, $first: Int, $after: String) {\n    auditLog(entityId: $entityId, first: $first, after: $after) {\n      edges {\n        node {\n          ...AdminAuditEntryFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminParticipantFields on Enrolment {\n    role\n    status\n    reasons\n    capacity\n    hoursPerMonth\n    openToSponsoring\n    withdrawnReason\n    enrolledAt\n    displayName\n    department\n    version\n    person {\n      id\n      jobTitle\n    }\n  }\n"): (typeof documents)["\n  fragment AdminParticipantFields on Enrolment {\n    role\n    status\n    reasons\n    capacity\n    hoursPerMonth\n    openToSponsoring\n    withdrawnReason\n    enrolledAt\n    displayName\n    department\n    version\n    person {\n      id\n      jobTitle\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminParticipants($programId: ID!, $filter: ParticipantFilter, $sort: PeopleSort, $first: Int, $after: String) {\n    program(id: $programId) {\n      id\n      participants(filter: $filter, sort: $sort, first: $first, after: $after) {\n        edges {\n          node {\n            ...AdminParticipantFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminParticipants($programId: ID!, $filter: ParticipantFilter, $sort: PeopleSort, $first: Int, $after: String) {\n    program(id: $programId) {\n      id\n      participants(filter: $filter, sort: $sort, first: $first, after: $after) {\n        edges {\n          node {\n            ...AdminParticipantFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminEnrol($input: EnrolInput!, $idempotencyKey: String) {\n    enrol(input: $input, idempotencyKey: $idempotencyKey) {\n      ...AdminParticipantFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminEnrol($input: EnrolInput!, $idempotencyKey: String) {\n    enrol(input: $input, idempotencyKey: $idempotencyKey) {\n      ...AdminParticipantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminWithdraw($key: EnrolmentKey!, $version: Int!, $reason: String!) {\n    withdraw(key: $key, version: $version, reason: $reason) {\n      ...AdminParticipantFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminWithdraw($key: EnrolmentKey!, $version: Int!, $reason: String!) {\n    withdraw(key: $key, version: $version, reason: $reason) {\n      ...AdminParticipantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminPersonFields on Person {\n    id\n    externalId\n    email\n    givenName\n    familyName\n    displayName\n    jobTitle\n    department\n    managerEmail\n    location\n    timeZone\n    languages\n    yearsExperience\n    industry\n    skillsOffered\n    skillsSought\n    bio\n    links\n    enrolments {\n      program {\n        id\n        name\n      }\n      role\n      status\n      reasons\n      capacity\n      withdrawnReason\n      enrolledAt\n    }\n    createdAt\n    updatedAt\n    version\n  }\n"): (typeof documents)["\n  fragment AdminPersonFields on Person {\n    id\n    externalId\n    email\n    givenName\n    familyName\n    displayName\n    jobTitle\n    department\n    managerEmail\n    location\n    timeZone\n    languages\n    yearsExperience\n    industry\n    skillsOffered\n    skillsSought\n    bio\n    links\n    enrolments {\n      program {\n        id\n        name\n      }\n      role\n      status\n      reasons\n      capacity\n      withdrawnReason\n      enrolledAt\n    }\n    createdAt\n    updatedAt\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPeople($filter: PeopleFilter, $sort: PeopleSort, $first: Int, $after: String) {\n    people(filter: $filter, sort: $sort, first: $first, after: $after) {\n      edges {\n        node {\n          ...AdminPersonFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminPeople($filter: PeopleFilter, $sort: PeopleSort, $first: Int, $after: String) {\n    people(filter: $filter, sort: $sort, first: $first, after: $after) {\n      edges {\n        node {\n          ...AdminPersonFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPerson($id: ID!) {\n    person(id: $id) {\n      ...AdminPersonFields\n    }\n  }\n"): (typeof documents)["\n  query AdminPerson($id: ID!) {\n    person(id: $id) {\n      ...AdminPersonFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreatePerson($input: PersonInput!, $idempotencyKey: String) {\n    createPerson(input: $input, idempotencyKey: $idempotencyKey) {\n      ...AdminPersonFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreatePerson($input: PersonInput!, $idempotencyKey: String) {\n    createPerson(input: $input, idempotencyKey: $idempotencyKey) {\n      ...AdminPersonFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdatePerson($id: ID!, $version: Int!, $input: PersonPatch!) {\n    updatePerson(id: $id, version: $version, input: $input) {\n      ...AdminPersonFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdatePerson($id: ID!, $version: Int!, $input: PersonPatch!) {\n    updatePerson(id: $id, version: $version, input: $input) {\n      ...AdminPersonFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPersonalData($personId: ID!) {\n    personalData(personId: $personId)\n  }\n"): (typeof documents)["\n  query AdminPersonalData($personId: ID!) {\n    personalData(personId: $personId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminErasureReceipt on ErasureReceipt {\n    personId\n    pseudonym\n    erasedAt\n    enrolments\n    mentorships\n    meetings\n    auditEntries\n  }\n"): (typeof documents)["\n  fragment AdminErasureReceipt on ErasureReceipt {\n    personId\n    pseudonym\n    erasedAt\n    enrolments\n    mentorships\n    meetings\n    auditEntries\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminErasePerson($id: ID!, $reason: String!) {\n    erasePerson(id: $id, reason: $reason) {\n      ...AdminErasureReceipt\n    }\n  }\n"): (typeof documents)["\n  mutation AdminErasePerson($id: ID!, $reason: String!) {\n    erasePerson(id: $id, reason: $reason) {\n      ...AdminErasureReceipt\n    }\n  }\n"];
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