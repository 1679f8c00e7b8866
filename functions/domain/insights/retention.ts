import type { LeaveType, RetentionRecord } from '#domain/people/employment.ts';
import { classifyExitText, EXIT_REASON_CODES, type ExitReasonCode, type ExitReasonTaxonomy } from '#domain/people/exitReasons.ts';
import { clamp01, type KaplanMeierCurve, kaplanMeier, type Observation, survivalAt, Z95 } from './km.ts';

/**
 * Retention and exit insights (issue #21, ADR 0049), computed in one pass over a tenant's HR
 * records and enrolments: Kaplan–Meier retention of mentees, mentors and a comparison group of
 * non-participants matched on department, location, level and tenure band (coarsened exact
 * matching), the 12-month difference with its interval, promotions per person-year, and the
 * voluntary leavers' exit reasons against the focus areas that could address them.
 * Every figure about fewer than MIN_GROUP people is suppressed. Pure; the clock is `asOf`.
 */
export type ExitScope = 'VOLUNTARY' | 'ALL';
export const EXIT_SCOPES: readonly ExitScope[] = ['VOLUNTARY', 'ALL'];
export type GroupKind = 'MENTEES' | 'MENTORS' | 'COMPARISON';

/** k-anonymity: no figure is shown about fewer people than this. */
export const MIN_GROUP = 5;
export const HORIZON_MONTHS = 24;
const DAY_MS = 86_400_000;
const MONTH_MS = 30.4375 * DAY_MS;
/** Tenure bands (years at the origin) the comparison is matched on. */
export const TENURE_BANDS = [1, 3, 5, 10] as const;
/** The tenure band (an index into <1, 1–3, 3–5, 5–10, 10+) of someone `years` in at the origin. */
const bandOf = (years: number): number => {
  const i = TENURE_BANDS.findIndex((edge) => years < edge);
  return i < 0 ? TENURE_BANDS.length : i;
};
const YEAR_MS = 365.25 * 86_400_000;

export interface Participation {
  personId: string;
  role: 'MENTOR' | 'MENTEE';
  /** When the person's own participation began (their enrolment): their origin. */
  since: string;
  /** Mentees: the focus areas they seek. */
  reasons: readonly string[];
}

export interface ProgramInput {
  id: string;
  focusAreas: readonly string[];
  participants: readonly Participation[];
}

export interface RetentionInput {
  tenantId: string;
  asOf: Date;
  /** What the snapshot reads of every HR record (an Employment is one). */
  employment: readonly RetentionRecord[];
  programs: readonly ProgramInput[];
  taxonomy: ExitReasonTaxonomy;
}

export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

export interface CurvePoint {
  month: number;
  /** People still observed at the start of the month (never below MIN_GROUP: later months are left out). */
  atRisk: number;
  survival: number;
  low: number;
  high: number;
}

export interface GroupFigures {
  group: GroupKind;
  /** People in the group (the comparison: matched non-participants, unweighted). */
  n: number;
  suppressed: boolean;
  exits: number | null;
  personYears: number | null;
  promotions: number | null;
  promotionsPerPersonYear: Interval | null;
  retention12: Interval | null;
  curve: CurvePoint[];
}

export interface Matching {
  /** Strata (department × location × level × tenure band) holding both mentees and comparison people. */
  strata: number;
  matchedMentees: number;
  /** Mentees in a stratum without any comparison person: left out of the comparison. */
  unmatchedMentees: number;
  /** Non-participants sharing a department, location and level with some mentee (the pool the comparison is drawn from). */
  pool: number;
}

export interface ReasonCount {
  code: ExitReasonCode;
  count: number;
  share: number;
  focusAreas: string[];
}

export interface ExitReasonFigures {
  /** Voluntary leavers in the window (exit reasons are only ever read from voluntary exits). */
  leavers: number;
  suppressed: boolean;
  /** Codes cited by at least MIN_GROUP leavers, most cited first. */
  reasons: ReasonCount[];
  /** Leavers whose reasons no code or rule recognised (null below MIN_GROUP). */
  unmapped: number | null;
  windowStart: string;
  windowEnd: string;
}

export interface FocusFigure {
  focusArea: string;
  /** Share of leavers citing a reason this focus area addresses (null: fewer than MIN_GROUP). */
  leaverShare: number | null;
  /** Share of the scope's mentees seeking it (null: fewer than MIN_GROUP). */
  menteeShare: number | null;
  inProgram: boolean;
}

