import type { Scope } from '#domain/kernel/actors.ts';
import { requireRole } from '#domain/kernel/actors.ts';
import { type AuditEntry, auditEntry } from '#domain/kernel/audit.ts';
import { notFound } from '#domain/kernel/errors.ts';
import { Checks } from '#domain/kernel/validation.ts';
import {
  type Employment,
  type EmploymentInput,
  JOB_CHANGE_KINDS,
  type JobChange,
  type JobChangeKind,
  LEAVE_TYPES,
  type LeaveType,
  type RetentionRecord,
} from './employmentRecord.ts';
import { type ExitReasonCode, exitReasonCode } from './exitReasons.ts';
import type { PeopleStore, Person } from './people.ts';
import type { RowProblem } from './rowProblems.ts';

export {
  type Employment,
  type EmploymentInput,
  JOB_CHANGE_KINDS,
  type JobChange,
  type JobChangeKind,
  LEAVE_TYPES,
  type LeaveType,
  type RetentionRecord,
  retentionRecord,
} from './employmentRecord.ts';

export interface EmploymentStore {
  getEmployment(tenantId: string, personId: string): Promise<Employment | null>;
  /** Many people's records in one batch read (imports). */
  getEmployments(tenantId: string, personIds: readonly string[]): Promise<Map<string, Employment>>;
  /** Every HR record of the tenant; `inFlight` partitions read at once (default: all of them, ADR 0067). */
  allEmployment(tenantId: string, inFlight?: number): Promise<Employment[]>;
  /** Writes the record with its audit entry (one transaction), and brings the compact copy up to date (ADR 0078). */
  recordEmployment(record: Employment, audit: AuditEntry): Promise<void>;
  /**
   * What the snapshot reads of every HR record of the tenant, from the compact copy (ADR 0078):
   * records written since the copy last took them are folded in first; no copy yet, it is built.
   */
  retentionRecords(tenantId: string): Promise<RetentionRecord[]>;
  /** Folds records written since the compact copy last took them into it (an import does, when done). */
  settleRetentionRecords(tenantId: string): Promise<void>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string): boolean =>
  DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Checks the facts and returns them cleaned; every problem at once (BAD_USER_INPUT). */
export function checkEmployment(
  input: EmploymentInput,
  field = 'input',
): Omit<Employment, 'tenantId' | 'personId' | 'department' | 'location' | 'updatedAt'> {
  const checks = new Checks();
  const hireDate = input.hireDate.trim();
  if (!isDate(hireDate)) checks.fail(`${field}.hireDate`, 'date', 'is not a date (YYYY-MM-DD)');
  const leaveDate = input.leaveDate?.trim() || null;
  if (leaveDate !== null && !isDate(leaveDate)) checks.fail(`${field}.leaveDate`, 'date', 'is not a date (YYYY-MM-DD)');
  if (leaveDate && isDate(hireDate) && isDate(leaveDate) && leaveDate < hireDate)
    checks.fail(`${field}.leaveDate`, 'order', 'is before the hire date');
  const leaveType = input.leaveType ?? null;
  if (leaveType !== null) checks.oneOf(`${field}.leaveType`, leaveType, LEAVE_TYPES);
  if (leaveType !== null && leaveDate === null) checks.fail(`${field}.leaveType`, 'noLeaveDate', 'needs a leave date');
  const exitReasons: ExitReasonCode[] = [];
  (input.exitReasons ?? []).forEach((text, i) => {
    const code = exitReasonCode(text);
    if (!code) checks.fail(`${field}.exitReasons.${i}`, 'exitReason', `"${text}" is not an exit reason code`);
    else if (!exitReasons.includes(code)) exitReasons.push(code);
  });
  if ((exitReasons.length > 0 || input.exitComment?.trim()) && leaveDate === null)
    checks.fail(`${field}.exitReasons`, 'noLeaveDate', 'exit reasons need a leave date');
  const exitComment = checks.optionalText(`${field}.exitComment`, input.exitComment, 2000);
  const level = checks.optionalText(`${field}.level`, input.level, 40);
  const jobChanges = (input.jobChanges ?? []).map((c, i) => {
    if (!isDate(c.on)) checks.fail(`${field}.jobChanges.${i}.on`, 'date', 'is not a date (YYYY-MM-DD)');
    else if (isDate(hireDate) && c.on < hireDate) checks.fail(`${field}.jobChanges.${i}.on`, 'order', 'is before the hire date');
    return { on: c.on, kind: checks.oneOf(`${field}.jobChanges.${i}.kind`, c.kind, JOB_CHANGE_KINDS) };
  });
  if (jobChanges.length > 50) checks.fail(`${field}.jobChanges`, 'tooMany', 'takes at most 50 entries');
  checks.done();
  return {
    hireDate,
    leaveDate,
    leaveType: leaveDate ? (leaveType ?? 'OTHER') : null,
    exitReasons,
    exitComment,
    level,
    jobChanges: jobChanges.sort((a, b) => a.on.localeCompare(b.on)),
  };
}

