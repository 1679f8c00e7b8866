import { en } from '../i18n/en.ts';
import { dutchMessages } from '../i18n/nl.ts';

export type Locale = 'en' | 'nl';
export type LinkAction = 'ACCEPT_REQUEST' | 'DECLINE_REQUEST' | 'CONFIRM_MEETING' | 'CHECK_IN_SURVEY' | 'CLOSING_SURVEY';
type Context = Record<string, string | number | undefined>;

/** The public action page's words in English and Dutch (it runs without react-admin or a sign-in). */
export const words = {
  en: {
    loading: 'Opening your link…',
    title: {
      ACCEPT_REQUEST: 'Accept the request',
      DECLINE_REQUEST: 'Decline the request',
      CONFIRM_MEETING: 'Confirm that you met',
      CHECK_IN_SURVEY: 'How is your mentorship going?',
      CLOSING_SURVEY: 'What did your mentorship bring?',
    } satisfies Record<LinkAction, string>,
    intro: {
      ACCEPT_REQUEST: (c: Context) => `${c.otherName} asked you on ${c.requestedOn} to be their mentor in ${c.programName}.`,
      DECLINE_REQUEST: (c: Context) => `${c.otherName} asked you on ${c.requestedOn} to be their mentor in ${c.programName}.`,
      CONFIRM_MEETING: (c: Context) => `You and ${c.otherName} (${c.programName}): when did you meet?`,
      CHECK_IN_SURVEY: (c: Context) => `Your mentorship with ${c.otherName} in ${c.programName}, since ${c.startedOn}.`,
      CLOSING_SURVEY: (c: Context) => `Your mentorship with ${c.otherName} in ${c.programName} has ended.`,
    } satisfies Record<LinkAction, (c: Context) => string>,
    button: {
      ACCEPT_REQUEST: 'Accept',
      DECLINE_REQUEST: 'Decline',
      CONFIRM_MEETING: 'Confirm the meeting',
      CHECK_IN_SURVEY: 'Send my answer',
      CLOSING_SURVEY: 'Send my answer',
    } satisfies Record<LinkAction, string>,
    done: {
      ACCEPT_REQUEST: (c: Context) => `Done: you are now ${c.otherName}'s mentor. They will hear from Kindling.`,
      DECLINE_REQUEST: (c: Context) => `Done: you declined. ${c.otherName} will hear it, with your message if you wrote one.`,
      CONFIRM_MEETING: () => 'Done: the meeting is recorded. Thank you!',
      CHECK_IN_SURVEY: () => 'Thank you: your answer is recorded.',
      CLOSING_SURVEY: () => 'Thank you: your answer is recorded.',
    } satisfies Record<LinkAction, (c: Context) => string>,
    message: 'A message (optional)',
    date: 'Date of the meeting',
    mode: 'How',
    modes: { IN_PERSON: 'In person', VIDEO: 'Video call', PHONE: 'Phone', CHAT: 'Chat' },
    topic: 'Topic (optional)',
    rating: 'Your rating, from 1 (poor) to 5 (excellent)',
    comment: 'A comment (optional)',
    outcomes: 'What did it bring you?',
    outcomeLabels: en.kindling.outcomes,
    once: (until: string) => `This link works once, until ${until}. Nobody needs to sign in.`,
    refused: {
      USED: ['This link has been used', 'Each link works once, and this one already did its work. Nothing was changed now.'],
      EXPIRED: [
        'This link has expired',
        'Links in Kindling e-mails work for two weeks. Ask your program manager, or use your mentoring app.',
      ],
      UNKNOWN: [
        'This link does not work',
        'It may be incomplete (copy the whole address from the e-mail) or no longer exist. Nothing was changed.',
      ],
      CLOSED: [
        'Nothing left to do here',
        'This was already answered or the mentorship changed since the e-mail was sent. Nothing was changed now.',
      ],
    },
    tooMany: (s: number) => `Too many attempts from your connection. Try again in ${s} seconds.`,
    failed: 'Something went wrong. Nothing was changed; try again in a moment.',
    problems: {
      date: 'Give a date that has passed, such as 2026-03-02.',
      rating: 'Choose a rating from 1 to 5.',
      other: 'Check this answer.',
    },
  },
  nl: {
    loading: 'Je link wordt geopend…',
    title: {
      ACCEPT_REQUEST: 'Accepteer het verzoek',
      DECLINE_REQUEST: 'Wijs het verzoek af',
      CONFIRM_MEETING: 'Bevestig dat jullie elkaar spraken',
      CHECK_IN_SURVEY: 'Hoe gaat je mentorschap?',
      CLOSING_SURVEY: 'Wat heeft je mentorschap opgeleverd?',
    },
    intro: {
      ACCEPT_REQUEST: (c: Context) => `${c.otherName} vroeg je op ${c.requestedOn} als mentor in ${c.programName}.`,
      DECLINE_REQUEST: (c: Context) => `${c.otherName} vroeg je op ${c.requestedOn} als mentor in ${c.programName}.`,
      CONFIRM_MEETING: (c: Context) => `Jij en ${c.otherName} (${c.programName}): wanneer spraken jullie elkaar?`,
      CHECK_IN_SURVEY: (c: Context) => `Je mentorschap met ${c.otherName} in ${c.programName}, sinds ${c.startedOn}.`,
      CLOSING_SURVEY: (c: Context) => `Je mentorschap met ${c.otherName} in ${c.programName} is afgelopen.`,
    },
    button: {
      ACCEPT_REQUEST: 'Accepteren',
      DECLINE_REQUEST: 'Afwijzen',
      CONFIRM_MEETING: 'Bevestig het gesprek',
      CHECK_IN_SURVEY: 'Verstuur mijn antwoord',
      CLOSING_SURVEY: 'Verstuur mijn antwoord',
    },
    done: {
      ACCEPT_REQUEST: (c: Context) => `Klaar: je bent nu de mentor van ${c.otherName}. Kindling laat het weten.`,
      DECLINE_REQUEST: (c: Context) => `Klaar: je hebt afgewezen. ${c.otherName} hoort het, met je bericht als je er een schreef.`,
      CONFIRM_MEETING: () => 'Klaar: het gesprek is vastgelegd. Dank je!',
      CHECK_IN_SURVEY: () => 'Dank je: je antwoord is vastgelegd.',
      CLOSING_SURVEY: () => 'Dank je: je antwoord is vastgelegd.',
    },
    message: 'Een bericht (optioneel)',
    date: 'Datum van het gesprek',
    mode: 'Hoe',
    modes: { IN_PERSON: 'Persoonlijk', VIDEO: 'Videogesprek', PHONE: 'Telefoon', CHAT: 'Chat' },
    topic: 'Onderwerp (optioneel)',
    rating: 'Je cijfer, van 1 (slecht) tot 5 (uitstekend)',
    comment: 'Een opmerking (optioneel)',
    outcomes: 'Wat heeft het je opgeleverd?',
    outcomeLabels: dutchMessages.kindling.outcomes,
    once: (until: string) => `Deze link werkt één keer, tot ${until}. Aanmelden is niet nodig.`,
    refused: {
      USED: ['Deze link is al gebruikt', 'Elke link werkt één keer, en deze heeft zijn werk al gedaan. Er is nu niets veranderd.'],
      EXPIRED: [
        'Deze link is verlopen',
        'Links in e-mails van Kindling werken twee weken. Vraag je programmamanager, of gebruik je mentor-app.',
      ],
      UNKNOWN: [
        'Deze link werkt niet',
        'Misschien is hij onvolledig (kopieer het hele adres uit de e-mail) of bestaat hij niet meer. Er is niets veranderd.',
      ],
      CLOSED: [
        'Hier valt niets meer te doen',
        'Dit is al beantwoord of het mentorschap is veranderd sinds de e-mail. Er is nu niets veranderd.',
      ],
    },
    tooMany: (s: number) => `Te veel pogingen vanaf je verbinding. Probeer het over ${s} seconden opnieuw.`,
    failed: 'Er ging iets mis. Er is niets veranderd; probeer het zo opnieuw.',
    problems: {
      date: 'Geef een datum die voorbij is, zoals 2026-03-02.',
      rating: 'Kies een cijfer van 1 tot 5.',
      other: 'Controleer dit antwoord.',
    },
  },
} satisfies Record<Locale, unknown>;
