import type { Scope } from '#domain/kernel/actors.ts';
import { requireRole } from '#domain/kernel/actors.ts';
import { auditEntry } from '#domain/kernel/audit.ts';
import { DomainError, ErrorCode, notFound } from '#domain/kernel/errors.ts';
import { idempotent } from '#domain/kernel/idempotency.ts';
import { allPages } from '#domain/kernel/pages.ts';
import { Checks, normaliseEmail } from '#domain/kernel/validation.ts';
import { healthSlot, moveSlot, statsChange } from '#domain/mentorships/analytics.ts';
import {
  enrolledPair,
  type Goal,
  type Meeting,
  type Mentorship,
  type MentorshipStore,
  type PairHistory,
  pairStartOf,
} from '#domain/mentorships/pairs.ts';
import { type ImportDeps, type ImportJob, newImportJob, type Outcome, runChunks } from '#domain/people/importJobs.ts';
import type { RejectedRow, RowProblem } from '#domain/people/imports.ts';
import { type Enrolment, managersAbove, type Person } from '#domain/people/people.ts';
import type { Program } from '#domain/programs/programs.ts';

/**
 * Bringing in pairs that already run elsewhere (a spreadsheet): who mentors whom since when, until
 * when, their goals and the dates they met. Each row is checked against the program as it is now;
 * a row that is taken becomes a running pair with its history, in one transaction, so its health is
 * right from the first day. A pair imported before (same mentor, mentee and start day) is found again:
 * a re-import adds only the meetings and goals it did not have.
 */
export const PAIR_FIELDS = ['mentor', 'mentee', 'startDate', 'plannedEnd', 'goals', 'meetings'] as const;
export type PairField = (typeof PAIR_FIELDS)[number];
export type PairMapping = Partial<Record<PairField, number>>;

export const REQUIRED_PAIR_FIELDS: PairField[] = ['mentor', 'mentee', 'startDate'];
export const MAX_PAIR_ROWS = 5_000;
/** Per row, so a pair with its whole history fits one DynamoDB transaction (100 items). */
export const MAX_MEETINGS = 60;
export const MAX_GOALS = 10;
const PAIR_CHUNK_ROWS = 100;
/** What a spreadsheet does not say about a past meeting: how long and how. */
const IMPORTED_MEETING = { durationMinutes: 60, mode: 'IN_PERSON' } as const;

const squash = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Header names as spreadsheets hold them (English and Dutch), compared without case, accents or punctuation. */
const ALIASES: Record<PairField, string[]> = {
  mentor: ['mentor', 'mentoremail', 'mentorid', 'mentoremployeeid', 'mentoremailaddress'],
  mentee: ['mentee', 'menteeemail', 'menteeid', 'menteeemployeeid', 'menteeemailaddress', 'protege'],
  startDate: ['startdate', 'start', 'started', 'startedon', 'since', 'startdatum', 'begindatum', 'gestartop'],
  plannedEnd: ['plannedend', 'plannedenddate', 'enddate', 'end', 'until', 'einddatum', 'geplandeeinde', 'geplandeeinddatum', 'tot'],
  goals: ['goals', 'goal', 'doelen', 'doel', 'leerdoelen'],
  meetings: ['meetings', 'meetingdates', 'met', 'sessions', 'gesprekken', 'bijeenkomsten', 'afspraken'],
};

export function suggestPairMapping(headers: string[]): PairMapping {
  const mapping: PairMapping = {};
  const squashed = headers.map(squash);
  for (const field of PAIR_FIELDS) {
    const index = squashed.findIndex((h, i) => ALIASES[field].includes(h) && !Object.values(mapping).includes(i));
    if (index >= 0) mapping[field] = index;
  }
  return mapping;
}

/** A row that passed every check, as the worker writes it. */
export interface PairRow {
  line: number;
  mentorId: string;
  menteeId: string;
  /** The cells as written, for the report. */
  mentor: string;
  mentee: string;
  startedOn: string;
  plannedEndOn: string;
  goals: string[];
  /** ISO date-times, oldest first. */
  meetings: string[];
}

/** What the checks read: the program's enrolled people, their running pairs, and who is who. */
export interface PairContext {
  program: Program;
  /** By lower-case e-mail and by lower-case employee id. */
  people: Map<string, Person>;
  enrolments: Map<string, { mentor?: Enrolment; mentee?: Enrolment }>;
  /** Running pairs (active or paused) of the program. */
  running: Mentorship[];
  /** e-mail → manager's e-mail, for everyone the program knows. */
  managerOf: Map<string, string | null>;
  /** Identifiers not among the program's people: someone in the organisation, or no one. */
  outside: Map<string, 'NOT_ENROLLED' | 'UNKNOWN'>;
}

