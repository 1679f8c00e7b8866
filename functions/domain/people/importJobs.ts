import type { Actor, Scope } from '#domain/kernel/actors.ts';
import { requireRole } from '#domain/kernel/actors.ts';
import { type AuditEntry, auditEntry } from '#domain/kernel/audit.ts';
import { DomainError, ErrorCode, notFound } from '#domain/kernel/errors.ts';
import type { IdempotencyRecord, IdempotencyStore } from '#domain/kernel/idempotency.ts';
import { idempotent } from '#domain/kernel/idempotency.ts';
import type { JobQueue } from '#domain/kernel/jobs.ts';
import type { Page, PageRequest } from '#domain/kernel/pages.ts';
import { Checks, normaliseEmail } from '#domain/kernel/validation.ts';
import type { Program, ProgramStore } from '#domain/programs/programs.ts';
import { type EmploymentStore, recordEmployment } from './employment.ts';
import {
  type ColumnMapping,
  IMPORT_FIELDS,
  type ImportRow,
  REQUIRED_IMPORT_FIELDS,
  type RejectedRow,
  readRows,
  suggestMapping,
} from './imports.ts';
import {
  checkPerson,
  createPerson,
  type Enrolment,
  enrolPerson,
  type ParticipantRole,
  type PeopleStore,
  type Person,
  type PersonPatch,
  updateEnrolment,
  updatePerson,
} from './people.ts';

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
  pendingChunks<Row>(tenantId: string, id: string): Promise<{ index: number; rows: Row[] }[]>;
  /** Marks a chunk done and adds its outcome to the job, once: false if it was already done. */
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

export const CHUNK_ROWS = 250;
export const MAX_IMPORT_ROWS = 20_000;
/** How long a worker holds a job without reporting progress before the sweep may restart it. */
export const LEASE_MS = 2 * 60_000;
export const MAX_ATTEMPTS = 5;
const ROWS_AT_ONCE = 8;

export interface ImportRequest {
  programId: string;
  table: { headers: string[]; rows: string[][]; delimiter: string };
  mapping?: ColumnMapping | null;
  defaultRole?: ParticipantRole | null;
  fileName?: string | null;
}

