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
    externalId: 'employee id',
    givenName: 'first name',
    familyName: 'last name',
    email: 'e-mail',
    managerEmail: 'manager e-mail',
    timeZone: 'time zone',
    languages: 'languages',
    yearsExperience: 'years of experience',
    jobTitle: 'job title',
    department: 'department',
    location: 'location',
    industry: 'industry',
    skillsOffered: 'skills offered',
    skillsSought: 'skills sought',
    bio: 'bio',
    capacity: 'mentor capacity',
    hoursPerMonth: 'hours per month',
    openToSponsoring: 'open to sponsoring',
    circleTopic: 'circle topic',
    hireDate: 'hire date',
    leaveDate: 'leave date',
    leaveType: 'leave type',
    exitReasons: 'exit reasons',
    exitComment: 'exit comment',
    level: 'level',
    PROMOTION: 'promotion',
    LATERAL: 'job change',
  },
  nl: {
    mentor: 'mentor',
    mentee: 'mentee',
    startDate: 'startdatum',
    plannedEnd: 'geplande einddatum',
    meetings: 'gespreksdatum',
    goals: 'doelen',
    externalId: 'personeelsnummer',
    givenName: 'voornaam',
    familyName: 'achternaam',
    email: 'e-mailadres',
    managerEmail: 'e-mailadres van de leidinggevende',
    timeZone: 'tijdzone',
    languages: 'talen',
    yearsExperience: 'jaren ervaring',
    jobTitle: 'functietitel',
    department: 'afdeling',
    location: 'locatie',
    industry: 'sector',
    skillsOffered: 'aangeboden vaardigheden',
    skillsSought: 'gezochte vaardigheden',
    bio: 'introductie',
    capacity: 'mentorcapaciteit',
    hoursPerMonth: 'uren per maand',
    openToSponsoring: 'open voor sponsoring',
    circleTopic: 'kringonderwerp',
    hireDate: 'datum in dienst',
    leaveDate: 'datum uit dienst',
    leaveType: 'soort vertrek',
    exitReasons: 'vertrekredenen',
    exitComment: 'toelichting vertrek',
    level: 'niveau',
    PROMOTION: 'promotie',
    LATERAL: 'functiewijziging',
  },
};

