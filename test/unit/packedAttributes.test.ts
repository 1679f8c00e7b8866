import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromItem, pack, unpack } from '#store/items.ts';

const json = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown);

describe('packed attributes (ADR 62)', () => {
  it('reads an explanation and audit changes back whether stored packed or, as before, as lists of maps', () => {
    fc.assert(
      fc.property(fc.array(json, { maxLength: 6 }), fc.array(json, { maxLength: 6 }), (explanation, changes) => {
        // Prepare: the same values in both stored forms.
        const keysAndType = { PK: 'T#a#PROPOSAL#p', SK: 'PROPOSAL', type: 'Proposal', id: 'p' };
        const packed = { ...keysAndType, explanation: pack(explanation), changes: pack(changes) };
        const maps = { ...keysAndType, explanation, changes };

        // Act
        const fromPacked = fromItem<Record<string, unknown>>(packed);
        const fromMaps = fromItem<Record<string, unknown>>(maps);

        // Assess
        expect(fromPacked).toEqual({ id: 'p', explanation, changes });
        expect(fromMaps).toEqual(fromPacked);
      }),
    );
  });

  it('leaves every other string attribute a string, even one that looks like JSON', () => {
    // Prepare
    const item = { PK: 'T#a#P#x', SK: 'PROFILE', bio: '["not", "packed"]', reason: '{}' };

    // Act
    const person = fromItem<Record<string, unknown>>(item);

    // Assess
    expect(person).toEqual({ bio: '["not", "packed"]', reason: '{}' });
    expect(unpack<string[]>(pack(['a']))).toEqual(['a']);
  });
});
