import { describe, expect, it } from 'vitest';
import { UsageError } from '#local/args.ts';
import { identityChoices, type Preview, parseIdentityFlags, previewLines } from '#local/importPreview.ts';

/** A preview as the API answers it: one identity change (line 3), one update (line 5). */
const preview: Preview = {
  total: 6,
  accepted: 5,
  rejected: [{ line: 7 }],
  actions: { create: 2, update: 1, unchanged: 1, identityChanges: 1 },
  changes: [
    {
      line: 3,
      action: 'SKIP',
      name: 'Noor Haddad',
      email: 'noor.haddad@example.org',
      currentName: 'Sanne van der Dekker',
      currentEmail: 'sanne@example.org',
      currentExternalId: 'E10000',
      identityChange: true,
      emptyCells: 'CLEAR',
      changes: [],
    },
    {
      line: 5,
      action: 'UPDATE',
      name: 'Daan de Vries',
      email: 'daan@example.org',
      currentName: 'Daan de Vries',
      currentEmail: 'daan@example.org',
      currentExternalId: 'E10004',
      identityChange: false,
      emptyCells: 'KEEP',
      changes: [
        { field: 'JOB_TITLE', from: 'Coordinator', to: 'Director' },
        { field: 'MANAGER_EMAIL', from: 'sem@example.org', to: null },
      ],
    },
  ],
};

describe('kindling import: identity choices and the preview it prints', () => {
  it('reads --identity per line and --identity-all, and refuses anything else with the form to use', () => {
    // Act
    const flags = parseIdentityFlags(['3=replace', ' 9 = Skip '], 'same');

    // Assess
    expect(flags.byLine).toEqual(
      new Map([
        [3, 'REPLACE_PERSON'],
        [9, 'SKIP'],
      ]),
    );
    expect(flags.all).toBe('SAME_PERSON');
    expect(() => parseIdentityFlags(['3:replace'], undefined)).toThrow(/--identity takes <line>=replace\|same\|skip/);
    expect(() => parseIdentityFlags(['3=merge'], undefined)).toThrow(UsageError);
    expect(() => parseIdentityFlags(['3=skip', '3=same'], undefined)).toThrow(/names line 3 twice/);
  });

  it('leaves an identity change without a choice unchosen, and refuses a choice for a line that is none', () => {
    expect(identityChoices(preview, parseIdentityFlags([], undefined))).toEqual({ choices: [], missing: [3] });
    expect(identityChoices(preview, parseIdentityFlags([], 'skip')).choices).toEqual([{ line: 3, decision: 'SKIP' }]);
    expect(() => identityChoices(preview, parseIdentityFlags(['5=same'], undefined))).toThrow(/line 5, which is no identity change/);
  });

  it('prints what each row does, the empty-cell rule, the identity change first with how to choose, then the updates field by field', () => {
    // Act
    const undecided = previewLines(preview, []);
    const replaced = previewLines(preview, [{ line: 3, decision: 'REPLACE_PERSON' }]);

    // Assess
    expect(undecided[0]).toBe('Preview of 6 rows: 2 new, 1 updated, 1 unchanged, 1 skipped; 1 rejected.');
    expect(undecided[1]).toMatch(/^Empty cells: for someone already in Kindling an empty cell keeps the value/);
    expect(undecided.slice(2, 5)).toEqual([
      '1 row names someone who exists under another name and e-mail (probably someone else):',
      '  line 3: the file says Noor Haddad <noor.haddad@example.org>; Kindling has Sanne van der Dekker <sanne@example.org> (E10000)',
      '    → needs a choice: --identity 3=replace|same|skip',
    ]);
    expect(undecided.slice(5)).toEqual([
      'Changes to people who exist (1):',
      "  line 5 Daan de Vries: job title Coordinator → Director; manager's e-mail sem@example.org → (empty)",
    ]);
    expect(replaced[0]).toBe('Preview of 6 rows: 3 new, 1 updated, 1 unchanged, 0 skipped; 1 rejected.');
    expect(replaced[4]).toBe('    → replace: a new person from the row alone; the employee id moves to them');
  });
});
