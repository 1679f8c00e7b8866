import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { auditEntry } from '#domain/kernel/audit.ts';
import { auditView, checkMap, defaultPrivacy, mayRead, payloadView, privacyLookup, WEBHOOK_DATA } from '#domain/kernel/visibility.ts';
import { typeDefs } from '#generated/typeDefs.ts';
import { guardSchema, schemaFields } from '#graphql/visibility.ts';

const manager = { role: 'manager' as const, personId: null };
const mentee = { role: 'participant' as const, personId: 'p1' };
const stranger = { role: 'participant' as const, personId: 'p9' };

describe('the visibility map', () => {
  it('classifies every field of every object type in the schema, and nothing else', () => {
    expect(checkMap(schemaFields(buildSchema(typeDefs)))).toEqual([]);
  });

  it('refuses to build a schema with a field it does not classify', () => {
    // Prepare: the schema with one new field nobody classified.
    const grown = buildSchema(`${typeDefs}\nextend type Meeting { transcript: String }`);
    // Act / Assert
    expect(() => guardSchema(grown)).toThrow(/Meeting\.transcript: no visibility class/);
  });

  it('keeps pair-private values with the pair, contact details with the person and managers', () => {
    const pair = { parties: ['p1', 'p2'], programId: 'prog' };
    expect(mayRead(mentee, 'PAIR_PRIVATE', pair)).toBe(true);
    expect(mayRead(manager, 'PAIR_PRIVATE', pair)).toBe(false);
    expect(mayRead(stranger, 'CONTACT', { parties: ['p1'], programId: null })).toBe(false);
    expect(mayRead(manager, 'CONTACT', { parties: ['p1'], programId: null })).toBe(true);
    // A value whose subject is unknown is nobody's.
    expect(mayRead(mentee, 'PAIR_PRIVATE', null)).toBe(false);
  });

  it('filters audit values as it filters records: a hidden reason stays hidden from managers, not from the person', () => {
    const scope = { tenantId: 't', actor: { id: 'a', role: 'manager' as const, tenantId: 't', personId: null }, now: new Date() };
    const entry = auditEntry(scope, () => 'e1', 'person.enrol', { type: 'Person', id: 'p1' }, null, {
      programId: 'prog',
      reasons: ['GOAL_SETTING', 'PSYCHOSOCIAL_SUPPORT'],
      email: 'p1@example.org',
    });
    const privacies = privacyLookup([{ id: 'prog', privacy: defaultPrivacy }]);
    expect(auditView(entry, manager, privacies).changes.find((c) => c.field === 'reasons')?.after).toEqual(['GOAL_SETTING']);
    expect(auditView(entry, mentee, privacies).changes.find((c) => c.field === 'reasons')?.after).toEqual([
      'GOAL_SETTING',
      'PSYCHOSOCIAL_SUPPORT',
    ]);
    expect(auditView(entry, manager, privacies).changes.find((c) => c.field === 'email')?.after).toBe('p1@example.org');
  });

  it('lets a webhook carry ids, states and dates only', () => {
    expect(
      payloadView({ mentorship: 'TWVu', status: 'COMPLETED', privateNotes: 'x', reasons: ['PSYCHOSOCIAL_SUPPORT'] }, WEBHOOK_DATA),
    ).toEqual({
      mentorship: 'TWVu',
      status: 'COMPLETED',
    });
  });
});
