import { describe, expect, it } from 'vitest';
import { readRows, suggestMapping } from '#domain/people/imports.ts';
import { FOCUS_AREAS, focusAreaCode, focusAreaCodes, focusAreaLabel, VOCABULARY } from '#domain/programs/focusAreas.ts';
import { readableProgram } from '#domain/programs/programs.ts';
import { parseCsv } from '#lib/csv.ts';

/** The seed's reasons for mentoring, as it words them (Dutch), and the same list in English. */
const SEED_NL: [string, string][] = [
  ['Verbindingen', 'CONNECTIONS'],
  ['introducties', 'CONNECTIONS'],
  ['zichtbaarheid', 'CONNECTIONS'],
  ['Jobvaardigheden', 'JOB_SKILLS'],
  ['branchekennis', 'INDUSTRY_KNOWLEDGE'],
  ['managementvaardigheden', 'MANAGEMENT_SKILLS'],
  ['communicatievaardigheden', 'COMMUNICATION_SKILLS'],
  ['Hulp bij het stellen van doelen', 'GOAL_SETTING'],
  ['Hulp bij het oplossen van problemen', 'PROBLEM_SOLVING'],
  ['Psycho-sociale ondersteuning', 'PSYCHOSOCIAL_SUPPORT'],
  ['werkdruk', 'PSYCHOSOCIAL_SUPPORT'],
  ['discriminatie', 'PSYCHOSOCIAL_SUPPORT'],
  ['omgaan met teleurstellingen', 'PSYCHOSOCIAL_SUPPORT'],
  ['zelfrespect', 'PSYCHOSOCIAL_SUPPORT'],
];
const SEED_EN: [string, string][] = [
  ['Connections', 'CONNECTIONS'],
  ['introductions', 'CONNECTIONS'],
  ['visibility', 'CONNECTIONS'],
  ['Job skills', 'JOB_SKILLS'],
  ['industry knowledge', 'INDUSTRY_KNOWLEDGE'],
  ['management skills', 'MANAGEMENT_SKILLS'],
  ['communication skills', 'COMMUNICATION_SKILLS'],
  ['Help with setting goals', 'GOAL_SETTING'],
  ['Help with solving problems', 'PROBLEM_SOLVING'],
  ['psycho-social support', 'PSYCHOSOCIAL_SUPPORT'],
  ['Psychosocial support', 'PSYCHOSOCIAL_SUPPORT'],
];

describe('the focus-area vocabulary', () => {
  it.each(SEED_NL)('reads the seed’s Dutch "%s" as %s', (text, code) => {
    expect(focusAreaCode(text)).toBe(code);
  });

  it.each(SEED_EN)('reads the English "%s" as %s', (text, code) => {
    expect(focusAreaCode(text)).toBe(code);
  });

  it('folds case, accents, hyphens, underscores and spacing', () => {
    for (const text of ['PSYCHO-SOCIAL SUPPORT', 'psycho_social_support', '  Psycho  social  support ', 'psychosociale óndersteuning']) {
      expect(focusAreaCode(text)).toBe('PSYCHOSOCIAL_SUPPORT');
    }
  });

  it('keeps codes stored before the vocabulary readable', () => {
    // Prepare: a program written when createProgram stored the words with their hyphen.
    const stored = {
      focusAreas: ['PSYCHO_SOCIAL_SUPPORT', 'COMMUNICATION_SKILLS'],
      privacy: { sensitiveFocusAreas: ['PSYCHO_SOCIAL_SUPPORT'], managersSeeSensitiveReasons: false },
    };
    // Act
    const read = readableProgram(stored as never);
    // Assess
    expect(read.focusAreas).toEqual(['PSYCHOSOCIAL_SUPPORT', 'COMMUNICATION_SKILLS']);
    expect(read.privacy?.sensitiveFocusAreas).toEqual(['PSYCHOSOCIAL_SUPPORT']);
  });

  it('gives a program’s own areas a code from their words, and finds them again however they are written', () => {
    expect(focusAreaCode('Public speaking')).toBe('PUBLIC_SPEAKING');
    expect(focusAreaCode('public-speaking', ['PUBLIC_SPEAKING'])).toBe('PUBLIC_SPEAKING');
    expect(focusAreaCodes(['Public Speaking', 'goals', 'doelen'], ['PUBLIC_SPEAKING'])).toEqual(['PUBLIC_SPEAKING', 'GOAL_SETTING']);
  });

  it('labels every code in English and Dutch, and a program’s own area by its words', () => {
    for (const code of FOCUS_AREAS) {
      expect(focusAreaLabel(code, 'en')).not.toBe(code);
      expect(focusAreaLabel(code, 'nl')).not.toBe(code);
      expect(focusAreaCode(focusAreaLabel(code, 'en'))).toBe(code);
      expect(focusAreaCode(focusAreaLabel(code, 'nl'))).toBe(code);
    }
    expect(focusAreaLabel('PSYCHOSOCIAL_SUPPORT', 'nl')).toBe('Psychosociale ondersteuning');
    expect(focusAreaLabel('PUBLIC_SPEAKING', 'en')).toBe('Public speaking');
  });

  it('never gives one word to two codes', () => {
    const seen = new Map<string, string>();
    for (const d of VOCABULARY) {
      for (const term of [d.en, d.nl, ...d.synonyms]) {
        const code = focusAreaCode(term);
        expect(code, `"${term}"`).toBe(d.code);
        seen.set(term, code);
      }
    }
    expect(seen.size).toBeGreaterThan(60);
  });

  it('maps the import’s words exactly as createProgram and enrol do', () => {
    // Prepare: a program created with the words of the issue, and a row using the same words.
    const program = { focusAreas: focusAreaCodes(['psycho-social support', 'communication skills']) };
    const table = parseCsv(
      'email,first name,last name,time zone,languages,role,reasons\r\na@example.org,A,B,Europe/Amsterdam,nl,mentee,"psycho-social support; Communicatievaardigheden"\r\n',
    );
    // Act
    const { accepted } = readRows(table, suggestMapping(table.headers), program, null);
    // Assess
    expect(program.focusAreas).toEqual(['PSYCHOSOCIAL_SUPPORT', 'COMMUNICATION_SKILLS']);
    expect(accepted[0]?.enrolment.reasons).toEqual(['PSYCHOSOCIAL_SUPPORT', 'COMMUNICATION_SKILLS']);
  });
});
