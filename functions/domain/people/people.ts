import type { Scope } from '#domain/kernel/actors.ts';
import { reachesProgram, requireRole } from '#domain/kernel/actors.ts';
import { type AuditEntry, auditEntry } from '#domain/kernel/audit.ts';
import { DomainError, ErrorCode, notFound } from '#domain/kernel/errors.ts';
import { type IdempotencyRecord, type IdempotencyStore, idempotent } from '#domain/kernel/idempotency.ts';
import { displayName, fold, sortKey } from '#domain/kernel/names.ts';
import type { ListCounts, Page, PageRequest } from '#domain/kernel/pages.ts';
import { Checks } from '#domain/kernel/validation.ts';
import { focusAreaCodes } from '#domain/programs/focusAreas.ts';
import { circleSizeOf, kindOf, rolesOf } from '#domain/programs/kinds.ts';
import type { Program, ProgramStore } from '#domain/programs/programs.ts';
import type { DiscoveryEntry } from './discoveryIndex.ts';
import type { Employment } from './employmentRecord.ts';

export type ParticipantRole = 'MENTOR' | 'MENTEE' | 'PEER';

/**
 * The enrolment roles of a pair's two sides: a mentor and a mentee, or two peers in a peer program
 * (whose pairs still name one side `mentor` and the other `mentee`, in id order).
 */
export const pairRoles = (pair: { peer?: boolean | undefined }): [mentor: ParticipantRole, mentee: ParticipantRole] =>
  pair.peer ? ['PEER', 'PEER'] : ['MENTOR', 'MENTEE'];
export type EnrolmentStatus = 'ENROLLED' | 'MATCHED' | 'WITHDRAWN';
export type PeopleSort = 'NAME' | 'NEWEST';