export interface Suggestion {
  exitReason: ExitReasonCode;
  leaverShare: number;
  focusAreas: string[];
  /** Share of mentees seeking any of those focus areas (null when suppressed). */
  menteeShare: number | null;
  /** Those focus areas the program (or any program) already offers. */
  offered: string[];
}

export interface ScopeFigures {
  exits: ExitScope;
  groups: GroupFigures[];
  /** 12-month retention, matched mentees minus comparison, with its 95 % interval. */
  difference12: Interval | null;
  /** Exit rate of matched mentees over the comparison's (constant-hazard model), with its 95 % interval. */
  hazardRatio: Interval | null;
  matching: Matching;
  exitReasons: ExitReasonFigures;
  focus: FocusFigure[];
  suggestion: Suggestion | null;
}

export interface RetentionSnapshot {
  tenantId: string;
  computedAt: string;
  asOf: string;
  minimumGroupSize: number;
  employees: number;
  /** Participants without an HR record (they cannot be followed). */
  withoutRecord: number;
  organisation: Record<ExitScope, ScopeFigures>;
  programs: Record<string, Record<ExitScope, ScopeFigures>>;
}

const dayMs = (date: string): number => Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * A record read once for every scope (the organisation, each program, both exit scopes): its dates
 * as milliseconds and its department × location × level as a number, so the matching below compares
 * numbers, not text, for each of 50,000 people eight times over.
 */
interface Prepared {
  emp: RetentionRecord;
  hired: number;
  left: number | null;
  promotions: number[];
  /** Department × location × level, numbered. */
  cell: number;
  /** FNV-1a of the person id: which mentee's start they try first. */
  hash: number;
  /** The start of their first participation (never: +∞): a comparison person until then. */
  joins: number;
}

interface Subject {
  p: Prepared;
  origin: number;
  time: number;
  event: boolean;
  promotions: number;
  weight: number;
  /** Cell × tenure band, numbered. */
  stratum: number;
  band: number;
}

/** Follows one person from `origin` to their exit or `asOf`. Null when there is nothing to follow. */
function follow(p: Prepared, origin: number, asOf: number, exits: ExitScope, censorAt = Number.POSITIVE_INFINITY): Subject | null {
  const { hired, left } = p;
  const start = Math.max(origin, hired);
  if (start > asOf) return null;
  if (left !== null && left <= start) return null;
  const stop = Math.min(asOf, censorAt);
  if (stop <= start) return null;
  const end = left !== null && left <= stop ? left : stop;
  const event = left !== null && left <= stop && counts(p.emp.leaveType, exits);
  let promotions = 0;
  for (const on of p.promotions) if (on > start && on <= end) promotions++;
  const band = bandOf((start - hired) / YEAR_MS);
  const stratum = p.cell * (TENURE_BANDS.length + 1) + band;
  return { p, origin: start, time: (end - start) / MONTH_MS, event, promotions, weight: 1, stratum, band };
}

const counts = (type: LeaveType | null, exits: ExitScope): boolean => exits === 'ALL' || type === 'VOLUNTARY';

function interval(estimate: number, se: number): Interval {
  return { estimate, low: clamp01(estimate - Z95 * se), high: clamp01(estimate + Z95 * se) };
}

function groupFigures(group: GroupKind, subjects: readonly Subject[]): GroupFigures & { km: KaplanMeierCurve | null } {
  const n = subjects.length;
  if (n < MIN_GROUP) {
    return {
      km: null,
      group,
      n,
      suppressed: true,
      exits: null,
      personYears: null,
      promotions: null,
      promotionsPerPersonYear: null,
      retention12: null,
      curve: [],
    };
  }
  const observations: Observation[] = subjects.map((s) => ({ time: s.time, event: s.event, weight: s.weight }));
  const km = kaplanMeier(observations);
  const times = subjects.map((s) => s.time).sort((a, b) => a - b);
  let idx = 0;
  const curve: CurvePoint[] = [];
  for (let month = 0; month <= HORIZON_MONTHS; month++) {
    while (idx < times.length && (times[idx] as number) < month) idx++;
    const atRisk = times.length - idx;
    if (atRisk < MIN_GROUP) break;
    const { survival, se } = survivalAt(km, month);
    const band = interval(survival, se);
    curve.push({ month, atRisk, survival, low: band.low, high: band.high });
  }
  const at12 = curve.find((p) => p.month === 12);
  const s12 = survivalAt(km, 12);
  const weightedYears = subjects.reduce((sum, s) => sum + (s.weight * s.time) / 12, 0);
  const weightedPromotions = subjects.reduce((sum, s) => sum + s.weight * s.promotions, 0);
  const promotions = subjects.reduce((sum, s) => sum + s.promotions, 0);
  const rate = weightedYears > 0 ? weightedPromotions / weightedYears : 0;
  // Poisson interval on the log scale (exact lower bound 0 when there are none).
  const promotionsPerPersonYear =
    weightedYears <= 0
      ? null
      : promotions === 0
        ? { estimate: 0, low: 0, high: 3.689 / weightedYears }
        : { estimate: rate, low: rate * Math.exp(-Z95 / Math.sqrt(promotions)), high: rate * Math.exp(Z95 / Math.sqrt(promotions)) };
  return {
    km,
    group,
    n,
    suppressed: false,
    exits: subjects.filter((s) => s.event).length,
    personYears: subjects.reduce((sum, s) => sum + s.time / 12, 0),
    promotions,
    promotionsPerPersonYear,
    retention12: at12 ? interval(s12.survival, s12.se) : null,
    curve,
  };
}

