import { describe, expect, it } from 'vitest';
import { candidateEdges, type Mentor, pairKey } from '#domain/matching/candidates.ts';
import { explainUnmatched } from '#domain/matching/explain.ts';
import { type Candidate, type Prepared, prepare, scorePair, utcOffsetMinutes } from '#domain/matching/scoring.ts';
import { managersAbove } from '#domain/people/people.ts';
import { defaultMatching, type MatchingSettings } from '#domain/programs/programs.ts';

const at = new Date('2026-11-26T12:00:00Z');

const person = (id: string, over: Partial<Candidate> = {}): Candidate => ({
  personId: id,
  displayName: id,
  email: `${id}@example.org`,
  managerEmail: null,
  department: 'IT',
  location: 'Amsterdam',
  timeZone: 'Europe/Amsterdam',
  languages: ['nl'],
  yearsExperience: 10,
  skills: [],
  reasons: [],
  hoursPerMonth: 4,
  openToSponsoring: false,
  shortlist: [],
  ...over,
});

const mentor = (id: string, over: Partial<Candidate> = {}, remaining = 2): Mentor => ({
  ...prepare(person(id, { yearsExperience: 20, ...over }), at),
  remaining,
});
const mentee = (id: string, over: Partial<Candidate> = {}) => prepare(person(id, { yearsExperience: 2, ...over }), at);

const settings = (over: Partial<MatchingSettings> = {}): MatchingSettings => ({ ...defaultMatching, minimumScore: 0, ...over });

describe('scoring a pair', () => {
  it('is a weighted mean of the criteria that apply, so the parts add up to the total', () => {
    const s = scorePair(
      mentee('e', { reasons: ['GOAL_SETTING'], skills: ['Negotiation'] }),
      mentor('m', { reasons: ['GOAL_SETTING'], skills: ['negotiation'] }),
      settings(),
    );
    expect(s.total).toBeGreaterThan(0);
    expect(s.total).toBeLessThanOrEqual(1);
    expect(s.parts.reduce((sum, p) => sum + p.contribution, 0)).toBeCloseTo(s.total, 10);
    expect(s.parts.find((p) => p.criterion === 'SKILLS')?.score).toBe(1);
  });

  it('gives a criterion twice the weight twice the say', () => {
    const e = mentee('e', { reasons: ['GOAL_SETTING'], skills: ['sales'] });
    const m = mentor('m', { reasons: ['GOAL_SETTING'], skills: [] });
    const only = (weights: Partial<MatchingSettings['weights']>) =>
      scorePair(
        e,
        m,
        settings({
          weights: {
            ...Object.fromEntries(Object.keys(defaultMatching.weights).map((k) => [k, 0])),
            ...weights,
          } as MatchingSettings['weights'],
        }),
      ).total;
    expect(only({ REASONS: 1, SKILLS: 1 })).toBeCloseTo(0.5);
    expect(only({ REASONS: 2, SKILLS: 1 })).toBeCloseTo(2 / 3);
  });

  it('prefers the mentor a mentee shortlisted, and one open to sponsoring when connections are wanted', () => {
    const e = mentee('e', { shortlist: ['m1'], reasons: ['CONNECTIONS'] });
    const chosen = scorePair(e, mentor('m1', { reasons: ['CONNECTIONS'], openToSponsoring: true }), settings()).total;
    const other = scorePair(e, mentor('m2', { reasons: ['CONNECTIONS'] }), settings()).total;
    expect(chosen).toBeGreaterThan(other);
  });

  it('reads time-zone distance at the moment, daylight saving included', () => {
    expect(utcOffsetMinutes('Europe/Amsterdam', new Date('2026-11-26T12:00:00Z'))).toBe(60);
    expect(utcOffsetMinutes('Europe/Amsterdam', new Date('2026-07-01T12:00:00Z'))).toBe(120);
    expect(utcOffsetMinutes('America/New_York', new Date('2026-11-26T12:00:00Z'))).toBe(-300);
  });

  it('follows the department policy: across departments, within, or either', () => {
    const e = mentee('e', { department: 'IT' });
    const dept = (policy: MatchingSettings['departmentPolicy'], d: string) =>
      scorePair(e, mentor('m', { department: d }), settings({ departmentPolicy: policy })).parts.find((p) => p.criterion === 'DEPARTMENT')
        ?.score;
    expect(dept('ACROSS', 'HR')).toBe(1);
    expect(dept('ACROSS', 'it')).toBe(0);
    expect(dept('WITHIN', 'IT')).toBe(1);
    expect(dept('ANY', 'HR')).toBeUndefined();
  });
});

