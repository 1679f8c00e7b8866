import {
  EXIT_REASON_CODES,
  type ExitReasonCode,
  type ExitReasonTaxonomy,
  type ExitScope,
  exitReasonTaxonomy,
  getEmployment,
  type RetentionView,
  recordEmployment,
  refreshRetention,
  retentionInsights,
  STANDARD_EXIT_REASONS,
  updateExitReasonTaxonomy,
} from '#domain/insights/index.ts';
import type { Resolvers } from '#generated/resolvers.ts';
import { toCsv } from '#lib/csv.ts';
import type { Context } from '../context.ts';
import { localId } from '../ids.ts';

const label = (code: string, locale: string): string => {
  const standard = STANDARD_EXIT_REASONS[code as ExitReasonCode];
  return standard ? (locale === 'nl' ? standard.nl : standard.en) : code;
};

const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '' : x.toFixed(4));

/** The GraphQL shape of a view: labels in the caller's language, and the CSV of the same figures. */
function toInsights(view: RetentionView, exits: ExitScope, ctx: Context) {
  const f = view.figures;
  const locale = ctx.locale;
  const exitReasons = f ? { ...f.exitReasons, reasons: f.exitReasons.reasons.map((r) => ({ ...r, label: label(r.code, locale) })) } : null;
  const rows: (string | number | null)[][] = [];
  if (f) {
    for (const g of f.groups) {
      rows.push(['group', g.group, 'n', g.n, '', '', '']);
      for (const p of g.curve) rows.push(['retention', g.group, `month ${p.month}`, p.atRisk, pct(p.survival), pct(p.low), pct(p.high)]);
      if (g.promotionsPerPersonYear)
        rows.push([
          'promotions per person-year',
          g.group,
          '',
          g.n,
          pct(g.promotionsPerPersonYear.estimate),
          pct(g.promotionsPerPersonYear.low),
          pct(g.promotionsPerPersonYear.high),
        ]);
    }
    if (f.difference12)
      rows.push([
        '12-month difference',
        'MENTEES - COMPARISON',
        '',
        f.matching.matchedMentees,
        pct(f.difference12.estimate),
        pct(f.difference12.low),
        pct(f.difference12.high),
      ]);
    for (const r of f.exitReasons.reasons) rows.push(['exit reason', r.code, label(r.code, locale), r.count, pct(r.share), '', '']);
    for (const g of f.focus)
      rows.push(['focus area', g.focusArea, g.inProgram ? 'offered' : 'not offered', '', pct(g.leaverShare), pct(g.menteeShare), '']);
  }
  return {
    computedAt: view.snapshot?.computedAt ?? null,
    asOf: view.snapshot?.asOf ?? null,
    exits,
    minimumGroupSize: view.snapshot?.minimumGroupSize ?? 5,
    employees: view.snapshot?.employees ?? 0,
    groups: f?.groups ?? [],
    difference12: f?.difference12 ?? null,
    hazardRatio: f?.hazardRatio ?? null,
    matching: f?.matching ?? null,
    exitReasons,
    focus: f?.focus ?? [],
    suggestion: f?.suggestion ? { ...f.suggestion, label: label(f.suggestion.exitReason, locale) } : null,
    csv: toCsv(['figure', 'group', 'detail', 'n', 'estimate', 'low', 'high'], rows),
  };
}

function taxonomyOut(t: ExitReasonTaxonomy) {
  return {
    reasons: EXIT_REASON_CODES.map((code) => ({
      code,
      labelEn: STANDARD_EXIT_REASONS[code].en,
      labelNl: STANDARD_EXIT_REASONS[code].nl,
      focusAreas: t.focusAreas[code] ?? [],
      keywords: STANDARD_EXIT_REASONS[code].keywords,
    })),
    rules: t.rules,
    version: t.version,
    updatedAt: t.updatedAt,
  };
}

const employmentOut = (e: Awaited<ReturnType<typeof getEmployment>>) =>
  e
    ? {
        hireDate: e.hireDate,
        leaveDate: e.leaveDate,
        leaveType: e.leaveType,
        level: e.level,
        jobChanges: e.jobChanges,
        exitReasonsRecorded: e.exitReasons.length > 0 || e.exitComment !== null,
        updatedAt: e.updatedAt,
      }
    : null;

const programIdOf = (programId: string | null | undefined): string | null => (programId ? localId(programId, 'Program') : null);

export const insightsResolvers: Resolvers = {
  Query: {
    retentionInsights: async (_parent, args, ctx) => {
      const scope = ctx.scope('read retention insights');
      const exits = (args.exits ?? 'VOLUNTARY') as ExitScope;
      // One read of the snapshot per request, however many fields ask (the page's round trips stay constant).
      const view = await retentionInsights(ctx.ports, scope, programIdOf(args.programId), exits, {
        program: (id) => ctx.loaders.program.load(id),
        snapshot: (tenantId) => ctx.loaders.retentionSnapshot.load(tenantId),
      });
      return toInsights(view, exits, ctx);
    },
    exitReasonTaxonomy: async (_parent, _args, ctx) =>
      taxonomyOut(await exitReasonTaxonomy(ctx.ports, ctx.scope('read the exit-reason taxonomy'))),
  },
  Mutation: {
    recordEmployment: async (_parent, { personId, input }, ctx) => {
      const scope = ctx.scope('record HR facts');
      const { record } = await recordEmployment(ctx.ports, scope, localId(personId, 'Person'), input);
      return employmentOut(record) as NonNullable<ReturnType<typeof employmentOut>>;
    },
    updateExitReasonTaxonomy: async (_parent, { version, input }, ctx) =>
      taxonomyOut(await updateExitReasonTaxonomy(ctx.ports, ctx.scope('edit the exit-reason taxonomy'), version, input)),
    refreshRetentionInsights: async (_parent, args, ctx) => {
      const scope = ctx.scope('refresh retention insights');
      const exits = (args.exits ?? 'VOLUNTARY') as ExitScope;
      return toInsights(await refreshRetention(ctx.ports, scope, programIdOf(args.programId), exits), exits, ctx);
    },
  },
  Person: {
    // MANAGER_ONLY (domain/visibility.ts): the guard refuses anyone else before this runs.
    employment: async (person, _args, ctx) => employmentOut(await getEmployment(ctx.ports, ctx.scope('read HR facts'), person.id)),
  },
};
