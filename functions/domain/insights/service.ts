import type { Scope } from '../actors.ts';
import { requireRole } from '../actors.ts';
import { type AuditEntry, auditEntry } from '../audit.ts';
import { notFound } from '../errors.ts';
import { allPages } from '../pages.ts';
import type { PeopleStore, Person } from '../people.ts';
import type { ProgramStore } from '../programs.ts';
import { checkEmployment, type Employment, type EmploymentInput, type EmploymentStore } from './employment.ts';
import { computeRetention, type ExitScope, type ProgramInput, type RetentionSnapshot, type ScopeFigures } from './retention.ts';
import { checkTaxonomy, defaultTaxonomy, type ExitReasonTaxonomy, type TaxonomyInput } from './taxonomy.ts';

export interface InsightsStore extends EmploymentStore {
  /** Writes the record with its audit entry (one transaction). */
  recordEmployment(record: Employment, audit: AuditEntry): Promise<void>;
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

const audited = (e: Pick<Employment, 'hireDate' | 'leaveDate' | 'leaveType' | 'level' | 'jobChanges'> | null) =>
  e ? { hireDate: e.hireDate, leaveDate: e.leaveDate, leaveType: e.leaveType, level: e.level, jobChanges: e.jobChanges.length } : null;

/**
 * Records a person's HR facts (managers; the people import calls it for each row with HR columns).
 * Exit reasons are written, never read back one person at a time: they reach anyone only as the
 * snapshot's counts of at least five (ADR 0049), so the audit entry says that they changed, not what.
 */
export async function recordEmployment(
  deps: Pick<InsightsDeps, 'insights' | 'people' | 'newId'>,
  scope: Scope,
  personOrId: Person | string,
  input: EmploymentInput,
): Promise<{ record: Employment; changed: boolean }> {
  requireRole(scope.actor, 'record HR facts', 'manager', 'operator');
  const person = typeof personOrId === 'string' ? await deps.people.getPerson(scope.tenantId, personOrId) : personOrId;
  if (!person) throw notFound('Person');
  const facts = checkEmployment(input);
  const current = await deps.insights.getEmployment(scope.tenantId, person.id);
  const record: Employment = {
    tenantId: scope.tenantId,
    personId: person.id,
    ...facts,
    department: person.department,
    location: person.location,
    updatedAt: scope.now.toISOString(),
  };
  const same = (e: Employment) => JSON.stringify({ ...e, updatedAt: '' }) === JSON.stringify({ ...record, updatedAt: '' });
  if (current && same(current)) return { record: current, changed: false };
  const exitsChanged =
    JSON.stringify([current?.exitReasons ?? [], current?.exitComment ?? null]) !== JSON.stringify([record.exitReasons, record.exitComment]);
  const audit = auditEntry(scope, deps.newId, 'person.employment', { type: 'Person', id: person.id }, audited(current), {
    ...audited(record),
    ...(exitsChanged ? { exitReasonsChanged: true } : {}),
  });
  await deps.insights.recordEmployment(record, audit);
  return { record, changed: true };
}

export async function getEmployment(deps: Pick<InsightsDeps, 'insights'>, scope: Scope, personId: string): Promise<Employment | null> {
  requireRole(scope.actor, 'read HR facts', 'manager', 'operator');
  return deps.insights.getEmployment(scope.tenantId, personId);
}

export async function exitReasonTaxonomy(deps: Pick<InsightsDeps, 'insights'>, scope: Scope): Promise<ExitReasonTaxonomy> {
  requireRole(scope.actor, 'read the exit-reason taxonomy', 'manager', 'operator');
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
 * The nightly job's work for one tenant: read every HR record, every program's enrolments and the
 * taxonomy, compute, and store the result as one item the console reads.
 */
export async function takeRetentionSnapshot(deps: InsightsDeps, tenantId: string, now: Date): Promise<RetentionSnapshot> {
  const [employment, programs, taxonomy] = await Promise.all([
    deps.insights.allEmployment(tenantId),
    allPages((page) => deps.programs.listPrograms(tenantId, page), 100),
    deps.insights.getTaxonomy(tenantId),
  ]);
  const inputs: ProgramInput[] = await Promise.all(
    programs.map(async (program) => ({
      id: program.id,
      focusAreas: program.focusAreas,
      participants: (await deps.people.allEnrolments(tenantId, program.id)).map((e) => ({
        personId: e.personId,
        role: e.role,
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
  requireRole(scope.actor, 'read retention insights', 'manager', 'operator');
  const snapshot = await load(scope.tenantId);
  if (!snapshot) return { figures: null, snapshot: null };
  const figures = programId === null ? snapshot.organisation[exits] : (snapshot.programs[programId]?.[exits] ?? null);
  return { figures, snapshot };
}
