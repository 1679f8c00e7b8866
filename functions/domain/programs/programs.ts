import type { Scope } from '#domain/kernel/actors.ts';
import { reachesProgram, requireRole } from '#domain/kernel/actors.ts';
import { type AuditEntry, auditEntry } from '#domain/kernel/audit.ts';
import { assertNever, DomainError, ErrorCode, notFound } from '#domain/kernel/errors.ts';
import { type IdempotencyRecord, type IdempotencyStore, idempotent } from '#domain/kernel/idempotency.ts';
import type { Page, PageRequest } from '#domain/kernel/pages.ts';
import { Checks } from '#domain/kernel/validation.ts';
import { defaultPrivacy, type ProgramPrivacy, privacyOf } from '#domain/kernel/visibility.ts';
import { applyEngagement, defaultEngagement, type EngagementInput, type EngagementSettings, engagementOf } from './engagementSettings.ts';
import { FOCUS_AREAS, focusAreaCodes } from './focusAreas.ts';
import { applyKind, type CircleSize, type KindInput, kindWeights, type ProgramKind, type RoleNames } from './kinds.ts';

/** The reasons people want a mentor (the seed's list, `focusAreas.ts`). A program may add focus areas of its own. */
export { FOCUS_AREAS } from './focusAreas.ts';

export type ProgramStatus = 'DRAFT' | 'OPEN' | 'RUNNING' | 'CLOSED';

/** The matching criteria a program weighs; the matching engine reads these. */
export const CRITERIA = [
  'REASONS',
  'SKILLS',
  'SENIORITY',
  'LANGUAGE',
  'TIME_ZONE',
  'LOCATION',
  'AVAILABILITY',
  'DEPARTMENT',
  'SHORTLIST',
  'SPONSORSHIP',
  'CIRCLE_TOPIC',
] as const;
export type Criterion = (typeof CRITERIA)[number];

export interface MatchingSettings {
  weights: Record<Criterion, number>;
  requireSharedLanguage: boolean;
  /** Pairs scoring below this (0–1) are never proposed. */
  minimumScore: number;
  departmentPolicy: 'ACROSS' | 'WITHIN' | 'ANY';
  objective: 'WEIGHT' | 'COVERAGE';
  approvalMode: 'MANUAL' | 'AUTOMATIC';
  /** Days between scheduled runs while the program is open or running; null: on demand only. */
  scheduleEveryDays: number | null;
}

export interface Cadence {
  /** A pair should be in touch at least this often. */
  expectedEveryDays: number;
  /** No contact for this long makes a pair overdue (the seed: six weeks). */
  overdueAfterDays: number;
}

/** How requests, proposals and check-ins run in a program. */
export interface PairingRules {
  /** A mentee may have this many requests open at once. */
  maxOpenRequests: number;
  /** An unanswered request expires after this many days. */
  requestExpiryDays: number;
  /** An approved proposal not accepted by both expires after this many days. */
  proposalExpiryDays: number;
  /** Pairs are asked for a check-in survey this often. */
  checkInEveryDays: number;
  /** Discovery lists mentors who are full, away or not taking requests (marked), or hides them. */
  unavailableMentors: 'SHOW' | 'HIDE';
}

export const defaultPairing: PairingRules = {
  maxOpenRequests: 3,
  requestExpiryDays: 14,
  proposalExpiryDays: 14,
  checkInEveryDays: 30,
  unavailableMentors: 'SHOW',
};

/** A program's pairing rules; programs stored before the rules existed get the defaults. */
export const pairingOf = (program: Program): PairingRules => ({ ...defaultPairing, ...program.pairing });

