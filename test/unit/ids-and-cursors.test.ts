import { describe, expect, it } from 'vitest';
import { DomainError } from '#domain/errors.ts';
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

  it('open only for the list and tenant that sealed them', () => {
    const cursor = seal.seal('position', 'tenant-a|programs|{}') ?? '';
    expect(seal.open(cursor, 'tenant-a|programs|{}')).toBe('position');
    expect(() => seal.open(cursor, 'tenant-b|programs|{}')).toThrow(DomainError);
    expect(() => seal.open(cursor.replace('position', 'positioN'), 'tenant-a|programs|{}')).toThrow(DomainError);
    expect(() => seal.open('no-signature', 'tenant-a|programs|{}')).toThrow(DomainError);
  });

  it('cannot be forged with another secret', () => {
    const forged = new CursorSeal('guess').seal('position', 'tenant-a|programs|{}') ?? '';
    expect(() => seal.open(forged, 'tenant-a|programs|{}')).toThrow(DomainError);
  });
});