describe('hard constraints', () => {
  it('never pairs within a reporting line, either way up, as far as the records reach', () => {
    const managerOf = new Map<string, string | null>([
      ['e@x', 'lead@x'],
      ['lead@x', 'director@x'],
      ['director@x', null],
    ]);
    expect([...managersAbove('e@x', managerOf)]).toEqual(['lead@x', 'director@x']);
    const e = mentee('e', { email: 'e@x', managerEmail: 'lead@x' });
    const director = mentor('director', { email: 'director@x' });
    const lead = mentor('lead', { email: 'lead@x', managerEmail: 'director@x' });
    const report = mentor('report', { email: 'report@x', managerEmail: 'e@x' });
    const outsider = mentor('outsider', { email: 'o@x' });
    const { edges, options } = candidateEdges([e], [director, lead, report, outsider], settings(), {
      blocked: new Set(),
      ended: new Set(),
    });
    expect(edges.map((x) => x.mentor)).toEqual(['outsider']);
    expect(options.get('e')?.exclusions.REPORTING_LINE).toBe(3);
  });

  it('keeps out blocked pairs, repeats of ended pairs, full mentors, no shared language, and scores below the minimum', () => {
    const e = mentee('e', { languages: ['nl'] });
    const mentors = [
      mentor('blocked'),
      mentor('ended'),
      mentor('full', {}, 0),
      mentor('english', { languages: ['en'] }),
      mentor('weak', { department: 'IT', reasons: [] }),
    ];
    const rules = { blocked: new Set([pairKey('e', 'blocked')]), ended: new Set([pairKey('e', 'ended')]) };
    const strict = candidateEdges([e], mentors, settings({ minimumScore: 0.99 }), rules);
    expect(strict.edges).toEqual([]);
    expect(strict.options.get('e')?.exclusions).toEqual({
      BLOCKED: 1,
      ENDED_BEFORE: 1,
      MENTOR_FULL: 1,
      NO_SHARED_LANGUAGE: 1,
      BELOW_MINIMUM: 1,
    });
    const loose = candidateEdges([e], mentors, settings({ minimumScore: 0 }), rules);
    expect(loose.edges.map((x) => x.mentor)).toEqual(['weak']);
  });

  it('keeps each mentee’s best edges only, best first', () => {
    const e = mentee('e', { skills: ['a', 'b', 'c'] });
    const mentors = ['a', 'ab', 'abc'].map((s, i) => mentor(`m${i}`, { skills: s.split('') }));
    const { edges } = candidateEdges([e], mentors, settings(), { blocked: new Set(), ended: new Set() }, 2);
    expect(edges.map((x) => x.mentor)).toEqual(['m2', 'm1']);
  });
});

describe('explaining who is left out', () => {
  const names = (code: string) => ({ nl: 'Dutch', en: 'English' })[code] ?? code;

  it('names the binding reason and what would fix it', () => {
    const e = mentee('e', { languages: ['nl'] });
    const mentors = [mentor('a', { languages: ['en'] }), mentor('b', { languages: ['en'] }), mentor('c', {}, 0)];
    const { options } = candidateEdges([e], mentors, settings(), { blocked: new Set(), ended: new Set() });
    const why = explainUnmatched(e, options.get('e') ?? { exclusions: {}, bestScore: null, edges: 0 }, mentors, 0, names);
    expect(why).toMatchObject({ reason: 'NO_SHARED_LANGUAGE', fix: 'One more Dutch-speaking mentor with capacity.' });
  });

  it('says when places went to better-fitting mentees', () => {
    const e = mentee('e');
    const why = explainUnmatched(e, { exclusions: {}, bestScore: 0.7, edges: 3 }, [mentor('m')], 0.2, names);
    expect(why.reason).toBe('PLACES_TAKEN');
  });

  it('gives the score to aim for when the best pair is below the minimum', () => {
    const why = explainUnmatched(mentee('e'), { exclusions: { BELOW_MINIMUM: 4 }, bestScore: 0.31, edges: 0 }, [mentor('m')], 0.4, names);
    expect(why).toMatchObject({
      reason: 'BELOW_MINIMUM',
      detail: 'The best possible pair scores 31%, below the program’s minimum of 40%.',
    });
  });
});

describe('the compiled scorer', () => {
  it('gives exactly the totals scorePair gives, on random profiles and settings', async () => {
    const { compileScorer } = await import('#domain/matching/compiled.ts');
    const { seededRandom } = await import('#local/seed/random.ts');
    const rnd = seededRandom(7);
    const skills = ['Negotiation', 'negotiation', 'writing', 'Écriture', 'sales', 'data'];
    const reasons = ['CONNECTIONS', 'GOAL_SETTING', 'JOB_SKILLS', 'PROBLEM_SOLVING'];
    const random = (id: string): Candidate =>
      person(id, {
        department: rnd.chance(0.2) ? null : rnd.pick(['IT', 'it', 'HR']),
        location: rnd.chance(0.2) ? null : rnd.pick(['Amsterdam', 'Remote', 'Berlin']),
        timeZone: rnd.pick(['Europe/Amsterdam', 'America/New_York', 'Asia/Singapore']),
        languages: rnd.some(['nl', 'en', 'de'], 1, 2),
        yearsExperience: rnd.chance(0.2) ? null : rnd.int(0, 40),
        skills: rnd.some(skills, 0, 4),
        reasons: rnd.some(reasons, 0, 3),
        hoursPerMonth: rnd.chance(0.2) ? null : rnd.int(0, 8),
        openToSponsoring: rnd.chance(0.5),
        shortlist: rnd.chance(0.3) ? ['m1', 'm3'] : [],
      });
    for (let round = 0; round < 5; round++) {
      const mentees = Array.from({ length: 15 }, (_, i) => prepare(random(`e${i}`), at));
      const mentors = Array.from({ length: 12 }, (_, i) => prepare(random(`m${i}`), at));
      const s = settings({
        departmentPolicy: rnd.pick(['ACROSS', 'WITHIN', 'ANY'] as const),
        weights: { ...defaultMatching.weights, SKILLS: rnd.int(0, 5), LOCATION: rnd.int(0, 3), SHORTLIST: rnd.int(0, 4) },
      });
      const compiled = compileScorer(mentees, mentors, s);
      // A mentee's list of mentors, in any order and with gaps, as the run scores them.
      const list = Int32Array.from(mentors.keys())
        .reverse()
        .filter((j) => j % 3 !== 1);
      const out = new Float64Array(list.length);
      mentees.forEach((e, i) => {
        mentors.forEach((m, j) => {
          expect(compiled.total(i, j)).toBe(scorePair(e, m, s).total);
        });
        compiled.totals(i, list, list.length, out);
        list.forEach((j, k) => {
          expect(out[k]).toBe(scorePair(e, mentors[j] as Prepared, s).total);
        });
      });
    }
  });
});
