import { fold } from '#domain/kernel/names.ts';
import { kindOf, rolesOf } from '#domain/programs/kinds.ts';
import type { Program } from '#domain/programs/programs.ts';
import type { Employment } from './employment.ts';
import type { EmploymentFacts, IdentityDecision, ImportField, ImportRow } from './imports.ts';
import { type Enrolment, type ParticipantRole, type Person, type PersonFields, personCopy } from './people.ts';
import { type RowProblem, rowProblem } from './rowProblems.ts';

/**
 * What one import row will do to the people already in the organisation, decided before anything
 * is written (issue #16): create someone, update them (and what changes, field by field), or
 * nothing at all. The same pure plan serves the preview, the start (which refuses identity changes
 * without a choice) and the writer (which writes only what changes: an unchanged row costs no write).
 *
 * The empty-cell rule: for the same person, an empty cell keeps the current value. When a row names
 * an existing person by employee id but brings another name and another e-mail address, it is
 * probably someone else (an identity change): it is never merged silently. The manager chooses per
 * row: REPLACE_PERSON (the row is another person: they are created from the row alone, so every
 * empty cell stays empty, and the employee id moves to them; the existing person keeps their own
 * record, enrolments and pairs), SAME_PERSON (an ordinary update) or SKIP.
 */
export type RowAction = 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'SKIP';
/** KEEP: an empty cell keeps the current value. CLEAR: nothing is kept (a new record). */
export type EmptyCellRule = 'KEEP' | 'CLEAR';

export interface FieldChange {
  field: ImportField;
  from: string | null;
  to: string | null;
}

export interface RowPlan {
  line: number;
  action: RowAction;
  /** The existing person the row names (by employee id, else e-mail), if any. */
  existing: Pick<Person, 'id' | 'displayName' | 'email' | 'externalId'> | null;
  identityChange: boolean;
  decision: IdentityDecision | null;
  emptyCells: EmptyCellRule;
  changes: FieldChange[];
  /** Set when the row cannot be written as it stands (its e-mail belongs to someone else). */
  conflict: RowProblem | null;
}

/** The writes a row needs; empty for an unchanged row. */
export interface RowWrites {
  /** A new person (CREATE, REPLACE_PERSON). */
  create: PersonFields | null;
  /** The existing person brought up to date: next and previous (UPDATE with profile changes). */
  update: { next: PersonFields; previous: Person } | null;
  /** REPLACE_PERSON: the existing person gives up the employee id. */
  release: Person | null;
  /** Enrolments to create, for the person created or updated. */
  enrol: {
    role: ParticipantRole;
    fields: Pick<Enrolment, 'reasons' | 'capacity' | 'hoursPerMonth' | 'openToSponsoring' | 'shortlist' | 'circleTopic'>;
  }[];
  /** Enrolments whose fields change. */
  reenrol: { next: Enrolment; previous: Enrolment }[];
  /** HR facts that change (or are new), and the record they replace. */
  employment: EmploymentFacts | null;
  employmentBefore?: Employment | null;
}

/** What the store holds about the people a batch of rows names. */
export interface Existing {
  byEmail: ReadonlyMap<string, Person>;
  byExternalId: ReadonlyMap<string, Person>;
  /** This program's enrolments, by person id (absent: not read). */
  enrolments?: ReadonlyMap<string, Enrolment[]>;
  employment?: ReadonlyMap<string, Employment>;
}

const PROFILE: { key: keyof PersonFields; field: ImportField }[] = [
  { key: 'externalId', field: 'externalId' },
  { key: 'givenName', field: 'givenName' },
  { key: 'familyName', field: 'familyName' },
  { key: 'email', field: 'email' },
  { key: 'jobTitle', field: 'jobTitle' },
  { key: 'department', field: 'department' },
  { key: 'managerEmail', field: 'managerEmail' },
  { key: 'location', field: 'location' },
  { key: 'timeZone', field: 'timeZone' },
  { key: 'languages', field: 'languages' },
  { key: 'yearsExperience', field: 'yearsExperience' },
  { key: 'industry', field: 'industry' },
  { key: 'skillsOffered', field: 'skillsOffered' },
  { key: 'skillsSought', field: 'skillsSought' },
  { key: 'bio', field: 'bio' },
];

