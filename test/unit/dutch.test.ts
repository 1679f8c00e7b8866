import { readFileSync } from 'node:fs';
import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import { en } from '../../admin/src/i18n/en.ts';
import { dutchMessages } from '../../admin/src/i18n/nl.ts';

type Tree = { [key: string]: unknown };
const flat = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([k, v]) =>
      typeof v === 'string' ? [[`${prefix}${k}`, v]] : typeof v === 'object' && v ? Object.entries(flat(v as Tree, `${prefix}${k}.`)) : [],
    ),
  );

const english = { ...flat(englishMessages as unknown as Tree), ...flat(en as unknown as Tree) };
const dutch = flat(dutchMessages as unknown as Tree);

/**
 * Words Dutch shares with English, as the console uses them (a Dutch reader writes "Status",
 * "Mentor", "Dashboard" too). Anything else the same in both files is an untranslated string.
 */
const SAME_IN_DUTCH =
  /^(Kindling|Dashboard|Details|Contact|Mentor|Mentee|Mentees?|Mentee \|\|\|\| Mentees|Status|Operator|Feedback|Check-in|Plan|Score|Open|Import|Import \|\|\|\| Imports|Imports|Webhook|Webhook \|\|\|\| Webhooks|Links|Id|Chat|UTF-8|tab|import|webhook|Mentees per mentor|%\{[^}]+\}( %\{[^}]+\})?|%\{smart_count\} mentee \|\|\|\| %\{smart_count\} mentees|%\{count\} min|%\{from\} – %\{until\})$/;

describe('the console in Dutch', () => {
  it('has a Dutch string for every English one, react-admin’s included (a missing one would show in English)', () => {
    const missing = Object.keys(english).filter((key) => !(key in dutch));
    expect(missing).toEqual([]);
  });

  it('translates every string but the words Dutch shares with English', () => {
    const same = Object.entries(dutch)
      .filter(([key, text]) => english[key] === text && !SAME_IN_DUTCH.test(text))
      .map(([key, text]) => `${key}: ${text}`);
    expect(same).toEqual([]);
  });

  it('calls a pair a koppeling everywhere (never koppel, duo or match as a noun for the pair)', () => {
    // Prepare: every Dutch text a manager or participant reads: the console's, and the API's
    // messages, import reasons and e-mails (their English never says koppel or duo).
    const sources = [
      'admin/src/retention/messages.ts',
      'functions/graphql/messages.ts',
      'functions/graphql/rowMessages.ts',
      'functions/domain/engagement/templates.ts',
    ];
    const texts = [...Object.values(dutch), ...sources.map((file) => readFileSync(file, 'utf8'))];

    // Assert
    const other = texts.filter((t) => /\b(koppels?|duo'?s?)\b/i.test(t));
    expect(other).toEqual([]);
  });
});
