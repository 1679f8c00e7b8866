import { useTranslate } from 'react-admin';

/** The standard vocabulary (functions/domain/programs.ts FOCUS_AREAS), offered first wherever focus areas are chosen. */
export const STANDARD_FOCUS_AREAS = [
  'CONNECTIONS',
  'JOB_SKILLS',
  'INDUSTRY_KNOWLEDGE',
  'MANAGEMENT_SKILLS',
  'COMMUNICATION_SKILLS',
  'GOAL_SETTING',
  'PROBLEM_SOLVING',
  'PSYCHOSOCIAL_SUPPORT',
] as const;

/** A program's own code as words: `WORK_LIFE_BALANCE` → "Work life balance". */
export const humanizeCode = (code: string): string => {
  const words = code.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * Focus areas are codes (`JOB_SKILLS`); the standard ones have words in both languages, and a
 * program's own additions read as words made of their code.
 */
export function useFocusAreaLabel(): (code: string) => string {
  const translate = useTranslate();
  return (code) => translate(`kindling.focusAreas.${code}`, { _: humanizeCode(code) });
}

/** A program's own focus area as the API stores it: "Work-life balance" → `WORK_LIFE_BALANCE`. */
export const toFocusAreaCode = (words: string): string =>
  words
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
