import type { Actor, Scope } from '#domain/kernel/actors.ts';
import { requireRole } from '#domain/kernel/actors.ts';
import { type AuditEntry, auditEntry } from '#domain/kernel/audit.ts';
import { DomainError, ErrorCode, notFound } from '#domain/kernel/errors.ts';
import type { IdempotencyRecord, IdempotencyStore } from '#domain/kernel/idempotency.ts';
import { idempotent } from '#domain/kernel/idempotency.ts';
import type { JobQueue } from '#domain/kernel/jobs.ts';
import type { Page, PageRequest } from '#domain/kernel/pages.ts';
import { Checks } from '#domain/kernel/validation.ts';
import type { Program, ProgramStore } from '#domain/programs/programs.ts';
import { type Employment, type EmploymentStore, employmentChange } from './employment.ts';
import { breakManagerLoops, type Existing, planRow, type RowPlan, type RowWrites, refreshedCopy } from './importPlan.ts';
import {
  type ColumnMapping,
  type IdentityDecision,
  IMPORT_FIELDS,
  type ImportRow,
  REQUIRED_IMPORT_FIELDS,
  type RejectedRow,
  readRows,
  suggestMapping,
} from './imports.ts';
import { type Enrolment, type ImportRowWrite, newEnrolment, type ParticipantRole, type PeopleStore, type Person } from './people.ts';
import { type RowProblem, rowProblem } from './rowProblems.ts';

export type ImportStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
/** What a file brings in: participants (an HR export), or pairs already running elsewhere. Absent on older jobs: PEOPLE. */
export type ImportKind = 'PEOPLE' | 'PAIRS';

export interface ImportJob {
  id: string;
  tenantId: string;
  programId: string;
  kind?: ImportKind;
  fileName: string;
  status: ImportStatus;
  /** Data rows in the file. */
  total: number;
  accepted: number;
  rejected: number;
  warnings: number;
  /** Accepted rows written so far, and what became of them. */
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  chunks: number;
  attempts: number;
  error: string | null;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  heartbeatAt: string;
}

export interface ChunkOutcome {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  failures: RejectedRow[];
  /** The chunk's new enrolments, added to the program's counters with the chunk's completion (once). */
  enrolled?: { programId: string; mentors: number; mentees: number } | null;
}

export interface ImportStore {
  /** Stores the rows in chunks, the report, then the job (so a job exists only whole), with its audit entry. */
  createImport<Row>(
    job: ImportJob,
    chunks: Row[][],
    problems: RejectedRow[],
    audit: AuditEntry,
    idempotency: IdempotencyRecord | null,
  ): Promise<void>;
  getImport(tenantId: string, id: string): Promise<ImportJob | null>;
  listImports(tenantId: string, programId: string, page: PageRequest): Promise<Page<ImportJob>>;
  /** Jobs not yet finished, for the sweep that restarts stalled ones. */
  unfinishedImports(tenantId: string): Promise<ImportJob[]>;
  /** Takes the job for one worker until `until`; false if another worker holds it. */
  claimImport(tenantId: string, id: string, worker: string, now: string, until: string): Promise<boolean>;
  /** The chunks not yet done, in order; each chunk's rows are read when asked for. */
  pendingChunks<Row>(tenantId: string, id: string): Promise<{ index: number; rows: () => Promise<Row[]> }[]>;
  /** Marks a chunk done and adds its outcome to the job (and its enrolments to the program's counters), once: false if it was already done. */
  completeChunk(tenantId: string, id: string, index: number, outcome: ChunkOutcome, now: string, leaseUntil: string): Promise<boolean>;
  finishImport(tenantId: string, id: string, status: 'DONE' | 'FAILED', now: string, error: string | null): Promise<void>;
  /** Rejected rows, write failures and warnings, in line order. */
  importProblems(tenantId: string, id: string): Promise<RejectedRow[]>;
}

export interface ImportDeps {
  imports: ImportStore;
  programs: ProgramStore;
  people: PeopleStore;
  idempotency: IdempotencyStore;
  jobs: JobQueue;
  /** HR facts from the same file (issue #21). */
  insights: EmploymentStore;
  newId: () => string;
}

/** Small enough that progress moves within the first second, large enough for full batch reads. */
export const CHUNK_ROWS = 100;
/** The first chunk: written within a second or two even on a busy DynamoDB Local, so progress moves at once. */
export const FIRST_CHUNK_ROWS = 10;
export const MAX_IMPORT_ROWS = 20_000;
/** How long a worker holds a job without reporting progress before the sweep may restart it. */
export const LEASE_MS = 2 * 60_000;
export const MAX_ATTEMPTS = 5;
/** Rows written at once by a writer that writes row by row (pairs): each touches its own items, so they go in parallel. */
const ROWS_AT_ONCE = 24;

