import type { Checks } from '#domain/kernel/validation.ts';

/**
 * A program's engagement settings (issue #9, ADR 23): the rhythm Kindling keeps for its manager.
 * A value type of the program, read by the engagement planner.
 */
export interface EngagementSettings {
  /** Days after a request is sent (or a proposal approved) on which the other side is reminded. */
  followUpDays: number[];
  /** A pair hears this many days before its next contact is due. */
  nudgeLeadDays: number;
  /** A pair still overdue this many days after it became overdue is escalated to the manager. */
  escalateAfterDays: number;
  /** A mentor is flagged after this many unanswered requests or ignored nudges. */
  unresponsiveAfter: number;
  /** No messages between these local hours of the recipient (start == end: no quiet hours). */
  quietHoursStart: number;
  quietHoursEnd: number;
  /** At most this many messages a week per person; the rest wait for the next week. */
  weeklyCap: number;
  /** Where escalations and flags go by e-mail; without it they show in the console only. */
  managerEmail: string | null;
}

export const defaultEngagement: EngagementSettings = {
  followUpDays: [3, 7],
  nudgeLeadDays: 7,
  escalateAfterDays: 14,
  unresponsiveAfter: 2,
  quietHoursStart: 20,
  quietHoursEnd: 8,
  weeklyCap: 3,
  managerEmail: null,
};

export type EngagementInput = { [K in keyof EngagementSettings]?: EngagementSettings[K] | null };

/** A program's engagement settings; programs stored before they existed get the defaults. */
export const engagementOf = (program: { engagement?: EngagementSettings | undefined }): EngagementSettings => ({
  ...defaultEngagement,
  ...program.engagement,
});

/** Applies an update over the current settings, checking each field (used by programs.ts). */
export function applyEngagement(checks: Checks, base: EngagementSettings, input: EngagementInput | null | undefined): EngagementSettings {
  const e = input ?? {};
  const field = (name: string) => `input.engagement.${name}`;
  const int = (name: keyof EngagementSettings, min: number, max: number): number => {
    const v = e[name];
    return v === undefined || v === null ? (base[name] as number) : checks.int(field(name), v as number, { min, max });
  };
  let followUpDays = base.followUpDays;
  if (e.followUpDays) {
    followUpDays = [...new Set(e.followUpDays)].sort((a, b) => a - b);
    if (followUpDays.length > 4) checks.fail(field('followUpDays'), 'tooMany', 'takes at most 4 days');
    followUpDays.forEach((d, i) => {
      checks.int(`${field('followUpDays')}.${i}`, d, { min: 1, max: 60 });
    });
  }
  const managerEmail =
    e.managerEmail === undefined
      ? base.managerEmail
      : e.managerEmail === null || e.managerEmail.trim() === ''
        ? null
        : checks.email(field('managerEmail'), e.managerEmail);
  return {
    followUpDays,
    nudgeLeadDays: int('nudgeLeadDays', 0, 30),
    escalateAfterDays: int('escalateAfterDays', 1, 90),
    unresponsiveAfter: int('unresponsiveAfter', 1, 20),
    quietHoursStart: int('quietHoursStart', 0, 23),
    quietHoursEnd: int('quietHoursEnd', 0, 23),
    weeklyCap: int('weeklyCap', 1, 50),
    managerEmail,
  };
}