const isEmpty = (v: unknown): boolean => v === null || v === undefined || (Array.isArray(v) && v.length === 0);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const shown = (v: unknown): string | null => (isEmpty(v) ? null : Array.isArray(v) ? v.join(', ') : String(v));

/** Probably another person: both the name and the e-mail address differ (case, accents and spacing aside). */
export const isIdentityChange = (current: Pick<Person, 'givenName' | 'familyName' | 'email'>, row: PersonFields): boolean =>
  fold(`${current.givenName} ${current.familyName}`).replace(/\s+/g, ' ') !==
    fold(`${row.givenName} ${row.familyName}`).replace(/\s+/g, ' ') && current.email !== row.email;

/** The profile fields a row sets on an existing person, under the empty-cell rule (KEEP). */
function mergedProfile(current: Person, row: ImportRow): PersonFields {
  const next = { ...current } as Record<string, unknown>;
  for (const { key } of PROFILE) {
    const value = row.person[key];
    if (!isEmpty(value)) next[key] = value;
  }
  if (row.clearManager) next.managerEmail = null;
  next.displayName = row.person.displayName;
  next.sortKey = row.person.sortKey;
  const { id: _i, tenantId: _t, createdAt: _c, updatedAt: _u, version: _v, ...fields } = next as unknown as Person;
  return fields;
}

const ENROLMENT_FIELDS: { key: 'reasons' | 'capacity' | 'hoursPerMonth' | 'openToSponsoring' | 'circleTopic'; field: ImportField }[] = [
  { key: 'reasons', field: 'reasons' },
  { key: 'capacity', field: 'capacity' },
  { key: 'hoursPerMonth', field: 'hoursPerMonth' },
  { key: 'openToSponsoring', field: 'openToSponsoring' },
  { key: 'circleTopic', field: 'circleTopic' },
];

const EMPLOYMENT_KEYS: { key: keyof EmploymentFacts; field: ImportField }[] = [
  { key: 'hireDate', field: 'hireDate' },
  { key: 'leaveDate', field: 'leaveDate' },
  { key: 'leaveType', field: 'leaveType' },
  { key: 'exitReasons', field: 'exitReasons' },
  { key: 'exitComment', field: 'exitComment' },
  { key: 'level', field: 'level' },
  { key: 'jobChanges', field: 'promotionDates' },
];

const newEnrolmentFields = (row: ImportRow, role: ParticipantRole, program: Pick<Program, 'mentorCapacityDefault'>) => ({
  reasons: row.enrolment.reasons,
  // A peer has one place, as `enrol` gives one: the pair's start counts against it.
  capacity: role === 'MENTOR' ? (row.enrolment.capacity ?? program.mentorCapacityDefault) : role === 'PEER' ? 1 : null,
  hoursPerMonth: row.enrolment.hoursPerMonth,
  openToSponsoring: row.enrolment.openToSponsoring ?? false,
  shortlist: [],
  // Only a group program's rows get this far with a topic (planRow refuses the others).
  ...(row.enrolment.circleTopic ? { circleTopic: row.enrolment.circleTopic } : {}),
});

/**
 * Plans one row against what exists. Pure: the preview, the start and the writer call it with what
 * they read in batches. `existing.enrolments`/`employment` absent: enrolment and HR changes are not
 * planned (the start checks identities only).
 */
