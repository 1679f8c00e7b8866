import type { Scope } from '#domain/kernel/actors.ts';
import { reachesProgram, requireRole } from '#domain/kernel/actors.ts';
import { DomainError, ErrorCode, notFound } from '#domain/kernel/errors.ts';
import { fold } from '#domain/kernel/names.ts';
import { allPages, type Page, type PageRequest } from '#domain/kernel/pages.ts';
import { Checks } from '#domain/kernel/validation.ts';
import { privacyOf, visibleReasons } from '#domain/kernel/visibility.ts';
import type { MentorshipStore } from '#domain/mentorships/pairs.ts';
import type { Contribution, ProposalStore } from '#domain/mentorships/proposals.ts';
import type { MentorshipRequest, RequestStore } from '#domain/mentorships/requests.ts';
import { type Enrolment, getPerson, isAway, mentorLoadOf, type PeopleStore, type Person } from '#domain/people/people.ts';
import { focusAreaCode } from '#domain/programs/focusAreas.ts';
import { type Program, type ProgramStore, pairingOf } from '#domain/programs/programs.ts';
import { candidateEdges, type Mentor, pairKey } from './candidates.ts';
import { factsOf } from './explain.ts';
import { candidate } from './plan.ts';
import type { MatchingStore } from './run.ts';
import { type Prepared, prepare, scorePair } from './scoring.ts';

/**
 * Discovery (ADR 0058): a mentee's view of the mentors of their program, ranked by the program's own
 * matching score with the matcher's explanation, under the same hard rules as a matching run (not
 * oneself, not blocked, not a pair that ended, not in one's reporting line, a shared language when
 * the program asks for one). Reads are a constant number of round trips whatever the page: the
 * program's mentors in one paged query, their profiles in one parallel BatchGet.
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
  matching: Pick<MatchingStore, 'listRules'>;
  requests: RequestStore;
}

export interface RankedMentors {
  program: Program;
  menteeId: string;
  /** Every mentor the mentee may see, best first, filtered; explanations left empty. */
  ranked: MentorSuggestion[];
  /** The same suggestions with the matcher's explanation (done for a page only: it costs a scoring each). */
  explained(page: MentorSuggestion[]): MentorSuggestion[];
}

const MENTOR_PAGE = 1000;
const languageNames = [new Intl.DisplayNames('en', { type: 'language' }), new Intl.DisplayNames('nl', { type: 'language' })];

/** "nl", "Dutch", "Nederlands" → does the mentor speak it. */
function speaks(languages: readonly string[], wanted: string): boolean {
  const w = fold(wanted.trim());
  return languages.some((code) => code === w || languageNames.some((names) => fold(names.of(code) ?? '') === w));
}

const availabilityOf = (e: Enrolment, remaining: number, today: string): MentorAvailability => {
  if (isAway(e, today)) return 'AWAY';
  if (!mentorLoadOf(e).acceptsRequests) return 'NOT_ACCEPTING_REQUESTS';
  return remaining <= 0 ? 'FULL' : 'AVAILABLE';
};

/** The public profile words discovery searches: never e-mail, reporting line or experience. */
const publicText = (p: Person): string =>
  fold([p.displayName, p.jobTitle, p.department, p.location, p.industry, p.bio, ...p.skillsOffered].filter(Boolean).join(' '));

