import { MAIL_DATA, payloadView } from '#domain/kernel/visibility.ts';
import type { LinkAction, RenderedLink } from './links.ts';

/** Every message Kindling sends; each has an English and a Dutch template (templates.ts). */
export const TEMPLATES = [
  'REQUEST_FOLLOW_UP',
  'REQUEST_EXPIRED',
  'PROPOSAL_FOLLOW_UP',
  'PROPOSAL_EXPIRED',
  'APPROVALS_WAITING',
  'NUDGE_DUE',
  'NUDGE_OVERDUE',
  'PAIR_ESCALATED',
  'CHECK_IN_SURVEY',
  'CLOSING_SURVEY',
  'MENTOR_UNRESPONSIVE',
] as const;
export type Template = (typeof TEMPLATES)[number];

export type Locale = 'en' | 'nl';

/** A message ready for a channel. */
export interface Rendered {
  subject: string;
  text: string;
}

type Data = Record<string, string | number>;
type Render = (d: Data) => Rendered;

/** A pair of peers (ADR 77): its messages speak of peers, never of a mentor and a mentee. */
const isPeer = (d: Data): boolean => d.pairKind === 'PEER';
/** A group program's circle (ADR 0082): its mentor hears about the circle as one; a member about their circle. */
const isCircle = (d: Data): boolean => d.pairKind === 'CIRCLE';

const SIGNATURE: Record<Locale, string> = {
  en: '\n\n— Kindling, for your mentoring program. You get at most a few of these a week, never at night.',
  nl: '\n\n— Kindling, namens je mentorprogramma. Je krijgt er hooguit een paar per week, nooit ’s nachts.',
};

/**
 * Every template in English and Dutch. The seed's two rules speak through them: follow up until
 * you get an answer, and be in touch at least monthly.
 */
