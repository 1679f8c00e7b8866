import type { MessageKey } from '#domain/kernel/errors.ts';
import { toGlobalId } from './ids.ts';

/** A program's status and the work it refused, in words (the codes stay in the error's params). */
const EN_STATUS: Record<string, string> = { DRAFT: 'a draft', OPEN: 'open', RUNNING: 'running', CLOSED: 'closed' };
const NL_STATUS: Record<string, string> = { DRAFT: 'een concept', OPEN: 'open', RUNNING: 'lopend', CLOSED: 'gesloten' };
const NL_ACTION: Record<string, string> = { matching: 'koppelen' };

export type Locale = 'en' | 'nl';

type Params = Record<string, string | number>;

/**
 * What failed, why, and what to do next, in the caller's language. The console shows these as
 * they are; partner apps may translate by `extensions.code` and `extensions.messageKey` instead.
 */
const catalog: Record<Locale, Record<MessageKey, (p: Params) => string>> = {
  en: {
    'auth.missing': () => 'You are not signed in. Send a bearer token in the Authorization header, or sign in again.',
    'auth.invalid': () => 'Your credentials were not accepted (expired, or not issued for Kindling). Sign in again.',
    'auth.unknownTenant': () => 'Your credentials name an organisation Kindling does not know. Ask your administrator for new ones.',
    'auth.forbidden': (p) => `You may not ${p.action}. Ask a program manager of your organisation if you need this.`,
    'auth.keyEnded': (p) =>
      `This API key was ${p.status === 'REVOKED' ? 'revoked' : 'replaced and its overlap has ended'}. Ask a program manager for a current key.`,
    'auth.keyNeedsPerson': () =>
      "An API key acts for one participant: name them in the X-Kindling-Person header (their Person id), enrolled in the key's program.",
    'auth.twoCredentials': () => 'Send one credential: either a bearer token or an API key, not both.',
    'auth.scope': (p) =>
      `This API key may not read or change ${p.what}: it lacks the ${p.scope} scope. Ask a program manager to issue a key with it.`,
    rateLimited: (p) => `Too many requests with this API key. Nothing was changed; try again in ${p.seconds} s.`,
    'rateLimited.person': (p) => `Too many requests from you in a short time. Nothing was changed; try again in ${p.seconds} s.`,
    'rateLimited.tenant': (p) =>
      `Too many requests from your organisation in a short time. Nothing was changed; try again in ${p.seconds} s.`,
    'request.invalid': (p) => `This is not a request Kindling's API can run: ${p.detail} Nothing was changed.`,
    'request.tooComplex': (p) => `This request asks too much at once: ${p.detail} Split it into smaller requests; nothing was changed.`,
    'conflict.keyEnded': () =>
      'This API key was revoked, has expired or was already rotated, so it cannot change. Create a new key instead.',
    notFound: (p) => `No ${p.type} with this id exists in your organisation. Check the id, or reload the list it came from.`,
    'input.invalid': (p) => `Some of what was sent is not valid: ${p.fields}. Correct these fields and try again.`,
    'conflict.version': (p) => `This ${p.type} was changed by someone else after you loaded it. Reload it, then make your change again.`,
    'conflict.exists': (p) => `A ${p.type} with this ${p.field} already exists. Use the existing one, or choose another ${p.field}.`,
    'conflict.running': () =>
      'Another matching run for this program is still running. Wait until it has finished (a minute or two for a large program), then run again.',
    'conflict.programStatus': (p) =>
      `This program is ${EN_STATUS[String(p.status)] ?? p.status}, and ${p.action} needs an open or running program. Open the program first, with the status control on its page.`,
    'conflict.state': (p) =>
      p.from
        ? `A ${p.type} that is ${p.from} cannot become ${p.to}. Reload to see its current state.`
        : `This ${p.type} cannot change now. Reload to see its current state.`,
    'conflict.idempotency': () =>
      'This idempotency key was already used for a different request. Use a new key for a new request, or resend the original request unchanged.',
    'conflict.notEnrolled': (p) => `This person is not (or no longer) enrolled in the program as ${p.role}. Enrol them first.`,
    'conflict.mentorFull': () =>
      'This mentor has no room for another mentee in this program. Choose another mentor, or raise their capacity.',
    'conflict.menteeMatched': () => 'This mentee already has a running mentorship in this program. End it first, or choose another mentee.',
    'conflict.expired': (p) => `This ${p.type} has expired. Send a new one.`,
    'conflict.tooManyRequests': (p) => `A mentee may have ${p.max} requests open at once. Wait for an answer, or withdraw one first.`,
    'conflict.duplicateRequest': (p) =>
      `You already have an open request to this mentor (${toGlobalId('Request', String(p.request))}). Follow that one up, or withdraw it first.`,
    'conflict.mentorUnavailable': (p) =>
      p.why === 'AWAY'
        ? 'This mentor is away and takes no requests until they are back. Choose another mentor, or ask again later.'
        : 'This mentor takes mentees through matching only, not by direct request. Choose another mentor.',
    'conflict.tooManyWebhooks': (p) => `An organisation may have ${p.max} webhook subscriptions. Delete one you no longer use first.`,
    unavailable: () => 'Kindling is busy right now. Nothing was changed; try again in a few seconds.',
    internal: (p) =>
      `Something went wrong on our side. Nothing you sent was lost; try again, and quote ${p.requestId} if you contact support.`,
  },
  nl: {
    'auth.missing': () => 'Je bent niet aangemeld. Stuur een bearer-token in de Authorization-header, of meld je opnieuw aan.',
    'auth.invalid': () => 'Je inloggegevens zijn niet geaccepteerd (verlopen, of niet voor Kindling uitgegeven). Meld je opnieuw aan.',
    'auth.unknownTenant': () => 'Je inloggegevens noemen een organisatie die Kindling niet kent. Vraag je beheerder om nieuwe.',
    'auth.forbidden': (p) => `Je mag niet: ${p.action}. Vraag een programmamanager van je organisatie als je dit nodig hebt.`,
    'auth.keyEnded': (p) =>
      `Deze API-sleutel is ${p.status === 'REVOKED' ? 'ingetrokken' : 'vervangen en de overlapperiode is voorbij'}. Vraag een programmamanager om een geldige sleutel.`,
    'auth.keyNeedsPerson': () =>
      'Een API-sleutel handelt namens één deelnemer: noem die in de X-Kindling-Person-header (het Person-id), ingeschreven in het programma van de sleutel.',
    'auth.twoCredentials': () => 'Stuur één soort inloggegevens: een bearer-token of een API-sleutel, niet allebei.',
    'auth.scope': (p) =>
      `Deze API-sleutel mag ${p.what} niet lezen of wijzigen: de scope ${p.scope} ontbreekt. Vraag een programmamanager om een sleutel met die scope.`,
    rateLimited: (p) => `Te veel verzoeken met deze API-sleutel. Er is niets gewijzigd; probeer het over ${p.seconds} s opnieuw.`,
    'rateLimited.person': (p) => `Te veel verzoeken van jou in korte tijd. Er is niets gewijzigd; probeer het over ${p.seconds} s opnieuw.`,
    'rateLimited.tenant': (p) =>
      `Te veel verzoeken vanuit je organisatie in korte tijd. Er is niets gewijzigd; probeer het over ${p.seconds} s opnieuw.`,
    'request.invalid': (p) => `Dit is geen verzoek dat de API van Kindling kan uitvoeren: ${p.detail} Er is niets gewijzigd.`,
    'request.tooComplex': (p) =>
      `Dit verzoek vraagt te veel tegelijk: ${p.detail} Splits het in kleinere verzoeken; er is niets gewijzigd.`,
    'conflict.keyEnded': () =>
      'Deze API-sleutel is ingetrokken, verlopen of al vervangen en kan dus niet meer wijzigen. Maak een nieuwe sleutel aan.',
    notFound: (p) =>
      `Er bestaat geen ${p.type} met dit id in je organisatie. Controleer het id, of laad de lijst waar het vandaan kwam opnieuw.`,
    'input.invalid': (p) => `Een deel van wat is verstuurd is ongeldig: ${p.fields}. Verbeter deze velden en probeer het opnieuw.`,
    'conflict.version': (p) =>
      `Deze ${p.type} is door iemand anders gewijzigd nadat je hem laadde. Laad opnieuw en breng je wijziging dan aan.`,
    'conflict.exists': (p) => `Er bestaat al een ${p.type} met deze ${p.field}. Gebruik de bestaande, of kies een andere ${p.field}.`,
    'conflict.running': () =>
      'Er loopt al een koppelronde voor dit programma. Wacht tot die klaar is (een minuut of twee bij een groot programma) en start dan opnieuw.',
    'conflict.programStatus': (p) =>
      `Dit programma is ${NL_STATUS[String(p.status)] ?? p.status}, en ${NL_ACTION[String(p.action)] ?? p.action} kan alleen in een open of lopend programma. Open het programma eerst, met de statusknop op de programmapagina.`,
    'conflict.state': (p) =>
      p.from
        ? `Een ${p.type} met status ${p.from} kan niet ${p.to} worden. Laad opnieuw om de huidige status te zien.`
        : `Deze ${p.type} kan nu niet wijzigen. Laad opnieuw om de huidige status te zien.`,
    'conflict.idempotency': () =>
      'Deze idempotentiesleutel is al gebruikt voor een ander verzoek. Gebruik een nieuwe sleutel voor een nieuw verzoek, of stuur het oorspronkelijke verzoek ongewijzigd opnieuw.',
    'conflict.notEnrolled': (p) => `Deze persoon is niet (meer) ingeschreven in het programma als ${p.role}. Schrijf hem of haar eerst in.`,
    'conflict.mentorFull': () =>
      'Deze mentor heeft in dit programma geen plek meer voor een mentee. Kies een andere mentor, of verhoog de capaciteit.',
    'conflict.menteeMatched': () =>
      'Deze mentee heeft al een lopend mentorschap in dit programma. Beëindig dat eerst, of kies een andere mentee.',
    'conflict.expired': (p) => `Deze ${p.type} is verlopen. Stuur een nieuwe.`,
    'conflict.tooManyRequests': (p) =>
      `Een mentee mag ${p.max} verzoeken tegelijk open hebben. Wacht op een antwoord, of trek er eerst een in.`,
    'conflict.duplicateRequest': (p) =>
      `Je hebt al een open verzoek aan deze mentor (${toGlobalId('Request', String(p.request))}). Volg dat op, of trek het eerst in.`,
    'conflict.mentorUnavailable': (p) =>
      p.why === 'AWAY'
        ? 'Deze mentor is afwezig en neemt geen verzoeken aan tot hij of zij terug is. Kies een andere mentor, of vraag het later opnieuw.'
        : 'Deze mentor neemt alleen mentees aan via matching, niet via een rechtstreeks verzoek. Kies een andere mentor.',
    'conflict.tooManyWebhooks': (p) =>
      `Een organisatie kan ${p.max} webhook-abonnementen hebben. Verwijder eerst een abonnement dat je niet meer gebruikt.`,
    unavailable: () => 'Kindling heeft het nu druk. Er is niets gewijzigd; probeer het over een paar seconden opnieuw.',
    internal: (p) =>
      `Er ging bij ons iets mis. Niets van wat je stuurde is verloren; probeer het opnieuw, en noem ${p.requestId} als je contact opneemt.`,
  },
};

