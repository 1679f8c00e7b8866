import type { ContributionFacts } from '#domain/mentorships/proposals.ts';
import type { Criterion } from '#domain/programs/programs.ts';
import type { Exclusion, MenteeOptions, Mentor } from './candidates.ts';
import type { Prepared } from './scoring.ts';

/** Why a mentee is left without a proposal, and what would fix it. */
export type UnmatchedReason =
  | 'NO_SHARED_LANGUAGE'
  | 'MENTORS_FULL'
  | 'BELOW_MINIMUM'
  | 'NO_JUNIOR_MENTOR'
  | 'RULES'
  | 'NO_MENTORS'
  | 'PLACES_TAKEN'
  /** Group programs: every circle that fits stayed below the minimum circle size (ADR 0076). */
  | 'CIRCLE_NOT_OPENED';

export interface Unmatched {
  menteeId: string;
  reason: UnmatchedReason;
  /** In words, for the console. */
  detail: string;
  /** What would fix it, when something would. */
  fix: string | null;
  bestScore: number | null;
}

const percent = (n: number): string => `${Math.round(n * 100)}%`;

/** The binding reason: the constraint that shut out the most mentors, read in the order a manager can act on. */
function binding(exclusions: Partial<Record<Exclusion, number>>): Exclusion | null {
  const order: Exclusion[] = [
    'NO_SHARED_LANGUAGE',
    'MENTOR_FULL',
    'NOT_JUNIOR',
    'BELOW_MINIMUM',
    'REPORTING_LINE',
    'BLOCKED',
    'ENDED_BEFORE',
    'SELF',
  ];
  let best: Exclusion | null = null;
  for (const why of order) if ((exclusions[why] ?? 0) > (best ? (exclusions[best] ?? 0) : 0)) best = why;
  return best;
}

/**
 * Explains each mentee the assignment left out. With no allowed mentor at all, the constraint that
 * excluded the most mentors is the reason; with allowed mentors, their places went to mentees they
 * fit better (or, under the coverage objective, to match more mentees in all).
 */
export function explainUnmatched(
  mentee: Prepared,
  options: MenteeOptions,
  mentors: readonly Mentor[],
  minimumScore: number,
  languageName: (code: string) => string,
): Unmatched {
  const base = { menteeId: mentee.personId, bestScore: options.bestScore };
  if (mentors.length === 0)
    return {
      ...base,
      reason: 'NO_MENTORS',
      detail: 'The program has no mentors with a place left.',
      fix: 'Enrol mentors, or raise their capacity.',
    };
  if (options.edges > 0) {
    return {
      ...base,
      reason: 'PLACES_TAKEN',
      detail: 'Every mentor who fits went to mentees they fit better (or was needed to match more mentees in all).',
      fix: 'One more place with a mentor who fits — raise a fitting mentor’s capacity, or enrol another.',
    };
  }
  const why = binding(options.exclusions);
  const languages = mentee.languages.map(languageName).join(' or ');
  switch (why) {
    case 'NO_SHARED_LANGUAGE':
      return {
        ...base,
        reason: 'NO_SHARED_LANGUAGE',
        detail: `No mentor with a place left speaks ${languages}.`,
        fix: `One more ${languages}-speaking mentor with capacity.`,
      };
    case 'MENTOR_FULL':
      return {
        ...base,
        reason: 'MENTORS_FULL',
        detail: 'Every compatible mentor is full.',
        fix: 'Raise the capacity of a compatible mentor, or enrol another.',
      };
    case 'NOT_JUNIOR':
      return {
        ...base,
        reason: 'NO_JUNIOR_MENTOR',
        detail: 'No mentor with a place left has fewer years of experience than this mentee (reverse mentoring).',
        fix: 'Enrol a more junior mentor, or record the years of experience where they are missing.',
      };
    case 'BELOW_MINIMUM':
      return {
        ...base,
        reason: 'BELOW_MINIMUM',
        detail: `The best possible pair scores ${percent(options.bestScore ?? 0)}, below the program’s minimum of ${percent(minimumScore)}.`,
        fix: `Lower the minimum score to ${percent(options.bestScore ?? 0)}, or enrol a mentor who offers what this mentee seeks.`,
      };
    default:
      return {
        ...base,
        reason: 'RULES',
        detail: 'Blocks, reporting lines or earlier pairs rule out every mentor.',
        fix: 'Review the blocks for this mentee, or enrol a mentor outside their reporting line.',
      };
  }
}

/**
 * The facts behind one criterion of a proposed pair, so the console can say "both speak Dutch" or
 * "3 of 5 skills" instead of a percentage. Only what the pair's profiles show anyway: years of
 * experience and hours a month stay out (CONTACT and enrolment data), the score speaks for those.
 */
export function factsOf(criterion: Criterion, mentee: Prepared, mentor: Prepared): ContributionFacts | undefined {
  switch (criterion) {
    case 'LANGUAGE':
      return { shared: mentee.languages.filter((l) => mentor.languageSet.has(l)) };
    case 'SKILLS': {
      const shared = mentee.skills.filter((s) => mentor.skillSet.has(s));
      return { shared: shared.map((s) => mentor.skillLabels.get(s) ?? s), sought: mentee.skills.length, matched: shared.length };
    }
    case 'REASONS': {
      const shared = mentee.reasons.filter((r) => mentor.reasonSet.has(r));
      return { focusAreas: shared, sought: mentee.reasons.length, matched: shared.length };
    }
    case 'TIME_ZONE':
      return { hoursApart: Math.round(Math.abs(mentee.offsetMinutes - mentor.offsetMinutes) / 30) / 2 };
    case 'LOCATION':
      return { mentee: mentee.location, mentor: mentor.location };
    case 'DEPARTMENT':
      return { mentee: mentee.department, mentor: mentor.department };
    default:
      return undefined;
  }
}