export interface ImportRequest {
  programId: string;
  table: { headers: string[]; rows: string[][]; delimiter: string };
  mapping?: ColumnMapping | null;
  defaultRole?: ParticipantRole | null;
  fileName?: string | null;
  /** The manager's choice for each row that names an existing person under another name and e-mail, by line. */
  identityChanges?: { line: number; decision: IdentityDecision }[] | null;
}

/**
 * Reads the file as the import would, without writing: the console's preview. Every accepted row is
 * planned against the people who exist (batch reads): create, update (and what changes) or unchanged,
 * and identity changes flagged for a choice.
 */
export async function previewImport(deps: Pick<ImportDeps, 'programs' | 'people' | 'insights'>, scope: Scope, request: ImportRequest) {
  requireRole(scope.actor, 'import participants', 'manager');
  const program = await deps.programs.getProgram(scope.tenantId, request.programId);
  if (!program) throw notFound('Program');
  const result = read(program, request);
  const existing = await lookup(deps, scope.tenantId, program.id, result.accepted, true);
  await withoutLoops(deps, scope.tenantId, result.accepted, existing);
  const plans = result.accepted.map((row) => planRow(row, existing, program).plan);
  const conflicts = new Set(plans.filter((p) => p.conflict).map((p) => p.line));
  return {
    ...result,
    accepted: result.accepted.filter((r) => !conflicts.has(r.line)),
    rejected: [...result.rejected, ...conflictRows(result.accepted, plans)].sort((x, y) => x.line - y.line),
    warnings: warningsOf(result.accepted),
    plans: plans.filter((p) => !p.conflict),
  };
}

const nameOf = (r: ImportRow) => `${r.person.givenName} ${r.person.familyName}`;

const warningsOf = (rows: ImportRow[]): RejectedRow[] =>
  rows
    .filter((r) => r.warnings.length > 0)
    .map((r) => ({
      kind: 'WARNING' as const,
      line: r.line,
      externalId: r.person.externalId ?? null,
      email: r.person.email,
      name: nameOf(r),
      reasons: [],
      problems: r.warnings,
    }));

const conflictRows = (rows: ImportRow[], plans: RowPlan[]): RejectedRow[] =>
  plans.flatMap((plan, i) => {
    const row = rows[i] as ImportRow;
    return plan.conflict
      ? [
          {
            kind: 'REJECTED' as const,
            line: row.line,
            externalId: row.person.externalId,
            email: row.person.email,
            name: nameOf(row),
            reasons: [],
            problems: [plan.conflict],
          },
        ]
      : [];
  });

/** The people the rows name, read in batches; with `full`, their enrolments in the program and HR facts too. */
async function lookup(
  deps: Pick<ImportDeps, 'people' | 'insights'>,
  tenantId: string,
  programId: string,
  rows: ImportRow[],
  full: boolean,
): Promise<Existing> {
  const found = await deps.people.findPeople(tenantId, {
    emails: rows.map((r) => r.person.email),
    externalIds: rows.flatMap((r) => (r.person.externalId ? [r.person.externalId] : [])),
  });
  if (!full) return found;
  const ids = [...new Set([...found.byEmail.values(), ...found.byExternalId.values()].map((p) => p.id))];
  const [enrolments, employment] = await Promise.all([
    deps.people.enrolmentsIn(tenantId, programId, ids),
    rows.some((r) => r.employment) ? deps.insights.getEmployments(tenantId, ids) : Promise.resolve(new Map()),
  ]);
  return { ...found, enrolments, employment };
}

/** What a batch read finds of rows nobody had at the start: nothing, enrolments and HR facts included. */
const NOTHING_EXISTS: Existing = { byEmail: new Map(), byExternalId: new Map(), enrolments: new Map(), employment: new Map() };

/** How deep the reporting lines above the file's people are followed when looking for loops. */
const LINE_DEPTH = 12;

/**
 * Drops the manager cells that would close a reporting-line loop (importPlan.ts `breakManagerLoops`),
 * reading the existing lines above the rows' managers level by level, in batches.
 */