const problem = (code: string, params: Record<string, string | number> = {}): RowProblem => ({ code, params });

/** YYYY-MM-DD, an ISO date-time, or a day-first date (31-12-2025, 31/12/2025, 31.12.2025). */
export function parseDate(text: string): { day: string; at: string | null } | null {
  const value = text.trim();
  let y: number;
  let m: number;
  let d: number;
  let at: string | null = null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))?$/.exec(value);
  const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (iso[4]) {
      const parsed = new Date(value);
      if (Number.isNaN(parsed.getTime())) return null;
      at = parsed.toISOString();
    }
  } else if (dayFirst) {
    [d, m, y] = [Number(dayFirst[1]), Number(dayFirst[2]), Number(dayFirst[3])];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1990) return null;
  return { day: date.toISOString().slice(0, 10), at };
}

const list = (cell: string): string[] =>
  cell
    .split(/[;|\n]/)
    .map((v) => v.trim())
    .filter(Boolean);

const addMonths = (day: string, months: number): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
};

/**
 * Checks every row, in file order, against the program and against the rows before it: a mentor's
 * places are counted with the pairs already taken from the file, a mentee is in one pair at a time.
 */
export function readPairRows(
  table: { headers: string[]; rows: string[][] },
  mapping: PairMapping,
  context: PairContext,
  now: Date,
): { accepted: PairRow[]; rejected: RejectedRow[]; existing: number } {
  const accepted: PairRow[] = [];
  const rejected: RejectedRow[] = [];
  const today = now.toISOString().slice(0, 10);
  const nowIso = now.toISOString();
  const load = new Map<string, number>();
  const menteeLine = new Map<string, number>();
  const pairLine = new Map<string, number>();
  let existing = 0;
  table.rows.forEach((cells, i) => {
    const line = i + 2;
    const cell = (field: PairField): string => {
      const index = mapping[field];
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const problems: RowProblem[] = [];
    const who = (side: 'mentor' | 'mentee'): { person: Person; enrolment: Enrolment } | null => {
      const value = cell(side);
      if (!value) {
        problems.push(problem('missing', { field: side }));
        return null;
      }
      const key = value.includes('@') ? normaliseEmail(value) : value.toLowerCase();
      const person = context.people.get(key);
      const enrolment = person ? context.enrolments.get(person.id)?.[side] : undefined;
      if (!person || !enrolment || enrolment.status === 'WITHDRAWN') {
        const known = person ? 'NOT_ENROLLED' : (context.outside.get(key) ?? 'UNKNOWN');
        problems.push(problem(known === 'UNKNOWN' ? 'unknownPerson' : 'notEnrolled', { side, value }));
        return null;
      }
      return { person, enrolment };
    };
    const mentor = who('mentor');
    const mentee = who('mentee');

    const date = (field: 'startDate' | 'plannedEnd') => {
      const value = cell(field);
      if (!value) {
        if (field === 'startDate') problems.push(problem('missing', { field }));
        return null;
      }
      const parsed = parseDate(value);
      if (!parsed) problems.push(problem('badDate', { field, value }));
      return parsed;
    };
    const start = date('startDate');
    const end = date('plannedEnd');
    if (start && start.day > today) problems.push(problem('futureDate', { field: 'startDate', value: cell('startDate') }));
    if (start && end && end.day <= start.day) problems.push(problem('endBeforeStart', { start: start.day, end: end.day }));

    const meetings: string[] = [];
    const meetingCells = list(cell('meetings'));
    if (meetingCells.length > MAX_MEETINGS) problems.push(problem('tooManyMeetings', { max: MAX_MEETINGS }));
    for (const value of meetingCells) {
      const parsed = parseDate(value);
      if (!parsed) {
        problems.push(problem('badDate', { field: 'meetings', value }));
        continue;
      }
      const at = parsed.at ?? `${parsed.day}T00:00:00.000Z`;
      if (parsed.day > today || at > nowIso) problems.push(problem('futureDate', { field: 'meetings', value }));
      else if (start && parsed.day < start.day) problems.push(problem('meetingBeforeStart', { value, start: start.day }));
      else if (!meetings.includes(at)) meetings.push(at);
    }
    meetings.sort();

    const goals = [...new Set(list(cell('goals')))];
    if (goals.length > MAX_GOALS) problems.push(problem('tooManyGoals', { max: MAX_GOALS }));
    for (const goal of goals) if (goal.length > 200) problems.push(problem('goalTooLong', { max: 200 }));

    if (mentor && mentee) {
      const pairKey = `${mentor.person.id}|${mentee.person.id}`;
      const already =
        start &&
        context.running.find(
          (p) => p.mentorId === mentor.person.id && p.menteeId === mentee.person.id && p.startedAt.slice(0, 10) === start.day,
        );
      if (mentor.person.id === mentee.person.id) problems.push(problem('samePerson', { value: cell('mentor') }));
      else if (pairLine.has(pairKey)) problems.push(problem('duplicatePair', { line: pairLine.get(pairKey) ?? 0 }));
      else if (!already) {
        const line2 = menteeLine.get(mentee.person.id);
        if (line2) problems.push(problem('menteeInPair', { mentee: cell('mentee'), line: line2 }));
        else if (mentee.enrolment.activeMentorships > 0) problems.push(problem('menteeInPair', { mentee: cell('mentee'), line: 0 }));
        const taken = load.get(mentor.person.id) ?? mentor.enrolment.activeMentorships;
        if (taken >= (mentor.enrolment.capacity ?? 0))
          problems.push(problem('mentorFull', { mentor: cell('mentor'), capacity: mentor.enrolment.capacity ?? 0 }));
        const lineAbove = (a: Person, b: Person) => managersAbove(a.email, context.managerOf).has(b.email);
        if (lineAbove(mentee.person, mentor.person) || lineAbove(mentor.person, mentee.person))
          problems.push(problem('reportingLine', { mentor: cell('mentor'), mentee: cell('mentee') }));
      }
      if (problems.length === 0) {
        pairLine.set(pairKey, line);
        menteeLine.set(mentee.person.id, line);
        if (already) existing++;
        else load.set(mentor.person.id, (load.get(mentor.person.id) ?? mentor.enrolment.activeMentorships) + 1);
      }
    }

    if (problems.length > 0 || !mentor || !mentee || !start) {
      rejected.push({
        kind: 'REJECTED',
        line,
        externalId: null,
        email: null,
        name: `${cell('mentor') || '?'} → ${cell('mentee') || '?'}`,
        reasons: [],
        problems,
      });
      return;
    }
    accepted.push({
      line,
      mentorId: mentor.person.id,
      menteeId: mentee.person.id,
      mentor: cell('mentor'),
      mentee: cell('mentee'),
      startedOn: start.day,
      plannedEndOn: end?.day ?? addMonths(start.day, context.program.durationMonths),
      goals,
      meetings,
    });
  });
  return { accepted, rejected, existing };
}

export interface PairImportRequest {
  programId: string;
  table: { headers: string[]; rows: string[][]; delimiter: string };
  fileName?: string | null;
}

type PairImportDeps = ImportDeps & { mentorships: MentorshipStore };

/** Everything the checks need, in a few reads: the program's enrolments and people, its running pairs. */
async function contextFor(
  deps: PairImportDeps,
  tenantId: string,
  program: Program,
  table: PairImportRequest['table'],
  mapping: PairMapping,
) {
  const enrolmentList = await deps.people.allEnrolments(tenantId, program.id);
  const ids = [...new Set(enrolmentList.map((e) => e.personId))];
  const [peopleById, active, paused] = await Promise.all([
    deps.people.getPeople(tenantId, ids),
    allPages((page) => deps.mentorships.listMentorships(tenantId, program.id, { status: 'ACTIVE' }, page)),
    allPages((page) => deps.mentorships.listMentorships(tenantId, program.id, { status: 'PAUSED' }, page)),
  ]);
  const people = new Map<string, Person>();
  const enrolments = new Map<string, { mentor?: Enrolment; mentee?: Enrolment }>();
  const managerOf = new Map<string, string | null>();
  for (const person of peopleById.values()) {
    people.set(normaliseEmail(person.email), person);
    if (person.externalId) people.set(person.externalId.trim().toLowerCase(), person);
    managerOf.set(person.email, person.managerEmail);
  }
  for (const e of enrolmentList) {
    const entry = enrolments.get(e.personId) ?? {};
    entry[e.role === 'MENTOR' ? 'mentor' : 'mentee'] = e;
    enrolments.set(e.personId, entry);
  }
  // Those the program does not know: someone else in the organisation, or no one. One look-up each.
  const outside = new Map<string, 'NOT_ENROLLED' | 'UNKNOWN'>();
  const unknown = new Set<string>();
  for (const cells of table.rows) {
    for (const side of ['mentor', 'mentee'] as const) {
      const index = mapping[side];
      const value = index === undefined ? '' : (cells[index] ?? '').trim();
      const key = value.includes('@') ? normaliseEmail(value) : value.toLowerCase();
      if (value && !people.has(key)) unknown.add(value);
    }
  }
  const queue = [...unknown].slice(0, 500);
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let value = queue.shift(); value !== undefined; value = queue.shift()) {
        const found = value.includes('@')
          ? await deps.people.findPerson(tenantId, { email: normaliseEmail(value) })
          : ((await deps.people.findPerson(tenantId, { externalId: value })) ??
            (await deps.people.findPerson(tenantId, { externalId: value.toUpperCase() })));
        outside.set(value.includes('@') ? normaliseEmail(value) : value.toLowerCase(), found ? 'NOT_ENROLLED' : 'UNKNOWN');
      }
    }),
  );
  return { program, people, enrolments, running: [...active, ...paused], managerOf, outside };
}

