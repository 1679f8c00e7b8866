import { createHash } from 'node:crypto';
import type { Scope } from '#domain/kernel/actors.ts';
import { reachesProgram, requireRole } from '#domain/kernel/actors.ts';
import { DomainError, ErrorCode, notFound } from '#domain/kernel/errors.ts';
import { fold } from '#domain/kernel/names.ts';
import type { Page, PageRequest } from '#domain/kernel/pages.ts';
import { Checks } from '#domain/kernel/validation.ts';
import { privacyOf, visibleReasons } from '#domain/kernel/visibility.ts';
import type { MentorshipStore } from '#domain/mentorships/pairs.ts';
import type { Contribution, ProposalStore } from '#domain/mentorships/proposals.ts';
import type { MentorshipRequest, RequestStore } from '#domain/mentorships/requests.ts';
import { type DiscoveryEntry, discoveryProfile, discoveryTerms, lineKey } from '#domain/people/discoveryIndex.ts';
import { type Enrolment, getPerson, isAway, mentorLoadOf, type PeopleStore, type Person } from '#domain/people/people.ts';
import { focusAreaCode } from '#domain/programs/focusAreas.ts';
import { type Program, type ProgramStore, pairingOf } from '#domain/programs/programs.ts';
import { candidateEdges, type Mentor, pairKey } from './candidates.ts';
import { factsOf } from './explain.ts';
import { candidate } from './plan.ts';
import type { MatchingStore } from './run.ts';
import { type Candidate, type Prepared, prepare, scorePair } from './scoring.ts';

/**
 * Discovery (ADR 0057): a mentee's view of the mentors of their program, ranked by the program's own
 * matching score with the matcher's explanation, under the same hard rules as a matching run (not
 * oneself, not blocked, not a pair that ended, not in one's reporting line, a shared language when
 * the program asks for one). Reads are a constant number of round trips whatever the page and
 * the program's size: the program's discovery index (every mentor's profile, terms and load, packed
 * 64 items to a program, ADR 0072) in one BatchGet, beside the mentee, the rules, the ended pairs,
 * the open proposals and the mentee's requests; then the shown page's cards (ADR 0057).
 */
export type MentorAvailability = 'AVAILABLE' | 'FULL' | 'AWAY' | 'NOT_ACCEPTING_REQUESTS';

export interface MentorSuggestion {
  programId: string;
  mentor: Person;
  score: number;
  explanation: Contribution[];
  availability: MentorAvailability;
  placesLeft: number;
  awayUntil: string | null;
  hoursPerMonth: number | null;
  /** Offered focus areas the mentee may see (the program's sensitive ones left out). */
  focusAreas: string[];
  openRequest: MentorshipRequest | null;
}

export interface MentorFilter {
  focusArea?: string | null;
  language?: string | null;
  location?: string | null;
  minHoursPerMonth?: number | null;
  hasRoom?: boolean | null;
  search?: string | null;
}

export interface DiscoveryDeps {
  programs: ProgramStore;
  people: PeopleStore;
  proposals: ProposalStore;
  mentorships: MentorshipStore;
  matching: Pick<MatchingStore, 'listRules' | 'getRanking' | 'putRanking'>;
  requests: RequestStore;
}

/** A mentor's place in a mentee's ranking: who, the score, and the open proposals counted when ranked. */
export interface RankedMentor {
  mentorId: string;
  score: number;
  availability: MentorAvailability;
  openProposals: number;
}

export interface RankedMentors {
  program: Program;
  menteeId: string;
  /** Every mentor the mentee may see, best first, filtered. */
  ranked: RankedMentor[];
  /** Whether the mentee has an open request to this mentor. */
  asked(mentorId: string): boolean;
  /** A slice of the ranking as shown: its mentors' cards read (one BatchGet), the load read now, the matcher's explanation. */
  page(slice: readonly RankedMentor[], start: number): Promise<{ items: MentorSuggestion[]; positions: string[] }>;
}

