import { countOf } from '#domain/kernel/index.ts';
import { PAIR_FIELDS, type PairImportRequest, previewPairImport, startPairImport } from '#domain/mentorships/index.ts';
import {
  type ColumnMapping,
  exportParticipants,
  exportPeople,
  getImport,
  type IdentityDecision,
  type ImportField,
  type ImportRequest,
  importProblemsOf,
  type ParticipantRole,
  previewImport,
  programImports,
  READ_IMPORTS,
  startImport,
} from '#domain/people/index.ts';
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
  defaultRole?: ParticipantRole | null;
  fileName?: string | null;
  identityChanges?: { line: number; decision: IdentityDecision }[] | null;
}): ImportRequest {
  const mapping: ColumnMapping = {};
  for (const m of args.mapping ?? []) mapping[toField(m.field)] = m.column;
  return {
    programId: localId(args.programId, 'Program'),
    table: parseCsv(args.csv),
    mapping,
    defaultRole: args.defaultRole ?? null,
    fileName: args.fileName ?? null,
    identityChanges: args.identityChanges ?? null,
  };
}

function pairRequest(args: { programId: string; csv: string; fileName?: string | null }): PairImportRequest {
  return { programId: localId(args.programId, 'Program'), table: parseCsv(args.csv), fileName: args.fileName ?? null };
}

export const importResolvers: Resolvers = {
  Query: {
    previewImport: async (_parent, args, ctx) => {
      const preview = await previewImport(ctx.ports, ctx.scope('import participants'), request(args));
      const rows = new Map(preview.accepted.map((r) => [r.line, r]));
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
        actions: {
          create: preview.plans.filter((p) => p.action === 'CREATE').length,
          update: preview.plans.filter((p) => p.action === 'UPDATE').length,
          unchanged: preview.plans.filter((p) => p.action === 'UNCHANGED').length,
          identityChanges: preview.plans.filter((p) => p.identityChange).length,
        },
        changes: preview.plans
          .filter((p) => p.identityChange || p.action === 'UPDATE')
          .sort((x, y) => Number(y.identityChange) - Number(x.identityChange) || x.line - y.line)
          .map((p) => {
            const row = rows.get(p.line);
            return {
              line: p.line,
              action: p.action,
              name: row ? `${row.person.givenName} ${row.person.familyName}` : '',
              email: row?.person.email ?? '',
              currentName: p.existing?.displayName ?? null,
              currentEmail: p.existing?.email ?? null,
              currentExternalId: p.existing?.externalId ?? null,
              identityChange: p.identityChange,
              emptyCells: p.emptyCells,
              changes: p.changes.map((c) => ({ ...c, field: toEnum(c.field) })),
            };
          }),
      };
    },
    previewPairImport: async (_parent, args, ctx) => {
      const table = parseCsv(args.csv);
      const preview = await previewPairImport(ctx.ports, ctx.scope('import pairs'), pairRequest(args));
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
    importJob: (_parent, { id }, ctx) => getImport(ctx.ports, ctx.scope('read imports'), localId(id, 'ImportJob')),
    peopleCsv: async (_parent, { filter }, ctx) => {
      const table = await exportPeople(ctx.ports, ctx.scope('export people'), filter ?? {});
      return toCsv(table.headers, table.rows);
    },
  },
  Mutation: {
    startImport: (_parent, args, ctx) => startImport(ctx.ports, ctx.scope('import participants'), request(args), args.idempotencyKey),
    startPairImport: (_parent, args, ctx) => startPairImport(ctx.ports, ctx.scope('import pairs'), pairRequest(args), args.idempotencyKey),
  },
  Program: {
    imports: async (program, args, ctx) => {
      const scope = ctx.scope(READ_IMPORTS);
      const filters = { program: program.id };
      const req = pageRequest(ctx, 'imports', args, filters);
      return toConnection(
        ctx,
        'imports',
        await programImports(ctx.ports, scope, program, req),
        filters,
        countOf(ctx.ports, 'imports', program.tenantId, program.id),
      );
    },
    participantsCsv: async (program, { filter }, ctx) => {
      const table = await exportParticipants(ctx.ports, ctx.scope('export participants'), program, filter ?? {});
      return toCsv(table.headers, table.rows);
    },
  },
  ImportJob: {
    id: (job) => toGlobalId('ImportJob', job.id),
    kind: (job) => (job.kind === 'PAIRS' ? 'PAIRS' : 'PARTICIPANTS'),
    program: (job, _args, ctx) => programOf(ctx, job.programId),
    progress: (job) => (job.accepted === 0 ? 1 : Math.min(1, job.processed / job.accepted)),
    problems: (job, _args, ctx) => importProblemsOf(ctx.ports, job),
  },
  ImportProblem: {
    reasons: (row, _args, ctx) => (row.problems ? row.problems.map((p) => rowMessage(ctx.locale, p)) : row.reasons),
    codes: (row) => (row.problems ?? []).map((p) => p.code),
  },
};