async function withoutLoops(deps: Pick<ImportDeps, 'people'>, tenantId: string, rows: ImportRow[], existing: Existing) {
  const managerOf = new Map<string, string | null>();
  const add = (p: Person) => managerOf.set(p.email, p.managerEmail);
  for (const p of existing.byEmail.values()) add(p);
  for (const p of existing.byExternalId.values()) add(p);
  const inFile = new Set(rows.map((r) => r.person.email));
  let frontier = rows.flatMap((r) => (r.person.managerEmail ? [r.person.managerEmail] : []));
  for (let depth = 0; depth < LINE_DEPTH; depth++) {
    frontier = [...new Set([...frontier, ...[...managerOf.values()].flatMap((m) => (m ? [m] : []))])].filter(
      (email) => !managerOf.has(email) && !inFile.has(email),
    );
    if (frontier.length === 0) break;
    const { byEmail } = await deps.people.findPeople(tenantId, { emails: frontier, externalIds: [] });
    for (const email of frontier) managerOf.set(email, byEmail.get(email)?.managerEmail ?? null);
  }
  breakManagerLoops(rows, managerOf, (row) => {
    const current = (row.person.externalId && existing.byExternalId.get(row.person.externalId)) || existing.byEmail.get(row.person.email);
    return current ? current.managerEmail : null;
  });
}

function read(program: Program, request: ImportRequest) {
  const checks = new Checks();
  if (request.table.rows.length === 0) checks.fail('csv', 'empty', 'has no rows under its header');
  if (request.table.rows.length > MAX_IMPORT_ROWS) checks.fail('csv', 'tooMany', `has more than ${MAX_IMPORT_ROWS} rows; split the file`);
  const mapping = { ...suggestMapping(request.table.headers), ...request.mapping };
  for (const [field, column] of Object.entries(mapping)) {
    if (column < 0 || column >= request.table.headers.length)
      checks.fail(`mapping.${field}`, 'column', 'names a column the file does not have');
  }
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if (mapping[field] === undefined) checks.fail(`mapping.${field}`, 'required', 'no column holds this; choose one in the mapping');
  }
  if (mapping.role === undefined && !request.defaultRole)
    checks.fail('mapping.role', 'required', 'no column holds the role; choose one, or a role for everyone');
  checks.done();
  const { accepted, rejected } = readRows(request.table, mapping, program, request.defaultRole ?? null);
  return {
    program,
    mapping,
    accepted,
    rejected,
    headers: request.table.headers,
    delimiter: request.table.delimiter,
    total: request.table.rows.length,
  };
}

/**
 * A new import job (people or pairs) with its accepted rows in chunks for the jobs worker: queued
 * when there is work, done at once when there is none.
 */
export function newImportJob<Row>(
  scope: Scope,
  newId: () => string,
  init: {
    programId: string;
    kind: ImportJob['kind'];
    fileName: string;
    total: number;
    accepted: Row[];
    rejected: number;
    warnings: number;
    chunkRows: number;
    /** A smaller first chunk, so progress shows within the first second. */
    firstChunkRows?: number;
  },
): { job: ImportJob; chunks: Row[][] } {
  const stamp = scope.now.toISOString();
  const chunks: Row[][] = [];
  const first = Math.min(init.firstChunkRows ?? init.chunkRows, init.accepted.length);
  if (first > 0) chunks.push(init.accepted.slice(0, first));
  for (let i = first; i < init.accepted.length; i += init.chunkRows) chunks.push(init.accepted.slice(i, i + init.chunkRows));
  const job: ImportJob = {
    id: newId(),
    tenantId: scope.tenantId,
    programId: init.programId,
    kind: init.kind,
    fileName: init.fileName,
    status: chunks.length > 0 ? 'QUEUED' : 'DONE',
    total: init.total,
    accepted: init.accepted.length,
    rejected: init.rejected,
    warnings: init.warnings,
    processed: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    chunks: chunks.length,
    attempts: 0,
    error: null,
    createdBy: scope.actor.id,
    createdAt: stamp,
    startedAt: null,
    finishedAt: chunks.length > 0 ? null : stamp,
    heartbeatAt: stamp,
  };
  return { job, chunks };
}

/**
 * Applies the manager's identity choices: every row that names an existing person under another
 * name and e-mail needs one (BAD_USER_INPUT naming each row otherwise: no silent merge); a choice for
 * a row that is no identity change is refused too (the file changed since the preview). Rows whose
 * e-mail belongs to someone else are rejected; skipped rows are reported as warnings.
 */
