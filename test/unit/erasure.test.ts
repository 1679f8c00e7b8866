import { describe, expect, it } from 'vitest';
import { eventFromAudit } from '#domain/engagement/webhooks.ts';
import type { AuditEntry } from '#domain/kernel/audit.ts';
import { ERASED, redactChanges, textScrubber } from '#domain/privacy/personalData.ts';

const lookup = {
  displayName: 'Eva van Dijk',
  givenName: 'Eva',
  familyName: 'van Dijk',
  email: 'eva@example.org',
  externalId: 'E100',
  department: 'HR',
  location: null,
};
const entry = (action: string, after: Record<string, unknown>): AuditEntry => ({
  id: '01A',
  tenantId: 't',
  at: '2026-03-02T09:00:00.000Z',
  actorId: 'x',
  actorRole: 'manager',
  action,
  entityType: 'Mentorship',
  entityId: 'm1',
  changes: Object.entries(after).map(([field, value]) => ({ field, before: null, after: value })),
});
const globalId = (type: string, id: string) => `${type}:${id}`;

describe('erasure rules', () => {
  it('redacts names and words in audit changes but keeps what partner events and statistics read', () => {
    // Prepare
    const start = entry('mentorship.start', {
      menteeName: 'Eva van Dijk',
      status: 'ACTIVE',
      source: { kind: 'REQUEST', id: 'r1' },
      introduction: { whyThisMentor: 'Because', focusAreas: ['GOAL_SETTING'] },
    });

    // Act
    const redacted = { ...start, changes: redactChanges(start.changes) };

    // Assert
    expect(redacted.changes).toEqual([
      { field: 'menteeName', before: null, after: ERASED },
      { field: 'status', before: null, after: 'ACTIVE' },
      { field: 'source', before: null, after: { kind: 'REQUEST', id: 'r1' } },
      { field: 'introduction', before: null, after: { whyThisMentor: ERASED, focusAreas: ['GOAL_SETTING'] } },
    ]);
    expect(eventFromAudit(redacted, globalId)).toEqual(eventFromAudit(start, globalId));
  });

  it('replaces the name, address and employee id as whole words only', () => {
    const scrub = textScrubber(lookup, 'Erased participant 7K2Q');
    expect(scrub('Eva van Dijk asked you; write to EVA@example.org (E100)')).toBe(
      'Erased participant 7K2Q asked you; write to Erased participant 7K2Q (Erased participant 7K2Q)',
    );
    expect(scrub('Evaluation of E1000 by van Dijkstra')).toBe('Evaluation of E1000 by van Dijkstra');
  });
});