export interface Program {
  id: string;
  tenantId: string;
  name: string;
  description: string;
  status: ProgramStatus;
  enrolmentOpensOn: string | null;
  enrolmentClosesOn: string | null;
  focusAreas: string[];
  cadence: Cadence;
  durationMonths: number;
  mentorCapacityDefault: number;
  matching: MatchingSettings;
  pairing: PairingRules;
  /** Absent on programs stored before it existed: read it through `privacyOf`. */
  privacy?: ProgramPrivacy;
  /** Follow-ups, nudges, quiet hours, weekly cap (issue #9); absent on programs stored before it. */
  engagement?: EngagementSettings;
  /** One-to-one, peer or reverse (kinds.ts); absent on programs stored before kinds: read it through `kindOf`. */
  kind?: ProgramKind;
  roleNames?: RoleNames;
  /** A group program's circles: their minimum and maximum (kinds.ts); absent on other kinds. */
  circleSize?: CircleSize;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ProgramStore {
  getProgram(tenantId: string, id: string): Promise<Program | null>;
  getPrograms(tenantId: string, ids: readonly string[]): Promise<Map<string, Program>>;
  listPrograms(tenantId: string, page: PageRequest): Promise<Page<Program>>;
  createProgram(program: Program, audit: AuditEntry, idempotency?: IdempotencyRecord | null): Promise<void>;
  /** Writes when the stored version is `expectedVersion`, else CONFLICT. */
  replaceProgram(program: Program, expectedVersion: number, audit: AuditEntry): Promise<void>;
}

/**
 * A stored program with its focus areas in today's codes: programs written before the one
 * vocabulary (ADR 0056) may hold `PSYCHO_SOCIAL_SUPPORT`; they read as `PSYCHOSOCIAL_SUPPORT`.
 */
export function readableProgram(program: Program): Program {
  const focusAreas = focusAreaCodes(program.focusAreas ?? []);
  const privacy = program.privacy
    ? { ...program.privacy, sensitiveFocusAreas: focusAreaCodes(program.privacy.sensitiveFocusAreas ?? [], focusAreas) }
    : program.privacy;
  // Programs stored before a criterion existed weigh it at 0.
  const matching = program.matching && { ...program.matching, weights: { ...zeroWeights, ...program.matching.weights } };
  return { ...program, focusAreas, matching, ...(privacy ? { privacy } : {}) };
}

export const defaultMatching: MatchingSettings = {
  weights: {
    REASONS: 3,
    SKILLS: 3,
    SENIORITY: 2,
    LANGUAGE: 1,
    TIME_ZONE: 1,
    LOCATION: 0.5,
    AVAILABILITY: 1,
    DEPARTMENT: 1,
    SHORTLIST: 2,
    SPONSORSHIP: 1,
    // A group program's mentee asking for a circle's topic (kinds.ts sets it for GROUP).
    CIRCLE_TOPIC: 0,
  },
  requireSharedLanguage: true,
  minimumScore: 0.2,
  departmentPolicy: 'ACROSS',
  objective: 'COVERAGE',
  approvalMode: 'MANUAL',
  scheduleEveryDays: 7,
};

const zeroWeights = Object.fromEntries(CRITERIA.map((c) => [c, 0])) as Record<Criterion, number>;

export const defaultCadence: Cadence = { expectedEveryDays: 30, overdueAfterDays: 42 };

export interface ProgramInput extends KindInput {
  name?: string | null;
  description?: string | null;
  enrolmentOpensOn?: string | null;
  enrolmentClosesOn?: string | null;
  focusAreas?: string[] | null;
  cadence?: Partial<Cadence> | null;
  durationMonths?: number | null;
  mentorCapacityDefault?: number | null;
  matching?: Partial<Omit<MatchingSettings, 'weights'>> & { weights?: Partial<Record<Criterion, number>> | null };
  pairing?: Partial<PairingRules> | null;
  privacy?: Partial<ProgramPrivacy> | null;
  engagement?: EngagementInput | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(checks: Checks, field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    checks.fail(field, 'date', 'must be a date as YYYY-MM-DD');
  }
  return value;
}

/** Applies `input` over `base` (a new program's defaults, or the stored program), checking every field. */
function applyInput(
  base: Omit<Program, 'id' | 'tenantId' | 'createdAt' | 'updatedAt' | 'version' | 'status'> & { status?: ProgramStatus },
  input: ProgramInput,
) {
  const checks = new Checks();
  const { kind, roleNames, circleSize } = applyKind(checks, base, input);
  const name = input.name === undefined || input.name === null ? base.name : checks.text('input.name', input.name, { max: 120 });
  const description =
    input.description === undefined || input.description === null
      ? base.description
      : (checks.optionalText('input.description', input.description, 4000) ?? '');
  const enrolmentOpensOn =
    input.enrolmentOpensOn === undefined ? base.enrolmentOpensOn : checkDate(checks, 'input.enrolmentOpensOn', input.enrolmentOpensOn);
  const enrolmentClosesOn =
    input.enrolmentClosesOn === undefined ? base.enrolmentClosesOn : checkDate(checks, 'input.enrolmentClosesOn', input.enrolmentClosesOn);
  if (enrolmentOpensOn && enrolmentClosesOn && enrolmentClosesOn < enrolmentOpensOn) {
    checks.fail('input.enrolmentClosesOn', 'order', 'must not be before the enrolment opens');
  }
  const focusAreas = input.focusAreas
    ? checks.list('input.focusAreas', focusAreaCodes(input.focusAreas, base.focusAreas), { maxItems: 20, maxLength: 60 })
    : base.focusAreas;
  if (focusAreas.length === 0) checks.fail('input.focusAreas', 'required', 'name at least one focus area');
  const cadence: Cadence = {
    expectedEveryDays: checks.int('input.cadence.expectedEveryDays', input.cadence?.expectedEveryDays ?? base.cadence.expectedEveryDays, {
      min: 7,
      max: 90,
    }),
    overdueAfterDays: checks.int('input.cadence.overdueAfterDays', input.cadence?.overdueAfterDays ?? base.cadence.overdueAfterDays, {
      min: 7,
      max: 180,
    }),
  };
  if (cadence.overdueAfterDays < cadence.expectedEveryDays) {
    checks.fail('input.cadence.overdueAfterDays', 'order', 'must be at least the expected interval');
  }
  const durationMonths = checks.int('input.durationMonths', input.durationMonths ?? base.durationMonths, { min: 1, max: 36 });
  const mentorCapacityDefault = checks.int('input.mentorCapacityDefault', input.mentorCapacityDefault ?? base.mentorCapacityDefault, {
    min: 1,
    max: 20,
  });
  const m = input.matching ?? {};
  const weights = { ...base.matching.weights };
  for (const criterion of CRITERIA) {
    const w = m.weights?.[criterion];
    if (w !== undefined && w !== null) weights[criterion] = checks.number(`input.matching.weights.${criterion}`, w, { min: 0, max: 10 });
  }
  if (Object.values(weights).every((w) => w === 0))
    checks.fail('input.matching.weights', 'required', 'give at least one criterion a weight');
  const matching: MatchingSettings = {
    weights,
    requireSharedLanguage: m.requireSharedLanguage ?? base.matching.requireSharedLanguage,
    minimumScore: checks.number('input.matching.minimumScore', m.minimumScore ?? base.matching.minimumScore, { min: 0, max: 1 }),
    departmentPolicy: checks.oneOf('input.matching.departmentPolicy', m.departmentPolicy ?? base.matching.departmentPolicy, [
      'ACROSS',
      'WITHIN',
      'ANY',
    ] as const),
    objective: checks.oneOf('input.matching.objective', m.objective ?? base.matching.objective, ['WEIGHT', 'COVERAGE'] as const),
    approvalMode: checks.oneOf('input.matching.approvalMode', m.approvalMode ?? base.matching.approvalMode, [
      'MANUAL',
      'AUTOMATIC',
    ] as const),
    scheduleEveryDays:
      m.scheduleEveryDays === undefined
        ? base.matching.scheduleEveryDays
        : m.scheduleEveryDays === null
          ? null
          : checks.int('input.matching.scheduleEveryDays', m.scheduleEveryDays, { min: 1, max: 90 }),
  };
  const rules = pairingOf(base as Program);
  const p = input.pairing ?? {};
  const pairing: PairingRules = {
    maxOpenRequests: checks.int('input.pairing.maxOpenRequests', p.maxOpenRequests ?? rules.maxOpenRequests, { min: 1, max: 10 }),
    requestExpiryDays: checks.int('input.pairing.requestExpiryDays', p.requestExpiryDays ?? rules.requestExpiryDays, { min: 1, max: 90 }),
    proposalExpiryDays: checks.int('input.pairing.proposalExpiryDays', p.proposalExpiryDays ?? rules.proposalExpiryDays, {
      min: 1,
      max: 90,
    }),
    checkInEveryDays: checks.int('input.pairing.checkInEveryDays', p.checkInEveryDays ?? rules.checkInEveryDays, { min: 7, max: 180 }),
    unavailableMentors: checks.oneOf('input.pairing.unavailableMentors', p.unavailableMentors ?? rules.unavailableMentors, [
      'SHOW',
      'HIDE',
    ] as const),
  };
  const privacyBase = privacyOf(base);
  const sensitive = input.privacy?.sensitiveFocusAreas;
  const privacy: ProgramPrivacy = {
    sensitiveFocusAreas: sensitive
      ? checks.list('input.privacy.sensitiveFocusAreas', focusAreaCodes(sensitive, focusAreas), { maxItems: 20, maxLength: 60 })
      : privacyBase.sensitiveFocusAreas,
    managersSeeSensitiveReasons: input.privacy?.managersSeeSensitiveReasons ?? privacyBase.managersSeeSensitiveReasons,
  };
  for (const area of sensitive ? privacy.sensitiveFocusAreas : []) {
    if (!focusAreas.includes(area))
      checks.fail('input.privacy.sensitiveFocusAreas', 'focusArea', `"${area}" is not a focus area of this program`);
  }
  const engagement = applyEngagement(checks, engagementOf(base), input.engagement);
  checks.done();
  return {
    kind,
    roleNames,
    ...(circleSize ? { circleSize } : {}),
    name,
    description,
    enrolmentOpensOn,
    enrolmentClosesOn,
    focusAreas,
    cadence,
    durationMonths,
    mentorCapacityDefault,
    matching,
    pairing,
    privacy,
    engagement,
  };
}

export interface ProgramDeps {
  programs: ProgramStore;
  newId: () => string;
}

export async function createProgram(
  deps: ProgramDeps & { idempotency: IdempotencyStore },
  scope: Scope,
  input: ProgramInput,
  idempotencyKey?: string | null,
): Promise<Program> {
  requireRole(scope.actor, 'createProgram', 'manager');
  const fields = applyInput(
    {
      name: '',
      description: '',
      enrolmentOpensOn: null,
      enrolmentClosesOn: null,
      focusAreas: [...FOCUS_AREAS],
      cadence: defaultCadence,
      durationMonths: 9,
      mentorCapacityDefault: 2,
      matching: { ...defaultMatching, weights: kindWeights(input.kind ?? 'ONE_TO_ONE', defaultMatching.weights) },
      pairing: defaultPairing,
      privacy: defaultPrivacy,
      engagement: defaultEngagement,
    },
    input,
  );
  const stamp = scope.now.toISOString();
  const program: Program = {
    ...fields,
    id: deps.newId(),
    tenantId: scope.tenantId,
    status: 'DRAFT',
    createdAt: stamp,
    updatedAt: stamp,
    version: 1,
  };
  return idempotent(
    deps,
    scope,
    idempotencyKey,
    'createProgram',
    fields,
    program.id,
    async (record) => {
      await deps.programs.createProgram(
        program,
        auditEntry(scope, deps.newId, 'program.create', { type: 'Program', id: program.id }, null, program),
        record,
      );
      return program;
    },
    (id) => getProgram(deps, scope, id),
  );
}

export async function getProgram(deps: Pick<ProgramDeps, 'programs'>, scope: Scope, id: string): Promise<Program> {
  const program = await deps.programs.getProgram(scope.tenantId, id);
  if (!program || !reachesProgram(scope.actor, program.id)) throw notFound('Program');
  return program;
}

export async function updateProgram(
  deps: ProgramDeps,
  scope: Scope,
  id: string,
  expectedVersion: number,
  input: ProgramInput,
): Promise<Program> {
  requireRole(scope.actor, 'updateProgram', 'manager');
  const current = await getProgram(deps, scope, id);
  const fields = applyInput(current, input);
  const next: Program = { ...current, ...fields, updatedAt: scope.now.toISOString(), version: expectedVersion + 1 };
  await deps.programs.replaceProgram(
    next,
    expectedVersion,
    auditEntry(scope, deps.newId, 'program.update', { type: 'Program', id }, current, next),
  );
  return next;
}

/** The program lifecycle. Every status names where it may go next; nothing else is allowed. */
export function nextStatuses(status: ProgramStatus): ProgramStatus[] {
  switch (status) {
    case 'DRAFT':
      return ['OPEN'];
    case 'OPEN':
      return ['RUNNING', 'CLOSED'];
    case 'RUNNING':
      return ['OPEN', 'CLOSED'];
    case 'CLOSED':
      return [];
    default:
      return assertNever(status);
  }
}

export async function changeProgramStatus(
  deps: ProgramDeps,
  scope: Scope,
  id: string,
  expectedVersion: number,
  status: ProgramStatus,
): Promise<Program> {
  requireRole(scope.actor, 'changeProgramStatus', 'manager', 'operator');
  const current = await getProgram(deps, scope, id);
  if (!nextStatuses(current.status).includes(status)) {
    throw new DomainError(ErrorCode.CONFLICT, 'conflict.state', { type: 'Program', from: current.status, to: status });
  }
  const next: Program = { ...current, status, updatedAt: scope.now.toISOString(), version: expectedVersion + 1 };
  await deps.programs.replaceProgram(
    next,
    expectedVersion,
    auditEntry(scope, deps.newId, 'program.status', { type: 'Program', id }, current, next),
  );
  return next;
}

/**
 * The scheduled lifecycle tick: an open program whose enrolment window has closed starts running.
 * Returns the programs it moved. The date is compared in the tenant's own time zone.
 */
export function programsDueToRun(programs: Program[], today: string): Program[] {
  return programs.filter((p) => p.status === 'OPEN' && p.enrolmentClosesOn !== null && p.enrolmentClosesOn < today);
}
