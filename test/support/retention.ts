import type { Employment } from '#domain/insights/index.ts';
import { defaultTaxonomy, type RetentionInput } from '#domain/insights/index.ts';
import { seededRandom } from '#local/seed/random.ts';

const DAY = 86_400_000;
const MONTH = 30.4375 * DAY;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const DEPARTMENTS = ['Finance', 'Engineering', 'Sales', 'Operations', 'Legal', 'Support'] as const;
/** Monthly exit hazard per department: the confounder the matching has to take out. */
export const HAZARD: Record<(typeof DEPARTMENTS)[number], number> = {
  Finance: 0.008,
  Engineering: 0.012,
  Sales: 0.03,
  Operations: 0.016,
  Legal: 0.01,
  Support: 0.025,
};
/** Departments with low exit rates send more mentees, as they do in life: a naive comparison flatters the program. */
const ENROL_CHANCE: Record<(typeof DEPARTMENTS)[number], number> = {
  Finance: 0.3,
  Engineering: 0.25,
  Sales: 0.05,
  Operations: 0.12,
  Legal: 0.3,
  Support: 0.06,
};

export interface SyntheticHistory {
  input: RetentionInput;
  /** Each mentee's own monthly hazard before mentoring (for the true 12-month difference). */
  menteeHazards: number[];
  effect: number;
}

/**
 * A seeded HR history with a known effect: everyone leaves at a constant monthly hazard set by
 * their department; from their own start, mentees leave at `effect` × that hazard. Mentees start
 * on their own dates over the last two years; four in five exits are voluntary, whatever the group.
 */
export function syntheticHistory(options: {
  seed: number;
  employees: number;
  effect: number;
  asOf?: Date;
  maxMentees?: number;
}): SyntheticHistory {
  const rnd = seededRandom(options.seed);
  const asOf = options.asOf ?? new Date('2026-06-01T00:00:00Z');
  const now = asOf.getTime();
  const exp = (rate: number) => -Math.log(1 - rnd.next()) / rate;
  const employment: Employment[] = [];
  const participants: { personId: string; role: 'MENTEE' | 'MENTOR'; since: string; reasons: string[] }[] = [];
  const menteeHazards: number[] = [];
  const levels = ['L1', 'L2', 'L3', 'L4'];
  const locations = ['Utrecht', 'Amsterdam', 'Remote'];
  for (let i = 0; i < options.employees; i++) {
    const department = rnd.pick(DEPARTMENTS);
    const hazard = HAZARD[department];
    const hired = now - rnd.int(30, 365 * 8) * DAY;
    let leaves = hired + exp(hazard) * MONTH;
    const personId = `p${i}`;
    const since = now - rnd.int(30, 730) * DAY;
    const mentee =
      hired < since - 30 * DAY &&
      leaves > since &&
      rnd.chance(ENROL_CHANCE[department]) &&
      (options.maxMentees === undefined || menteeHazards.length < options.maxMentees);
    if (mentee) {
      // Memoryless: from their start, the rest of their stay follows the mentees' hazard.
      leaves = since + exp(hazard * options.effect) * MONTH;
      participants.push({
        personId,
        role: 'MENTEE',
        since: new Date(since).toISOString(),
        reasons: rnd.chance(0.4) ? ['JOB_SKILLS'] : ['GOAL_SETTING'],
      });
      menteeHazards.push(hazard);
    }
    const left = leaves <= now;
    const level = rnd.pick(levels);
    employment.push({
      tenantId: 'synthetic',
      personId,
      hireDate: iso(hired),
      leaveDate: left ? iso(leaves) : null,
      leaveType: left ? (rnd.chance(0.8) ? 'VOLUNTARY' : 'INVOLUNTARY') : null,
      exitReasons: left ? [rnd.pick(['CAREER_GROWTH', 'CAREER_GROWTH', 'WORKLOAD_STRESS', 'PAY', 'RELOCATION'] as const)] : [],
      exitComment: null,
      level,
      department,
      location: rnd.pick(locations),
      jobChanges: rnd.chance(0.3)
        ? [{ on: iso(hired + rnd.int(100, 900) * DAY), kind: 'PROMOTION' as const }].filter((c) => c.on <= iso(now))
        : [],
      updatedAt: asOf.toISOString(),
    });
  }
  return {
    input: {
      tenantId: 'synthetic',
      asOf,
      employment,
      programs: [{ id: 'program', focusAreas: ['JOB_SKILLS', 'GOAL_SETTING', 'CONNECTIONS'], participants }],
      taxonomy: defaultTaxonomy(),
    },
    menteeHazards,
    effect: options.effect,
  };
}

/** The true 12-month retention difference (all exits) for these mentees: mean of e^(−12·effect·λ) − e^(−12·λ). */
export const trueDifference12 = (h: SyntheticHistory): number =>
  h.menteeHazards.reduce((sum, l) => sum + Math.exp(-12 * h.effect * l) - Math.exp(-12 * l), 0) / h.menteeHazards.length;
