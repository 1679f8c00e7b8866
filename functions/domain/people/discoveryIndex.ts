import { createHash } from 'node:crypto';
import { fold } from '#domain/kernel/names.ts';

/** What the index reads of a person (people.ts `Person`; a leaf, so people.ts may name these types). */
interface ProfileSource {
  tenantId: string;
  email: string;
  managerEmail: string | null;
  displayName: string;
  jobTitle: string | null;
  department: string | null;
  location: string | null;
  timeZone: string;
  languages: string[];
  yearsExperience: number | null;
  industry: string | null;
  skillsOffered: string[];
  bio: string | null;
}

/** What the index reads of a mentor's enrolment (people.ts `Enrolment`). */
interface TermsSource {
  status: string;
  reasons: string[];
  capacity: number | null;
  hoursPerMonth: number | null;
  awayUntil?: string | null;
  acceptsRequests?: boolean;
  openToSponsoring: boolean;
}

/**
 * A program's discovery index (ADR 0072): per mentor, what discovery ranks and filters on, and no
 * more, packed many mentors to an item so a first page reads a program of thousands in one BatchGet.
 * An entry has three parts, each written only by the writes that own its source, in the same
 * transaction and under that source's own condition: the `profile` by the person's writes, the
 * `terms` by the enrolment's, the `activeMentorships` by a pair's start and end (an ADD).
 */

/** The profile part: public fields (visibility.ts, Person PUBLIC), besides the two the matcher needs. */
export interface DiscoveryProfile {
  department: string | null;
  location: string | null;
  timeZone: string;
  languages: string[];
  skills: string[];
  /**
   * SENIORITY scores on it (CONTACT in the visibility map): kept because the ranking must be the
   * matcher's. It never leaves the server: discovery shows a page's mentors from their cards.
   */
  yearsExperience: number | null;
  /** The reporting line as pseudonyms (`lineKey`): the hard rule needs only which e-mails are equal. */
  self: string;
  manager: string | null;
  /** The folded words of the public profile text search looks in, each once. */
  text: string;
}

/** The enrolment part: the mentor's terms (not the load). */
export interface DiscoveryTerms {
  withdrawn: boolean;
  reasons: string[];
  capacity: number | null;
  hoursPerMonth: number | null;
  awayUntil: string | null;
  acceptsRequests: boolean;
  openToSponsoring: boolean;
}

export interface DiscoveryEntry {
  personId: string;
  profile: DiscoveryProfile;
  terms: DiscoveryTerms;
  activeMentorships: number;
}

/** An e-mail as the index keeps it: equal e-mails give equal keys, and the key names no one. */
export const lineKey = (tenantId: string, email: string): string =>
  createHash('sha256').update(`${tenantId}\u0000${email}`).digest('base64url').slice(0, 16);

/** The public profile words discovery searches: never e-mail, reporting line or experience. */
export const publicText = (p: ProfileSource): string =>
  fold([p.displayName, p.jobTitle, p.department, p.location, p.industry, p.bio, ...p.skillsOffered].filter(Boolean).join(' '));

/**
 * The same words, each once. A search word holds no white space, so it is found in the text exactly
 * when it is found in one of these words: the search's answer is the same.
 */
const searchWords = (p: ProfileSource): string => [...new Set(publicText(p).split(/\s+/).filter(Boolean))].join(' ');

export const discoveryProfile = (p: ProfileSource): DiscoveryProfile => ({
  department: p.department,
  location: p.location,
  timeZone: p.timeZone,
  languages: p.languages,
  skills: p.skillsOffered,
  yearsExperience: p.yearsExperience,
  self: lineKey(p.tenantId, p.email),
  manager: p.managerEmail === null ? null : lineKey(p.tenantId, p.managerEmail),
  text: searchWords(p),
});

export const discoveryTerms = (e: TermsSource): DiscoveryTerms => ({
  withdrawn: e.status === 'WITHDRAWN',
  reasons: e.reasons,
  capacity: e.capacity,
  hoursPerMonth: e.hoursPerMonth,
  awayUntil: e.awayUntil ?? null,
  acceptsRequests: e.acceptsRequests ?? true,
  openToSponsoring: e.openToSponsoring,
});
