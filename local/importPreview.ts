import { UsageError } from './args.ts';

/**
 * `kindling import`'s preview and identity choices (issue #16): the rows by what they do, the
 * empty-cell rule, every identity change first (with the choice given, or how to give one), then the
 * updates field by field. Pure, so the wording is tested without a server.
 */
export type IdentityDecision = 'REPLACE_PERSON' | 'SAME_PERSON' | 'SKIP';

const WORDS: Record<string, IdentityDecision> = { replace: 'REPLACE_PERSON', same: 'SAME_PERSON', skip: 'SKIP' };
const WORD_OF: Record<IdentityDecision, string> = { REPLACE_PERSON: 'replace', SAME_PERSON: 'same', SKIP: 'skip' };

export interface IdentityFlags {
  /** Choices by line (`--identity 12=replace`). */
  byLine: Map<number, IdentityDecision>;
  /** The choice for every identity change not named by line (`--identity-all skip`). */
  all: IdentityDecision | null;
}

const decisionOf = (flag: string, word: string): IdentityDecision => {
  const decision = WORDS[word.trim().toLowerCase()];
  if (!decision) throw new UsageError(`${flag} takes replace, same or skip, not "${word}".`);
  return decision;
};

/** `--identity <line>=replace|same|skip` (repeatable) and `--identity-all replace|same|skip`. */
export function parseIdentityFlags(identity: readonly string[] | undefined, all: string | undefined): IdentityFlags {
  const byLine = new Map<number, IdentityDecision>();
  for (const value of identity ?? []) {
    const match = /^\s*(\d+)\s*=\s*(\S+)\s*$/.exec(value);
    if (!match) throw new UsageError(`--identity takes <line>=replace|same|skip (e.g. --identity 12=replace), not "${value}".`);
    const line = Number(match[1]);
    if (byLine.has(line)) throw new UsageError(`--identity names line ${line} twice.`);
    byLine.set(line, decisionOf('--identity', match[2] ?? ''));
  }
  return { byLine, all: all === undefined ? null : decisionOf('--identity-all', all) };
}

export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

export interface RowPlan {
  line: number;
  action: string;
  name: string;
  email: string;
  currentName: string | null;
  currentEmail: string | null;
  currentExternalId: string | null;
  identityChange: boolean;
  emptyCells: 'KEEP' | 'CLEAR';
  changes: FieldChange[];
}

export interface Preview {
  total: number;
  accepted: number;
  rejected: { line: number }[];
  actions: { create: number; update: number; unchanged: number; identityChanges: number };
  changes: RowPlan[];
}

/** The choice for each identity change, from the flags; the lines still without one. */
export function identityChoices(preview: Preview, flags: IdentityFlags) {
  const flagged = new Set(preview.changes.filter((p) => p.identityChange).map((p) => p.line));
  const unknown = [...flags.byLine.keys()].filter((line) => !flagged.has(line));
  if (unknown.length > 0)
    throw new UsageError(
      `--identity names line${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}, which ${unknown.length > 1 ? 'are' : 'is'} no identity change in this file.`,
    );
  const choices: { line: number; decision: IdentityDecision }[] = [];
  const missing: number[] = [];
  for (const line of flagged) {
    const decision = flags.byLine.get(line) ?? flags.all;
    if (decision) choices.push({ line, decision });
    else missing.push(line);
  }
  return { choices, missing };
}

/** Field names as the manager reads them in the file's terms. */
const FIELD_LABELS: Record<string, string> = {
  EXTERNAL_ID: 'employee id',
  GIVEN_NAME: 'given name',
  FAMILY_NAME: 'family name',
  EMAIL: 'e-mail',
  MANAGER_EMAIL: "manager's e-mail",
  REASONS: 'focus areas',
  CAPACITY: 'mentees at once',
};
const label = (field: string) => FIELD_LABELS[field] ?? field.toLowerCase().replaceAll('_', ' ');
const value = (v: string | null) => (v === null || v === '' ? '(empty)' : v);

/** Rows with changes printed at most; the counts say how many there are in all. */
export const SHOWN_UPDATES = 100;

export const EMPTY_CELL_RULE =
  'Empty cells: for someone already in Kindling an empty cell keeps the value Kindling has; a new person gets nothing for it, and a row marked "replace" starts from the row alone.';

/** The preview as lines: what the rows do, the rule, the identity changes and their choices, the updates. */
export function previewLines(preview: Preview, choices: { line: number; decision: IdentityDecision }[]): string[] {
  const chosen = new Map(choices.map((c) => [c.line, c.decision]));
  const count = (d: IdentityDecision) => choices.filter((c) => c.decision === d).length;
  const { create, update, unchanged, identityChanges } = preview.actions;
  const skipped = identityChanges - count('REPLACE_PERSON') - count('SAME_PERSON');
  const lines = [
    `Preview of ${preview.total} rows: ${create + count('REPLACE_PERSON')} new, ${update + count('SAME_PERSON')} updated, ${unchanged} unchanged, ${skipped} skipped; ${preview.rejected.length} rejected.`,
    EMPTY_CELL_RULE,
  ];
  const identity = preview.changes.filter((p) => p.identityChange);
  if (identity.length > 0) {
    lines.push(
      `${identity.length} row${identity.length > 1 ? 's name' : ' names'} someone who exists under another name and e-mail (probably someone else):`,
    );
    for (const p of identity) {
      const decision = chosen.get(p.line);
      lines.push(
        `  line ${p.line}: the file says ${p.name} <${p.email}>; Kindling has ${p.currentName} <${p.currentEmail}>${p.currentExternalId ? ` (${p.currentExternalId})` : ''}`,
        decision
          ? `    → ${WORD_OF[decision]}${decision === 'REPLACE_PERSON' ? ': a new person from the row alone; the employee id moves to them' : decision === 'SAME_PERSON' ? ': updated as the same person' : ': left out'}`
          : `    → needs a choice: --identity ${p.line}=replace|same|skip`,
      );
    }
  }
  const updates = preview.changes.filter((p) => !p.identityChange && p.action === 'UPDATE');
  if (updates.length > 0) {
    lines.push(`Changes to people who exist (${updates.length}):`);
    for (const p of updates.slice(0, SHOWN_UPDATES))
      lines.push(
        `  line ${p.line} ${p.currentName ?? p.name}: ${p.changes.map((c) => `${label(c.field)} ${value(c.from)} → ${value(c.to)}`).join('; ')}`,
      );
    if (updates.length > SHOWN_UPDATES) lines.push(`  … and ${updates.length - SHOWN_UPDATES} more (the console lists them all).`);
  }
  return lines;
}
