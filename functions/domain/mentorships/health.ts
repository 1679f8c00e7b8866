import type { Cadence } from '#domain/programs/programs.ts';

export type Health = 'ON_TRACK' | 'DUE_SOON' | 'OVERDUE' | 'NEVER_MET';

export interface PairHealth {
  status: Health;
  nextContactDue: Date;
  lastContactAt: Date | null;
}

export const DAY_MS = 86_400_000;
/** A pair hears it is due this many days before the expected contact date. */
export const DUE_SOON_DAYS = 7;

/** Whole days since the epoch, in UTC: health is counted in days, here and in the analytics. */
export const epochDay = (at: Date | string): number => Math.floor(new Date(at).getTime() / DAY_MS);
export const dayKey = (at: Date | string): string => new Date(epochDay(at) * DAY_MS).toISOString().slice(0, 10);

/**
 * A pair's health from the program's cadence and the day of its last contact (or of its start, if it
 * has not met): the seed's rule is at least monthly, and six weeks without contact is overdue. A pair
 * that has not met since it started is NEVER_MET once its first contact is due.
 */
export function healthOnDay(cadence: Cadence, referenceDay: number, hasMet: boolean, today: number): Health {
  const days = today - referenceDay;
  if (!hasMet && days >= cadence.expectedEveryDays) return 'NEVER_MET';
  if (days >= cadence.overdueAfterDays) return 'OVERDUE';
  if (days >= cadence.expectedEveryDays - DUE_SOON_DAYS) return 'DUE_SOON';
  return 'ON_TRACK';
}

export function pairHealth(cadence: Cadence, startedAt: Date, lastContactAt: Date | null, now: Date): PairHealth {
  const reference = epochDay(lastContactAt ?? startedAt);
  return {
    status: healthOnDay(cadence, reference, lastContactAt !== null, epochDay(now)),
    nextContactDue: new Date((reference + cadence.expectedEveryDays) * DAY_MS),
    lastContactAt,
  };
}

/** A band of reference days (inclusive; null is open-ended) of pairs that have or have not met. */
export interface HealthBand {
  hasMet: boolean;
  from: number | null;
  to: number | null;
}

/**
 * The reference days that put an active pair in a given health on a given day: what a list filter
 * asks the store for ("every overdue pair") without computing each pair's health.
 */
export function healthBands(health: Health, cadence: Cadence, today: number): HealthBand[] {
  const expected = cadence.expectedEveryDays;
  const dueFrom = today - expected + DUE_SOON_DAYS;
  switch (health) {
    case 'NEVER_MET':
      return [{ hasMet: false, from: null, to: today - expected }];
    case 'OVERDUE':
      return [{ hasMet: true, from: null, to: today - cadence.overdueAfterDays }];
    case 'DUE_SOON':
      return [
        { hasMet: true, from: today - cadence.overdueAfterDays + 1, to: dueFrom },
        { hasMet: false, from: today - expected + 1, to: dueFrom },
      ];
    case 'ON_TRACK':
      return [
        { hasMet: true, from: dueFrom + 1, to: null },
        { hasMet: false, from: dueFrom + 1, to: null },
      ];
  }
}
