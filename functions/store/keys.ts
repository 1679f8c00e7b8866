import { createHash } from 'node:crypto';

/**
 * Every key of every item, in one place. The tenant leads every partition key, including the
 * index keys, so a query can never cross tenants and IAM can pin a caller to its tenant with
 * `dynamodb:LeadingKeys` (prefix `T#<tenant>`). docs/access-patterns.md lists who uses which.
 *
 * The exceptions are the platform's tenant directory (`PLATFORM`), read only by operators and
 * the scheduled jobs to find the tenants to work on, and operators' rate buckets (`OPS#RATE#…`).
 */
export interface Key {
  PK: string;
  SK: string;
}

export interface IndexKeys {
  GSI1PK?: string;
  GSI1SK?: string;
  GSI2PK?: string;
  GSI2SK?: string;
}

/** What leads every key of a tenant: `T#<tenant>`. The IAM policy for a tenant's session pins it (tenantLeadingKeys). */
export const TENANT_PREFIX = 'T#';
const t = (tenantId: string): string => `${TENANT_PREFIX}${tenantId}`;

/** The tenant a key leads with (`T#acme#P#1` → `acme`); null for a platform key (`PLATFORM`, `OPS#…`). */
export const tenantOfKey = (key: string): string | null =>
  key.startsWith(TENANT_PREFIX) ? (key.slice(TENANT_PREFIX.length).split('#')[0] ?? '') : null;

/**
 * The leading keys a tenant's session may touch, for `dynamodb:LeadingKeys`: its partition and every
 * partition under it (the index keys too). Two patterns, not `T#acme*`, which would also let `acme`
 * into `T#acme-corp`.
 */
export const tenantLeadingKeys = (tenant: string): string[] => [t(tenant), `${t(tenant)}#*`];

/** How many GSI1 partitions a tenant's HR records spread over: the snapshot's parallel reads. */
export const EMPLOYMENT_SHARDS = 8;
const employmentShard = (personId: string): number => createHash('sha256').update(personId).digest().readUInt8(0) % EMPLOYMENT_SHARDS;
/** How many chunks the compact copy of a tenant's HR records is cut into (ADR 0078). */
export const EMPLOYMENT_PACK_CHUNKS = 64;
/** The chunk of the compact copy a person's HR facts sit in. */
export const employmentPackChunkOf = (personId: string): number =>
  createHash('sha256').update(personId).digest().readUInt16BE(1) % EMPLOYMENT_PACK_CHUNKS;

/** How many items a program's discovery index spreads its mentors over (ADR 0072): one BatchGet reads them all. */
export const DISCOVERY_CHUNKS = 64;
const discoveryChunkOf = (personId: string): number => createHash('sha256').update(personId).digest().readUInt8(1) % DISCOVERY_CHUNKS;

