import { notFound } from '#domain/errors.ts';
import { pairHealth } from '#domain/health.ts';
import { getMentorship } from '#domain/mentorships.ts';
import { getProgram } from '#domain/programs.ts';
import type { Resolvers } from '#generated/resolvers.ts';
import { localId, toGlobalId } from '../ids.ts';

export const mentorshipResolvers: Resolvers = {
  Query: {
    mentorship: (_parent, { id }, ctx) =>
      getMentorship(ctx.services.mentorships, ctx.scope('read a mentorship'), localId(id, 'Mentorship')),
  },
  Mentorship: {
    id: (m) => toGlobalId('Mentorship', m.id),
    program: (m, _args, ctx) => getProgram(ctx.services, ctx.scope('read a program'), m.programId),
    mentor: async (m, _args, ctx) => (await ctx.loaders.person.load(m.mentorId)) ?? Promise.reject(notFound('Person')),
    mentee: async (m, _args, ctx) => (await ctx.loaders.person.load(m.menteeId)) ?? Promise.reject(notFound('Person')),
    health: async (m, _args, ctx) => {
      const program = await getProgram(ctx.services, ctx.scope('read a program'), m.programId);
      const h = pairHealth(
        program.cadence,
        new Date(m.startedAt),
        m.lastContactAt ? new Date(m.lastContactAt) : null,
        ctx.services.clock(),
      );
      return { status: h.status, nextContactDue: h.nextContactDue.toISOString(), lastContactAt: h.lastContactAt?.toISOString() ?? null };
    },
    meetings: (m, _args, ctx) => ctx.services.mentorships.listMeetings(m.tenantId, m.id),
  },
  Meeting: {
    id: (meeting) => toGlobalId('Meeting', meeting.id),
  },
};
