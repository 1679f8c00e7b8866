import { requireRole } from '#domain/kernel/actors.ts';
import { PAIR_FIELDS, type PairImportRequest, previewPairImport, startPairImport } from '#domain/mentorships/pairImports.ts';
import { exportParticipants, exportPeople } from '#domain/people/exports.ts';
import { getImport, type ImportRequest, previewImport, startImport } from '#domain/people/importJobs.ts';
import type { ColumnMapping, ImportField } from '#domain/people/imports.ts';
import type { ColumnAssignmentInput, ImportField as ImportFieldEnum, Resolvers } from '#generated/resolvers.ts';
import { parseCsv, toCsv } from '#lib/csv.ts';
import { pageRequest, toConnection } from '../connections.ts';
import { localId, toGlobalId } from '../ids.ts';
import { rowMessage } from '../rowMessages.ts';
import { programOf } from './load.ts';

const toField = (e: ImportFieldEnum): ImportField =>
  e.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()) as ImportField;
const toEnum = (f: string): ImportFieldEnum => f.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase() as ImportFieldEnum;

function request(args: {
  programId: string;
  csv: string;
  mapping?: ColumnAssignmentInput[] | null;
  defaultRole?: 'MENTOR' | 'MENTEE' | null;
  fileName?: string | null;
}): ImportRequest {
  const mapping: ColumnMapping = {};
  for (const m of args.mapping ?? []) mapping[toField(m.field)] = m.column;
  return {
    programId: localId(args.programId, 'Program'),
    table: parseCsv(args.csv),
    mapping,
    defaultRole: args.defaultRole ?? null,
    fileName: args.fileName ?? null,
  };
}

function pairRequest(args: { programId: string; csv: string; fileName?: string | null }): PairImportRequest {
  return { programId: localId(args.programId, 'Program'), table: parseCsv(args.csv), fileName: args.fileName ?? null };
}

export const importResolvers: Resolvers = {
  Query: {
    previewImport: async (_parent, args, ctx) => {
      const preview = await previewImport(ctx.services, ctx.scope('import participants'), request(args));
      return {
        delimiter: preview.delimiter,
        headers: preview.headers,
        mapping: Object.entries(preview.mapping).map(([field, column]) => ({
          field: toEnum(field),
          column,
          header: preview.headers[column] ?? '',
        })),
        total: preview.total,
        accepted: preview.accepted.length,
        rejected: preview.rejected,
        warnings: preview.warnings,
        sample: preview.accepted.slice(0, 5).map((r) => ({
          line: r.line,
          name: `${r.person.givenName} ${r.person.familyName}`,
          email: r.person.email.trim().toLowerCase(),
          roles: r.roles,
          reasons: r.enrolment.reasons,
        })),
      };
    },
    previewPairImport: async (_parent, args, ctx) => {
      const table = parseCsv(args.csv);
      const preview = await previewPairImport(ctx.services, ctx.scope('import pairs', 'manager'), pairRequest(args));
      return {
        delimiter: table.delimiter,
        headers: preview.headers,
        columns: PAIR_FIELDS.map((field) => {
          const column = preview.mapping[field];
          return column === undefined ? '' : (preview.headers[column] ?? '');
        }),
        total: preview.total,
        accepted: preview.accepted.length,
        alreadyImported: preview.existing,
        rejected: preview.rejected,
        sample: preview.accepted.slice(0, 5).map((r) => ({
          line: r.line,
          mentor: r.mentor,
          mentee: r.mentee,
          startedOn: r.startedOn,
          plannedEndOn: r.plannedEndOn,
          goals: r.goals,
          meetings: r.meetings.length,
          lastMeetingOn: r.meetings.at(-1)?.slice(0, 10) ?? null,
        })),
      };
    },
    importJob: (_parent, { id }, ctx) => getImport(ctx.services, ctx.scope('read imports'), localId(id, 'ImportJob')),
    peopleCsv: async (_parent, { filter }, ctx) => {
      const table = await exportPeople(ctx.services, ctx.scope('export people'), filter ?? {});
      return toCsv(table.headers, table.rows);
    },
  },
  Mutation: {
    startImport: (_parent, args, ctx) => startImport(ctx.services, ctx.scope('import participants'), request(args), args.idempotencyKey),
    startPairImport: (_parent, args, ctx) =>
      startPairImport(ctx.services, ctx.scope('import pairs', 'manager'), pairRequest(args), args.idempotencyKey),
  },
  Program: {
    imports: async (program, args, ctx) => {
      requireRole(ctx.actor, 'read imports', 'manager');
      const filters = { program: program.id };
      const req = pageRequest(ctx, 'imports', args, filters);
      const page = await ctx.services.imports.listImports(program.tenantId, program.id, req);
      return toConnection(ctx, 'imports', page, filters, () => ctx.services.counts.imports(program.tenantId, program.id));
    },
    participantsCsv: async (program, { filter }, ctx) => {
      const table = await exportParticipants(ctx.services, ctx.scope('export participants'), program, filter ?? {});
      return toCsv(table.headers, table.rows);
    },
  },
  ImportJob: {
    id: (job) => toGlobalId('ImportJob', job.id),
    kind: (job) => (job.kind === 'PAIRS' ? 'PAIRS' : 'PARTICIPANTS'),
    program: (job, _args, ctx) => programOf(ctx, job.programId),
    progress: (job) => (job.accepted === 0 ? 1 : Math.min(1, job.processed / job.accepted)),
    problems: (job, _args, ctx) => ctx.services.imports.importProblems(job.tenantId, job.id),
  },
  ImportProblem: {
    reasons: (row, _args, ctx) => (row.problems ? row.problems.map((p) => rowMessage(ctx.locale, p)) : row.reasons),
    codes: (row) => (row.problems ?? []).map((p) => p.code),
  },
};