const languageNames = [new Intl.DisplayNames('en', { type: 'language' }), new Intl.DisplayNames('nl', { type: 'language' })];

/** "nl", "Dutch", "Nederlands" → does the mentor speak it. */
function speaks(languages: readonly string[], wanted: string): boolean {
  const w = fold(wanted.trim());
  return languages.some((code) => code === w || languageNames.some((names) => fold(names.of(code) ?? '') === w));
}

const availabilityOf = (e: Pick<Enrolment, 'awayUntil' | 'acceptsRequests'>, remaining: number, today: string): MentorAvailability => {
  if (isAway(e, today)) return 'AWAY';
  if (!mentorLoadOf(e).acceptsRequests) return 'NOT_ACCEPTING_REQUESTS';
  return remaining <= 0 ? 'FULL' : 'AVAILABLE';
};

/** Discovery is a mentee's: anyone else of the program (a mentor, someone withdrawn) is refused as any other role is. */
const notAMentee = () =>
  new DomainError(ErrorCode.FORBIDDEN, 'auth.forbidden', { action: 'discover mentors in a program you are not a mentee of' });

/**
 * A mentor as the ranking scores them, from their index entry: the candidate a matching run builds
 * from the profile and the enrolment, with the reporting line as the index keeps it (pseudonyms,
 * compared only for equality). Mentors' shortlists never score (only a mentee's does).
 */
const candidateOf = (x: DiscoveryEntry): Candidate => ({
  personId: x.personId,
  displayName: '',
  email: x.profile.self,
  managerEmail: x.profile.manager,
  department: x.profile.department,
  location: x.profile.location,
  timeZone: x.profile.timeZone,
  languages: x.profile.languages,
  yearsExperience: x.profile.yearsExperience,
  skills: x.profile.skills,
  reasons: x.terms.reasons,
  hoursPerMonth: x.terms.hoursPerMonth,
  openToSponsoring: x.terms.openToSponsoring,
  shortlist: [],
});

/**
 * The program's mentors as index entries: its discovery index (ADR 0072), or, for a program whose
 * index is not whole yet, the same entries built from the mentors' cards (ADR 0057's one Query).
 */
async function entriesOf(
  deps: DiscoveryDeps,
  tenantId: string,
  programId: string,
  index: DiscoveryEntry[] | null,
): Promise<DiscoveryEntry[]> {
  if (index) return index;
  const cards = await deps.people.mentorCards(tenantId, programId);
  // Enrolments written before mentors' cards existed: their profiles read apart.
  const uncarded = cards.filter((c) => !c.person).map((c) => c.enrolment.personId);
  const people = uncarded.length > 0 ? await deps.people.getPeople(tenantId, uncarded) : new Map<string, Person>();
  return cards.flatMap(({ enrolment: e, person: card }) => {
    const person = card ?? people.get(e.personId);
    return person
      ? [{ personId: e.personId, profile: discoveryProfile(person), terms: discoveryTerms(e), activeMentorships: e.activeMentorships ?? 0 }]
      : [];
  });
}

