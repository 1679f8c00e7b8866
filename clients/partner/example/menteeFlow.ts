import type { PartnerClient } from '../src/index.ts';
import { operations } from '../src/index.ts';

export interface MenteeFlowInput {
  /** The program the mentee is enrolled in (a global Program id). */
  programId: string;
  /** Only mentors who speak this language (optional): a filter on discovery. */
  language?: string;
  /** Called when the app waits for the mentor it asked: here a test (or a person) answers as that mentor. */
  waitForAnswer: (requestId: string, version: number, mentorId: string) => Promise<void>;
  /** When the first meeting took place (default: now). */
  heldAt?: string;
}

/**
 * A mentee's journey as a partner app walks it with one API key acting for the mentee: read my
 * profile, discover the mentors of my program, read the best one's profile, ask them, follow the request, see the pair, log a meeting. Every call is typed: a
 * field that the schema lacks, or a variable of the wrong type, does not compile.
 */
export async function menteeFlow(mentee: PartnerClient, input: MenteeFlowInput) {
  // 1. Who am I, and where am I enrolled?
  const { me } = await mentee.request(operations.MyProfile);
  if (!me) throw new Error('The key acts for nobody');

  // 2. Find a mentor: my program's mentors who have room, best fit for me first, with why.
  const { mentorsForMe: found } = await mentee.request(operations.DiscoverMentors, {
    programId: input.programId,
    filter: { hasRoom: true, ...(input.language ? { language: input.language } : {}) },
    first: 5,
  });
  const best = found.edges[0]?.node;
  if (!best) throw new Error(`No mentor with room among the ${found.totalCount} of this program`);
  const mentorId = best.mentor.id;

  // 2b. Read their profile before writing to them: what they offer, in their own words.
  const { person: profile } = await mentee.request(operations.PublicProfile, { id: mentorId });
  if (!profile) throw new Error('The chosen mentor is not visible to this mentee');

  // 3. Introduce yourself and ask.
  const { requestMentor: sent } = await mentee.request(operations.RequestMentor, {
    input: {
      programId: input.programId,
      mentorId,
      whyThisMentor: 'You built the analytics team I am joining, and I would value your view on growing into a lead role.',
      focusAreas: ['GOAL_SETTING'],
      timeAsked: 'An hour a month for six months',
    },
  });

  // 4. Follow the request until it is answered.
  await input.waitForAnswer(sent.id, sent.version, mentorId);
  const { request } = await mentee.request(operations.RequestStatus, { id: sent.id });
  if (request?.status !== 'ACCEPTED' || !request.mentorship) throw new Error(`The request is ${request?.status}: ${request?.reason ?? ''}`);

  // 5. See the pair, then log the first meeting.
  const { logMeeting: meeting } = await mentee.request(operations.LogMeeting, {
    input: {
      mentorshipId: request.mentorship.id,
      heldAt: input.heldAt ?? new Date().toISOString(),
      durationMinutes: 45,
      mode: 'VIDEO',
      topics: ['Getting started'],
    },
  });
  const { mentorship: pair } = await mentee.request(operations.Pair, { id: request.mentorship.id });
  return { me, discovered: found, profile, request, meeting, pair };
}
