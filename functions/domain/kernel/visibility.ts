import { type Actor, type Role, requireRole, type Scope, tenantScope } from './actors.ts';
import type { AuditEntry, FieldChange } from './audit.ts';
import { forbidden } from './errors.ts';

/**
 * Who sees what, in one place (ADR 0030, docs/visibility.md). Every field of every GraphQL object
 * type has a class here; the GraphQL layer refuses to build a schema with a field missing, and
 * guards every field that is not PUBLIC by asking `mayRead` / `visibleValue`. The same classes
 * filter the personal-data export, the CSV exports, audit entries, e-mail and webhook payloads.
 *
 * - PUBLIC: whoever may reach the record (the record's own rules decide: a participant reaches
 *   their pairs, requests and proposals, managers their tenant's).
 * - CONTACT: e-mail addresses, employee id, reporting line, years of experience: the person and managers.
 * - PERSONAL: the person's own records (enrolments, pairs, requests, proposals): the person and managers.
 * - SENSITIVE_REASON: focus areas; the program's sensitive ones only for the person, the other side
 *   of their pair or request, and managers of a program that allows it (ADR 0028).
 * - PAIR_PRIVATE: the pair's members only, never managers or anyone acting for someone else.
 * - AGGREGATE: figures about groups, never fewer than the minimum group size: managers, operators
 *   and a partner analytics key acting for no one (role `analyst`, ADR 0068).
 * - MANAGER_ONLY: program managers (and operators).
 * - OPERATOR_ONLY: platform operators.
 */
export type Visibility =
  | 'PUBLIC'
  | 'CONTACT'
  | 'PERSONAL'
  | 'SENSITIVE_REASON'
  | 'PAIR_PRIVATE'
  | 'AGGREGATE'
  | 'MANAGER_ONLY'
  | 'OPERATOR_ONLY';

/**
 * Who sees a participant's sensitive focus areas (psycho-social support, by default): the person
 * and their pair always; the program's managers only when the program says so.
 */
export interface ProgramPrivacy {
  sensitiveFocusAreas: string[];
  managersSeeSensitiveReasons: boolean;
}

export const defaultPrivacy: ProgramPrivacy = { sensitiveFocusAreas: ['PSYCHOSOCIAL_SUPPORT'], managersSeeSensitiveReasons: false };

/** A program's privacy settings; programs stored before they existed get the defaults. */
export const privacyOf = (program: { privacy?: ProgramPrivacy | undefined }): ProgramPrivacy => ({ ...defaultPrivacy, ...program.privacy });

/** Whose record it is: the people it is about, and the program whose privacy settings apply. */
export interface Subject {
  parties: readonly string[];
  programId: string | null;
}

/** The viewer's side of a decision: a person's token and a partner key acting for them are alike. */
export type Viewer = Pick<Actor, 'role' | 'personId'>;

const isParty = (viewer: Viewer, subject: Subject | null): boolean =>
  typeof viewer.personId === 'string' && subject !== null && subject.parties.includes(viewer.personId);
const isManager = (viewer: Viewer): boolean => (viewer.role === 'manager' && !viewer.personId) || viewer.role === 'operator';

/**
 * Whether `viewer` may read a value of class `cls` about `subject`. A subject that is not known
 * (null) counts as nobody's: only what managers may see anyway passes.
 */
export function mayRead(viewer: Viewer, cls: Visibility, subject: Subject | null, privacy?: ProgramPrivacy | null): boolean {
  switch (cls) {
    case 'PUBLIC':
      return true;
    case 'CONTACT':
    case 'PERSONAL':
      return isManager(viewer) || isParty(viewer, subject);
    case 'SENSITIVE_REASON':
      return isParty(viewer, subject) || (isManager(viewer) && (privacy?.managersSeeSensitiveReasons ?? false));
    case 'PAIR_PRIVATE':
      return isParty(viewer, subject);
    case 'AGGREGATE':
      return isManager(viewer) || viewer.role === 'analyst';
    case 'MANAGER_ONLY':
      return isManager(viewer);
    case 'OPERATOR_ONLY':
      return viewer.role === 'operator';
    default: {
      const never: never = cls;
      throw new Error(`unknown visibility ${String(never)}`);
    }
  }
}

/**
 * The focus areas of `subjects` (the person, or both sides of a pair) that `viewer` may see: all for
 * the subjects themselves; without the program's sensitive ones for anyone else unless a manager
 * of a program that allows it.
 */
export function visibleReasons(
  program: { privacy?: ProgramPrivacy | undefined } | null,
  viewer: Viewer,
  parties: readonly string[],
  reasons: readonly string[],
): string[] {
  const privacy = program ? privacyOf(program) : null;
  if (mayRead(viewer, 'SENSITIVE_REASON', { parties, programId: null }, privacy)) return [...reasons];
  const hidden = privacy?.sensitiveFocusAreas ?? null;
  return hidden ? reasons.filter((r) => !hidden.includes(r)) : [];
}

/**
 * A field's value as `viewer` may see it: unchanged, filtered (sensitive reasons), null (someone
 * else's private field), or FORBIDDEN (a manager's or operator's field).
 */
