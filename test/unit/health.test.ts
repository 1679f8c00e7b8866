import { describe, expect, it } from 'vitest';
import { pairHealth } from '#domain/mentorships/health.ts';
import { defaultCadence } from '#domain/programs/programs.ts';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);

describe('pair health from the cadence (monthly; overdue after six weeks)', () => {
  const started = day(0);

  it('is on track right after a meeting, and names the next contact date', () => {
    const h = pairHealth(defaultCadence, started, day(10), day(12));
    expect(h.status).toBe('ON_TRACK');
    expect(h.nextContactDue).toEqual(day(40));
  });

  it('is due soon in the week before the next contact', () => {
    expect(pairHealth(defaultCadence, started, day(10), day(34)).status).toBe('DUE_SOON');
  });

  it('stays due (not yet overdue) between the expected date and six weeks', () => {
    expect(pairHealth(defaultCadence, started, day(10), day(45)).status).toBe('DUE_SOON');
  });

  it('is overdue six weeks after the last contact', () => {
    expect(pairHealth(defaultCadence, started, day(10), day(52)).status).toBe('OVERDUE');
  });

  it('is never-met once a new pair’s first contact is due without one', () => {
    expect(pairHealth(defaultCadence, started, null, day(5)).status).toBe('ON_TRACK');
    expect(pairHealth(defaultCadence, started, null, day(30)).status).toBe('NEVER_MET');
  });
});
