import type { Actor, Scope } from '#domain/kernel/actors.ts';
import { requireRole } from '#domain/kernel/actors.ts';
import { type AuditEntry, auditEntry } from '#domain/kernel/audit.ts';
import { DomainError, ErrorCode, notFound } from '#domain/kernel/errors.ts';
import { type IdempotencyRecord, type IdempotencyStore, idempotent } from '#domain/kernel/idempotency.ts';
import { Checks } from '#domain/kernel/validation.ts';

export interface TenantSettings {
  timeZone: string;
  locale: 'en' | 'nl';
  /** Months after a person's last activity before their personal data is erased. */
  retentionMonths: number;
}

/** An association or company. Its id is its slug: immutable, and the leading part of every key. */
export interface Tenant {
  id: string;
  name: string;
  settings: TenantSettings;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface TenantStore {
  getTenant(id: string): Promise<Tenant | null>;
  /** Fails with CONFLICT when the slug is taken. */
  createTenant(tenant: Tenant, audit: AuditEntry, idempotency?: IdempotencyRecord | null): Promise<void>;
  listTenants(): Promise<Tenant[]>;
  /** Writes when the stored version is `expectedVersion`, else CONFLICT. */
  replaceTenant(tenant: Tenant, expectedVersion: number, audit: AuditEntry): Promise<void>;
}

export interface CreateTenantInput {
  slug: string;
  name: string;
  timeZone?: string | null;
  locale?: string | null;
  retentionMonths?: number | null;
}

export const defaultTenantSettings: TenantSettings = {
  timeZone: 'Europe/Amsterdam',
  locale: 'en',
  retentionMonths: 24,
};

export async function createTenant(
  deps: { tenants: TenantStore; idempotency: IdempotencyStore; newId: () => string },
  actor: Actor,
  now: Date,
  input: CreateTenantInput,
  idempotencyKey?: string | null,
): Promise<Tenant> {
  requireRole(actor, 'createTenant', 'operator');
  const checks = new Checks();
  const id = checks.slug('input.slug', input.slug);
  const name = checks.text('input.name', input.name, { max: 120 });
  const settings: TenantSettings = {
    timeZone: checks.timeZone('input.timeZone', input.timeZone ?? defaultTenantSettings.timeZone),
    locale: checks.locale('input.locale', input.locale ?? defaultTenantSettings.locale) as 'en' | 'nl',
    retentionMonths: checks.int('input.retentionMonths', input.retentionMonths ?? 24, { min: 1, max: 120 }),
  };
  checks.done();
  const stamp = now.toISOString();
  const tenant: Tenant = { id, name, settings, createdAt: stamp, updatedAt: stamp, version: 1 };
  // The record lives in the new tenant's own partition: a retry finds it there.
  const scope: Scope = { tenantId: id, actor, now };
  return idempotent(
    deps,
    scope,
    idempotencyKey,
    'createTenant',
    { id, name, settings },
    id,
    async (record) => {
      await deps.tenants.createTenant(tenant, auditEntry(scope, deps.newId, 'tenant.create', { type: 'Tenant', id }, null, tenant), record);
      return tenant;
    },
    async (existing) => (await deps.tenants.getTenant(existing)) ?? Promise.reject(notFound('Tenant')),
  );
}

export type TenantPatch = { name?: string | null; timeZone?: string | null; locale?: string | null; retentionMonths?: number | null };

/** A program manager changes their own organisation's name and settings; the slug never changes. */
export async function updateTenant(
  deps: { tenants: TenantStore; newId: () => string },
  scope: Scope,
  expectedVersion: number,
  patch: TenantPatch,
): Promise<Tenant> {
  requireRole(scope.actor, 'change the organisation settings', 'manager', 'operator');
  const current = await deps.tenants.getTenant(scope.tenantId);
  if (!current) throw notFound('Tenant');
  if (current.version !== expectedVersion) throw new DomainError(ErrorCode.CONFLICT, 'conflict.version', { type: 'Tenant' });
  const checks = new Checks();
  const next: Tenant = {
    ...current,
    name: patch.name ? checks.text('input.name', patch.name, { max: 120 }) : current.name,
    settings: {
      timeZone: patch.timeZone ? checks.timeZone('input.timeZone', patch.timeZone) : current.settings.timeZone,
      locale: patch.locale ? (checks.locale('input.locale', patch.locale) as 'en' | 'nl') : current.settings.locale,
      retentionMonths:
        patch.retentionMonths === null || patch.retentionMonths === undefined
          ? current.settings.retentionMonths
          : checks.int('input.retentionMonths', patch.retentionMonths, { min: 1, max: 120 }),
    },
    updatedAt: scope.now.toISOString(),
    version: expectedVersion + 1,
  };
  checks.done();
  await deps.tenants.replaceTenant(
    next,
    expectedVersion,
    auditEntry(scope, deps.newId, 'tenant.update', { type: 'Tenant', id: current.id }, current, next),
  );
  return next;
}
