import { fold } from '#domain/kernel/names.ts';

/**
 * One vocabulary of focus areas (ADR 0056). The codes are the reasons people want a mentor, as the
 * seed lists them ("Redenen voor mentoring kunnen zijn: …"); a program may add areas of its own,
 * which get a code from their words. Every place that takes focus areas from outside — programs,
 * enrolment, requests, the people import, discovery's filter — reads them through
 * {@link focusAreaCode}, so "psycho-social support", "Psychosociale ondersteuning" and
 * `PSYCHO_SOCIAL_SUPPORT` are the same area everywhere.
 */
export interface FocusAreaDefinition {
  code: string;
  en: string;
  nl: string;
  /** Other words people use, in English and Dutch (folded like input before comparing). */
  synonyms: readonly string[];
}

export const VOCABULARY: readonly FocusAreaDefinition[] = [
  {
    code: 'CONNECTIONS',
    en: 'Connections, introductions, visibility',
    nl: 'Verbindingen, introducties, zichtbaarheid',
    synonyms: [
      'connections',
      'connection',
      'introductions',
      'introduction',
      'visibility',
      'networking',
      'network',
      'sponsorship',
      'verbindingen',
      'verbinding',
      'introducties',
      'introductie',
      'zichtbaarheid',
      'netwerk',
      'netwerken',
      'contacten',
    ],
  },
  {
    code: 'JOB_SKILLS',
    en: 'Job skills',
    nl: 'Jobvaardigheden',
    synonyms: ['job skills', 'job skill', 'work skills', 'jobvaardigheden', 'vakvaardigheden', 'werkvaardigheden', 'beroepsvaardigheden'],
  },
  {
    code: 'INDUSTRY_KNOWLEDGE',
    en: 'Industry knowledge',
    nl: 'Branchekennis',
    synonyms: ['industry knowledge', 'industry', 'sector knowledge', 'branchekennis', 'branche', 'sectorkennis', 'vakkennis'],
  },
  {
    code: 'MANAGEMENT_SKILLS',
    en: 'Management skills',
    nl: 'Managementvaardigheden',
    synonyms: [
      'management skills',
      'management',
      'leadership',
      'leadership skills',
      'managementvaardigheden',
      'leidinggeven',
      'leiderschap',
      'leiderschapsvaardigheden',
    ],
  },
  {
    code: 'COMMUNICATION_SKILLS',
    en: 'Communication skills',
    nl: 'Communicatievaardigheden',
    synonyms: ['communication skills', 'communication', 'communicatievaardigheden', 'communicatie'],
  },
  {
    code: 'GOAL_SETTING',
    en: 'Help with setting goals',
    nl: 'Hulp bij het stellen van doelen',
    synonyms: ['goal setting', 'goals', 'setting goals', 'help setting goals', 'doelen stellen', 'doelen', 'stellen van doelen'],
  },
  {
    code: 'PROBLEM_SOLVING',
    en: 'Help with solving problems',
    nl: 'Hulp bij het oplossen van problemen',
    synonyms: ['problem solving', 'problems', 'solving problems', 'help solving problems', 'problemen oplossen', 'oplossen van problemen'],
  },
  {
    code: 'PSYCHOSOCIAL_SUPPORT',
    en: 'Psychosocial support',
    nl: 'Psychosociale ondersteuning',
    synonyms: [
      'psychosocial support',
      'psycho social support',
      'psychosocial',
      'psycho social',
      'wellbeing',
      'well being',
      'psychosociale ondersteuning',
      'psycho sociale ondersteuning',
      'psychosociale steun',
      'werkdruk',
      'discriminatie',
      'omgaan met teleurstellingen',
      'zelfrespect',
      'workload',
      'work pressure',
      'discrimination',
      'dealing with disappointments',
      'self respect',
      'self esteem',
    ],
  },
];

/** The seed's focus areas in its order: a new program offers these unless it names its own. */
export const FOCUS_AREAS = VOCABULARY.map((d) => d.code);

/** Codes stored before the vocabulary, kept readable: createProgram once wrote `PSYCHO_SOCIAL_SUPPORT`. */
const OLD_CODES: Record<string, string> = {
  PSYCHO_SOCIAL_SUPPORT: 'PSYCHOSOCIAL_SUPPORT',
  PSYCHOSOCIAL: 'PSYCHOSOCIAL_SUPPORT',
  WELLBEING: 'PSYCHOSOCIAL_SUPPORT',
  NETWORKING: 'CONNECTIONS',
  GOALS: 'GOAL_SETTING',
  COMMUNICATION: 'COMMUNICATION_SKILLS',
  MANAGEMENT: 'MANAGEMENT_SKILLS',
  LEADERSHIP: 'MANAGEMENT_SKILLS',
};

/** Case, accents, hyphens, underscores and spacing folded away: "Psycho-sociale  ondersteuning" → "psycho sociale ondersteuning". */
const words = (text: string): string =>
  fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The same words with no spaces at all, so "psycho social" and "psychosocial" meet. */
const squashed = (text: string): string => words(text).replace(/ /g, '');

const LOOKUP: Map<string, string> = (() => {
  const out = new Map<string, string>();
  for (const d of VOCABULARY) {
    for (const term of [d.code, d.en, d.nl, ...d.synonyms]) out.set(squashed(term), d.code);
  }
  for (const [old, code] of Object.entries(OLD_CODES)) out.set(squashed(old), code);
  return out;
})();

/** A program's own area as a code: its words in upper snake case ("Public speaking" → PUBLIC_SPEAKING). */
const codeOfWords = (text: string): string => words(text).toUpperCase().replace(/ /g, '_');

/**
 * The code of a focus area as anyone may write it: a code, an English or Dutch label or synonym,
 * an old stored code, or one of `programAreas` (a program's own additions) in any case, accents,
 * hyphens or spacing. Unknown words become a code of their own (the caller decides whether the
 * program offers it).
 */
export function focusAreaCode(text: string, programAreas: readonly string[] = []): string {
  const key = squashed(text);
  const known = LOOKUP.get(key);
  if (known) return known;
  const own = programAreas.find((area) => squashed(area) === key);
  return own ?? codeOfWords(text);
}

/** Each area as its code, once, in the order given (stored lists read through this stay readable after a rename). */
export const focusAreaCodes = (texts: readonly string[], programAreas: readonly string[] = []): string[] => [
  ...new Set(texts.map((t) => focusAreaCode(t, programAreas))),
];

/** A code's label in the reader's language; a program's own area reads as its words. */
export function focusAreaLabel(code: string, locale: 'en' | 'nl'): string {
  const known = VOCABULARY.find((d) => d.code === code);
  if (known) return known[locale];
  const text = code.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
