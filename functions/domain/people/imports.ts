import { DomainError } from '#domain/kernel/errors.ts';
import { isLanguageCode, normaliseEmail } from '#domain/kernel/validation.ts';
import { focusAreaCode } from '#domain/programs/focusAreas.ts';
import type { Program } from '#domain/programs/programs.ts';
import { checkEmployment, EMPLOYMENT_ALIASES, EMPLOYMENT_FIELDS, type Employment, readEmploymentCells } from './employment.ts';
import { checkPerson, type ParticipantRole, type PersonFields } from './people.ts';
import { type RowProblem, rowProblem } from './rowProblems.ts';

export type { RowProblem } from './rowProblems.ts';

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
  // A group program's circle topic (ADR 0082): one of the program's focus areas, in any wording.
  'circleTopic',
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
  circleTopic: ['circletopic', 'kringonderwerp', 'circle', 'kring', 'onderwerpkring'],
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

/** HR facts as checked once, when the row is read. */
export type EmploymentFacts = Omit<Employment, 'tenantId' | 'personId' | 'department' | 'location' | 'updatedAt'>;

/** What a manager decided about a row that names an existing person under another name and e-mail. */
export type IdentityDecision = 'REPLACE_PERSON' | 'SAME_PERSON' | 'SKIP';

export interface ImportRow {
  /** The line in the file (the header is line 1), as a spreadsheet shows it. */
  line: number;
  /** The profile as checked once when read (trimmed, e-mail lower-cased); null and [] are empty cells. */
  person: PersonFields;
  roles: ParticipantRole[];
  /** Empty cells are null (reasons: []), so an update keeps what is already known. */
  enrolment: {
    reasons: string[];
    capacity: number | null;
    hoursPerMonth: number | null;
    openToSponsoring: boolean | null;
    /** The circle topic's code (a focus area of the program); null for an empty cell. planRow refuses it outside a group program. */
    circleTopic?: string | null;
  };
  /** HR facts, when the file has them (any role, including none), checked. */
  employment?: EmploymentFacts | null;
  /** The manager cell was dropped because it closed a reporting-line loop, and the current manager would close it too: clear it. */
  clearManager?: boolean;
  /** The manager's choice for an identity change, when the row is one. */
  decision?: IdentityDecision | null;
  /**
   * Nobody had this e-mail or employee id when the import started: the worker plans the row as a new
   * person without reading it again. The claims' conditions catch anyone created since, and the row is
   * then read and planned again (ADR 0090).
   */
  newAtStart?: boolean;
  warnings: RowProblem[];
}

