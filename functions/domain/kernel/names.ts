/**
 * Dutch and Flemish surnames carry particles ("van der", "de", "ten") that do not count when
 * sorting: "Sanne van der Dekker" files under D. "IJ" at the start of a Dutch name is one letter
 * and is capitalised as a pair ("IJsselmeer", not "Ijsselmeer").
 */
const PARTICLES = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  "'t",
  'ter',
  'ten',
  'te',
  'in',
  'op',
  'la',
  'le',
  'du',
  'des',
  'da',
  'di',
  'dos',
  'von',
  'zu',
  'el',
  'al',
  'bin',
]);

/** Lower-case without accents: how names are compared, sorted and searched. */
export const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Splits "van der Dekker" into particles and the sortable core "Dekker". */
export function splitFamilyName(familyName: string): { particles: string; core: string } {
  const words = familyName.trim().split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && PARTICLES.has((words[i] ?? '').toLowerCase())) i++;
  return { particles: words.slice(0, i).join(' '), core: words.slice(i).join(' ') };
}

/** A key that sorts people the way a Dutch reader expects, insensitive to case and accents. */
export function sortKey(givenName: string, familyName: string): string {
  const { core, particles } = splitFamilyName(familyName);
  return `${fold(core)} ${fold(givenName)} ${fold(particles)}`.trim().replace(/\s+/g, ' ');
}

/** Capitalises a name word as Dutch does: "ijsbrand" → "IJsbrand", "o'neil" stays as typed. */
export function capitaliseDutch(word: string): string {
  if (/^ij/i.test(word)) return `IJ${word.slice(2)}`;
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export const displayName = (givenName: string, familyName: string): string => `${givenName} ${familyName}`.trim();

/** Lower-cased, accent-free words of a name or e-mail, for prefix search. */
export function searchTerms(...parts: string[]): string[] {
  return [...new Set(parts.flatMap((p) => fold(p).split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 0))];
}