function decide(
  accepted: ImportRow[],
  existing: Existing,
  program: Program,
  choices: { line: number; decision: IdentityDecision }[],
): { rows: ImportRow[]; rejected: RejectedRow[]; skipped: RejectedRow[] } {
  const chosen = new Map(choices.map((c) => [c.line, c.decision]));
  const checks = new Checks();
  const rows: ImportRow[] = [];
  const rejected: RejectedRow[] = [];
  const skipped: RejectedRow[] = [];
  const seen = new Set<number>();
  for (const row of accepted) {
    const { plan } = planRow(row, existing, program);
    const about = { line: row.line, externalId: row.person.externalId, email: row.person.email, name: nameOf(row), reasons: [] };
    if (plan.conflict) {
      rejected.push({ kind: 'REJECTED', ...about, problems: [plan.conflict] });
      continue;
    }
    if (!plan.identityChange) {
      rows.push(plan.existing ? row : { ...row, newAtStart: true });
      continue;
    }
    seen.add(row.line);
    const decision = chosen.get(row.line);
    if (!decision) {
      checks.fail(
        `identityChanges.${row.line}`,
        'choiceRequired',
        `line ${row.line} names ${plan.existing?.displayName} (${plan.existing?.externalId ?? plan.existing?.email}) under another name and e-mail (${nameOf(row)}, ${row.person.email}): choose REPLACE_PERSON, SAME_PERSON or SKIP`,
      );
    } else if (decision === 'SKIP') {
      skipped.push({
        kind: 'WARNING',
        ...about,
        problems: [rowProblem('identitySkipped', { name: plan.existing?.displayName ?? '', externalId: row.person.externalId ?? '' })],
      });
    } else rows.push({ ...row, decision });
  }
  for (const line of chosen.keys())
    if (!seen.has(line))
      checks.fail(`identityChanges.${line}`, 'notIdentityChange', `line ${line} is no identity change (read the preview again)`);
  checks.done();
  return { rows, rejected, skipped };
}

/**
 * Starts an import: every row is read and checked now, the good ones are stored in chunks for the
 * jobs worker, and the job is returned at once so the console can show its progress.
 */
export async function startImport(
  deps: ImportDeps,
  scope: Scope,
  request: ImportRequest,
  idempotencyKey?: string | null,
): Promise<ImportJob> {
  requireRole(scope.actor, 'import participants', 'manager');
  const program = await deps.programs.getProgram(scope.tenantId, request.programId);
  if (!program) throw notFound('Program');
  if (program.status === 'CLOSED')
    throw new DomainError(ErrorCode.CONFLICT, 'conflict.state', { type: 'Program', from: 'CLOSED', to: 'importing' });
  const result = read(program, request);
  const checks = new Checks();
  const fileName = checks.text('fileName', request.fileName ?? 'import.csv', { max: 200 });
  checks.done();
  const existing = await lookup(deps, scope.tenantId, program.id, result.accepted, false);
  await withoutLoops(deps, scope.tenantId, result.accepted, existing);
  const { rows, rejected, skipped } = decide(result.accepted, existing, program, request.identityChanges ?? []);
  const problems = [...result.rejected, ...rejected, ...warningsOf(rows), ...skipped];
  const { job, chunks } = newImportJob(scope, deps.newId, {
    programId: program.id,
    kind: 'PEOPLE',
    fileName,
    total: result.total,
    accepted: rows,
    rejected: result.rejected.length + rejected.length,
    warnings: problems.length - result.rejected.length - rejected.length,
    chunkRows: CHUNK_ROWS,
    firstChunkRows: FIRST_CHUNK_ROWS,
  });
  const created = await idempotent(
    deps,
    scope,
    idempotencyKey,
    'startImport',
    {
      programId: program.id,
      fileName,
      rows: request.table.rows.length,
      mapping: result.mapping,
      identityChanges: request.identityChanges ?? [],
    },
    job.id,
    async (record) => {
      const { id, programId, fileName: name, total, accepted, rejected } = job;
      const audit = auditEntry(scope, deps.newId, 'import.start', { type: 'Program', id: programId }, null, {
        import: { id, fileName: name, total, accepted, rejected },
      });
      await deps.imports.createImport(job, chunks, problems, audit, record);
      return job;
    },
    async (id) => (await deps.imports.getImport(scope.tenantId, id)) ?? Promise.reject(notFound('ImportJob')),
  );
  if (created.status === 'QUEUED' && created.id === job.id)
    await deps.jobs.enqueue({ kind: 'import', tenantId: scope.tenantId, id: job.id });
  return created;
}

export async function getImport(deps: Pick<ImportDeps, 'imports'>, scope: Scope, id: string): Promise<ImportJob> {
  requireRole(scope.actor, 'read imports', 'manager');
  const job = await deps.imports.getImport(scope.tenantId, id);
  if (!job) throw notFound('ImportJob');
  return job;
}

export type Outcome = 'created' | 'updated' | 'unchanged';

