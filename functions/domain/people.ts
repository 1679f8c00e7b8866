import type { Scope } from './actors.ts';
import { requireRole } from './actors.ts';
import { type AuditEntry, auditEntry } from './audit.ts';
import { notFound } from './errors.ts';
import { displayName, sortKey } from './names.ts';
import type { Page, PageRequest } from './pages.ts';
import { Checks } from './validation.ts';

export type ParticipantRole = 'MENTOR' | 'MENTEE';
export type EnrolmentStatus = 'ENROLLED' | 'MATCHED' | 'WITHDRAWN';

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
  openToSponsoring: boolean;
  /** Mentee only: person ids of preferred mentors. */
  shortlist: string[];
  /** Copied from the person so a program's list sorts and shows without a second read. */
  sortKey: string;
  displayName: string;
  department: string | null;
  enrolledAt: string;
  version: number;
}

export interface PeopleStore {
  getPerson(tenantId: string, id: string): Promise<Person | null>;
  getPeople(tenantId: string, ids: readonly string[]): Promise<Map<string, Person>>;
  /** Creates the person and claims the e-mail in one transaction; CONFLICT if the e-mail is taken. */
  createPerson(person: Person, audit: AuditEntry): Promise<void>;
  /** Creates the enrolment and bumps the program's counters in one transaction. */
  createEnrolment(enrolment: Enrolment, audit: AuditEntry): Promise<void>;
  listEnrolments(tenantId: string, programId: string, role: ParticipantRole | null, page: PageRequest): Promise<Page<Enrolment>>;
  enrolmentsOf(tenantId: string, personId: string): Promise<Enrolment[]>;
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

export interface PeopleDeps {
  people: PeopleStore;
  newId: () => string;
}

export function checkPerson(input: PersonInput, prefix = 'input'): Omit<Person, 'id' | 'tenantId' | 'createdAt' | 'updatedAt' | 'version'> {
  const checks = new Checks();
  const givenName = checks.text(`${prefix}.givenName`, input.givenName, { max: 80 });
  const familyName = checks.text(`${prefix}.familyName`, input.familyName, { max: 120 });
  const person = {
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
  if (person.languages.length === 0) checks.fail(`${prefix}.languages`, 'required', 'name at least one language');
  if (person.managerEmail !== null && person.managerEmail === person.email) {
    checks.fail(`${prefix}.managerEmail`, 'self', 'a person cannot be their own manager');
  }
  checks.done();
  return person;
}

export async function createPerson(deps: PeopleDeps, scope: Scope, input: PersonInput): Promise<Person> {
  requireRole(scope.actor, 'createPerson', 'manager');
  const fields = checkPerson(input);
  const stamp = scope.now.toISOString();
  const person: Person = { ...fields, id: deps.newId(), tenantId: scope.tenantId, createdAt: stamp, updatedAt: stamp, version: 1 };
  await deps.people.createPerson(person, auditEntry(scope, deps.newId, 'person.create', { type: 'Person', id: person.id }, null, person));
  return person;
}

export interface EnrolInput {
  personId: string;
  programId: string;
  role: ParticipantRole;
  reasons: string[];
  capacity?: number | null;
  hoursPerMonth?: number | null;
  openToSponsoring?: boolean | null;
  shortlist?: string[] | null;
}

export async function enrol(
  deps: PeopleDeps,
  scope: Scope,
  person: Person,
  input: EnrolInput,
  mentorCapacityDefault: number,
): Promise<Enrolment> {
  requireRole(scope.actor, 'enrol', 'manager');
  const checks = new Checks();
  const reasons = checks.list('input.reasons', input.reasons, { maxItems: 12, maxLength: 60 });
  const enrolment: Enrolment = {
    tenantId: scope.tenantId,
    programId: input.programId,
    personId: person.id,
    role: input.role,
    status: 'ENROLLED',
    reasons,
    capacity: input.role === 'MENTOR' ? checks.int('input.capacity', input.capacity ?? mentorCapacityDefault, { min: 0, max: 20 }) : null,
    hoursPerMonth: input.hoursPerMonth == null ? null : checks.int('input.hoursPerMonth', input.hoursPerMonth, { min: 0, max: 80 }),
    openToSponsoring: input.openToSponsoring ?? false,
    shortlist: input.role === 'MENTEE' ? checks.list('input.shortlist', input.shortlist ?? [], { maxItems: 5, maxLength: 40 }) : [],
    sortKey: person.sortKey,
    displayName: person.displayName,
    department: person.department,
    enrolledAt: scope.now.toISOString(),
    version: 1,
  };
  checks.done();
  const entity = { type: 'Person', id: person.id };
  await deps.people.createEnrolment(enrolment, auditEntry(scope, deps.newId, 'person.enrol', entity, null, enrolment));
  return enrolment;
}

export async function getPerson(deps: Pick<PeopleDeps, 'people'>, scope: Scope, id: string): Promise<Person> {
  const person = await deps.people.getPerson(scope.tenantId, id);
  if (!person) throw notFound('Person');
  if (scope.actor.role === 'participant' && scope.actor.personId !== id) throw notFound('Person');
  return person;
}
