import Papa from 'papaparse';

export interface CsvTable {
  headers: string[];
  rows: string[][];
  delimiter: string;
}

/**
 * Reads a CSV export as spreadsheets and HR systems write them: comma, semicolon, tab or pipe
 * separated (guessed), quoted cells with commas and line breaks, a byte-order mark, blank lines.
 */
export function parseCsv(text: string): CsvTable {
  const clean = text.replace(/^\uFEFF/, '');
  const result = Papa.parse<string[]>(clean, { delimitersToGuess: [',', ';', '\t', '|'], skipEmptyLines: 'greedy' });
  const [headers = [], ...rows] = result.data;
  return { headers: headers.map((h) => h.trim()), rows, delimiter: result.meta.delimiter };
}

/** Text from bytes: UTF-8 (with or without BOM), UTF-16 by its BOM, else Windows-1252 as older exports use. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** A cell holding any of these is quoted: the delimiter of either locale (`,` English, `;` Dutch), a quote, tab or line break. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/**
 * Defuses one cell. A spreadsheet may split the file on `,` or on `;` (Dutch Excel), and one that
 * splits on the other delimiter does not see our quotes (nor the line breaks they hold), so every
 * part of a cell between delimiters or line breaks that starts like a formula (= + - @ tab CR,
 * OWASP's list, after any quotes or spaces) gets a leading apostrophe: `Zed;=1+1;x` goes out as
 * `"Zed;'=1+1;x"`.
 */
export function defuse(text: string): string {
  return text.replace(/(?<=^|[,;\t\r\n])([" ]*)(?=[=+\-@\t\r])/g, "'$1");
}

const cell = (value: string | number | boolean | null | undefined): string => {
  if (value === null || value === undefined) return '';
  // Numbers and booleans are Kindling's own figures, never a person's text: they go out as they are.
  if (typeof value !== 'string') return String(value);
  const text = defuse(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * Writes CSV that spreadsheets open safely in either locale: comma-separated, every cell that holds
 * `,` `;` `"` a tab or a line break quoted, and no part of a cell able to run as a formula (CSV
 * injection), whichever delimiter the spreadsheet splits on.
 */
export function toCsv(headers: string[], rows: (string | number | boolean | null | undefined)[][]): string {
  return [headers, ...rows].map((r) => `${r.map(cell).join(',')}\r\n`).join('');
}