/** A row that cannot be written, with its reason as a code for the report. */
class RowFailure extends DomainError {
  constructor(readonly problem: RowProblem) {
    super(ErrorCode.CONFLICT, 'conflict.exists', { type: 'Person', field: problem.code });
  }
}

/** A row ready to write: its transaction's content, and what it does once written. */
interface RowWrite {
  write: ImportRowWrite;
  outcome: Outcome;
  /** The enrolled roles, counted into the program's counters with the chunk. */
  enrolled: ParticipantRole[];
}

/**
 * What one planned row writes, for one transaction (ADR 53); null for an unchanged row. The fields
 * were checked when the file was read; the person, enrolment and HR records are built from them here,
 * each new enrolment marked with the chunk (`importedBy`). Writing it twice changes nothing the
 * second time (the plan finds everything in place), which is what makes a re-import (or a resumed
 * job) safe. Only REPLACE_PERSON writes here, first: the existing person gives up the employee id.
 */
async function rowWrite(
  deps: ImportDeps,
  scope: Scope,
  program: Program,
  current: Person | null,
  writes: RowWrites,
  context: { chunk: string; enrolments: ReadonlyMap<string, Enrolment[]> },
): Promise<RowWrite | null> {
  const stamp = scope.now.toISOString();
  const audit = (action: string, id: string, before: object | null, after: object) =>
    auditEntry(scope, deps.newId, action, { type: 'Person', id }, before, after);
  if (writes.release) {
    const previous = writes.release;
    const next: Person = { ...previous, externalId: null, updatedAt: stamp, version: previous.version + 1 };
    const enrolments = context.enrolments.get(previous.id) ?? (await deps.people.enrolmentsOf(scope.tenantId, previous.id));
    await deps.people.replacePerson(next, previous, enrolments, audit('person.update', next.id, previous, next));
  }
  const write: ImportRowWrite = { created: null, replaced: null, enrolments: [], reenrolled: [], employment: null, audits: [] };
  let person = current;
  if (writes.create) {
    person = { ...writes.create, id: deps.newId(), tenantId: scope.tenantId, createdAt: stamp, updatedAt: stamp, version: 1 };
    write.created = person;
  } else if (writes.update) {
    const { previous } = writes.update;
    const next: Person = { ...previous, ...writes.update.next, updatedAt: stamp, version: previous.version + 1 };
    write.replaced = { next, previous, enrolments: context.enrolments.get(previous.id) ?? [] };
    write.audits.push(audit('person.update', next.id, previous, next));
    person = next;
  }
  if (!person) return null;
  const who = person;
  for (const { role, fields } of writes.enrol) {
    const enrolment: Enrolment = { ...newEnrolment(who, program.id, role, fields, stamp), importedBy: context.chunk };
    write.enrolments.push(enrolment);
    // A new person's entries follow the transaction, with fixed ids (`creationAudits`).
    if (!write.created) write.audits.push(audit('person.enrol', who.id, null, enrolment));
  }
  for (const { next, previous } of writes.reenrol) {
    const changed = { ...refreshedCopy(who, next), updatedAt: stamp, version: previous.version + 1 };
    write.reenrolled.push({ next: changed, previous });
    write.audits.push(audit('person.enrolment', who.id, previous, changed));
  }
  if (writes.employment) {
    const change = employmentChange(deps.newId, scope, who, writes.employment, writes.create ? null : (writes.employmentBefore ?? null));
    if (change) {
      write.employment = change.record;
      if (!write.created) write.audits.push(change.audit);
    }
  }
  return { write, outcome: writes.create ? 'created' : 'updated', enrolled: writes.enrol.map((e) => e.role) };
}

/**
 * The audit entries of a person an import creates (their creation, enrolments and HR facts). They
 * are not in the row's transaction: a transaction item costs DynamoDB Local several times a batched
 * one, and these need no condition. They are batch-written once the chunk's rows are (ADR 0070),
 * with ids fixed by the chunk and the person and the instant of the creation, so that a chunk
 * resumed after a crash rebuilds the same entries from what its first attempt stored and writes
 * them again over themselves: the log holds each once, and none is lost.
 */