/** Reads the file as the import would, without writing: the console's preview. */
export async function previewImport(deps: Pick<ImportDeps, 'programs'>, scope: Scope, request: ImportRequest) {
  requireRole(scope.actor, 'import participants', 'manager');
  const program = await deps.programs.getProgram(scope.tenantId, request.programId);
  if (!program) throw notFound('Program');
  return read(program, request);
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
  const warnings: RejectedRow[] = accepted
    .filter((r) => r.warnings.length > 0)
    .map((r) => ({
      kind: 'WARNING' as const,
      line: r.line,
      externalId: r.person.externalId ?? null,
      email: r.person.email,
      name: `${r.person.givenName} ${r.person.familyName}`,
      reasons: r.warnings,
    }));
  return {
    program,
    mapping,
    accepted,
    rejected,
    warnings,
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
  },
): { job: ImportJob; chunks: Row[][] } {
  const stamp = scope.now.toISOString();
  const chunks: Row[][] = [];
  for (let i = 0; i < init.accepted.length; i += init.chunkRows) chunks.push(init.accepted.slice(i, i + init.chunkRows));
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
  const { job, chunks } = newImportJob(scope, deps.newId, {
    programId: program.id,
    kind: 'PEOPLE',
    fileName,
    total: result.total,
    accepted: result.accepted,
    rejected: result.rejected.length,
    warnings: result.warnings.length,
    chunkRows: CHUNK_ROWS,
  });
  const created = await idempotent(
    deps,
    scope,
    idempotencyKey,
    'startImport',
    { programId: program.id, fileName, rows: request.table.rows.length, mapping: result.mapping },
    job.id,
    async (record) => {
      const { id, programId, fileName: name, total, accepted, rejected } = job;
      const audit = auditEntry(scope, deps.newId, 'import.start', { type: 'Program', id: programId }, null, {
        import: { id, fileName: name, total, accepted, rejected },
      });
      await deps.imports.createImport(job, chunks, [...result.rejected, ...result.warnings], audit, record);
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

const PERSON_FIELDS = [
  'externalId',
  'email',
  'givenName',
  'familyName',
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
] as const;

/** The profile fields a row would change; an empty cell does not clear what is already known. */
function changes(current: Person, row: ImportRow): PersonPatch {
  const next = checkPerson(row.person);
  const patch: Record<string, unknown> = {};
  for (const field of PERSON_FIELDS) {
    const value = next[field];
    const empty = value === null || (Array.isArray(value) && value.length === 0);
    if (!empty && JSON.stringify(value) !== JSON.stringify(current[field])) patch[field] = value;
  }
  return patch as PersonPatch;
}

const enrolmentChanged = (e: Enrolment, row: ImportRow): boolean =>
  JSON.stringify([e.reasons, e.hoursPerMonth, e.openToSponsoring, e.role === 'MENTOR' ? e.capacity : null]) !==
  JSON.stringify([
    row.enrolment.reasons,
    row.enrolment.hoursPerMonth,
    row.enrolment.openToSponsoring,
    e.role === 'MENTOR' ? (row.enrolment.capacity ?? e.capacity) : null,
  ]);

export type Outcome = 'created' | 'updated' | 'unchanged';

/**
 * One row: the person is found by employee id, else by e-mail, and created or updated; then
 * enrolled in each role, or their enrolment brought up to date. Running it twice changes nothing
 * the second time, which is what makes a re-import (or a resumed job) safe.
 */
async function upsertRow(deps: ImportDeps, scope: Scope, program: Program, row: ImportRow): Promise<Outcome> {
  const t = scope.tenantId;
  const email = normaliseEmail(row.person.email);
  const [byId, byEmail] = await Promise.all([
    row.person.externalId ? deps.people.findPerson(t, { externalId: row.person.externalId.trim() }) : Promise.resolve(null),
    deps.people.findPerson(t, { email }),
  ]);
  if (byId && byEmail && byId.id !== byEmail.id) {
    throw new DomainError(ErrorCode.CONFLICT, 'conflict.exists', {
      type: 'Person',
      field: 'e-mail (it belongs to someone with another employee id)',
    });
  }
  let person = byId ?? byEmail;
  let outcome: Outcome = 'unchanged';
  if (!person) {
    // Someone new has no enrolments yet: enrol straight away, without looking.
    person = await createPerson(deps, scope, row.person);
    for (const role of row.roles) await enrolPerson(deps, scope, person, program, { role, ...row.enrolment });
    if (row.employment) await recordEmployment(deps, scope, person, row.employment);
    return 'created';
  } else {
    const patch = changes(person, row);
    if (Object.keys(patch).length > 0) {
      person = await updatePerson(deps, scope, person.id, person.version, patch);
      outcome = 'updated';
    }
  }
  if (row.employment && (await recordEmployment(deps, scope, person, row.employment)).changed && outcome === 'unchanged')
    outcome = 'updated';
  for (const role of row.roles) {
    const existing = await deps.people.getEnrolment(t, person.id, program.id, role);
    if (!existing) {
      await enrolPerson(deps, scope, person, program, { role, ...row.enrolment });
      if (outcome === 'unchanged') outcome = 'updated';
    } else if (existing.status !== 'WITHDRAWN' && enrolmentChanged(existing, row)) {
      await updateEnrolment(deps, scope, { personId: person.id, programId: program.id, role }, existing.version, row.enrolment);
      if (outcome === 'unchanged') outcome = 'updated';
    }
  }
  return outcome;
}

/** A failure as words for the report (the message a manager would see for the same call). */
export type Explain = (e: DomainError) => string;

/** What a worker does with one stored row: its outcome, or a DomainError that becomes the row's failure. */
export interface RowWriter<Row> {
  write(scope: Scope, program: Program, row: Row): Promise<Outcome>;
  failure(row: Row, e: DomainError): RejectedRow;
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
  for (const chunk of await deps.imports.pendingChunks<Row>(tenantId, id)) {
    const outcome: ChunkOutcome = { created: 0, updated: 0, unchanged: 0, failed: 0, failures: [] };
    const scope = (): Scope => ({ tenantId, actor, now: clock() });
    let next = 0;
    // Several rows at a time: the writes of different rows touch different items but the counters.
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
    await deps.imports.completeChunk(tenantId, id, chunk.index, outcome, clock().toISOString(), leaseUntil());
  }
  await deps.imports.finishImport(tenantId, id, 'DONE', clock().toISOString(), null);
  return deps.imports.getImport(tenantId, id);
}

/** Runs a participants import (see `runChunks`); each row is written by `upsertRow`. */
export function runImport(
  deps: ImportDeps,
  tenantId: string,
  id: string,
  clock: () => Date,
  explain: Explain,
  worker: string,
): Promise<ImportJob | null> {
  return runChunks<ImportRow>(deps, tenantId, id, clock, worker, {
    write: (scope, program, row) => upsertRow(deps, scope, program, row),
    failure: (row, e) => ({
      kind: 'FAILED',
      line: row.line,
      externalId: row.person.externalId ?? null,
      email: row.person.email,
      name: `${row.person.givenName} ${row.person.familyName}`,
      reasons: [explain(e)],
    }),
  });
}

/** Imports whose worker went quiet (a crash, a timeout): the sweep queues them again. */
export function stalledImports(jobs: ImportJob[], now: Date): ImportJob[] {
  return jobs.filter((j) => (j.status === 'QUEUED' || j.status === 'RUNNING') && now.getTime() - Date.parse(j.heartbeatAt) > LEASE_MS);
}

export { IMPORT_FIELDS };
