import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { type I18nProvider, mergeTranslations } from 'react-admin';
import { en } from './en.ts';

export const locales = [
  { locale: 'en', name: 'English' },
  { locale: 'nl', name: 'Nederlands' },
];

const english = mergeTranslations(englishMessages, en);

/**
 * English is bundled; Dutch loads on first use and falls back to English for any string it lacks.
 * react-admin remembers the choice in its store and shows a locale switcher in the app bar.
 */
export function createI18nProvider(): I18nProvider {
  return polyglotI18nProvider(
    (locale) => (locale === 'nl' ? import('./nl.ts').then(({ dutchMessages }) => mergeTranslations(english, dutchMessages)) : english),
    'en',
    locales,
  );
}