// ——— Reading HR export cells (the people import) ———

/** Dates as HR systems export them: 2024-03-01, 01-03-2024, 1/3/2024 (day first, as in the Netherlands). */
export function readDate(cell: string): string | null {
  const text = cell.trim();
  if (DATE.test(text)) return isDate(text) ? text : null;
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${(m[2] as string).padStart(2, '0')}-${(m[1] as string).padStart(2, '0')}`;
  return isDate(iso) ? iso : null;
}

const LEAVE_WORDS: Record<string, LeaveType> = {
  voluntary: 'VOLUNTARY',
  vrijwillig: 'VOLUNTARY',
  resigned: 'VOLUNTARY',
  resignation: 'VOLUNTARY',
  opzegging: 'VOLUNTARY',
  eigenverzoek: 'VOLUNTARY',
  involuntary: 'INVOLUNTARY',
  onvrijwillig: 'INVOLUNTARY',
  dismissed: 'INVOLUNTARY',
  dismissal: 'INVOLUNTARY',
  layoff: 'INVOLUNTARY',
  ontslagen: 'INVOLUNTARY',
  ontslag: 'INVOLUNTARY',
  other: 'OTHER',
  overig: 'OTHER',
  anders: 'OTHER',
  retired: 'OTHER',
  retirement: 'OTHER',
  pensioen: 'OTHER',
  endofcontract: 'OTHER',
  einddienstverband: 'OTHER',
  contracteinde: 'OTHER',
};

export const readLeaveType = (cell: string): LeaveType | null =>
  LEAVE_WORDS[
    cell
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z]/g, '')
  ] ?? null;

/** The people import's HR columns (issue #21), and the header names exports give them (English and Dutch). */
export const EMPLOYMENT_FIELDS = [
  'hireDate',
  'leaveDate',
  'leaveType',
  'exitReasons',
  'exitComment',
  'level',
  'promotionDates',
  'jobChangeDates',
] as const;

export const EMPLOYMENT_ALIASES: Record<(typeof EMPLOYMENT_FIELDS)[number], string[]> = {
  hireDate: ['hiredate', 'startdate', 'dateofhire', 'datumindienst', 'indienst', 'indiensttreding', 'startdatum'],
  leaveDate: ['leavedate', 'enddate', 'terminationdate', 'exitdate', 'datumuitdienst', 'uitdienst', 'einddatum'],
  leaveType: ['leavetype', 'terminationtype', 'exittype', 'soortuitdienst', 'redenuitdiensttype', 'typevertrek'],
  exitReasons: ['exitreasons', 'exitreason', 'reasonforleaving', 'terminationreason', 'vertrekreden', 'vertrekredenen', 'redenvertrek'],
  exitComment: ['exitcomment', 'exitinterview', 'exitinterviewnotes', 'toelichtingvertrek', 'exitgesprek'],
  level: ['level', 'grade', 'jobgrade', 'jobfamilylevel', 'niveau', 'schaal', 'salarisschaal', 'functieschaal'],
  promotionDates: ['promotiondates', 'promotions', 'promoties', 'promotiedata'],
  jobChangeDates: ['jobchangedates', 'jobchanges', 'functiewijzigingen', 'functiewissels'],
};

export interface EmploymentCells {
  hireDate: string;
  leaveDate: string;
  leaveType: string;
  exitReasons: string;
  exitComment: string;
  level: string;
  promotionDates: string;
  jobChangeDates: string;
}

/**
 * One row's HR cells → facts, or the reasons they cannot be taken. Exit-reason tokens that are
 * codes or labels become codes; anything else is kept as free text for the keyword rules.
 * No HR cell filled: null (a participant-only import stays exactly what it was).
 */
export function readEmploymentCells(cells: EmploymentCells): {
  employment: EmploymentInput | null;
  problems: RowProblem[];
  warnings: RowProblem[];
} {
  const problems: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const problem = (code: string, params: RowProblem['params'] = {}) => problems.push({ code, params });
  if (Object.values(cells).every((v) => v.trim() === '')) return { employment: null, problems, warnings };
  const date = (field: string, cell: string): string | null => {
    if (cell.trim() === '') return null;
    const d = readDate(cell);
    if (!d) problem('hrBadDate', { field, value: cell });
    return d;
  };
  const hireDate = date('hireDate', cells.hireDate);
  if (cells.hireDate.trim() === '') problem('hrNoHireDate');
  const leaveDate = date('leaveDate', cells.leaveDate);
  let leaveType: LeaveType | null = null;
  if (cells.leaveType.trim() !== '') {
    leaveType = readLeaveType(cells.leaveType);
    if (!leaveType) problem('hrBadLeaveType', { value: cells.leaveType });
    else if (!leaveDate) problem('hrLeaveTypeWithoutDate');
  } else if (leaveDate) warnings.push({ code: 'hrLeaveTypeMissing', params: {} });
  if (hireDate && leaveDate && leaveDate < hireDate) problem('hrLeaveBeforeHire');
  const codes: string[] = [];
  const free: string[] = [];
  for (const token of cells.exitReasons
    .split(/[;|]/)
    .map((t) => t.trim())
    .filter(Boolean)) {
    if (exitReasonCode(token)) codes.push(token);
    else free.push(token);
  }
  const exitComment = [...free, cells.exitComment.trim()].filter(Boolean).join('; ') || null;
  if ((codes.length > 0 || exitComment) && !leaveDate) problem('hrExitWithoutLeaveDate');
  const changes = (cell: string, kind: JobChangeKind): JobChange[] =>
    cell
      .split(/[;|,\s]+/)
      .filter(Boolean)
      .flatMap((text) => {
        const on = readDate(text);
        if (!on) {
          problem('hrBadChangeDate', { kind, value: text });
          return [];
        }
        if (hireDate && on < hireDate) problem('hrChangeBeforeHire', { kind, value: on });
        return [{ on, kind }];
      });
  const jobChanges = [...changes(cells.promotionDates, 'PROMOTION'), ...changes(cells.jobChangeDates, 'LATERAL')];
  if (cells.level.trim().length > 40) problem('hrLevelTooLong', { max: 40 });
  if (problems.length > 0) return { employment: null, problems, warnings };
  return {
    employment: {
      hireDate: hireDate as string,
      leaveDate,
      leaveType: leaveDate ? (leaveType ?? 'OTHER') : null,
      exitReasons: codes,
      exitComment: exitComment ? exitComment.slice(0, 2000) : null,
      level: cells.level.trim() || null,
      jobChanges,
    },
    problems,
    warnings,
  };
}

const audited = (e: Pick<Employment, 'hireDate' | 'leaveDate' | 'leaveType' | 'level' | 'jobChanges'> | null) =>
  e ? { hireDate: e.hireDate, leaveDate: e.leaveDate, leaveType: e.leaveType, level: e.level, jobChanges: e.jobChanges.length } : null;

/**
 * Records a person's HR facts (managers; the people import calls it for each row with HR columns).
 * Exit reasons are written, never read back one person at a time: they reach anyone only as the
 * snapshot's counts of at least five (ADR 0049), so the audit entry says that they changed, not what.
 */
export async function recordEmployment(
  deps: { insights: EmploymentStore; people: Pick<PeopleStore, 'getPerson'>; newId: () => string },
  scope: Scope,
  personOrId: Person | string,
  input: EmploymentInput,
): Promise<{ record: Employment; changed: boolean }> {
  requireRole(scope.actor, 'record HR facts', 'manager', 'operator');
  const person = typeof personOrId === 'string' ? await deps.people.getPerson(scope.tenantId, personOrId) : personOrId;
  if (!person) throw notFound('Person');
  const facts = checkEmployment(input);
  const current = await deps.insights.getEmployment(scope.tenantId, person.id);
  return saveEmployment(deps, scope, person, facts, current);
}

/**
 * The record checked HR facts make over `current` (read by the caller), with its audit entry; null
 * when they are the same. Pure: `saveEmployment` writes it alone, the import in the row's transaction.
 */
export function employmentChange(
  newId: () => string,
  scope: Scope,
  person: Person,
  facts: ReturnType<typeof checkEmployment>,
  current: Employment | null,
): { record: Employment; audit: AuditEntry } | null {
  const record: Employment = {
    tenantId: scope.tenantId,
    personId: person.id,
    ...facts,
    department: person.department,
    location: person.location,
    updatedAt: scope.now.toISOString(),
  };
  const same = (e: Employment) => JSON.stringify({ ...e, updatedAt: '' }) === JSON.stringify({ ...record, updatedAt: '' });
  if (current && same(current)) return null;
  const exitsChanged =
    JSON.stringify([current?.exitReasons ?? [], current?.exitComment ?? null]) !== JSON.stringify([record.exitReasons, record.exitComment]);
  const audit = auditEntry(scope, newId, 'person.employment', { type: 'Person', id: person.id }, audited(current), {
    ...audited(record),
    ...(exitsChanged ? { exitReasonsChanged: true } : {}),
  });
  return { record, audit };
}

/** Writes checked HR facts over `current` (read by the caller), with their audit entry; nothing when they are the same. */
export async function saveEmployment(
  deps: { insights: EmploymentStore; newId: () => string },
  scope: Scope,
  person: Person,
  facts: ReturnType<typeof checkEmployment>,
  current: Employment | null,
): Promise<{ record: Employment; changed: boolean }> {
  const change = employmentChange(deps.newId, scope, person, facts, current);
  if (!change) return { record: current as Employment, changed: false };
  await deps.insights.recordEmployment(change.record, change.audit);
  return { record: change.record, changed: true };
}

export async function getEmployment(deps: { insights: EmploymentStore }, scope: Scope, personId: string): Promise<Employment | null> {
  requireRole(scope.actor, 'read HR facts', 'manager', 'operator');
  return deps.insights.getEmployment(scope.tenantId, personId);
}
