import { pairHealth } from '#domain/health.ts';
import { getMentorship } from '#domain/mentorships.ts';
import type { Resolvers } from '#generated/resolvers.ts';
import { localId, toGlobalId } from '../ids.ts';
import { programOf } from './load.ts';

export const mentorshipResolvers: Resolvers = {
  Query: {
    mentorship: (_parent, { id }, ctx) =>
      getMentorship(ctx.services.mentorships, ctx.scope('read a mentorship'), localId(id, 'Mentorship')),
  },
  Mentorship: {
    id: (m) => toGlobalId('Mentorship', m.id),
    program: (m, _args, ctx) => programOf(ctx, m.programId),
    mentor: (m, _args, ctx) => ctx.loaders.person.load(m.mentorId),
    mentee: (m, _args, ctx) => ctx.loaders.person.load(m.menteeId),
    health: async (m, _args, ctx) => {
      const program = await programOf(ctx, m.programId);
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