/** Ranks every mentor of the program for the calling mentee from the program's discovery index; `page` shows a slice. */
export async function rankMentorsFor(
  deps: DiscoveryDeps,
  scope: Scope,
  programId: string,
  filter: MentorFilter,
  menteeId = scope.actor.personId,
): Promise<RankedMentors> {
  requireRole(scope.actor, 'discover mentors', 'participant');
  if (!menteeId || !reachesProgram(scope.actor, programId)) throw notFound('Program');
  const t = scope.tenantId;
  const [program, mentee, menteePerson, index, rules, ended, open, sent] = await Promise.all([
    deps.programs.getProgram(t, programId),
    deps.people.getEnrolment(t, menteeId, programId, 'MENTEE'),
    deps.people.getPerson(t, menteeId),
    deps.people.discoveryIndex(t, programId),
    deps.matching.listRules(t, programId),
    deps.mentorships.endedPairs(t, programId),
    deps.proposals.openProposals(t, programId),
    deps.requests.requestsOf(t, menteeId),
  ]);
  if (!program) throw notFound('Program');
  if (!mentee || mentee.status === 'WITHDRAWN' || !menteePerson) throw notAMentee();
  const privacy = privacyOf(program);
  const checks = new Checks();
  const wantedArea = filter.focusArea
    ? focusAreaCode(checks.text('filter.focusArea', filter.focusArea, { max: 60 }), program.focusAreas)
    : null;
  if (wantedArea && !program.focusAreas.includes(wantedArea))
    checks.fail('filter.focusArea', 'focusArea', `"${filter.focusArea}" is not a focus area of this program`);
  // Filtering on a sensitive area would name who offers it: the ranking counts it instead.
  if (wantedArea && privacy.sensitiveFocusAreas.includes(wantedArea))
    checks.fail('filter.focusArea', 'sensitive', 'is a sensitive focus area: the ranking already counts it, it cannot be filtered on');
  const words = filter.search
    ? fold(checks.text('filter.search', filter.search, { max: 120 }))
        .split(/\s+/)
        .filter(Boolean)
    : [];
  const location = filter.location ? fold(checks.text('filter.location', filter.location, { max: 120 })) : null;
  const language = filter.language ? checks.text('filter.language', filter.language, { max: 40 }) : null;
  const minHours =
    filter.minHoursPerMonth === null || filter.minHoursPerMonth === undefined
      ? null
      : checks.int('filter.minHoursPerMonth', filter.minHoursPerMonth, { min: 0, max: 80 });
  checks.done();

  const entries = await entriesOf(deps, t, programId, index);
  const live = entries.filter((x) => !x.terms.withdrawn && x.personId !== menteeId);
  const today = scope.now.toISOString().slice(0, 10);
  const openPerMentor = new Map<string, number>();
  for (const p of open) openPerMentor.set(p.mentorId, (openPerMentor.get(p.mentorId) ?? 0) + 1);
  // The mentee's reporting line in the index's pseudonyms, so the hard rule compares like with like.
  const menteeRanked = prepare(
    {
      ...candidate(menteePerson, mentee, 'MENTEE'),
      email: lineKey(t, menteePerson.email),
      managerEmail: menteePerson.managerEmail === null ? null : lineKey(t, menteePerson.managerEmail),
    },
    scope.now,
  );
  const byId = new Map<string, { entry: DiscoveryEntry; mentor: Mentor; remaining: number }>();
  for (const x of live) {
    const remaining = (x.terms.capacity ?? 0) - x.activeMentorships - (openPerMentor.get(x.personId) ?? 0);
    // Full mentors are shown as full, not excluded: eligibility is judged with a place, availability apart.
    byId.set(x.personId, { entry: x, remaining, mentor: { ...prepare(candidateOf(x), scope.now), remaining: 1 } });
  }
  const space = candidateEdges(
    [menteeRanked],
    [...byId.values()].map((m) => m.mentor),
    { ...program.matching, minimumScore: 0 },
    {
      blocked: new Set(rules.filter((r) => r.kind === 'BLOCK').map((r) => pairKey(r.menteeId, r.mentorId))),
      ended: new Set(ended.map((m) => pairKey(m.menteeId, m.mentorId))),
    },
    Math.max(1, byId.size),
  );
  const openTo = openRequestsTo(sent, programId);
  const hide = pairingOf(program).unavailableMentors === 'HIDE';
  const ranked: RankedMentor[] = [];
  for (const edge of space.edges) {
    const m = byId.get(edge.mentor);
    if (!m) continue;
    const { profile, terms } = m.entry;
    const availability = availabilityOf(terms, m.remaining, today);
    if ((hide || filter.hasRoom) && availability !== 'AVAILABLE') continue;
    if (wantedArea && !m.mentor.reasonSet.has(wantedArea)) continue;
    if (language && !speaks(profile.languages, language)) continue;
    if (location && !fold(profile.location ?? '').includes(location)) continue;
    if (minHours !== null && (terms.hoursPerMonth ?? 0) < minHours) continue;
    if (words.length > 0 && !words.every((w) => profile.text.includes(w))) continue;
    ranked.push({
      mentorId: m.entry.personId,
      score: Math.round(edge.weight * 10_000) / 10_000,
      availability,
      openProposals: openPerMentor.get(m.entry.personId) ?? 0,
    });
  }
  // Available mentors first (when shown at all), then by score; candidateEdges already broke ties by id.
  const rank = (s: RankedMentor) => (s.availability === 'AVAILABLE' ? 0 : 1);
  ranked.sort((a, b) => rank(a) - rank(b) || b.score - a.score);
  return {
    program,
    menteeId,
    ranked,
    asked: (mentorId) => openTo.has(mentorId),
    page: (slice, start) => pageOf(deps, scope, { program, mentee, menteePerson, openTo }, slice, start),
  };
}

