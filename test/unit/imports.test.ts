import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRows, suggestMapping } from '#domain/people/imports.ts';
import { FOCUS_AREAS } from '#domain/programs/programs.ts';
import { rowMessage } from '#graphql/rowMessages.ts';
import { decodeText, parseCsv, toCsv } from '#lib/csv.ts';

const SAMPLE = join(import.meta.dirname, '..', '..', 'docs', 'examples', 'hr-export-sample.csv');
const program = { focusAreas: [...FOCUS_AREAS] };

describe('reading an HR export', () => {
  it('rejects exactly the four faulty rows of the sample, each with its reason, and takes the rest', () => {
    const table = parseCsv(decodeText(readFileSync(SAMPLE)));
    const { accepted, rejected } = readRows(table, suggestMapping(table.headers), program, null);
    expect(table.rows).toHaveLength(300);
    expect(rejected.map((r) => r.externalId)).toEqual(['E10003', 'E10007', 'E10011', 'E10013']);
    const why = Object.fromEntries(rejected.map((r) => [r.externalId, (r.problems ?? []).map((p) => rowMessage('en', p)).join('; ')]));
    expect(why.E10003).toMatch(/e-mail is not a valid e-mail address/);
    expect(why.E10007).toMatch(/already used in line \d+ \(the addresses differ only in case\)/);
    expect(why.E10011).toMatch(/"klingon" is not an ISO 639-1 language code/);
    expect(why.E10013).toMatch(/first name must not be empty/);
    expect(accepted).toHaveLength(296);
    expect(accepted.filter((r) => r.roles.length === 2).length).toBeGreaterThan(0);
  });

  it('guesses English and Dutch headers and reads a semicolon export with a tussenvoegsel column', () => {
    const csv =
      '\uFEFFPersoneelsnummer;Voornaam;Tussenvoegsel;Achternaam;E-mailadres;Tijdzone;Talen;Rol;Aandachtsgebieden\r\n' +
      'P1;IJsbrand;van der;Meer;IJsbrand.vanderMeer@Example.nl;Europe/Amsterdam;Nederlands, Engels;beide;"networking; goals"\r\n';
    const table = parseCsv(csv);
    expect(table.delimiter).toBe(';');
    const mapping = suggestMapping(table.headers);
    expect(mapping).toMatchObject({
      externalId: 0,
      givenName: 1,
      particles: 2,
      familyName: 3,
      email: 4,
      timeZone: 5,
      languages: 6,
      role: 7,
      reasons: 8,
    });
    const { accepted, rejected } = readRows(table, mapping, program, null);
    expect(rejected).toEqual([]);
    expect(accepted[0]).toMatchObject({
      person: { givenName: 'IJsbrand', familyName: 'van der Meer', languages: ['nl', 'en'] },
      roles: ['MENTOR', 'MENTEE'],
      enrolment: { reasons: ['CONNECTIONS', 'GOAL_SETTING'] },
    });
  });

  it('reads Windows-1252 bytes from older exports', () => {
    const bytes = Uint8Array.from([0x49, 0x6e, 0xea, 0x73]); // "Inês" in Windows-1252
    expect(decodeText(bytes)).toBe('Inês');
  });

  it('writes CSV that cannot run as a spreadsheet formula', () => {
    const csv = toCsv(['name'], [['=HYPERLINK("http://x")'], ['Zoë, "Z"']]);
    expect(csv).toBe('name\r\n"\'=HYPERLINK(""http://x"")"\r\n"Zoë, ""Z"""\r\n');
  });
});
