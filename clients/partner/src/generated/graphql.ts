/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Group mentoring (ADR 0075): a mentor leads a circle of mentees who meet together. */
export type CircleStatus =
  | 'ACTIVE'
  | 'CLOSED'
  /** Started, with fewer members than the program's minimum circle size. */
  | 'FORMING';

export type ContactKind =
  | 'CHECK_IN'
  | 'MEETING';

export type Criterion =
  | 'AVAILABILITY'
  /** Group programs: the mentee asked for a circle on the topic the mentor's circle is on. */
  | 'CIRCLE_TOPIC'
  | 'DEPARTMENT'
  | 'LANGUAGE'
  | 'LOCATION'
  | 'REASONS'
  | 'SENIORITY'
  | 'SHORTLIST'
  | 'SKILLS'
  | 'SPONSORSHIP'
  | 'TIME_ZONE';

export type EnrolmentStatus =
  | 'ENROLLED'
  | 'MATCHED'
  | 'WITHDRAWN';

export type GroupMeetingInput = {
  /** The ids of the members who attended. */
  attendees: Array<string | number>;
  circleId: string | number;
  durationMinutes: number;
  heldAt: string;
  mode: MeetingMode;
  /** Visible to the circle only. */
  privateNotes?: string | null | undefined;
  topics?: Array<string> | null | undefined;
};

export type Health =
  | 'DUE_SOON'
  | 'NEVER_MET'
  | 'ON_TRACK'
  | 'OVERDUE';

export type MeetingInput = {
  durationMinutes: number;
  heldAt: string;
  kind?: ContactKind | null | undefined;
  mentorshipId: string | number;
  mode: MeetingMode;
  /** Visible to the pair only. */
  privateNotes?: string | null | undefined;
  topics?: Array<string> | null | undefined;
};

export type MeetingMode =
  | 'CHAT'
  | 'IN_PERSON'
  | 'PHONE'
  | 'VIDEO';

/** Why a mentor cannot take a new mentee now (discovery shows them, or hides them, as the program sets). */
export type MentorAvailability =
  | 'AVAILABLE'
  /** Away until `awayUntil`. */
  | 'AWAY'
  /** No place left: capacity reached by running pairs and open proposals. */
  | 'FULL'
  /** Takes mentees through matching only. */
  | 'NOT_ACCEPTING_REQUESTS';

export type MentorFilter = {
  /** A focus area the mentor offers, in any wording (not one the program marks sensitive). */
  focusArea?: string | null | undefined;
  /** Only mentors who can take a request now (available, with a place left). */
  hasRoom?: boolean | null | undefined;
  /** ISO 639-1 code or name in English or Dutch ("nl", "Dutch", "Nederlands"). */
  language?: string | null | undefined;
  /** Part of the mentor's location; case and accents do not matter. */
  location?: string | null | undefined;
  /** Mentors offering at least this many hours a month. */
  minHoursPerMonth?: number | null | undefined;
  /** Words in the public profile: name, job title, department, location, industry, skills, bio. */
  search?: string | null | undefined;
};

export type MentorshipStatus =
  | 'ACTIVE'
  | 'COMPLETED'
  | 'ENDED_EARLY'
  | 'PAUSED';

export type ParticipantRole =
  | 'MENTEE'
  | 'MENTOR'
  /** A participant of a peer program (ProgramKind PEER): on the one side everyone is on. */
  | 'PEER';

export type RequestAnswer =
  | 'ACCEPT'
  | 'DECLINE'
  | 'WITHDRAW';

export type RequestInput = {
  /**
   * The mentee's reasons to focus on, in any wording of the program's focus areas ("communication
   * skills", "Communicatievaardigheden", COMMUNICATION_SKILLS).
   */
  focusAreas: Array<string>;
  /** What the mentee hopes to gain (10 to 1,000 characters). */
  hopedOutcome?: string | null | undefined;
  /** The time asked in hours a month (1 to 40); not above what the mentor offers. */
  hoursPerMonth?: number | null | undefined;
  /** Participants: themselves (may be left out). Managers: who the request is for. */
  menteeId?: string | number | null | undefined;
  mentorId: string | number;
  message?: string | null | undefined;
  programId: string | number;
  /** The time asked in words ("an hour a month, video is fine"); give this, hoursPerMonth, or both. */
  timeAsked?: string | null | undefined;
  /** Why this mentor: what the mentee saw in them (20 to 2,000 characters). */
  whyThisMentor: string;
};

