import type { Scope } from '#domain/kernel/actors.ts';
import { requireRole } from '#domain/kernel/actors.ts';
import type { AuditEntry, AuditFilter, AuditStore } from '#domain/kernel/audit.ts';
import { invalidInput } from '#domain/kernel/errors.ts';
import { allPages, type Page, type PageRequest } from '#domain/kernel/pages.ts';
import { auditView, privacyLookup } from '#domain/kernel/visibility.ts';
import type { ProgramStore } from './programs.ts';

/**
 * Program managers read their organisation's log, or one record's trail, newest first. Each entry's
 * values pass through the same visibility rules as the records they describe (domain/kernel/visibility.ts):
 * a hidden sensitive reason stays hidden in the `person.enrol` that recorded it.
 */
export async function readAuditLog(
  deps: { audit: AuditStore; programs: Pick<ProgramStore, 'listPrograms'> },
  scope: Scope,
  entity: { type: string; id: string } | null,
  page: PageRequest,
  filter: AuditFilter = {},
): Promise<Page<AuditEntry>> {
  requireRole(scope.actor, 'read the audit log', 'manager');
  if (filter.from && filter.to && filter.from > filter.to) {
    throw invalidInput([{ field: 'from', reason: 'The range starts after it ends', rule: 'range' }]);
  }
  const [found, programs] = await Promise.all([
    deps.audit.listAudit(scope.tenantId, entity, page, filter),
    allPages((p) => deps.programs.listPrograms(scope.tenantId, p), 100),
  ]);
  const privacies = privacyLookup(programs);
  return { ...found, items: found.items.map((e) => auditView(e, scope.actor, privacies)) };
}