function creationAudits(
  scope: Scope,
  chunk: string,
  person: Person,
  enrolments: readonly Enrolment[],
  employment: Employment | null,
): AuditEntry[] {
  const at: Scope = { ...scope, now: new Date(person.createdAt) };
  const fixed = (what: string) => () => `${chunk.replaceAll('#', '.')}.${person.id}.${what}`;
  const entity = { type: 'Person', id: person.id };
  const { tenantId, personId, updatedAt, ...facts } = employment ?? ({} as Employment);
  return [
    auditEntry(at, fixed('create'), 'person.create', entity, null, person),
    ...[...enrolments]
      .sort((a, b) => a.role.localeCompare(b.role))
      .map((e) => auditEntry(at, fixed(`enrol.${e.role}`), 'person.enrol', entity, null, e)),
    ...(employment ? [employmentChange(fixed('employment'), at, person, facts as never, null)?.audit ?? []].flat() : []),
  ];
}

/** What a worker does with one stored row: its outcome, or a DomainError that becomes the row's failure. */
export interface RowWriter<Row> {
  /** Reads what a chunk's rows need, in batches, before they are written; `resumed`: the job ran before (a crash, a timeout). */
  prepare?(program: Program, rows: Row[], chunk: number, resumed: boolean): Promise<void>;
  write(scope: Scope, program: Program, row: Row): Promise<Outcome>;
  /** Instead of `write` row by row: the chunk's rows at once, each its outcome or why it failed. */
  writeAll?(scope: Scope, program: Program, rows: Row[]): Promise<(Outcome | DomainError)[]>;
  failure(row: Row, e: DomainError): RejectedRow;
  /**
   * After the chunk's rows: what is written per chunk, and the enrolments its completion adds to the
   * program's counters. It runs on while the next chunk is prepared and written, so it takes what it
   * needs of the chunk before its first await.
   */
  finish?(scope: Scope, program: Program): Promise<ChunkOutcome['enrolled']>;
}

/**
 * The jobs worker's part, whatever the rows are: takes the job (a lease, so two workers never run it
 * at once), writes the pending chunks row by row, adds each chunk's outcome to the job exactly once,
 * and finishes it. After a crash the sweep queues it again and it picks up at the first chunk not done.
 */
export async function runChunks<Row>(
  deps: Pick<ImportDeps, 'imports' | 'programs'>,
  tenantId: string,
  id: string,
  clock: () => Date,
  worker: string,
  writer: RowWriter<Row>,
): Promise<ImportJob | null> {
  const job = await deps.imports.getImport(tenantId, id);
  if (!job || job.status === 'DONE' || job.status === 'FAILED') return job;
  const leaseUntil = () => new Date(clock().getTime() + LEASE_MS).toISOString();
  if (!(await deps.imports.claimImport(tenantId, id, worker, clock().toISOString(), leaseUntil()))) return job;
  if (job.attempts >= MAX_ATTEMPTS) {
    await deps.imports.finishImport(tenantId, id, 'FAILED', clock().toISOString(), `gave up after ${MAX_ATTEMPTS} attempts`);
    return deps.imports.getImport(tenantId, id);
  }
  const program = await deps.programs.getProgram(tenantId, job.programId);
  if (!program) {
    await deps.imports.finishImport(tenantId, id, 'FAILED', clock().toISOString(), 'the program no longer exists');
    return deps.imports.getImport(tenantId, id);
  }
  const actor: Actor = { id: job.createdBy, role: 'manager', tenantId, personId: null };
  const pending = await deps.imports.pendingChunks<Row>(tenantId, id);
  // The next chunk's rows are read while this one is written.
  const read = (at: number) => {
    const rows = pending[at]?.rows();
    // Awaited on its turn; a chunk that fails before then must not leave the read's failure unhandled.
    rows?.catch(() => undefined);
    return rows;
  };
  let upcoming = read(0);
  // A chunk's tail (what `finish` writes, then its completion) runs while the next chunk is read and
  // written: the rows of different chunks touch different items, and DynamoDB takes both at once.
  // Completions stay in order, one chunk's tail at most behind the rows being written (ADR 0084).
  let behind: Promise<unknown> = Promise.resolve();
  try {
    for (const [at, { index }] of pending.entries()) {
      const chunk = { index, rows: (await upcoming) ?? [] };
      upcoming = read(at + 1);
      const outcome: ChunkOutcome = { created: 0, updated: 0, unchanged: 0, failed: 0, failures: [] };
      const scope = (): Scope => ({ tenantId, actor, now: clock() });
      await writer.prepare?.(program, chunk.rows, chunk.index, job.attempts > 0);
      if (writer.writeAll) {
        const results = await writer.writeAll(scope(), program, chunk.rows);
        results.forEach((result, i) => {
          if (typeof result === 'string') outcome[result]++;
          else {
            outcome.failed++;
            outcome.failures.push(writer.failure(chunk.rows[i] as Row, result));
          }
        });
      } else {
        let next = 0;
        // Several rows at a time: the writes of different rows touch different items.
        await Promise.all(
          Array.from({ length: ROWS_AT_ONCE }, async () => {
            while (next < chunk.rows.length) {
              const row = chunk.rows[next++] as Row;
              try {
                outcome[await writer.write(scope(), program, row)]++;
              } catch (e) {
                if (!(e instanceof DomainError) || e.code === ErrorCode.SERVICE_UNAVAILABLE) throw e;
                outcome.failed++;
                outcome.failures.push(writer.failure(row, e));
              }
            }
          }),
        );
      }
      const finished = Promise.resolve(writer.finish?.(scope(), program));
      // Awaited below or by the next turn; a failure before then must not go unhandled.
      finished.catch(() => undefined);
      await behind;
      behind = finished.then((enrolled) => {
        outcome.enrolled = enrolled ?? null;
        return deps.imports.completeChunk(tenantId, id, chunk.index, outcome, clock().toISOString(), leaseUntil());
      });
      behind.catch(() => undefined);
    }
  } catch (e) {
    // The chunk before settles its tail first: what it wrote is recorded, and nothing of this job is
    // written after its failure is reported.
    await behind.catch(() => undefined);
    throw e;
  }
  await behind;
  await deps.imports.finishImport(tenantId, id, 'DONE', clock().toISOString(), null);
  return deps.imports.getImport(tenantId, id);
}

