import { describe, expect, it } from 'vitest';
import { DomainError } from '#domain/kernel/errors.ts';
import { Checks, isLanguageCode, isTimeZone, normaliseEmail } from '#domain/kernel/validation.ts';

describe('input checks', () => {
  it('stores e-mail addresses lower-cased and trimmed, as HR exports mix case', () => {
    expect(normaliseEmail('  Sanne.VanDerDekker@Example.ORG ')).toBe('sanne.vanderdekker@example.org');
    const checks = new Checks();
    expect(checks.email('email', 'Femke@Example.org')).toBe('femke@example.org');
    checks.email('other', 'not-an-email');
    expect(checks.problems.map((p) => p.field)).toEqual(['other']);
  });

  it('knows time zones by IANA name and refuses abbreviations and inventions', () => {
    expect(isTimeZone('Europe/Amsterdam')).toBe(true);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('CET')).toBe(false);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('takes ISO 639-1 language codes only', () => {
    expect(isLanguageCode('nl')).toBe(true);
    expect(isLanguageCode('zh')).toBe(true);
    expect(isLanguageCode('xx')).toBe(false);
    expect(isLanguageCode('nld')).toBe(false);
    const checks = new Checks();
    expect(checks.languages('languages', [' NL', 'en', 'nl'])).toEqual(['nl', 'en']);
  });

  it('refuses control characters and over-long text, naming the field', () => {
    const checks = new Checks();
    checks.text('bio', 'hello\u0007', { max: 10 });
    checks.text('name', 'x'.repeat(11), { max: 10 });
    checks.text('empty', '   ', { max: 10 });
    expect(checks.problems.map((p) => [p.field, p.rule])).toEqual([
      ['bio', 'controlCharacters'],
      ['name', 'tooLong'],
      ['empty', 'required'],
    ]);
    expect(() => checks.done()).toThrow(DomainError);
  });

  it('passes when nothing is wrong', () => {
    const checks = new Checks();
    checks.int('n', 3, { min: 1, max: 5 });
    expect(() => checks.done()).not.toThrow();
  });
});