/** Exit rate ratio under a constant hazard: (d₁/T₁)/(d₀/T₀), log-normal interval. */
function rateRatio(treated: readonly Subject[], control: readonly Subject[]): Interval | null {
  const d1 = treated.filter((s) => s.event).length;
  const t1 = treated.reduce((sum, s) => sum + s.time, 0);
  const d0 = control.reduce((sum, s) => sum + (s.event ? s.weight : 0), 0);
  const t0 = control.reduce((sum, s) => sum + s.weight * s.time, 0);
  if (d1 === 0 || d0 === 0 || t1 === 0 || t0 === 0) return null;
  const ratio = d1 / t1 / (d0 / t0);
  const se = Math.sqrt(1 / d1 + 1 / d0);
  return { estimate: ratio, low: ratio * Math.exp(-Z95 * se), high: ratio * Math.exp(Z95 * se) };
}

/** How many mentees' starts a non-participant may try before they are left out of the comparison. */
const TRIES = 8;
/** FNV-1a: a stable spread of people over the mentees of their cell. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

interface ScopeInput {
  mentees: Map<string, Participation>;
  mentors: Map<string, Participation>;
  focusAreas: readonly string[];
}

interface Shared {
  byPerson: Map<string, Prepared>;
  asOf: number;
  taxonomy: ExitReasonTaxonomy;
  /** Voluntary leavers' codes in the window, once per tenant. */
  leaverCodes: ExitReasonCode[][];
  exitReasons: ExitReasonFigures;
}