export type RequestStatus =
  | 'ACCEPTED'
  | 'CLOSED'
  | 'DECLINED'
  | 'EXPIRED'
  | 'OPEN'
  | 'WITHDRAWN';

export type PartnerMyProfileQueryVariables = Exact<{ [key: string]: never; }>;


export type PartnerMyProfileQuery = { me: { id: string, displayName: string, languages: Array<string>, enrolments: Array<{ role: ParticipantRole, status: EnrolmentStatus, program: { id: string, name: string } }> | null } | null };

export type PartnerDiscoverMentorsQueryVariables = Exact<{
  programId: string | number;
  filter?: MentorFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PartnerDiscoverMentorsQuery = { mentorsForMe: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { score: number, availability: MentorAvailability, placesLeft: number, focusAreas: Array<string>, mentor: { id: string, displayName: string, jobTitle: string | null, department: string | null, languages: Array<string> }, explanation: Array<{ criterion: Criterion, score: number, contribution: number }> } }> } };

export type PartnerPublicProfileQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerPublicProfileQuery = { person: { id: string, displayName: string, jobTitle: string | null, department: string | null, location: string | null, languages: Array<string>, bio: string | null, skillsOffered: Array<string> } | null };

export type PartnerRequestMentorMutationVariables = Exact<{
  input: RequestInput;
}>;


export type PartnerRequestMentorMutation = { requestMentor: { id: string, status: RequestStatus, mentorName: string, expiresAt: string, version: number } };

export type PartnerRequestStatusQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerRequestStatusQuery = { request: { id: string, status: RequestStatus, reason: string | null, answeredAt: string | null, version: number, mentorship: { id: string } | null } | null };

export type PartnerAnswerRequestMutationVariables = Exact<{
  id: string | number;
  version: number;
  answer: RequestAnswer;
  reason?: string | null | undefined;
}>;


export type PartnerAnswerRequestMutation = { answerRequest: { request: { id: string, status: RequestStatus }, mentorship: { id: string } | null } };

export type PartnerPairQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerPairQuery = { mentorship: { id: string, mentorName: string, menteeName: string, status: MentorshipStatus, startedAt: string, health: { status: Health, nextContactDue: string, lastContactAt: string | null }, meetings: Array<{ id: string, heldAt: string, mode: MeetingMode, topics: Array<string> }> } | null };

export type PartnerLogMeetingMutationVariables = Exact<{
  input: MeetingInput;
}>;


export type PartnerLogMeetingMutation = { logMeeting: { id: string, heldAt: string, mode: MeetingMode, topics: Array<string> } };

export type PartnerMyCirclesQueryVariables = Exact<{ [key: string]: never; }>;


export type PartnerMyCirclesQuery = { me: { id: string, mentorships: Array<{ id: string, status: MentorshipStatus, program: { id: string, name: string }, circle: { id: string, status: CircleStatus } | null }> | null } | null };

export type PartnerCircleQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerCircleQuery = { circle: { id: string, status: CircleStatus, topic: string | null, mentorName: string, minimum: number, maximum: number, meetingCount: number, health: { status: Health, nextContactDue: string, lastContactAt: string | null }, members: Array<{ displayName: string, joinedAt: string, attended: number, lastAttendedAt: string | null, person: { id: string, displayName: string } | null }>, meetings: Array<{ id: string, heldAt: string, mode: MeetingMode, topics: Array<string>, privateNotes: string | null, attendees: Array<{ displayName: string }> }> } | null };

export type PartnerLogGroupMeetingMutationVariables = Exact<{
  input: GroupMeetingInput;
  idempotencyKey?: string | null | undefined;
}>;