export function planRow(
  row: ImportRow,
  existing: Existing,
  program: Pick<Program, 'id' | 'mentorCapacityDefault' | 'kind'>,
): { plan: RowPlan; writes: RowWrites } {
  const byId = row.person.externalId ? (existing.byExternalId.get(row.person.externalId) ?? null) : null;
  const byEmail = existing.byEmail.get(row.person.email) ?? null;
  const current = byId ?? byEmail;
  const writes: RowWrites = { create: null, update: null, release: null, enrol: [], reenrol: [], employment: null };
  const plan: RowPlan = {
    line: row.line,
    action: 'CREATE',
    existing: current ? { id: current.id, displayName: current.displayName, email: current.email, externalId: current.externalId } : null,
    identityChange: false,
    decision: row.decision ?? null,
    emptyCells: 'CLEAR',
    changes: [],
    conflict: null,
  };
  // A role the program's kind does not take (a mentor in a peer program, a peer in a one-to-one one)
  // is refused before anything else: the preview shows it, and the row is never written.
  const kind = kindOf(program);
  const misfit = row.roles.find((role) => !rolesOf(kind).includes(role));
  if (misfit) {
    plan.action = 'SKIP';
    plan.conflict = rowProblem('roleNotInKind', { role: misfit, kind });
    return { plan, writes };
  }
  // A circle topic means a circle: only a group program forms them (ADR 0082).
  if (row.enrolment.circleTopic && kind !== 'GROUP') {
    plan.action = 'SKIP';
    plan.conflict = rowProblem('circleTopicNotInKind', { kind });
    return { plan, writes };
  }
  const created = (fields: PersonFields) => {
    writes.create = { ...fields, managerEmail: row.clearManager ? null : fields.managerEmail };
    writes.enrol = row.roles.map((role) => ({ role, fields: newEnrolmentFields(row, role, program) }));
    writes.employment = row.employment ?? null;
    plan.changes = PROFILE.flatMap(({ key, field }) =>
      isEmpty(writes.create?.[key]) ? [] : [{ field, from: null, to: shown(writes.create?.[key]) }],
    );
  };
  if (!current) {
    created(row.person);
    return { plan, writes };
  }
  if (byId && byEmail && byId.id !== byEmail.id) {
    plan.action = 'SKIP';
    plan.conflict = rowProblem('emailTaken', { email: row.person.email, externalId: byId.externalId ?? '' });
    return { plan, writes };
  }
  plan.identityChange = isIdentityChange(current, row.person);
  if (plan.identityChange) {
    if (plan.decision === null || plan.decision === 'SKIP') {
      plan.action = 'SKIP';
      return { plan, writes };
    }
    if (plan.decision === 'REPLACE_PERSON') {
      created(row.person);
      writes.release = current;
      return { plan, writes };
    }
  }
  plan.emptyCells = 'KEEP';
  const next = mergedProfile(current, row);
  for (const { key, field } of PROFILE) {
    if (!same(next[key], current[key])) plan.changes.push({ field, from: shown(current[key]), to: shown(next[key]) });
  }
  if (plan.changes.length > 0) writes.update = { next, previous: current };
  if (existing.enrolments) {
    const mine = existing.enrolments.get(current.id) ?? [];
    const had = mine.filter((e) => e.status !== 'WITHDRAWN').map((e) => e.role);
    for (const role of row.roles) {
      const enrolment = mine.find((e) => e.role === role);
      if (!enrolment) {
        writes.enrol.push({ role, fields: newEnrolmentFields(row, role, program) });
        continue;
      }
      if (enrolment.status === 'WITHDRAWN') continue;
      const merged: Enrolment = {
        ...enrolment,
        reasons: row.enrolment.reasons.length > 0 ? row.enrolment.reasons : enrolment.reasons,
        capacity: role === 'MENTOR' ? (row.enrolment.capacity ?? enrolment.capacity) : enrolment.capacity,
        hoursPerMonth: row.enrolment.hoursPerMonth ?? enrolment.hoursPerMonth,
        openToSponsoring: row.enrolment.openToSponsoring ?? enrolment.openToSponsoring,
        ...(row.enrolment.circleTopic ? { circleTopic: row.enrolment.circleTopic } : {}),
      };
      const changed = ENROLMENT_FIELDS.filter(({ key }) => !same(merged[key], enrolment[key]));
      if (changed.length > 0) {
        writes.reenrol.push({ next: merged, previous: enrolment });
        for (const { key, field } of changed)
          if (!plan.changes.some((c) => c.field === field))
            plan.changes.push({ field, from: shown(enrolment[key]), to: shown(merged[key]) });
      }
    }
    if (writes.enrol.length > 0) {
      const roles = [...new Set([...had, ...writes.enrol.map((e) => e.role)])];
      plan.changes.push({ field: 'role', from: shown(had), to: shown(roles) });
    }
  }
  if (existing.employment && row.employment) {
    const was = existing.employment.get(current.id) ?? null;
    const changed = EMPLOYMENT_KEYS.filter(({ key }) => !same(row.employment?.[key], was?.[key]));
    // The record keeps a copy of the department and location (the snapshot's strata): moved people are written too.
    const moved = was !== null && (was.department !== next.department || was.location !== next.location);
    if (changed.length > 0 || moved) {
      writes.employment = row.employment;
      writes.employmentBefore = was;
      for (const { key, field } of changed) {
        const show = (v: unknown) =>
          key === 'jobChanges' ? shown((v as EmploymentFacts['jobChanges'] | undefined)?.map((c) => c.on)) : shown(v);
        plan.changes.push({ field, from: show(was?.[key]), to: show(row.employment[key]) });
      }
    }
  }
  const writesAnything = writes.update || writes.enrol.length > 0 || writes.reenrol.length > 0 || writes.employment;
  plan.action = writesAnything ? 'UPDATE' : 'UNCHANGED';
  return { plan, writes };
}

