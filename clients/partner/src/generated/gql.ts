/* eslint-disable */
import * as types from './graphql';



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
    "\n  query PartnerMyProfile {\n    me {\n      id\n      displayName\n      languages\n      enrolments { program { id name } role status }\n    }\n  }\n": typeof types.PartnerMyProfileDocument,
    "\n  query PartnerDiscoverMentors($programId: ID!, $filter: MentorFilter, $first: Int, $after: String) {\n    mentorsForMe(programId: $programId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          score\n          availability\n          placesLeft\n          focusAreas\n          mentor { id displayName jobTitle department languages }\n          explanation { criterion score contribution }\n        }\n      }\n    }\n  }\n": typeof types.PartnerDiscoverMentorsDocument,
    "\n  query PartnerPublicProfile($id: ID!) {\n    person(id: $id) { id displayName jobTitle department location languages bio skillsOffered }\n  }\n": typeof types.PartnerPublicProfileDocument,
    "\n  mutation PartnerRequestMentor($input: RequestInput!) {\n    requestMentor(input: $input) { id status mentorName expiresAt version }\n  }\n": typeof types.PartnerRequestMentorDocument,
    "\n  query PartnerRequestStatus($id: ID!) {\n    request(id: $id) { id status reason answeredAt mentorship { id } version }\n  }\n": typeof types.PartnerRequestStatusDocument,
    "\n  mutation PartnerAnswerRequest($id: ID!, $version: Int!, $answer: RequestAnswer!, $reason: String) {\n    answerRequest(id: $id, version: $version, answer: $answer, reason: $reason) {\n      request { id status }\n      mentorship { id }\n    }\n  }\n": typeof types.PartnerAnswerRequestDocument,
    "\n  query PartnerPair($id: ID!) {\n    mentorship(id: $id) {\n      id\n      mentorName\n      menteeName\n      status\n      startedAt\n      health { status nextContactDue lastContactAt }\n      meetings { id heldAt mode topics }\n    }\n  }\n": typeof types.PartnerPairDocument,
    "\n  mutation PartnerLogMeeting($input: MeetingInput!) {\n    logMeeting(input: $input) { id heldAt mode topics }\n  }\n": typeof types.PartnerLogMeetingDocument,
    "\n  query PartnerMyCircles {\n    me {\n      id\n      mentorships { id status program { id name } circle { id status } }\n    }\n  }\n": typeof types.PartnerMyCirclesDocument,
    "\n  query PartnerCircle($id: ID!) {\n    circle(id: $id) {\n      id\n      status\n      topic\n      mentorName\n      minimum\n      maximum\n      meetingCount\n      health { status nextContactDue lastContactAt }\n      members { displayName joinedAt attended lastAttendedAt person { id displayName } }\n      meetings { id heldAt mode topics privateNotes attendees { displayName } }\n    }\n  }\n": typeof types.PartnerCircleDocument,
    "\n  mutation PartnerLogGroupMeeting($input: GroupMeetingInput!, $idempotencyKey: String) {\n    logGroupMeeting(input: $input, idempotencyKey: $idempotencyKey) { id heldAt mode attendees { displayName } }\n  }\n": typeof types.PartnerLogGroupMeetingDocument,
};
const documents: Documents = {
    "\n  query PartnerMyProfile {\n    me {\n      id\n      displayName\n      languages\n      enrolments { program { id name } role status }\n    }\n  }\n": types.PartnerMyProfileDocument,
    "\n  query PartnerDiscoverMentors($programId: ID!, $filter: MentorFilter, $first: Int, $after: String) {\n    mentorsForMe(programId: $programId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          score\n          availability\n          placesLeft\n          focusAreas\n          mentor { id displayName jobTitle department languages }\n          explanation { criterion score contribution }\n        }\n      }\n    }\n  }\n": types.PartnerDiscoverMentorsDocument,
    "\n  query PartnerPublicProfile($id: ID!) {\n    person(id: $id) { id displayName jobTitle department location languages bio skillsOffered }\n  }\n": types.PartnerPublicProfileDocument,
    "\n  mutation PartnerRequestMentor($input: RequestInput!) {\n    requestMentor(input: $input) { id status mentorName expiresAt version }\n  }\n": types.PartnerRequestMentorDocument,
    "\n  query PartnerRequestStatus($id: ID!) {\n    request(id: $id) { id status reason answeredAt mentorship { id } version }\n  }\n": types.PartnerRequestStatusDocument,
    "\n  mutation PartnerAnswerRequest($id: ID!, $version: Int!, $answer: RequestAnswer!, $reason: String) {\n    answerRequest(id: $id, version: $version, answer: $answer, reason: $reason) {\n      request { id status }\n      mentorship { id }\n    }\n  }\n": types.PartnerAnswerRequestDocument,
    "\n  query PartnerPair($id: ID!) {\n    mentorship(id: $id) {\n      id\n      mentorName\n      menteeName\n      status\n      startedAt\n      health { status nextContactDue lastContactAt }\n      meetings { id heldAt mode topics }\n    }\n  }\n": types.PartnerPairDocument,
    "\n  mutation PartnerLogMeeting($input: MeetingInput!) {\n    logMeeting(input: $input) { id heldAt mode topics }\n  }\n": types.PartnerLogMeetingDocument,
    "\n  query PartnerMyCircles {\n    me {\n      id\n      mentorships { id status program { id name } circle { id status } }\n    }\n  }\n": types.PartnerMyCirclesDocument,
    "\n  query PartnerCircle($id: ID!) {\n    circle(id: $id) {\n      id\n      status\n      topic\n      mentorName\n      minimum\n      maximum\n      meetingCount\n      health { status nextContactDue lastContactAt }\n      members { displayName joinedAt attended lastAttendedAt person { id displayName } }\n      meetings { id heldAt mode topics privateNotes attendees { displayName } }\n    }\n  }\n": types.PartnerCircleDocument,
    "\n  mutation PartnerLogGroupMeeting($input: GroupMeetingInput!, $idempotencyKey: String) {\n    logGroupMeeting(input: $input, idempotencyKey: $idempotencyKey) { id heldAt mode attendees { displayName } }\n  }\n": types.PartnerLogGroupMeetingDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerMyProfile {\n    me {\n      id\n      displayName\n      languages\n      enrolments { program { id name } role status }\n    }\n  }\n"): typeof import('./graphql').PartnerMyProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerDiscoverMentors($programId: ID!, $filter: MentorFilter, $first: Int, $after: String) {\n    mentorsForMe(programId: $programId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          score\n          availability\n          placesLeft\n          focusAreas\n          mentor { id displayName jobTitle department languages }\n          explanation { criterion score contribution }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PartnerDiscoverMentorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerPublicProfile($id: ID!) {\n    person(id: $id) { id displayName jobTitle department location languages bio skillsOffered }\n  }\n"): typeof import('./graphql').PartnerPublicProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnerRequestMentor($input: RequestInput!) {\n    requestMentor(input: $input) { id status mentorName expiresAt version }\n  }\n"): typeof import('./graphql').PartnerRequestMentorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerRequestStatus($id: ID!) {\n    request(id: $id) { id status reason answeredAt mentorship { id } version }\n  }\n"): typeof import('./graphql').PartnerRequestStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnerAnswerRequest($id: ID!, $version: Int!, $answer: RequestAnswer!, $reason: String) {\n    answerRequest(id: $id, version: $version, answer: $answer, reason: $reason) {\n      request { id status }\n      mentorship { id }\n    }\n  }\n"): typeof import('./graphql').PartnerAnswerRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerPair($id: ID!) {\n    mentorship(id: $id) {\n      id\n      mentorName\n      menteeName\n      status\n      startedAt\n      health { status nextContactDue lastContactAt }\n      meetings { id heldAt mode topics }\n    }\n  }\n"): typeof import('./graphql').PartnerPairDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnerLogMeeting($input: MeetingInput!) {\n    logMeeting(input: $input) { id heldAt mode topics }\n  }\n"): typeof import('./graphql').PartnerLogMeetingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerMyCircles {\n    me {\n      id\n      mentorships { id status program { id name } circle { id status } }\n    }\n  }\n"): typeof import('./graphql').PartnerMyCirclesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerCircle($id: ID!) {\n    circle(id: $id) {\n      id\n      status\n      topic\n      mentorName\n      minimum\n      maximum\n      meetingCount\n      health { status nextContactDue lastContactAt }\n      members { displayName joinedAt attended lastAttendedAt person { id displayName } }\n      meetings { id heldAt mode topics privateNotes attendees { displayName } }\n    }\n  }\n"): typeof import('./graphql').PartnerCircleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnerLogGroupMeeting($input: GroupMeetingInput!, $idempotencyKey: String) {\n    logGroupMeeting(input: $input, idempotencyKey: $idempotencyKey) { id heldAt mode attendees { displayName } }\n  }\n"): typeof import('./graphql').PartnerLogGroupMeetingDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
