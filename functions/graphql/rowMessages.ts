import type { MessageKey } from '#domain/kernel/errors.ts';
import type { RowProblem } from '#domain/people/imports.ts';
import { type Locale, message } from './messages.ts';

type Params = Record<string, string | number>;

const FIELDS: Record<Locale, Record<string, string>> = {
  en: {
    mentor: 'mentor',
    mentee: 'mentee',
    startDate: 'start date',
    plannedEnd: 'planned end',
    meetings: 'meeting date',
    goals: 'goals',
  },
  nl: {
    mentor: 'mentor',
    mentee: 'mentee',
    startDate: 'startdatum',
    plannedEnd: 'geplande einddatum',
    meetings: 'gespreksdatum',
    goals: 'doelen',
  },
};

/**
 * Why an import row was not taken, in the reader's language: one sentence per code, naming the
 * cell or the line it clashes with, so a manager can correct the spreadsheet.
 */
const catalog: Record<Locale, Record<string, (p: Params, field: (name: string | number | undefined) => string) => string>> = {
  en: {
    missing: (p, f) => `the ${f(p.field)} is empty`,
    unknownPerson: (p, f) => `${f(p.side)} "${p.value}" is not anyone in this organisation (no such e-mail address or employee id)`,
    notEnrolled: (p, f) => `${f(p.side)} "${p.value}" is not enrolled in this program as ${f(p.side)}`,
    samePerson: (p) => `"${p.value}" is on both sides: a person cannot mentor themselves`,
    reportingLine: (p) => `"${p.mentor}" and "${p.mentee}" are in the same reporting line`,
    mentorFull: (p) => `mentor "${p.mentor}" would have more mentees than their capacity of ${p.capacity}`,
    duplicatePair: (p) => `the same pair is already in line ${p.line}`,
    menteeInPair: (p) =>
      Number(p.line) > 0
        ? `mentee "${p.mentee}" is already paired in line ${p.line}`
        : `mentee "${p.mentee}" is already in an active pair in this program`,
    badDate: (p, f) => `${f(p.field)} "${p.value}" is not a date (use YYYY-MM-DD)`,
    futureDate: (p, f) => `${f(p.field)} "${p.value}" is in the future`,
    endBeforeStart: (p) => `the planned end ${p.end} is not after the start ${p.start}`,
    meetingBeforeStart: (p) => `meeting date "${p.value}" is before the start ${p.start}`,
    tooManyMeetings: (p) => `more than ${p.max} meetings in one row`,
    tooManyGoals: (p) => `more than ${p.max} goals in one row`,
    goalTooLong: (p) => `a goal is longer than ${p.max} characters`,
  },
  nl: {
    missing: (p, f) => `de ${f(p.field)} is leeg`,
    unknownPerson: (p, f) => `${f(p.side)} "${p.value}" is niemand in deze organisatie (geen bekend e-mailadres of personeelsnummer)`,
    notEnrolled: (p, f) => `${f(p.side)} "${p.value}" is niet als ${f(p.side)} ingeschreven in dit programma`,
    samePerson: (p) => `"${p.value}" staat aan beide kanten: niemand kan zijn eigen mentor zijn`,
    reportingLine: (p) => `"${p.mentor}" en "${p.mentee}" zitten in dezelfde hiërarchische lijn`,
    mentorFull: (p) => `mentor "${p.mentor}" zou meer mentees krijgen dan de capaciteit van ${p.capacity}`,
    duplicatePair: (p) => `dezelfde koppeling staat al in regel ${p.line}`,
    menteeInPair: (p) =>
      Number(p.line) > 0
        ? `mentee "${p.mentee}" is al gekoppeld in regel ${p.line}`
        : `mentee "${p.mentee}" heeft al een actieve koppeling in dit programma`,
    badDate: (p, f) => `${f(p.field)} "${p.value}" is geen datum (gebruik JJJJ-MM-DD)`,
    futureDate: (p, f) => `${f(p.field)} "${p.value}" ligt in de toekomst`,
    endBeforeStart: (p) => `de geplande einddatum ${p.end} ligt niet na de start ${p.start}`,
    meetingBeforeStart: (p) => `gespreksdatum "${p.value}" ligt vóór de start ${p.start}`,
    tooManyMeetings: (p) => `meer dan ${p.max} gesprekken in één regel`,
    tooManyGoals: (p) => `meer dan ${p.max} doelen in één regel`,
    goalTooLong: (p) => `een doel is langer dan ${p.max} tekens`,
  },
};

/** One row problem as words in the reader's language; a write failure reads as the API's own message. */
export function rowMessage(locale: Locale, problem: RowProblem): string {
  if (problem.code === 'write') {
    const { key, ...params } = problem.params;
    return message(locale, String(key) as MessageKey, params);
  }
  const field = (name: string | number | undefined) => FIELDS[locale][String(name)] ?? String(name);
  return catalog[locale][problem.code]?.(problem.params, field) ?? problem.code;
}
