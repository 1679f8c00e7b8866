import type { Scope } from './actors.ts';
import { requireRole } from './actors.ts';
import { type AuditEntry, type AuditStore, auditEntry } from './audit.ts';
import { DomainError, ErrorCode, notFound } from './errors.ts';
import type { Meeting, Mentorship } from './mentorships.ts';
import { allPages } from './pages.ts';
import type { Enrolment, PeopleStore, Person } from './people.ts';
import type { ProgramStore } from './programs.ts';
import { Checks } from './validation.ts';
import { personalExportView, privacyLookup } from './visibility.ts';

/** Everything Kindling holds about one person, as a machine-readable export. */
export interface PersonalRecord {
  person: Person | null;
  enrolments: Enrolment[];
  mentorships: Mentorship[];
  meetings: Meeting[];
  audit: AuditEntry[];
}

export interface ErasureMarker {
  tenantId: string;
  personId: string;
  pseudonym: string;
  erasedAt: string;
  erasedBy: string;
  reason: string;
}

export interface ErasureCounts {
  enrolments: number;
  mentorships: number;
  meetings: number;
  auditEntries: number;
}

export interface PrivacyStore {
  collectPersonalData(tenantId: string, personId: string): Promise<PersonalRecord>;
  erasureOf(tenantId: string, personId: string): Promise<ErasureMarker | null>;
  /** Deletes the profile and its e-mail and employee-id claims and writes the marker and audit entry, in one transaction. */
  eraseProfile(person: Person, marker: ErasureMarker, audit: AuditEntry): Promise<void>;
  /** Replaces the person's data in their enrolments, pairs, meetings and audit trail. Safe to run again. */
  pseudonymise(marker: ErasureMarker): Promise<ErasureCounts>;
}

export const EXPORT_FORMAT = 'kindling.personal-data/v1';

/**
 * A manager may export anyone in their organisation; a participant only themselves. The person's
 * own export holds everything; a manager's passes through the visibility rules, so pair-private
 * notes and hidden sensitive reasons are withheld and listed as such (ADR 0030). Every export is
 * audited: who exported whose data, and what was withheld (no personal data in the entry).
 */
export async function exportPersonalData(
  deps: { privacy: PrivacyStore; audit: AuditStore; programs: Pick<ProgramStore, 'listPrograms'>; newId: () => string },
  scope: Scope,
  personId: string,
) {
  requireRole(scope.actor, 'export personal data', 'manager', 'participant');
  if (scope.actor.role === 'participant' && scope.actor.personId !== personId) throw notFound('Person');
  const [record, programs] = await Promise.all([
    deps.privacy.collectPersonalData(scope.tenantId, personId),
    allPages((page) => deps.programs.listPrograms(scope.tenantId, page), 100),
  ]);
  if (!record.person) throw notFound('Person');
  const view = personalExportView(record, personId, scope.actor, privacyLookup(programs));
  const withheld = view.withheld.map((w) => w.what);
  await deps.audit.recordAudit(auditEntry(scope, deps.newId, 'person.export', { type: 'Person', id: personId }, null, { withheld }));
  return { format: EXPORT_FORMAT, exportedAt: scope.now.toISOString(), tenant: scope.tenantId, ...view };
}

/** The name an erased person keeps in statistics and in the other party's history. */
export const pseudonymFor = (personId: string): string => `Erased participant ${personId.slice(-4).toUpperCase()}`;

/**
 * Erasure on request: the profile goes, and the person's history stays only pseudonymised, so
 * program statistics stay true. Re-running it after a crash finishes the job.
 */
export async function erasePerson(
  deps: { privacy: PrivacyStore; people: PeopleStore; newId: () => string },
  scope: Scope,
  personId: string,
  reason: string,
): Promise<ErasureMarker & ErasureCounts> {
  requireRole(scope.actor, 'erase people', 'manager');
  const checks = new Checks();
  const why = checks.text('reason', reason, { max: 500 });
  checks.done();
  let marker = await deps.privacy.erasureOf(scope.tenantId, personId);
  if (!marker) {
    const person = await deps.people.getPerson(scope.tenantId, personId);
    if (!person) throw notFound('Person');
    marker = {
      tenantId: scope.tenantId,
      personId,
      pseudonym: pseudonymFor(personId),
      erasedAt: scope.now.toISOString(),
      erasedBy: scope.actor.id,
      reason: why,
    };
    // The audit entry names no personal data: who erased whom (by id), when.
    const audit = auditEntry(scope, deps.newId, 'person.erase', { type: 'Person', id: personId }, null, null);
    try {
      await deps.privacy.eraseProfile(person, marker, audit);
    } catch (e) {
      if (e instanceof DomainError && e.code === ErrorCode.CONFLICT) {
        throw new DomainError(ErrorCode.CONFLICT, 'conflict.version', { type: 'Person' });
      }
      throw e;
    }
  }
  const counts = await deps.privacy.pseudonymise(marker);
  return { ...marker, ...counts };
}
