import { describe, expect, it } from 'vitest';
import { nextStatuses, type Program, programsDueToRun } from '#domain/programs/programs.ts';
import { localDate } from '../../functions/jobs/programLifecycle.ts';

const program = (over: Partial<Program>): Program => ({ id: 'p', status: 'OPEN', enrolmentClosesOn: '2026-03-01', ...over }) as Program;

describe('program lifecycle', () => {
  it('allows only the documented transitions', () => {
    expect(nextStatuses('DRAFT')).toEqual(['OPEN']);
    expect(nextStatuses('OPEN')).toEqual(['RUNNING', 'CLOSED']);
    expect(nextStatuses('CLOSED')).toEqual([]);
  });

  it('starts an open program the day after its enrolment closes, and no other', () => {
    const due = programsDueToRun(
      [
        program({ id: 'closed-yesterday' }),
        program({ id: 'closes-today', enrolmentClosesOn: '2026-03-02' }),
        program({ id: 'draft', status: 'DRAFT' }),
        program({ id: 'no-window', enrolmentClosesOn: null }),
      ],
      '2026-03-02',
    );
    expect(due.map((p) => p.id)).toEqual(['closed-yesterday']);
  });

  it("reads 'today' in the tenant's time zone", () => {
    const lateEvening = new Date('2026-03-01T23:30:00Z');
    expect(localDate(lateEvening, 'Europe/Amsterdam')).toBe('2026-03-02');
    expect(localDate(lateEvening, 'America/New_York')).toBe('2026-03-01');
  });
});