/** What discovery shows of one mentor: the load read now, the score the ranking gave. */
function suggestionOf(
  scope: Scope,
  program: Program,
  e: Enrolment,
  person: Person,
  score: number,
  openProposals: number,
  openTo: ReadonlyMap<string, MentorshipRequest>,
): MentorSuggestion {
  const today = scope.now.toISOString().slice(0, 10);
  const remaining = (e.capacity ?? 0) - (e.activeMentorships ?? 0) - openProposals;
  return {
    programId: program.id,
    mentor: person,
    score,
    explanation: [],
    availability: availabilityOf(e, remaining, today),
    placesLeft: Math.max(0, remaining),
    awayUntil: isAway(e, today) ? (e.awayUntil ?? null) : null,
    hoursPerMonth: e.hoursPerMonth,
    focusAreas: visibleReasons(program, scope.actor, [person.id], e.reasons),
    openRequest: openTo.get(person.id) ?? null,
  };
}

const openRequestsTo = (sent: readonly MentorshipRequest[], programId: string) =>
  new Map(sent.filter((r) => r.status === 'OPEN' && r.programId === programId).map((r) => [r.mentorId, r]));

/** The matcher's per-criterion parts and facts, for a page's mentors only. */
function explain(mentee: Prepared, mentor: Prepared | undefined, program: Program): Contribution[] {
  if (!mentor) return [];
  return scorePair(mentee, mentor, program.matching).parts.map((part) => {
    const facts = factsOf(part.criterion, mentee, mentor);
    return facts ? { ...part, facts } : part;
  });
}

/**
 * A slice of a ranking as shown (first and next pages alike): the slice's mentors' cards in one
 * BatchGet, the load read there, the score the ranking gave and the matcher's explanation from the
 * full profile. A mentor who left since the ranking keeps their place in it, unshown.
 */
async function pageOf(
  deps: DiscoveryDeps,
  scope: Scope,
  read: { program: Program; mentee: Enrolment; menteePerson: Person; openTo: ReadonlyMap<string, MentorshipRequest> },
  slice: readonly Pick<RankedMentor, 'mentorId' | 'score' | 'openProposals'>[],
  start: number,
): Promise<{ items: MentorSuggestion[]; positions: string[] }> {
  const t = scope.tenantId;
  const { program, mentee, menteePerson, openTo } = read;
  const cards = await deps.people.mentorCardsOf(
    t,
    program.id,
    slice.map((e) => e.mentorId),
  );
  const uncarded = [...cards.values()].filter((c) => !c.person).map((c) => c.enrolment.personId);
  const people = uncarded.length > 0 ? await deps.people.getPeople(t, uncarded) : new Map<string, Person>();
  const menteePrepared = prepare(candidate(menteePerson, mentee, 'MENTEE'), scope.now);
  const items: MentorSuggestion[] = [];
  const positions: string[] = [];
  slice.forEach((entry, i) => {
    const card = cards.get(entry.mentorId);
    const person = card?.person ?? people.get(entry.mentorId);
    if (!card || !person || card.enrolment.status === 'WITHDRAWN') return;
    const suggestion = suggestionOf(scope, program, card.enrolment, person, entry.score, entry.openProposals, openTo);
    const mentor = prepare(candidate(person, card.enrolment, 'MENTOR'), scope.now);
    items.push({ ...suggestion, explanation: explain(menteePrepared, mentor, program) });
    positions.push(positionOf(start + i, entry.mentorId));
  });
  return { items, positions };
}

