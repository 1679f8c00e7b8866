import {
  buildSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLOutputType,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { typeDefs } from '#generated/typeDefs.ts';
import type { IdType } from './hostile.ts';

/**
 * The API's own schema, walked so the security suite covers every operation there is: a new query
 * or mutation is attacked the day it is added, without anyone remembering to write its test.
 */
export const schema = buildSchema(typeDefs);

export type Kind = 'query' | 'mutation';
export interface Operation {
  kind: Kind;
  field: GraphQLField<unknown, unknown>;
}

export function operations(): Operation[] {
  const of = (kind: Kind) => Object.values((kind === 'query' ? schema.getQueryType() : schema.getMutationType())?.getFields() ?? {});
  return [
    ...of('query').map((field) => ({ kind: 'query' as const, field })),
    ...of('mutation').map((field) => ({ kind: 'mutation' as const, field })),
  ];
}

/** Where an ID sits in an operation's variables: `['id']`, `['input', 'programId']`, `['input', 'shortlist', 0]`. */
export interface IdSlot {
  path: (string | number)[];
  name: string;
  required: boolean;
}

type Slotted = GraphQLArgument | GraphQLInputField;

function slotsIn(type: GraphQLInputType, path: (string | number)[], name: string, required: boolean, depth: number): IdSlot[] {
  const inner = getNullableType(type);
  if (isListType(inner)) return slotsIn(inner.ofType, [...path, 0], name, required, depth);
  if (isInputObjectType(inner)) {
    if (depth > 4) return [];
    return Object.values(inner.getFields()).flatMap((f) => slotsIn(f.type, [...path, f.name], f.name, isNonNullType(f.type), depth + 1));
  }
  return getNamedType(inner)?.name === 'ID' ? [{ path, name, required }] : [];
}

export const idSlots = (field: GraphQLField<unknown, unknown>): IdSlot[] =>
  field.args.flatMap((a: Slotted) => slotsIn(a.type, [a.name], a.name, isNonNullType(a.type), 0));

/** The record type each `id` argument names, by what the operation returns; other ID arguments by their name. */
const BY_RETURN: Record<string, IdType | 'any'> = {
  Node: 'any',
  Program: 'Program',
  Person: 'Person',
  Mentorship: 'Mentorship',
  MentorshipRequest: 'Request',
  MatchProposal: 'Proposal',
  ImportJob: 'ImportJob',
  MatchingRun: 'MatchingRun',
  Tenant: 'Tenant',
  RequestAnswerResult: 'Request',
  ProposalResponseResult: 'Proposal',
  ErasureReceipt: 'Person',
  ApiKey: 'ApiKey',
  IssuedApiKey: 'ApiKey',
  WebhookSubscription: 'WebhookSubscription',
  CreatedWebhookSubscription: 'WebhookSubscription',
  RotatedWebhookSecret: 'WebhookSubscription',
  WebhookDelivery: 'WebhookDelivery',
  Circle: 'Circle',
};
/** Operations whose `id` the return type does not name (they answer with a Boolean). */
const BY_OPERATION: Record<string, IdType> = {
  deleteWebhookSubscription: 'WebhookSubscription',
  pingWebhook: 'WebhookSubscription',
};
const BY_NAME: Record<string, IdType | 'any'> = {
  programId: 'Program',
  personId: 'Person',
  menteeId: 'Person',
  mentorId: 'Person',
  shortlist: 'Person',
  mentorshipId: 'Mentorship',
  goalId: 'Goal',
  circleId: 'Circle',
  attendees: 'Person',
  entityId: 'any',
};

/** The id type a slot takes; undefined means the suite has no ids to feed it (and must fail, not skip). */
export function idTypeOf(field: GraphQLField<unknown, unknown>, slot: IdSlot): IdType | 'any' | undefined {
  if (slot.name !== 'id') return BY_NAME[slot.name];
  return BY_OPERATION[field.name] ?? BY_RETURN[getNamedType(field.type)?.name ?? ''];
}

/** A selection that shows whether anything came back: `__typename`, or the edges of a connection. */
function selection(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isObjectType(named) && named.getFields().edges) return '{ edges { cursor } }';
  return '{ __typename }';
}

