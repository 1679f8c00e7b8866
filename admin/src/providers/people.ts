import type { TranslateFunction } from 'react-admin';
import { graphql } from '../generated/gql.ts';
import type {
  AdminErasureReceiptFragment,
  AdminPersonFieldsFragment,
  PeopleFilter,
  PeopleSort,
  PersonInput,
  PersonPatch,
} from '../generated/graphql.ts';
import { cursorPager, pageOf } from './cursorPages.ts';
import { type GraphQLClient, GraphQLRequestError } from './graphqlClient.ts';
import { toFormError } from './problems.ts';
import type { ResourceHandlers } from './types.ts';

/** A person as the console holds it. The list leaves `enrolments` out; show and edit load them. */
export type PersonRecord = AdminPersonFieldsFragment;
export type ErasureReceipt = AdminErasureReceiptFragment;

export const personFields = graphql(`
  fragment AdminPersonFields on Person {
    id
    externalId
    email
    givenName
    familyName
    displayName
    jobTitle
    department
    managerEmail
    location
    timeZone
    languages
    yearsExperience
    industry
    skillsOffered
    skillsSought
    bio
    links
    enrolments {
      program {
        id
        name
      }
      role
      status
      reasons
      capacity
      hoursPerMonth
      awayUntil
      acceptsRequests
      activeMentorships
      withdrawnReason
      enrolledAt
      version
    }
    createdAt
    updatedAt
    version
  }
`);

