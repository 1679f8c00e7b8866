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

/**
 * Writes CSV that spreadsheets open safely: a cell that starts like a formula (= + - @) gets a
 * leading apostrophe, so an exported name can never run as a formula (CSV injection).
 */
export function toCsv(headers: string[], rows: (string | number | boolean | null | undefined)[][]): string {
  const safe = (value: string | number | boolean | null | undefined): string => {
    const text = value === null || value === undefined ? '' : String(value);
    return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  };
  return `${Papa.unparse({ fields: headers.map(safe), data: rows.map((r) => r.map(safe)) }, { newline: '\r\n' })}\r\n`;
}
