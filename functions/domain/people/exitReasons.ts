import { Checks } from '#domain/kernel/validation.ts';
import { FOCUS_AREAS } from '#domain/programs/programs.ts';

/**
 * Why people leave, as exit interviews name it: a small standard set of codes with English and
 * Dutch labels, each mapped to the mentoring reasons (focus areas) that could address it — the
 * seed's "Aha!": problems named in exit interviews can often be solved or reduced by mentoring.
 * A tenant may remap codes to focus areas and add keyword rules for free text (ADR 0049).
 */
export const EXIT_REASON_CODES = [
  'CAREER_GROWTH',
  'MANAGER_RELATIONSHIP',
  'RECOGNITION',
  'WORKLOAD_STRESS',
  'WORK_LIFE_BALANCE',
  'CULTURE_BELONGING',
  'SKILLS_FIT',
  'PAY',
  'RELOCATION',
  'PERSONAL',
  'RETIREMENT',
  'OTHER',
] as const;
export type ExitReasonCode = (typeof EXIT_REASON_CODES)[number];

interface StandardReason {
  en: string;
  nl: string;
  focusAreas: string[];
  /** Lower-case, accent-free fragments (English and Dutch) that point to this reason in free text. */
  keywords: string[];
}

export const STANDARD_EXIT_REASONS: Record<ExitReasonCode, StandardReason> = {
  CAREER_GROWTH: {
    en: 'Career growth',
    nl: 'Doorgroeimogelijkheden',
    focusAreas: ['JOB_SKILLS', 'CONNECTIONS', 'GOAL_SETTING'],
    keywords: [
      'career',
      'growth',
      'promotion',
      'progression',
      'advancement',
      'carriere',
      'doorgroei',
      'groeimogelijk',
      'promotie',
      'loopbaan',
    ],
  },
  MANAGER_RELATIONSHIP: {
    en: 'Relationship with manager',
    nl: 'Relatie met leidinggevende',
    focusAreas: ['COMMUNICATION_SKILLS', 'PROBLEM_SOLVING', 'PSYCHOSOCIAL_SUPPORT'],
    keywords: ['manager', 'boss', 'supervisor', 'leidinggevende', 'baas', 'chef'],
  },
  RECOGNITION: {
    en: 'Recognition',
    nl: 'Erkenning en waardering',
    focusAreas: ['CONNECTIONS', 'GOAL_SETTING'],
    keywords: [
      'recognition',
      'recognised',
      'recognized',
      'appreciat',
      'not valued',
      'undervalued',
      'erkenning',
      'waardering',
      'gewaardeerd',
    ],
  },
  WORKLOAD_STRESS: {
    en: 'Workload and stress',
    nl: 'Werkdruk en stress',
    focusAreas: ['PSYCHOSOCIAL_SUPPORT', 'PROBLEM_SOLVING'],
    keywords: ['workload', 'stress', 'burnout', 'burn-out', 'overwork', 'exhaust', 'werkdruk', 'overspannen', 'uitgeput', 'te druk'],
  },
  WORK_LIFE_BALANCE: {
    en: 'Work–life balance',
    nl: 'Balans werk en privé',
    focusAreas: ['PSYCHOSOCIAL_SUPPORT', 'GOAL_SETTING'],
    keywords: ['work-life', 'work life', 'balance', 'flexib', 'part-time', 'balans', 'prive', 'deeltijd'],
  },
  CULTURE_BELONGING: {
    en: 'Culture and belonging',
    nl: 'Cultuur en erbij horen',
    focusAreas: ['PSYCHOSOCIAL_SUPPORT', 'CONNECTIONS'],
    keywords: ['culture', 'belong', 'discriminat', 'excluded', 'isolat', 'lonely', 'cultuur', 'buitengesloten', 'eenzaam', 'sfeer'],
  },
  SKILLS_FIT: {
    en: 'Role fit and skills',
    nl: 'Functie en vaardigheden',
    focusAreas: ['JOB_SKILLS', 'INDUSTRY_KNOWLEDGE', 'MANAGEMENT_SKILLS'],
    keywords: ['skills', 'training', 'onboarding', 'not challeng', 'bored', 'vaardigheden', 'opleiding', 'inwerk', 'uitdaging', 'verveel'],
  },
  PAY: {
    en: 'Pay and benefits',
    nl: 'Salaris en voorwaarden',
    focusAreas: [],
    keywords: ['pay', 'salary', 'compensation', 'benefits', 'wage', 'salaris', 'loon', 'beloning', 'arbeidsvoorwaarden'],
  },
  RELOCATION: {
    en: 'Relocation',
    nl: 'Verhuizing',
    focusAreas: [],
    keywords: ['relocat', 'moving abroad', 'moved', 'commute', 'verhuis', 'verhuiz', 'reistijd', 'emigr'],
  },
  PERSONAL: {
    en: 'Personal circumstances',
    nl: 'Persoonlijke omstandigheden',
    focusAreas: [],
    keywords: ['personal', 'health', 'family', 'persoonlijk', 'gezondheid', 'gezin', 'familie'],
  },
  RETIREMENT: { en: 'Retirement', nl: 'Pensioen', focusAreas: [], keywords: ['retire', 'pension', 'pensioen'] },
  OTHER: { en: 'Other', nl: 'Overig', focusAreas: [], keywords: [] },
};

