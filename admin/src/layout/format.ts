import { useLocaleState } from 'react-admin';

const DAY_MS = 86_400_000;

/**
 * The console's one way to write dates and numbers, in its locale: "26 Nov 2026", "26 Nov 2026,
 * 20:48", "in 5 days", "4,012" (ADR 55): every date on every page goes through here.
 * Calendar dates (`2027-06-10`) are read as such, not shifted by the browser's time zone.
 */
export function useFormat() {
  const [locale = 'en'] = useLocaleState();
  const toDate = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value));
  const date = (value: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(toDate(value));
  const dateTime = (value: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(toDate(value));
  const time = (value: string) => new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(toDate(value));
  /** Whole days from today, in words: "today", "in 3 days", "12 days ago". */
  const relative = (value: string, now = new Date()) => {
    const startOf = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
    const days = Math.round((startOf(toDate(value)) - startOf(now)) / DAY_MS);
    return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
  };
  const number = (value: number, digits = 0) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
  const percent = (value: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
  /** "Dutch and English", "Excel, SQL en Python": a list joined as the language joins it. */
  const list = (items: readonly string[]) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
  /** `nl` → "Dutch" (in English) or "Nederlands" (in Dutch). */
  const languageName = (code: string) => {
    try {
      return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
  return { locale, date, dateTime, time, relative, number, percent, list, languageName };
}