export function visibleValue<T>(
  viewer: Viewer,
  cls: Visibility,
  subject: Subject | null,
  program: { privacy?: ProgramPrivacy | undefined } | null,
  value: T,
  action: string,
): T | string[] | null {
  if (cls === 'SENSITIVE_REASON') {
    if (Array.isArray(value)) return visibleReasons(program, viewer, subject?.parties ?? [], value as string[]);
    // One focus area (a group program's circle topic): shown or null by the same rule.
    return typeof value === 'string' ? ((visibleReasons(program, viewer, subject?.parties ?? [], [value])[0] ?? null) as T) : null;
  }
  if (mayRead(viewer, cls, subject, program ? privacyOf(program) : null)) return value;
  if (cls === 'AGGREGATE' || cls === 'MANAGER_ONLY' || cls === 'OPERATOR_ONLY') throw forbidden(action);
  return null;
}

// ——— The map: every field of every GraphQL object type ———

type Fields = Record<string, Visibility>;
const all = (cls: Visibility, ...fields: string[]): Fields => Object.fromEntries(fields.map((f) => [f, cls]));
const connection = (cls: Visibility = 'PUBLIC'): Fields => all(cls, 'edges', 'pageInfo', 'totalCount');
const edge = (cls: Visibility = 'PUBLIC'): Fields => all(cls, 'cursor', 'node');

/** How a type's subject is found on the object a resolver returns (the domain record), if it has one. */
export type SubjectRule = 'PERSON' | 'ENROLMENT' | 'PAIR' | 'CIRCLE' | 'ATTACHED';

export interface TypeVisibility {
  subject?: SubjectRule;
  fields: Fields;
}

const manager = (...fields: string[]): TypeVisibility => ({ fields: all('MANAGER_ONLY', ...fields) });
const aggregate = (...fields: string[]): TypeVisibility => ({ fields: all('AGGREGATE', ...fields) });