/** Ranks every mentor of the program for the calling mentee; `page` cuts it. */
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
  const [program, mentee, menteePerson, mentorEnrolments, rules, ended, open, sent] = await Promise.all([
    deps.programs.getProgram(t, programId),
    deps.people.getEnrolment(t, menteeId, programId, 'MENTEE'),
    deps.people.getPerson(t, menteeId),
    allPages((page) => deps.people.listEnrolments(t, programId, { role: 'MENTOR' }, 'NAME', page), MENTOR_PAGE),
    deps.matching.listRules(t, programId),
    deps.mentorships.endedPairs(t, programId),
    deps.proposals.openProposals(t, programId),
    deps.requests.requestsOf(t, menteeId),
  ]);
  if (!program) throw notFound('Program');
  if (!mentee || mentee.status === 'WITHDRAWN' || !menteePerson) {
    throw new DomainError(ErrorCode.CONFLICT, 'conflict.notEnrolled', { role: 'mentee' });
  }
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

  const live = mentorEnrolments.filter((e) => e.status !== 'WITHDRAWN' && e.personId !== menteeId);
  const people = await deps.people.getPeople(
    t,
    live.map((e) => e.personId),
  );
  const today = scope.now.toISOString().slice(0, 10);
  const openPerMentor = new Map<string, number>();
  for (const p of open) openPerMentor.set(p.mentorId, (openPerMentor.get(p.mentorId) ?? 0) + 1);
  const menteePrepared = prepare(candidate(menteePerson, mentee, 'MENTEE'), scope.now);
  const byId = new Map<string, { enrolment: Enrolment; person: Person; mentor: Mentor; remaining: number }>();
  for (const e of live) {
    const person = people.get(e.personId);
    if (!person) continue;
    const remaining = (e.capacity ?? 0) - (e.activeMentorships ?? 0) - (openPerMentor.get(e.personId) ?? 0);
    // Full mentors are shown as full, not excluded: eligibility is judged with a place, availability apart.
    byId.set(e.personId, {
      enrolment: e,
      person,
      remaining,
      mentor: { ...prepare(candidate(person, e, 'MENTOR'), scope.now), remaining: 1 },
    });
  }
  const space = candidateEdges(
    [menteePrepared],
    [...byId.values()].map((m) => m.mentor),
    { ...program.matching, minimumScore: 0 },
    {
      blocked: new Set(rules.filter((r) => r.kind === 'BLOCK').map((r) => pairKey(r.menteeId, r.mentorId))),
      ended: new Set(ended.map((m) => pairKey(m.menteeId, m.mentorId))),
    },
    Math.max(1, byId.size),
  );
  const openTo = new Map(sent.filter((r) => r.status === 'OPEN' && r.programId === programId).map((r) => [r.mentorId, r]));
  const hide = pairingOf(program).unavailableMentors === 'HIDE';
  const ranked: MentorSuggestion[] = [];
  for (const edge of space.edges) {
    const m = byId.get(edge.mentor);
    if (!m) continue;
    const availability = availabilityOf(m.enrolment, m.remaining, today);
    if ((hide || filter.hasRoom) && availability !== 'AVAILABLE') continue;
    if (wantedArea && !m.mentor.reasonSet.has(wantedArea)) continue;
    if (language && !speaks(m.person.languages, language)) continue;
    if (location && !fold(m.person.location ?? '').includes(location)) continue;
    if (minHours !== null && (m.enrolment.hoursPerMonth ?? 0) < minHours) continue;
    if (words.length > 0) {
      const text = publicText(m.person);
      if (!words.every((w) => text.includes(w))) continue;
    }
    ranked.push({
      programId,
      mentor: m.person,
      score: Math.round(edge.weight * 10_000) / 10_000,
      explanation: [],
      availability,
      placesLeft: Math.max(0, m.remaining),
      awayUntil: isAway(m.enrolment, today) ? (m.enrolment.awayUntil ?? null) : null,
      hoursPerMonth: m.enrolment.hoursPerMonth,
      focusAreas: visibleReasons(program, scope.actor, [m.person.id], m.mentor.reasons),
      openRequest: openTo.get(m.person.id) ?? null,
    });
  }
  // Available mentors first (when shown at all), then by score; candidateEdges already broke ties by id.
  const rank = (s: MentorSuggestion) => (s.availability === 'AVAILABLE' ? 0 : 1);
  ranked.sort((a, b) => rank(a) - rank(b) || b.score - a.score);
  return {
    program,
    menteeId,
    ranked,
    explained: (page) => page.map((s) => ({ ...s, explanation: explain(menteePrepared, byId.get(s.mentor.id)?.mentor, program) })),
  };
}

/** The matcher's per-criterion parts and facts, for a page's mentors only. */
function explain(mentee: Prepared, mentor: Prepared | undefined, program: Program): Contribution[] {
  if (!mentor) return [];
  return scorePair(mentee, mentor, program.matching).parts.map((part) => {
    const facts = factsOf(part.criterion, mentee, mentor);
    return facts ? { ...part, facts } : part;
  });
}

/** `mentorsForMe`: a page of the ranking, with the total that matched the filter. */
export async function mentorsForMe(
  deps: DiscoveryDeps,
  scope: Scope,
  programId: string,
  filter: MentorFilter,
  page: PageRequest,
): Promise<Page<MentorSuggestion> & { totalCount: number }> {
  const { ranked, explained } = await rankMentorsFor(deps, scope, programId, filter);
  // The position is the mentor's id: the next page starts after them in today's ranking.
  const start = page.after ? ranked.findIndex((s) => s.mentor.id === page.after) + 1 : 0;
  const items = explained(ranked.slice(start, start + page.first));
  const more = start + page.first < ranked.length;
  return {
    items,
    positions: items.map((s) => s.mentor.id),
    after: more ? (items.at(-1)?.mentor.id ?? null) : null,
    totalCount: ranked.length,
  };
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
  const { ranked, explained } = await rankMentorsFor(deps, scope, request.programId, { hasRoom: true });
  return explained(ranked.filter((s) => s.mentor.id !== request.mentorId && !s.openRequest).slice(0, count));
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
