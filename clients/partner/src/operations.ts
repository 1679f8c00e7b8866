import { graphql } from './generated/gql.ts';

/**
 * The partner operations this client ships typed. Each is a document codegen turns into a typed
 * string (codegen.ts, target `clients/partner/src/generated/`): variables and results are checked
 * at compile time against schema/*.graphql.
 */

/** The participant the key acts for: their profile, enrolments, requests and pairs. */
export const MyProfile = graphql(`
  query PartnerMyProfile {
    me {
      id
      displayName
      languages
      enrolments { program { id name } role status }
    }
  }
`);

/** The seed's step 2: the mentors of my program, best fit first, with why (scope MENTORS_READ). */
export const DiscoverMentors = graphql(`
  query PartnerDiscoverMentors($programId: ID!, $filter: MentorFilter, $first: Int, $after: String) {
    mentorsForMe(programId: $programId, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          score
          availability
          placesLeft
          focusAreas
          mentor { id displayName jobTitle department languages }
          explanation { criterion score contribution }
        }
      }
    }
  }
`);

/**
 * A person's public profile: a discoverable mentor of my program, or my own mentor or mentee (scope
 * PROFILES_READ). Contact details are not public: asked for, they would come back null.
 */
export const PublicProfile = graphql(`
  query PartnerPublicProfile($id: ID!) {
    person(id: $id) { id displayName jobTitle department location languages bio skillsOffered }
  }
`);

/** The seed's steps 3–4: introduce yourself and ask. */
export const RequestMentor = graphql(`
  mutation PartnerRequestMentor($input: RequestInput!) {
    requestMentor(input: $input) { id status mentorName expiresAt version }
  }
`);

/** Follow a request until it is answered. */
export const RequestStatus = graphql(`
  query PartnerRequestStatus($id: ID!) {
    request(id: $id) { id status reason answeredAt mentorship { id } version }
  }
`);

/** A mentor answers a request (the key then acts for the mentor). */
export const AnswerRequest = graphql(`
  mutation PartnerAnswerRequest($id: ID!, $version: Int!, $answer: RequestAnswer!, $reason: String) {
    answerRequest(id: $id, version: $version, answer: $answer, reason: $reason) {
      request { id status }
      mentorship { id }
    }
  }
`);

/** The pair: who, since when, its health and meetings. */
export const Pair = graphql(`
  query PartnerPair($id: ID!) {
    mentorship(id: $id) {
      id
      mentorName
      menteeName
      status
      startedAt
      health { status nextContactDue lastContactAt }
      meetings { id heldAt mode topics }
    }
  }
`);

/** Log a meeting of the pair. */
export const LogMeeting = graphql(`
  mutation PartnerLogMeeting($input: MeetingInput!) {
    logMeeting(input: $input) { id heldAt mode topics }
  }
`);

/** Group programs: my places, each with the circle it belongs to (null on a one-to-one pair). */
export const MyCircles = graphql(`
  query PartnerMyCircles {
    me {
      id
      mentorships { id status program { id name } circle { id status } }
    }
  }
`);

/**
 * A circle I lead or belong to: its members' public names and attendance, its health and group
 * meetings (the notes reach the circle only). Anyone else reads null.
 */
export const Circle = graphql(`
  query PartnerCircle($id: ID!) {
    circle(id: $id) {
      id
      status
      topic
      mentorName
      minimum
      maximum
      meetingCount
      health { status nextContactDue lastContactAt }
      members { displayName joinedAt attended lastAttendedAt person { id displayName } }
      meetings { id heldAt mode topics privateNotes attendees { displayName } }
    }
  }
`);

/** The circle's mentor logs a group meeting with who attended; a retry with the same key logs it once. */
export const LogGroupMeeting = graphql(`
  mutation PartnerLogGroupMeeting($input: GroupMeetingInput!, $idempotencyKey: String) {
    logGroupMeeting(input: $input, idempotencyKey: $idempotencyKey) { id heldAt mode attendees { displayName } }
  }
`);