export const VISIBILITY: Record<string, TypeVisibility> = {
  Query: {
    fields: {
      ...all('PUBLIC', 'node', 'viewer', 'programs', 'program', 'person', 'mentorship', 'request', 'proposal', 'circle'),
      // Discovery: the domain admits mentees only and hands out public profiles (ADR 0057).
      mentorsForMe: 'PUBLIC',
      me: 'PERSONAL',
      personalData: 'PERSONAL',
      ...all(
        'MANAGER_ONLY',
        'people',
        'peopleCsv',
        'auditLog',
        'notifications',
        'webhookSubscriptions',
        'webhookSubscription',
        'apiKeys',
        'matchingRun',
        'importJob',
        'previewImport',
        'previewPairImport',
      ),
      ...all('AGGREGATE', 'retentionInsights', 'exitReasonTaxonomy'),
      tenants: 'OPERATOR_ONLY',
    },
  },
  Mutation: {
    fields: {
      ...all(
        'PUBLIC',
        'ping',
        'requestMentor',
        'answerRequest',
        'respondToProposal',
        'changeMentorship',
        'writeReflection',
        'logMeeting',
        // The circle's mentor or a manager: the domain decides (mentorships/circles.ts).
        'logGroupMeeting',
        'saveGoal',
        'submitSurvey',
        'updatePerson',
        'updateEnrolment',
        'withdraw',
      ),
      ...all(
        'MANAGER_ONLY',
        'updateTenant',
        'createPerson',
        'enrol',
        'createProgram',
        'updateProgram',
        'changeProgramStatus',
        'proposePair',
        'decideProposal',
        'startMentorship',
        'runMatching',
        'setPairRule',
        'startImport',
        'startPairImport',
        'erasePerson',
        'createApiKey',
        'revokeApiKey',
        'rotateApiKey',
        'createWebhookSubscription',
        'updateWebhookSubscription',
        'deleteWebhookSubscription',
        'pingWebhook',
        'redeliverWebhookDelivery',
        'rotateWebhookSecret',
        'recordEmployment',
        'updateExitReasonTaxonomy',
        'refreshRetentionInsights',
      ),
      createTenant: 'OPERATOR_ONLY',
      runJob: 'OPERATOR_ONLY',
    },
  },
  PageInfo: { fields: all('PUBLIC', 'hasNextPage', 'endCursor') },
  RoleNames: { fields: all('PUBLIC', 'mentor', 'mentee') },
  Viewer: { fields: all('PUBLIC', 'actor', 'tenant') },
  Actor: { fields: all('PUBLIC', 'id', 'role') },
  // Retention insights (issue #21, ADR 0049): aggregated figures for managers and analytics keys
  // (ADR 0068); participants never see them.
  Interval: aggregate('estimate', 'low', 'high'),
  RetentionPoint: aggregate('month', 'atRisk', 'survival', 'low', 'high'),
  RetentionGroup: aggregate(
    'group',
    'n',
    'suppressed',
    'exits',
    'personYears',
    'promotions',
    'promotionsPerPersonYear',
    'retention12',
    'curve',
  ),
  ComparisonMatching: aggregate('strata', 'matchedMentees', 'unmatchedMentees', 'pool'),
  ExitReasonCount: aggregate('code', 'label', 'count', 'share', 'focusAreas'),
  ExitReasonFigures: aggregate('leavers', 'suppressed', 'reasons', 'unmapped', 'windowStart', 'windowEnd'),
  FocusGap: aggregate('focusArea', 'leaverShare', 'menteeShare', 'inProgram'),
  RetentionSuggestion: aggregate('exitReason', 'label', 'leaverShare', 'focusAreas', 'menteeShare', 'offered'),
  RetentionInsights: aggregate(
    'computedAt',
    'asOf',
    'exits',
    'minimumGroupSize',
    'employees',
    'groups',
    'difference12',
    'hazardRatio',
    'matching',
    'exitReasons',
    'focus',
    'suggestion',
    'csv',
  ),
  ExitReasonDefinition: aggregate('code', 'labelEn', 'labelNl', 'focusAreas', 'keywords'),
  ExitKeywordRule: aggregate('keyword', 'code'),
  ExitReasonTaxonomy: aggregate('reasons', 'rules', 'version', 'updatedAt'),
  JobChange: manager('on', 'kind'),
  Employment: manager('hireDate', 'leaveDate', 'leaveType', 'level', 'jobChanges', 'exitReasonsRecorded', 'updatedAt'),
  Tenant: { fields: { ...all('PUBLIC', 'id', 'slug', 'name', 'settings', 'programs', 'createdAt', 'version'), analytics: 'MANAGER_ONLY' } },
  TenantSettings: { fields: all('PUBLIC', 'timeZone', 'locale', 'retentionMonths') },
  TenantList: { fields: all('OPERATOR_ONLY', 'items') },

  Person: {
    subject: 'PERSON',
    fields: {
      ...all(
        'PUBLIC',
        'id',
        'givenName',
        'familyName',
        'displayName',
        'jobTitle',
        'department',
        'location',
        'timeZone',
        'languages',
        'industry',
        'skillsOffered',
        'skillsSought',
        'bio',
        'links',
        'createdAt',
        'updatedAt',
        'version',
      ),
      ...all('CONTACT', 'externalId', 'email', 'managerEmail', 'yearsExperience'),
      ...all('PERSONAL', 'enrolments', 'mentorships', 'requests', 'proposals'),
      employment: 'MANAGER_ONLY',
    },
  },
  PersonConnection: { fields: connection('MANAGER_ONLY') },
  PersonEdge: { fields: edge('MANAGER_ONLY') },
  Enrolment: {
    subject: 'ENROLMENT',
    fields: {
      ...all(
        'PUBLIC',
        'person',
        'program',
        'role',
        'status',
        'capacity',
        'hoursPerMonth',
        'awayUntil',
        'acceptsRequests',
        'activeMentorships',
        'openToSponsoring',
        'shortlist',
        'withdrawnReason',
        'enrolledAt',
        'displayName',
        'department',
        'version',
      ),
      reasons: 'SENSITIVE_REASON',
      // The topic a mentee asks a circle for is a focus area: the same rule as their reasons.
      circleTopic: 'SENSITIVE_REASON',
    },
  },
  EnrolmentConnection: { fields: connection('MANAGER_ONLY') },
  EnrolmentEdge: { fields: edge('MANAGER_ONLY') },

  Program: {
    fields: {
      ...all(
        'PUBLIC',
        'id',
        'name',
        'description',
        'kind',
        'roleNames',
        'status',
        'nextStatuses',
        'enrolmentOpensOn',
        'enrolmentClosesOn',
        'focusAreas',
        'cadence',
        'durationMonths',
        'mentorCapacityDefault',
        'matching',
        'pairing',
        'privacy',
        'counts',
        'engagement',
        'circleSize',
        'createdAt',
        'updatedAt',
        'version',
      ),
      ...all(
        'MANAGER_ONLY',
        'circles',
        'participants',
        'participantsCsv',
        'mentorships',
        'requests',
        'proposals',
        'surveys',
        'analytics',
        'matchingRuns',
        'pairRules',
        'attention',
        'imports',
      ),
    },
  },
  ProgramConnection: { fields: connection() },
  ProgramEdge: { fields: edge() },
  Cadence: { fields: all('PUBLIC', 'expectedEveryDays', 'overdueAfterDays') },
  MatchingSettings: {
    fields: all(
      'PUBLIC',
      'weights',
      'requireSharedLanguage',
      'minimumScore',
      'departmentPolicy',
      'objective',
      'approvalMode',
      'scheduleEveryDays',
    ),
  },
  CriterionWeight: { fields: all('PUBLIC', 'criterion', 'weight') },
  PairingRules: {
    fields: all('PUBLIC', 'maxOpenRequests', 'unavailableMentors', 'requestExpiryDays', 'proposalExpiryDays', 'checkInEveryDays'),
  },
  ProgramPrivacy: { fields: all('PUBLIC', 'sensitiveFocusAreas', 'managersSeeSensitiveReasons') },
  ProgramCounts: { fields: all('PUBLIC', 'mentors', 'mentees', 'withdrawn', 'activeMentorships') },
  EngagementSettings: {
    fields: {
      ...all(
        'PUBLIC',
        'followUpDays',
        'nudgeLeadDays',
        'escalateAfterDays',
        'unresponsiveAfter',
        'quietHoursStart',
        'quietHoursEnd',
        'weeklyCap',
      ),
      managerEmail: 'MANAGER_ONLY',
    },
  },

  Mentorship: {
    subject: 'PAIR',
    fields: all(
      'PUBLIC',
      'id',
      'program',
      'mentor',
      'mentee',
      'mentorName',
      'menteeName',
      'status',
      'source',
      'startedAt',
      'plannedEndOn',
      'pausedAt',
      'endedAt',
      'endReason',
      'mentorReflection',
      'menteeReflection',
      'health',
      'meetingCount',
      'meetings',
      'goals',
      'surveys',
      'circle',
      'version',
    ),
  },
  MentorshipConnection: { fields: connection('MANAGER_ONLY') },
  MentorshipEdge: { fields: edge('MANAGER_ONLY') },
  PairHealth: { fields: all('PUBLIC', 'status', 'nextContactDue', 'lastContactAt') },
  PairSource: { fields: all('PUBLIC', 'kind', 'id') },
  Meeting: {
    subject: 'ATTACHED',
    fields: { ...all('PUBLIC', 'id', 'kind', 'heldAt', 'durationMinutes', 'mode', 'topics', 'loggedAt'), privateNotes: 'PAIR_PRIVATE' },
  },
  // Group mentoring (ADR 0075). The circle reaches its mentor, its members and managers (the
  // domain decides); members see each other's public profile and attendance through it, never each
  // other's enrolments or reasons (Person's own classes), nor each other's places (PAIR rules).
  Circle: {
    subject: 'CIRCLE',
    fields: all(
      'PUBLIC',
      'id',
      'program',
      'mentor',
      'mentorName',
      'topic',
      'status',
      'minimum',
      'maximum',
      'members',
      'health',
      'meetingCount',
      'meetings',
      'surveys',
      'createdAt',
      'version',
    ),
  },
  CircleMember: { fields: all('PUBLIC', 'person', 'displayName', 'joinedAt', 'attended', 'lastAttendedAt', 'health', 'place') },
  // A group meeting's notes are the circle's, as a pair's meeting notes are the pair's.
  GroupMeeting: {
    subject: 'ATTACHED',
    fields: {
      ...all('PUBLIC', 'id', 'heldAt', 'durationMinutes', 'mode', 'topics', 'attendees', 'loggedAt'),
      privateNotes: 'PAIR_PRIVATE',
    },
  },
  CircleConnection: { fields: connection('MANAGER_ONLY') },
  CircleEdge: { fields: edge('MANAGER_ONLY') },
  CircleSize: { fields: all('PUBLIC', 'minimum', 'maximum') },
  CircleCertification: manager('method', 'objective', 'bound', 'nodes', 'closed', 'unconstrained'),
  Goal: { fields: all('PUBLIC', 'id', 'title', 'why', 'targetDate', 'status', 'progress', 'notes', 'updatedAt', 'version') },
  GoalNote: { fields: all('PUBLIC', 'at', 'by', 'text') },
  Survey: { fields: all('PUBLIC', 'id', 'kind', 'side', 'rating', 'comment', 'outcomes', 'submittedAt', 'mentorship') },
  SurveyConnection: { fields: connection('MANAGER_ONLY') },
  SurveyEdge: { fields: edge('MANAGER_ONLY') },

  MentorshipRequest: {
    subject: 'PAIR',
    fields: all(
      'PUBLIC',
      'id',
      'program',
      'mentee',
      'mentor',
      'menteeName',
      'mentorName',
      'status',
      'introduction',
      'createdAt',
      'expiresAt',
      'answeredAt',
      'reason',
      'mentorship',
      'followUps',
      'version',
      // The domain answers null to anyone but the declined mentee.
      'nextSuggestions',
    ),
  },
  Introduction: {
    subject: 'ATTACHED',
    fields: {
      ...all('PUBLIC', 'whyThisMentor', 'timeAsked', 'hoursPerMonth', 'hopedOutcome', 'message'),
      focusAreas: 'SENSITIVE_REASON',
    },
  },
  /**
   * A mentor as discovery shows them to a mentee: the profile goes through Person's classes (no
   * e-mail), `focusAreas` leave out the program's sensitive ones in the domain, and the
   * explanation's facts carry the mentor as their subject, so the guard does the same there.
   */
  MentorSuggestion: {
    fields: all(
      'PUBLIC',
      'mentor',
      'score',
      'explanation',
      'availability',
      'placesLeft',
      'awayUntil',
      'hoursPerMonth',
      'focusAreas',
      'openRequest',
    ),
  },
  MentorSuggestionConnection: { fields: { ...connection(), totalCount: 'PUBLIC' } },
  MentorSuggestionEdge: { fields: edge() },
  MentorshipRequestConnection: { fields: connection('MANAGER_ONLY') },
  MentorshipRequestEdge: { fields: edge('MANAGER_ONLY') },
  RequestAnswerResult: { fields: all('PUBLIC', 'request', 'mentorship') },
  MatchProposal: {
    subject: 'PAIR',
    fields: all(
      'PUBLIC',
      'id',
      'program',
      'mentee',
      'mentor',
      'menteeName',
      'mentorName',
      'status',
      'origin',
      'score',
      'explanation',
      'mentorAcceptedAt',
      'menteeAcceptedAt',
      'reason',
      'createdAt',
      'approvedAt',
      'expiresAt',
      'mentorship',
      'version',
    ),
  },
  Contribution: { fields: all('PUBLIC', 'criterion', 'weight', 'score', 'contribution', 'facts', 'ways') },
  ContributionWay: { fields: all('PUBLIC', 'seeker', 'score', 'facts') },
  ContributionFacts: {
    subject: 'ATTACHED',
    fields: { ...all('PUBLIC', 'shared', 'sought', 'matched', 'hoursApart', 'mentee', 'mentor'), sharedFocusAreas: 'SENSITIVE_REASON' },
  },
  MatchProposalConnection: { fields: connection('MANAGER_ONLY') },
  MatchProposalEdge: { fields: edge('MANAGER_ONLY') },
  ProposalResponseResult: { fields: all('PUBLIC', 'proposal', 'mentorship') },

  ProgramAnalytics: manager(
    'mentors',
    'mentees',
    'withdrawn',
    'matchRate',
    'medianDaysToMatch',
    'activeMentorships',
    'paused',
    'completed',
    'endedEarly',
    'activeByHealth',
    'meetings',
    'meetingsPerPairPerMonth',
    'averageCheckInRating',
    'averageClosingRating',
    'requests',
    'outcomes',
  ),
  HealthCount: manager('health', 'count'),
  OutcomeCount: manager('outcome', 'count'),
  RequestFigures: manager('sent', 'accepted', 'declined', 'expired', 'open'),

  MatchingRun: manager(
    'id',
    'program',
    'dryRun',
    'trigger',
    'requestedBy',
    'startedAt',
    'finishedAt',
    'settings',
    'objective',
    'counts',
    'timings',
    'fairness',
    'diff',
    'certification',
    'proposals',
    'unmatched',
  ),
  RotatedWebhookSecret: manager('subscription', 'secret'),
  ScheduledJobRun: { fields: all('OPERATOR_ONLY', 'job', 'tenant', 'status', 'requestedAt', 'summary') },
  RunCertification: manager('certified', 'eligiblePairs', 'keptPairs', 'addedPairs', 'rounds', 'circles'),
  MatchingRunConnection: manager('edges', 'pageInfo', 'totalCount'),
  MatchingRunEdge: manager('cursor', 'node'),
  UnmatchedMentee: manager('mentee', 'reason', 'detail', 'fix', 'bestScore'),
  GroupFairness: manager('group', 'mentees', 'matched', 'matchRate', 'averageScore'),
  Fairness: manager('byDepartment', 'byLocation'),
  RunCounts: manager('mentees', 'mentors', 'places', 'edges', 'proposed', 'pinned', 'unmatched'),
  RunTimings: manager('readMs', 'scoreMs', 'solveMs', 'writeMs'),
  RunDiff: manager('kept', 'added', 'dropped', 'previousRun'),
  PairRule: manager('mentee', 'mentor', 'kind', 'setAt'),

  AuditEntry: manager('id', 'at', 'actor', 'action', 'entityType', 'entityId', 'changes'),
  AuditEntryConnection: manager('edges', 'pageInfo', 'totalCount'),
  AuditEntryEdge: manager('cursor', 'node'),
  /** The values went through `auditView` (readAuditLog) before they reach here. */
  FieldChange: manager('field', 'before', 'after'),
  ErasureReceipt: manager('personId', 'pseudonym', 'erasedAt', 'enrolments', 'mentorships', 'meetings', 'auditEntries'),

  ColumnAssignment: manager('field', 'column', 'header'),
  ImportProblem: manager('kind', 'line', 'externalId', 'email', 'name', 'reasons', 'codes'),
  PairImportPreviewRow: manager('line', 'mentor', 'mentee', 'startedOn', 'plannedEndOn', 'goals', 'meetings', 'lastMeetingOn'),
  PairImportPreview: manager('delimiter', 'headers', 'columns', 'total', 'accepted', 'alreadyImported', 'rejected', 'sample'),
  ImportPreviewRow: manager('line', 'name', 'email', 'roles', 'reasons'),
  ImportPreview: manager('delimiter', 'headers', 'mapping', 'total', 'accepted', 'rejected', 'warnings', 'sample', 'actions', 'changes'),
  ImportActionCounts: manager('create', 'update', 'unchanged', 'identityChanges'),
  ImportRowPlan: manager(
    'line',
    'action',
    'name',
    'email',
    'currentName',
    'currentEmail',
    'currentExternalId',
    'identityChange',
    'emptyCells',
    'changes',
  ),
  ImportFieldChange: manager('field', 'from', 'to'),
  ImportJob: manager(
    'id',
    'kind',
    'program',
    'fileName',
    'status',
    'total',
    'accepted',
    'rejected',
    'warnings',
    'processed',
    'created',
    'updated',
    'unchanged',
    'failed',
    'progress',
    'problems',
    'error',
    'createdAt',
    'startedAt',
    'finishedAt',
  ),
  ImportJobConnection: manager('edges', 'pageInfo', 'totalCount'),
  ImportJobEdge: manager('cursor', 'node'),

  Attention: manager('kind', 'subjectId', 'subjectName', 'suggestion', 'signals', 'since'),
  Notification: manager(
    'id',
    'template',
    'program',
    'recipientName',
    'recipientEmail',
    'recipientKind',
    'locale',
    'subject',
    'text',
    'status',
    'attempts',
    'notBefore',
    'deferredReason',
    'channel',
    'sentAt',
    'lastError',
    'createdAt',
  ),
  NotificationConnection: manager('edges', 'pageInfo', 'totalCount'),
  NotificationEdge: manager('cursor', 'node'),
  WebhookDeliveryOutcome: manager('at', 'event', 'status', 'httpStatus', 'error'),
  WebhookDelivery: manager(
    'id',
    'eventId',
    'event',
    'status',
    'attempts',
    'nextAttemptAt',
    'lastAttemptAt',
    'lastHttpStatus',
    'lastError',
    'createdAt',
  ),
  WebhookDeliveryConnection: manager('edges', 'pageInfo', 'totalCount'),
  WebhookDeliveryEdge: manager('cursor', 'node'),
  WebhookSubscription: manager(
    'id',
    'url',
    'events',
    'description',
    'active',
    'lastDelivery',
    'deliveries',
    'previousSecretExpiresAt',
    'createdAt',
    'updatedAt',
    'version',
  ),
  WebhookSubscriptionConnection: manager('edges', 'pageInfo', 'totalCount'),
  WebhookSubscriptionEdge: manager('cursor', 'node'),
  CreatedWebhookSubscription: manager('subscription', 'secret'),

  RateLimit: manager('perMinute', 'burst'),
  ApiKey: manager(
    'id',
    'name',
    'hint',
    'scopes',
    'program',
    'rateLimit',
    'status',
    'createdAt',
    'lastUsedAt',
    'expiresAt',
    'revokedAt',
    'replacedBy',
    'version',
  ),
  ApiKeyList: manager('items'),
  IssuedApiKey: manager('key', 'secret'),
};