function scopeFigures(shared: Shared, scope: ScopeInput, exits: ExitScope): ScopeFigures {
  const { byPerson, asOf } = shared;
  const subjectsOf = (people: Map<string, Participation>): Subject[] =>
    [...people.values()].flatMap((p) => {
      const prepared = byPerson.get(p.personId);
      const s = prepared ? follow(prepared, Date.parse(p.since), asOf, exits) : null;
      return s ? [s] : [];
    });
  const mentees = subjectsOf(scope.mentees);
  const mentors = subjectsOf(scope.mentors);

  // Coarsened exact matching. Each non-participant borrows the start of a mentee in the same
  // department, location and level (chosen by a hash of their id, so the snapshot is repeatable)
  // at which they were employed and in the same tenure band; the comparison is then weighted to the
  // mentees' distribution over the strata both share. Calendar time and follow-up thus line up.
  const byCell = new Map<number, Subject[]>();
  for (const s of mentees) {
    const cell = s.p.cell;
    const list = byCell.get(cell) ?? [];
    list.push(s);
    byCell.set(cell, list);
  }
  const pool: Subject[] = [];
  let candidates = 0;
  for (const p of byPerson.values()) {
    // Someone who joins a program later is a non-participant until then, and censored when they join.
    const { joins, hired } = p;
    const list = byCell.get(p.cell);
    if (!list) continue;
    candidates++;
    // The start is chosen from what was known then (hire date, tenure band), never from whether
    // they stayed: trying another start after finding someone gone would favour early leavers.
    const first = p.hash % list.length;
    let chosen: Subject | null = null;
    for (let k = 0; k < Math.min(list.length, TRIES); k++) {
      const mentee = list[(first + k) % list.length] as Subject;
      if (mentee.origin < hired || mentee.origin >= joins || (chosen && chosen.origin <= mentee.origin)) continue;
      if (bandOf((mentee.origin - hired) / YEAR_MS) === mentee.band) chosen = mentee;
    }
    const s = chosen ? follow(p, chosen.origin, asOf, exits, joins) : null;
    if (s && s.origin === (chosen as Subject).origin) pool.push(s);
  }
  const menteeStrata = new Map<number, number>();
  for (const s of mentees) menteeStrata.set(s.stratum, (menteeStrata.get(s.stratum) ?? 0) + 1);
  const poolStrata = new Map<number, number>();
  for (const s of pool) if (menteeStrata.has(s.stratum)) poolStrata.set(s.stratum, (poolStrata.get(s.stratum) ?? 0) + 1);
  const matchedMentees = mentees.filter((s) => poolStrata.has(s.stratum));
  const comparison = pool.filter((s) => poolStrata.has(s.stratum));
  if (comparison.length > 0) {
    const ratio = comparison.length / matchedMentees.length;
    for (const s of comparison) s.weight = ((menteeStrata.get(s.stratum) as number) / (poolStrata.get(s.stratum) as number)) * ratio;
    // Scale to the Kish effective sample size, so Greenwood's variance reflects the reweighting.
    const sum = comparison.reduce((a, s) => a + s.weight, 0);
    const sumSq = comparison.reduce((a, s) => a + s.weight * s.weight, 0);
    const scale = sum / sumSq;
    for (const s of comparison) s.weight *= scale;
  }

  const groups = [groupFigures('MENTEES', matchedMentees), groupFigures('MENTORS', mentors), groupFigures('COMPARISON', comparison)];
  const [m, , c] = groups;
  let difference12: Interval | null = null;
  if (m?.retention12 && c?.retention12 && m.km && c.km) {
    // The groups' own curves: the mentees' unweighted, the comparison's weighted as above.
    const kmM = survivalAt(m.km, 12);
    const kmC = survivalAt(c.km, 12);
    const d = kmM.survival - kmC.survival;
    const se = Math.sqrt(kmM.se ** 2 + kmC.se ** 2);
    difference12 = { estimate: d, low: d - Z95 * se, high: d + Z95 * se };
  }
  const hazardRatio = !m || !c || m.suppressed || c.suppressed ? null : rateRatio(matchedMentees, comparison);

  // Focus areas: what the leavers' reasons call for, against what the scope's mentees seek.
  const { taxonomy, leaverCodes, exitReasons } = shared;
  const areas = new Set<string>([...scope.focusAreas, ...EXIT_REASON_CODES.flatMap((code) => taxonomy.focusAreas[code] ?? [])]);
  const menteeReasons = [...scope.mentees.values()].map((p) => new Set(p.reasons));
  const share = (count: number, of: number): number | null => (of < MIN_GROUP || (count > 0 && count < MIN_GROUP) ? null : count / of);
  const focus: FocusFigure[] = [...areas].sort().map((focusArea) => {
    const leaversCiting = leaverCodes.filter((codes) => codes.some((code) => taxonomy.focusAreas[code]?.includes(focusArea))).length;
    const seeking = menteeReasons.filter((r) => r.has(focusArea)).length;
    return {
      focusArea,
      leaverShare: exitReasons.suppressed ? null : share(leaversCiting, exitReasons.leavers),
      menteeShare: share(seeking, menteeReasons.length),
      inProgram: scope.focusAreas.includes(focusArea),
    };
  });
  const top = exitReasons.reasons.find((r) => r.focusAreas.length > 0) ?? null;
  const suggestion: Suggestion | null = top
    ? {
        exitReason: top.code,
        leaverShare: top.share,
        focusAreas: top.focusAreas,
        menteeShare: share(menteeReasons.filter((r) => top.focusAreas.some((f) => r.has(f))).length, menteeReasons.length),
        offered: top.focusAreas.filter((f) => scope.focusAreas.includes(f)),
      }
    : null;
  return {
    exits,
    groups: groups.map(({ km: _, ...figures }) => figures),
    difference12,
    hazardRatio,
    matching: {
      strata: poolStrata.size,
      matchedMentees: matchedMentees.length,
      unmatchedMentees: mentees.length - matchedMentees.length,
      pool: candidates,
    },
    exitReasons,
    focus,
    suggestion,
  };
}

/** The last eight whole quarters before `asOf`: the window moves a quarter at a time, not daily. */
export function exitWindow(asOf: Date): { start: string; end: string } {
  const quarterStart = Date.UTC(asOf.getUTCFullYear(), Math.floor(asOf.getUTCMonth() / 3) * 3, 1);
  const start = new Date(quarterStart);
  start.setUTCMonth(start.getUTCMonth() - 24);
  return { start: isoDate(start.getTime()), end: isoDate(quarterStart - DAY_MS) };
}