export interface KeywordRule {
  /** Matched anywhere in the free text, without case or accents. */
  keyword: string;
  code: ExitReasonCode;
}

/** A tenant's taxonomy: the standard codes, their focus areas as the tenant maps them, and its own rules. */
export interface ExitReasonTaxonomy {
  focusAreas: Record<ExitReasonCode, string[]>;
  /** The tenant's own rules; when one matches a text, they decide alone (that is how a manager corrects a default). */
  rules: KeywordRule[];
  updatedAt: string | null;
  version: number;
}

export const defaultTaxonomy = (): ExitReasonTaxonomy => ({
  focusAreas: Object.fromEntries(EXIT_REASON_CODES.map((c) => [c, [...STANDARD_EXIT_REASONS[c].focusAreas]])) as Record<
    ExitReasonCode,
    string[]
  >,
  rules: [],
  updatedAt: null,
  version: 0,
});

export const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

const squash = (s: string): string => fold(s).replace(/[^a-z0-9]/g, '');

const BY_NAME: Map<string, ExitReasonCode> = new Map(
  EXIT_REASON_CODES.flatMap((code) => {
    const r = STANDARD_EXIT_REASONS[code];
    return [squash(code), squash(r.en), squash(r.nl)].map((name) => [name, code] as const);
  }),
);

/** A code as HR exports write it ("CAREER_GROWTH", "Career growth", "Doorgroeimogelijkheden"), or null. */
export const exitReasonCode = (text: string): ExitReasonCode | null => BY_NAME.get(squash(text)) ?? null;

/** The codes a free-text exit reason points to: the tenant's rules when one matches, else the standard keywords. */
export function classifyExitText(text: string, taxonomy: Pick<ExitReasonTaxonomy, 'rules'>): ExitReasonCode[] {
  const folded = fold(text);
  if (folded === '') return [];
  const own = taxonomy.rules.filter((r) => folded.includes(fold(r.keyword))).map((r) => r.code);
  if (own.length > 0) return [...new Set(own)];
  return EXIT_REASON_CODES.filter((code) => STANDARD_EXIT_REASONS[code].keywords.some((k) => folded.includes(k)));
}

export interface TaxonomyInput {
  focusAreas?: { code: string; focusAreas: string[] }[] | null;
  rules?: { keyword: string; code: string }[] | null;
}

/** Checks a manager's edit; focus areas may be the standard ones or any the tenant's programs use. */
export function checkTaxonomy(current: ExitReasonTaxonomy, input: TaxonomyInput, knownFocusAreas: readonly string[]): ExitReasonTaxonomy {
  const checks = new Checks();
  const allowed = new Set<string>([...FOCUS_AREAS, ...knownFocusAreas]);
  const focusAreas = { ...current.focusAreas };
  (input.focusAreas ?? []).forEach((entry, i) => {
    const code = checks.oneOf(`input.focusAreas.${i}.code`, entry.code, EXIT_REASON_CODES);
    const areas = [
      ...new Set(
        entry.focusAreas.map((a) =>
          a
            .trim()
            .toUpperCase()
            .replace(/[\s-]+/g, '_'),
        ),
      ),
    ];
    areas.forEach((a, j) => {
      if (!allowed.has(a)) checks.fail(`input.focusAreas.${i}.focusAreas.${j}`, 'focusArea', `"${a}" is not a focus area`);
    });
    if (areas.length > 8) checks.fail(`input.focusAreas.${i}.focusAreas`, 'tooMany', 'takes at most 8 entries');
    focusAreas[code] = areas;
  });
  const rules = input.rules
    ? input.rules.map((r, i) => ({
        keyword: fold(checks.text(`input.rules.${i}.keyword`, r.keyword, { min: 2, max: 60 })),
        code: checks.oneOf(`input.rules.${i}.code`, r.code, EXIT_REASON_CODES),
      }))
    : current.rules;
  if (rules.length > 200) checks.fail('input.rules', 'tooMany', 'takes at most 200 rules');
  checks.done();
  return { ...current, focusAreas, rules };
}
