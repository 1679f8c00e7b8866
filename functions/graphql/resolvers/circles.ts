import {
  type Circle,
  type CircleMember,
  circleHealth,
  circleOfPlace,
  circleStatus,
  circleSurveys,
  findCircle,
  findMentorship,
  groupMeetingsOf,
  logGroupMeeting,
  memberHealth,
  type PairHealth,
  programCircles,
  READ_PROGRAM_RECORDS,
} from '#domain/mentorships/index.ts';
import type { Person } from '#domain/people/index.ts';
import type { Resolvers } from '#generated/resolvers.ts';
import { pageRequest, toConnection } from '../connections.ts';
import type { Context } from '../context.ts';
import { localId, toGlobalId } from '../ids.ts';
import { programOf } from './load.ts';

/** Health as the schema shows it. */
const asHealth = (h: PairHealth) => ({
  status: h.status,
  nextContactDue: h.nextContactDue.toISOString(),
  lastContactAt: h.lastContactAt?.toISOString() ?? null,
});

/** A member as its field resolvers need it: the record with the circle it is read from. */
type MemberOf = CircleMember & { circle: Circle };
const membersOf = (circle: Circle): MemberOf[] => circle.members.map((m) => ({ ...m, circle }));

const people = async (ctx: Context, ids: readonly string[]): Promise<Person[]> =>
  (await ctx.loaders.person.loadMany([...ids])).filter((p): p is Person => p !== null && !(p instanceof Error));

export const circleResolvers: Resolvers = {
  Query: {
    circle: (_parent, { id }, ctx) => findCircle(ctx.ports, ctx.scope('read a circle'), localId(id, 'Circle')),
  },
  Mutation: {
    logGroupMeeting: (_parent, { input, idempotencyKey }, ctx) =>
      logGroupMeeting(
        ctx.ports,
        ctx.scope('log group meetings'),
        { ...input, circleId: localId(input.circleId, 'Circle'), attendees: input.attendees.map((id) => localId(id, 'Person')) },
        idempotencyKey,
      ),
  },
  Program: {
    circles: async (program, args, ctx) => {
      const scope = ctx.scope(READ_PROGRAM_RECORDS);
      const filters = { program: program.id };
      const req = pageRequest(ctx, 'circles', args, filters);
      return toConnection(ctx, 'circles', await programCircles(ctx.ports, scope, program, req), filters);
    },
  },
  Mentorship: {
    circle: (m, _args, ctx) => circleOfPlace(ctx.ports, ctx.scope('read a circle'), m),
  },
  Circle: {
    id: (c) => toGlobalId('Circle', c.id),
    program: (c, _args, ctx) => programOf(ctx, c.programId),
    mentor: (c, _args, ctx) => ctx.loaders.person.load(c.mentorId),
    status: (c) => circleStatus(c),
    members: (c) => membersOf(c),
    health: async (c, _args, ctx) => asHealth(circleHealth((await programOf(ctx, c.programId)).cadence, c, ctx.ports.clock())),
    meetings: (c, _args, ctx) => groupMeetingsOf(ctx.ports, c),
    surveys: (c, _args, ctx) => circleSurveys(ctx.ports, ctx.scope('read surveys'), c),
  },
  CircleMember: {
    person: (m, _args, ctx) => ctx.loaders.person.load(m.personId),
    health: async (m, _args, ctx) =>
      asHealth(memberHealth((await programOf(ctx, (m as MemberOf).circle.programId)).cadence, m, ctx.ports.clock())),
    // The place's own rule decides: the member, the mentor and managers; anyone else reads null.
    place: (m, _args, ctx) => findMentorship(ctx.ports.mentorships, ctx.scope('read a mentorship'), m.mentorshipId),
  },
  GroupMeeting: {
    id: (g) => toGlobalId('GroupMeeting', g.id),
    attendees: async (g, _args, ctx) => {
      const circle = await findCircle(ctx.ports, ctx.scope('read a circle'), g.circleId);
      return circle ? membersOf(circle).filter((m) => g.attendees.includes(m.personId)) : [];
    },
  },
  CircleCertification: {
    closed: (c, _args, ctx) => people(ctx, c.closed),
  },
};
