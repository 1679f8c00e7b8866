import { fold } from '#domain/kernel/names.ts';
import type { Contribution } from '#domain/mentorships/proposals.ts';
import { focusAreaCodes } from '#domain/programs/focusAreas.ts';
import { CRITERIA, type Criterion, type MatchingSettings } from '#domain/programs/programs.ts';

/** A participant as matching sees them: the profile and the enrolment, flattened. */
export interface Candidate {
  personId: string;
  displayName: string;
  email: string;
  managerEmail: string | null;
  department: string | null;
  location: string | null;
  timeZone: string;
  languages: string[];
  yearsExperience: number | null;
  /** Mentors: skills offered; mentees: skills sought. */
  skills: string[];
  /** Mentors: focus areas offered; mentees: focus areas wanted. */
  reasons: string[];
  hoursPerMonth: number | null;
  openToSponsoring: boolean;
  /** Mentees: preferred mentors' person ids. */
  shortlist: string[];
  /** Group programs: the focus area of the circle a mentee asks for, or a mentor's circle leads; null elsewhere. */
  circleTopic?: string | null;
}

export interface PairScore {
  /** 0–1: the weighted mean of the criteria that apply to this pair. */
  total: number;
  parts: Contribution[];
}

/**
 * Offsets already worked out, by zone and minute: a run prepares thousands of people in a handful of
 * zones at one instant, and each `Intl.DateTimeFormat` costs about a tenth of a millisecond.
 * Bounded: cleared when full.
 */
const offsets = new Map<string, number>();

/** UTC offset in minutes of a time zone at an instant (DST included). */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  const key = `${timeZone}|${Math.floor(at.getTime() / 60_000)}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  if (offsets.size >= 10_000) offsets.clear();
  const offset = offsetOf(timeZone, at);
  offsets.set(key, offset);
  return offset;
}

function offsetOf(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  })
    .formatToParts(at)
    .reduce<Record<string, number>>((acc, p) => {
      if (p.type !== 'literal') acc[p.type] = Number(p.value);
      return acc;
    }, {});
  const local = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0);
  return Math.round((local - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

const overlap = (wanted: readonly string[], offered: ReadonlySet<string>): number | null =>
  wanted.length === 0 ? null : wanted.filter((w) => offered.has(w)).length / wanted.length;

/**
 * How well one criterion fits, 0–1, or null when it does not apply to this pair (no data, or the
 * mentee does not ask for it): a criterion that does not apply does not count for or against.
 */
export type CriterionScore = (mentee: Prepared, mentor: Prepared, settings: MatchingSettings) => number | null;

/** A candidate with its sets and offsets computed once, so scoring millions of pairs stays cheap. */
export interface Prepared extends Candidate {
  skillSet: Set<string>;
  /** A folded skill → as the person wrote it, for explanations. */
  skillLabels: Map<string, string>;
  reasonSet: Set<string>;
  languageSet: Set<string>;
  offsetMinutes: number;
  locationKey: string | null;
  departmentKey: string | null;
}

export function prepare(candidate: Candidate, at: Date): Prepared {
  // Each value once: an overlap counts distinct skills and reasons, whatever the input repeated.
  const skills = [...new Set(candidate.skills.map(fold))];
  // Stored reasons in today's codes (enrolments written before the one vocabulary may hold old ones).
  const reasons = focusAreaCodes(candidate.reasons);
  return {
    ...candidate,
    skills,
    reasons,
    skillSet: new Set(skills),
    skillLabels: new Map(candidate.skills.map((s) => [fold(s), s])),
    reasonSet: new Set(reasons),
    languageSet: new Set(candidate.languages),
    offsetMinutes: utcOffsetMinutes(candidate.timeZone, at),
    locationKey: candidate.location ? fold(candidate.location) : null,
    departmentKey: candidate.department ? fold(candidate.department) : null,
  };
}

/** Years the mentor is ahead: best at 5–15, fading to nothing at 0 and at 30. */
function seniority(gap: number): number {
  if (gap <= 0 || gap >= 30) return 0;
  if (gap < 5) return gap / 5;
  if (gap <= 15) return 1;
  return (30 - gap) / 15;
}

export const CRITERION_SCORES: Record<Criterion, CriterionScore> = {
  REASONS: (mentee, mentor) => overlap(mentee.reasons, mentor.reasonSet),
  SKILLS: (mentee, mentor) => overlap(mentee.skills, mentor.skillSet),
  SENIORITY: (mentee, mentor) =>
    mentee.yearsExperience === null || mentor.yearsExperience === null ? null : seniority(mentor.yearsExperience - mentee.yearsExperience),
  LANGUAGE: (mentee, mentor) => (mentee.languages.some((l) => mentor.languageSet.has(l)) ? 1 : 0),
  TIME_ZONE: (mentee, mentor) => 1 - Math.min(Math.abs(mentee.offsetMinutes - mentor.offsetMinutes), 480) / 480,
  LOCATION: (mentee, mentor) => {
    if (!mentee.locationKey || !mentor.locationKey || mentee.locationKey === 'remote' || mentor.locationKey === 'remote') return null;
    return mentee.locationKey === mentor.locationKey ? 1 : 0;
  },
  AVAILABILITY: (mentee, mentor) => {
    if (mentee.hoursPerMonth === null || mentor.hoursPerMonth === null) return null;
    const high = Math.max(mentee.hoursPerMonth, mentor.hoursPerMonth);
    return high === 0 ? 1 : Math.min(mentee.hoursPerMonth, mentor.hoursPerMonth) / high;
  },
  DEPARTMENT: (mentee, mentor, settings) => {
    if (settings.departmentPolicy === 'ANY' || !mentee.departmentKey || !mentor.departmentKey) return null;
    const same = mentee.departmentKey === mentor.departmentKey;
    return settings.departmentPolicy === 'ACROSS' ? (same ? 0 : 1) : same ? 1 : 0;
  },
  SHORTLIST: (mentee, mentor) => (mentee.shortlist.length === 0 ? null : mentee.shortlist.includes(mentor.personId) ? 1 : 0),
  SPONSORSHIP: (mentee, mentor) => (mentee.reasonSet.has('CONNECTIONS') ? (mentor.openToSponsoring ? 1 : 0) : null),
  // A mentee who asks for a circle by topic: the mentor's circle is on it, or not. No ask, no say.
  CIRCLE_TOPIC: (mentee, mentor) => ((mentee.circleTopic ?? null) === null ? null : mentee.circleTopic === mentor.circleTopic ? 1 : 0),
};

/**
 * A pair's score: each criterion's fit times the program's weight, over the weights of the criteria
 * that apply — so a score of 0.8 means the same whichever criteria a pair happens to have data for,
 * and a weight twice as large counts twice as much.
 */
export function scorePair(mentee: Prepared, mentor: Prepared, settings: MatchingSettings): PairScore {
  let weighted = 0;
  let weights = 0;
  const applied: { criterion: Criterion; weight: number; score: number }[] = [];
  for (const criterion of CRITERIA) {
    const weight = settings.weights[criterion] ?? 0;
    if (weight <= 0) continue;
    const score = CRITERION_SCORES[criterion](mentee, mentor, settings);
    if (score === null) continue;
    weighted += weight * score;
    weights += weight;
    applied.push({ criterion, weight, score });
  }
  const total = weights === 0 ? 0 : weighted / weights;
  return {
    total,
    parts: applied.map((a) => ({ ...a, contribution: weights === 0 ? 0 : (a.weight * a.score) / weights })),
  };
}
