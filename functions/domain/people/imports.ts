import { DomainError } from '#domain/kernel/errors.ts';
import { isLanguageCode, normaliseEmail } from '#domain/kernel/validation.ts';
import { focusAreaCode } from '#domain/programs/focusAreas.ts';
import type { Program } from '#domain/programs/programs.ts';
import { EMPLOYMENT_ALIASES, EMPLOYMENT_FIELDS, type EmploymentInput, readEmploymentCells } from './employment.ts';
import { checkPerson, type ParticipantRole, type PersonInput } from './people.ts';

/**
 * Reading an HR system's export: which column holds what (guessed from the headers, overridable),
 * every row checked as the API would check it, and a reason for every row that cannot be taken.
 */
export const IMPORT_FIELDS = [
  'externalId',
  'givenName',
  'particles',
  'familyName',
  'email',
  'jobTitle',
  'department',
  'managerEmail',
  'location',
  'timeZone',
  'languages',
  'yearsExperience',
  'industry',
  'role',
  'skillsOffered',
  'skillsSought',
  'reasons',
  'capacity',
  'hoursPerMonth',
  'openToSponsoring',
  'bio',
  // HR facts for the retention insights (issue #21): read by people/employment.ts.
  ...EMPLOYMENT_FIELDS,
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Field → index of the column that holds it. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

const squash = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Header names seen in real exports (English and Dutch), compared without case, accents or punctuation. */
const ALIASES: Record<ImportField, string[]> = {
  externalId: ['employeeid', 'employeenumber', 'externalid', 'personnelnumber', 'personeelsnummer', 'medewerkernummer', 'staffid', 'id'],
  givenName: ['firstname', 'givenname', 'forename', 'voornaam', 'roepnaam'],
  particles: ['tussenvoegsel', 'tussenvoegsels', 'nameprefix', 'particles'],
  familyName: ['lastname', 'surname', 'familyname', 'achternaam'],
  email: ['workemail', 'email', 'emailaddress', 'mail', 'businessemail', 'emailadres', 'werkemail'],
  jobTitle: ['jobtitle', 'title', 'position', 'functie', 'functietitel'],
  department: ['department', 'dept', 'team', 'afdeling'],
  managerEmail: ['manageremail', 'manager', 'reportsto', 'leidinggevende', 'emailleidinggevende'],
  location: ['location', 'office', 'city', 'locatie', 'vestiging', 'standplaats'],
  timeZone: ['timezone', 'tz', 'tijdzone'],
  languages: ['languages', 'language', 'talen', 'taal'],
  yearsExperience: ['yearsofexperience', 'experience', 'yearsexperience', 'jarenervaring', 'ervaring'],
  industry: ['industry', 'sector', 'branche'],
  role: ['role', 'programrole', 'rol', 'deelnemersrol'],
  skillsOffered: ['skillsoffered', 'offeredskills', 'expertise', 'kanhelpenmet', 'vaardighedenaangeboden'],
  skillsSought: ['skillssought', 'soughtskills', 'wantstolearn', 'willeren', 'vaardighedengezocht'],
  reasons: ['mentoringreasons', 'reasons', 'focusareas', 'goals', 'redenen', 'aandachtsgebieden'],
  capacity: ['mentorcapacity', 'capacity', 'maxmentees', 'capaciteit'],
  hoursPerMonth: ['hourspermonth', 'availability', 'hours', 'urenpermaand', 'beschikbaarheid'],
  openToSponsoring: ['opentosponsoring', 'sponsoring', 'willingtosponsor', 'sponsor', 'opensponsoring'],
  bio: ['bio', 'about', 'biography', 'introduction', 'overmij', 'introductie'],
  ...EMPLOYMENT_ALIASES,
};

/** Guesses the mapping from the header row; a column is used for at most one field. */
export function suggestMapping(headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  const squashed = headers.map(squash);
  for (const field of IMPORT_FIELDS) {
    for (const alias of ALIASES[field]) {
      const index = squashed.findIndex((h, i) => h === alias && !taken.has(i));
      if (index >= 0) {
        mapping[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return mapping;
}

export const REQUIRED_IMPORT_FIELDS: ImportField[] = ['givenName', 'familyName', 'email', 'timeZone', 'languages'];

export interface ImportRow {
  /** The line in the file (the header is line 1), as a spreadsheet shows it. */
  line: number;
  person: PersonInput;
  roles: ParticipantRole[];
  enrolment: { reasons: string[]; capacity: number | null; hoursPerMonth: number | null; openToSponsoring: boolean };
  /** HR facts, when the file has them (any role, including none). */
  employment?: EmploymentInput | null;
  warnings: string[];
}

export interface RejectedRow {
  /** Rejected when read, failed when written, or taken with a warning. */
  kind: 'REJECTED' | 'FAILED' | 'WARNING';
  line: number;
  externalId: string | null;
  email: string | null;
  name: string | null;
  reasons: string[];
  /** Reasons as codes with their facts (pair imports), put into the reader's language when read. */
  problems?: RowProblem[];
}

/** One reason a row was not taken, as a stable code and the facts its message names. */
export interface RowProblem {
  code: string;
  params: Record<string, string | number>;
}

const list = (cell: string): string[] =>
  cell
    .split(/[,;|/]/)
    .map((v) => v.trim())
    .filter(Boolean);

/** English and Dutch names of languages → ISO 639-1 codes, so "Dutch" and "Nederlands" read as nl. */
const LANGUAGE_NAMES: Map<string, string> = (() => {
  const names = new Map<string, string>();
  const en = new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });
  const nl = new Intl.DisplayNames('nl', { type: 'language', fallback: 'none' });
  for (let a = 97; a <= 122; a++) {
    for (let b = 97; b <= 122; b++) {
      const code = String.fromCharCode(a, b);
      if (!isLanguageCode(code)) continue;
      for (const name of [en.of(code), nl.of(code)]) if (name) names.set(squash(name), code);
    }
  }
  return names;
})();

function languageCode(token: string): string {
  const lower = token.trim().toLowerCase();
  if (/^[a-z]{2}([-_][a-z]{2})?$/.test(lower)) return lower.slice(0, 2);
  return LANGUAGE_NAMES.get(squash(token)) ?? lower;
}

const YES = new Set(['yes', 'y', 'ja', 'j', 'true', '1', 'x']);
const NO = new Set(['no', 'n', 'nee', 'false', '0', '']);

/** Free-text reasons as people type them → the program's focus areas. */
const REASON_ALIASES: Record<string, string> = {
  PSYCHO_SOCIAL_SUPPORT: 'PSYCHOSOCIAL_SUPPORT',
  PSYCHOSOCIAL: 'PSYCHOSOCIAL_SUPPORT',
  WELLBEING: 'PSYCHOSOCIAL_SUPPORT',
  NETWORKING: 'CONNECTIONS',
  NETWORK: 'CONNECTIONS',
  INTRODUCTIONS: 'CONNECTIONS',
  VISIBILITY: 'CONNECTIONS',
  GOALS: 'GOAL_SETTING',
  PROBLEMS: 'PROBLEM_SOLVING',
  COMMUNICATION: 'COMMUNICATION_SKILLS',
  MANAGEMENT: 'MANAGEMENT_SKILLS',
  LEADERSHIP: 'MANAGEMENT_SKILLS',
};

const reasonCode = (text: string): string => {
  const code = text
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  return REASON_ALIASES[code] ?? code;
};

function rolesFrom(cell: string): ParticipantRole[] | null {
  const value = squash(cell);
  if (['mentor', 'mentoren'].includes(value)) return ['MENTOR'];
  if (['mentee', 'mentees', 'protege'].includes(value)) return ['MENTEE'];
  if (['both', 'beide', 'mentormentee', 'menteementor'].includes(value)) return ['MENTOR', 'MENTEE'];
  // Colleagues outside the program: imported for the retention comparison, never enrolled (so never matched).
  if (['none', 'employee', 'nonparticipant', 'geen', 'medewerker'].includes(value)) return [];
  return null;
}

const LABELS: Record<string, string> = {
  externalId: 'employee id',
  givenName: 'first name',
  familyName: 'last name',
  email: 'e-mail',
  managerEmail: 'manager e-mail',
  timeZone: 'time zone',
  languages: 'languages',
  yearsExperience: 'years of experience',
  jobTitle: 'job title',
};

const describe = (field: string, reason: string): string => {
  const [, name = field, index] = /^input\.([a-zA-Z]+)(?:\.(\d+))?$/.exec(field) ?? [];
  return `${LABELS[name] ?? name}${index ? ` (${Number(index) + 1})` : ''} ${reason}`;
};

/**
 * Reads every row. A row is taken when its person passes the same checks as `createPerson` and its
 * role is known; otherwise it is rejected with every reason. An e-mail address or employee id used
 * twice in one file is taken the first time and rejected after, naming the line it clashes with.
 */
export function readRows(
  table: { headers: string[]; rows: string[][] },
  mapping: ColumnMapping,
  program: Pick<Program, 'focusAreas'>,
  defaultRole: ParticipantRole | null,
): { accepted: ImportRow[]; rejected: RejectedRow[] } {
  const accepted: ImportRow[] = [];
  const rejected: RejectedRow[] = [];
  const emails = new Map<string, { line: number; raw: string }>();
  const externalIds = new Map<string, number>();
  table.rows.forEach((cells, i) => {
    const line = i + 2;
    const cell = (field: ImportField): string => {
      const index = mapping[field];
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const reasons: string[] = [];
    const warnings: string[] = [];
    const number = (field: ImportField): number | null => {
      const text = cell(field).replace(',', '.');
      if (text === '') return null;
      const n = Number(text);
      if (!Number.isFinite(n)) {
        reasons.push(`${LABELS[field] ?? field} "${cell(field)}" is not a number`);
        return null;
      }
      return Math.round(n);
    };
    const family = [cell('particles'), cell('familyName')].filter(Boolean).join(' ');
    const person: PersonInput = {
      externalId: cell('externalId') || null,
      email: cell('email'),
      givenName: cell('givenName'),
      familyName: family,
      jobTitle: cell('jobTitle') || null,
      department: cell('department') || null,
      managerEmail: cell('managerEmail') || null,
      location: cell('location') || null,
      timeZone: cell('timeZone'),
      languages: list(cell('languages')).map(languageCode),
      yearsExperience: number('yearsExperience'),
      industry: cell('industry') || null,
      skillsOffered: list(cell('skillsOffered')),
      skillsSought: list(cell('skillsSought')),
      bio: cell('bio') || null,
    };
    try {
      checkPerson(person);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      reasons.push(...e.problems.map((p) => describe(p.field, p.reason)));
    }
    const roleCell = cell('role');
    const roles = roleCell ? rolesFrom(roleCell) : defaultRole ? [defaultRole] : null;
    if (!roles) reasons.push(roleCell ? `role "${roleCell}" is not mentor, mentee, both or none` : 'role is missing');
    const hr = readEmploymentCells({
      hireDate: cell('hireDate'),
      leaveDate: cell('leaveDate'),
      leaveType: cell('leaveType'),
      exitReasons: cell('exitReasons'),
      exitComment: cell('exitComment'),
      level: cell('level'),
      promotionDates: cell('promotionDates'),
      jobChangeDates: cell('jobChangeDates'),
    });
    reasons.push(...hr.problems);
    warnings.push(...hr.warnings);
    const sponsoring = cell('openToSponsoring').toLowerCase();
    if (!YES.has(sponsoring) && !NO.has(sponsoring)) reasons.push(`open to sponsoring "${cell('openToSponsoring')}" is not yes or no`);
    const focus: string[] = [];
    for (const text of list(cell('reasons'))) {
      const code = focusAreaCode(text, program.focusAreas);
      if (program.focusAreas.includes(code)) focus.push(code);
      else warnings.push(`mentoring reason "${text}" is not a focus area of this program and was left out`);
    }
    const capacity = number('capacity');
    const hoursPerMonth = number('hoursPerMonth');
    if (capacity !== null && (capacity < 0 || capacity > 20)) reasons.push('mentor capacity must be from 0 to 20');
    if (hoursPerMonth !== null && (hoursPerMonth < 0 || hoursPerMonth > 80)) reasons.push('hours per month must be from 0 to 80');

    const email = normaliseEmail(person.email);
    const earlier = emails.get(email);
    if (email && earlier) {
      reasons.push(
        earlier.raw === person.email.trim()
          ? `e-mail ${email} is already used in line ${earlier.line}`
          : `e-mail ${person.email.trim()} is already used in line ${earlier.line} (the addresses differ only in case)`,
      );
    }
    const externalId = person.externalId?.trim() ?? '';
    const earlierId = externalId ? externalIds.get(externalId) : undefined;
    if (earlierId) reasons.push(`employee id ${externalId} is already used in line ${earlierId}`);

    if (reasons.length > 0) {
      rejected.push({
        kind: 'REJECTED',
        line,
        externalId: externalId || null,
        email: person.email.trim() || null,
        name: `${person.givenName} ${family}`.trim() || null,
        reasons,
      });
      return;
    }
    emails.set(email, { line, raw: person.email.trim() });
    if (externalId) externalIds.set(externalId, line);
    accepted.push({
      line,
      person,
      roles: roles ?? [],
      enrolment: { reasons: [...new Set(focus)], capacity, hoursPerMonth, openToSponsoring: YES.has(sponsoring) },
      employment: hr.employment,
      warnings,
    });
  });
  return { accepted, rejected };
}