export interface RejectedRow {
  /** Rejected when read, failed when written, or taken with a warning. */
  kind: 'REJECTED' | 'FAILED' | 'WARNING';
  line: number;
  externalId: string | null;
  email: string | null;
  name: string | null;
  /** Reasons as words (older reports); newer ones carry `problems`, worded when read. */
  reasons: string[];
  /** Reasons as codes with their facts, put into the reader's language when read. */
  problems?: RowProblem[];
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

function rolesFrom(cell: string): ParticipantRole[] | null {
  const value = squash(cell);
  if (['mentor', 'mentoren'].includes(value)) return ['MENTOR'];
  if (['mentee', 'mentees', 'protege'].includes(value)) return ['MENTEE'];
  if (['both', 'beide', 'mentormentee', 'menteementor'].includes(value)) return ['MENTOR', 'MENTEE'];
  // A peer program's participants (whether the role fits the program's kind is the row's plan's to say).
  if (['peer', 'peers', 'collega', 'collegas', 'intervisie'].includes(value)) return ['PEER'];
  // Colleagues outside the program: imported for the retention comparison, never enrolled (so never matched).
  if (['none', 'employee', 'nonparticipant', 'geen', 'medewerker'].includes(value)) return [];
  return null;
}

/** A check's field path (`input.languages.2`) → the import field and the item's position. */
const fieldOf = (path: string): { field: string; index: number | null } => {
  const [, name = path, index] = /^input\.([a-zA-Z]+)(?:\.(\d+))?$/.exec(path) ?? [];
  return { field: name, index: index === undefined ? null : Number(index) };
};

/**
 * Reads every row, once: a row is taken when its person passes the same checks as `createPerson`
 * and its role is known; otherwise it is rejected with every reason. What is taken is passed on
 * checked (the writer does not check it again). An e-mail address or employee id used twice in
 * one file is taken the first time and rejected after, naming the line it clashes with. A person
 * named as their own manager keeps the row: the manager cell is dropped with a warning.
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
    const problems: RowProblem[] = [];
    const warnings: RowProblem[] = [];
    const problem = (code: string, params: RowProblem['params'] = {}) => problems.push(rowProblem(code, params));
    const number = (field: ImportField): number | null => {
      const text = cell(field).replace(',', '.');
      if (text === '') return null;
      const n = Number(text);
      if (!Number.isFinite(n)) {
        problem('notANumber', { field, value: cell(field) });
        return null;
      }
      return Math.round(n);
    };
    const family = [cell('particles'), cell('familyName')].filter(Boolean).join(' ');
    const rawEmail = cell('email');
    let managerEmail = cell('managerEmail') || null;
    if (managerEmail && normaliseEmail(managerEmail) === normaliseEmail(rawEmail) && rawEmail !== '') {
      warnings.push(rowProblem('selfManager', { email: normaliseEmail(rawEmail) }));
      managerEmail = null;
    }
    const input = {
      externalId: cell('externalId') || null,
      email: rawEmail,
      givenName: cell('givenName'),
      familyName: family,
      jobTitle: cell('jobTitle') || null,
      department: cell('department') || null,
      managerEmail,
      location: cell('location') || null,
      timeZone: cell('timeZone'),
      languages: list(cell('languages')).map(languageCode),
      yearsExperience: number('yearsExperience'),
      industry: cell('industry') || null,
      skillsOffered: list(cell('skillsOffered')),
      skillsSought: list(cell('skillsSought')),
      bio: cell('bio') || null,
    };
    let person: PersonFields | null = null;
    try {
      person = checkPerson(input);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      for (const p of e.problems) {
        const { field, index } = fieldOf(p.field);
        const value = (input as Record<string, unknown>)[field];
        problem('invalid', {
          field,
          rule: p.rule,
          reason: p.reason,
          ...(index !== null ? { index: index + 1 } : {}),
          ...(typeof value === 'string' ? { value } : Array.isArray(value) && index !== null ? { value: String(value[index] ?? '') } : {}),
        });
      }
    }
    const roleCell = cell('role');
    const roles = roleCell ? rolesFrom(roleCell) : defaultRole ? [defaultRole] : null;
    if (!roles) {
      if (roleCell) problem('badRole', { value: roleCell });
      else problem('noRole');
    }
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
    problems.push(...hr.problems);
    warnings.push(...hr.warnings);
    let employment: EmploymentFacts | null = null;
    if (hr.employment) {
      try {
        employment = checkEmployment(hr.employment);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        for (const p of e.problems) problem('invalid', { field: p.field.replace(/^input\./, ''), rule: p.rule, reason: p.reason });
      }
    }
    const sponsoringCell = cell('openToSponsoring');
    const sponsoring = sponsoringCell.toLowerCase();
    if (!YES.has(sponsoring) && !NO.has(sponsoring)) problem('notYesNo', { field: 'openToSponsoring', value: sponsoringCell });
    const focus: string[] = [];
    for (const text of list(cell('reasons'))) {
      const code = focusAreaCode(text, program.focusAreas);
      if (program.focusAreas.includes(code)) focus.push(code);
      else warnings.push(rowProblem('notFocusArea', { value: text }));
    }
    // The circle topic through the one normaliser; planRow refuses it in a program of another kind.
    const topicCell = cell('circleTopic');
    const circleTopic = topicCell ? focusAreaCode(topicCell, program.focusAreas) : null;
    if (circleTopic !== null && !program.focusAreas.includes(circleTopic)) problem('notCircleTopic', { value: topicCell });
    const capacity = number('capacity');
    const hoursPerMonth = number('hoursPerMonth');
    if (capacity !== null && (capacity < 0 || capacity > 20)) problem('outOfRange', { field: 'capacity', min: 0, max: 20 });
    if (hoursPerMonth !== null && (hoursPerMonth < 0 || hoursPerMonth > 80))
      problem('outOfRange', { field: 'hoursPerMonth', min: 0, max: 80 });

    const email = normaliseEmail(rawEmail);
    const earlier = emails.get(email);
    if (email && earlier) {
      if (earlier.raw === rawEmail) problem('duplicateEmail', { value: email, line: earlier.line });
      else problem('duplicateEmailCase', { value: rawEmail, line: earlier.line });
    }
    const externalId = input.externalId?.trim() ?? '';
    const earlierId = externalId ? externalIds.get(externalId) : undefined;
    if (earlierId) problem('duplicateId', { value: externalId, line: earlierId });

    if (problems.length > 0 || !person) {
      rejected.push({
        kind: 'REJECTED',
        line,
        externalId: externalId || null,
        email: rawEmail || null,
        name: `${input.givenName} ${family}`.trim() || null,
        reasons: [],
        problems,
      });
      return;
    }
    emails.set(email, { line, raw: rawEmail });
    if (externalId) externalIds.set(externalId, line);
    accepted.push({
      line,
      person,
      roles: roles ?? [],
      enrolment: {
        reasons: [...new Set(focus)],
        capacity,
        hoursPerMonth,
        openToSponsoring: sponsoring === '' ? null : YES.has(sponsoring),
        circleTopic,
      },
      employment,
      warnings,
    });
  });
  return { accepted, rejected };
}