/** A field's class; undefined for a field the map does not know (the schema check refuses those). */
export const classOf = (type: string, field: string): Visibility | undefined => VISIBILITY[type]?.fields[field];

/** Classes a value may be hidden from someone by: they must be nullable in the schema. */
export const NULLED: ReadonlySet<Visibility> = new Set(['CONTACT', 'PERSONAL', 'PAIR_PRIVATE']);

/**
 * Problems with the map against the schema's object types and fields: a missing type or field, a
 * class the map names for a field the schema no longer has, a nulled class on a non-null field.
 */
export function checkMap(schemaFields: Record<string, Record<string, { nullable: boolean }>>): string[] {
  const problems: string[] = [];
  for (const [type, fields] of Object.entries(schemaFields)) {
    const mapped = VISIBILITY[type];
    if (!mapped) {
      problems.push(`${type}: no visibility for this type`);
      continue;
    }
    for (const [field, { nullable }] of Object.entries(fields)) {
      const cls = mapped.fields[field];
      if (!cls) problems.push(`${type}.${field}: no visibility class`);
      else if (NULLED.has(cls) && !nullable && type !== 'Query' && type !== 'Mutation') {
        problems.push(`${type}.${field}: ${cls} must be nullable (it is null for those who may not see it)`);
      }
    }
    for (const field of Object.keys(mapped.fields)) if (!(field in fields)) problems.push(`${type}.${field}: not in the schema`);
  }
  for (const type of Object.keys(VISIBILITY)) if (!(type in schemaFields)) problems.push(`${type}: not in the schema`);
  return problems;
}