const peopleQuery = graphql(`
  query AdminPeople($filter: PeopleFilter, $sort: PeopleSort, $first: Int, $after: String) {
    people(filter: $filter, sort: $sort, first: $first, after: $after) {
      edges {
        node {
          ...AdminPersonFields
        }
      }
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const personQuery = graphql(`
  query AdminPerson($id: ID!) {
    person(id: $id) {
      ...AdminPersonFields
    }
  }
`);

const createPersonMutation = graphql(`
  mutation AdminCreatePerson($input: PersonInput!, $idempotencyKey: String) {
    createPerson(input: $input, idempotencyKey: $idempotencyKey) {
      ...AdminPersonFields
    }
  }
`);

const updatePersonMutation = graphql(`
  mutation AdminUpdatePerson($id: ID!, $version: Int!, $input: PersonPatch!) {
    updatePerson(id: $id, version: $version, input: $input) {
      ...AdminPersonFields
    }
  }
`);

const peopleCsvQuery = graphql(`
  query AdminPeopleCsv($filter: PeopleFilter) {
    peopleCsv(filter: $filter)
  }
`);

const personalDataQuery = graphql(`
  query AdminPersonalData($personId: ID!) {
    personalData(personId: $personId)
  }
`);

export const erasureReceiptFields = graphql(`
  fragment AdminErasureReceipt on ErasureReceipt {
    personId
    pseudonym
    erasedAt
    enrolments
    mentorships
    meetings
    auditEntries
  }
`);

const erasePersonMutation = graphql(`
  mutation AdminErasePerson($id: ID!, $reason: String!) {
    erasePerson(id: $id, reason: $reason) {
      ...AdminErasureReceipt
    }
  }
`);

/** Every field of PersonPatch: what the person form edits, in the order it shows them. */
export const personInputs = [
  'givenName',
  'familyName',
  'email',
  'externalId',
  'jobTitle',
  'department',
  'managerEmail',
  'location',
  'timeZone',
  'languages',
  'yearsExperience',
  'industry',
  'skillsOffered',
  'skillsSought',
  'bio',
  'links',
] as const satisfies readonly (keyof PersonPatch & keyof PersonInput)[];

type PersonInputName = (typeof personInputs)[number];

const listInputs: readonly PersonInputName[] = ['languages', 'skillsOffered', 'skillsSought', 'links'];

/** A form value as the API takes it: text trimmed, blank text null (which clears it), lists without blanks. */
function clean(name: PersonInputName, value: unknown): unknown {
  if (listInputs.includes(name)) {
    return Array.isArray(value) ? value.map((v) => String(v).trim()).filter(Boolean) : [];
  }
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  return value ?? null;
}

/** The fields that differ from the record as loaded: only those are sent, so only those change. */
export function toPersonPatch(data: Partial<PersonRecord>, previous: Partial<PersonRecord>): PersonPatch {
  const patch: Record<string, unknown> = {};
  for (const name of personInputs) {
    if (!(name in data)) continue;
    const next = clean(name, data[name]);
    if (JSON.stringify(next) !== JSON.stringify(clean(name, previous[name]))) patch[name] = next;
  }
  return patch as PersonPatch;
}

export function toPersonInput(data: Partial<PersonRecord>): PersonInput {
  const input: Record<string, unknown> = {};
  for (const name of personInputs) input[name] = clean(name, data[name]);
  // Required by the schema; the form checks them too, and the API names any still missing.
  for (const name of ['givenName', 'familyName', 'email', 'timeZone'] as const) input[name] ??= '';
  return input as unknown as PersonInput;
}

/** react-admin's list filters → PeopleFilter. `q` is the search box. Blank filters are left out. */
export function toPeopleFilter(filter: Record<string, unknown> = {}): PeopleFilter {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  return { search: text(filter.q), department: text(filter.department), skill: text(filter.skill) };
}

/** The API sorts by name (family name first) or newest first; react-admin's sort field picks one. */
export const toPeopleSort = (field?: string): PeopleSort => (field === 'createdAt' ? 'NEWEST' : 'NAME');

/** The console's own verbs on people, beyond CRUD. */
export interface PeopleVerbs {
  /** Everything Kindling holds about a person (kindling.personal-data/v1), as the API returns it. */
  personalData(personId: string): Promise<{ data: unknown }>;
  /** Deletes the profile; the history stays under a pseudonym. Returns the receipt. */
  erasePerson(id: string, reason: string): Promise<{ data: ErasureReceipt }>;
  /** Everyone matching the list's filters, as CSV. */
  peopleCsv(filter: Record<string, unknown>): Promise<{ data: string }>;
}

export function peopleHandlers(client: GraphQLClient, translate: TranslateFunction): ResourceHandlers & PeopleVerbs {
  const page = cursorPager(
    async (list: { filter: PeopleFilter; sort: PeopleSort }, cursor, signal) =>
      (await client(peopleQuery, { ...list, ...cursor }, signal)).people,
    (person: PersonRecord) => person,
  );

  async function getOne(id: string, signal?: AbortSignal): Promise<PersonRecord> {
    const { person } = await client(personQuery, { id }, signal);
    if (!person) throw new GraphQLRequestError(translate('kindling.people.notFound'), 'NOT_FOUND');
    return person;
  }

  /** Field problems go onto the form's inputs, and all of them into the notification. */
  const formError = (error: unknown) =>
    toFormError(error, { inputs: personInputs, label: (input) => translate(`resources.people.fields.${input}`), translate });

  return {
    getList: ({ pagination, filter, sort, signal }) =>
      page({ filter: toPeopleFilter(filter), sort: toPeopleSort(sort?.field) }, pageOf(pagination), signal),

    getOne: async ({ id, signal }) => ({ data: await getOne(String(id), signal) }),

    // For links from the audit log: someone erased since is left out rather than failing the rest.
    getMany: async ({ ids, signal }) => {
      const found = await Promise.allSettled([...new Set(ids)].map((id) => getOne(String(id), signal)));
      const people = found.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      const failed = found.find(
        (result): result is PromiseRejectedResult =>
          result.status === 'rejected' && !(result.reason instanceof GraphQLRequestError && result.reason.code === 'NOT_FOUND'),
      );
      if (failed) throw failed.reason;
      return { data: people };
    },

    update: async ({ id, data, previousData }) => {
      const previous = previousData as PersonRecord;
      const input = toPersonPatch(data as Partial<PersonRecord>, previous);
      // Nothing changed: no write, no new version, no empty audit entry.
      if (Object.keys(input).length === 0) return { data: previous };
      try {
        const { updatePerson } = await client(updatePersonMutation, { id: String(id), version: previous.version, input });
        return { data: updatePerson };
      } catch (error) {
        throw formError(error);
      }
    },

    create: async ({ data, meta }) => {
      const idempotencyKey = typeof meta?.idempotencyKey === 'string' ? meta.idempotencyKey : null;
      try {
        const { createPerson } = await client(createPersonMutation, { input: toPersonInput(data), idempotencyKey });
        return { data: createPerson };
      } catch (error) {
        throw formError(error);
      }
    },

    personalData: async (personId) => ({ data: (await client(personalDataQuery, { personId })).personalData as unknown }),

    erasePerson: async (id, reason) => ({ data: (await client(erasePersonMutation, { id, reason })).erasePerson }),

    peopleCsv: async (filter) => ({ data: (await client(peopleCsvQuery, { filter: toPeopleFilter(filter) })).peopleCsv }),
  };
}