/** The copies an enrolment keeps of its person, when the person changes. */
export const refreshedCopy = (person: Person, e: Enrolment): Enrolment => ({ ...e, ...personCopy(person, e.role) });

/**
 * Reporting lines without loops. Rows are taken in file order over the lines that exist (people
 * outside the file as they are): the row whose manager would close a loop (A manages B, B manages
 * A, or longer, or against existing people) loses its manager cell, with a warning naming the loop.
 * When the current manager (kept by an empty cell) would close the loop too, it is cleared.
 * `managerOf` holds the existing lines of everyone reachable; returns the rows changed in place.
 */
export function breakManagerLoops(
  rows: ImportRow[],
  managerOf: ReadonlyMap<string, string | null>,
  currentManager: (row: ImportRow) => string | null,
): void {
  const inFile = new Set(rows.map((r) => r.person.email));
  const graph = new Map<string, string | null>();
  for (const [email, manager] of managerOf) if (!inFile.has(email)) graph.set(email, manager);
  /** The chain from `start` that comes back to `email`, or null. */
  const loopThrough = (email: string, start: string): string[] | null => {
    const chain = [email];
    const seen = new Set<string>();
    for (let at: string | null | undefined = start; at; at = graph.get(at)) {
      chain.push(at);
      if (at === email) return chain;
      if (seen.has(at)) return null;
      seen.add(at);
    }
    return null;
  };
  for (const row of [...rows].sort((a, b) => a.line - b.line)) {
    const email = row.person.email;
    let manager = row.person.managerEmail;
    if (manager) {
      const loop = loopThrough(email, manager);
      if (loop) {
        row.warnings.push(rowProblem('managerLoop', { manager, loop: loop.join(' → ') }));
        row.person = { ...row.person, managerEmail: null };
        manager = null;
      }
    }
    if (!manager) {
      const kept = currentManager(row);
      if (kept && loopThrough(email, kept)) {
        row.clearManager = true;
        if (row.person.managerEmail === null && !row.warnings.some((w) => w.code === 'managerLoop'))
          row.warnings.push(rowProblem('managerLoop', { manager: kept, loop: (loopThrough(email, kept) ?? []).join(' → ') }));
      } else manager = kept;
    }
    graph.set(email, manager);
  }
}