/** A check's rule (kernel/validation.ts) in Dutch; English keeps the check's own words. */
const RULES_NL: Record<string, (p: Params) => string> = {
  required: () => 'mag niet leeg zijn',
  tooLong: () => 'is te lang',
  controlCharacters: () => 'bevat stuurtekens',
  email: () => 'is geen geldig e-mailadres',
  timeZone: () => 'is geen IANA-tijdzone zoals Europe/Amsterdam',
  language: (p) => `"${p.value}" is geen ISO 639-1-taalcode`,
  range: () => 'valt buiten het toegestane bereik',
  tooMany: () => 'heeft te veel waarden',
  oneOf: () => 'is geen toegestane waarde',
  self: () => 'iemand kan niet zijn eigen leidinggevende zijn',
  date: () => 'is geen datum (JJJJ-MM-DD)',
  order: () => 'ligt vóór de datum in dienst',
  exitReason: (p) => `"${p.value}" is geen code voor een vertrekreden`,
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
    // The people import (people/imports.ts, importPlan.ts, importJobs.ts).
    invalid: (p, f) => `${f(p.field)}${p.index ? ` (${p.index})` : ''} ${p.reason}`,
    notANumber: (p, f) => `${f(p.field)} "${p.value}" is not a number`,
    notYesNo: (p, f) => `${f(p.field)} "${p.value}" is not yes or no`,
    outOfRange: (p, f) => `${f(p.field)} must be from ${p.min} to ${p.max}`,
    badRole: (p) => `role "${p.value}" is not mentor, mentee, both, peer or none`,
    roleNotInKind: (p) =>
      p.kind === 'PEER'
        ? `role ${String(p.role).toLowerCase()} does not fit a peer program: everyone in it is a peer`
        : `role peer fits only a peer program: this one has mentors and mentees`,
    noRole: () => 'role is missing',
    duplicateEmail: (p) => `e-mail ${p.value} is already used in line ${p.line}`,
    duplicateEmailCase: (p) => `e-mail ${p.value} is already used in line ${p.line} (the addresses differ only in case)`,
    duplicateId: (p) => `employee id ${p.value} is already used in line ${p.line}`,
    notFocusArea: (p) => `mentoring reason "${p.value}" is not a focus area of this program and was left out`,
    notCircleTopic: (p) => `circle topic "${p.value}" is not a focus area of this program`,
    circleTopicNotInKind: () => 'a circle topic fits only a group program: this one forms no circles',
    selfManager: (p) => `${p.email} is named as their own manager: the manager e-mail was left out, the rest of the row is imported`,
    managerLoop: (p) =>
      `manager ${p.manager} would close a reporting-line loop (${p.loop}): the manager e-mail was left out, the rest of the row is imported`,
    emailTaken: (p) => `e-mail ${p.email} belongs to someone else, not to the person with employee id ${p.externalId}`,
    identitySkipped: (p) => `skipped as you chose: probably not ${p.name}, who has employee id ${p.externalId} (other name and e-mail)`,
    identityChanged: (p) => `${p.name} changed since the import started; preview the file again`,
    hrBadDate: (p, f) => `${f(p.field)} "${p.value}" is not a date (use YYYY-MM-DD or DD-MM-YYYY)`,
    hrNoHireDate: () => 'hire date is missing (HR facts need one)',
    hrBadLeaveType: (p) => `leave type "${p.value}" is not voluntary, involuntary or other`,
    hrLeaveTypeWithoutDate: () => 'leave type is given but no leave date',
    hrLeaveTypeMissing: () => 'leave type is missing; counted as "other", so not a voluntary exit',
    hrLeaveBeforeHire: () => 'leave date is before the hire date',
    hrExitWithoutLeaveDate: () => 'exit reasons are given but no leave date',
    hrBadChangeDate: (p, f) => `${f(p.kind)} date "${p.value}" is not a date`,
    hrChangeBeforeHire: (p, f) => `${f(p.kind)} on ${p.value} is before the hire date`,
    hrLevelTooLong: (p) => `level must be at most ${p.max} characters`,
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
    invalid: (p, f) => `${f(p.field)}${p.index ? ` (${p.index})` : ''} ${RULES_NL[String(p.rule)]?.(p) ?? 'is ongeldig'}`,
    notANumber: (p, f) => `${f(p.field)} "${p.value}" is geen getal`,
    notYesNo: (p, f) => `${f(p.field)} "${p.value}" is geen ja of nee`,
    outOfRange: (p, f) => `${f(p.field)} moet van ${p.min} tot ${p.max} zijn`,
    badRole: (p) => `rol "${p.value}" is geen mentor, mentee, beide, collega of geen`,
    roleNotInKind: (p) =>
      p.kind === 'PEER'
        ? `rol ${String(p.role).toLowerCase()} past niet bij een collegaprogramma: iedereen daarin is collega`
        : `rol collega past alleen bij een collegaprogramma: dit programma heeft mentoren en mentees`,
    noRole: () => 'de rol ontbreekt',
    duplicateEmail: (p) => `e-mailadres ${p.value} staat al in regel ${p.line}`,
    duplicateEmailCase: (p) => `e-mailadres ${p.value} staat al in regel ${p.line} (de adressen verschillen alleen in hoofdletters)`,
    duplicateId: (p) => `personeelsnummer ${p.value} staat al in regel ${p.line}`,
    notFocusArea: (p) => `mentorreden "${p.value}" is geen aandachtsgebied van dit programma en is weggelaten`,
    notCircleTopic: (p) => `kringonderwerp "${p.value}" is geen aandachtsgebied van dit programma`,
    circleTopicNotInKind: () => 'een kringonderwerp past alleen bij een groepsprogramma: dit programma vormt geen kringen',
    selfManager: (p) =>
      `${p.email} staat als eigen leidinggevende: het e-mailadres van de leidinggevende is weggelaten, de rest van de regel wordt geïmporteerd`,
    managerLoop: (p) =>
      `leidinggevende ${p.manager} zou de hiërarchische lijn rond laten lopen (${p.loop}): het e-mailadres van de leidinggevende is weggelaten, de rest van de regel wordt geïmporteerd`,
    emailTaken: (p) => `e-mailadres ${p.email} hoort bij iemand anders, niet bij de persoon met personeelsnummer ${p.externalId}`,
    identitySkipped: (p) =>
      `overgeslagen zoals gekozen: waarschijnlijk niet ${p.name}, die personeelsnummer ${p.externalId} heeft (andere naam en e-mailadres)`,
    identityChanged: (p) => `${p.name} is gewijzigd sinds de import begon; bekijk het voorbeeld opnieuw`,
    hrBadDate: (p, f) => `${f(p.field)} "${p.value}" is geen datum (gebruik JJJJ-MM-DD of DD-MM-JJJJ)`,
    hrNoHireDate: () => 'de datum in dienst ontbreekt (HR-gegevens hebben er een nodig)',
    hrBadLeaveType: (p) => `soort vertrek "${p.value}" is geen vrijwillig, onvrijwillig of overig`,
    hrLeaveTypeWithoutDate: () => 'soort vertrek is gegeven maar geen datum uit dienst',
    hrLeaveTypeMissing: () => 'soort vertrek ontbreekt; geteld als "overig", dus geen vrijwillig vertrek',
    hrLeaveBeforeHire: () => 'de datum uit dienst ligt vóór de datum in dienst',
    hrExitWithoutLeaveDate: () => 'vertrekredenen zijn gegeven maar geen datum uit dienst',
    hrBadChangeDate: (p, f) => `${f(p.kind)}datum "${p.value}" is geen datum`,
    hrChangeBeforeHire: (p, f) => `${f(p.kind)} op ${p.value} ligt vóór de datum in dienst`,
    hrLevelTooLong: (p) => `niveau mag hoogstens ${p.max} tekens hebben`,
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