/** The subject of a domain record by its type's rule; for ATTACHED, what the parent attached (or null: nobody's). */
export function subjectOf(rule: SubjectRule, record: Record<string, unknown>): Subject | null {
  const programId = typeof record.programId === 'string' ? record.programId : null;
  switch (rule) {
    case 'PERSON':
      return typeof record.id === 'string' ? { parties: [record.id], programId: null } : null;
    case 'ENROLMENT':
      return typeof record.personId === 'string' ? { parties: [record.personId], programId } : null;
    case 'PAIR':
      return typeof record.mentorId === 'string' && typeof record.menteeId === 'string'
        ? { parties: [record.mentorId, record.menteeId], programId }
        : null;
    case 'CIRCLE':
      return typeof record.mentorId === 'string' && Array.isArray(record.members)
        ? { parties: [record.mentorId, ...record.members.map((m: { personId: string }) => m.personId)], programId }
        : null;
    case 'ATTACHED':
      return (record[SUBJECT] as Subject | undefined) ?? null;
    default: {
      const never: never = rule;
      throw new Error(`unknown subject rule ${String(never)}`);
    }
  }
}

/** Where a parent hands its subject to a nested value (a meeting of a pair, a request's introduction). */
export const SUBJECT = '__subject';
export const withSubject = <T extends object>(value: T, subject: Subject): T => ({ ...value, [SUBJECT]: subject });
export const pairSubject = (pair: { mentorId: string; menteeId: string; programId: string }): Subject => ({
  parties: [pair.mentorId, pair.menteeId],
  programId: pair.programId,
});