/** The operation as a document with one variable per argument. */
export function documentFor(op: Operation): string {
  const { field } = op;
  const vars = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const name = `Hostile_${field.name}`;
  return `${op.kind} ${name}${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection(field.type)} }`;
}

/** Plausible values by field name, so a call gets past input validation to the lookup. */
const STRINGS: Record<string, () => string> = {
  reason: () => 'Moving to another team this spring.',
  text: () => 'I learned to ask for help early.',
  whyThisMentor: () => 'You led the data team through the reorganisation I am now in, and your talk on it stayed with me.',
  timeAsked: () => 'An hour a month, video is fine',
  email: () => `someone-${Math.random().toString(36).slice(2, 8)}@example.org`,
  timeZone: () => 'Europe/Amsterdam',
  csv: () => 'First Name,Last Name,Work Email,Role\nAda,Lovelace,ada@example.org,mentee',
  title: () => 'Lead a team meeting',
  givenName: () => 'Ada',
  familyName: () => 'Lovelace',
  name: () => 'Hostile',
  slug: () => `h-${Math.random().toString(36).slice(2, 8)}`,
};
const INTS: Record<string, number> = { version: 1, durationMinutes: 60, rating: 4, progress: 10, capacity: 2, first: 5, column: 0 };
const LISTS: Record<string, unknown[]> = { focusAreas: ['GOAL_SETTING'], reasons: ['GOAL_SETTING'], languages: ['nl'], topics: ['goals'] };
/** Optional input fields still filled: ids (to attack them) and the ones an operation needs in practice. */
const OPTIONAL_FILLED = new Set(['title']);

export interface SampleContext {
  /** The caller's own id for a slot of this name and type. */
  own: (name: string, type: IdType | 'any') => string;
  field: GraphQLField<unknown, unknown>;
  now: string;
}

export function sample(type: GraphQLInputType, name: string, ctx: SampleContext): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return LISTS[name] ?? [sample(inner.ofType, name, ctx)];
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(inner.getFields())) {
      const isId = getNamedType(f.type)?.name === 'ID';
      if (isNonNullType(f.type) || isId || OPTIONAL_FILLED.has(f.name)) out[f.name] = sample(f.type, f.name, ctx);
    }
    return out;
  }
  if (isEnumType(inner)) return inner.getValues()[0]?.name;
  switch (getNamedType(inner)?.name) {
    case 'ID':
      return ctx.own(name, idTypeOf(ctx.field, { path: [], name, required: true }) ?? 'any');
    case 'String':
      return STRINGS[name]?.() ?? 'hostile suite';
    case 'Int':
      return INTS[name] ?? 1;
    case 'Float':
      return 0.5;
    case 'Boolean':
      return false;
    case 'DateTime':
      return ctx.now;
    case 'Date':
      return '2026-06-30';
    default:
      return {};
  }
}

/** Variables for every required argument and every ID (optional ones too), all the caller's own. */
export function sampleVariables(op: Operation, ctx: SampleContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of op.field.args) {
    const isId = getNamedType(a.type)?.name === 'ID';
    const hasId = idSlots({ ...op.field, args: [a] } as GraphQLField<unknown, unknown>).length > 0;
    if (isNonNullType(a.type) || isId || hasId) out[a.name] = sample(a.type, a.name, ctx);
  }
  return out;
}

/** A copy of `variables` with `value` at `path`. */
export function withValue(variables: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(variables);
  let at: Record<string | number, unknown> = copy;
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) at[key] = value;
    else {
      at[key] ??= typeof path[i + 1] === 'number' ? [] : {};
      at = at[key] as Record<string | number, unknown>;
    }
  }
  return copy;
}
