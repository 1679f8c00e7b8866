import { CRITERIA, type Criterion, type MatchingSettings } from '#domain/programs/programs.ts';
import type { Prepared } from './scoring.ts';

/**
 * The scorer of `scoring.ts`, compiled for one run: every set becomes flags in typed arrays over
 * small id spaces, so scoring millions of pairs costs a few array reads each and allocates nothing.
 * It computes the same totals as `scorePair`, criterion by criterion in the same order with the same
 * arithmetic (a property test holds them equal); the explanation's parts are computed by
 * `scorePair` afterwards, for the kept edges only.
 */
export interface CompiledScorer {
  /**
   * The totals of one mentee with many mentors: `out[k]` = total(mentee, mentors[k]) for k < n.
   * Criterion by criterion over the whole list, so no score is boxed nor a null returned per pair
   * and criterion (that was most of a large run's scoring time, in the garbage collector).
   */
  totals(mentee: number, mentors: Int32Array, n: number, out: Float64Array): void;
  /** One pair's total (as `totals` gives it). */
  total(mentee: number, mentor: number): number;
  sharesLanguage(mentee: number, mentor: number): boolean;
}

function ids(values: Iterable<string>, space: Map<string, number>): number[] {
  const out: number[] = [];
  for (const v of values) {
    let id = space.get(v);
    if (id === undefined) {
      id = space.size;
      space.set(v, id);
    }
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

function flags(lists: number[][], width: number): Uint8Array {
  const out = new Uint8Array(lists.length * width);
  lists.forEach((list, row) => {
    for (const id of list) out[row * width + id] = 1;
  });
  return out;
}

function seniority(gap: number): number {
  if (gap <= 0 || gap >= 30) return 0;
  if (gap < 5) return gap / 5;
  if (gap <= 15) return 1;
  return (30 - gap) / 15;
}

export function compileScorer(mentees: readonly Prepared[], mentors: readonly Prepared[], settings: MatchingSettings): CompiledScorer {
  const reasonSpace = new Map<string, number>();
  const skillSpace = new Map<string, number>();
  const languageSpace = new Map<string, number>();
  const placeSpace = new Map<string, number>();
  const menteeReasons = mentees.map((m) => ids(m.reasons, reasonSpace));
  const mentorReasons = mentors.map((m) => ids(m.reasons, reasonSpace));
  const menteeSkills = mentees.map((m) => ids(m.skills, skillSpace));
  const mentorSkills = mentors.map((m) => ids(m.skills, skillSpace));
  const menteeLanguages = mentees.map((m) => ids(m.languages, languageSpace));
  const mentorLanguages = mentors.map((m) => ids(m.languages, languageSpace));
  const R = Math.max(1, reasonSpace.size);
  const S = Math.max(1, skillSpace.size);
  const L = Math.max(1, languageSpace.size);
  const offeredReasons = flags(mentorReasons, R);
  const offeredSkills = flags(mentorSkills, S);
  const spoken = flags(mentorLanguages, L);
  // Up to 31 languages (every program so far), each person's languages are also one bit mask: the
  // shared-language rule, asked of every pair, is then a single AND.
  const bits = (list: number[]) => list.reduce((mask, id) => mask | (1 << id), 0);
  const menteeLanguageBits = L <= 31 ? Int32Array.from(menteeLanguages, bits) : null;
  const mentorLanguageBits = L <= 31 ? Int32Array.from(mentorLanguages, bits) : null;
  const place = (key: string | null): number => (key === null || key === 'remote' ? -1 : (ids([key], placeSpace)[0] ?? -1));
  const dept = new Map<string, number>();
  const deptOf = (key: string | null): number => (key === null ? -1 : (ids([key], dept)[0] ?? -1));
  const menteeYears = Float64Array.from(mentees, (m) => m.yearsExperience ?? Number.NaN);
  const mentorYears = Float64Array.from(mentors, (m) => m.yearsExperience ?? Number.NaN);
  const menteeOffset = Int32Array.from(mentees, (m) => m.offsetMinutes);
  const mentorOffset = Int32Array.from(mentors, (m) => m.offsetMinutes);
  const menteePlace = Int32Array.from(mentees, (m) => place(m.locationKey));
  const mentorPlace = Int32Array.from(mentors, (m) => place(m.locationKey));
  const menteeHours = Float64Array.from(mentees, (m) => m.hoursPerMonth ?? Number.NaN);
  const mentorHours = Float64Array.from(mentors, (m) => m.hoursPerMonth ?? Number.NaN);
  const menteeDept = Int32Array.from(mentees, (m) => deptOf(m.departmentKey));
  const mentorDept = Int32Array.from(mentors, (m) => deptOf(m.departmentKey));
  const wantsConnections = Uint8Array.from(mentees, (m) => (m.reasonSet.has('CONNECTIONS') ? 1 : 0));
  const sponsors = Uint8Array.from(mentors, (m) => (m.openToSponsoring ? 1 : 0));
  const mentorIds = mentors.map((m) => m.personId);
  const shortlists = mentees.map((m) => (m.shortlist.length ? new Set(m.shortlist) : null));
  const menteeTopics = mentees.map((m) => m.circleTopic ?? null);
  const mentorTopics = mentors.map((m) => m.circleTopic ?? null);
  const active: { criterion: Criterion; weight: number }[] = CRITERIA.filter((c) => (settings.weights[c] ?? 0) > 0).map((criterion) => ({
    criterion,
    weight: settings.weights[criterion],
  }));

  /** The share of `wanted` that row `row` of `offered` holds (`wanted` is not empty). */
  const overlap = (wanted: number[], offered: Uint8Array, row: number, width: number): number => {
    let hits = 0;
    for (const id of wanted) hits += offered[row * width + id] ?? 0;
    return hits / wanted.length;
  };

  // Per pair in the list: the weighted sum and the weights of the criteria that apply so far.
  const weighted = new Float64Array(mentors.length);
  const weights = new Float64Array(mentors.length);
  /** Adds criterion score `score` with weight `w` to pair k: in criterion order, as `scorePair` adds them. */
  const add = (k: number, w: number, score: number): void => {
    weighted[k] = (weighted[k] as number) + w * score;
    weights[k] = (weights[k] as number) + w;
  };

  /** Adds one criterion (which applies to the pair unless it is skipped) to the first n pairs of `js`. */
  function criterion(c: Criterion, w: number, i: number, js: Int32Array, n: number): void {
    switch (c) {
      case 'REASONS':
      case 'SKILLS': {
        const wanted = (c === 'REASONS' ? menteeReasons[i] : menteeSkills[i]) ?? [];
        if (wanted.length === 0) return;
        const offered = c === 'REASONS' ? offeredReasons : offeredSkills;
        const width = c === 'REASONS' ? R : S;
        for (let k = 0; k < n; k++) add(k, w, overlap(wanted, offered, js[k] as number, width));
        return;
      }
      case 'SENIORITY': {
        const a = menteeYears[i] ?? Number.NaN;
        if (Number.isNaN(a)) return;
        for (let k = 0; k < n; k++) {
          const b = mentorYears[js[k] as number] ?? Number.NaN;
          if (!Number.isNaN(b)) add(k, w, seniority(b - a));
        }
        return;
      }
      case 'LANGUAGE':
        for (let k = 0; k < n; k++) add(k, w, sharesLanguage(i, js[k] as number) ? 1 : 0);
        return;
      case 'TIME_ZONE': {
        const a = menteeOffset[i] ?? 0;
        for (let k = 0; k < n; k++) add(k, w, 1 - Math.min(Math.abs(a - (mentorOffset[js[k] as number] ?? 0)), 480) / 480);
        return;
      }
      case 'LOCATION': {
        const a = menteePlace[i] ?? -1;
        if (a < 0) return;
        for (let k = 0; k < n; k++) {
          const b = mentorPlace[js[k] as number] ?? -1;
          if (b >= 0) add(k, w, a === b ? 1 : 0);
        }
        return;
      }
      case 'AVAILABILITY': {
        const a = menteeHours[i] ?? Number.NaN;
        if (Number.isNaN(a)) return;
        for (let k = 0; k < n; k++) {
          const b = mentorHours[js[k] as number] ?? Number.NaN;
          if (Number.isNaN(b)) continue;
          const high = Math.max(a, b);
          add(k, w, high === 0 ? 1 : Math.min(a, b) / high);
        }
        return;
      }
      case 'DEPARTMENT': {
        const a = menteeDept[i] ?? -1;
        if (settings.departmentPolicy === 'ANY' || a < 0) return;
        const across = settings.departmentPolicy === 'ACROSS';
        for (let k = 0; k < n; k++) {
          const b = mentorDept[js[k] as number] ?? -1;
          if (b >= 0) add(k, w, across ? (a === b ? 0 : 1) : a === b ? 1 : 0);
        }
        return;
      }
      case 'SHORTLIST': {
        const list = shortlists[i];
        if (!list) return;
        for (let k = 0; k < n; k++) add(k, w, list.has(mentorIds[js[k] as number] ?? '') ? 1 : 0);
        return;
      }
      case 'SPONSORSHIP':
        if (!wantsConnections[i]) return;
        for (let k = 0; k < n; k++) add(k, w, sponsors[js[k] as number] ? 1 : 0);
        return;
      case 'CIRCLE_TOPIC': {
        const topic = menteeTopics[i] ?? null;
        if (topic === null) return;
        for (let k = 0; k < n; k++) add(k, w, topic === mentorTopics[js[k] as number] ? 1 : 0);
        return;
      }
    }
  }

  function totals(i: number, js: Int32Array, n: number, out: Float64Array): void {
    weighted.fill(0, 0, n);
    weights.fill(0, 0, n);
    for (const { criterion: c, weight } of active) criterion(c, weight, i, js, n);
    for (let k = 0; k < n; k++) {
      const w = weights[k] as number;
      out[k] = w === 0 ? 0 : (weighted[k] as number) / w;
    }
  }

  const one = new Int32Array(1);
  const oneOut = new Float64Array(1);

  function sharesLanguage(i: number, j: number): boolean {
    if (menteeLanguageBits && mentorLanguageBits) return ((menteeLanguageBits[i] as number) & (mentorLanguageBits[j] as number)) !== 0;
    for (const id of menteeLanguages[i] ?? []) if (spoken[j * L + id]) return true;
    return false;
  }

  return {
    sharesLanguage,
    totals,
    total(i, j) {
      one[0] = j;
      totals(i, one, 1, oneOut);
      return oneOut[0] as number;
    },
  };
}