/** Record types as readers call them: "No matching run with this id", never "No MatchingRun". */
const TYPE_NAMES: Record<Locale, Record<string, string>> = {
  en: {
    ApiKey: 'API key',
    Enrolment: 'enrolment',
    Goal: 'goal',
    ImportJob: 'import',
    MatchingRun: 'matching run',
    Mentorship: 'pair',
    Person: 'person',
    Program: 'program',
    Proposal: 'proposal',
    Request: 'request',
    Tenant: 'organisation',
    WebhookDelivery: 'webhook delivery',
    WebhookSubscription: 'webhook subscription',
  },
  nl: {
    ApiKey: 'API-sleutel',
    Enrolment: 'inschrijving',
    Goal: 'doel',
    ImportJob: 'import',
    MatchingRun: 'koppelronde',
    Mentorship: 'koppeling',
    Person: 'persoon',
    Program: 'programma',
    Proposal: 'voorstel',
    Request: 'verzoek',
    Tenant: 'organisatie',
    WebhookDelivery: 'webhook-bezorging',
    WebhookSubscription: 'webhook-abonnement',
    proposal: 'voorstel',
    request: 'verzoek',
  },
};

/** `MatchingRun` → "matching run" for a type nobody named. */
const words = (type: string) => type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

export const message = (locale: Locale, key: MessageKey, params: Params): string => {
  const type = typeof params.type === 'string' ? (TYPE_NAMES[locale][params.type] ?? words(params.type)) : params.type;
  return catalog[locale][key](type === undefined ? params : { ...params, type });
};

export function localeFrom(acceptLanguage: string | undefined): Locale {
  return acceptLanguage?.trim().toLowerCase().startsWith('nl') ? 'nl' : 'en';
}
