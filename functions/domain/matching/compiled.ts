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

  const overlap = (wanted: number[], offered: Uint8Array, row: number, width: number): number | null => {
    if (wanted.length === 0) return null;
    let hits = 0;
    for (const id of wanted) hits += offered[row * width + id] ?? 0;
    return hits / wanted.length;
  };

  const criterion = (c: Criterion, i: number, j: number): number | null => {
    switch (c) {
      case 'REASONS':
        return overlap(menteeReasons[i] ?? [], offeredReasons, j, R);
      case 'SKILLS':
        return overlap(menteeSkills[i] ?? [], offeredSkills, j, S);
      case 'SENIORITY': {
        const a = menteeYears[i] ?? Number.NaN;
        const b = mentorYears[j] ?? Number.NaN;
        return Number.isNaN(a) || Number.isNaN(b) ? null : seniority(b - a);
      }
      case 'LANGUAGE':
        return sharesLanguage(i, j) ? 1 : 0;
      case 'TIME_ZONE':
        return 1 - Math.min(Math.abs((menteeOffset[i] ?? 0) - (mentorOffset[j] ?? 0)), 480) / 480;
      case 'LOCATION': {
        const a = menteePlace[i] ?? -1;
        const b = mentorPlace[j] ?? -1;
        return a < 0 || b < 0 ? null : a === b ? 1 : 0;
      }
      case 'AVAILABILITY': {
        const a = menteeHours[i] ?? Number.NaN;
        const b = mentorHours[j] ?? Number.NaN;
        if (Number.isNaN(a) || Number.isNaN(b)) return null;
        const high = Math.max(a, b);
        return high === 0 ? 1 : Math.min(a, b) / high;
      }
      case 'DEPARTMENT': {
        const a = menteeDept[i] ?? -1;
        const b = mentorDept[j] ?? -1;
        if (settings.departmentPolicy === 'ANY' || a < 0 || b < 0) return null;
        const same = a === b;
        return settings.departmentPolicy === 'ACROSS' ? (same ? 0 : 1) : same ? 1 : 0;
      }
      case 'SHORTLIST': {
        const list = shortlists[i];
        return list ? (list.has(mentorIds[j] ?? '') ? 1 : 0) : null;
      }
      case 'SPONSORSHIP':
        return wantsConnections[i] ? (sponsors[j] ? 1 : 0) : null;
      case 'CIRCLE_TOPIC': {
        const topic = menteeTopics[i] ?? null;
        return topic === null ? null : topic === mentorTopics[j] ? 1 : 0;
      }
    }
  };

  function sharesLanguage(i: number, j: number): boolean {
    for (const id of menteeLanguages[i] ?? []) if (spoken[j * L + id]) return true;
    return false;
  }

  return {
    sharesLanguage,
    total(i, j) {
      let weighted = 0;
      let weights = 0;
      for (const { criterion: c, weight } of active) {
        const score = criterion(c, i, j);
        if (score === null) continue;
        weighted += weight * score;
        weights += weight;
      }
      return weights === 0 ? 0 : weighted / weights;
    },
  };
}