interface PlannedRow {
  plan: RowPlan;
  writes: RowWrites;
  current: Person | null;
  /** Written by an earlier attempt of this chunk (its enrolments carry the chunk's mark): created or updated then. */
  earlier: Outcome | null;
  /** Planned as a new person without a read (nobody had its e-mail or employee id at the start). */
  unread: boolean;
}

/**
 * Runs a participants import (see `runChunks`): each chunk's people, enrolments and HR facts are read
 * in one batch, every row planned against them (importPlan.ts), and only what changes is written —
 * one transaction per row, the new people's search tokens in batches, and the chunk's enrolments
 * added to the program's counters once, with the chunk's completion; when done, the HR records written
 * are folded into the snapshot's compact copy. A chunk resumed after a crash
 * finds what its earlier attempt wrote by the mark on the enrolments, counts it (once) and writes
 * those people's search tokens and creation audit entries again (fixed keys: over themselves).
 */
export function runImport(deps: ImportDeps, tenantId: string, id: string, clock: () => Date, worker: string): Promise<ImportJob | null> {
  let planned = new Map<number, PlannedRow>();
  let chunk = '';
  let enrolments: ReadonlyMap<string, Enrolment[]> = new Map();
  /** The chunk's new people, with what their creation's audit entries are built from. */
  let created: { person: Person; enrolments: Enrolment[]; employment: Employment | null }[] = [];
  let counted = { mentors: 0, mentees: 0 };
  const count = (role: ParticipantRole) => (role === 'MENTOR' ? counted.mentors++ : counted.mentees++);
  /** Plans `read` against what a batch read finds of them, and `unread` as new people, into `planned`. */
  const plan = async (program: Program, read: ImportRow[], unread: ImportRow[]) => {
    const existing = read.length > 0 ? await lookup(deps, tenantId, program.id, read, true) : NOTHING_EXISTS;
    const fresh = new Set(unread);
    for (const row of [...read, ...unread]) {
      const { plan, writes } = planRow(row, existing, program);
      const current = plan.existing
        ? (existing.byExternalId.get(row.person.externalId ?? '') ?? existing.byEmail.get(row.person.email) ?? null)
        : null;
      const mine = current ? (existing.enrolments?.get(current.id) ?? []).filter((e) => e.importedBy === chunk) : [];
      let earlier: Outcome | null = null;
      if (current && mine.length > 0) {
        for (const e of mine) count(e.role);
        earlier = mine.some((e) => e.enrolledAt === current.createdAt) ? 'created' : 'updated';
        const employment = existing.employment?.get(current.id) ?? null;
        if (earlier === 'created')
          created.push({
            person: current,
            enrolments: mine,
            employment: employment?.updatedAt === current.createdAt ? employment : null,
          });
      }
      planned.set(row.line, { plan, writes, current, earlier, unread: fresh.has(row) });
    }
    // The copies on the enrolments of people whose profile changes, read at once.
    const changing = read.flatMap((row) => {
      const { writes } = planned.get(row.line) as PlannedRow;
      return [writes.update?.previous.id ?? [], writes.release?.id ?? []].flat();
    });
    if (changing.length > 0) enrolments = new Map([...enrolments, ...(await deps.people.enrolmentsOfMany(tenantId, changing))]);
  };
  return runChunks<ImportRow>(deps, tenantId, id, clock, worker, {
    prepare: async (program, rows, index, resumed) => {
      chunk = `${id}#${index}`;
      created = [];
      counted = { mentors: 0, mentees: 0 };
      planned = new Map();
      enrolments = new Map();
      // Rows nobody had when the import started are planned as new people without a read (ADR 0090);
      // a resumed job reads them all, since its earlier attempt may have written some.
      const unread = (row: ImportRow) => !resumed && row.newAtStart === true;
      await plan(
        program,
        rows.filter((row) => !unread(row)),
        rows.filter(unread),
      );
    },
    write: () => Promise.reject(new Error('a participants import writes its rows a chunk at a time')),
    writeAll: async (scope, program, rows) => {
      const results: (Outcome | DomainError)[] = [];
      const write = async (indices: number[]) => {
        const pending: { index: number; row: RowWrite }[] = [];
        for (const index of indices) {
          const row = rows[index] as ImportRow;
          const entry = planned.get(row.line);
          if (!entry) throw new Error(`line ${row.line} was not planned`);
          const { plan, writes, current, earlier } = entry;
          if (plan.conflict) results[index] = new RowFailure(plan.conflict);
          // Someone changed between the start and now: the row is no longer what the manager chose for.
          else if (plan.action === 'SKIP')
            results[index] = new RowFailure(rowProblem('identityChanged', { name: plan.existing?.displayName ?? '' }));
          else if (plan.action === 'UNCHANGED') results[index] = earlier ?? 'unchanged';
          else {
            const replacing = plan.identityChange && plan.decision === 'REPLACE_PERSON';
            try {
              const write = await rowWrite(deps, scope, program, replacing ? null : current, writes, { chunk, enrolments });
              if (write) pending.push({ index, row: write });
              else results[index] = 'unchanged';
            } catch (e) {
              if (!(e instanceof DomainError) || e.code === ErrorCode.SERVICE_UNAVAILABLE) throw e;
              results[index] = e;
            }
          }
        }
        const failures = await deps.people.writeImportRows(pending.map((p) => p.row.write));
        pending.forEach(({ index, row }, k) => {
          const failure = failures[k];
          if (failure) {
            if (!(failure instanceof DomainError) || failure.code === ErrorCode.SERVICE_UNAVAILABLE) throw failure;
            results[index] = failure;
            return;
          }
          results[index] = row.outcome;
          if (row.write.created)
            created.push({ person: row.write.created, enrolments: row.write.enrolments, employment: row.write.employment });
          for (const role of row.enrolled) count(role);
        });
      };
      await write(rows.map((_, index) => index));
      // A row planned as new without a read whose e-mail or employee id someone has taken since the
      // start: read now and planned again, as it would have been (an update, or the conflict's reason).
      const taken = rows.flatMap((row, index) => {
        const result = results[index];
        return planned.get(row.line)?.unread && result instanceof DomainError && result.code === ErrorCode.CONFLICT ? [index] : [];
      });
      if (taken.length > 0) {
        await plan(
          program,
          taken.map((index) => rows[index] as ImportRow),
          [],
        );
        await write(taken);
      }
      return results;
    },
    finish: async (scope, program) => {
      // Taken now: the next chunk's `prepare` starts over while these are written (runChunks).
      const enrolled = { programId: program.id, ...counted };
      await deps.people.indexPeople(
        created.map((c) => c.person),
        created.flatMap((c) => creationAudits(scope, chunk, c.person, c.enrolments, c.employment)),
      );
      return enrolled;
    },
    failure: (row, e) => ({
      kind: 'FAILED',
      line: row.line,
      externalId: row.person.externalId ?? null,
      email: row.person.email,
      name: nameOf(row),
      reasons: [],
      problems: [e instanceof RowFailure ? e.problem : rowProblem('write', { key: e.key, ...e.params })],
    }),
  }).then(async (job) => {
    // The HR records the rows wrote reach the snapshot's compact copy once, at the end (ADR 0078);
    // a crash before this leaves their notes, which the next snapshot folds.
    if (job?.status === 'DONE') await deps.insights.settleRetentionRecords(tenantId);
    return job;
  });
}

/** Imports whose worker went quiet (a crash, a timeout): the sweep queues them again. */
export function stalledImports(jobs: ImportJob[], now: Date): ImportJob[] {
  return jobs.filter((j) => (j.status === 'QUEUED' || j.status === 'RUNNING') && now.getTime() - Date.parse(j.heartbeatAt) > LEASE_MS);
}

export { IMPORT_FIELDS };
