import { describe, expect, it } from 'vitest';
import {
  classifyExitText,
  computeRetention,
  defaultTaxonomy,
  type Employment,
  kaplanMeier,
  MIN_GROUP,
  readEmploymentCells,
  survivalAt,
} from '#domain/insights/index.ts';
import { rowMessage } from '#graphql/rowMessages.ts';
import { syntheticHistory, trueDifference12 } from '#test/support/retention.ts';

describe('the Kaplan–Meier estimator', () => {
  it('reproduces the textbook table for the 6-MP arm of Freireich et al. (1963), Greenwood errors included', () => {
    // Prepare: remission times in weeks, * = censored (e.g. Klein & Moeschberger, table 4.1A).
    const data = '6 6 6 6* 7 9* 10 10* 11* 13 16 17* 19* 20* 22 23 25* 32* 32* 34* 35*'.split(' ');
    const observations = data.map((d) => ({ time: Number.parseInt(d, 10), event: !d.endsWith('*') }));

    // Act
    const curve = kaplanMeier(observations);

    // Assert
    const table = curve.steps.map((s) => [s.time, s.atRisk, s.events, Number(s.survival.toFixed(3)), Number(s.se.toFixed(3))]);
    expect(table).toEqual([
      [6, 21, 3, 0.857, 0.076],
      [7, 17, 1, 0.807, 0.087],
      [10, 15, 1, 0.753, 0.096],
      [13, 12, 1, 0.69, 0.107],
      [16, 11, 1, 0.627, 0.114],
      [22, 7, 1, 0.538, 0.128],
      [23, 6, 1, 0.448, 0.135],
    ]);
    expect(survivalAt(curve, 21).survival).toBeCloseTo(0.627, 3);
    expect(survivalAt(curve, 5)).toEqual({ survival: 1, se: 0 });
  });
});

describe('retention of mentees against matched colleagues', () => {
  it('recovers a known effect (mentees leave at 0.7× the hazard) within its interval', () => {
    // Prepare: low-turnover departments send more mentees, so a naive comparison would flatter them.
    const history = syntheticHistory({ seed: 21, employees: 20_000, effect: 0.7 });

    // Act
    const figures = computeRetention(history.input).programs.program?.ALL;

    // Assert
    const truth = trueDifference12(history);
    expect(figures?.difference12?.low).toBeLessThan(truth);
    expect(figures?.difference12?.high).toBeGreaterThan(truth);
    expect(figures?.difference12?.low).toBeGreaterThan(0);
    expect(figures?.hazardRatio?.low).toBeLessThan(0.7);
    expect(figures?.hazardRatio?.high).toBeGreaterThan(0.7);
    expect(figures?.hazardRatio?.high).toBeLessThan(1);
    expect(figures?.matching.matchedMentees).toBeGreaterThan(1000);
  });

  it('shows no effect where there is none', () => {
    // Prepare
    const history = syntheticHistory({ seed: 7, employees: 20_000, effect: 1 });

    // Act
    const figures = computeRetention(history.input).programs.program?.ALL;

    // Assert
    expect(figures?.difference12?.low).toBeLessThan(0);
    expect(figures?.difference12?.high).toBeGreaterThan(0);
    expect(figures?.hazardRatio?.low).toBeLessThan(1);
    expect(figures?.hazardRatio?.high).toBeGreaterThan(1);
  });

  it('counts voluntary exits only by default: involuntary leavers are censored at their leave date', () => {
    // Prepare
    const history = syntheticHistory({ seed: 3, employees: 5_000, effect: 1 });

    // Act
    const snapshot = computeRetention(history.input);

    // Assert
    const exits = (scope: 'VOLUNTARY' | 'ALL', group: string) =>
      snapshot.organisation[scope].groups.find((g) => g.group === group)?.exits ?? 0;
    expect(exits('VOLUNTARY', 'MENTEES')).toBeLessThan(exits('ALL', 'MENTEES'));
    expect(snapshot.organisation.VOLUNTARY.groups.find((g) => g.group === 'MENTEES')?.n).toBe(
      snapshot.organisation.ALL.groups.find((g) => g.group === 'MENTEES')?.n,
    );
  });

  it('follows people who joined after the program began from their own start, and censors those still employed at the snapshot', () => {
    // Prepare: five mentees who all joined on different days and all still work here.
    const asOf = new Date('2026-06-01T00:00:00Z');
    const employment: Employment[] = Array.from({ length: 12 }, (_, i) => ({
      tenantId: 't',
      personId: `p${i}`,
      hireDate: '2020-01-01',
      leaveDate: null,
      leaveType: null,
      exitReasons: [],
      exitComment: null,
      level: 'L2',
      department: 'Finance',
      location: 'Utrecht',
      jobChanges: [],
      updatedAt: asOf.toISOString(),
    }));
    const since = ['2026-05-01', '2026-03-01', '2026-01-01', '2025-11-01', '2025-09-01'];
    const participants = since.map((s, i) => ({ personId: `p${i}`, role: 'MENTEE' as const, since: `${s}T09:00:00Z`, reasons: [] }));

    // Act
    const figures = computeRetention({
      tenantId: 't',
      asOf,
      employment,
      programs: [{ id: 'p', focusAreas: [], participants }],
      taxonomy: defaultTaxonomy(),
    }).programs.p?.VOLUNTARY;

    // Assert: nobody left; at month 1 all five are still observed, later fewer than five and so not shown.
    const mentees = figures?.groups.find((g) => g.group === 'MENTEES');
    expect(mentees?.exits).toBe(0);
    expect(mentees?.curve.map((p) => [p.month, p.atRisk, p.survival])).toEqual([
      [0, 5, 1],
      [1, 5, 1],
    ]);
    expect(mentees?.personYears).toBeCloseTo((1 + 3 + 5 + 7 + 9) / 12, 1);
  });
});

