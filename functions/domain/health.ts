import type { Cadence } from './programs.ts';

export type Health = 'ON_TRACK' | 'DUE_SOON' | 'OVERDUE' | 'NEVER_MET';

export interface PairHealth {
  status: Health;
  nextContactDue: Date;
  lastContactAt: Date | null;
}

const DAY = 86_400_000;
/** A pair hears it is due this many days before the expected contact date. */
export const DUE_SOON_DAYS = 7;

/**
 * A pair's health from the program's cadence and its last contact (the seed: in touch at least
 * monthly; six weeks without contact is overdue). A pair that has not met since it started is
 * NEVER_MET once its first contact is due.
 */
export function pairHealth(cadence: Cadence, startedAt: Date, lastContactAt: Date | null, now: Date): PairHealth {
  const reference = lastContactAt ?? startedAt;
  const nextContactDue = new Date(reference.getTime() + cadence.expectedEveryDays * DAY);
  const sinceContact = now.getTime() - reference.getTime();
  let status: Health;
  if (lastContactAt === null && now >= nextContactDue) status = 'NEVER_MET';
  else if (sinceContact >= cadence.overdueAfterDays * DAY) status = 'OVERDUE';
  else if (now.getTime() >= nextContactDue.getTime() - DUE_SOON_DAYS * DAY) status = 'DUE_SOON';
  else status = 'ON_TRACK';
  return { status, nextContactDue, lastContactAt };
}
