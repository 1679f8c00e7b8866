import { reachesProgram, requireRole, type Scope } from '#domain/kernel/actors.ts';
import { type AuditEntry, auditEntry } from '#domain/kernel/audit.ts';
import { forbidden, notFound } from '#domain/kernel/errors.ts';
import { allPages } from '#domain/kernel/pages.ts';
import { authorize } from '#domain/kernel/visibility.ts';
import type { EmploymentStore } from '#domain/people/employment.ts';
import { checkTaxonomy, defaultTaxonomy, type ExitReasonTaxonomy, type TaxonomyInput } from '#domain/people/exitReasons.ts';
import type { PeopleStore } from '#domain/people/people.ts';
import { getProgram, type ProgramStore } from '#domain/programs/programs.ts';
import { computeRetention, type ExitScope, type ProgramInput, type RetentionSnapshot, type ScopeFigures } from './retention.ts';

export interface InsightsStore extends EmploymentStore {
  getTaxonomy(tenantId: string): Promise<ExitReasonTaxonomy | null>;
  /** Replaces the taxonomy at `expectedVersion` (0: none stored yet); CONFLICT otherwise. */
  putTaxonomy(tenantId: string, next: ExitReasonTaxonomy, expectedVersion: number, audit: AuditEntry): Promise<void>;
  getSnapshot(tenantId: string): Promise<RetentionSnapshot | null>;
  putSnapshot(snapshot: RetentionSnapshot): Promise<void>;
}

export interface InsightsDeps {
  insights: InsightsStore;
  people: Pick<PeopleStore, 'getPerson' | 'allEnrolments'>;
  programs: Pick<ProgramStore, 'listPrograms'>;
  newId: () => string;
}

export async function exitReasonTaxonomy(deps: Pick<InsightsDeps, 'insights'>, scope: Scope): Promise<ExitReasonTaxonomy> {
  requireRole(scope.actor, 'read the exit-reason taxonomy', 'manager', 'operator', 'analyst');
  return (await deps.insights.getTaxonomy(scope.tenantId)) ?? defaultTaxonomy();
}

/** A manager remaps codes to focus areas or corrects the free-text rules; the next snapshot uses them. */
export async function updateExitReasonTaxonomy(
  deps: Pick<InsightsDeps, 'insights' | 'programs' | 'newId'>,
  scope: Scope,
  version: number,
  input: TaxonomyInput,
): Promise<ExitReasonTaxonomy> {
  requireRole(scope.actor, 'edit the exit-reason taxonomy', 'manager');
  const current = (await deps.insights.getTaxonomy(scope.tenantId)) ?? defaultTaxonomy();
  const programs = await allPages((page) => deps.programs.listPrograms(scope.tenantId, page), 100);
  const checked = checkTaxonomy(
    current,
    input,
    programs.flatMap((p) => p.focusAreas),
  );
  const next: ExitReasonTaxonomy = { ...checked, updatedAt: scope.now.toISOString(), version: version + 1 };
  const audit = auditEntry(
    scope,
    deps.newId,
    'tenant.exitReasons',
    { type: 'Tenant', id: scope.tenantId },
    { focusAreas: current.focusAreas, rules: current.rules },
    { focusAreas: next.focusAreas, rules: next.rules },
  );
  await deps.insights.putTaxonomy(scope.tenantId, next, version, audit);
  return next;
}

/**
 * The nightly job's work for one tenant: read every HR record (their compact copy, ADR 0078), every program's enrolments and the
 * taxonomy, compute, and store the result as one item the console reads.
 */
export async function takeRetentionSnapshot(deps: InsightsDeps, tenantId: string, now: Date): Promise<RetentionSnapshot> {
  const [employment, programs, taxonomy] = await Promise.all([
    deps.insights.retentionRecords(tenantId),
    allPages((page) => deps.programs.listPrograms(tenantId, page), 100),
    deps.insights.getTaxonomy(tenantId),
  ]);
  const inputs: ProgramInput[] = await Promise.all(
    programs.map(async (program) => ({
      id: program.id,
      focusAreas: program.focusAreas,
      participants: (await deps.people.allEnrolments(tenantId, program.id)).map((e) => ({
        personId: e.personId,
        // A peer is helped as a mentee is: peers count with the mentees.
        role: e.role === 'PEER' ? ('MENTEE' as const) : e.role,
        since: e.enrolledAt,
        reasons: e.reasons,
      })),
    })),
  );
  const snapshot = computeRetention({ tenantId, asOf: now, employment, programs: inputs, taxonomy: taxonomy ?? defaultTaxonomy() }, now);
  await deps.insights.putSnapshot(snapshot);
  return snapshot;
}

export interface RetentionView {
  figures: ScopeFigures | null;
  snapshot: RetentionSnapshot | null;
}

/** What the page shows: the stored snapshot's figures for the organisation or one program. Managers only. */
export async function retentionOf(
  deps: Pick<InsightsDeps, 'insights'>,
  scope: Scope,
  programId: string | null,
  exits: ExitScope,
  load: (tenantId: string) => Promise<RetentionSnapshot | null> = (t) => deps.insights.getSnapshot(t),
): Promise<RetentionView> {
  requireRole(scope.actor, 'read retention insights', 'manager', 'operator', 'analyst');
  const snapshot = await load(scope.tenantId);
  if (!snapshot) return { figures: null, snapshot: null };
  const figures = programId === null ? snapshot.organisation[exits] : (snapshot.programs[programId]?.[exits] ?? null);
  return { figures, snapshot };
}

const READ_RETENTION = 'read retention insights';

/** A program the caller asks figures for must be one they reach (a key for one program: only that one). */
function reachable(scope: Scope, programId: string | null): void {
  if (programId !== null && !reachesProgram(scope.actor, programId)) throw forbidden(READ_RETENTION);
}

/**
 * The page's figures for the organisation or one program. `load.program` finds the program (null:
 * NOT_FOUND), `load.snapshot` reads the stored snapshot once per request however many fields ask.
 */
export async function retentionInsights(
  deps: Pick<InsightsDeps, 'insights'>,
  scope: Scope,
  programId: string | null,
  exits: ExitScope,
  load: { program: (id: string) => Promise<unknown>; snapshot: (tenantId: string) => Promise<RetentionSnapshot | null> },
): Promise<RetentionView> {
  authorize(scope.actor, READ_RETENTION);
  reachable(scope, programId);
  if (programId !== null && !(await load.program(programId))) throw notFound('Program');
  return retentionOf(deps, scope, programId, exits, load.snapshot);
}

/** A manager recomputes the snapshot now, then reads it as the page does. */
export async function refreshRetention(
  deps: InsightsDeps & { programs: ProgramStore },
  scope: Scope,
  programId: string | null,
  exits: ExitScope,
): Promise<RetentionView> {
  authorize(scope.actor, 'refresh retention insights');
  reachable(scope, programId);
  // A program of another tenant (or none) is not found, before any work.
  if (programId !== null) await getProgram(deps, scope, programId);
  const snapshot = await takeRetentionSnapshot(deps, scope.tenantId, scope.now);
  return retentionOf(deps, scope, programId, exits, async () => snapshot);
}
