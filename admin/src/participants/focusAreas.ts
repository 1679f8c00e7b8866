import { useTranslate } from 'react-admin';

/**
 * Focus areas are codes (`JOB_SKILLS`); the standard ones have words in both languages, and a
 * tenant's own are shown as written.
 */
export function useFocusAreaLabel(): (code: string) => string {
  const translate = useTranslate();
  return (code) => translate(`kindling.focusAreas.${code}`, { _: code });
}