/**
 * A position in the ranking: the rank and the mentor there ("41:01J…"). The next page starts after
 * that mentor where they rank now; if they dropped out (withdrew, were filtered out), at the rank
 * they held — so a page neither restarts nor repeats the ones before it.
 */
const positionOf = (rank: number, mentorId: string) => `${rank}:${mentorId}`;

export function startAfter(ranked: readonly string[], after: string | null): number {
  if (!after) return 0;
  const cut = after.indexOf(':');
  const rank = Number(after.slice(0, cut));
  const id = after.slice(cut + 1);
  if (cut < 1 || !Number.isInteger(rank) || rank < 0) return 0;
  // Where it was (the usual case), else wherever it is now, else the rank it held.
  const at = ranked[rank] === id ? rank : ranked.indexOf(id);
  return at >= 0 ? at + 1 : Math.min(rank, ranked.length);
}

/** How long a mentee's ranking is kept for their next pages (ADR 0057). */
export const RANKING_MS = 10 * 60_000;

const filterHash = (f: MentorFilter): string =>
  createHash('sha256')
    .update(JSON.stringify([f.focusArea, f.language, f.location, f.minHoursPerMonth, f.hasRoom, f.search].map((v) => v ?? null)))
    .digest('base64url')
    .slice(0, 22);

type SuggestionPage = Page<MentorSuggestion> & { totalCount: number };

/** The cursor after a slice: its last mentor's position, when more follow. */
const afterSlice = (slice: readonly { mentorId: string }[], start: number, total: number, first: number): string | null => {
  const last = slice.at(-1);
  return start + first < total && last ? positionOf(start + slice.length - 1, last.mentorId) : null;
};

/**
 * `mentorsForMe`: a page of the ranking, with the total that matched the filter. The first page
 * ranks every mentor from the program's discovery index (one BatchGet, ADR 0072), reads the page's
 * cards and keeps the order for RANKING_MS; the next pages read that order and only their own
 * mentors' cards — a constant number of round trips, whatever the program's size, and a stable
 * order while the mentee pages (ADR 0057).
 */
export async function mentorsForMe(
  deps: DiscoveryDeps,
  scope: Scope,
  programId: string,
  filter: MentorFilter,
  page: PageRequest,
): Promise<SuggestionPage> {
  const hash = filterHash(filter);
  if (page.after) {
    const kept = await pageFromRanking(deps, scope, programId, hash, page);
    if (kept) return kept;
  }
  const ranking = await rankMentorsFor(deps, scope, programId, filter);
  const ids = ranking.ranked.map((s) => s.mentorId);
  const start = startAfter(ids, page.after);
  const slice = ranking.ranked.slice(start, start + page.first);
  // The page's cards and the kept order side by side.
  const [shown] = await Promise.all([
    ranking.page(slice, start),
    start + page.first < ids.length
      ? deps.matching.putRanking({
          tenantId: scope.tenantId,
          programId,
          menteeId: ranking.menteeId,
          filterHash: hash,
          until: new Date(scope.now.getTime() + RANKING_MS).toISOString(),
          ranked: ranking.ranked.map(({ mentorId, score, openProposals }) => ({ mentorId, score, openProposals })),
        })
      : null,
  ]);
  return { ...shown, after: afterSlice(slice, start, ids.length, page.first), totalCount: ids.length };
}

