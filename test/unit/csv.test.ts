import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from '#lib/csv.ts';

/** A part a spreadsheet would run: after any quotes, spaces, tabs or line breaks, it starts with = + - or @. */
const RUNS = /^[" \t\r\n]*[=+\-@]/;

/**
 * Every piece a spreadsheet could make of a CSV line, whichever way it splits: on `,` or on `;`,
 * honouring quotes or not (a `;` spreadsheet opening a `,` file does not see the quotes, nor the
 * line breaks inside them).
 */
function partsAnySplit(csv: string): string[] {
  const naive = csv.split(/[,;\t\r\n]/);
  const quoted = [',', ';'].flatMap((delimiter) => Papa.parse<string[]>(csv, { delimiter }).data.flat());
  return [...naive, ...quoted];
}

const readBack = (csv: string): string[][] => Papa.parse<string[]>(csv.replace(/\r\n$/, ''), { delimiter: ',', newline: '\r\n' }).data;

// Text built from the characters that matter here, and anything else.
const nasty = fc.stringMatching(/^[=+\-@\t\r\n,;" 'aZ1é]*$/);
const text = fc.oneof(nasty, fc.string());

describe('CSV export', () => {
  it('quotes a cell holding a semicolon, so Dutch Excel keeps it whole, and defuses the formula after it', () => {
    // Act
    const csv = toCsv(['name', 'note'], [['Zed;=1+1;x', 'tab\there']]);

    // Assert
    expect(csv).toBe('name,note\r\n"Zed;\'=1+1;x","tab\there"\r\n');
    expect(partsAnySplit(csv).filter((p) => RUNS.test(p))).toEqual([]);
  });

  it('defuses a formula after a comma or a line break inside a quoted cell, which a semicolon spreadsheet splits on', () => {
    const csv = toCsv(['a'], [['Doe, =HYPERLINK("http://x")'], ['line\n@SUM(A1)'], ['-5'], ['  +1']]);
    expect(csv).toBe('a\r\n"Doe,\' =HYPERLINK(""http://x"")"\r\n"line\n\'@SUM(A1)"\r\n\'-5\r\n\'  +1\r\n');
  });

  it('leaves numbers and booleans, which Kindling writes itself, as they are', () => {
    expect(
      toCsv(
        ['n', 'b'],
        [
          [-3, true],
          [null, undefined],
        ],
      ),
    ).toBe('n,b\r\n-3,true\r\n,\r\n');
  });

  it('never lets any part of any cell start a formula, however the spreadsheet splits it', () => {
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (rows) => {
        const width = rows[0]?.length ?? 1;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
        const csv = toCsv(table[0] ?? [], table.slice(1));
        expect(partsAnySplit(csv).filter((p) => RUNS.test(p))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('reads back as the same table with comma CSV rules, each cell changed only by apostrophes', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (row) => {
        const cells = ['id', ...row];
        const back = readBack(toCsv(cells, []));
        expect(back).toHaveLength(1);
        expect(back[0]?.map((c) => c.replaceAll("'", ''))).toEqual(cells.map((c) => c.replaceAll("'", '')));
      }),
      { numRuns: 500 },
    );
  });

  it('quotes every cell that holds a delimiter of either locale, a quote, a tab or a line break', () => {
    fc.assert(
      fc.property(nasty, (value) => {
        const out = toCsv([value], []).replace(/\r\n$/, '');
        if (/[",;\t\r\n]/.test(value)) expect(out.startsWith('"') && out.endsWith('"')).toBe(true);
        else expect(out).not.toContain('"');
      }),
      { numRuns: 500 },
    );
  });
});
