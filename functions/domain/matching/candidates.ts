import type { MatchingSettings } from '../programs.ts';
import type { Contribution } from '../proposals.ts';
import { type Prepared, scorePair } from './scoring.ts';

/** Why a mentor cannot be proposed to a mentee: the hard constraints, never violated. */
export type Exclusion = 'SELF' | 'BLOCKED' | 'ENDED_BEFORE' | 'REPORTING_LINE' | 'MENTOR_FULL' | 'NO_SHARED_LANGUAGE' | 'BELOW_MINIMUM';

export interface Mentor extends Prepared {
  /** Places left: capacity minus running pairs and open proposals. */
  remaining: number;
}

export interface Rules {
  /** `${menteeId}|${mentorId}` pairs a manager has blocked. */
  blocked: ReadonlySet<string>;
  /** `${menteeId}|${mentorId}` pairs that ran before and ended: never repeated. */
  ended: ReadonlySet<string>;
}

export interface Edge {
  mentee: string;
  mentor: string;
  weight: number;
  parts: Contribution[];
}

export interface MenteeOptions {
  /** Why each excluded mentor was excluded (the first constraint it fails). */
  exclusions: Partial<Record<Exclusion, number>>;
  /** The best score among mentors passing every other constraint, even if below the minimum. */
  bestScore: number | null;
  /** The edges kept for the solver. */
  edges: number;
}

export const pairKey = (menteeId: string, mentorId: string): string => `${menteeId}|${mentorId}`;

/** Everyone above a person in the reporting line, by e-mail, as far as the participants' records reach. */
export function managersAbove(email: string, managerOf: ReadonlyMap<string, string | null>): Set<string> {
  const above = new Set<string>();
  let current = managerOf.get(email) ?? null;
  while (current && !above.has(current) && current !== email) {
    above.add(current);
    current = managerOf.get(current) ?? null;
  }
  return above;
}

/**
 * Scores every allowed pair and keeps each mentee's best `perMentee` edges for the solver. Hard
 * constraints (in this order): not oneself, not blocked, not a pair that ended before, not within
 * the same reporting line (either way), a mentor with a place left, a shared language when the
 * program requires one, and a score at or above the program's minimum.
 */
export function candidateEdges(
  mentees: readonly Prepared[],
  mentors: readonly Mentor[],
  settings: MatchingSettings,
  rules: Rules,
  perMentee = 50,
): { edges: Edge[]; options: Map<string, MenteeOptions> } {
  const managerOf = new Map<string, string | null>();
  for (const p of [...mentees, ...mentors]) managerOf.set(p.email, p.managerEmail);
  const aboveMentor = new Map(mentors.map((m) => [m.personId, managersAbove(m.email, managerOf)]));
  const edges: Edge[] = [];
  const options = new Map<string, MenteeOptions>();
  for (const mentee of mentees) {
    const above = managersAbove(mentee.email, managerOf);
    const exclusions: Partial<Record<Exclusion, number>> = {};
    const exclude = (why: Exclusion) => {
      exclusions[why] = (exclusions[why] ?? 0) + 1;
    };
    let bestScore: number | null = null;
    const kept: Edge[] = [];
    for (const mentor of mentors) {
      const key = pairKey(mentee.personId, mentor.personId);
      if (mentor.personId === mentee.personId) exclude('SELF');
      else if (rules.blocked.has(key)) exclude('BLOCKED');
      else if (rules.ended.has(key)) exclude('ENDED_BEFORE');
      else if (above.has(mentor.email) || aboveMentor.get(mentor.personId)?.has(mentee.email)) exclude('REPORTING_LINE');
      else if (mentor.remaining <= 0) exclude('MENTOR_FULL');
      else if (settings.requireSharedLanguage && !mentee.languages.some((l) => mentor.languageSet.has(l))) exclude('NO_SHARED_LANGUAGE');
      else {
        const score = scorePair(mentee, mentor, settings);
        bestScore = Math.max(bestScore ?? 0, score.total);
        if (score.total < settings.minimumScore) exclude('BELOW_MINIMUM');
        else kept.push({ mentee: mentee.personId, mentor: mentor.personId, weight: score.total, parts: score.parts });
      }
    }
    kept.sort((a, b) => b.weight - a.weight || a.mentor.localeCompare(b.mentor));
    const top = kept.slice(0, perMentee);
    edges.push(...top);
    options.set(mentee.personId, { exclusions, bestScore, edges: top.length });
  }
  return { edges, options };
}
