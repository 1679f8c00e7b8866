import type { Scope } from './actors.ts';
import type { Page, PageRequest } from './pages.ts';

/** One changed field: its value before and after, as stored. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * Who changed what, when. Written in the same transaction as the change itself, so the log can
 * never miss a change nor record one that did not happen.
 */
export interface AuditEntry {
  id: string;
  tenantId: string;
  at: string;
  actorId: string;
  actorRole: string;
  /** e.g. `program.update`, `person.create`, `mentorship.meeting`. */
  action: string;
  entityType: string;
  entityId: string;
  changes: FieldChange[];
}

/** What a reader narrows the log to: who, which action (a prefix: `proposal` or `proposal.approve`), what kind of record, when. */
export interface AuditFilter {
  actorId?: string | null;
  action?: string | null;
  entityType?: string | null;
  /** Instants (ISO 8601), both inclusive. */
  from?: string | null;
  to?: string | null;
}

export interface AuditStore {
  listAudit(
    tenantId: string,
    entity: { type: string; id: string } | null,
    page: PageRequest,
    filter?: AuditFilter,
  ): Promise<Page<AuditEntry>>;
  /** Records an act that changes nothing else (a personal-data export). */
  recordAudit(entry: AuditEntry): Promise<void>;
}

const IGNORED = new Set(['updatedAt', 'version', 'sortKey', 'tenantId']);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The fields that differ between two versions of a record (null before: created; null after: deleted). */
export function diff(before: object | null, after: object | null): FieldChange[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !IGNORED.has(f)).sort();
  return fields
    .filter((f) => !same(b[f] ?? null, a[f] ?? null))
    .map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}

export function auditEntry(
  scope: Scope,
  newId: () => string,
  action: string,
  entity: { type: string; id: string },
  before: object | null,
  after: object | null,
): AuditEntry {
  return {
    id: newId(),
    tenantId: scope.tenantId,
    at: scope.now.toISOString(),
    actorId: scope.actor.id,
    actorRole: scope.actor.role,
    action,
    entityType: entity.type,
    entityId: entity.id,
    changes: diff(before, after),
  };
}
