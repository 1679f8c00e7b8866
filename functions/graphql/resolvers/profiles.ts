import { notFound } from '#domain/errors.ts';
import { getPerson } from '#domain/people.ts';
import { getProgram } from '#domain/programs.ts';
import type { Resolvers } from '#generated/resolvers.ts';
import { localId, toGlobalId } from '../ids.ts';

export const profileResolvers: Resolvers = {
  Query: {
    person: (_parent, { id }, ctx) => getPerson(ctx.services, ctx.scope('read a person'), localId(id, 'Person')),
  },
  Person: {
    id: (person) => toGlobalId('Person', person.id),
    enrolments: (person, _args, ctx) => ctx.services.people.enrolmentsOf(person.tenantId, person.id),
  },
  Enrolment: {
    person: async (enrolment, _args, ctx) => {
      const person = await ctx.loaders.person.load(enrolment.personId);
      if (!person) throw notFound('Person');
      return person;
    },
    program: (enrolment, _args, ctx) => getProgram(ctx.services, ctx.scope('read a program'), enrolment.programId),
  },
};
