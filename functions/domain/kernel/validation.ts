import { type FieldProblem, invalidInput } from './errors.ts';

const languageNames = new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;
// Control characters other than tab and newline have no place in anything a person types; nor do
// the bidirectional overrides and isolates, which make a name display as something else ("Trojan
// Source"). The marks a right-to-left name may need (U+200E, U+200F) stay allowed.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

/** ISO 639-1 code that Intl knows, e.g. `nl`. */
export const isLanguageCode = (code: string): boolean => /^[a-z]{2}$/.test(code) && languageNames.of(code) !== undefined;

/** Zones already checked: building a formatter per row costs an import of thousands of rows seconds. */
const knownZones = new Map<string, boolean>();

/** IANA time-zone name, e.g. `Europe/Amsterdam`. */
export function isTimeZone(name: string): boolean {
  if (!name.includes('/') && name !== 'UTC') return false;
  const known = knownZones.get(name);
  if (known !== undefined) return known;
  let valid = true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
  } catch {
    valid = false;
  }
  if (knownZones.size < 1000) knownZones.set(name, valid);
  return valid;
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/**
 * Collects every problem with an input before anything is written, so a caller learns about all
 * of them at once. Each check returns the cleaned value (trimmed, normalised) for the caller to use.
 */
export class Checks {
  readonly problems: FieldProblem[] = [];

  fail(field: string, rule: string, reason: string, nl?: string): void {
    this.problems.push({ field, rule, reason, ...(nl ? { nl } : {}) });
  }

  text(field: string, value: string, opts: { min?: number; max: number }): string {
    const trimmed = value.trim();
    const min = opts.min ?? 1;
    if (trimmed.length < min) {
      this.fail(field, 'required', min === 1 ? 'must not be empty' : `needs at least ${min} characters`);
    } else if (trimmed.length > opts.max) {
      this.fail(field, 'tooLong', `must be at most ${opts.max} characters`);
    } else if (CONTROL.test(trimmed)) {
      this.fail(field, 'controlCharacters', 'contains control characters');
    }
    return trimmed;
  }

  optionalText(field: string, value: string | null | undefined, max: number): string | null {
    if (value === null || value === undefined || value.trim() === '') return null;
    return this.text(field, value, { max });
  }

  email(field: string, value: string): string {
    const email = normaliseEmail(value);
    if (email.length > 254 || !EMAIL.test(email)) this.fail(field, 'email', 'is not a valid e-mail address');
    return email;
  }

  slug(field: string, value: string): string {
    if (!/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/.test(value)) {
      this.fail(field, 'slug', 'use 1–40 lowercase letters, digits and dashes, not starting or ending with a dash');
    }
    return value;
  }

  timeZone(field: string, value: string): string {
    const zone = value.trim();
    if (!isTimeZone(zone)) this.fail(field, 'timeZone', 'is not an IANA time zone such as Europe/Amsterdam');
    return zone;
  }

  locale(field: string, value: string): string {
    if (!['en', 'nl'].includes(value)) this.fail(field, 'locale', 'must be en or nl');
    return value;
  }

  languages(field: string, values: readonly string[]): string[] {
    const codes = [...new Set(values.map((v) => v.trim().toLowerCase()).filter(Boolean))];
    for (const code of codes) {
      if (!isLanguageCode(code)) this.fail(field, 'language', `"${code}" is not an ISO 639-1 language code`);
    }
    return codes;
  }

  /** A calendar date as YYYY-MM-DD. */
  date(field: string, value: string): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
      this.fail(field, 'date', 'must be a date as YYYY-MM-DD');
    }
    return value;
  }

  int(field: string, value: number, opts: { min: number; max: number }): number {
    if (!Number.isInteger(value) || value < opts.min || value > opts.max) {
      this.fail(field, 'range', `must be a whole number from ${opts.min} to ${opts.max}`);
    }
    return value;
  }

  number(field: string, value: number, opts: { min: number; max: number }): number {
    if (!Number.isFinite(value) || value < opts.min || value > opts.max) {
      this.fail(field, 'range', `must be a number from ${opts.min} to ${opts.max}`);
    }
    return value;
  }

  oneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
    if (!(allowed as readonly string[]).includes(value)) {
      this.fail(field, 'oneOf', `must be one of ${allowed.join(', ')}`);
    }
    return value as T;
  }

  list(field: string, values: readonly string[], opts: { maxItems: number; maxLength: number }): string[] {
    const cleaned = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
    if (cleaned.length > opts.maxItems) this.fail(field, 'tooMany', `takes at most ${opts.maxItems} entries`);
    cleaned.forEach((v, i) => {
      this.text(`${field}.${i}`, v, { max: opts.maxLength });
    });
    return cleaned;
  }

  /** Throws `BAD_USER_INPUT` naming every offending field, if there was any. */
  done(): void {
    if (this.problems.length > 0) throw invalidInput(this.problems);
  }
}