export const keys = {
  /** The tenant record. */
  tenant: (tenantId: string): Key => ({ PK: t(tenantId), SK: 'TENANT' }),
  /** The platform's directory of tenants, one item per tenant. */
  tenantDirectoryEntry: (tenantId: string): Key => ({ PK: 'PLATFORM', SK: `TENANT#${tenantId}` }),
  tenantDirectory: () => ({ PK: 'PLATFORM', SKPrefix: 'TENANT#' }),

  /** Programs live in the tenant's partition: a tenant has few. */
  program: (tenantId: string, programId: string): Key => ({ PK: t(tenantId), SK: `PROGRAM#${programId}` }),
  programs: (tenantId: string) => ({ PK: t(tenantId), SKPrefix: 'PROGRAM#' }),
  /** Counters the console shows, kept current by the writes that change them. */
  programStats: (tenantId: string, programId: string): Key => ({ PK: t(tenantId), SK: `STATS#${programId}` }),

  /** A person's partition holds their profile and their enrolments. */
  person: (tenantId: string, personId: string): Key => ({ PK: `${t(tenantId)}#P#${personId}`, SK: 'PROFILE' }),
  /**
   * People search (store/search.ts): a token a person is found by, bucketed by the token's first
   * letter, sorted by token then person, so a prefix is one `begins_with` query. An item holds up to
   * three tokens (ADR 0087): one in its own key, one in each index's keys (`searchTokenIndex`).
   */
  searchToken: (tenantId: string, token: string, personId: string): Key => ({
    PK: `${t(tenantId)}#SEARCH#${[...token][0] ?? ''}`,
    SK: `${token}|${personId}`,
  }),
  /** A search token in an index's keys (slot 1: GSI1, slot 2: GSI2), in the same bucket and order as `searchToken`. */
  searchTokenIndex: (tenantId: string, token: string, personId: string, slot: 1 | 2): IndexKeys => {
    const { PK, SK } = keys.searchToken(tenantId, token, personId);
    return slot === 1 ? { GSI1PK: PK, GSI1SK: SK } : { GSI2PK: PK, GSI2SK: SK };
  },
  searchBucket: (tenantId: string, prefix: string) => ({ PK: `${t(tenantId)}#SEARCH#${[...prefix][0] ?? ''}` }),
  /** GSI1: the tenant's people in name order; GSI2: newest first. */
  personIndex: (tenantId: string, sortKey: string, createdAt: string, personId: string): IndexKeys => ({
    GSI1PK: `${t(tenantId)}#PEOPLE`,
    GSI1SK: `${sortKey}#${personId}`,
    GSI2PK: `${t(tenantId)}#PEOPLE`,
    GSI2SK: `${createdAt}#${personId}`,
  }),
  tenantPeople: (tenantId: string) => ({ indexPK: `${t(tenantId)}#PEOPLE` }),
  /** How many people the tenant has: changed in every create and erasure's own transaction (store/counts.ts). */
  peopleCount: (tenantId: string): Key => ({ PK: t(tenantId), SK: 'PEOPLECOUNT' }),
  /** Claims an e-mail address inside a tenant, so two people cannot share one. */
  personEmail: (tenantId: string, email: string): Key => ({ PK: `${t(tenantId)}#EMAIL#${email}`, SK: 'EMAIL' }),
  /** Claims an HR system's employee id inside a tenant: re-imports find the person by it. */
  personExternalId: (tenantId: string, externalId: string): Key => ({ PK: `${t(tenantId)}#EXT#${externalId}`, SK: 'EXT' }),
  /** The keys of a person's enrolments, so a list of people loads theirs with two BatchGets. */
  enrolmentRefs: (tenantId: string, personId: string): Key => ({ PK: `${t(tenantId)}#P#${personId}`, SK: 'ENROLREFS' }),
  /** One entry of a person's enrolment refs: which enrolment key to read, without querying the partition. */
  enrolmentRef: (programId: string, role: string): string => `${programId}#${role}`,
  enrolmentOfRef: (tenantId: string, personId: string, ref: string): Key => {
    const [programId = '', role = ''] = ref.split('#');
    return keys.enrolment(tenantId, personId, programId, role);
  },
  personEnrolments: (tenantId: string, personId: string) => ({ PK: `${t(tenantId)}#P#${personId}`, SKPrefix: 'ENROL#' }),
  enrolment: (tenantId: string, personId: string, programId: string, role: string): Key => ({
    PK: `${t(tenantId)}#P#${personId}`,
    SK: `ENROL#${programId}#${role}`,
  }),
  /** GSI1: a program's participants by role, in name order; GSI2: by role, newest first. */
  enrolmentIndex: (
    tenantId: string,
    programId: string,
    role: string,
    sortKey: string,
    enrolledAt: string,
    personId: string,
  ): IndexKeys => ({
    GSI1PK: `${t(tenantId)}#PROG#${programId}#ENROL`,
    GSI1SK: `${role}#${sortKey}#${personId}`,
    GSI2PK: `${t(tenantId)}#PROG#${programId}#ENROL`,
    GSI2SK: `${role}#${enrolledAt}#${personId}`,
  }),
  programEnrolments: (tenantId: string, programId: string, role: string | null) => ({
    indexPK: `${t(tenantId)}#PROG#${programId}#ENROL`,
    sortPrefix: role ? `${role}#` : '',
  }),

  /** An import job's partition: the job, its row chunks and its report. */
  importJob: (tenantId: string, jobId: string): Key => ({ PK: `${t(tenantId)}#IMPORT#${jobId}`, SK: 'JOB' }),
  /** GSI1: a program's imports, newest first; GSI2 (sparse, removed when finished): the tenant's unfinished imports. */
  importIndex: (tenantId: string, programId: string, createdAt: string, jobId: string): IndexKeys => ({
    GSI1PK: `${t(tenantId)}#PROG#${programId}#IMPORTS`,
    GSI1SK: `${createdAt}#${jobId}`,
    GSI2PK: `${t(tenantId)}#IMPORTS#OPEN`,
    GSI2SK: `${createdAt}#${jobId}`,
  }),
  programImports: (tenantId: string, programId: string) => ({ GSI1PK: `${t(tenantId)}#PROG#${programId}#IMPORTS` }),
  openImports: (tenantId: string) => ({ GSI2PK: `${t(tenantId)}#IMPORTS#OPEN` }),
  importChunk: (tenantId: string, jobId: string, index: number): Key => ({
    PK: `${t(tenantId)}#IMPORT#${jobId}`,
    SK: `CHUNK#${String(index).padStart(4, '0')}`,
  }),
  importProblems: (tenantId: string, jobId: string, index: number): Key => ({
    PK: `${t(tenantId)}#IMPORT#${jobId}`,
    SK: `PROBLEMS#${String(index).padStart(4, '0')}`,
  }),
  importChunks: (tenantId: string, jobId: string) => ({ PK: `${t(tenantId)}#IMPORT#${jobId}`, SKPrefix: 'CHUNK#' }),
  importReports: (tenantId: string, jobId: string) => ({ PK: `${t(tenantId)}#IMPORT#${jobId}`, SKPrefix: 'PROBLEMS#' }),

  /** A goal of a pair's plan, in the pair's partition. */
  goal: (tenantId: string, mentorshipId: string, goalId: string): Key => ({ PK: `${t(tenantId)}#M#${mentorshipId}`, SK: `GOAL#${goalId}` }),
  goals: (tenantId: string, mentorshipId: string) => ({ PK: `${t(tenantId)}#M#${mentorshipId}`, SKPrefix: 'GOAL#' }),

  /** A survey answer in the pair's partition; the closing survey's key is fixed per side, so it is taken once. */
  survey: (tenantId: string, mentorshipId: string, kind: string, side: string, surveyId: string): Key => ({
    PK: `${t(tenantId)}#M#${mentorshipId}`,
    SK: kind === 'CLOSING' ? `SURVEY#CLOSING#${side}` : `SURVEY#CHECK_IN#${surveyId}`,
  }),
  surveys: (tenantId: string, mentorshipId: string) => ({ PK: `${t(tenantId)}#M#${mentorshipId}`, SKPrefix: 'SURVEY#' }),
  /** GSI1: a program's survey answers, newest first (the console's surveys and outcomes page). */
  surveyIndex: (tenantId: string, programId: string, submittedAt: string, surveyId: string): IndexKeys => ({
    GSI1PK: `${t(tenantId)}#PROG#${programId}#SURVEYS`,
    GSI1SK: `${submittedAt}#${surveyId}`,
  }),
  programSurveys: (tenantId: string, programId: string) => ({ GSI1PK: `${t(tenantId)}#PROG#${programId}#SURVEYS` }),

  /** A mentee's request to a mentor. GSI1: the program's requests, newest first; GSI2: the mentor's inbox. */
  request: (tenantId: string, requestId: string): Key => ({ PK: `${t(tenantId)}#REQ#${requestId}`, SK: 'REQUEST' }),
  requestIndex: (tenantId: string, programId: string, mentorId: string, createdAt: string, requestId: string): IndexKeys => ({
    GSI1PK: `${t(tenantId)}#PROG#${programId}#REQS`,
    GSI1SK: `${createdAt}#${requestId}`,
    GSI2PK: `${t(tenantId)}#P#${mentorId}#INBOX`,
    GSI2SK: `${createdAt}#${requestId}`,
  }),
  programRequests: (tenantId: string, programId: string) => ({ GSI1PK: `${t(tenantId)}#PROG#${programId}#REQS` }),
  inbox: (tenantId: string, mentorId: string) => ({ GSI2PK: `${t(tenantId)}#P#${mentorId}#INBOX` }),
  /** The mentee's pointer to a request they sent. */
  sentRequest: (tenantId: string, menteeId: string, requestId: string): Key => ({
    PK: `${t(tenantId)}#P#${menteeId}`,
    SK: `REQ#${requestId}`,
  }),
  sentRequests: (tenantId: string, menteeId: string) => ({ PK: `${t(tenantId)}#P#${menteeId}`, SKPrefix: 'REQ#' }),
  /**
   * A mentee's claim on asking one mentor in one program while a request is open (ADR 0058): written
   * with the request in its transaction, deleted when the request closes — two sends at once cannot both hold it.
   */
  requestClaim: (tenantId: string, programId: string, menteeId: string, mentorId: string): Key => ({
    PK: `${t(tenantId)}#P#${menteeId}`,
    SK: `ASKING#${programId}#${mentorId}`,
  }),
  /** Open requests by expiry, so the sweep finds the expired ones without reading the rest. */
  openRequest: (tenantId: string, expiresAt: string, requestId: string): Key => ({
    PK: `${t(tenantId)}#OPENREQS`,
    SK: `${expiresAt}#${requestId}`,
  }),
  openRequests: (tenantId: string) => ({ PK: `${t(tenantId)}#OPENREQS` }),

  /**
   * A proposed pair. GSI1: the program's proposals by status, newest first within it. GSI2: the
   * mentee's proposals (the mentee's side needs no pointer item; ADR 0079).
   */
  proposal: (tenantId: string, proposalId: string): Key => ({ PK: `${t(tenantId)}#PROPOSAL#${proposalId}`, SK: 'PROPOSAL' }),
  proposalIndex: (
    tenantId: string,
    programId: string,
    menteeId: string,
    status: string,
    createdAt: string,
    proposalId: string,
  ): IndexKeys => ({
    GSI1PK: `${t(tenantId)}#PROG#${programId}#PROPS`,
    GSI1SK: `${status}#${createdAt}#${proposalId}`,
    GSI2PK: `${t(tenantId)}#P#${menteeId}#PROPS`,
    GSI2SK: `${createdAt}#${proposalId}`,
  }),
  /** A mentee's proposals (GSI2 of the proposals themselves). */
  menteeProposals: (tenantId: string, menteeId: string) => ({ GSI2PK: `${t(tenantId)}#P#${menteeId}#PROPS` }),
  programProposals: (tenantId: string, programId: string, status: string | null) => ({
    GSI1PK: `${t(tenantId)}#PROG#${programId}#PROPS`,
    GSI1SKPrefix: status ? `${status}#` : '',
  }),
  /** A program's proposals of `status` created from `since` on: the GSI1SK range from `from` to `to`. */
  programProposalsSince: (tenantId: string, programId: string, status: string, since: string) => ({
    GSI1PK: `${t(tenantId)}#PROG#${programId}#PROPS`,
    from: `${status}#${since}`,
    to: `${status}#~`,
  }),
  /** A mentor's pointer to a proposal about them (before ADR 0079 the mentee had one too: readers take both). */
  personProposal: (tenantId: string, personId: string, proposalId: string): Key => ({
    PK: `${t(tenantId)}#P#${personId}`,
    SK: `PROP#${proposalId}`,
  }),
  /**
   * A mentor's pointers to the proposals one write of a matching run made them, in one item
   * (`proposalIds`), named by the first of them (a re-run after a crash writes the rest beside it).
   */
  personRunProposals: (tenantId: string, personId: string, runId: string, firstProposalId: string): Key => ({
    PK: `${t(tenantId)}#P#${personId}`,
    SK: `PROP#RUN#${runId}#${firstProposalId}`,
  }),
  personProposals: (tenantId: string, personId: string) => ({ PK: `${t(tenantId)}#P#${personId}`, SKPrefix: 'PROP#' }),

  /** A program's matching partition: the managers' pins and blocks, and the lease one run at a time holds. */
  pairRule: (tenantId: string, programId: string, menteeId: string, mentorId: string): Key => ({
    PK: `${t(tenantId)}#MATCH#${programId}`,
    SK: `RULE#${menteeId}#${mentorId}`,
  }),
  pairRules: (tenantId: string, programId: string) => ({ PK: `${t(tenantId)}#MATCH#${programId}`, SKPrefix: 'RULE#' }),
  /** A mentee's discovery ranking under one filter, kept minutes for the next pages (ADR 0057; TTL). */
  discoveryRanking: (tenantId: string, programId: string, menteeId: string, filterHash: string): Key => ({
    PK: `${t(tenantId)}#MATCH#${programId}`,
    SK: `RANK#${menteeId}#${filterHash}`,
  }),
  /**
   * A program's discovery index (ADR 0072): chunk `n` of DISCOVERY_CHUNKS, each mentor in the one
   * their id hashes to, as attributes `p#<id>`, `t#<id>`, `a#<id>`; chunk 0 also marks the index whole.
   */
  discoveryChunk: (tenantId: string, programId: string, n: number): Key => ({
    PK: `${t(tenantId)}#MATCH#${programId}`,
    SK: `DISC#${String(n).padStart(2, '0')}`,
  }),
  /** A mentor's attribute in a discovery chunk: `p#<id>` profile, `t#<id>` terms, `a#<id>` running pairs. */
  discoveryPart: (kind: 'p' | 't' | 'a', personId: string): string => `${kind}#${personId}`,
  /** Whose profile attribute this is (the attributes that name a mentor of the chunk), else null. */
  discoveryProfileOwner: (attribute: string): string | null => (attribute.startsWith('p#') ? attribute.slice(2) : null),
  discoveryChunkOf: (tenantId: string, programId: string, personId: string): Key =>
    keys.discoveryChunk(tenantId, programId, discoveryChunkOf(personId)),
  matchingLease: (tenantId: string, programId: string): Key => ({ PK: `${t(tenantId)}#MATCH#${programId}`, SK: 'LEASE' }),
  /** A matching run and its chunks (proposed pairs, unmatched mentees). GSI1: a program's runs, newest first. */
  matchingRun: (tenantId: string, runId: string): Key => ({ PK: `${t(tenantId)}#RUN#${runId}`, SK: 'RUN' }),
  matchingRunIndex: (tenantId: string, programId: string, startedAt: string, runId: string): IndexKeys => ({
    GSI1PK: `${t(tenantId)}#PROG#${programId}#RUNS`,
    GSI1SK: `${startedAt}#${runId}`,
  }),
  programRuns: (tenantId: string, programId: string) => ({ GSI1PK: `${t(tenantId)}#PROG#${programId}#RUNS` }),
  matchingRunChunk: (tenantId: string, runId: string, part: 'PAIRS' | 'UNMATCHED', index: number): Key => ({
    PK: `${t(tenantId)}#RUN#${runId}`,
    SK: `${part}#${String(index).padStart(4, '0')}`,
  }),
  matchingRunChunks: (tenantId: string, runId: string, part: 'PAIRS' | 'UNMATCHED') => ({
    PK: `${t(tenantId)}#RUN#${runId}`,
    SKPrefix: `${part}#`,
  }),

  /** Partner API keys live in the tenant's partition (a tenant has few); their rate state each in a partition of its own. */
  apiKey: (tenantId: string, keyId: string): Key => ({ PK: t(tenantId), SK: `APIKEY#${keyId}` }),
  apiKeys: (tenantId: string) => ({ PK: t(tenantId), SKPrefix: 'APIKEY#' }),
  apiKeyRate: (tenantId: string, keyId: string): Key => ({ PK: `${t(tenantId)}#APIKEY#${keyId}`, SK: 'RATE' }),
  /** Bearer-token callers' rate state (ADR 0035): one bucket per token subject (hashed: it may be an e-mail), one per tenant. */
  personRate: (tenantId: string | null, subject: string): Key => ({
    PK: `${tenantId === null ? 'OPS' : t(tenantId)}#RATE#${createHash('sha256').update(subject).digest('base64url').slice(0, 22)}`,
    SK: 'RATE',
  }),
  tenantRate: (tenantId: string): Key => ({ PK: `${t(tenantId)}#RATE`, SK: 'RATE' }),

  /** An e-mail action link (ADR 0059), by the hash of its secret: each in a partition of its own, found only by whoever holds the token. */
  actionLink: (tenantId: string, hash: string): Key => ({ PK: `${t(tenantId)}#LINK#${hash}`, SK: 'LINK' }),

  /** A creating call's idempotency record (expires after a day). */
  idempotency: (tenantId: string, key: string): Key => ({ PK: `${t(tenantId)}#IDEM#${key}`, SK: 'IDEM' }),

  /** A person's reference to an idempotency record written for them (erasure deletes both). */
  personIdempotency: (tenantId: string, personId: string, key: string): Key => ({ PK: `${t(tenantId)}#P#${personId}`, SK: `IDEM#${key}` }),
  personIdempotencies: (tenantId: string, personId: string) => ({ PK: `${t(tenantId)}#P#${personId}`, SKPrefix: 'IDEM#' }),
  /** A pair's reference to an idempotency record of its shared record (a meeting, goal or survey): erasing either member deletes both. */
  pairIdempotency: (tenantId: string, mentorshipId: string, key: string): Key => ({
    PK: `${t(tenantId)}#M#${mentorshipId}`,
    SK: `IDEM#${key}`,
  }),
  pairIdempotencies: (tenantId: string, mentorshipId: string) => ({ PK: `${t(tenantId)}#M#${mentorshipId}`, SKPrefix: 'IDEM#' }),
  /** A circle's reference to an idempotency record of a group meeting: erasing anyone in the circle deletes both. */
  circleIdempotency: (tenantId: string, circleId: string, key: string): Key => ({ PK: `${t(tenantId)}#C#${circleId}`, SK: `IDEM#${key}` }),
  circleIdempotencies: (tenantId: string, circleId: string) => ({ PK: `${t(tenantId)}#C#${circleId}`, SKPrefix: 'IDEM#' }),

  /** A person's pointer to a mentorship they take part in, as mentor or mentee. */
  personPair: (tenantId: string, personId: string, mentorshipId: string): Key => ({
    PK: `${t(tenantId)}#P#${personId}`,
    SK: `PAIR#${mentorshipId}`,
  }),
  personPairs: (tenantId: string, personId: string) => ({ PK: `${t(tenantId)}#P#${personId}`, SKPrefix: 'PAIR#' }),
  /** Marks a person as erased; erasure resumes from it after a crash. */
  erasure: (tenantId: string, personId: string): Key => ({ PK: `${t(tenantId)}#P#${personId}`, SK: 'ERASED' }),

  /** A mentorship's partition holds the pair and its meetings. */
  mentorship: (tenantId: string, mentorshipId: string): Key => ({ PK: `${t(tenantId)}#M#${mentorshipId}`, SK: 'PAIR' }),
  /** GSI1: a program's mentorships, newest first by start. */
  mentorshipIndex: (tenantId: string, programId: string, startedAt: string, mentorshipId: string): IndexKeys => ({
    GSI1PK: `${t(tenantId)}#PROG#${programId}#PAIRS`,
    GSI1SK: `${startedAt}#${mentorshipId}`,
  }),
  programMentorships: (tenantId: string, programId: string) => ({ GSI1PK: `${t(tenantId)}#PROG#${programId}#PAIRS` }),
  meeting: (tenantId: string, mentorshipId: string, heldAt: string, meetingId: string): Key => ({
    PK: `${t(tenantId)}#M#${mentorshipId}`,
    SK: `MEET#${heldAt}#${meetingId}`,
  }),
  meetings: (tenantId: string, mentorshipId: string) => ({ PK: `${t(tenantId)}#M#${mentorshipId}`, SKPrefix: 'MEET#' }),

  /** A group program's circle (ADR 0075): its partition holds the circle and its group meetings. */
  circle: (tenantId: string, circleId: string): Key => ({ PK: `${t(tenantId)}#C#${circleId}`, SK: 'CIRCLE' }),
  /** GSI1: a program's circles, newest first by start. */
  circleIndex: (
    tenantId: string,
    programId: string,
    createdAt: string,
    circleId: string,
  ): Required<Pick<IndexKeys, 'GSI1PK' | 'GSI1SK'>> => ({
    GSI1PK: `${t(tenantId)}#PROG#${programId}#CIRCLES`,
    GSI1SK: `${createdAt}#${circleId}`,
  }),
  programCircles: (tenantId: string, programId: string) => ({ GSI1PK: `${t(tenantId)}#PROG#${programId}#CIRCLES` }),
  groupMeeting: (tenantId: string, circleId: string, heldAt: string, meetingId: string): Key => ({
    PK: `${t(tenantId)}#C#${circleId}`,
    SK: `GMEET#${heldAt}#${meetingId}`,
  }),
  groupMeetings: (tenantId: string, circleId: string) => ({ PK: `${t(tenantId)}#C#${circleId}`, SKPrefix: 'GMEET#' }),

  /** An outbox message (issue #9). GSI1: the tenant's messages, newest first; GSI2 (sparse, removed once settled): due ones by `notBefore`. */
  outboxMessage: (tenantId: string, messageId: string): Key => ({ PK: `${t(tenantId)}#MSG#${messageId}`, SK: 'MSG' }),
  outboxIndex: (tenantId: string, createdAt: string, messageId: string): Required<Pick<IndexKeys, 'GSI1PK' | 'GSI1SK'>> => ({
    GSI1PK: `${t(tenantId)}#OUTBOX`,
    GSI1SK: `${createdAt}#${messageId}`,
  }),
  /**
   * GSI2 of a message not yet settled: due by `notBefore`, then by send group (ADR 0083), so a page of
   * due messages holds few groups. Messages written before groups have none.
   */
  outboxDue: (
    tenantId: string,
    notBefore: string,
    sendGroup: string | null,
    messageId: string,
  ): Required<Pick<IndexKeys, 'GSI2PK' | 'GSI2SK'>> => ({
    GSI2PK: `${t(tenantId)}#OUTBOX#DUE`,
    GSI2SK: sendGroup ? `${notBefore}#${sendGroup}#${messageId}` : `${notBefore}#${messageId}`,
  }),
  /** A sender's lease on one send group of outbox messages (ADR 0083): owner and `leaseUntil`. */
  sendLease: (tenantId: string, sendGroup: string): Key => ({ PK: `${t(tenantId)}#SENDLEASE#${sendGroup}`, SK: 'LEASE' }),
  tenantOutbox: (tenantId: string) => ({ GSI1PK: `${t(tenantId)}#OUTBOX`, dueGSI2PK: `${t(tenantId)}#OUTBOX#DUE` }),
  /** Messages sent to a person in one local week (the weekly cap), in the person's partition. */
  weeklyCap: (tenantId: string, personId: string, week: string): Key => ({ PK: `${t(tenantId)}#P#${personId}`, SK: `CAP#${week}` }),
  /** A program's engagement partition: the manager's attention list and each mentor's unanswered signals. */
  attention: (tenantId: string, programId: string, kind: string, subjectId: string): Key => ({
    PK: `${t(tenantId)}#ENGAGE#${programId}`,
    SK: `ATTN#${kind}#${subjectId}`,
  }),
  attentionList: (tenantId: string, programId: string) => ({ PK: `${t(tenantId)}#ENGAGE#${programId}`, SKPrefix: 'ATTN#' }),
  mentorSignals: (tenantId: string, programId: string, mentorId: string): Key => ({
    PK: `${t(tenantId)}#ENGAGE#${programId}`,
    SK: `SIGNALS#${mentorId}`,
  }),
  /** A partner's webhook subscription and its deliveries. GSI1: the tenant's subscriptions; a subscription's deliveries, newest first. */
  webhook: (tenantId: string, subscriptionId: string): Key => ({ PK: `${t(tenantId)}#HOOK#${subscriptionId}`, SK: 'HOOK' }),
  webhookIndex: (tenantId: string, createdAt: string, subscriptionId: string): Required<Pick<IndexKeys, 'GSI1PK' | 'GSI1SK'>> => ({
    GSI1PK: `${t(tenantId)}#HOOKS`,
    GSI1SK: `${createdAt}#${subscriptionId}`,
  }),
  tenantWebhooks: (tenantId: string) => ({ GSI1PK: `${t(tenantId)}#HOOKS` }),
  webhookDelivery: (tenantId: string, subscriptionId: string, deliveryId: string): Key => ({
    PK: `${t(tenantId)}#HOOK#${subscriptionId}`,
    SK: `DLV#${deliveryId}`,
  }),
  webhookDeliveryIndex: (
    tenantId: string,
    subscriptionId: string,
    createdAt: string,
    deliveryId: string,
  ): Required<Pick<IndexKeys, 'GSI1PK' | 'GSI1SK'>> => ({
    GSI1PK: `${t(tenantId)}#HOOK#${subscriptionId}#DLV`,
    GSI1SK: `${createdAt}#${deliveryId}`,
  }),
  /** Sparse (removed once delivered or failed): the tenant's deliveries due, by next attempt. */
  webhookDue: (tenantId: string, nextAttemptAt: string, deliveryId: string): Required<Pick<IndexKeys, 'GSI2PK' | 'GSI2SK'>> => ({
    GSI2PK: `${t(tenantId)}#HOOKS#DUE`,
    GSI2SK: `${nextAttemptAt}#${deliveryId}`,
  }),
  /** How many webhook subscriptions the tenant has: the counter whose condition holds the cap. */
  webhookCount: (tenantId: string): Key => ({ PK: t(tenantId), SK: 'HOOKCOUNT' }),
  /** Where reading the audit log for partner events stopped. */
  webhookCheckpoint: (tenantId: string): Key => ({ PK: t(tenantId), SK: 'HOOKCURSOR' }),

  /** The audit trail of one record, newest first; GSI1 holds the whole tenant's log in time order. */
  audit: (
    tenantId: string,
    entityType: string,
    entityId: string,
    at: string,
    auditId: string,
  ): Key & Required<Pick<IndexKeys, 'GSI1PK' | 'GSI1SK'>> => ({
    PK: `${t(tenantId)}#AUDIT#${entityType}#${entityId}`,
    SK: `${at}#${auditId}`,
    GSI1PK: `${t(tenantId)}#AUDIT`,
    GSI1SK: `${at}#${auditId}`,
  }),
  entityAudit: (tenantId: string, entityType: string, entityId: string) => ({ PK: `${t(tenantId)}#AUDIT#${entityType}#${entityId}` }),
  tenantAudit: (tenantId: string) => ({ GSI1PK: `${t(tenantId)}#AUDIT` }),

  /**
   * A person's HR facts (issue #21) sit in their partition, so erasure finds them; GSI1 lists the
   * tenant's records for the nightly retention snapshot, spread over EMPLOYMENT_SHARDS partitions by
   * a hash of the person, so the snapshot reads them with that many queries at once (issue #21.5).
   */
  employment: (tenantId: string, personId: string): Key & Required<Pick<IndexKeys, 'GSI1PK' | 'GSI1SK'>> => ({
    PK: `${t(tenantId)}#P#${personId}`,
    SK: 'EMPLOYMENT',
    GSI1PK: `${t(tenantId)}#EMPLOYMENT#${employmentShard(personId)}`,
    GSI1SK: personId,
  }),
  /** Every GSI1 partition of the tenant's HR records: the shards, and the one partition written before sharding. */
  tenantEmployment: (tenantId: string): { GSI1PK: string }[] => [
    { GSI1PK: `${t(tenantId)}#EMPLOYMENT` },
    ...Array.from({ length: EMPLOYMENT_SHARDS }, (_, shard) => ({ GSI1PK: `${t(tenantId)}#EMPLOYMENT#${shard}` })),
  ],
  /**
   * The compact copy of a tenant's HR records the snapshot reads (ADR 0078): EMPLOYMENT_PACK_CHUNKS
   * gzipped chunks in one partition (a person's chunk is a hash of their id), and beside them the
   * pending notes every write of an HR record leaves in its own transaction until the copy has it.
   */
  employmentPack: (tenantId: string): { PK: string } => ({ PK: `${t(tenantId)}#HRPACK` }),
  employmentPackChunk: (tenantId: string, chunk: number): Key => ({
    PK: `${t(tenantId)}#HRPACK`,
    SK: `CHUNK#${String(chunk).padStart(3, '0')}`,
  }),
  employmentPackPending: (tenantId: string, id: string): Key => ({ PK: `${t(tenantId)}#HRPACK`, SK: `PENDING#${id}` }),
  employmentPackPrefixes: { chunk: 'CHUNK#', pending: 'PENDING#' },
  /** The tenant's exit-reason taxonomy (codes → focus areas, keyword rules), when edited. */
  exitReasonTaxonomy: (tenantId: string): Key => ({ PK: t(tenantId), SK: 'EXITREASONS' }),
  /** The nightly retention snapshot: the one small item the Retention page reads. */
  retentionSnapshot: (tenantId: string): Key => ({ PK: t(tenantId), SK: 'RETENTION' }),
} as const;

/** The leading-key prefix IAM pins a tenant's credentials to. */
export const tenantKeyPrefix = t;