// ——— Stored records outside GraphQL: audit entries, the personal-data export ———

/**
 * Attributes of stored records, as audit entries name them (the before and after of a change),
 * that are not PUBLIC to whoever may read the entry; anything else in an entry is as visible as the
 * log itself. `privateNotes` is PAIR_PRIVATE wherever it appears.
 */
export const RECORD_ATTRIBUTES: Record<string, Record<string, Visibility>> = {
  Person: {
    email: 'CONTACT',
    externalId: 'CONTACT',
    managerEmail: 'CONTACT',
    yearsExperience: 'CONTACT',
    reasons: 'SENSITIVE_REASON',
    privateNotes: 'PAIR_PRIVATE',
  },
  Request: { introduction: 'SENSITIVE_REASON', privateNotes: 'PAIR_PRIVATE' },
  Proposal: { privateNotes: 'PAIR_PRIVATE', explanation: 'SENSITIVE_REASON' },
  Mentorship: { privateNotes: 'PAIR_PRIVATE', meeting: 'PUBLIC' },
  // A group meeting's audit entry names who attended, never its notes (mentorships/circles.ts).
  Circle: { privateNotes: 'PAIR_PRIVATE', meeting: 'PUBLIC' },
};

export const WITHHELD = '[withheld]';

/** What a viewer may see of a value of class `cls` in a stored record: the same rules as the fields. */
function viewOf(viewer: Viewer, cls: Visibility, subject: Subject | null, privacies: PrivacyLookup, value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (cls === 'SENSITIVE_REASON') {
    const reasons = (list: unknown) =>
      Array.isArray(list) ? visibleFocusAreas(viewer, subject, privacies, list as string[]) : list === undefined ? undefined : WITHHELD;
    // A proposal's explanation: the focus areas named in its facts.
    if (Array.isArray(value) && value.some((part) => typeof part === 'object' && part !== null)) {
      return value.map((part) =>
        typeof part === 'object' &&
        part !== null &&
        'facts' in part &&
        part.facts &&
        typeof part.facts === 'object' &&
        'focusAreas' in part.facts
          ? { ...part, facts: { ...part.facts, focusAreas: reasons((part.facts as { focusAreas: unknown }).focusAreas) } }
          : part,
      );
    }
    if (Array.isArray(value)) return reasons(value);
    if (typeof value === 'object' && 'focusAreas' in value) {
      return { ...(value as object), focusAreas: reasons((value as { focusAreas: unknown }).focusAreas) };
    }
    return value;
  }
  return mayRead(viewer, cls, subject) ? value : WITHHELD;
}

