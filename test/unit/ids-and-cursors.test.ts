import { describe, expect, it } from 'vitest';
import { DomainError } from '#domain/kernel/errors.ts';
import { CursorSeal } from '#graphql/cursors.ts';
import { localId, parseGlobalId, toGlobalId } from '#graphql/ids.ts';

describe('global ids', () => {
  it('round-trip a type and a local id, and carry no tenant', () => {
    const id = toGlobalId('Program', '01JABCDEF');
    expect(parseGlobalId(id)).toEqual({ type: 'Program', id: '01JABCDEF' });
    expect(Buffer.from(id, 'base64url').toString()).toBe('Program:01JABCDEF');
  });

  it('treat a wrong type, junk or an injected key as not found', () => {
    expect(() => localId(toGlobalId('Person', 'x'), 'Program')).toThrow(DomainError);
    expect(parseGlobalId('%%%')).toBeNull();
    expect(parseGlobalId(toGlobalId('Program', 'a#T#other'))).toBeNull();
  });
});

describe('cursors', () => {
  const seal = new CursorSeal('secret');
  const position = Buffer.from(JSON.stringify({ PK: 'T#tenant-a', GSI1SK: 'NAME#lovelace#ada' })).toString('base64url');

  it('open only for the list and tenant that sealed them', () => {
    const cursor = seal.seal(position, 'tenant-a|programs|{}') ?? '';
    expect(seal.open(cursor, 'tenant-a|programs|{}')).toBe(position);
    expect(() => seal.open(cursor, 'tenant-b|programs|{}')).toThrow(DomainError);
    expect(() => seal.open(cursor, 'tenant-a|people|{}')).toThrow(DomainError);
    expect(() => seal.open('no-signature', 'tenant-a|programs|{}')).toThrow(DomainError);
  });

  it('reveal nothing of the position: no key, no name, in any decoding', () => {
    const cursor = seal.seal(position, 'tenant-a|people|{}') ?? '';
    const decoded = [cursor, ...cursor.split('.').map((part) => Buffer.from(part, 'base64url').toString('latin1'))].join(' ');
    for (const secret of ['lovelace', 'ada', 'tenant-a', 'NAME', 'GSI1SK', position]) expect(decoded).not.toContain(secret);
    // The same boundary gives the same cursor (a page's endCursor equals its last edge's).
    expect(seal.seal(position, 'tenant-a|people|{}')).toBe(cursor);
  });

  it('refuse every edited byte', () => {
    const cursor = seal.seal(position, 'tenant-a|programs|{}') ?? '';
    const raw = Buffer.from(cursor.slice(3), 'base64url');
    for (let i = 0; i < raw.length; i++) {
      const edited = Buffer.from(raw);
      edited[i] = (edited[i] ?? 0) ^ 1;
      expect(() => seal.open(`k2.${edited.toString('base64url')}`, 'tenant-a|programs|{}')).toThrow(DomainError);
    }
    expect(() => seal.open(cursor.slice(0, -4), 'tenant-a|programs|{}')).toThrow(DomainError);
  });

  it('cannot be forged with another secret', () => {
    const forged = new CursorSeal('guess').seal(position, 'tenant-a|programs|{}') ?? '';
    expect(() => seal.open(forged, 'tenant-a|programs|{}')).toThrow(DomainError);
  });

  it('still open when sealed with the previous secret, during a rotation', () => {
    const before = seal.seal(position, 'tenant-a|programs|{}') ?? '';
    const rotated = new CursorSeal('new secret', ['secret']);
    expect(rotated.open(before, 'tenant-a|programs|{}')).toBe(position);
    expect(rotated.seal(position, 'tenant-a|programs|{}')).not.toBe(before);
    expect(() => new CursorSeal('new secret').open(before, 'tenant-a|programs|{}')).toThrow(DomainError);
  });
});