/** The codes a leaver's exit names: the codes given, and those their free text points to. */
export const codesOf = (emp: RetentionRecord, taxonomy: ExitReasonTaxonomy): ExitReasonCode[] => [
  ...new Set([...emp.exitReasons, ...(emp.exitComment ? classifyExitText(emp.exitComment, taxonomy) : [])]),
];

function exitReasonFigures(
  employment: readonly RetentionRecord[],
  asOf: Date,
  taxonomy: ExitReasonTaxonomy,
): { figures: ExitReasonFigures; codes: ExitReasonCode[][] } {
  const window = exitWindow(asOf);
  const leavers = employment.filter(
    (e) => e.leaveType === 'VOLUNTARY' && e.leaveDate !== null && e.leaveDate >= window.start && e.leaveDate <= window.end,
  );
  const codes = leavers.map((e) => codesOf(e, taxonomy));
  const suppressed = leavers.length < MIN_GROUP;
  const tally = new Map<ExitReasonCode, number>();
  for (const list of codes) for (const code of list) tally.set(code, (tally.get(code) ?? 0) + 1);
  const unmapped = codes.filter((c) => c.length === 0).length;
  return {
    codes,
    figures: {
      leavers: leavers.length,
      suppressed,
      reasons: suppressed
        ? []
        : [...tally]
            .filter(([, count]) => count >= MIN_GROUP)
            .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
            .map(([code, count]) => ({ code, count, share: count / leavers.length, focusAreas: [...(taxonomy.focusAreas[code] ?? [])] })),
      unmapped: suppressed || (unmapped > 0 && unmapped < MIN_GROUP) ? null : unmapped,
      windowStart: window.start,
      windowEnd: window.end,
    },
  };
}

/** The nightly snapshot: the organisation and every program, both exit scopes, in one small item. */
export function computeRetention(input: RetentionInput, computedAt: Date = input.asOf): RetentionSnapshot {
  const asOf = input.asOf.getTime();
  const participants = new Map<string, number>();
  for (const p of input.programs)
    for (const part of p.participants) {
      const since = Date.parse(part.since);
      participants.set(part.personId, Math.min(since, participants.get(part.personId) ?? since));
    }
  const cells = new Map<string, number>();
  const byPerson = new Map<string, Prepared>();
  for (const emp of input.employment) {
    const cellKey = `${emp.department ?? ''}\u0000${emp.location ?? ''}\u0000${emp.level ?? ''}`;
    const cell = cells.get(cellKey) ?? cells.size;
    cells.set(cellKey, cell);
    byPerson.set(emp.personId, {
      emp,
      hired: dayMs(emp.hireDate),
      left: emp.leaveDate ? dayMs(emp.leaveDate) : null,
      promotions: emp.jobChanges.filter((c) => c.kind === 'PROMOTION').map((c) => dayMs(c.on)),
      cell,
      hash: hash(emp.personId),
      joins: participants.get(emp.personId) ?? Number.POSITIVE_INFINITY,
    });
  }
  const { figures: exitReasons, codes: leaverCodes } = exitReasonFigures(input.employment, input.asOf, input.taxonomy);
  const shared: Shared = { byPerson, asOf, taxonomy: input.taxonomy, leaverCodes, exitReasons };
  const scopeOf = (programs: readonly ProgramInput[]): ScopeInput => {
    const mentees = new Map<string, Participation>();
    const mentors = new Map<string, Participation>();
    for (const program of programs) {
      for (const part of program.participants) {
        const target = part.role === 'MENTEE' ? mentees : mentors;
        const earlier = target.get(part.personId);
        if (!earlier) target.set(part.personId, part);
        else
          target.set(part.personId, {
            ...earlier,
            // ISO timestamps: the earlier start, compared as text.
            since: [earlier.since, part.since].sort()[0] as string,
            reasons: [...new Set([...earlier.reasons, ...part.reasons])],
          });
      }
    }
    return { mentees, mentors, focusAreas: [...new Set(programs.flatMap((p) => p.focusAreas))] };
  };
  const both = (scope: ScopeInput) =>
    Object.fromEntries(EXIT_SCOPES.map((exits) => [exits, scopeFigures(shared, scope, exits)])) as Record<ExitScope, ScopeFigures>;
  return {
    tenantId: input.tenantId,
    computedAt: computedAt.toISOString(),
    asOf: isoDate(asOf),
    minimumGroupSize: MIN_GROUP,
    employees: input.employment.length,
    withoutRecord: [...participants.keys()].filter((id) => !byPerson.has(id)).length,
    organisation: both(scopeOf(input.programs)),
    programs: Object.fromEntries(input.programs.map((p) => [p.id, both(scopeOf([p]))])),
  };
}