/** A person in one tenant, with the profile matching reads. */
export interface Person {
  id: string;
  tenantId: string;
  externalId: string | null;
  email: string;
  givenName: string;
  familyName: string;
  displayName: string;
  sortKey: string;
  jobTitle: string | null;
  department: string | null;
  managerEmail: string | null;
  location: string | null;
  timeZone: string;
  languages: string[];
  yearsExperience: number | null;
  industry: string | null;
  skillsOffered: string[];
  skillsSought: string[];
  bio: string | null;
  links: string[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

/**
 * What a matching run reads of a person: the fields its scorer and its proposals use, and no more.
 * The engagement job reads its messages' recipients with it too (name, address, zone, languages).
 */
export const MATCHING_PROFILE = [
  'id',
  'displayName',
  'email',
  'managerEmail',
  'department',
  'location',
  'timeZone',
  'languages',
  'yearsExperience',
  'skillsOffered',
  'skillsSought',
] as const satisfies readonly (keyof Person)[];
export type MatchingProfile = Pick<Person, (typeof MATCHING_PROFILE)[number]>;

/** A person's place in one program in one role; someone may be both mentor and mentee. */
export interface Enrolment {
  tenantId: string;
  programId: string;
  personId: string;
  role: ParticipantRole;
  status: EnrolmentStatus;
  /** Mentee: the focus areas wanted. Mentor: the focus areas offered. */
  reasons: string[];
  /** Mentor only: how many mentees at once. */
  capacity: number | null;
  hoursPerMonth: number | null;
  /** Mentor only: away (no new mentees, no requests) until this date (YYYY-MM-DD); absent on older records. */
  awayUntil?: string | null;
  /** Mentor only: whether mentees may ask directly; absent on older records (yes). */
  acceptsRequests?: boolean;
  openToSponsoring: boolean;
  /** Mentee only: person ids of preferred mentors. */
  shortlist: string[];
  /**
   * Group programs: the focus area of the circle a mentee asks for, or of the circle a mentor leads
   * (one of the program's focus areas); absent elsewhere.
   */
  circleTopic?: string | null;
  withdrawnReason: string | null;
  /** Copied from the person so a program's list filters, sorts and shows without a second read. */
  sortKey: string;
  displayName: string;
  email: string;
  department: string | null;
  skills: string[];
  enrolledAt: string;
  /** Running pairs (mentors: never above capacity; mentees: at most one). */
  activeMentorships: number;
  /** Mentees: when first matched, for time-to-match. */
  firstMatchedAt: string | null;
  /** Mentees: requests sent and not yet answered (bounded by the program). */
  openRequests: number;
  /**
   * The import chunk that enrolled them (`<import id>#<chunk>`), absent otherwise: the chunk adds its
   * enrolments to the program's counters once, when it completes, and a resumed chunk finds the ones
   * an earlier attempt wrote by it (ADR 53).
   */
  importedBy?: string | null;
  updatedAt: string;
  version: number;
}

/** A mentor's enrolment and the profile copied onto it (null on records older than the copy). */
export interface MentorCardRead {
  enrolment: Enrolment;
  person: Person | null;
}

export interface PeopleFilter {
  search?: string | null;
  department?: string | null;
  skill?: string | null;
}

export interface ParticipantFilter extends PeopleFilter {
  role?: ParticipantRole | null;
  status?: EnrolmentStatus | null;
}

/**
 * Everything one import row writes, for one transaction (ADR 53): the person created or brought up
 * to date, their new and changed enrolments in the program, HR facts, and the audit entries. The
 * program's counters are not part of it: the chunk adds its enrolments once, when it completes.
 */
export interface ImportRowWrite {
  /** A new person: claims their e-mail and employee id (CONFLICT if taken). Search tokens and audit entries follow in `indexPeople`. */
  created: Person | null;
  /** An existing person's new record over `previous` (at its version), with the copies on `enrolments` refreshed. */
  replaced: { next: Person; previous: Person; enrolments: Enrolment[] } | null;
  enrolments: Enrolment[];
  /** Enrolments whose own fields change (never their status). */
  reenrolled: { next: Enrolment; previous: Enrolment }[];
  employment: Employment | null;
  /** In the transaction: the entries of a change to someone who exists (a new person's follow it, see `indexPeople`). */
  audits: AuditEntry[];
}

export interface PeopleStore {
  getPerson(tenantId: string, id: string): Promise<Person | null>;
  getPeople(tenantId: string, ids: readonly string[]): Promise<Map<string, Person>>;
  /** Many people's {@link MatchingProfile}s (a projection of each item: a run reads thousands). */
  matchingProfiles(tenantId: string, ids: readonly string[]): Promise<Map<string, MatchingProfile>>;
  /** The person holding an e-mail address or external id, if any. */
  findPerson(tenantId: string, by: { email?: string; externalId?: string | null }): Promise<Person | null>;
  /** The people holding these e-mail addresses and employee ids, in a constant number of round trips (imports). */
  findPeople(
    tenantId: string,
    by: { emails: readonly string[]; externalIds: readonly string[] },
  ): Promise<{ byEmail: Map<string, Person>; byExternalId: Map<string, Person> }>;
  /** Many people's enrolments in one program, in one batch read (imports). */
  enrolmentsIn(tenantId: string, programId: string, personIds: readonly string[]): Promise<Map<string, Enrolment[]>>;
  /** Creates the person and claims the e-mail (and external id) in one transaction; CONFLICT if taken. */
  createPerson(person: Person, audit: AuditEntry, idempotency?: IdempotencyRecord | null): Promise<void>;
  /**
   * Replaces the person at `expectedVersion`, moves the e-mail and external-id claims when they
   * change, and refreshes the copies on their enrolments, in one transaction.
   */
  replacePerson(next: Person, previous: Person, enrolments: Enrolment[], audit: AuditEntry): Promise<void>;
  listPeople(tenantId: string, filter: PeopleFilter, sort: PeopleSort, page: PageRequest): Promise<Page<Person>>;
  getEnrolment(tenantId: string, personId: string, programId: string, role: ParticipantRole): Promise<Enrolment | null>;
  /**
   * Creates the enrolment and bumps the program's counters in one transaction; a mentor's enrolment
   * carries the person's card for discovery (`mentorCards`).
   */
  createEnrolment(enrolment: Enrolment, person: Person, audit: AuditEntry, idempotency?: IdempotencyRecord | null): Promise<void>;
  /** Replaces the enrolment at `expectedVersion`, moving the counters when its status changes. */
  replaceEnrolment(next: Enrolment, previous: Enrolment, audit: AuditEntry): Promise<void>;
  listEnrolments(
    tenantId: string,
    programId: string,
    filter: ParticipantFilter,
    sort: PeopleSort,
    page: PageRequest,
  ): Promise<Page<Enrolment>>;
  enrolmentsOf(tenantId: string, personId: string): Promise<Enrolment[]>;
  /** Every enrolment of a program (the matching run's read). */
  allEnrolments(tenantId: string, programId: string): Promise<Enrolment[]>;
  /**
   * Import rows' writes, each row whole in one transaction (see ImportRowWrite; rows are packed
   * several to a transaction, and written one by one when a group fails): per row, null or why it
   * failed (CONFLICT when a claim or a version is taken).
   */
  writeImportRows(writes: readonly ImportRowWrite[]): Promise<unknown[]>;
  /**
   * Writes (again) what follows the people an import created: their search tokens and the audit
   * entries of their creation (fixed ids, importJobs.ts `creationAudits`), in batches: idempotent.
   */
  indexPeople(people: readonly Person[], audits: readonly AuditEntry[]): Promise<void>;
  /**
   * A program's mentors with the profile their enrolment carries (discovery, ADR 0057), in one Query
   * read to its end. `person` is null for an enrolment written before cards existed: read it apart.
   */
  mentorCards(tenantId: string, programId: string): Promise<MentorCardRead[]>;
  /** Some mentors' enrolments in a program with their cards, in one BatchGet (a page of discovery). */
  mentorCardsOf(tenantId: string, programId: string, personIds: readonly string[]): Promise<Map<string, MentorCardRead>>;
  /**
   * The program's discovery index (ADR 0072): every mentor's profile and terms as discovery ranks
   * them, in one BatchGet; null while the program's index is not whole (a program from before it).
   */
  discoveryIndex(tenantId: string, programId: string): Promise<DiscoveryEntry[] | null>;
  /** Writes every mentor's entry afresh under the versions it read and marks the index whole (idempotent). */
  rebuildDiscoveryIndex(tenantId: string, programId: string, at: string): Promise<{ mentors: number }>;
  /** The enrolments of many people in a constant number of round trips. */
  enrolmentsOfMany(tenantId: string, personIds: readonly string[]): Promise<Map<string, Enrolment[]>>;
}

export interface PersonInput {
  externalId?: string | null;
  email: string;
  givenName: string;
  familyName: string;
  jobTitle?: string | null;
  department?: string | null;
  managerEmail?: string | null;
  location?: string | null;
  timeZone: string;
  languages: string[];
  yearsExperience?: number | null;
  industry?: string | null;
  skillsOffered?: string[] | null;
  skillsSought?: string[] | null;
  bio?: string | null;
  links?: string[] | null;
}

/** Only the fields given change; null clears an optional field. */
export type PersonPatch = { [K in keyof PersonInput]?: PersonInput[K] | null };

const REQUIRED_FIELDS = ['email', 'givenName', 'familyName', 'timeZone', 'languages'] as const;

export interface PeopleDeps {
  people: PeopleStore;
  idempotency: IdempotencyStore;
  newId: () => string;
}

export type PersonFields = Omit<Person, 'id' | 'tenantId' | 'createdAt' | 'updatedAt' | 'version'>;

const URL_PATTERN = /^https?:\/\/[^\s<>"]+$/i;

/** Checks a whole profile, naming every offending field; returns it cleaned (trimmed, lower-cased e-mail, …). */
export function checkPerson(input: PersonInput, prefix = 'input'): PersonFields {
  const checks = new Checks();
  const givenName = checks.text(`${prefix}.givenName`, input.givenName, { max: 80 });
  const familyName = checks.text(`${prefix}.familyName`, input.familyName, { max: 120 });
  const person: PersonFields = {
    externalId: checks.optionalText(`${prefix}.externalId`, input.externalId, 80),
    email: checks.email(`${prefix}.email`, input.email),
    givenName,
    familyName,
    displayName: displayName(givenName, familyName),
    sortKey: sortKey(givenName, familyName),
    jobTitle: checks.optionalText(`${prefix}.jobTitle`, input.jobTitle, 120),
    department: checks.optionalText(`${prefix}.department`, input.department, 120),
    managerEmail: input.managerEmail?.trim() ? checks.email(`${prefix}.managerEmail`, input.managerEmail) : null,
    location: checks.optionalText(`${prefix}.location`, input.location, 120),
    timeZone: checks.timeZone(`${prefix}.timeZone`, input.timeZone),
    languages: checks.languages(`${prefix}.languages`, input.languages),
    yearsExperience:
      input.yearsExperience === null || input.yearsExperience === undefined
        ? null
        : checks.int(`${prefix}.yearsExperience`, input.yearsExperience, { min: 0, max: 70 }),
    industry: checks.optionalText(`${prefix}.industry`, input.industry, 120),
    skillsOffered: checks.list(`${prefix}.skillsOffered`, input.skillsOffered ?? [], { maxItems: 30, maxLength: 60 }),
    skillsSought: checks.list(`${prefix}.skillsSought`, input.skillsSought ?? [], { maxItems: 30, maxLength: 60 }),
    bio: checks.optionalText(`${prefix}.bio`, input.bio, 2000),
    links: checks.list(`${prefix}.links`, input.links ?? [], { maxItems: 10, maxLength: 300 }),
  };
  person.links.forEach((link, i) => {
    if (!URL_PATTERN.test(link)) checks.fail(`${prefix}.links.${i}`, 'url', 'must be an http(s) address');
  });
  if (person.languages.length === 0) checks.fail(`${prefix}.languages`, 'required', 'name at least one language');
  if (person.managerEmail !== null && person.managerEmail === person.email) {
    checks.fail(`${prefix}.managerEmail`, 'self', 'a person cannot be their own manager');
  }
  checks.done();
  return person;
}

export async function createPerson(deps: PeopleDeps, scope: Scope, input: PersonInput, idempotencyKey?: string | null): Promise<Person> {
  requireRole(scope.actor, 'create people', 'manager');
  const fields = checkPerson(input);
  const stamp = scope.now.toISOString();
  const person: Person = { ...fields, id: deps.newId(), tenantId: scope.tenantId, createdAt: stamp, updatedAt: stamp, version: 1 };
  return idempotent(
    deps,
    scope,
    idempotencyKey,
    'createPerson',
    fields,
    person.id,
    async (record) => {
      const audit = auditEntry(scope, deps.newId, 'person.create', { type: 'Person', id: person.id }, null, person);
      await deps.people.createPerson(person, audit, record);
      return person;
    },
    (id) => getPerson(deps, scope, id),
  );
}

export async function getPerson(deps: Pick<PeopleDeps, 'people'>, scope: Scope, id: string): Promise<Person> {
  const person = await deps.people.getPerson(scope.tenantId, id);
  if (!person) throw notFound('Person');
  if (scope.actor.role === 'participant' && scope.actor.personId !== id) throw notFound('Person');
  return person;
}

/** Applies a partial change to a profile. A participant may edit their own profile; managers anyone's. */
export async function updatePerson(
  deps: PeopleDeps,
  scope: Scope,
  id: string,
  expectedVersion: number,
  patch: PersonPatch,
): Promise<Person> {
  requireRole(scope.actor, 'edit profiles', 'manager', 'participant');
  const current = await getPerson(deps, scope, id);
  if (current.version !== expectedVersion) throw new DomainError(ErrorCode.CONFLICT, 'conflict.version', { type: 'Person' });
  const cleared = REQUIRED_FIELDS.filter((field) => patch[field] === null);
  if (cleared.length > 0) {
    const checks = new Checks();
    for (const field of cleared) checks.fail(`input.${field}`, 'required', 'cannot be cleared');
    checks.done();
  }
  const merged = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as PersonInput;
  if (scope.actor.role === 'participant' && (merged.email !== current.email || merged.externalId !== current.externalId)) {
    throw new DomainError(ErrorCode.FORBIDDEN, 'auth.forbidden', { action: 'change your e-mail address or employee id' });
  }
  const fields = checkPerson(merged);
  const next: Person = { ...current, ...fields, updatedAt: scope.now.toISOString(), version: expectedVersion + 1 };
  const enrolments = await deps.people.enrolmentsOf(scope.tenantId, id);
  const audit = auditEntry(scope, deps.newId, 'person.update', { type: 'Person', id }, current, next);
  await deps.people.replacePerson(next, current, enrolments, audit);
  return next;
}

export function listPeople(deps: Pick<PeopleDeps, 'people'>, scope: Scope, filter: PeopleFilter, sort: PeopleSort, page: PageRequest) {
  requireRole(scope.actor, 'list people', 'manager');
  return deps.people.listPeople(scope.tenantId, cleanFilter(filter), sort, page);
}

/**
 * The total `people` shows: the tenant's counter, unfiltered. A search or a filter would have to
 * read every person to be counted, so it has none (the console says "of many").
 */
export async function peopleCount(deps: { counts: ListCounts }, scope: Scope, filter: PeopleFilter): Promise<number | null> {
  requireRole(scope.actor, 'list people', 'manager');
  return filter.search || filter.department || filter.skill ? null : deps.counts.people(scope.tenantId);
}

/** Filters compare case- and accent-insensitively, as the stored copies are folded the same way. */
export function cleanFilter<F extends PeopleFilter>(filter: F): F {
  const checks = new Checks();
  const out = { ...filter };
  for (const key of ['search', 'department', 'skill'] as const) {
    const value = filter[key];
    if (value !== null && value !== undefined) out[key] = fold(checks.text(`filter.${key}`, value, { max: 120 }));
  }
  checks.done();
  return out;
}

export interface EnrolInput {
  personId: string;
  programId: string;
  role: ParticipantRole;
  reasons: string[];
  capacity?: number | null;
  hoursPerMonth?: number | null;
  awayUntil?: string | null;
  acceptsRequests?: boolean | null;
  openToSponsoring?: boolean | null;
  shortlist?: string[] | null;
  circleTopic?: string | null;
}

/** A mentor's say over their load (ADR 0057): away until a date, and whether they take direct requests. */
export const mentorLoadOf = (e: Pick<Enrolment, 'awayUntil' | 'acceptsRequests'>) => ({
  awayUntil: e.awayUntil ?? null,
  acceptsRequests: e.acceptsRequests ?? true,
});

/** Whether a mentor is away on `today` (YYYY-MM-DD): away until a date means back on that date. */
export const isAway = (e: Pick<Enrolment, 'awayUntil'>, today: string): boolean => (e.awayUntil ?? '') > today;

export type EnrolmentPatch = { [K in keyof Omit<EnrolInput, 'personId' | 'programId' | 'role'>]?: EnrolInput[K] | null };

interface EnrolDeps extends PeopleDeps {
  programs: ProgramStore;
}

/** The copies an enrolment keeps of its person, for lists that filter and sort without a second read. */
export const personCopy = (person: Person, role: ParticipantRole) => ({
  sortKey: person.sortKey,
  displayName: person.displayName,
  email: person.email,
  department: person.department,
  skills: (role === 'MENTOR' ? person.skillsOffered : person.skillsSought).map(fold),
});

/** A group program's circle topic: one of the program's focus areas, in the one vocabulary; null clears it. */
function checkCircleTopic(checks: Checks, program: Program, given: string | null | undefined, current: string | null): string | null {
  if (given === undefined) return current;
  if (given === null || given.trim() === '') return null;
  if (kindOf(program) !== 'GROUP') {
    checks.fail('input.circleTopic', 'kind', 'only a group program forms circles');
    return null;
  }
  const [code = ''] = focusAreaCodes([given], program.focusAreas);
  if (!program.focusAreas.includes(code)) checks.fail('input.circleTopic', 'focusArea', `"${given}" is not a focus area of this program`);
  return code;
}

async function checkEnrolment(
  deps: PeopleDeps,
  scope: Scope,
  program: Program,
  role: ParticipantRole,
  personId: string,
  input: EnrolmentPatch,
  base: Pick<
    Enrolment,
    'reasons' | 'capacity' | 'hoursPerMonth' | 'openToSponsoring' | 'shortlist' | 'awayUntil' | 'acceptsRequests' | 'circleTopic'
  > & {
    activeMentorships?: number;
  },
) {
  const checks = new Checks();
  const kind = kindOf(program);
  if (!rolesOf(kind).includes(role)) {
    checks.fail(
      'input.role',
      'kind',
      kind === 'PEER' ? 'a peer program enrols everyone as PEER' : 'enrol as MENTOR or MENTEE (PEER is for peer programs)',
    );
  }
  const reasons = input.reasons
    ? focusAreaCodes(checks.list('input.reasons', input.reasons, { maxItems: 12, maxLength: 60 }), program.focusAreas)
    : base.reasons;
  for (const reason of reasons) {
    if (!program.focusAreas.includes(reason)) checks.fail('input.reasons', 'focusArea', `"${reason}" is not a focus area of this program`);
  }
  const shortlist =
    role === 'MENTEE' ? checks.list('input.shortlist', input.shortlist ?? base.shortlist, { maxItems: 5, maxLength: 64 }) : [];
  if (shortlist.includes(personId)) checks.fail('input.shortlist', 'self', 'a mentee cannot shortlist themselves');
  const circleTopic = checkCircleTopic(checks, program, input.circleTopic, base.circleTopic ?? null);
  // A group program's mentor leads one circle: their capacity is its size, at most the program's maximum.
  const circleMax = kind === 'GROUP' ? circleSizeOf(program).maximum : 20;
  const fields = {
    reasons,
    // A peer is in at most one pair at a time: the pair's start counts against this place.
    capacity:
      role === 'MENTOR'
        ? checks.int('input.capacity', input.capacity ?? base.capacity ?? (kind === 'GROUP' ? circleMax : program.mentorCapacityDefault), {
            min: 0,
            max: circleMax,
          })
        : role === 'PEER'
          ? 1
          : null,
    hoursPerMonth:
      input.hoursPerMonth === undefined
        ? base.hoursPerMonth
        : input.hoursPerMonth === null
          ? null
          : checks.int('input.hoursPerMonth', input.hoursPerMonth, { min: 0, max: 80 }),
    openToSponsoring: input.openToSponsoring ?? base.openToSponsoring,
    shortlist,
    ...(kind === 'GROUP' ? { circleTopic } : {}),
    ...(role === 'MENTOR'
      ? {
          awayUntil:
            input.awayUntil === undefined
              ? (base.awayUntil ?? null)
              : input.awayUntil === null || input.awayUntil === ''
                ? null
                : checks.date('input.awayUntil', input.awayUntil),
          acceptsRequests: input.acceptsRequests ?? base.acceptsRequests ?? true,
        }
      : {}),
  };
  if (role === 'MENTOR' && fields.capacity !== null && fields.capacity < (base.activeMentorships ?? 0)) {
    checks.fail('input.capacity', 'belowActive', `is below the ${base.activeMentorships} mentees this mentor already has`);
  }
  checks.done();
  if (shortlist.length > 0) {
    const found = await deps.people.getPeople(scope.tenantId, shortlist);
    const missing = shortlist.filter((id) => !found.has(id));
    if (missing.length > 0) {
      const problems = new Checks();
      problems.fail('input.shortlist', 'unknownPerson', 'names someone who is not in this organisation');
      problems.done();
    }
  }
  return fields;
}

export async function enrol(deps: EnrolDeps, scope: Scope, input: EnrolInput, idempotencyKey?: string | null): Promise<Enrolment> {
  requireRole(scope.actor, 'enrol people', 'manager');
  const [person, program] = await Promise.all([
    getPerson(deps, scope, input.personId),
    deps.programs.getProgram(scope.tenantId, input.programId),
  ]);
  if (!program) throw notFound('Program');
  const { personId, programId, role } = input;
  return idempotent(
    deps,
    scope,
    idempotencyKey,
    'enrol',
    input,
    `${personId}#${programId}#${role}`,
    (record) => enrolPerson(deps, scope, person, program, input, record),
    async () => (await deps.people.getEnrolment(scope.tenantId, personId, programId, role)) ?? Promise.reject(notFound('Enrolment')),
  );
}

/** Enrols a person already loaded into a program already loaded (the import's path, which has both). */
export async function enrolPerson(
  deps: PeopleDeps,
  scope: Scope,
  person: Person,
  program: Program,
  input: Omit<EnrolInput, 'personId' | 'programId'>,
  idempotency: IdempotencyRecord | null = null,
): Promise<Enrolment> {
  requireRole(scope.actor, 'enrol people', 'manager');
  if (program.status === 'CLOSED') {
    throw new DomainError(ErrorCode.CONFLICT, 'conflict.state', { type: 'Program', from: 'CLOSED', to: 'enrolling' });
  }
  const fields = await checkEnrolment(deps, scope, program, input.role, person.id, input, {
    reasons: [],
    capacity: null,
    hoursPerMonth: null,
    openToSponsoring: false,
    shortlist: [],
  });
  const enrolment = newEnrolment(person, program.id, input.role, fields, scope.now.toISOString());
  await deps.people.createEnrolment(
    enrolment,
    person,
    auditEntry(scope, deps.newId, 'person.enrol', { type: 'Person', id: person.id }, null, enrolment),
    idempotency,
  );
  return enrolment;
}

/** A new enrolment record from checked fields (enrolPerson, and the import's writer). */
export const newEnrolment = (
  person: Person,
  programId: string,
  role: ParticipantRole,
  fields: Pick<Enrolment, 'reasons' | 'capacity' | 'hoursPerMonth' | 'openToSponsoring' | 'shortlist' | 'circleTopic'>,
  stamp: string,
): Enrolment => ({
  tenantId: person.tenantId,
  programId,
  personId: person.id,
  role,
  status: 'ENROLLED',
  ...fields,
  withdrawnReason: null,
  ...personCopy(person, role),
  enrolledAt: stamp,
  activeMentorships: 0,
  firstMatchedAt: null,
  openRequests: 0,
  updatedAt: stamp,
  version: 1,
});

async function currentEnrolment(
  deps: EnrolDeps,
  scope: Scope,
  personId: string,
  programId: string,
  role: ParticipantRole,
  expectedVersion: number,
) {
  const current = await deps.people.getEnrolment(scope.tenantId, personId, programId, role);
  if (!current) throw notFound('Enrolment');
  if (current.version !== expectedVersion) throw new DomainError(ErrorCode.CONFLICT, 'conflict.version', { type: 'Enrolment' });
  return current;
}

export async function updateEnrolment(
  deps: EnrolDeps,
  scope: Scope,
  key: { personId: string; programId: string; role: ParticipantRole },
  expectedVersion: number,
  patch: EnrolmentPatch,
): Promise<Enrolment> {
  requireRole(scope.actor, 'change enrolments', 'manager', 'participant');
  if (scope.actor.role === 'participant' && scope.actor.personId !== key.personId) throw notFound('Enrolment');
  if (!reachesProgram(scope.actor, key.programId)) throw notFound('Enrolment');
  const current = await currentEnrolment(deps, scope, key.personId, key.programId, key.role, expectedVersion);
  const program = await deps.programs.getProgram(scope.tenantId, key.programId);
  if (!program) throw notFound('Program');
  const fields = await checkEnrolment(deps, scope, program, key.role, key.personId, patch, current);
  const next: Enrolment = { ...current, ...fields, updatedAt: scope.now.toISOString(), version: expectedVersion + 1 };
  await deps.people.replaceEnrolment(
    next,
    current,
    auditEntry(scope, deps.newId, 'person.enrolment', { type: 'Person', id: key.personId }, current, next),
  );
  return next;
}

export async function withdraw(
  deps: EnrolDeps,
  scope: Scope,
  key: { personId: string; programId: string; role: ParticipantRole },
  expectedVersion: number,
  reason: string,
): Promise<Enrolment> {
  requireRole(scope.actor, 'withdraw from programs', 'manager', 'participant');
  if (scope.actor.role === 'participant' && scope.actor.personId !== key.personId) throw notFound('Enrolment');
  if (!reachesProgram(scope.actor, key.programId)) throw notFound('Enrolment');
  const checks = new Checks();
  const why = checks.text('reason', reason, { max: 500 });
  checks.done();
  const current = await currentEnrolment(deps, scope, key.personId, key.programId, key.role, expectedVersion);
  if (current.status === 'WITHDRAWN')
    throw new DomainError(ErrorCode.CONFLICT, 'conflict.state', { type: 'Enrolment', from: 'WITHDRAWN', to: 'WITHDRAWN' });
  if ((current.activeMentorships ?? 0) > 0) {
    throw new DomainError(ErrorCode.CONFLICT, 'conflict.state', {
      type: 'enrolment with a running mentorship',
      from: 'MATCHED',
      to: 'WITHDRAWN',
    });
  }
  const next: Enrolment = {
    ...current,
    status: 'WITHDRAWN',
    withdrawnReason: why,
    updatedAt: scope.now.toISOString(),
    version: expectedVersion + 1,
  };
  await deps.people.replaceEnrolment(
    next,
    current,
    auditEntry(scope, deps.newId, 'person.withdraw', { type: 'Person', id: key.personId }, current, next),
  );
  return next;
}

export function listParticipants(
  deps: Pick<PeopleDeps, 'people'>,
  scope: Scope,
  programId: string,
  filter: ParticipantFilter,
  sort: PeopleSort,
  page: PageRequest,
) {
  requireRole(scope.actor, 'list participants', 'manager');
  return deps.people.listEnrolments(scope.tenantId, programId, cleanFilter(filter), sort, page);
}

/** Everyone above a person in the reporting line, by e-mail, as far as the participants' records reach. */
export function managersAbove(email: string, managerOf: ReadonlyMap<string, string | null>): Set<string> {
  const above = new Set<string>();
  let current = managerOf.get(email) ?? null;
  while (current && !above.has(current) && current !== email) {
    above.add(current);
    current = managerOf.get(current) ?? null;
  }
  return above;
}
