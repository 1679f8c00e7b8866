import { describe, expect, it } from 'vitest';
import { analyticsOf, emptyStats, tenantAnalyticsOf } from '#domain/mentorships/analytics.ts';
import { epochDay } from '#domain/mentorships/health.ts';

describe("the organisation's figures across programs", () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const today = epochDay(now);
  // Both programs have one pair whose last contact was 35 days ago: overdue after 28 days in the
  // weekly program, due soon (not yet overdue at 42) in the monthly one.
  const weekly = { cadence: { expectedEveryDays: 7, overdueAfterDays: 28 } };
  const monthly = { cadence: { expectedEveryDays: 30, overdueAfterDays: 42 } };
  const a = {
    ...emptyStats('a'),
    mentees: 10,
    menteesMatched: 8,
    activeMentorships: 1,
    contactDays: { [today - 35]: 1 },
    timeToMatch: { 2: 8 },
  };
  const b = {
    ...emptyStats('b'),
    mentees: 30,
    menteesMatched: 6,
    activeMentorships: 1,
    contactDays: { [today - 35]: 1 },
    timeToMatch: { 20: 6 },
  };
  const b2 = { ...b, closingRatingSum: 9, closingRatings: 2 };

  it('counts health by each program’s own cadence', () => {
    const figures = tenantAnalyticsOf(
      [
        { stats: a, program: weekly },
        { stats: b2, program: monthly },
      ],
      now,
    );
    expect(figures.activeByHealth).toEqual({ ON_TRACK: 0, DUE_SOON: 1, OVERDUE: 1, NEVER_MET: 0 });
    expect(analyticsOf(a, weekly, now).activeByHealth.OVERDUE).toBe(1);
  });

  it('pools counts rather than averaging the programs’ rates', () => {
    const figures = tenantAnalyticsOf(
      [
        { stats: a, program: weekly },
        { stats: b2, program: monthly },
      ],
      now,
    );
    // 14 of 40 mentees matched: 0.35, not the mean of 0.8 and 0.2 (0.5).
    expect(figures.matchRate).toBe(0.35);
    expect(figures.mentees).toBe(40);
    // Median of eight 2s and six 20s is 2.
    expect(figures.medianDaysToMatch).toBe(2);
    expect(figures.averageClosingRating).toBe(4.5);
  });

  it('is all zeros for an organisation without programs', () => {
    const figures = tenantAnalyticsOf([], now);
    expect(figures).toMatchObject({ mentees: 0, matchRate: 0, medianDaysToMatch: null, activeMentorships: 0 });
  });
});