describe('k-anonymity', () => {
  it('never lets one leaver’s exit reason be read off the figures', () => {
    // Prepare: six voluntary leavers cite pay; one alone cites relocation; four mentees only.
    const asOf = new Date('2026-06-01T00:00:00Z');
    const person = (i: number, leave: Partial<Employment>): Employment => ({
      tenantId: 't',
      personId: `p${i}`,
      hireDate: '2019-01-01',
      leaveDate: null,
      leaveType: null,
      exitReasons: [],
      exitComment: null,
      level: null,
      department: 'Sales',
      location: null,
      jobChanges: [],
      updatedAt: asOf.toISOString(),
      ...leave,
    });
    const employment = [
      ...Array.from({ length: 6 }, (_, i) => person(i, { leaveDate: '2025-10-01', leaveType: 'VOLUNTARY', exitReasons: ['PAY'] })),
      person(6, { leaveDate: '2025-11-03', leaveType: 'VOLUNTARY', exitComment: 'Moving abroad with my partner' }),
      ...Array.from({ length: 40 }, (_, i) => person(10 + i, {})),
    ];
    const participants = [10, 11, 12, 13].map((i) => ({
      personId: `p${i}`,
      role: 'MENTEE' as const,
      since: '2025-06-01',
      reasons: ['JOB_SKILLS'],
    }));

    // Act
    const figures = computeRetention({
      tenantId: 't',
      asOf,
      employment,
      programs: [{ id: 'p', focusAreas: ['JOB_SKILLS'], participants }],
      taxonomy: defaultTaxonomy(),
    }).programs.p?.VOLUNTARY;

    // Assert
    expect(figures?.exitReasons.leavers).toBe(7);
    expect(figures?.exitReasons.reasons.map((r) => [r.code, r.count])).toEqual([['PAY', 6]]);
    expect(figures?.exitReasons.unmapped).toBe(0);
    const mentees = figures?.groups.find((g) => g.group === 'MENTEES');
    expect(mentees).toMatchObject({ n: 4, suppressed: true, curve: [], retention12: null, exits: null });
    expect(figures?.focus.every((f) => f.menteeShare === null)).toBe(true);
    expect(figures?.difference12).toBeNull();
    expect(MIN_GROUP).toBe(5);
  });
});

describe('exit reasons from HR exports', () => {
  it('maps free text to codes by English and Dutch keywords, and a manager’s rule overrides them', () => {
    const taxonomy = defaultTaxonomy();
    expect(classifyExitText('Geen doorgroeimogelijkheden, te veel werkdruk', taxonomy)).toEqual(['CAREER_GROWTH', 'WORKLOAD_STRESS']);
    expect(classifyExitText('Burn-out after the reorganisation', taxonomy)).toEqual(['WORKLOAD_STRESS']);
    expect(classifyExitText('Moving abroad with my partner', taxonomy)).toEqual(['RELOCATION']);
    expect(classifyExitText('Leaving to work for a startup', { rules: [{ keyword: 'startup', code: 'CAREER_GROWTH' }] })).toEqual([
      'CAREER_GROWTH',
    ]);
  });

  it('reads HR cells with Dutch dates and words, and explains what it cannot take', () => {
    const blank = {
      hireDate: '',
      leaveDate: '',
      leaveType: '',
      exitReasons: '',
      exitComment: '',
      level: '',
      promotionDates: '',
      jobChangeDates: '',
    };
    expect(readEmploymentCells(blank)).toEqual({ employment: null, problems: [], warnings: [] });
    const ok = readEmploymentCells({
      ...blank,
      hireDate: '01-03-2019',
      leaveDate: '2025-09-30',
      leaveType: 'Vrijwillig',
      exitReasons: 'Doorgroeimogelijkheden; mijn leidinggevende luisterde niet',
      promotionDates: '2021-04-01;2023-04-01',
      level: 'Schaal 9',
    });
    expect(ok.employment).toEqual({
      hireDate: '2019-03-01',
      leaveDate: '2025-09-30',
      leaveType: 'VOLUNTARY',
      exitReasons: ['Doorgroeimogelijkheden'],
      exitComment: 'mijn leidinggevende luisterde niet',
      level: 'Schaal 9',
      jobChanges: [
        { on: '2021-04-01', kind: 'PROMOTION' },
        { on: '2023-04-01', kind: 'PROMOTION' },
      ],
    });
    const bad = readEmploymentCells({ ...blank, hireDate: '2024-13-01', leaveType: 'fired-ish', exitComment: 'pay' });
    expect(bad.employment).toBeNull();
    expect(bad.problems.map((p) => rowMessage('en', p))).toEqual([
      'hire date "2024-13-01" is not a date (use YYYY-MM-DD or DD-MM-YYYY)',
      'leave type "fired-ish" is not voluntary, involuntary or other',
      'exit reasons are given but no leave date',
    ]);
  });
});
