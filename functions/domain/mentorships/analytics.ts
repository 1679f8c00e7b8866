import { defaultCadence, type Program } from '#domain/programs/programs.ts';
import { epochDay, type Health, healthOnDay } from './health.ts';

/**
 * A program's figures, kept current by the writes that change them (each write adds its
 * `StatsChange` in its own transaction) and never counted by reading the program. Health is a
 * matter of days, so active pairs are kept by the day of their last contact (or start, before they
 * meet): the counts by health for any day follow from those maps alone.
 */
export interface ProgramStats {
  programId: string;
  mentors: number;
  mentees: number;
  withdrawn: number;
  /** `withdrawn` by role (since ADR 54; absent before, when the two do not add up to `withdrawn`). */
  mentorsWithdrawn?: number;
  menteesWithdrawn?: number;
  /** Pairs running: active or paused. */
  activeMentorships: number;
  paused: number;
  completed: number;
  endedEarly: number;
  /** Mentees matched at least once. */
  menteesMatched: number;
  /** Σ start day of running pairs, and days run by pairs that ended: pair-months without reading pairs. */
  sumRunningStartDay: number;
  closedPairDays: number;
  meetings: number;
  /** Active (not paused) pairs that have met, by the day of their last contact. */
  contactDays: Record<string, number>;
  /** Active pairs that have not met yet, by the day they started. */
  startDays: Record<string, number>;
  /** Mentees by whole days from enrolment to their first match. */
  timeToMatch: Record<string, number>;
  requestsSent: number;
  requestsAccepted: number;
  requestsDeclined: number;
  requestsExpired: number;
  /** Withdrawn by the mentee or closed when they found a mentor (since ADR 48; absent before). */
  requestsClosed?: number;
  checkInRatingSum: number;
  checkInRatings: number;
  closingRatingSum: number;
  closingRatings: number;
  /** Closing-survey outcomes ticked, by outcome. */
  outcomes: Record<string, number>;
}

export const STATS_MAPS = ['contactDays', 'startDays', 'timeToMatch', 'outcomes'] as const;
export type StatsMap = (typeof STATS_MAPS)[number];
export type StatsCounter = Exclude<keyof ProgramStats, StatsMap | 'programId'>;

export function emptyStats(programId: string): ProgramStats {
  return {
    programId,
    mentors: 0,
    mentees: 0,
    withdrawn: 0,
    mentorsWithdrawn: 0,
    menteesWithdrawn: 0,
    activeMentorships: 0,
    paused: 0,
    completed: 0,
    endedEarly: 0,
    menteesMatched: 0,
    sumRunningStartDay: 0,
    closedPairDays: 0,
    meetings: 0,
    contactDays: {},
    startDays: {},
    timeToMatch: {},
    requestsSent: 0,
    requestsAccepted: 0,
    requestsDeclined: 0,
    requestsExpired: 0,
    requestsClosed: 0,
    checkInRatingSum: 0,
    checkInRatings: 0,
    closingRatingSum: 0,
    closingRatings: 0,
    outcomes: {},
  };
}

/** What one write changes in its program's figures; the store applies it in the write's transaction. */
export interface StatsChange {
  programId: string;
  counters: Partial<Record<StatsCounter, number>>;
  maps: { map: StatsMap; key: string; delta: number }[];
}

export const statsChange = (programId: string, counters: StatsChange['counters'] = {}, maps: StatsChange['maps'] = []): StatsChange => ({
  programId,
  counters,
  maps: mergeMapDeltas(maps),
});

/** One entry per map key (DynamoDB refuses two updates of one path in an expression); zero deltas dropped. */
function mergeMapDeltas(maps: StatsChange['maps']): StatsChange['maps'] {
  const merged = new Map<string, StatsChange['maps'][number]>();
  for (const m of maps) {
    const id = `${m.map}\u0000${m.key}`;
    const seen = merged.get(id);
    merged.set(id, { ...m, delta: (seen?.delta ?? 0) + m.delta });
  }
  return [...merged.values()].filter((m) => m.delta !== 0);
}

