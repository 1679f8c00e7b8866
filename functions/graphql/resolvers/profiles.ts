import { readProfile } from '#domain/matching/index.ts';
import {
  createPerson,
  type Enrolment,
  enrol,
  getPerson,
  listPeople,
  mentorLoadOf,
  type Person,
  peopleCount,
  reachableEnrolments,
  updateEnrolment,
  updatePerson,
  withdraw,
} from '#domain/people/index.ts';
import type { EnrolmentKey, Resolvers } from '#generated/resolvers.ts';
import { pageRequest, toConnection } from '../connections.ts';
import { localId, toGlobalId } from '../ids.ts';
import { programOf } from './load.ts';

const enrolmentKey = (key: EnrolmentKey) => ({
  personId: localId(key.personId, 'Person'),
  programId: localId(key.programId, 'Program'),
  role: key.role,
});

const definedOnly = <T extends object>(input: T) => Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as T;

export const profileResolvers: Resolvers = {
  Query: {
    person: (_parent, { id }, ctx) => readProfile(ctx.ports, ctx.scope('read a person'), localId(id, 'Person')),
    people: async (_parent, args, ctx) => {
      const filters = { filter: args.filter ?? {}, sort: args.sort };
      const req = pageRequest(ctx, 'people', args, filters);
      const scope = ctx.scope('list people');
      const page = await listPeople(ctx.ports, scope, args.filter ?? {}, args.sort, req);
      return toConnection(ctx, 'people', page, filters, () => peopleCount(ctx.ports, scope, args.filter ?? {}));
    },
    me: (_parent, _args, ctx) => (ctx.actor.personId ? getPerson(ctx.ports, ctx.scope('read your profile'), ctx.actor.personId) : null),
  },
  Mutation: {
    createPerson: (_parent, { input, idempotencyKey }, ctx) => createPerson(ctx.ports, ctx.scope('create people'), input, idempotencyKey),
    updatePerson: (_parent, { id, version, input }, ctx) =>
      updatePerson(ctx.ports, ctx.scope('edit profiles'), localId(id, 'Person'), version, definedOnly(input)),
    enrol: (_parent, { input, idempotencyKey }, ctx) =>
      enrol(
        ctx.ports,
        ctx.scope('enrol people'),
        {
          ...input,
          personId: localId(input.personId, 'Person'),
          programId: localId(input.programId, 'Program'),
          shortlist: input.shortlist?.map((id) => localId(id, 'Person')) ?? null,
        },
        idempotencyKey,
      ),
    updateEnrolment: (_parent, { key, version, input }, ctx) =>
      updateEnrolment(ctx.ports, ctx.scope('change enrolments'), enrolmentKey(key), version, {
        ...definedOnly(input),
        ...(input.shortlist ? { shortlist: input.shortlist.map((id) => localId(id, 'Person')) } : {}),
      }),
    withdraw: (_parent, { key, version, reason }, ctx) => withdraw(ctx.ports, ctx.scope('withdraw'), enrolmentKey(key), version, reason),
  },
  Person: {
    id: (person) => toGlobalId('Person', person.id),
    // Contact fields and enrolments are the person's and managers' only: the visibility guard
    // (graphql/visibility.ts, from domain/kernel/visibility.ts) answers null to anyone else.
    enrolments: async (person, _args, ctx) => reachableEnrolments(ctx.actor, await ctx.loaders.enrolments.load(person.id)),
  },
  Enrolment: {
    acceptsRequests: (enrolment) => mentorLoadOf(enrolment).acceptsRequests,
    activeMentorships: (enrolment) => enrolment.activeMentorships ?? 0,
    person: (enrolment, _args, ctx) => ctx.loaders.person.load(enrolment.personId),
    program: (enrolment, _args, ctx) => programOf(ctx, enrolment.programId),
    shortlist: async (enrolment: Enrolment, _args, ctx) =>
      (await ctx.loaders.person.loadMany(enrolment.shortlist)).filter((p): p is Person => p !== null && !(p instanceof Error)),
  },
};