/** The program's privacy by id, or (unknown program) the strictest of the tenant's programs. */
export type PrivacyLookup = (programId: string | null) => ProgramPrivacy[];

/** Privacy lookups over a tenant's programs. */
export function privacyLookup(programs: readonly { id: string; privacy?: ProgramPrivacy | undefined }[]): PrivacyLookup {
  const byId = new Map(programs.map((p) => [p.id, privacyOf(p)]));
  return (programId) => {
    const one = programId ? byId.get(programId) : undefined;
    return one ? [one] : [...byId.values()];
  };
}

function visibleFocusAreas(viewer: Viewer, subject: Subject | null, privacies: PrivacyLookup, reasons: readonly string[]): string[] {
  const all = privacies(subject?.programId ?? null);
  if (isParty(viewer, subject)) return [...reasons];
  // Hidden when any program it may belong to hides it from this viewer.
  const hidden = new Set(all.filter((p) => !mayRead(viewer, 'SENSITIVE_REASON', subject, p)).flatMap((p) => p.sensitiveFocusAreas));
  if (all.length === 0) return [];
  return reasons.filter((r) => !hidden.has(r));
}

/** Drops PAIR_PRIVATE keys at any depth of a stored value the viewer is not a party to. */
function scrubPrivate(value: unknown, keep: boolean): unknown {
  if (keep || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubPrivate(v, keep));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      k === 'privateNotes' && v !== null ? WITHHELD : scrubPrivate(v, keep),
    ]),
  );
}

/** The subject of an audit entry: a person's trail is theirs; other entries name their parties only in values. */
const auditSubject = (entry: AuditEntry): Subject => {
  const programId = entry.changes.find((c) => c.field === 'programId');
  const program = typeof programId?.after === 'string' ? programId.after : typeof programId?.before === 'string' ? programId.before : null;
  return { parties: entry.entityType === 'Person' ? [entry.entityId] : [], programId: program };
};

/** An audit entry as `viewer` may see it: each changed value through the same classes as the record's fields. */
export function auditView(entry: AuditEntry, viewer: Viewer, privacies: PrivacyLookup): AuditEntry {
  const subject = auditSubject(entry);
  const attributes = RECORD_ATTRIBUTES[entry.entityType] ?? {};
  const party = isParty(viewer, subject);
  const view = (field: string, value: unknown) =>
    scrubPrivate(viewOf(viewer, attributes[field] ?? 'PUBLIC', subject, privacies, value), party);
  const changes: FieldChange[] = entry.changes.map((c) => ({
    field: c.field,
    before: view(c.field, c.before),
    after: view(c.field, c.after),
  }));
  return { ...entry, changes };
}

/** What a personal-data export left out for this viewer, so the reader knows where to look. */
export interface Withheld {
  what: string;
  class: Visibility;
  count: number;
  note: string;
}

interface ExportRecord {
  person: object | null;
  enrolments: { programId: string; personId: string; reasons: string[] }[];
  mentorships: { id: string; mentorId: string; menteeId: string; programId: string }[];
  meetings: { mentorshipId: string; privateNotes: string | null }[];
  audit: AuditEntry[];
}

/**
 * The personal-data export as `viewer` may see it. The person gets everything; a manager gets what
 * a manager may see of it, with a list of what was withheld (pair-private notes, hidden sensitive
 * reasons): those reach the person through their own export (ADR 0030).
 */
export function personalExportView<T extends ExportRecord>(
  record: T,
  personId: string,
  viewer: Viewer,
  privacies: PrivacyLookup,
): T & { withheld: Withheld[] } {
  const withheld: Withheld[] = [];
  const note = 'Only the person can export this: they sign in (or their partner app acts for them) and run personalData themselves.';
  let hiddenReasons = 0;
  const enrolments = record.enrolments.map((e) => {
    const reasons = visibleFocusAreas(viewer, { parties: [personId], programId: e.programId }, privacies, e.reasons);
    hiddenReasons += e.reasons.length - reasons.length;
    return { ...e, reasons };
  });
  if (hiddenReasons > 0) withheld.push({ what: 'enrolments.reasons', class: 'SENSITIVE_REASON', count: hiddenReasons, note });
  const pairs = new Map(record.mentorships.map((m) => [m.id, m]));
  let hiddenNotes = 0;
  const meetings = record.meetings.map((m) => {
    const pair = pairs.get(m.mentorshipId);
    if (m.privateNotes === null || (pair && mayRead(viewer, 'PAIR_PRIVATE', pairSubject(pair)))) return m;
    hiddenNotes++;
    return { ...m, privateNotes: null };
  });
  if (hiddenNotes > 0) withheld.push({ what: 'meetings.privateNotes', class: 'PAIR_PRIVATE', count: hiddenNotes, note });
  const audit = record.audit.map((a) => auditView(a, viewer, privacies));
  const auditWithheld = JSON.stringify(audit).split(WITHHELD).length - 1;
  const auditFiltered = JSON.stringify(audit) !== JSON.stringify(record.audit);
  if (auditFiltered) {
    withheld.push({ what: 'audit.changes', class: 'SENSITIVE_REASON', count: Math.max(auditWithheld, 1), note });
  }
  return { ...record, enrolments, meetings, audit, withheld };
}