/** Where a running pair sits in the health maps, or nowhere while paused. */
export function healthSlot(pair: { status: string; startedAt: string; lastContactAt: string | null }): StatsChange['maps'][number] | null {
  if (pair.status !== 'ACTIVE') return null;
  return pair.lastContactAt
    ? { map: 'contactDays', key: String(epochDay(pair.lastContactAt)), delta: 1 }
    : { map: 'startDays', key: String(epochDay(pair.startedAt)), delta: 1 };
}

/** The map deltas that move a pair from one slot to another (start, meeting, pause, resume, end). */
export function moveSlot(before: ReturnType<typeof healthSlot>, after: ReturnType<typeof healthSlot>): StatsChange['maps'] {
  return [...(before ? [{ ...before, delta: -1 }] : []), ...(after ? [after] : [])];
}

export interface ProgramAnalytics {
  mentors: number;
  mentees: number;
  withdrawn: number;
  /** Share of mentees matched at least once (0–1). */
  matchRate: number;
  medianDaysToMatch: number | null;
  activeMentorships: number;
  paused: number;
  completed: number;
  endedEarly: number;
  activeByHealth: Record<Health, number>;
  meetings: number;
  meetingsPerPairPerMonth: number | null;
  averageCheckInRating: number | null;
  averageClosingRating: number | null;
  requests: { sent: number; accepted: number; declined: number; expired: number; open: number };
  outcomes: Record<string, number>;
}

const AVERAGE_MONTH_DAYS = 30.44;