const catalog: Record<Locale, Record<Template, Render>> = {
  en: {
    REQUEST_FOLLOW_UP: (d) => ({
      subject: `${d.menteeName} is waiting for your answer`,
      text: `Hi ${d.mentorName},\n\n${d.menteeName} asked you to be their mentor in ${d.programName} ${d.daysWaiting} days ago. Please accept or decline before ${d.expiresOn} — a short "no, because…" helps them too.`,
    }),
    REQUEST_EXPIRED: (d) => ({
      subject: `Your request to ${d.mentorName} has expired`,
      text: `Hi ${d.menteeName},\n\n${d.mentorName} did not answer your request in ${d.programName} in time, so it has expired. This says nothing about you. What next: ask another mentor from the program (your shortlist is a good start), or tell your program manager so matching can propose someone.`,
    }),
    PROPOSAL_FOLLOW_UP: (d) => ({
      subject: isPeer(d)
        ? `A peer pairing with ${d.otherName} is waiting for you`
        : `A mentoring match with ${d.otherName} is waiting for you`,
      text: `Hi,\n\n${d.programName} proposed you and ${d.otherName} as a pair ${d.daysWaiting} days ago. Please accept or decline before ${d.expiresOn}.`,
    }),
    PROPOSAL_EXPIRED: (d) =>
      isPeer(d)
        ? {
            subject: `The proposed pairing with ${d.otherName} has expired`,
            text: `Hi,\n\nThe proposed peer pairing of you and ${d.otherName} in ${d.programName} was not accepted by both of you in time. What next: the next matching run will pair you with another peer, or your program manager can pair you with a colleague you name.`,
          }
        : {
            subject: `The proposed match with ${d.mentorName} has expired`,
            text: `Hi ${d.menteeName},\n\nThe proposed match with ${d.mentorName} in ${d.programName} was not accepted in time. What next: the next matching run will propose someone else, or you can ask a mentor yourself.`,
          },
    APPROVALS_WAITING: (d) => ({
      subject: `${d.count} proposed pairs in ${d.programName} are waiting for your approval`,
      text: `Hello,\n\n${d.count} proposed pairs in ${d.programName} have waited a while for approval. Open the Matching tab to approve or reject them.`,
    }),
    NUDGE_DUE: (d) =>
      isCircle(d)
        ? {
            subject: 'Time for your circle to meet',
            text: `Hi,\n\nThe next meeting of your circle in ${d.programName} (${d.memberCount} members) is due on ${d.dueOn}. Plan it with your members, and log it in Kindling afterwards with who attended.`,
          }
        : {
            subject: `Time to meet ${d.otherName}`,
            text: `Hi,\n\nYour next contact with ${d.otherName} in ${d.programName} is due on ${d.dueOn}. Be in touch at least monthly: a short call counts. Log it in Kindling when you have met.`,
          },
    NUDGE_OVERDUE: (d) =>
      isCircle(d)
        ? {
            subject: `Your circle has not met for ${d.daysSinceContact} days`,
            text: `Hi,\n\nIt has been ${d.daysSinceContact} days since your circle in ${d.programName} last met. Plan the next meeting with your ${d.memberCount} members today — then log it in Kindling with who attended.`,
          }
        : {
            subject: `You and ${d.otherName} have not been in touch for ${d.daysSinceContact} days`,
            text: `Hi,\n\nIt has been ${d.daysSinceContact} days since you and ${d.otherName} were last in touch (${d.programName}). Send a message today and plan your next meeting — then log it in Kindling.`,
          },
    PAIR_ESCALATED: (d) =>
      isCircle(d)
        ? {
            subject: `The circle of ${d.mentorName} is overdue`,
            text: `Hello,\n\nThe circle led by ${d.mentorName} (${d.mentorRole ?? 'mentor'}) in ${d.programName}, ${d.memberCount} members, has not met for ${d.daysSinceContact} days, despite reminders. Suggestion: ${d.suggestion === 'OFFER_REMATCH' ? 'talk with the mentor, and offer the members another circle if it does not restart' : 'check in with the mentor'}.`,
          }
        : {
            subject: `${d.mentorName} and ${d.menteeName} are overdue`,
            text: isPeer(d)
              ? `Hello,\n\n${d.mentorName} and ${d.menteeName}, peers in ${d.programName}, have not been in touch for ${d.daysSinceContact} days, despite reminders. Suggestion: ${d.suggestion === 'OFFER_REMATCH' ? 'offer both of them a new peer' : 'check in with both'}.`
              : `Hello,\n\n${d.mentorName} (${d.mentorRole ?? 'mentor'}) and ${d.menteeName} (${d.menteeRole ?? 'mentee'}) in ${d.programName} have not been in touch for ${d.daysSinceContact} days, despite reminders. Suggestion: ${d.suggestion === 'OFFER_REMATCH' ? `offer ${d.menteeName} a re-match` : 'check in with both'}.`,
          },
    CHECK_IN_SURVEY: (d) => ({
      subject: isCircle(d)
        ? `How is your circle with ${d.otherName} going?`
        : isPeer(d)
          ? `How is your peer pairing with ${d.otherName} going?`
          : `How is your mentorship with ${d.otherName} going?`,
      text: `Hi,\n\nA two-minute check-in for ${d.programName}: how is it going with ${d.otherName}? Rate it from 1 to 5 and add a comment in Kindling.`,
    }),
    CLOSING_SURVEY: (d) => ({
      subject: isCircle(d)
        ? `Your place in the circle of ${d.otherName} is ending — what did it bring?`
        : isPeer(d)
          ? `Your peer pairing with ${d.otherName} is ending — what did it bring?`
          : `Your mentorship with ${d.otherName} is ending — what did it bring?`,
      text: `Hi,\n\nYour ${isCircle(d) ? 'place in the circle of' : isPeer(d) ? 'peer pairing' : 'mentorship'}${isCircle(d) ? '' : ' with'} ${d.otherName} in ${d.programName} has reached its planned end. Tell us what it brought: confidence, understanding of the organisation, skills, network, a problem solved, a career step.`,
    }),
    MENTOR_UNRESPONSIVE: (d) => ({
      subject: `${d.mentorName} seems to have stopped responding`,
      text: `Hello,\n\n${d.mentorName} left ${d.signals} requests or reminders in ${d.programName} unanswered. Suggestion: check in with them, and consider pausing their availability for new mentees.`,
    }),
  },
  nl: {
    REQUEST_FOLLOW_UP: (d) => ({
      subject: `${d.menteeName} wacht op je antwoord`,
      text: `Hoi ${d.mentorName},\n\n${d.menteeName} vroeg je ${d.daysWaiting} dagen geleden als mentor in ${d.programName}. Accepteer of wijs af vóór ${d.expiresOn} — een kort "nee, omdat…" helpt ook.`,
    }),
    REQUEST_EXPIRED: (d) => ({
      subject: `Je verzoek aan ${d.mentorName} is verlopen`,
      text: `Hoi ${d.menteeName},\n\n${d.mentorName} heeft niet op tijd gereageerd op je verzoek in ${d.programName}, dus het is verlopen. Dat zegt niets over jou. Wat nu: vraag een andere mentor uit het programma (je shortlist is een goed begin), of laat het je programmamanager weten zodat matching iemand kan voorstellen.`,
    }),
    PROPOSAL_FOLLOW_UP: (d) => ({
      subject: isPeer(d) ? `Een koppeling met collega ${d.otherName} wacht op je` : `Een match met ${d.otherName} wacht op je`,
      text: `Hoi,\n\n${d.programName} stelde ${d.daysWaiting} dagen geleden een koppeling voor van jou en ${d.otherName}. Accepteer of wijs af vóór ${d.expiresOn}.`,
    }),
    PROPOSAL_EXPIRED: (d) =>
      isPeer(d)
        ? {
            subject: `De voorgestelde koppeling met ${d.otherName} is verlopen`,
            text: `Hoi,\n\nDe voorgestelde koppeling van jou en collega ${d.otherName} in ${d.programName} is niet op tijd door jullie allebei geaccepteerd. Wat nu: de volgende matchingronde koppelt je aan een andere collega, of je programmamanager koppelt je aan een collega die je zelf noemt.`,
          }
        : {
            subject: `De voorgestelde match met ${d.mentorName} is verlopen`,
            text: `Hoi ${d.menteeName},\n\nDe voorgestelde match met ${d.mentorName} in ${d.programName} is niet op tijd geaccepteerd. Wat nu: de volgende matchingronde stelt iemand anders voor, of je vraagt zelf een mentor.`,
          },
    APPROVALS_WAITING: (d) => ({
      subject: `${d.count} voorgestelde koppelingen in ${d.programName} wachten op je goedkeuring`,
      text: `Hallo,\n\n${d.count} voorgestelde koppelingen in ${d.programName} wachten al even op goedkeuring. Open het tabblad Matching om ze goed of af te keuren.`,
    }),
    NUDGE_DUE: (d) =>
      isCircle(d)
        ? {
            subject: 'Tijd voor een bijeenkomst van je kring',
            text: `Hoi,\n\nDe volgende bijeenkomst van je kring in ${d.programName} (${d.memberCount} leden) staat voor ${d.dueOn}. Plan hem met je leden, en leg hem daarna vast in Kindling met wie er waren.`,
          }
        : {
            subject: `Tijd om ${d.otherName} te spreken`,
            text: `Hoi,\n\nJe volgende contact met ${d.otherName} in ${d.programName} staat voor ${d.dueOn}. Spreek elkaar minstens maandelijks: een kort belletje telt ook. Leg het vast in Kindling zodra jullie elkaar gesproken hebben.`,
          },
    NUDGE_OVERDUE: (d) =>
      isCircle(d)
        ? {
            subject: `Je kring is al ${d.daysSinceContact} dagen niet bijeengekomen`,
            text: `Hoi,\n\nHet is ${d.daysSinceContact} dagen geleden dat je kring in ${d.programName} bijeenkwam. Plan vandaag de volgende bijeenkomst met je ${d.memberCount} leden — en leg die vast in Kindling met wie er waren.`,
          }
        : {
            subject: `Jij en ${d.otherName} hebben elkaar ${d.daysSinceContact} dagen niet gesproken`,
            text: `Hoi,\n\nHet is ${d.daysSinceContact} dagen geleden dat jij en ${d.otherName} contact hadden (${d.programName}). Stuur vandaag een bericht en plan jullie volgende afspraak — en leg die vast in Kindling.`,
          },
    PAIR_ESCALATED: (d) =>
      isCircle(d)
        ? {
            subject: `De kring van ${d.mentorName} is over tijd`,
            text: `Hallo,\n\nDe kring van ${d.mentorName} (${d.mentorRole ?? 'mentor'}) in ${d.programName}, ${d.memberCount} leden, is al ${d.daysSinceContact} dagen niet bijeengekomen, ondanks herinneringen. Suggestie: ${d.suggestion === 'OFFER_REMATCH' ? 'spreek de mentor, en bied de leden een andere kring aan als de kring niet opnieuw begint' : 'informeer bij de mentor hoe het gaat'}.`,
          }
        : {
            subject: `${d.mentorName} en ${d.menteeName} zijn over tijd`,
            text: isPeer(d)
              ? `Hallo,\n\n${d.mentorName} en ${d.menteeName}, collega's in ${d.programName}, hebben al ${d.daysSinceContact} dagen geen contact gehad, ondanks herinneringen. Suggestie: ${d.suggestion === 'OFFER_REMATCH' ? 'bied hun allebei een nieuwe collega aan' : 'informeer bij beiden hoe het gaat'}.`
              : `Hallo,\n\n${d.mentorName} (${d.mentorRole ?? 'mentor'}) en ${d.menteeName} (${d.menteeRole ?? 'mentee'}) in ${d.programName} hebben al ${d.daysSinceContact} dagen geen contact gehad, ondanks herinneringen. Suggestie: ${d.suggestion === 'OFFER_REMATCH' ? `bied ${d.menteeName} een nieuwe match aan` : 'informeer bij beiden hoe het gaat'}.`,
          },
    CHECK_IN_SURVEY: (d) => ({
      subject: isCircle(d)
        ? `Hoe gaat het in je kring met ${d.otherName}?`
        : isPeer(d)
          ? `Hoe gaat je koppeling met collega ${d.otherName}?`
          : `Hoe gaat het met je mentorschap met ${d.otherName}?`,
      text: `Hoi,\n\nEen check-in van twee minuten voor ${d.programName}: hoe gaat het met ${d.otherName}? Geef een cijfer van 1 tot 5 en een opmerking in Kindling.`,
    }),
    CLOSING_SURVEY: (d) => ({
      subject: isCircle(d)
        ? `Je plek in de kring van ${d.otherName} loopt af — wat heeft het opgeleverd?`
        : isPeer(d)
          ? `Je koppeling met collega ${d.otherName} loopt af — wat heeft het opgeleverd?`
          : `Je mentorschap met ${d.otherName} loopt af — wat heeft het opgeleverd?`,
      text: `Hoi,\n\nJe ${isCircle(d) ? 'plek in de kring van' : isPeer(d) ? 'koppeling met collega' : 'mentorschap met'} ${d.otherName} in ${d.programName} heeft het geplande einde bereikt. Vertel wat het opleverde: zelfvertrouwen, begrip van de organisatie, vaardigheden, netwerk, een opgelost probleem, een carrièrestap.`,
    }),
    MENTOR_UNRESPONSIVE: (d) => ({
      subject: `${d.mentorName} lijkt niet meer te reageren`,
      text: `Hallo,\n\n${d.mentorName} liet ${d.signals} verzoeken of herinneringen in ${d.programName} onbeantwoord. Suggestie: neem contact op, en overweeg hun beschikbaarheid voor nieuwe mentees te pauzeren.`,
    }),
  },
};

