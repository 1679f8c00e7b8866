/**
 * Languages are ISO 639-1 codes (the API checks them with Intl, as here). The choices are every
 * two-letter code the browser can name, named in the console's language: no list to keep up.
 */
const cache = new Map<string, { id: string; name: string }[]>();

export function languageChoices(locale: string): { id: string; name: string }[] {
  let choices = cache.get(locale);
  if (!choices) {
    const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    choices = [...letters]
      .flatMap((first) => [...letters].map((second) => first + second))
      .flatMap((code) => {
        const name = names.of(code);
        return name && name !== code ? [{ id: code, name: `${name} (${code})` }] : [];
      })
      .sort((a, b) => a.name.localeCompare(b.name, locale));
    cache.set(locale, choices);
  }
  return choices;
}

/** `nl` → `Dutch` (or `Nederlands`); an unknown code as it is. */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** IANA time zones the browser knows, with the current value kept even if it does not. */
export function timeZoneChoices(current?: string | null): { id: string; name: string }[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = new Set(['UTC', ...zones, ...(current ? [current] : [])]);
  return [...all].sort().map((zone) => ({ id: zone, name: zone.replace(/_/g, ' ') }));
}

/** The browser's own time zone: a sensible default for someone new. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
