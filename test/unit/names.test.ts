import { describe, expect, it } from 'vitest';
import { capitaliseDutch, searchTerms, sortKey, splitFamilyName } from '#domain/kernel/names.ts';

describe('Dutch names', () => {
  it('files "van der Dekker" under D, as a Dutch reader expects', () => {
    expect(splitFamilyName('van der Dekker')).toEqual({ particles: 'van der', core: 'Dekker' });
    const sorted = ['Sanne van der Dekker', 'Bram Bakker', 'Anouk de Vries', 'Daan Dijkstra'].sort((a, b) => {
      const [ga = '', ...fa] = a.split(' ');
      const [gb = '', ...fb] = b.split(' ');
      return sortKey(ga, fa.join(' ')).localeCompare(sortKey(gb, fb.join(' ')));
    });
    expect(sorted).toEqual(['Bram Bakker', 'Sanne van der Dekker', 'Daan Dijkstra', 'Anouk de Vries']);
  });

  it('sorts and searches without regard to accents or case', () => {
    expect(sortKey('Zoë', 'Öztürk')).toBe(sortKey('zoe', 'ozturk'));
    expect(searchTerms('Inês ter Vos', 'INES.tervos@example.org')).toEqual(expect.arrayContaining(['ines', 'vos', 'tervos', 'example']));
  });

  it('keeps a lone particle-like surname whole', () => {
    expect(splitFamilyName('de')).toEqual({ particles: '', core: 'de' });
  });

  it('capitalises IJ as one letter', () => {
    expect(capitaliseDutch('ijsbrand')).toBe('IJsbrand');
    expect(capitaliseDutch('daan')).toBe('Daan');
  });
});
