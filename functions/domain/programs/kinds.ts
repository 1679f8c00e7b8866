import type { Checks } from '#domain/kernel/validation.ts';

/**
 * What kind of mentoring a program runs (issue #20):
 * - ONE_TO_ONE: a mentor and a mentee (the default; programs stored before kinds existed are this).
 * - PEER: colleagues paired with each other. Everyone enrols as a PEER, on one side; matching is a
 *   maximum-weight matching in a general graph (matching/peer.ts).
 * - REVERSE: one-to-one with eligibility reversed: the mentor is the junior. A pair is eligible
 *   only when the mentor has fewer years of experience than the mentee (both known).
 * - GROUP: a mentor leads a circle of mentees ({@link CircleSize}); matching assigns mentees to
 *   circles and opens no circle below the minimum (matching/groupPlan.ts, ADR 0076).
 */
export const PROGRAM_KINDS = ['ONE_TO_ONE', 'PEER', 'REVERSE', 'GROUP'] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

/** What the program calls its two roles (e.g. "Digital coach" and "Executive"); null: the standard words. */
export interface RoleNames {
  mentor: string | null;
  mentee: string | null;
}

export const noRoleNames: RoleNames = { mentor: null, mentee: null };

export const kindOf = (program: { kind?: ProgramKind | undefined }): ProgramKind => program.kind ?? 'ONE_TO_ONE';

/** The enrolment roles a program of this kind takes. */
export const rolesOf = (kind: ProgramKind): readonly ('MENTOR' | 'MENTEE' | 'PEER')[] =>
  kind === 'PEER' ? ['PEER'] : ['MENTOR', 'MENTEE'];

/**
 * A group program's circles: a circle opens only with at least `minimum` mentees, and a mentor
 * leads at most `maximum` (their capacity in the program; ADR 0075).
 */
export interface CircleSize {
  minimum: number;
  maximum: number;
}

export const defaultCircleSize: CircleSize = { minimum: 3, maximum: 6 };

/** A program's circle size: a group program's own, else the default (only group programs form circles). */
export const circleSizeOf = (program: { circleSize?: CircleSize | undefined }): CircleSize => program.circleSize ?? defaultCircleSize;

export interface KindInput {
  kind?: ProgramKind | null;
  roleNames?: Partial<RoleNames> | null;
  circleSize?: Partial<CircleSize> | null;
}

/**
 * The kind and role names after `input`: the kind may change only while the program is a draft
 * (its enrolments and pairs are of that kind once it opens).
 */
export function applyKind(
  checks: Checks,
  base: {
    kind?: ProgramKind | undefined;
    roleNames?: RoleNames | undefined;
    status?: string | undefined;
    circleSize?: CircleSize | undefined;
  },
  input: KindInput,
): { kind: ProgramKind; roleNames: RoleNames; circleSize?: CircleSize } {
  const current = kindOf(base);
  let kind = current;
  if (input.kind !== undefined && input.kind !== null) {
    kind = checks.oneOf('input.kind', input.kind, PROGRAM_KINDS);
    if (kind !== current && base.status !== undefined && base.status !== 'DRAFT') {
      checks.fail('input.kind', 'fixed', 'can change only while the program is a draft');
      kind = current;
    }
  }
  const names = { ...noRoleNames, ...base.roleNames };
  const name = (field: 'mentor' | 'mentee') => {
    const given = input.roleNames?.[field];
    if (given === undefined) return names[field];
    return given === null || given.trim() === '' ? null : (checks.optionalText(`input.roleNames.${field}`, given, 40) ?? null);
  };
  const roles = { mentor: name('mentor'), mentee: name('mentee') };
  if (kind !== 'GROUP') {
    if (input.circleSize) checks.fail('input.circleSize', 'kind', 'only a group program forms circles');
    return { kind, roleNames: roles };
  }
  const size = circleSizeOf(base);
  const maximum = checks.int('input.circleSize.maximum', input.circleSize?.maximum ?? size.maximum, { min: 2, max: 20 });
  const minimum = checks.int('input.circleSize.minimum', input.circleSize?.minimum ?? size.minimum, { min: 1, max: 20 });
  if (minimum > maximum) checks.fail('input.circleSize.minimum', 'order', 'must not be above the maximum');
  return { kind, roleNames: roles, circleSize: { minimum, maximum } };
}

/**
 * A new program's matching weights for its kind: peers are colleagues, so seniority, a mentee's
 * shortlist and sponsorship do not apply; in reverse mentoring juniority is a hard constraint, so
 * seniority does not weigh in; in group mentoring a mentee's circle topic weighs in (CIRCLE_TOPIC).
 */
export function kindWeights<W extends Record<string, number>>(kind: ProgramKind, weights: W): W {
  if (kind === 'PEER') return { ...weights, SENIORITY: 0, SHORTLIST: 0, SPONSORSHIP: 0 };
  if (kind === 'REVERSE') return { ...weights, SENIORITY: 0 };
  // A circle is chosen by its topic; a mentee's shortlist names one mentor, not a circle.
  if (kind === 'GROUP') return { ...weights, SHORTLIST: 0, CIRCLE_TOPIC: 3 };
  return weights;
}
