import type { ImportField } from '../generated/graphql.ts';

/** Every profile field an export's columns can fill, in the order the mapping table lists them. */
export const IMPORT_FIELDS: readonly ImportField[] = [
  'EXTERNAL_ID',
  'GIVEN_NAME',
  'PARTICLES',
  'FAMILY_NAME',
  'EMAIL',
  'ROLE',
  'TIME_ZONE',
  'LANGUAGES',
  'JOB_TITLE',
  'DEPARTMENT',
  'MANAGER_EMAIL',
  'LOCATION',
  'YEARS_EXPERIENCE',
  'INDUSTRY',
  'SKILLS_OFFERED',
  'SKILLS_SOUGHT',
  'REASONS',
  'CAPACITY',
  'HOURS_PER_MONTH',
  'OPEN_TO_SPONSORING',
  'BIO',
];

/** The API refuses an import without these (the role may come from "role for everyone" instead). */
export const REQUIRED_FIELDS: readonly ImportField[] = ['GIVEN_NAME', 'FAMILY_NAME', 'EMAIL', 'TIME_ZONE', 'LANGUAGES'];

/** `mapping.familyName` (a problem's path) → `FAMILY_NAME`. */
export const fieldOfPath = (path: string): ImportField | undefined => {
  const name = path.startsWith('mapping.') ? path.slice('mapping.'.length) : '';
  const field = name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
  return IMPORT_FIELDS.find((f) => f === field);
};

export type Encoding = 'utf-8' | 'windows-1252';

/**
 * A chosen file as text. HR systems export UTF-8 or, on older Windows set-ups, Windows-1252: a file
 * that is not valid UTF-8 is read as Windows-1252 rather than turned into replacement characters.
 */
export async function readCsvFile(file: File): Promise<{ text: string; encoding: Encoding }> {
  const bytes = await file.arrayBuffer();
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** Lambda's limit for one request, less room for the rest of it. */
export const MAX_FILE_BYTES = 5_500_000;