/** What each action link says in the e-mail. */
const LINK_LABELS: Record<Locale, Record<LinkAction, string>> = {
  en: {
    ACCEPT_REQUEST: 'Accept the request',
    DECLINE_REQUEST: 'Decline (you can add a short message)',
    CONFIRM_MEETING: 'We met — confirm it in one click',
    CHECK_IN_SURVEY: 'Answer the check-in',
    CLOSING_SURVEY: 'Answer the closing survey',
  },
  nl: {
    ACCEPT_REQUEST: 'Accepteer het verzoek',
    DECLINE_REQUEST: 'Wijs af (je kunt een kort bericht toevoegen)',
    CONFIRM_MEETING: 'We hebben elkaar gesproken — bevestig het met één klik',
    CHECK_IN_SURVEY: 'Beantwoord de check-in',
    CLOSING_SURVEY: 'Beantwoord de afsluitende vragenlijst',
  },
};

const LINK_NOTE: Record<Locale, string> = {
  en: 'No app needed: each link works once, for two weeks, and only for you. Do not forward this e-mail.',
  nl: 'Geen app nodig: elke link werkt één keer, twee weken lang, en alleen voor jou. Stuur deze e-mail niet door.',
};

/**
 * The message in its recipient's language, from only the data the visibility map lets a message
 * carry (`MAIL_DATA`), with its one-click action links (ADR 0059) when it has any.
 */
export function render<R extends { locale: Locale }>(
  message: { template: Template; data: Data; recipient: R },
  links: readonly RenderedLink[] = [],
): Rendered {
  const locale = message.recipient.locale;
  const out = catalog[locale][message.template](payloadView(message.data, MAIL_DATA));
  const actions = links.length
    ? `\n\n${links.map((l) => `${LINK_LABELS[locale][l.action]}:\n${l.url}`).join('\n\n')}\n\n${LINK_NOTE[locale]}`
    : '';
  return { subject: out.subject, text: `${out.text}${actions}${SIGNATURE[locale]}` };
}