async function read(deps: PairImportDeps, scope: Scope, request: PairImportRequest) {
  const program = await deps.programs.getProgram(scope.tenantId, request.programId);
  if (!program) throw notFound('Program');
  const checks = new Checks();
  if (request.table.rows.length === 0) checks.fail('csv', 'empty', 'has no rows under its header');
  if (request.table.rows.length > MAX_PAIR_ROWS) checks.fail('csv', 'tooMany', `has more than ${MAX_PAIR_ROWS} rows; split the file`);
  const mapping = suggestPairMapping(request.table.headers);
  for (const field of REQUIRED_PAIR_FIELDS) {
    if (mapping[field] === undefined)
      checks.fail(`mapping.${field}`, 'required', `no column holds the ${field}; name one "${ALIASES[field][0]}"`);
  }
  checks.done();
  const context = await contextFor(deps, scope.tenantId, program, request.table, mapping);
  const result = readPairRows(request.table, mapping, context, scope.now);
  return { program, mapping, headers: request.table.headers, total: request.table.rows.length, ...result };
}

/** Reads the file as the import would, without writing: the console's and the CLI's preview. */
export async function previewPairImport(deps: PairImportDeps, scope: Scope, request: PairImportRequest) {
  requireRole(scope.actor, 'import pairs', 'manager');
  return read(deps, scope, request);
}