// ——— Messages that leave Kindling: e-mail and webhooks ———

/**
 * What e-mail templates may carry (domain/engagement/templates.ts): names, the program, dates and counts.
 * Anything else handed to a template is dropped before rendering, so a planner that one day adds
 * a reason or a note to a message's data cannot mail it.
 */
export const MAIL_DATA: Record<string, Visibility> = {
  menteeName: 'PUBLIC',
  mentorName: 'PUBLIC',
  otherName: 'PUBLIC',
  programName: 'PUBLIC',
  daysWaiting: 'PUBLIC',
  expiresOn: 'PUBLIC',
  count: 'PUBLIC',
  dueOn: 'PUBLIC',
  daysSinceContact: 'PUBLIC',
  suggestion: 'PUBLIC',
  signals: 'PUBLIC',
  // A peer pair's messages say "peer" (ADR 77); a program's own names for its roles.
  pairKind: 'PUBLIC',
  mentorRole: 'PUBLIC',
  menteeRole: 'PUBLIC',
  // A circle's nudges and escalation (pairKind CIRCLE): how many members still take part.
  memberCount: 'PUBLIC',
};

/**
 * What the public page of an e-mail action link may show (domain/engagement/actionLinks.ts, ADR 0059).
 * Its reader is whoever holds the link, unauthenticated: the one action's context, by name and date
 * only — never an e-mail address, a request's introduction (SENSITIVE_REASON) or a pair's notes.
 * Unknown keys are dropped.
 */
export const ACTION_LINK_VIEW: Record<string, Visibility> = {
  programName: 'PUBLIC',
  otherName: 'PUBLIC',
  requestedOn: 'PUBLIC',
  expiresOn: 'PUBLIC',
  startedOn: 'PUBLIC',
  lastContactOn: 'PUBLIC',
};

/**
 * What a webhook's `data` may carry. A subscription belongs to the organisation, not to a pair, so
 * its audience is a manager's app: ids, states and dates, never contact details, reasons or notes.
 * Unknown keys are dropped.
 */
export const WEBHOOK_DATA: Record<string, Visibility> = {
  request: 'PUBLIC',
  proposal: 'PUBLIC',
  mentorship: 'PUBLIC',
  answer: 'PUBLIC',
  status: 'PUBLIC',
  source: 'PUBLIC',
  lastContactAt: 'PUBLIC',
  nextContactDue: 'PUBLIC',
  survey: 'PUBLIC',
  period: 'PUBLIC',
  // Circle events (ids and dates only, never names or notes).
  circle: 'PUBLIC',
  meeting: 'PUBLIC',
  attendees: 'PUBLIC',
  heldAt: 'PUBLIC',
  lastMeetingAt: 'PUBLIC',
  nextMeetingDue: 'PUBLIC',
};

/** The keys of `data` that `allowed` lets through to an audience that is not a party (pure; order kept). */
export function payloadView<T>(data: Record<string, T>, allowed: Record<string, Visibility>): Record<string, T> {
  return Object.fromEntries(Object.entries(data).filter(([k]) => allowed[k] === 'PUBLIC'));
}

/**
 * Who may take an action, for the actions the API checks before it reads a single argument: the
 * GraphQL context's `scope(action)` asks here first, so a caller without the role hears FORBIDDEN
 * whatever id they send, and the domain functions behind those actions ask again (`authorize`).
 * Resolvers name the action only; which roles may take it is decided here (ADR 0050).
 */
export const ACCESS: Readonly<Record<string, readonly Role[]>> = {
  'list tenants': ['operator'],
  'manage API keys': ['manager'],
  'read webhooks': ['manager'],
  'manage webhooks': ['manager'],
  'read notifications': ['manager'],
  'import pairs': ['manager'],
  'read imports': ['manager'],
  'read matching runs': ['manager'],
  'read pins and blocks': ['manager'],
  'read the pairs, requests and figures of a program': ['manager'],
  'read retention insights': ['manager', 'operator', 'analyst'],
  'refresh retention insights': ['manager'],
  'read the exit-reason taxonomy': ['manager', 'operator', 'analyst'],
  'edit the exit-reason taxonomy': ['manager'],
  'record HR facts': ['manager'],
  'read HR facts': ['manager', 'operator'],
};

/** FORBIDDEN unless the actor's role may take `action` (actions ACCESS does not list are checked by their domain function alone). */
export function authorize(actor: Actor, action: string): void {
  const roles = ACCESS[action];
  if (roles) requireRole(actor, action, ...roles);
}

/** The scope of a domain call for `action`: the role ACCESS names checked first, then the tenant (operators have none). */
export function actionScope(actor: Actor, now: Date, action: string): Scope {
  authorize(actor, action);
  return tenantScope(actor, now, action);
}
