import type { Scope } from '#domain/kernel/actors.ts';
import { requireRole } from '#domain/kernel/actors.ts';
import { DomainError, ErrorCode } from '#domain/kernel/errors.ts';
import type { Page, PageRequest } from '#domain/kernel/pages.ts';
import { visibleReasons } from '#domain/kernel/visibility.ts';
import type { Program } from '#domain/programs/programs.ts';
import { cleanFilter, type Enrolment, type ParticipantFilter, type PeopleFilter, type PeopleStore, type Person } from './people.ts';

/** A list exported as a table; the GraphQL layer writes it as spreadsheet-safe CSV. */
export interface Table {
  headers: string[];
  rows: (string | number | boolean | null)[][];
}

export const MAX_EXPORT_ROWS = 20_000;
const PAGE = 100;

async function everything<T>(fetch: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  do {
    const page = await fetch({ first: PAGE, after });
    out.push(...page.items);
    after = page.after;
    if (out.length > MAX_EXPORT_ROWS) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, 'input.invalid', { fields: 'filter' }, [
        { field: 'filter', rule: 'tooMany', reason: `matches more than ${MAX_EXPORT_ROWS} rows; narrow the filter` },
      ]);
    }
  } while (after);
  return out;
}

const joined = (values: string[]): string => values.join(', ');

/** The same columns the import reads, so an export can be edited and imported again. */
const PERSON_HEADERS = [
  'Employee ID',
  'First Name',
  'Last Name',
  'Work Email',
  'Job Title',
  'Department',
  'Manager Email',
  'Location',
  'Time Zone',
  'Languages',
  'Years of Experience',
];
const personCells = (p: Person | undefined) =>
  p
    ? [
        p.externalId,
        p.givenName,
        p.familyName,
        p.email,
        p.jobTitle,
        p.department,
        p.managerEmail,
        p.location,
        p.timeZone,
        joined(p.languages),
        p.yearsExperience,
      ]
    : PERSON_HEADERS.map(() => null);

export async function exportPeople(deps: { people: PeopleStore }, scope: Scope, filter: PeopleFilter): Promise<Table> {
  requireRole(scope.actor, 'export people', 'manager');
  const clean = cleanFilter(filter);
  const people = await everything((page) => deps.people.listPeople(scope.tenantId, clean, 'NAME', page));
  return {
    headers: [...PERSON_HEADERS, 'Industry', 'Skills Offered', 'Skills Sought', 'Created At'],
    rows: people.map((p) => [...personCells(p), p.industry, joined(p.skillsOffered), joined(p.skillsSought), p.createdAt]),
  };
}

export async function exportParticipants(
  deps: { people: PeopleStore },
  scope: Scope,
  program: Program,
  filter: ParticipantFilter,
): Promise<Table> {
  const programId = program.id;
  requireRole(scope.actor, 'export participants', 'manager');
  const clean = cleanFilter(filter);
  const enrolments: Enrolment[] = await everything((page) => deps.people.listEnrolments(scope.tenantId, programId, clean, 'NAME', page));
  const people = new Map<string, Person>();
  const ids = [...new Set(enrolments.map((e) => e.personId))];
  for (let i = 0; i < ids.length; i += PAGE) {
    for (const [id, person] of await deps.people.getPeople(scope.tenantId, ids.slice(i, i + PAGE))) people.set(id, person);
  }
  return {
    headers: [
      ...PERSON_HEADERS,
      'Role',
      'Status',
      'Skills Offered',
      'Skills Sought',
      'Mentoring Reasons',
      'Mentor Capacity',
      'Hours per Month',
      'Open to Sponsoring',
      'Enrolled At',
    ],
    rows: enrolments.map((e) => {
      const p = people.get(e.personId);
      return [
        ...personCells(p),
        e.role.toLowerCase(),
        e.status.toLowerCase(),
        joined(p?.skillsOffered ?? []),
        joined(p?.skillsSought ?? []),
        joined(visibleReasons(program, scope.actor, [e.personId], e.reasons).map((r) => r.toLowerCase().replace(/_/g, ' '))),
        e.capacity,
        e.hoursPerMonth,
        e.openToSponsoring ? 'yes' : 'no',
        e.enrolledAt,
      ];
    }),
  };
}