export type PartnerLogGroupMeetingMutation = { logGroupMeeting: { id: string, heldAt: string, mode: MeetingMode, attendees: Array<{ displayName: string }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const PartnerMyProfileDocument = new TypedDocumentString(`
    query PartnerMyProfile {
  me {
    id
    displayName
    languages
    enrolments {
      program {
        id
        name
      }
      role
      status
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerMyProfileQuery, PartnerMyProfileQueryVariables>;
export const PartnerDiscoverMentorsDocument = new TypedDocumentString(`
    query PartnerDiscoverMentors($programId: ID!, $filter: MentorFilter, $first: Int, $after: String) {
  mentorsForMe(
    programId: $programId
    filter: $filter
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        score
        availability
        placesLeft
        focusAreas
        mentor {
          id
          displayName
          jobTitle
          department
          languages
        }
        explanation {
          criterion
          score
          contribution
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerDiscoverMentorsQuery, PartnerDiscoverMentorsQueryVariables>;
export const PartnerPublicProfileDocument = new TypedDocumentString(`
    query PartnerPublicProfile($id: ID!) {
  person(id: $id) {
    id
    displayName
    jobTitle
    department
    location
    languages
    bio
    skillsOffered
  }
}
    `) as unknown as TypedDocumentString<PartnerPublicProfileQuery, PartnerPublicProfileQueryVariables>;
export const PartnerRequestMentorDocument = new TypedDocumentString(`
    mutation PartnerRequestMentor($input: RequestInput!) {
  requestMentor(input: $input) {
    id
    status
    mentorName
    expiresAt
    version
  }
}
    `) as unknown as TypedDocumentString<PartnerRequestMentorMutation, PartnerRequestMentorMutationVariables>;
export const PartnerRequestStatusDocument = new TypedDocumentString(`
    query PartnerRequestStatus($id: ID!) {
  request(id: $id) {
    id
    status
    reason
    answeredAt
    mentorship {
      id
    }
    version
  }
}
    `) as unknown as TypedDocumentString<PartnerRequestStatusQuery, PartnerRequestStatusQueryVariables>;
export const PartnerAnswerRequestDocument = new TypedDocumentString(`
    mutation PartnerAnswerRequest($id: ID!, $version: Int!, $answer: RequestAnswer!, $reason: String) {
  answerRequest(id: $id, version: $version, answer: $answer, reason: $reason) {
    request {
      id
      status
    }
    mentorship {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerAnswerRequestMutation, PartnerAnswerRequestMutationVariables>;
export const PartnerPairDocument = new TypedDocumentString(`
    query PartnerPair($id: ID!) {
  mentorship(id: $id) {
    id
    mentorName
    menteeName
    status
    startedAt
    health {
      status
      nextContactDue
      lastContactAt
    }
    meetings {
      id
      heldAt
      mode
      topics
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerPairQuery, PartnerPairQueryVariables>;
export const PartnerLogMeetingDocument = new TypedDocumentString(`
    mutation PartnerLogMeeting($input: MeetingInput!) {
  logMeeting(input: $input) {
    id
    heldAt
    mode
    topics
  }
}
    `) as unknown as TypedDocumentString<PartnerLogMeetingMutation, PartnerLogMeetingMutationVariables>;
export const PartnerMyCirclesDocument = new TypedDocumentString(`
    query PartnerMyCircles {
  me {
    id
    mentorships {
      id
      status
      program {
        id
        name
      }
      circle {
        id
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerMyCirclesQuery, PartnerMyCirclesQueryVariables>;
export const PartnerCircleDocument = new TypedDocumentString(`
    query PartnerCircle($id: ID!) {
  circle(id: $id) {
    id
    status
    topic
    mentorName
    minimum
    maximum
    meetingCount
    health {
      status
      nextContactDue
      lastContactAt
    }
    members {
      displayName
      joinedAt
      attended
      lastAttendedAt
      person {
        id
        displayName
      }
    }
    meetings {
      id
      heldAt
      mode
      topics
      privateNotes
      attendees {
        displayName
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerCircleQuery, PartnerCircleQueryVariables>;
export const PartnerLogGroupMeetingDocument = new TypedDocumentString(`
    mutation PartnerLogGroupMeeting($input: GroupMeetingInput!, $idempotencyKey: String) {
  logGroupMeeting(input: $input, idempotencyKey: $idempotencyKey) {
    id
    heldAt
    mode
    attendees {
      displayName
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerLogGroupMeetingMutation, PartnerLogGroupMeetingMutationVariables>;