/** Starts a pair import: every row checked now, the good ones stored in chunks for the jobs worker. */
export async function startPairImport(
  deps: PairImportDeps,
  scope: Scope,
  request: PairImportRequest,
  idempotencyKey?: string | null,
): Promise<ImportJob> {
  requireRole(scope.actor, 'import pairs', 'manager');
  const program = await deps.programs.getProgram(scope.tenantId, request.programId);
  if (!program) throw notFound('Program');
  if (program.status === 'CLOSED' || program.status === 'DRAFT')
    throw new DomainError(ErrorCode.CONFLICT, 'conflict.state', { type: 'Program', from: program.status, to: 'pairing' });
  const checks = new Checks();
  const fileName = checks.text('fileName', request.fileName ?? 'pairs.csv', { max: 200 });
  checks.done();
  const result = await read(deps, scope, request);
  const { job, chunks } = newImportJob(scope, deps.newId, {
    programId: program.id,
    kind: 'PAIRS',
    fileName,
    total: result.total,
    accepted: result.accepted,
    rejected: result.rejected.length,
    warnings: 0,
    chunkRows: PAIR_CHUNK_ROWS,
  });
  const created = await idempotent(
    deps,
    scope,
    idempotencyKey,
    'startPairImport',
    { programId: program.id, fileName, rows: request.table.rows.length },
    job.id,
    async (record) => {
      const { id, total, accepted, rejected } = job;
      const audit = auditEntry(scope, deps.newId, 'import.pairs.start', { type: 'Program', id: program.id }, null, {
        import: { id, fileName, total, accepted, rejected },
      });
      await deps.imports.createImport(job, chunks, result.rejected, audit, record);
      return job;
    },
    async (id) => (await deps.imports.getImport(scope.tenantId, id)) ?? Promise.reject(notFound('ImportJob')),
  );
  if (created.status === 'QUEUED' && created.id === job.id)
    await deps.jobs.enqueue({ kind: 'pairImport', tenantId: scope.tenantId, id: job.id });
  return created;
}