function median(histogram: Record<string, number>): number | null {
  const entries = Object.entries(histogram)
    .map(([k, n]) => [Number(k), n] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const at = (index: number): number => {
    let seen = 0;
    for (const [value, n] of entries) {
      seen += n;
      if (index < seen) return value;
    }
    return entries.at(-1)?.[0] ?? 0;
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

const round = (n: number, places = 2): number => Math.round(n * 10 ** places) / 10 ** places;

/** The dashboard's figures for one day, from the counters alone. */
export function analyticsOf(stats: ProgramStats, program: Pick<Program, 'cadence'>, now: Date): ProgramAnalytics {
  const today = epochDay(now);
  const activeByHealth: Record<Health, number> = { ON_TRACK: 0, DUE_SOON: 0, OVERDUE: 0, NEVER_MET: 0 };
  for (const [day, n] of Object.entries(stats.contactDays)) activeByHealth[healthOnDay(program.cadence, Number(day), true, today)] += n;
  for (const [day, n] of Object.entries(stats.startDays)) activeByHealth[healthOnDay(program.cadence, Number(day), false, today)] += n;
  const pairDays = stats.closedPairDays + stats.activeMentorships * today - stats.sumRunningStartDay;
  return {
    mentors: stats.mentors,
    mentees: stats.mentees,
    withdrawn: stats.withdrawn,
    matchRate: stats.mentees === 0 ? 0 : round(Math.min(1, stats.menteesMatched / stats.mentees), 4),
    medianDaysToMatch: median(stats.timeToMatch),
    activeMentorships: stats.activeMentorships,
    paused: stats.paused,
    completed: stats.completed,
    endedEarly: stats.endedEarly,
    activeByHealth,
    meetings: stats.meetings,
    meetingsPerPairPerMonth: pairDays > 0 ? round(stats.meetings / (pairDays / AVERAGE_MONTH_DAYS)) : null,
    averageCheckInRating: stats.checkInRatings > 0 ? round(stats.checkInRatingSum / stats.checkInRatings) : null,
    averageClosingRating: stats.closingRatings > 0 ? round(stats.closingRatingSum / stats.closingRatings) : null,
    requests: {
      sent: stats.requestsSent,
      accepted: stats.requestsAccepted,
      declined: stats.requestsDeclined,
      expired: stats.requestsExpired,
      open: Math.max(
        0,
        stats.requestsSent - stats.requestsAccepted - stats.requestsDeclined - stats.requestsExpired - (stats.requestsClosed ?? 0),
      ),
    },
    outcomes: Object.fromEntries(Object.entries(stats.outcomes).filter(([, n]) => n > 0)),
  };
}

/**
 * The organisation's figures across its programs: counters and histograms add up (so the match
 * rate, the median time to match and the averages are the tenant's own, not averages of
 * averages); health is counted per program, by each program's cadence, then added.
 */
export function tenantAnalyticsOf(
  programs: readonly { stats: ProgramStats; program: Pick<Program, 'cadence'> }[],
  now: Date,
): ProgramAnalytics {
  const merged = emptyStats('*');
  const activeByHealth: Record<Health, number> = { ON_TRACK: 0, DUE_SOON: 0, OVERDUE: 0, NEVER_MET: 0 };
  for (const { stats, program } of programs) {
    for (const key of Object.keys(merged) as (keyof ProgramStats)[]) {
      if (key === 'programId') continue;
      if ((STATS_MAPS as readonly string[]).includes(key)) {
        const target = merged[key as StatsMap];
        for (const [k, n] of Object.entries(stats[key as StatsMap] ?? {})) target[k] = (target[k] ?? 0) + n;
      } else {
        merged[key as StatsCounter] += (stats[key as StatsCounter] as number | undefined) ?? 0;
      }
    }
    const own = analyticsOf(stats, program, now).activeByHealth;
    for (const h of Object.keys(activeByHealth) as Health[]) activeByHealth[h] += own[h];
  }
  return { ...analyticsOf(merged, { cadence: defaultCadence }, now), activeByHealth };
}

/**
 * The totals of a program's lists, from its figures (the `totalCount` of `participants`,
 * `mentorships`, `requests` and `surveys`): one GetItem, never a read of the list. Null where the
 * figures do not split the list that way (a status, department, skill or search filter on
 * participants; withdrawals by role in a program whose figures predate that split).
 */
export function participantCount(
  stats: ProgramStats,
  filter: {
    role?: 'MENTOR' | 'MENTEE' | 'PEER' | null;
    status?: string | null;
    search?: string | null;
    department?: string | null;
    skill?: string | null;
  },
): number | null {
  // Peers are counted with the mentees in the program's figures: by role they have no count of their own.
  if (filter.status || filter.search || filter.department || filter.skill || filter.role === 'PEER') return null;
  const byRole = { MENTOR: stats.mentorsWithdrawn ?? 0, MENTEE: stats.menteesWithdrawn ?? 0 };
  if (!filter.role) return stats.mentors + stats.mentees + stats.withdrawn;
  if (byRole.MENTOR + byRole.MENTEE !== stats.withdrawn) return null;
  return (filter.role === 'MENTOR' ? stats.mentors : stats.mentees) + byRole[filter.role];
}

export function pairCount(
  stats: ProgramStats,
  program: Pick<Program, 'cadence'>,
  filter: { status?: 'ACTIVE' | 'PAUSED' | 'COMPLETED' | 'ENDED_EARLY' | null; health?: Health | null },
  now: Date,
): number {
  if (filter.health) return analyticsOf(stats, program, now).activeByHealth[filter.health];
  switch (filter.status) {
    case 'ACTIVE':
      return stats.activeMentorships - stats.paused;
    case 'PAUSED':
      return stats.paused;
    case 'COMPLETED':
      return stats.completed;
    case 'ENDED_EARLY':
      return stats.endedEarly;
    case null:
    case undefined:
      return stats.activeMentorships + stats.completed + stats.endedEarly;
    default: {
      const never: never = filter.status;
      return never;
    }
  }
}

/** Every request sent stays listed, whatever became of it. */
export const requestCount = (stats: ProgramStats): number => stats.requestsSent;

/** Every answer carries a rating, so the rating counters count the answers. */
export const surveyCount = (stats: ProgramStats, kind: 'CHECK_IN' | 'CLOSING' | null): number =>
  kind === 'CHECK_IN' ? stats.checkInRatings : kind === 'CLOSING' ? stats.closingRatings : stats.checkInRatings + stats.closingRatings;