/** A next page from the kept ranking: null when none is kept (the caller ranks afresh). */
async function pageFromRanking(
  deps: DiscoveryDeps,
  scope: Scope,
  programId: string,
  hash: string,
  page: PageRequest,
): Promise<SuggestionPage | null> {
  requireRole(scope.actor, 'discover mentors', 'participant');
  const menteeId = scope.actor.personId;
  if (!menteeId || !reachesProgram(scope.actor, programId)) throw notFound('Program');
  const t = scope.tenantId;
  const [kept, program, mentee, menteePerson, sent] = await Promise.all([
    deps.matching.getRanking(t, programId, menteeId, hash),
    deps.programs.getProgram(t, programId),
    deps.people.getEnrolment(t, menteeId, programId, 'MENTEE'),
    deps.people.getPerson(t, menteeId),
    deps.requests.requestsOf(t, menteeId),
  ]);
  if (!kept || kept.until <= scope.now.toISOString()) return null;
  if (!program) throw notFound('Program');
  if (!mentee || mentee.status === 'WITHDRAWN' || !menteePerson) throw notAMentee();
  const start = startAfter(
    kept.ranked.map((e) => e.mentorId),
    page.after,
  );
  const slice = kept.ranked.slice(start, start + page.first);
  const shown = await pageOf(deps, scope, { program, mentee, menteePerson, openTo: openRequestsTo(sent, programId) }, slice, start);
  return { ...shown, after: afterSlice(slice, start, kept.ranked.length, page.first), totalCount: kept.ranked.length };
}

/**
 * After a decline, the mentee's next best mentors: available ones, without the one who declined and
 * without those already asked. Null for anyone but the mentee, and for requests not declined.
 */
export async function nextSuggestions(
  deps: DiscoveryDeps,
  scope: Scope,
  request: MentorshipRequest,
  first: number,
): Promise<MentorSuggestion[] | null> {
  if (request.status !== 'DECLINED' || scope.actor.role !== 'participant' || scope.actor.personId !== request.menteeId) return null;
  const checks = new Checks();
  const count = checks.int('first', first, { min: 1, max: 10 });
  checks.done();
  const ranking = await rankMentorsFor(deps, scope, request.programId, { hasRoom: true });
  const slice = ranking.ranked.filter((s) => s.mentorId !== request.mentorId && !ranking.asked(s.mentorId)).slice(0, count);
  return (await ranking.page(slice, 0)).items;
}

/**
 * `person(id)` for participants: oneself whole; of others, the public profile of someone they are
 * paired with or in a request with, or a mentor of a program they are a mentee in (discoverable).
 * Anyone else is NOT_FOUND, exactly as a missing person. The GraphQL guard nulls the private fields.
 */
export async function readProfile(
  deps: Pick<DiscoveryDeps, 'people' | 'mentorships' | 'requests'>,
  scope: Scope,
  id: string,
): Promise<Person> {
  const me = scope.actor.personId;
  if (scope.actor.role !== 'participant' || !me || me === id) return getPerson(deps, scope, id);
  const t = scope.tenantId;
  const [person, enrolments, pairs, requests] = await Promise.all([
    deps.people.getPerson(t, id),
    deps.people.enrolmentsOfMany(t, [me, id]),
    deps.mentorships.mentorshipsOf(t, me),
    deps.requests.requestsOf(t, me),
  ]);
  if (!person) throw notFound('Person');
  const other = (x: { mentorId: string; menteeId: string; programId: string }) =>
    reachesProgram(scope.actor, x.programId) && (x.mentorId === id || x.menteeId === id);
  if (pairs.some(other) || requests.some(other)) return person;
  const live = (e: Enrolment) => e.status !== 'WITHDRAWN' && reachesProgram(scope.actor, e.programId);
  const menteeIn = new Set((enrolments.get(me) ?? []).filter((e) => live(e) && e.role === 'MENTEE').map((e) => e.programId));
  if ((enrolments.get(id) ?? []).some((e) => live(e) && e.role === 'MENTOR' && menteeIn.has(e.programId))) return person;
  throw notFound('Person');
}