const meetingOf = (scope: Scope, deps: Pick<PairImportDeps, 'newId'>, mentorshipId: string, heldAt: string): Meeting => ({
  id: deps.newId(),
  tenantId: scope.tenantId,
  mentorshipId,
  kind: 'MEETING',
  heldAt,
  ...IMPORTED_MEETING,
  topics: [],
  privateNotes: null,
  loggedBy: scope.actor.id,
  loggedAt: scope.now.toISOString(),
});

const goalOf = (scope: Scope, deps: Pick<PairImportDeps, 'newId'>, mentorshipId: string, title: string): Goal => ({
  id: deps.newId(),
  tenantId: scope.tenantId,
  mentorshipId,
  title,
  why: null,
  targetDate: null,
  status: 'OPEN',
  progress: 0,
  notes: [],
  createdAt: scope.now.toISOString(),
  updatedAt: scope.now.toISOString(),
  version: 1,
});

/**
 * One row: the pair started on its day with its meetings and goals, or, when it was imported before
 * (found among the mentee's pairs by mentor and start day), only what it lacks. Running it twice
 * changes nothing the second time: a re-import or a resumed job is safe.
 */
async function writePairRow(deps: PairImportDeps, scope: Scope, program: Program, row: PairRow, jobId: string): Promise<Outcome> {
  const t = scope.tenantId;
  const running = (await deps.mentorships.mentorshipsOf(t, row.menteeId)).find(
    (m) =>
      m.programId === program.id &&
      m.mentorId === row.mentorId &&
      m.startedAt.slice(0, 10) === row.startedOn &&
      (m.status === 'ACTIVE' || m.status === 'PAUSED'),
  );
  if (running) {
    const [meetings, goals] = await Promise.all([deps.mentorships.listMeetings(t, running.id), deps.mentorships.listGoals(t, running.id)]);
    const held = new Set(meetings.map((m) => m.heldAt));
    const titled = new Set(goals.map((g) => g.title.toLowerCase()));
    const newMeetings = row.meetings.filter((at) => !held.has(at)).map((at) => meetingOf(scope, deps, running.id, at));
    const newGoals = row.goals.filter((title) => !titled.has(title.toLowerCase())).map((title) => goalOf(scope, deps, running.id, title));
    if (newMeetings.length === 0 && newGoals.length === 0) return 'unchanged';
    const latest = newMeetings.at(-1)?.heldAt ?? null;
    const lastContactAt = latest && (!running.lastContactAt || latest > running.lastContactAt) ? latest : running.lastContactAt;
    const after = { ...running, lastContactAt };
    const stats = statsChange(program.id, { meetings: newMeetings.length }, moveSlot(healthSlot(running), healthSlot(after)));
    const audit = auditEntry(scope, deps.newId, 'mentorship.import', { type: 'Mentorship', id: running.id }, null, {
      import: { id: jobId, meetings: newMeetings.map((m) => m.heldAt), goals: newGoals.map((g) => g.title) },
    });
    await deps.mentorships.addHistory({ ...running, lastContactAt }, newMeetings, newGoals, stats, audit);
    return 'updated';
  }
  const enrolled = await enrolledPair(deps.people, t, program.id, row);
  const history: PairHistory = {
    plannedEndOn: row.plannedEndOn,
    lastContactAt: row.meetings.at(-1) ?? null,
    meetingCount: row.meetings.length,
  };
  const start = pairStartOf(deps, scope, program, enrolled, `${row.startedOn}T00:00:00.000Z`, { kind: 'IMPORT', id: jobId }, history);
  const id = start.mentorship.id;
  await deps.mentorships.startImportedPair(
    { ...start, source: null },
    row.meetings.map((at) => meetingOf(scope, deps, id, at)),
    row.goals.map((title) => goalOf(scope, deps, id, title)),
  );
  return 'created';
}

/** The jobs worker's part of a pair import (see `runChunks`). */
export function runPairImport(deps: PairImportDeps, tenantId: string, id: string, clock: () => Date, worker: string) {
  return runChunks<PairRow>(deps, tenantId, id, clock, worker, {
    write: (scope, program, row) => writePairRow(deps, scope, program, row, id),
    failure: (row, e) => ({
      kind: 'FAILED',
      line: row.line,
      externalId: null,
      email: null,
      name: `${row.mentor} → ${row.mentee}`,
      reasons: [],
      problems: [problem('write', { key: e.key, ...e.params })],
    }),
  });
}
