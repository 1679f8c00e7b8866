/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query StartMyTenant {\n    viewer { tenant { name programs { edges { node { id name status kind counts { mentors mentees activeMentorships } } } } } }\n  }\n": typeof types.StartMyTenantDocument,
    "\n  query StartPairs($id: ID!) {\n    program(id: $id) { mentorships(first: 100) { edges { node { meetingCount health { status } } } } }\n  }\n": typeof types.StartPairsDocument,
    "\n  query StartFigures($id: ID!) {\n    program(id: $id) {\n      analytics { matchRate medianDaysToMatch completed averageClosingRating activeByHealth { health count } requests { sent } outcomes { outcome count } }\n      proposals(status: APPROVED) { edges { node { mentorAcceptedAt menteeAcceptedAt } } }\n    }\n  }\n": typeof types.StartFiguresDocument,
    "\n  query StartWho { viewer { actor { role } tenant { slug } } }\n": typeof types.StartWhoDocument,
    "\n  mutation StartCreate($name: String!) { createProgram(input: { name: $name }) { id } }\n": typeof types.StartCreateDocument,
    "\n  query StartName($id: ID!) { program(id: $id) { name } }\n": typeof types.StartNameDocument,
    "\n  query LinkRequests($id: ID!) { program(id: $id) { requests(first: 10) { edges { node { id status reason } } } } }\n": typeof types.LinkRequestsDocument,
    "\n  query LinkPair($id: ID!) { mentorship(id: $id) { status meetingCount meetings { heldAt topics mode } } }\n": typeof types.LinkPairDocument,
    "\n  mutation AlProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n": typeof types.AlProgramDocument,
    "\n  mutation AlOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n": typeof types.AlOpenDocument,
    "\n  query AlAudit($actorId: String, $action: String, $entityType: String, $from: DateTime, $to: DateTime, $first: Int) {\n    auditLog(actorId: $actorId, action: $action, entityType: $entityType, from: $from, to: $to, first: $first) {\n      edges { node { at action entityType actor { id } } }\n      pageInfo { hasNextPage }\n    }\n  }\n": typeof types.AlAuditDocument,
    "\n  query Viewer { viewer { actor { id role } tenant { slug } } }\n": typeof types.ViewerDocument,
    "query MaskedPrograms { programs { edges { node { id } } } }": typeof types.MaskedProgramsDocument,
    "\n  query CircleEngCircles($id: ID!) {\n    program(id: $id) {\n      circles(first: 10) { edges { node { id status mentor { displayName } members { person { id } place { id version } } } } }\n      attention { kind subjectId subjectName suggestion signals }\n    }\n  }\n": typeof types.CircleEngCirclesDocument,
    "\n  mutation CircleEngLog($input: GroupMeetingInput!, $key: String) { logGroupMeeting(input: $input, idempotencyKey: $key) { id } }\n": typeof types.CircleEngLogDocument,
    "\n  mutation CircleEngEnd($id: ID!, $version: Int!) { changeMentorship(id: $id, version: $version, action: COMPLETE) { status } }\n": typeof types.CircleEngEndDocument,
    "\n  mutation CimProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n": typeof types.CimProgramDocument,
    "\n  mutation CimOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n": typeof types.CimOpenDocument,
    "\n  query CimPreview($programId: ID!, $csv: String!) {\n    previewImport(programId: $programId, csv: $csv) { accepted rejected { line codes reasons } }\n  }\n": typeof types.CimPreviewDocument,
    "\n  mutation CimStart($programId: ID!, $csv: String!) { startImport(programId: $programId, csv: $csv) { id accepted } }\n": typeof types.CimStartDocument,
    "\n  query CimJob($id: ID!) { importJob(id: $id) { status created failed } }\n": typeof types.CimJobDocument,
    "\n  query CimParticipants($id: ID!) {\n    program(id: $id) { participants(first: 20) { edges { node { role circleTopic person { email } } } } }\n  }\n": typeof types.CimParticipantsDocument,
    "\n  mutation CirclePartnerKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }\n": typeof types.CirclePartnerKeyDocument,
    "\n  mutation CirclePartnerHook($input: WebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret } }\n": typeof types.CirclePartnerHookDocument,
    "\n  mutation DxProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n": typeof types.DxProgramDocument,
    "\n  mutation DxOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n": typeof types.DxOpenDocument,
    "\n  mutation DxPerson($input: PersonInput!) { createPerson(input: $input) { id version } }\n": typeof types.DxPersonDocument,
    "\n  mutation DxUpdatePerson($id: ID!, $version: Int!, $input: PersonPatch!) { updatePerson(id: $id, version: $version, input: $input) { version } }\n": typeof types.DxUpdatePersonDocument,
    "\n  mutation DxEnrol($input: EnrolInput!) { enrol(input: $input) { version } }\n": typeof types.DxEnrolDocument,
    "\n  mutation DxLoad($key: EnrolmentKey!, $version: Int!, $input: EnrolmentPatch!) {\n    updateEnrolment(key: $key, version: $version, input: $input) { version }\n  }\n": typeof types.DxLoadDocument,
    "\n  mutation DxStart($input: PairInput!) { startMentorship(input: $input) { id version } }\n": typeof types.DxStartDocument,
    "\n  mutation DxEnd($id: ID!, $version: Int!) { changeMentorship(id: $id, version: $version, action: END_EARLY, reason: \"Moved abroad\") { status } }\n": typeof types.DxEndDocument,
    "\n  mutation DxErase($id: ID!) { erasePerson(id: $id, reason: \"Erasure request\") { pseudonym } }\n": typeof types.DxEraseDocument,
    "\n  mutation DxKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }\n": typeof types.DxKeyDocument,
    "\n  query DxDiscover($programId: ID!, $filter: MentorFilter, $first: Int) {\n    mentorsForMe(programId: $programId, filter: $filter, first: $first) {\n      totalCount\n      edges { node { score availability placesLeft mentor { id } } }\n    }\n  }\n": typeof types.DxDiscoverDocument,
    "\n  mutation HookCreate($input: WebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) { secret subscription { id url events active version } }\n  }\n": typeof types.HookCreateDocument,
    "\n  mutation HookUpdate($id: ID!, $version: Int!, $input: WebhookSubscriptionInput!) {\n    updateWebhookSubscription(id: $id, version: $version, input: $input) { active version }\n  }\n": typeof types.HookUpdateDocument,
    "\n  query HookList {\n    webhookSubscriptions(first: 3) {\n      edges {\n        node {\n          id url events\n          lastDelivery { event status httpStatus error }\n          deliveries(first: 10) { edges { node { event status attempts lastHttpStatus lastError nextAttemptAt } } }\n        }\n      }\n    }\n  }\n": typeof types.HookListDocument,
    "\n  query EngNotifications($filter: NotificationFilter, $first: Int) {\n    notifications(filter: $filter, first: $first) {\n      edges { node { id template status recipientEmail locale subject text attempts channel deferredReason program { name } } }\n      pageInfo { hasNextPage }\n    }\n  }\n": typeof types.EngNotificationsDocument,
    "\n  query EngAttention($id: ID!) {\n    program(id: $id) { engagement { followUpDays quietHoursStart quietHoursEnd weeklyCap managerEmail } attention { kind subjectName suggestion signals } }\n  }\n": typeof types.EngAttentionDocument,
    "\n  mutation EngUpdate($id: ID!, $version: Int!, $input: ProgramInput!) { updateProgram(id: $id, version: $version, input: $input) { version engagement { weeklyCap } } }\n": typeof types.EngUpdateDocument,
    "\n  query EngVersion($id: ID!) { program(id: $id) { version } }\n": typeof types.EngVersionDocument,
    "\n  mutation ExProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n": typeof types.ExProgramDocument,
    "\n  mutation ExOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n": typeof types.ExOpenDocument,
    "\n  mutation ExPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": typeof types.ExPersonDocument,
    "\n  mutation ExEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n": typeof types.ExEnrolDocument,
    "\n  mutation ExRun($programId: ID!, $dryRun: Boolean) {\n    runMatching(programId: $programId, dryRun: $dryRun) {\n      proposals {\n        menteeName\n        explanation { criterion score facts { shared sharedFocusAreas sought matched hoursApart mentee mentor } }\n      }\n    }\n  }\n": typeof types.ExRunDocument,
    "\n  query ExAudit($action: String) { auditLog(action: $action, first: 50) { edges { node { action changes { field after } } } } }\n": typeof types.ExAuditDocument,
    "\n  mutation PreviewProgram($name: String!) { createProgram(input: { name: $name }) { id } }\n": typeof types.PreviewProgramDocument,
    "\n  query PreviewActions($programId: ID!, $csv: String!) {\n    previewImport(programId: $programId, csv: $csv) {\n      accepted\n      actions { create update unchanged identityChanges }\n      changes { line action name currentName identityChange emptyCells changes { field from to } }\n      warnings { line reasons }\n    }\n  }\n": typeof types.PreviewActionsDocument,
    "\n  mutation PreviewStart($programId: ID!, $csv: String!, $identityChanges: [IdentityChoiceInput!]) {\n    startImport(programId: $programId, csv: $csv, identityChanges: $identityChanges) { id accepted }\n  }\n": typeof types.PreviewStartDocument,
    "\n  query PreviewJob($id: ID!) {\n    importJob(id: $id) { status created updated unchanged failed problems { kind line reasons codes } }\n  }\n": typeof types.PreviewJobDocument,
    "\n  query PreviewPeople($search: String) {\n    people(first: 20, filter: { search: $search }) { edges { node { externalId email givenName familyName jobTitle department managerEmail } } }\n  }\n": typeof types.PreviewPeopleDocument,
    "\n  mutation ImportProgram($name: String!) { createProgram(input: { name: $name }) { id } }\n": typeof types.ImportProgramDocument,
    "\n  query ImportPreview($programId: ID!, $csv: String!) {\n    previewImport(programId: $programId, csv: $csv) {\n      delimiter total accepted\n      mapping { field column header }\n      rejected { line externalId reasons }\n      sample { name email roles reasons }\n    }\n  }\n": typeof types.ImportPreviewDocument,
    "\n  query ImPeopleTotal { people(first: 1) { totalCount } }\n": typeof types.ImPeopleTotalDocument,
    "\n  mutation ImportStart($programId: ID!, $csv: String!, $fileName: String) {\n    startImport(programId: $programId, csv: $csv, fileName: $fileName) { id status total accepted rejected }\n  }\n": typeof types.ImportStartDocument,
    "\n  query ImportJobView($id: ID!) {\n    importJob(id: $id) {\n      status total accepted rejected processed created updated unchanged failed progress\n      problems { line externalId reasons }\n    }\n  }\n": typeof types.ImportJobViewDocument,
    "\n  query ImportCounts($id: ID!) {\n    program(id: $id) { counts { mentors mentees } imports { edges { node { fileName status } } } }\n    people(first: 1) { edges { node { id } } }\n  }\n": typeof types.ImportCountsDocument,
    "\n  query ImportExport($id: ID!, $filter: ParticipantFilter) { program(id: $id) { participantsCsv(filter: $filter) } }\n": typeof types.ImportExportDocument,
    "\n  query ImportSearch($search: String!) { people(first: 5, filter: { search: $search }) { edges { node { email } } } }\n": typeof types.ImportSearchDocument,
    "\n  mutation ImportRacePerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": typeof types.ImportRacePersonDocument,
    "\n  query ImportRaceFind($search: String!) { people(first: 5, filter: { search: $search }) { edges { node { id externalId jobTitle } } } }\n": typeof types.ImportRaceFindDocument,
    "\n  query ImportPeopleCsv { peopleCsv(filter: { search: \"van\" }) }\n": typeof types.ImportPeopleCsvDocument,
    "\n  mutation JyProgram($input: ProgramInput!) { createProgram(input: $input) { id version focusAreas } }\n": typeof types.JyProgramDocument,
    "\n  mutation JyOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n": typeof types.JyOpenDocument,
    "\n  mutation JyPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": typeof types.JyPersonDocument,
    "\n  mutation JyEnrol($input: EnrolInput!) { enrol(input: $input) { reasons version } }\n": typeof types.JyEnrolDocument,
    "\n  mutation JyKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }\n": typeof types.JyKeyDocument,
    "\n  query JyDiscover($programId: ID!, $filter: MentorFilter, $first: Int, $after: String) {\n    mentorsForMe(programId: $programId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          score availability placesLeft hoursPerMonth focusAreas awayUntil\n          explanation { criterion score facts { sharedFocusAreas shared } }\n          mentor { id displayName jobTitle email yearsExperience managerEmail enrolments { role } }\n          openRequest { id }\n        }\n      }\n    }\n  }\n": typeof types.JyDiscoverDocument,
    "\n  query JyProfile($id: ID!) { person(id: $id) { displayName bio email } }\n": typeof types.JyProfileDocument,
    "\n  mutation JyRequest($input: RequestInput!, $key: String) {\n    requestMentor(input: $input, idempotencyKey: $key) { id status introduction { focusAreas hoursPerMonth hopedOutcome timeAsked } }\n  }\n": typeof types.JyRequestDocument,
    "\n  query JyMyRequests { me { requests { id status } } }\n": typeof types.JyMyRequestsDocument,
    "\n  query JyReadRequest($id: ID!) {\n    request(id: $id) {\n      status version menteeName\n      introduction { whyThisMentor timeAsked hoursPerMonth hopedOutcome focusAreas }\n      mentee { displayName email }\n      nextSuggestions { mentor { id } }\n    }\n  }\n": typeof types.JyReadRequestDocument,
    "\n  mutation JyAnswer($id: ID!, $version: Int!, $reason: String) {\n    answerRequest(id: $id, version: $version, answer: DECLINE, reason: $reason) { request { status } }\n  }\n": typeof types.JyAnswerDocument,
    "\n  mutation JyLoad($key: EnrolmentKey!, $version: Int!, $input: EnrolmentPatch!) {\n    updateEnrolment(key: $key, version: $version, input: $input) { capacity hoursPerMonth awayUntil acceptsRequests version }\n  }\n": typeof types.JyLoadDocument,
    "\n  mutation JyDryRun($id: ID!) { runMatching(programId: $id, dryRun: true) { counts { mentors } proposals { mentor { id } } } }\n": typeof types.JyDryRunDocument,
    "\n  mutation MtProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n": typeof types.MtProgramDocument,
    "\n  mutation MtOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n": typeof types.MtOpenDocument,
    "\n  mutation MtPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": typeof types.MtPersonDocument,
    "\n  mutation MtEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n": typeof types.MtEnrolDocument,
    "\n  mutation MtRule($programId: ID!, $menteeId: ID!, $mentorId: ID!, $kind: PairRuleKind!) {\n    setPairRule(programId: $programId, menteeId: $menteeId, mentorId: $mentorId, kind: $kind)\n  }\n": typeof types.MtRuleDocument,
    "\n  mutation MtRun($programId: ID!, $dryRun: Boolean) {\n    runMatching(programId: $programId, dryRun: $dryRun) {\n      id dryRun objective\n      timings { readMs scoreMs solveMs writeMs }\n      counts { mentees mentors places proposed pinned unmatched }\n      proposals { id status score mentee { id } mentor { id } explanation { criterion weight score contribution } }\n      unmatched { mentee { id } reason detail fix }\n      fairness { byDepartment { group mentees matched matchRate } }\n      diff { kept added dropped previousRun { id } }\n      certification { certified eligiblePairs keptPairs rounds }\n    }\n  }\n": typeof types.MtRunDocument,
    "\n  query MtState($id: ID!) {\n    program(id: $id) {\n      proposals(first: 100) { edges { node { id status mentee { id } mentor { id } } } }\n      matchingRuns { edges { node { id counts { proposed } } } }\n    }\n  }\n": typeof types.MtStateDocument,
    "\n  mutation MtDecide($id: ID!) { decideProposal(id: $id, version: 1, decision: APPROVE) { status } }\n": typeof types.MtDecideDocument,
    "\n  query MtPersonProposals($id: ID!) { person(id: $id) { proposals { id mentee { id } mentor { id } } } }\n": typeof types.MtPersonProposalsDocument,
    "\n  query MtRunView($id: ID!) { matchingRun(id: $id) { id counts { proposed } proposals { id } unmatched { reason } } }\n": typeof types.MtRunViewDocument,
    "\n  mutation LcProgram($input: ProgramInput!) { createProgram(input: $input) { id version } }\n": typeof types.LcProgramDocument,
    "\n  mutation LcOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n": typeof types.LcOpenDocument,
    "\n  mutation LcPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": typeof types.LcPersonDocument,
    "\n  mutation LcEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n": typeof types.LcEnrolDocument,
    "\n  mutation LcRequest($input: RequestInput!) { requestMentor(input: $input) { id status version expiresAt introduction { whyThisMentor } } }\n": typeof types.LcRequestDocument,
    "\n  mutation LcAnswer($id: ID!, $version: Int!, $answer: RequestAnswer!, $reason: String) {\n    answerRequest(id: $id, version: $version, answer: $answer, reason: $reason) {\n      request { status reason version }\n      mentorship { id status version mentor { id } mentee { id } source { kind } }\n    }\n  }\n": typeof types.LcAnswerDocument,
    "\n  query LcRequestView($id: ID!) { request(id: $id) { status reason } }\n": typeof types.LcRequestViewDocument,
    "\n  query LcRequestExpiry($id: ID!) { request(id: $id) { createdAt expiresAt } }\n": typeof types.LcRequestExpiryDocument,
    "\n  mutation LcPropose($input: PairInput!) { proposePair(input: $input) { id status version } }\n": typeof types.LcProposeDocument,
    "\n  mutation LcDecide($id: ID!, $version: Int!, $decision: ProposalDecision!, $reason: String) {\n    decideProposal(id: $id, version: $version, decision: $decision, reason: $reason) { status version }\n  }\n": typeof types.LcDecideDocument,
    "\n  mutation LcRespond($id: ID!, $version: Int!, $response: ProposalResponse!, $side: ParticipantRole) {\n    respondToProposal(id: $id, version: $version, response: $response, side: $side) {\n      proposal { status version mentorAcceptedAt menteeAcceptedAt }\n      mentorship { id status version }\n    }\n  }\n": typeof types.LcRespondDocument,
    "\n  mutation LcChange($id: ID!, $version: Int!, $action: PairTransition!, $reason: String, $reflection: String) {\n    changeMentorship(id: $id, version: $version, action: $action, reason: $reason, reflection: $reflection) {\n      status version endReason menteeReflection\n    }\n  }\n": typeof types.LcChangeDocument,
    "\n  mutation LcMeeting($input: MeetingInput!) { logMeeting(input: $input) { id kind privateNotes } }\n": typeof types.LcMeetingDocument,
    "\n  mutation LcGoal($mentorshipId: ID!, $goalId: ID, $version: Int, $input: GoalInput!) {\n    saveGoal(mentorshipId: $mentorshipId, goalId: $goalId, version: $version, input: $input) { id title status progress notes { text } version }\n  }\n": typeof types.LcGoalDocument,
    "\n  query LcTenantAnalytics {\n    viewer {\n      tenant {\n        analytics {\n          mentors mentees matchRate medianDaysToMatch activeMentorships paused completed endedEarly meetings\n          meetingsPerPairPerMonth averageCheckInRating averageClosingRating\n          activeByHealth { health count }\n          requests { sent accepted declined expired }\n          outcomes { outcome count }\n        }\n      }\n    }\n  }\n": typeof types.LcTenantAnalyticsDocument,
    "\n  query LcProgramSurveys($id: ID!, $kind: SurveyKind) {\n    program(id: $id) { surveys(kind: $kind, first: 10) { edges { node { kind side rating outcomes mentorship { id } } } } }\n  }\n": typeof types.LcProgramSurveysDocument,
    "\n  mutation LcSurvey($id: ID!, $input: SurveyInput!) { submitSurvey(mentorshipId: $id, input: $input) { kind side rating outcomes } }\n": typeof types.LcSurveyDocument,
    "\n  query LcPair($id: ID!) {\n    mentorship(id: $id) {\n      status version health { status nextContactDue }\n      meetings { privateNotes topics }\n      goals { title }\n      surveys { kind rating }\n    }\n  }\n": typeof types.LcPairDocument,
    "\n  query LcPairs($id: ID!, $health: Health, $status: MentorshipStatus) {\n    program(id: $id) { mentorships(health: $health, status: $status, first: 100) { edges { node { id status health { status } meetingCount startedAt } } } }\n  }\n": typeof types.LcPairsDocument,
    "\n  query LcAnalytics($id: ID!) {\n    program(id: $id) {\n      analytics {\n        mentors mentees matchRate medianDaysToMatch activeMentorships paused completed endedEarly meetings\n        meetingsPerPairPerMonth averageCheckInRating averageClosingRating\n        activeByHealth { health count }\n        requests { sent accepted declined expired }\n        outcomes { outcome count }\n      }\n      participants(first: 100) { edges { node { role status enrolledAt person { id mentorships { id startedAt } } } } }\n    }\n  }\n": typeof types.LcAnalyticsDocument,
    "\n  mutation SendersErase($id: ID!, $reason: String!) { erasePerson(id: $id, reason: $reason) { pseudonym } }\n": typeof types.SendersEraseDocument,
    "\n  mutation PairImportProgram($name: String!) { createProgram(input: { name: $name }) { id version } }\n": typeof types.PairImportProgramDocument,
    "\n  mutation PairImportOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n": typeof types.PairImportOpenDocument,
    "\n  mutation PairImportPeople($programId: ID!, $csv: String!) { startImport(programId: $programId, csv: $csv) { id } }\n": typeof types.PairImportPeopleDocument,
    "\n  query PairImportPreview($programId: ID!, $csv: String!) {\n    previewPairImport(programId: $programId, csv: $csv) {\n      total accepted alreadyImported columns\n      rejected { kind line name codes reasons }\n      sample { line mentor mentee startedOn plannedEndOn goals meetings lastMeetingOn }\n    }\n  }\n": typeof types.PairImportPreviewDocument,
    "\n  mutation PairImportStart($programId: ID!, $csv: String!, $fileName: String) {\n    startPairImport(programId: $programId, csv: $csv, fileName: $fileName) { id kind status total accepted rejected }\n  }\n": typeof types.PairImportStartDocument,
    "\n  query PairImportJob($id: ID!) {\n    importJob(id: $id) {\n      kind status total accepted rejected processed created updated unchanged failed progress\n      problems { kind line codes reasons }\n    }\n  }\n": typeof types.PairImportJobDocument,
    "\n  query PairImportPairs($id: ID!) {\n    program(id: $id) {\n      analytics { activeMentorships meetings activeByHealth { health count } }\n      mentorships(first: 50) {\n        edges {\n          node {\n            startedAt plannedEndOn meetingCount status\n            source { kind id }\n            mentor { externalId } mentee { externalId }\n            health { status lastContactAt }\n            goals { title status }\n            meetings { heldAt }\n          }\n        }\n      }\n    }\n  }\n": typeof types.PairImportPairsDocument,
    "\n  query PairImportAudit { auditLog(first: 100) { edges { node { action entityType } } } }\n": typeof types.PairImportAuditDocument,
    "\n  mutation ClientIssueKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }\n": typeof types.ClientIssueKeyDocument,
    "\n  mutation PeopleCreateProgram($input: ProgramInput!) { createProgram(input: $input) { id version } }\n": typeof types.PeopleCreateProgramDocument,
    "\n  mutation CreatePerson($input: PersonInput!, $key: String) {\n    createPerson(input: $input, idempotencyKey: $key) { id email displayName languages timeZone version }\n  }\n": typeof types.CreatePersonDocument,
    "\n  mutation UpdatePerson($id: ID!, $version: Int!, $input: PersonPatch!) {\n    updatePerson(id: $id, version: $version, input: $input) { id email department version }\n  }\n": typeof types.UpdatePersonDocument,
    "\n  query PersonView($id: ID!) {\n    person(id: $id) { id displayName email managerEmail yearsExperience department enrolments { role status program { id } } }\n  }\n": typeof types.PersonViewDocument,
    "\n  query PeopleList($filter: PeopleFilter, $sort: PeopleSort, $first: Int, $after: String) {\n    people(filter: $filter, sort: $sort, first: $first, after: $after) {\n      edges { node { displayName } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.PeopleListDocument,
    "\n  mutation Enrol($input: EnrolInput!) { enrol(input: $input) { role status reasons capacity version displayName } }\n": typeof types.EnrolDocument,
    "\n  mutation Withdraw($key: EnrolmentKey!, $version: Int!, $reason: String!) {\n    withdraw(key: $key, version: $version, reason: $reason) { status withdrawnReason version }\n  }\n": typeof types.WithdrawDocument,
    "\n  mutation UpdateEnrolment($key: EnrolmentKey!, $version: Int!, $input: EnrolmentPatch!) {\n    updateEnrolment(key: $key, version: $version, input: $input) { reasons hoursPerMonth shortlist { displayName } version }\n  }\n": typeof types.UpdateEnrolmentDocument,
    "\n  mutation EnrolOnce($input: EnrolInput!, $key: String) { enrol(input: $input, idempotencyKey: $key) { role version } }\n": typeof types.EnrolOnceDocument,
    "\n  query Participants($id: ID!, $filter: ParticipantFilter, $sort: PeopleSort, $first: Int) {\n    program(id: $id) {\n      counts { mentors mentees withdrawn }\n      participants(filter: $filter, sort: $sort, first: $first) {\n        edges { node { displayName role status department person { email jobTitle languages } } }\n        pageInfo { hasNextPage }\n      }\n    }\n  }\n": typeof types.ParticipantsDocument,
    "\n  query Audit($entityId: ID, $first: Int) {\n    auditLog(entityId: $entityId, first: $first) {\n      edges { node { action entityType entityId actor { id role } changes { field before after } } }\n    }\n  }\n": typeof types.AuditDocument,
    "\n  mutation PrivacyProgram { createProgram(input: { name: \"Privacy\" }) { id } }\n": typeof types.PrivacyProgramDocument,
    "\n  mutation PrivacyOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n": typeof types.PrivacyOpenDocument,
    "\n  mutation PrivacyPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": typeof types.PrivacyPersonDocument,
    "\n  mutation PrivacyEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n": typeof types.PrivacyEnrolDocument,
    "\n  query PrivacyExport($id: ID!) { personalData(personId: $id) }\n": typeof types.PrivacyExportDocument,
    "\n  mutation PrivacyErase($id: ID!, $reason: String!) {\n    erasePerson(id: $id, reason: $reason) { personId pseudonym enrolments mentorships meetings auditEntries }\n  }\n": typeof types.PrivacyEraseDocument,
    "\n  query PrivacyAfter($id: ID!, $program: ID!, $person: ID!) {\n    program(id: $program) {\n      counts { mentors mentees }\n      participants(first: 50) { edges { node { displayName person { id } } } }\n      mentorships(first: 10) { edges { node { menteeName mentorName mentee { id } meetings { topics } } } }\n    }\n    auditLog(entityId: $person, first: 50) { edges { node { action changes { field before after } } } }\n    people(filter: { search: \"erase.me\" }) { edges { node { id } } }\n    program2: program(id: $id) { id }\n  }\n": typeof types.PrivacyAfterDocument,
    "\n  query PrivacyPersonRead($id: ID!) { person(id: $id) { id } }\n": typeof types.PrivacyPersonReadDocument,
    "\n  mutation PkiProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n": typeof types.PkiProgramDocument,
    "\n  mutation PkiOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n": typeof types.PkiOpenDocument,
    "\n  query PkiPreview($programId: ID!, $csv: String!) {\n    previewImport(programId: $programId, csv: $csv) { accepted rejected { line codes reasons } sample { line roles } }\n  }\n": typeof types.PkiPreviewDocument,
    "\n  mutation PkiStart($programId: ID!, $csv: String!) { startImport(programId: $programId, csv: $csv) { id accepted } }\n": typeof types.PkiStartDocument,
    "\n  query PkiJob($id: ID!) { importJob(id: $id) { status created failed } }\n": typeof types.PkiJobDocument,
    "\n  query PkiParticipants($id: ID!) {\n    program(id: $id) { participants(first: 20) { edges { node { role capacity person { id email } } } } }\n  }\n": typeof types.PkiParticipantsDocument,
    "\n  mutation PkiRule($programId: ID!, $menteeId: ID!, $mentorId: ID!, $kind: PairRuleKind!) {\n    setPairRule(programId: $programId, menteeId: $menteeId, mentorId: $mentorId, kind: $kind)\n  }\n": typeof types.PkiRuleDocument,
    "\n  mutation PkiRun($programId: ID!) {\n    runMatching(programId: $programId) {\n      counts { proposed pinned }\n      proposals {\n        mentor { id } mentee { id } score\n        explanation { criterion score ways { seeker { id } score facts { shared } } }\n      }\n    }\n  }\n": typeof types.PkiRunDocument,
    "\n  mutation PkdProgram($input: ProgramInput!) {\n    createProgram(input: $input) { id kind roleNames { mentor mentee } matching { weights { criterion weight } } }\n  }\n": typeof types.PkdProgramDocument,
    "\n  mutation PkdUpdate($id: ID!, $version: Int!, $input: ProgramInput!) { updateProgram(id: $id, version: $version, input: $input) { kind } }\n": typeof types.PkdUpdateDocument,
    "\n  mutation PkdOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status version } }\n": typeof types.PkdOpenDocument,
    "\n  mutation PkdPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": typeof types.PkdPersonDocument,
    "\n  mutation PkdEnrol($input: EnrolInput!) { enrol(input: $input) { role capacity } }\n": typeof types.PkdEnrolDocument,
    "\n  mutation PkdRun($programId: ID!) {\n    runMatching(programId: $programId) {\n      counts { mentees proposed unmatched }\n      proposals { id version status score mentee { id } mentor { id } explanation { criterion score contribution } }\n      unmatched { mentee { id } reason }\n      certification { certified eligiblePairs }\n    }\n  }\n": typeof types.PkdRunDocument,
    "\n  mutation PkdDecide($id: ID!, $version: Int!) { decideProposal(id: $id, version: $version, decision: APPROVE) { status version } }\n": typeof types.PkdDecideDocument,
    "\n  mutation PkdRespond($id: ID!, $version: Int!, $side: ParticipantRole) {\n    respondToProposal(id: $id, version: $version, response: ACCEPT, side: $side) {\n      proposal { status version }\n      mentorship { id status mentor { id } mentee { id } }\n    }\n  }\n": typeof types.PkdRespondDocument,
    "\n  query PkdRead($id: ID!) { program(id: $id) { kind roleNames { mentor mentee } counts { activeMentorships } } }\n": typeof types.PkdReadDocument,
    "\n  mutation PkdGroupRun($programId: ID!) {\n    runMatching(programId: $programId) {\n      counts { mentees proposed unmatched }\n      proposals { id version mentee { id } mentor { id } explanation { criterion score } }\n      unmatched { mentee { id } reason }\n      certification { certified circles { method objective bound closed { id } unconstrained } }\n    }\n  }\n": typeof types.PkdGroupRunDocument,
    "\n  query PkdCircles($id: ID!) {\n    program(id: $id) { circleSize { minimum maximum } circles(first: 10) { edges { node { id status topic mentor { id } members { person { id } } } } } }\n  }\n": typeof types.PkdCirclesDocument,
    "\n  mutation PkdLogGroup($input: GroupMeetingInput!) {\n    logGroupMeeting(input: $input) { id attendees { person { id } } privateNotes }\n  }\n": typeof types.PkdLogGroupDocument,
    "\n  query PkdCircle($id: ID!) {\n    circle(id: $id) {\n      status meetingCount health { status lastContactAt }\n      members {\n        displayName attended lastAttendedAt health { status }\n        person { id displayName email enrolments { reasons circleTopic } }\n        place { id }\n      }\n      meetings { heldAt privateNotes attendees { displayName } }\n      surveys { rating }\n    }\n  }\n": typeof types.PkdCircleDocument,
    "\n  mutation PkdSurvey($id: ID!) { submitSurvey(mentorshipId: $id, input: { kind: CHECK_IN, rating: 4 }) { id } }\n": typeof types.PkdSurveyDocument,
    "query PkdProposals($id: ID!) { program(id: $id) { proposals(first: 20) { edges { node { id version status } } } } }": typeof types.PkdProposalsDocument,
    "query PkdGroupProposals($id: ID!) { program(id: $id) { proposals(first: 20) { edges { node { id version mentee { id } } } } } }": typeof types.PkdGroupProposalsDocument,
    "\n  mutation CreateProgram($input: ProgramInput!) {\n    createProgram(input: $input) {\n      id\n      name\n      status\n      version\n      focusAreas\n      cadence { expectedEveryDays overdueAfterDays }\n      matching { weights { criterion weight } approvalMode minimumScore }\n      counts { mentors mentees activeMentorships }\n    }\n  }\n": typeof types.CreateProgramDocument,
    "\n  mutation UpdateProgram($id: ID!, $version: Int!, $input: ProgramInput!) {\n    updateProgram(id: $id, version: $version, input: $input) { id name version durationMonths }\n  }\n": typeof types.UpdateProgramDocument,
    "\n  mutation ChangeStatus($id: ID!, $version: Int!, $status: ProgramStatus!) {\n    changeProgramStatus(id: $id, version: $version, status: $status) { id status version }\n  }\n": typeof types.ChangeStatusDocument,
    "\n  query Program($id: ID!) { program(id: $id) { id name version } }\n": typeof types.ProgramDocument,
    "\n  query Programs($first: Int, $after: String) {\n    programs(first: $first, after: $after) {\n      edges { cursor node { id name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ProgramsDocument,
    "\n  query MyTenant {\n    viewer {\n      actor { role }\n      tenant { slug name settings { timeZone locale } programs(first: 50) { edges { node { name status } } } }\n    }\n  }\n": typeof types.MyTenantDocument,
    "\n  mutation RetentionProgram($name: String!) { createProgram(input: { name: $name, focusAreas: [\"JOB_SKILLS\", \"GOAL_SETTING\"] }) { id } }\n": typeof types.RetentionProgramDocument,
    "\n  query RetentionPreview($programId: ID!, $csv: String!) {\n    previewImport(programId: $programId, csv: $csv) {\n      total accepted\n      mapping { field header }\n      rejected { line reasons }\n    }\n  }\n": typeof types.RetentionPreviewDocument,
    "\n  mutation RetentionImport($programId: ID!, $csv: String!) { startImport(programId: $programId, csv: $csv) { id } }\n": typeof types.RetentionImportDocument,
    "\n  query RetentionImportJob($id: ID!) { importJob(id: $id) { status accepted rejected created failed problems { line reasons } } }\n": typeof types.RetentionImportJobDocument,
    "\n  query RetentionCounts($id: ID!) { program(id: $id) { counts { mentors mentees } } }\n": typeof types.RetentionCountsDocument,
    "\n  mutation RetentionRunJob($tenant: String!) { runJob(job: RETENTION, tenant: $tenant) { status summary } }\n": typeof types.RetentionRunJobDocument,
    "\n  query RetentionInsights($programId: ID, $exits: ExitScope) {\n    retentionInsights(programId: $programId, exits: $exits) {\n      computedAt asOf exits minimumGroupSize employees\n      groups { group n suppressed exits promotions retention12 { estimate low high } curve { month atRisk survival low high } }\n      difference12 { estimate low high }\n      matching { strata matchedMentees unmatchedMentees pool }\n      exitReasons { leavers suppressed unmapped windowStart windowEnd reasons { code label count share focusAreas } }\n      focus { focusArea leaverShare menteeShare inProgram }\n      suggestion { exitReason label leaverShare focusAreas menteeShare offered }\n      csv\n    }\n  }\n": typeof types.RetentionInsightsDocument,
    "\n  mutation RetentionRefresh($programId: ID) {\n    refreshRetentionInsights(programId: $programId) {\n      computedAt\n      exitReasons { leavers unmapped reasons { code count } }\n    }\n  }\n": typeof types.RetentionRefreshDocument,
    "\n  mutation RetentionRecord($personId: ID!, $input: EmploymentInput!) {\n    recordEmployment(personId: $personId, input: $input) { hireDate leaveDate leaveType exitReasonsRecorded }\n  }\n": typeof types.RetentionRecordDocument,
    "\n  query RetentionPeople($search: String) {\n    people(first: 100, filter: { search: $search }) { edges { node { id email employment { hireDate leaveDate leaveType level jobChanges { on kind } exitReasonsRecorded } } } }\n  }\n": typeof types.RetentionPeopleDocument,
    "\n  query RetentionTaxonomy { exitReasonTaxonomy { version rules { keyword code } reasons { code labelNl focusAreas } } }\n": typeof types.RetentionTaxonomyDocument,
    "\n  mutation RetentionCreateKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }\n": typeof types.RetentionCreateKeyDocument,
    "\n  query RetentionAnalyst($programId: ID) {\n    viewer { actor { role } }\n    retentionInsights(programId: $programId) { employees groups { group n } exitReasons { leavers reasons { code count } } csv }\n    exitReasonTaxonomy { version }\n  }\n": typeof types.RetentionAnalystDocument,
    "\n  query RetentionAnalystPrograms { programs { edges { node { name } } } }\n": typeof types.RetentionAnalystProgramsDocument,
    "\n  query RetentionAnalystPerson($id: ID!) { node(id: $id) { ... on Person { displayName } } }\n": typeof types.RetentionAnalystPersonDocument,
    "\n  query RetentionAnalystMe { me { displayName } }\n": typeof types.RetentionAnalystMeDocument,
    "\n  mutation RetentionAnalystRefresh { refreshRetentionInsights { computedAt } }\n": typeof types.RetentionAnalystRefreshDocument,
    "\n  mutation RetentionUpdateTaxonomy($version: Int!, $input: ExitReasonTaxonomyInput!) {\n    updateExitReasonTaxonomy(version: $version, input: $input) { version rules { keyword code } }\n  }\n": typeof types.RetentionUpdateTaxonomyDocument,
    "\n  mutation RtCreateProgram($name: String!) { createProgram(input: { name: $name }) { id } }\n": typeof types.RtCreateProgramDocument,
    "\n  mutation RtCreatePerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": typeof types.RtCreatePersonDocument,
    "\n  mutation RtOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n": typeof types.RtOpenDocument,
    "\n  mutation RtEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n": typeof types.RtEnrolDocument,
    "\n  query RtPrograms($first: Int) { programs(first: $first) { edges { node { name counts { mentors mentees activeMentorships } } } } }\n": typeof types.RtProgramsDocument,
    "\n  query RtParticipants($id: ID!, $first: Int) {\n    program(id: $id) {\n      participants(first: $first) { edges { node { role status person { email jobTitle languages enrolments { role program { name } } } } } }\n    }\n  }\n": typeof types.RtParticipantsDocument,
    "\n  query RtPeople($first: Int) { people(first: $first) { edges { node { displayName enrolments { role status program { name } } } } } }\n": typeof types.RtPeopleDocument,
    "\n  query RtPairs($id: ID!, $first: Int) {\n    program(id: $id) {\n      mentorships(first: $first) { edges { node { mentor { displayName } mentee { displayName } program { name } health { status } } } }\n    }\n  }\n": typeof types.RtPairsDocument,
    "\n  mutation SearchProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n": typeof types.SearchProgramDocument,
    "\n  mutation SearchPerson($input: PersonInput!) { createPerson(input: $input) { id version } }\n": typeof types.SearchPersonDocument,
    "\n  mutation SearchRename($id: ID!, $version: Int!, $input: PersonPatch!) { updatePerson(id: $id, version: $version, input: $input) { id } }\n": typeof types.SearchRenameDocument,
    "\n  mutation SearchEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n": typeof types.SearchEnrolDocument,
    "\n  query SearchPeople($filter: PeopleFilter, $first: Int, $after: String) {\n    people(filter: $filter, first: $first, after: $after) {\n      edges { node { displayName email externalId } }\n      pageInfo { hasNextPage endCursor }\n      totalCount\n    }\n  }\n": typeof types.SearchPeopleDocument,
    "\n  query SearchParticipants($id: ID!, $filter: ParticipantFilter, $first: Int) {\n    program(id: $id) { participants(filter: $filter, first: $first) { edges { node { displayName role } } } }\n  }\n": typeof types.SearchParticipantsDocument,
    "\n  mutation TenancyCreate($input: CreateTenantInput!) { createTenant(input: $input) { slug name settings { timeZone locale retentionMonths } version } }\n": typeof types.TenancyCreateDocument,
    "\n  mutation TenancyCreateOnce($input: CreateTenantInput!, $key: String) { createTenant(input: $input, idempotencyKey: $key) { slug } }\n": typeof types.TenancyCreateOnceDocument,
    "\n  mutation TenancyUpdate($version: Int!, $input: TenantPatch!) { updateTenant(version: $version, input: $input) { name settings { locale timeZone } version } }\n": typeof types.TenancyUpdateDocument,
    "\n  query TenancyList { tenants { items { slug } } }\n": typeof types.TenancyListDocument,
    "\n  query TenancyMine { viewer { tenant { name settings { locale } } } }\n": typeof types.TenancyMineDocument,
    "\n  mutation TotalsProgram($input: ProgramInput!) { createProgram(input: $input) { id version } }\n": typeof types.TotalsProgramDocument,
    "\n  mutation TotalsOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n": typeof types.TotalsOpenDocument,
    "\n  mutation TotalsPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": typeof types.TotalsPersonDocument,
    "\n  mutation TotalsEnrol($input: EnrolInput!) { enrol(input: $input) { version } }\n": typeof types.TotalsEnrolDocument,
    "\n  mutation TotalsWithdraw($key: EnrolmentKey!, $version: Int!) { withdraw(key: $key, version: $version, reason: \"moved on\") { status } }\n": typeof types.TotalsWithdrawDocument,
    "\n  mutation TotalsStart($input: PairInput!) { startMentorship(input: $input) { id } }\n": typeof types.TotalsStartDocument,
    "\n  mutation TotalsPropose($input: PairInput!) { proposePair(input: $input) { id } }\n": typeof types.TotalsProposeDocument,
    "\n  mutation TotalsErase($id: ID!) { erasePerson(id: $id, reason: \"asked to be forgotten\") { pseudonym } }\n": typeof types.TotalsEraseDocument,
    "\n  query TotalsPeople { people(first: 1) { totalCount } }\n": typeof types.TotalsPeopleDocument,
    "\n  query Totals($id: ID!, $search: String) {\n    people(first: 1) { totalCount }\n    searched: people(first: 1, filter: { search: $search }) { totalCount edges { node { id } } }\n    programs(first: 1) { totalCount }\n    auditLog(first: 1) { totalCount edges { node { id } } }\n    notifications(first: 1) { totalCount }\n    webhookSubscriptions(first: 1) { totalCount }\n    program(id: $id) {\n      participants(first: 1) { totalCount }\n      mentors: participants(first: 1, filter: { role: MENTOR }) { totalCount }\n      mentees: participants(first: 1, filter: { role: MENTEE }) { totalCount }\n      withdrawn: participants(first: 1, filter: { status: WITHDRAWN }) { totalCount }\n      mentorships(first: 1) { totalCount }\n      active: mentorships(first: 1, status: ACTIVE) { totalCount }\n      onTrack: mentorships(first: 5, health: ON_TRACK) { totalCount edges { node { id } } }\n      completed: mentorships(first: 1, status: COMPLETED) { totalCount }\n      proposals(first: 1) { totalCount }\n      proposed: proposals(first: 1, status: PROPOSED) { totalCount }\n      approved: proposals(first: 1, status: APPROVED) { totalCount }\n      requests(first: 1) { totalCount }\n      surveys(first: 1) { totalCount }\n      matchingRuns(first: 1) { totalCount }\n      imports(first: 1) { totalCount }\n    }\n  }\n": typeof types.TotalsDocument,
    "\n  mutation WhCreate($input: WebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) { secret subscription { id version } }\n  }\n": typeof types.WhCreateDocument,
    "\n  mutation WhDelete($id: ID!, $version: Int!) { deleteWebhookSubscription(id: $id, version: $version) }\n": typeof types.WhDeleteDocument,
    "\n  query WhList { webhookSubscriptions(first: 20) { edges { node { id } } } }\n": typeof types.WhListDocument,
    "\n  query WhDeliveries($id: ID!, $first: Int, $after: String, $filter: WebhookDeliveryFilter) {\n    webhookSubscription(id: $id) {\n      lastDelivery { status httpStatus error }\n      previousSecretExpiresAt\n      deliveries(first: $first, after: $after, filter: $filter) {\n        edges { node { id eventId event status attempts lastHttpStatus lastError lastAttemptAt nextAttemptAt } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.WhDeliveriesDocument,
    "\n  mutation WhPing($id: ID!) { pingWebhook(id: $id) { id eventId event status attempts lastHttpStatus lastError } }\n": typeof types.WhPingDocument,
    "\n  mutation WhRedeliver($id: ID!) { redeliverWebhookDelivery(id: $id) { status attempts lastHttpStatus } }\n": typeof types.WhRedeliverDocument,
    "\n  mutation WhRotate($id: ID!, $version: Int!, $overlapHours: Int) {\n    rotateWebhookSecret(id: $id, version: $version, overlapHours: $overlapHours) { secret subscription { version previousSecretExpiresAt } }\n  }\n": typeof types.WhRotateDocument,
    "\n  query LimitsPrograms { programs { edges { node { id } } } }\n": typeof types.LimitsProgramsDocument,
    "\n  mutation PkProgram($input: ProgramInput!) { createProgram(input: $input) { id version } }\n": typeof types.PkProgramDocument,
    "\n  mutation PkOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n": typeof types.PkOpenDocument,
    "\n  mutation PkPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": typeof types.PkPersonDocument,
    "\n  mutation PkEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n": typeof types.PkEnrolDocument,
    "\n  mutation PkStart($input: PairInput!) { startMentorship(input: $input) { id } }\n": typeof types.PkStartDocument,
    "\n  mutation PkCreateKey($input: ApiKeyInput!) {\n    createApiKey(input: $input) { secret key { id name hint scopes status version lastUsedAt program { name } rateLimit { perMinute burst } } }\n  }\n": typeof types.PkCreateKeyDocument,
    "\n  query PkKeys { apiKeys { items { id hint status lastUsedAt expiresAt revokedAt replacedBy version } } }\n": typeof types.PkKeysDocument,
    "\n  mutation PkRevoke($id: ID!, $version: Int!) { revokeApiKey(id: $id, version: $version) { status revokedAt version } }\n": typeof types.PkRevokeDocument,
    "\n  mutation PkRotate($id: ID!, $version: Int!, $hours: Int) {\n    rotateApiKey(id: $id, version: $version, overlapHours: $hours) { secret key { id status } }\n  }\n": typeof types.PkRotateDocument,
    "\n  query PkMe { viewer { actor { id role } } me { displayName mentorships { id program { name } } } }\n": typeof types.PkMeDocument,
    "\n  query PkViewer { viewer { actor { role } } }\n": typeof types.PkViewerDocument,
    "\n  query PkPrograms { programs { edges { node { id name } } } }\n": typeof types.PkProgramsDocument,
    "\n  query PkTenantPrograms { viewer { tenant { programs { edges { node { name } } } } } }\n": typeof types.PkTenantProgramsDocument,
    "\n  query PkOneProgram($id: ID!) { program(id: $id) { name } }\n": typeof types.PkOneProgramDocument,
    "\n  mutation PkMeeting($input: MeetingInput!) { logMeeting(input: $input) { heldAt } }\n": typeof types.PkMeetingDocument,
    "\n  mutation PkRequest($input: RequestInput!) { requestMentor(input: $input) { id } }\n": typeof types.PkRequestDocument,
    "\n  query PkPersonNode($id: ID!) { node(id: $id) { ... on Person { displayName } } }\n": typeof types.PkPersonNodeDocument,
    "\n  query PkNode($id: ID!) { node(id: $id) { ... on Mentorship { id } } }\n": typeof types.PkNodeDocument,
    "\n  query RlViewer { viewer { actor { role } } }\n": typeof types.RlViewerDocument,
    "\n  mutation RlPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": typeof types.RlPersonDocument,
    "\n  mutation SrProgram($input: ProgramInput!) { createProgram(input: $input) { id version privacy { sensitiveFocusAreas managersSeeSensitiveReasons } } }\n": typeof types.SrProgramDocument,
    "\n  mutation SrUpdate($id: ID!, $version: Int!, $input: ProgramInput!) {\n    updateProgram(id: $id, version: $version, input: $input) { version privacy { managersSeeSensitiveReasons } }\n  }\n": typeof types.SrUpdateDocument,
    "\n  mutation SrOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { version } }\n": typeof types.SrOpenDocument,
    "\n  mutation SrPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": typeof types.SrPersonDocument,
    "\n  mutation SrEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n": typeof types.SrEnrolDocument,
    "\n  mutation SrRequest($input: RequestInput!) { requestMentor(input: $input) { id } }\n": typeof types.SrRequestDocument,
    "\n  query SrManagerView($id: ID!, $request: ID!) {\n    program(id: $id) {\n      participants(first: 10) { edges { node { role reasons } } }\n      participantsCsv\n    }\n    request(id: $request) { introduction { focusAreas } }\n  }\n": typeof types.SrManagerViewDocument,
    "\n  query SrOwnView($request: ID!) { me { enrolments { reasons } } request(id: $request) { introduction { focusAreas } } }\n": typeof types.SrOwnViewDocument,
    "\n  mutation SrAccept($id: ID!) { answerRequest(id: $id, version: 1, answer: ACCEPT) { mentorship { id } } }\n": typeof types.SrAcceptDocument,
    "\n  mutation SrNote($input: MeetingInput!) { logMeeting(input: $input) { id } }\n": typeof types.SrNoteDocument,
    "\n  mutation SrReasons($key: EnrolmentKey!, $reasons: [String!]!) { updateEnrolment(key: $key, version: 1, input: { reasons: $reasons }) { version } }\n": typeof types.SrReasonsDocument,
    "\n  query SrExport($id: ID!) { personalData(personId: $id) }\n": typeof types.SrExportDocument,
    "\n  query SrAudit($entity: ID) { auditLog(entityId: $entity, first: 50) { edges { node { action actor { role } changes { field before after } } } } }\n": typeof types.SrAuditDocument,
    "\n  mutation SupportCreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      id\n      slug\n    }\n  }\n": typeof types.SupportCreateTenantDocument,
    "\n  mutation EngProgram($input: ProgramInput!) { createProgram(input: $input) { id version engagement { followUpDays weeklyCap } } }\n": typeof types.EngProgramDocument,
    "\n  mutation EngOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n": typeof types.EngOpenDocument,
    "\n  mutation EngPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": typeof types.EngPersonDocument,
    "\n  mutation EngEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n": typeof types.EngEnrolDocument,
    "\n  mutation EngStart($input: PairInput!) { startMentorship(input: $input) { id version } }\n": typeof types.EngStartDocument,
    "\n  mutation EngRequest($input: RequestInput!) { requestMentor(input: $input) { id status version } }\n": typeof types.EngRequestDocument,
    "\n  mutation EngMeeting($input: MeetingInput!) { logMeeting(input: $input) { id } }\n": typeof types.EngMeetingDocument,
    "\n  mutation EngPropose($input: PairInput!) { proposePair(input: $input) { id status version } }\n": typeof types.EngProposeDocument,
    "\n  mutation EngDecide($id: ID!, $version: Int!) { decideProposal(id: $id, version: $version, decision: APPROVE) { status version } }\n": typeof types.EngDecideDocument,
    "\n  mutation EngRespond($id: ID!, $version: Int!, $side: ParticipantRole) {\n    respondToProposal(id: $id, version: $version, response: ACCEPT, side: $side) { proposal { status version } }\n  }\n": typeof types.EngRespondDocument,
};
const documents: Documents = {
    "\n  query StartMyTenant {\n    viewer { tenant { name programs { edges { node { id name status kind counts { mentors mentees activeMentorships } } } } } }\n  }\n": types.StartMyTenantDocument,
    "\n  query StartPairs($id: ID!) {\n    program(id: $id) { mentorships(first: 100) { edges { node { meetingCount health { status } } } } }\n  }\n": types.StartPairsDocument,
    "\n  query StartFigures($id: ID!) {\n    program(id: $id) {\n      analytics { matchRate medianDaysToMatch completed averageClosingRating activeByHealth { health count } requests { sent } outcomes { outcome count } }\n      proposals(status: APPROVED) { edges { node { mentorAcceptedAt menteeAcceptedAt } } }\n    }\n  }\n": types.StartFiguresDocument,
    "\n  query StartWho { viewer { actor { role } tenant { slug } } }\n": types.StartWhoDocument,
    "\n  mutation StartCreate($name: String!) { createProgram(input: { name: $name }) { id } }\n": types.StartCreateDocument,
    "\n  query StartName($id: ID!) { program(id: $id) { name } }\n": types.StartNameDocument,
    "\n  query LinkRequests($id: ID!) { program(id: $id) { requests(first: 10) { edges { node { id status reason } } } } }\n": types.LinkRequestsDocument,
    "\n  query LinkPair($id: ID!) { mentorship(id: $id) { status meetingCount meetings { heldAt topics mode } } }\n": types.LinkPairDocument,
    "\n  mutation AlProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n": types.AlProgramDocument,
    "\n  mutation AlOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n": types.AlOpenDocument,
    "\n  query AlAudit($actorId: String, $action: String, $entityType: String, $from: DateTime, $to: DateTime, $first: Int) {\n    auditLog(actorId: $actorId, action: $action, entityType: $entityType, from: $from, to: $to, first: $first) {\n      edges { node { at action entityType actor { id } } }\n      pageInfo { hasNextPage }\n    }\n  }\n": types.AlAuditDocument,
    "\n  query Viewer { viewer { actor { id role } tenant { slug } } }\n": types.ViewerDocument,
    "query MaskedPrograms { programs { edges { node { id } } } }": types.MaskedProgramsDocument,
    "\n  query CircleEngCircles($id: ID!) {\n    program(id: $id) {\n      circles(first: 10) { edges { node { id status mentor { displayName } members { person { id } place { id version } } } } }\n      attention { kind subjectId subjectName suggestion signals }\n    }\n  }\n": types.CircleEngCirclesDocument,
    "\n  mutation CircleEngLog($input: GroupMeetingInput!, $key: String) { logGroupMeeting(input: $input, idempotencyKey: $key) { id } }\n": types.CircleEngLogDocument,
    "\n  mutation CircleEngEnd($id: ID!, $version: Int!) { changeMentorship(id: $id, version: $version, action: COMPLETE) { status } }\n": types.CircleEngEndDocument,
    "\n  mutation CimProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n": types.CimProgramDocument,
    "\n  mutation CimOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n": types.CimOpenDocument,
    "\n  query CimPreview($programId: ID!, $csv: String!) {\n    previewImport(programId: $programId, csv: $csv) { accepted rejected { line codes reasons } }\n  }\n": types.CimPreviewDocument,
    "\n  mutation CimStart($programId: ID!, $csv: String!) { startImport(programId: $programId, csv: $csv) { id accepted } }\n": types.CimStartDocument,
    "\n  query CimJob($id: ID!) { importJob(id: $id) { status created failed } }\n": types.CimJobDocument,
    "\n  query CimParticipants($id: ID!) {\n    program(id: $id) { participants(first: 20) { edges { node { role circleTopic person { email } } } } }\n  }\n": types.CimParticipantsDocument,
    "\n  mutation CirclePartnerKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }\n": types.CirclePartnerKeyDocument,
    "\n  mutation CirclePartnerHook($input: WebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret } }\n": types.CirclePartnerHookDocument,
    "\n  mutation DxProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n": types.DxProgramDocument,
    "\n  mutation DxOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n": types.DxOpenDocument,
    "\n  mutation DxPerson($input: PersonInput!) { createPerson(input: $input) { id version } }\n": types.DxPersonDocument,
    "\n  mutation DxUpdatePerson($id: ID!, $version: Int!, $input: PersonPatch!) { updatePerson(id: $id, version: $version, input: $input) { version } }\n": types.DxUpdatePersonDocument,
    "\n  mutation DxEnrol($input: EnrolInput!) { enrol(input: $input) { version } }\n": types.DxEnrolDocument,
    "\n  mutation DxLoad($key: EnrolmentKey!, $version: Int!, $input: EnrolmentPatch!) {\n    updateEnrolment(key: $key, version: $version, input: $input) { version }\n  }\n": types.DxLoadDocument,
    "\n  mutation DxStart($input: PairInput!) { startMentorship(input: $input) { id version } }\n": types.DxStartDocument,
    "\n  mutation DxEnd($id: ID!, $version: Int!) { changeMentorship(id: $id, version: $version, action: END_EARLY, reason: \"Moved abroad\") { status } }\n": types.DxEndDocument,
    "\n  mutation DxErase($id: ID!) { erasePerson(id: $id, reason: \"Erasure request\") { pseudonym } }\n": types.DxEraseDocument,
    "\n  mutation DxKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }\n": types.DxKeyDocument,
    "\n  query DxDiscover($programId: ID!, $filter: MentorFilter, $first: Int) {\n    mentorsForMe(programId: $programId, filter: $filter, first: $first) {\n      totalCount\n      edges { node { score availability placesLeft mentor { id } } }\n    }\n  }\n": types.DxDiscoverDocument,
    "\n  mutation HookCreate($input: WebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) { secret subscription { id url events active version } }\n  }\n": types.HookCreateDocument,
    "\n  mutation HookUpdate($id: ID!, $version: Int!, $input: WebhookSubscriptionInput!) {\n    updateWebhookSubscription(id: $id, version: $version, input: $input) { active version }\n  }\n": types.HookUpdateDocument,
    "\n  query HookList {\n    webhookSubscriptions(first: 3) {\n      edges {\n        node {\n          id url events\n          lastDelivery { event status httpStatus error }\n          deliveries(first: 10) { edges { node { event status attempts lastHttpStatus lastError nextAttemptAt } } }\n        }\n      }\n    }\n  }\n": types.HookListDocument,
    "\n  query EngNotifications($filter: NotificationFilter, $first: Int) {\n    notifications(filter: $filter, first: $first) {\n      edges { node { id template status recipientEmail locale subject text attempts channel deferredReason program { name } } }\n      pageInfo { hasNextPage }\n    }\n  }\n": types.EngNotificationsDocument,
    "\n  query EngAttention($id: ID!) {\n    program(id: $id) { engagement { followUpDays quietHoursStart quietHoursEnd weeklyCap managerEmail } attention { kind subjectName suggestion signals } }\n  }\n": types.EngAttentionDocument,
    "\n  mutation EngUpdate($id: ID!, $version: Int!, $input: ProgramInput!) { updateProgram(id: $id, version: $version, input: $input) { version engagement { weeklyCap } } }\n": types.EngUpdateDocument,
    "\n  query EngVersion($id: ID!) { program(id: $id) { version } }\n": types.EngVersionDocument,
    "\n  mutation ExProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n": types.ExProgramDocument,
    "\n  mutation ExOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n": types.ExOpenDocument,
    "\n  mutation ExPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": types.ExPersonDocument,
    "\n  mutation ExEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n": types.ExEnrolDocument,
    "\n  mutation ExRun($programId: ID!, $dryRun: Boolean) {\n    runMatching(programId: $programId, dryRun: $dryRun) {\n      proposals {\n        menteeName\n        explanation { criterion score facts { shared sharedFocusAreas sought matched hoursApart mentee mentor } }\n      }\n    }\n  }\n": types.ExRunDocument,
    "\n  query ExAudit($action: String) { auditLog(action: $action, first: 50) { edges { node { action changes { field after } } } } }\n": types.ExAuditDocument,
    "\n  mutation PreviewProgram($name: String!) { createProgram(input: { name: $name }) { id } }\n": types.PreviewProgramDocument,
    "\n  query PreviewActions($programId: ID!, $csv: String!) {\n    previewImport(programId: $programId, csv: $csv) {\n      accepted\n      actions { create update unchanged identityChanges }\n      changes { line action name currentName identityChange emptyCells changes { field from to } }\n      warnings { line reasons }\n    }\n  }\n": types.PreviewActionsDocument,
    "\n  mutation PreviewStart($programId: ID!, $csv: String!, $identityChanges: [IdentityChoiceInput!]) {\n    startImport(programId: $programId, csv: $csv, identityChanges: $identityChanges) { id accepted }\n  }\n": types.PreviewStartDocument,
    "\n  query PreviewJob($id: ID!) {\n    importJob(id: $id) { status created updated unchanged failed problems { kind line reasons codes } }\n  }\n": types.PreviewJobDocument,
    "\n  query PreviewPeople($search: String) {\n    people(first: 20, filter: { search: $search }) { edges { node { externalId email givenName familyName jobTitle department managerEmail } } }\n  }\n": types.PreviewPeopleDocument,
    "\n  mutation ImportProgram($name: String!) { createProgram(input: { name: $name }) { id } }\n": types.ImportProgramDocument,
    "\n  query ImportPreview($programId: ID!, $csv: String!) {\n    previewImport(programId: $programId, csv: $csv) {\n      delimiter total accepted\n      mapping { field column header }\n      rejected { line externalId reasons }\n      sample { name email roles reasons }\n    }\n  }\n": types.ImportPreviewDocument,
    "\n  query ImPeopleTotal { people(first: 1) { totalCount } }\n": types.ImPeopleTotalDocument,
    "\n  mutation ImportStart($programId: ID!, $csv: String!, $fileName: String) {\n    startImport(programId: $programId, csv: $csv, fileName: $fileName) { id status total accepted rejected }\n  }\n": types.ImportStartDocument,
    "\n  query ImportJobView($id: ID!) {\n    importJob(id: $id) {\n      status total accepted rejected processed created updated unchanged failed progress\n      problems { line externalId reasons }\n    }\n  }\n": types.ImportJobViewDocument,
    "\n  query ImportCounts($id: ID!) {\n    program(id: $id) { counts { mentors mentees } imports { edges { node { fileName status } } } }\n    people(first: 1) { edges { node { id } } }\n  }\n": types.ImportCountsDocument,
    "\n  query ImportExport($id: ID!, $filter: ParticipantFilter) { program(id: $id) { participantsCsv(filter: $filter) } }\n": types.ImportExportDocument,
    "\n  query ImportSearch($search: String!) { people(first: 5, filter: { search: $search }) { edges { node { email } } } }\n": types.ImportSearchDocument,
    "\n  mutation ImportRacePerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": types.ImportRacePersonDocument,
    "\n  query ImportRaceFind($search: String!) { people(first: 5, filter: { search: $search }) { edges { node { id externalId jobTitle } } } }\n": types.ImportRaceFindDocument,
    "\n  query ImportPeopleCsv { peopleCsv(filter: { search: \"van\" }) }\n": types.ImportPeopleCsvDocument,
    "\n  mutation JyProgram($input: ProgramInput!) { createProgram(input: $input) { id version focusAreas } }\n": types.JyProgramDocument,
    "\n  mutation JyOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n": types.JyOpenDocument,
    "\n  mutation JyPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": types.JyPersonDocument,
    "\n  mutation JyEnrol($input: EnrolInput!) { enrol(input: $input) { reasons version } }\n": types.JyEnrolDocument,
    "\n  mutation JyKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }\n": types.JyKeyDocument,
    "\n  query JyDiscover($programId: ID!, $filter: MentorFilter, $first: Int, $after: String) {\n    mentorsForMe(programId: $programId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          score availability placesLeft hoursPerMonth focusAreas awayUntil\n          explanation { criterion score facts { sharedFocusAreas shared } }\n          mentor { id displayName jobTitle email yearsExperience managerEmail enrolments { role } }\n          openRequest { id }\n        }\n      }\n    }\n  }\n": types.JyDiscoverDocument,
    "\n  query JyProfile($id: ID!) { person(id: $id) { displayName bio email } }\n": types.JyProfileDocument,
    "\n  mutation JyRequest($input: RequestInput!, $key: String) {\n    requestMentor(input: $input, idempotencyKey: $key) { id status introduction { focusAreas hoursPerMonth hopedOutcome timeAsked } }\n  }\n": types.JyRequestDocument,
    "\n  query JyMyRequests { me { requests { id status } } }\n": types.JyMyRequestsDocument,
    "\n  query JyReadRequest($id: ID!) {\n    request(id: $id) {\n      status version menteeName\n      introduction { whyThisMentor timeAsked hoursPerMonth hopedOutcome focusAreas }\n      mentee { displayName email }\n      nextSuggestions { mentor { id } }\n    }\n  }\n": types.JyReadRequestDocument,
    "\n  mutation JyAnswer($id: ID!, $version: Int!, $reason: String) {\n    answerRequest(id: $id, version: $version, answer: DECLINE, reason: $reason) { request { status } }\n  }\n": types.JyAnswerDocument,
    "\n  mutation JyLoad($key: EnrolmentKey!, $version: Int!, $input: EnrolmentPatch!) {\n    updateEnrolment(key: $key, version: $version, input: $input) { capacity hoursPerMonth awayUntil acceptsRequests version }\n  }\n": types.JyLoadDocument,
    "\n  mutation JyDryRun($id: ID!) { runMatching(programId: $id, dryRun: true) { counts { mentors } proposals { mentor { id } } } }\n": types.JyDryRunDocument,
    "\n  mutation MtProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n": types.MtProgramDocument,
    "\n  mutation MtOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n": types.MtOpenDocument,
    "\n  mutation MtPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": types.MtPersonDocument,
    "\n  mutation MtEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n": types.MtEnrolDocument,
    "\n  mutation MtRule($programId: ID!, $menteeId: ID!, $mentorId: ID!, $kind: PairRuleKind!) {\n    setPairRule(programId: $programId, menteeId: $menteeId, mentorId: $mentorId, kind: $kind)\n  }\n": types.MtRuleDocument,
    "\n  mutation MtRun($programId: ID!, $dryRun: Boolean) {\n    runMatching(programId: $programId, dryRun: $dryRun) {\n      id dryRun objective\n      timings { readMs scoreMs solveMs writeMs }\n      counts { mentees mentors places proposed pinned unmatched }\n      proposals { id status score mentee { id } mentor { id } explanation { criterion weight score contribution } }\n      unmatched { mentee { id } reason detail fix }\n      fairness { byDepartment { group mentees matched matchRate } }\n      diff { kept added dropped previousRun { id } }\n      certification { certified eligiblePairs keptPairs rounds }\n    }\n  }\n": types.MtRunDocument,
    "\n  query MtState($id: ID!) {\n    program(id: $id) {\n      proposals(first: 100) { edges { node { id status mentee { id } mentor { id } } } }\n      matchingRuns { edges { node { id counts { proposed } } } }\n    }\n  }\n": types.MtStateDocument,
    "\n  mutation MtDecide($id: ID!) { decideProposal(id: $id, version: 1, decision: APPROVE) { status } }\n": types.MtDecideDocument,
    "\n  query MtPersonProposals($id: ID!) { person(id: $id) { proposals { id mentee { id } mentor { id } } } }\n": types.MtPersonProposalsDocument,
    "\n  query MtRunView($id: ID!) { matchingRun(id: $id) { id counts { proposed } proposals { id } unmatched { reason } } }\n": types.MtRunViewDocument,
    "\n  mutation LcProgram($input: ProgramInput!) { createProgram(input: $input) { id version } }\n": types.LcProgramDocument,
    "\n  mutation LcOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n": types.LcOpenDocument,
    "\n  mutation LcPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": types.LcPersonDocument,
    "\n  mutation LcEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n": types.LcEnrolDocument,
    "\n  mutation LcRequest($input: RequestInput!) { requestMentor(input: $input) { id status version expiresAt introduction { whyThisMentor } } }\n": types.LcRequestDocument,
    "\n  mutation LcAnswer($id: ID!, $version: Int!, $answer: RequestAnswer!, $reason: String) {\n    answerRequest(id: $id, version: $version, answer: $answer, reason: $reason) {\n      request { status reason version }\n      mentorship { id status version mentor { id } mentee { id } source { kind } }\n    }\n  }\n": types.LcAnswerDocument,
    "\n  query LcRequestView($id: ID!) { request(id: $id) { status reason } }\n": types.LcRequestViewDocument,
    "\n  query LcRequestExpiry($id: ID!) { request(id: $id) { createdAt expiresAt } }\n": types.LcRequestExpiryDocument,
    "\n  mutation LcPropose($input: PairInput!) { proposePair(input: $input) { id status version } }\n": types.LcProposeDocument,
    "\n  mutation LcDecide($id: ID!, $version: Int!, $decision: ProposalDecision!, $reason: String) {\n    decideProposal(id: $id, version: $version, decision: $decision, reason: $reason) { status version }\n  }\n": types.LcDecideDocument,
    "\n  mutation LcRespond($id: ID!, $version: Int!, $response: ProposalResponse!, $side: ParticipantRole) {\n    respondToProposal(id: $id, version: $version, response: $response, side: $side) {\n      proposal { status version mentorAcceptedAt menteeAcceptedAt }\n      mentorship { id status version }\n    }\n  }\n": types.LcRespondDocument,
    "\n  mutation LcChange($id: ID!, $version: Int!, $action: PairTransition!, $reason: String, $reflection: String) {\n    changeMentorship(id: $id, version: $version, action: $action, reason: $reason, reflection: $reflection) {\n      status version endReason menteeReflection\n    }\n  }\n": types.LcChangeDocument,
    "\n  mutation LcMeeting($input: MeetingInput!) { logMeeting(input: $input) { id kind privateNotes } }\n": types.LcMeetingDocument,
    "\n  mutation LcGoal($mentorshipId: ID!, $goalId: ID, $version: Int, $input: GoalInput!) {\n    saveGoal(mentorshipId: $mentorshipId, goalId: $goalId, version: $version, input: $input) { id title status progress notes { text } version }\n  }\n": types.LcGoalDocument,
    "\n  query LcTenantAnalytics {\n    viewer {\n      tenant {\n        analytics {\n          mentors mentees matchRate medianDaysToMatch activeMentorships paused completed endedEarly meetings\n          meetingsPerPairPerMonth averageCheckInRating averageClosingRating\n          activeByHealth { health count }\n          requests { sent accepted declined expired }\n          outcomes { outcome count }\n        }\n      }\n    }\n  }\n": types.LcTenantAnalyticsDocument,
    "\n  query LcProgramSurveys($id: ID!, $kind: SurveyKind) {\n    program(id: $id) { surveys(kind: $kind, first: 10) { edges { node { kind side rating outcomes mentorship { id } } } } }\n  }\n": types.LcProgramSurveysDocument,
    "\n  mutation LcSurvey($id: ID!, $input: SurveyInput!) { submitSurvey(mentorshipId: $id, input: $input) { kind side rating outcomes } }\n": types.LcSurveyDocument,
    "\n  query LcPair($id: ID!) {\n    mentorship(id: $id) {\n      status version health { status nextContactDue }\n      meetings { privateNotes topics }\n      goals { title }\n      surveys { kind rating }\n    }\n  }\n": types.LcPairDocument,
    "\n  query LcPairs($id: ID!, $health: Health, $status: MentorshipStatus) {\n    program(id: $id) { mentorships(health: $health, status: $status, first: 100) { edges { node { id status health { status } meetingCount startedAt } } } }\n  }\n": types.LcPairsDocument,
    "\n  query LcAnalytics($id: ID!) {\n    program(id: $id) {\n      analytics {\n        mentors mentees matchRate medianDaysToMatch activeMentorships paused completed endedEarly meetings\n        meetingsPerPairPerMonth averageCheckInRating averageClosingRating\n        activeByHealth { health count }\n        requests { sent accepted declined expired }\n        outcomes { outcome count }\n      }\n      participants(first: 100) { edges { node { role status enrolledAt person { id mentorships { id startedAt } } } } }\n    }\n  }\n": types.LcAnalyticsDocument,
    "\n  mutation SendersErase($id: ID!, $reason: String!) { erasePerson(id: $id, reason: $reason) { pseudonym } }\n": types.SendersEraseDocument,
    "\n  mutation PairImportProgram($name: String!) { createProgram(input: { name: $name }) { id version } }\n": types.PairImportProgramDocument,
    "\n  mutation PairImportOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n": types.PairImportOpenDocument,
    "\n  mutation PairImportPeople($programId: ID!, $csv: String!) { startImport(programId: $programId, csv: $csv) { id } }\n": types.PairImportPeopleDocument,
    "\n  query PairImportPreview($programId: ID!, $csv: String!) {\n    previewPairImport(programId: $programId, csv: $csv) {\n      total accepted alreadyImported columns\n      rejected { kind line name codes reasons }\n      sample { line mentor mentee startedOn plannedEndOn goals meetings lastMeetingOn }\n    }\n  }\n": types.PairImportPreviewDocument,
    "\n  mutation PairImportStart($programId: ID!, $csv: String!, $fileName: String) {\n    startPairImport(programId: $programId, csv: $csv, fileName: $fileName) { id kind status total accepted rejected }\n  }\n": types.PairImportStartDocument,
    "\n  query PairImportJob($id: ID!) {\n    importJob(id: $id) {\n      kind status total accepted rejected processed created updated unchanged failed progress\n      problems { kind line codes reasons }\n    }\n  }\n": types.PairImportJobDocument,
    "\n  query PairImportPairs($id: ID!) {\n    program(id: $id) {\n      analytics { activeMentorships meetings activeByHealth { health count } }\n      mentorships(first: 50) {\n        edges {\n          node {\n            startedAt plannedEndOn meetingCount status\n            source { kind id }\n            mentor { externalId } mentee { externalId }\n            health { status lastContactAt }\n            goals { title status }\n            meetings { heldAt }\n          }\n        }\n      }\n    }\n  }\n": types.PairImportPairsDocument,
    "\n  query PairImportAudit { auditLog(first: 100) { edges { node { action entityType } } } }\n": types.PairImportAuditDocument,
    "\n  mutation ClientIssueKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }\n": types.ClientIssueKeyDocument,
    "\n  mutation PeopleCreateProgram($input: ProgramInput!) { createProgram(input: $input) { id version } }\n": types.PeopleCreateProgramDocument,
    "\n  mutation CreatePerson($input: PersonInput!, $key: String) {\n    createPerson(input: $input, idempotencyKey: $key) { id email displayName languages timeZone version }\n  }\n": types.CreatePersonDocument,
    "\n  mutation UpdatePerson($id: ID!, $version: Int!, $input: PersonPatch!) {\n    updatePerson(id: $id, version: $version, input: $input) { id email department version }\n  }\n": types.UpdatePersonDocument,
    "\n  query PersonView($id: ID!) {\n    person(id: $id) { id displayName email managerEmail yearsExperience department enrolments { role status program { id } } }\n  }\n": types.PersonViewDocument,
    "\n  query PeopleList($filter: PeopleFilter, $sort: PeopleSort, $first: Int, $after: String) {\n    people(filter: $filter, sort: $sort, first: $first, after: $after) {\n      edges { node { displayName } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.PeopleListDocument,
    "\n  mutation Enrol($input: EnrolInput!) { enrol(input: $input) { role status reasons capacity version displayName } }\n": types.EnrolDocument,
    "\n  mutation Withdraw($key: EnrolmentKey!, $version: Int!, $reason: String!) {\n    withdraw(key: $key, version: $version, reason: $reason) { status withdrawnReason version }\n  }\n": types.WithdrawDocument,
    "\n  mutation UpdateEnrolment($key: EnrolmentKey!, $version: Int!, $input: EnrolmentPatch!) {\n    updateEnrolment(key: $key, version: $version, input: $input) { reasons hoursPerMonth shortlist { displayName } version }\n  }\n": types.UpdateEnrolmentDocument,
    "\n  mutation EnrolOnce($input: EnrolInput!, $key: String) { enrol(input: $input, idempotencyKey: $key) { role version } }\n": types.EnrolOnceDocument,
    "\n  query Participants($id: ID!, $filter: ParticipantFilter, $sort: PeopleSort, $first: Int) {\n    program(id: $id) {\n      counts { mentors mentees withdrawn }\n      participants(filter: $filter, sort: $sort, first: $first) {\n        edges { node { displayName role status department person { email jobTitle languages } } }\n        pageInfo { hasNextPage }\n      }\n    }\n  }\n": types.ParticipantsDocument,
    "\n  query Audit($entityId: ID, $first: Int) {\n    auditLog(entityId: $entityId, first: $first) {\n      edges { node { action entityType entityId actor { id role } changes { field before after } } }\n    }\n  }\n": types.AuditDocument,
    "\n  mutation PrivacyProgram { createProgram(input: { name: \"Privacy\" }) { id } }\n": types.PrivacyProgramDocument,
    "\n  mutation PrivacyOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n": types.PrivacyOpenDocument,
    "\n  mutation PrivacyPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": types.PrivacyPersonDocument,
    "\n  mutation PrivacyEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n": types.PrivacyEnrolDocument,
    "\n  query PrivacyExport($id: ID!) { personalData(personId: $id) }\n": types.PrivacyExportDocument,
    "\n  mutation PrivacyErase($id: ID!, $reason: String!) {\n    erasePerson(id: $id, reason: $reason) { personId pseudonym enrolments mentorships meetings auditEntries }\n  }\n": types.PrivacyEraseDocument,
    "\n  query PrivacyAfter($id: ID!, $program: ID!, $person: ID!) {\n    program(id: $program) {\n      counts { mentors mentees }\n      participants(first: 50) { edges { node { displayName person { id } } } }\n      mentorships(first: 10) { edges { node { menteeName mentorName mentee { id } meetings { topics } } } }\n    }\n    auditLog(entityId: $person, first: 50) { edges { node { action changes { field before after } } } }\n    people(filter: { search: \"erase.me\" }) { edges { node { id } } }\n    program2: program(id: $id) { id }\n  }\n": types.PrivacyAfterDocument,
    "\n  query PrivacyPersonRead($id: ID!) { person(id: $id) { id } }\n": types.PrivacyPersonReadDocument,
    "\n  mutation PkiProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n": types.PkiProgramDocument,
    "\n  mutation PkiOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n": types.PkiOpenDocument,
    "\n  query PkiPreview($programId: ID!, $csv: String!) {\n    previewImport(programId: $programId, csv: $csv) { accepted rejected { line codes reasons } sample { line roles } }\n  }\n": types.PkiPreviewDocument,
    "\n  mutation PkiStart($programId: ID!, $csv: String!) { startImport(programId: $programId, csv: $csv) { id accepted } }\n": types.PkiStartDocument,
    "\n  query PkiJob($id: ID!) { importJob(id: $id) { status created failed } }\n": types.PkiJobDocument,
    "\n  query PkiParticipants($id: ID!) {\n    program(id: $id) { participants(first: 20) { edges { node { role capacity person { id email } } } } }\n  }\n": types.PkiParticipantsDocument,
    "\n  mutation PkiRule($programId: ID!, $menteeId: ID!, $mentorId: ID!, $kind: PairRuleKind!) {\n    setPairRule(programId: $programId, menteeId: $menteeId, mentorId: $mentorId, kind: $kind)\n  }\n": types.PkiRuleDocument,
    "\n  mutation PkiRun($programId: ID!) {\n    runMatching(programId: $programId) {\n      counts { proposed pinned }\n      proposals {\n        mentor { id } mentee { id } score\n        explanation { criterion score ways { seeker { id } score facts { shared } } }\n      }\n    }\n  }\n": types.PkiRunDocument,
    "\n  mutation PkdProgram($input: ProgramInput!) {\n    createProgram(input: $input) { id kind roleNames { mentor mentee } matching { weights { criterion weight } } }\n  }\n": types.PkdProgramDocument,
    "\n  mutation PkdUpdate($id: ID!, $version: Int!, $input: ProgramInput!) { updateProgram(id: $id, version: $version, input: $input) { kind } }\n": types.PkdUpdateDocument,
    "\n  mutation PkdOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status version } }\n": types.PkdOpenDocument,
    "\n  mutation PkdPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": types.PkdPersonDocument,
    "\n  mutation PkdEnrol($input: EnrolInput!) { enrol(input: $input) { role capacity } }\n": types.PkdEnrolDocument,
    "\n  mutation PkdRun($programId: ID!) {\n    runMatching(programId: $programId) {\n      counts { mentees proposed unmatched }\n      proposals { id version status score mentee { id } mentor { id } explanation { criterion score contribution } }\n      unmatched { mentee { id } reason }\n      certification { certified eligiblePairs }\n    }\n  }\n": types.PkdRunDocument,
    "\n  mutation PkdDecide($id: ID!, $version: Int!) { decideProposal(id: $id, version: $version, decision: APPROVE) { status version } }\n": types.PkdDecideDocument,
    "\n  mutation PkdRespond($id: ID!, $version: Int!, $side: ParticipantRole) {\n    respondToProposal(id: $id, version: $version, response: ACCEPT, side: $side) {\n      proposal { status version }\n      mentorship { id status mentor { id } mentee { id } }\n    }\n  }\n": types.PkdRespondDocument,
    "\n  query PkdRead($id: ID!) { program(id: $id) { kind roleNames { mentor mentee } counts { activeMentorships } } }\n": types.PkdReadDocument,
    "\n  mutation PkdGroupRun($programId: ID!) {\n    runMatching(programId: $programId) {\n      counts { mentees proposed unmatched }\n      proposals { id version mentee { id } mentor { id } explanation { criterion score } }\n      unmatched { mentee { id } reason }\n      certification { certified circles { method objective bound closed { id } unconstrained } }\n    }\n  }\n": types.PkdGroupRunDocument,
    "\n  query PkdCircles($id: ID!) {\n    program(id: $id) { circleSize { minimum maximum } circles(first: 10) { edges { node { id status topic mentor { id } members { person { id } } } } } }\n  }\n": types.PkdCirclesDocument,
    "\n  mutation PkdLogGroup($input: GroupMeetingInput!) {\n    logGroupMeeting(input: $input) { id attendees { person { id } } privateNotes }\n  }\n": types.PkdLogGroupDocument,
    "\n  query PkdCircle($id: ID!) {\n    circle(id: $id) {\n      status meetingCount health { status lastContactAt }\n      members {\n        displayName attended lastAttendedAt health { status }\n        person { id displayName email enrolments { reasons circleTopic } }\n        place { id }\n      }\n      meetings { heldAt privateNotes attendees { displayName } }\n      surveys { rating }\n    }\n  }\n": types.PkdCircleDocument,
    "\n  mutation PkdSurvey($id: ID!) { submitSurvey(mentorshipId: $id, input: { kind: CHECK_IN, rating: 4 }) { id } }\n": types.PkdSurveyDocument,
    "query PkdProposals($id: ID!) { program(id: $id) { proposals(first: 20) { edges { node { id version status } } } } }": types.PkdProposalsDocument,
    "query PkdGroupProposals($id: ID!) { program(id: $id) { proposals(first: 20) { edges { node { id version mentee { id } } } } } }": types.PkdGroupProposalsDocument,
    "\n  mutation CreateProgram($input: ProgramInput!) {\n    createProgram(input: $input) {\n      id\n      name\n      status\n      version\n      focusAreas\n      cadence { expectedEveryDays overdueAfterDays }\n      matching { weights { criterion weight } approvalMode minimumScore }\n      counts { mentors mentees activeMentorships }\n    }\n  }\n": types.CreateProgramDocument,
    "\n  mutation UpdateProgram($id: ID!, $version: Int!, $input: ProgramInput!) {\n    updateProgram(id: $id, version: $version, input: $input) { id name version durationMonths }\n  }\n": types.UpdateProgramDocument,
    "\n  mutation ChangeStatus($id: ID!, $version: Int!, $status: ProgramStatus!) {\n    changeProgramStatus(id: $id, version: $version, status: $status) { id status version }\n  }\n": types.ChangeStatusDocument,
    "\n  query Program($id: ID!) { program(id: $id) { id name version } }\n": types.ProgramDocument,
    "\n  query Programs($first: Int, $after: String) {\n    programs(first: $first, after: $after) {\n      edges { cursor node { id name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ProgramsDocument,
    "\n  query MyTenant {\n    viewer {\n      actor { role }\n      tenant { slug name settings { timeZone locale } programs(first: 50) { edges { node { name status } } } }\n    }\n  }\n": types.MyTenantDocument,
    "\n  mutation RetentionProgram($name: String!) { createProgram(input: { name: $name, focusAreas: [\"JOB_SKILLS\", \"GOAL_SETTING\"] }) { id } }\n": types.RetentionProgramDocument,
    "\n  query RetentionPreview($programId: ID!, $csv: String!) {\n    previewImport(programId: $programId, csv: $csv) {\n      total accepted\n      mapping { field header }\n      rejected { line reasons }\n    }\n  }\n": types.RetentionPreviewDocument,
    "\n  mutation RetentionImport($programId: ID!, $csv: String!) { startImport(programId: $programId, csv: $csv) { id } }\n": types.RetentionImportDocument,
    "\n  query RetentionImportJob($id: ID!) { importJob(id: $id) { status accepted rejected created failed problems { line reasons } } }\n": types.RetentionImportJobDocument,
    "\n  query RetentionCounts($id: ID!) { program(id: $id) { counts { mentors mentees } } }\n": types.RetentionCountsDocument,
    "\n  mutation RetentionRunJob($tenant: String!) { runJob(job: RETENTION, tenant: $tenant) { status summary } }\n": types.RetentionRunJobDocument,
    "\n  query RetentionInsights($programId: ID, $exits: ExitScope) {\n    retentionInsights(programId: $programId, exits: $exits) {\n      computedAt asOf exits minimumGroupSize employees\n      groups { group n suppressed exits promotions retention12 { estimate low high } curve { month atRisk survival low high } }\n      difference12 { estimate low high }\n      matching { strata matchedMentees unmatchedMentees pool }\n      exitReasons { leavers suppressed unmapped windowStart windowEnd reasons { code label count share focusAreas } }\n      focus { focusArea leaverShare menteeShare inProgram }\n      suggestion { exitReason label leaverShare focusAreas menteeShare offered }\n      csv\n    }\n  }\n": types.RetentionInsightsDocument,
    "\n  mutation RetentionRefresh($programId: ID) {\n    refreshRetentionInsights(programId: $programId) {\n      computedAt\n      exitReasons { leavers unmapped reasons { code count } }\n    }\n  }\n": types.RetentionRefreshDocument,
    "\n  mutation RetentionRecord($personId: ID!, $input: EmploymentInput!) {\n    recordEmployment(personId: $personId, input: $input) { hireDate leaveDate leaveType exitReasonsRecorded }\n  }\n": types.RetentionRecordDocument,
    "\n  query RetentionPeople($search: String) {\n    people(first: 100, filter: { search: $search }) { edges { node { id email employment { hireDate leaveDate leaveType level jobChanges { on kind } exitReasonsRecorded } } } }\n  }\n": types.RetentionPeopleDocument,
    "\n  query RetentionTaxonomy { exitReasonTaxonomy { version rules { keyword code } reasons { code labelNl focusAreas } } }\n": types.RetentionTaxonomyDocument,
    "\n  mutation RetentionCreateKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }\n": types.RetentionCreateKeyDocument,
    "\n  query RetentionAnalyst($programId: ID) {\n    viewer { actor { role } }\n    retentionInsights(programId: $programId) { employees groups { group n } exitReasons { leavers reasons { code count } } csv }\n    exitReasonTaxonomy { version }\n  }\n": types.RetentionAnalystDocument,
    "\n  query RetentionAnalystPrograms { programs { edges { node { name } } } }\n": types.RetentionAnalystProgramsDocument,
    "\n  query RetentionAnalystPerson($id: ID!) { node(id: $id) { ... on Person { displayName } } }\n": types.RetentionAnalystPersonDocument,
    "\n  query RetentionAnalystMe { me { displayName } }\n": types.RetentionAnalystMeDocument,
    "\n  mutation RetentionAnalystRefresh { refreshRetentionInsights { computedAt } }\n": types.RetentionAnalystRefreshDocument,
    "\n  mutation RetentionUpdateTaxonomy($version: Int!, $input: ExitReasonTaxonomyInput!) {\n    updateExitReasonTaxonomy(version: $version, input: $input) { version rules { keyword code } }\n  }\n": types.RetentionUpdateTaxonomyDocument,
    "\n  mutation RtCreateProgram($name: String!) { createProgram(input: { name: $name }) { id } }\n": types.RtCreateProgramDocument,
    "\n  mutation RtCreatePerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": types.RtCreatePersonDocument,
    "\n  mutation RtOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n": types.RtOpenDocument,
    "\n  mutation RtEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n": types.RtEnrolDocument,
    "\n  query RtPrograms($first: Int) { programs(first: $first) { edges { node { name counts { mentors mentees activeMentorships } } } } }\n": types.RtProgramsDocument,
    "\n  query RtParticipants($id: ID!, $first: Int) {\n    program(id: $id) {\n      participants(first: $first) { edges { node { role status person { email jobTitle languages enrolments { role program { name } } } } } }\n    }\n  }\n": types.RtParticipantsDocument,
    "\n  query RtPeople($first: Int) { people(first: $first) { edges { node { displayName enrolments { role status program { name } } } } } }\n": types.RtPeopleDocument,
    "\n  query RtPairs($id: ID!, $first: Int) {\n    program(id: $id) {\n      mentorships(first: $first) { edges { node { mentor { displayName } mentee { displayName } program { name } health { status } } } }\n    }\n  }\n": types.RtPairsDocument,
    "\n  mutation SearchProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n": types.SearchProgramDocument,
    "\n  mutation SearchPerson($input: PersonInput!) { createPerson(input: $input) { id version } }\n": types.SearchPersonDocument,
    "\n  mutation SearchRename($id: ID!, $version: Int!, $input: PersonPatch!) { updatePerson(id: $id, version: $version, input: $input) { id } }\n": types.SearchRenameDocument,
    "\n  mutation SearchEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n": types.SearchEnrolDocument,
    "\n  query SearchPeople($filter: PeopleFilter, $first: Int, $after: String) {\n    people(filter: $filter, first: $first, after: $after) {\n      edges { node { displayName email externalId } }\n      pageInfo { hasNextPage endCursor }\n      totalCount\n    }\n  }\n": types.SearchPeopleDocument,
    "\n  query SearchParticipants($id: ID!, $filter: ParticipantFilter, $first: Int) {\n    program(id: $id) { participants(filter: $filter, first: $first) { edges { node { displayName role } } } }\n  }\n": types.SearchParticipantsDocument,
    "\n  mutation TenancyCreate($input: CreateTenantInput!) { createTenant(input: $input) { slug name settings { timeZone locale retentionMonths } version } }\n": types.TenancyCreateDocument,
    "\n  mutation TenancyCreateOnce($input: CreateTenantInput!, $key: String) { createTenant(input: $input, idempotencyKey: $key) { slug } }\n": types.TenancyCreateOnceDocument,
    "\n  mutation TenancyUpdate($version: Int!, $input: TenantPatch!) { updateTenant(version: $version, input: $input) { name settings { locale timeZone } version } }\n": types.TenancyUpdateDocument,
    "\n  query TenancyList { tenants { items { slug } } }\n": types.TenancyListDocument,
    "\n  query TenancyMine { viewer { tenant { name settings { locale } } } }\n": types.TenancyMineDocument,
    "\n  mutation TotalsProgram($input: ProgramInput!) { createProgram(input: $input) { id version } }\n": types.TotalsProgramDocument,
    "\n  mutation TotalsOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n": types.TotalsOpenDocument,
    "\n  mutation TotalsPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": types.TotalsPersonDocument,
    "\n  mutation TotalsEnrol($input: EnrolInput!) { enrol(input: $input) { version } }\n": types.TotalsEnrolDocument,
    "\n  mutation TotalsWithdraw($key: EnrolmentKey!, $version: Int!) { withdraw(key: $key, version: $version, reason: \"moved on\") { status } }\n": types.TotalsWithdrawDocument,
    "\n  mutation TotalsStart($input: PairInput!) { startMentorship(input: $input) { id } }\n": types.TotalsStartDocument,
    "\n  mutation TotalsPropose($input: PairInput!) { proposePair(input: $input) { id } }\n": types.TotalsProposeDocument,
    "\n  mutation TotalsErase($id: ID!) { erasePerson(id: $id, reason: \"asked to be forgotten\") { pseudonym } }\n": types.TotalsEraseDocument,
    "\n  query TotalsPeople { people(first: 1) { totalCount } }\n": types.TotalsPeopleDocument,
    "\n  query Totals($id: ID!, $search: String) {\n    people(first: 1) { totalCount }\n    searched: people(first: 1, filter: { search: $search }) { totalCount edges { node { id } } }\n    programs(first: 1) { totalCount }\n    auditLog(first: 1) { totalCount edges { node { id } } }\n    notifications(first: 1) { totalCount }\n    webhookSubscriptions(first: 1) { totalCount }\n    program(id: $id) {\n      participants(first: 1) { totalCount }\n      mentors: participants(first: 1, filter: { role: MENTOR }) { totalCount }\n      mentees: participants(first: 1, filter: { role: MENTEE }) { totalCount }\n      withdrawn: participants(first: 1, filter: { status: WITHDRAWN }) { totalCount }\n      mentorships(first: 1) { totalCount }\n      active: mentorships(first: 1, status: ACTIVE) { totalCount }\n      onTrack: mentorships(first: 5, health: ON_TRACK) { totalCount edges { node { id } } }\n      completed: mentorships(first: 1, status: COMPLETED) { totalCount }\n      proposals(first: 1) { totalCount }\n      proposed: proposals(first: 1, status: PROPOSED) { totalCount }\n      approved: proposals(first: 1, status: APPROVED) { totalCount }\n      requests(first: 1) { totalCount }\n      surveys(first: 1) { totalCount }\n      matchingRuns(first: 1) { totalCount }\n      imports(first: 1) { totalCount }\n    }\n  }\n": types.TotalsDocument,
    "\n  mutation WhCreate($input: WebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) { secret subscription { id version } }\n  }\n": types.WhCreateDocument,
    "\n  mutation WhDelete($id: ID!, $version: Int!) { deleteWebhookSubscription(id: $id, version: $version) }\n": types.WhDeleteDocument,
    "\n  query WhList { webhookSubscriptions(first: 20) { edges { node { id } } } }\n": types.WhListDocument,
    "\n  query WhDeliveries($id: ID!, $first: Int, $after: String, $filter: WebhookDeliveryFilter) {\n    webhookSubscription(id: $id) {\n      lastDelivery { status httpStatus error }\n      previousSecretExpiresAt\n      deliveries(first: $first, after: $after, filter: $filter) {\n        edges { node { id eventId event status attempts lastHttpStatus lastError lastAttemptAt nextAttemptAt } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.WhDeliveriesDocument,
    "\n  mutation WhPing($id: ID!) { pingWebhook(id: $id) { id eventId event status attempts lastHttpStatus lastError } }\n": types.WhPingDocument,
    "\n  mutation WhRedeliver($id: ID!) { redeliverWebhookDelivery(id: $id) { status attempts lastHttpStatus } }\n": types.WhRedeliverDocument,
    "\n  mutation WhRotate($id: ID!, $version: Int!, $overlapHours: Int) {\n    rotateWebhookSecret(id: $id, version: $version, overlapHours: $overlapHours) { secret subscription { version previousSecretExpiresAt } }\n  }\n": types.WhRotateDocument,
    "\n  query LimitsPrograms { programs { edges { node { id } } } }\n": types.LimitsProgramsDocument,
    "\n  mutation PkProgram($input: ProgramInput!) { createProgram(input: $input) { id version } }\n": types.PkProgramDocument,
    "\n  mutation PkOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n": types.PkOpenDocument,
    "\n  mutation PkPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": types.PkPersonDocument,
    "\n  mutation PkEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n": types.PkEnrolDocument,
    "\n  mutation PkStart($input: PairInput!) { startMentorship(input: $input) { id } }\n": types.PkStartDocument,
    "\n  mutation PkCreateKey($input: ApiKeyInput!) {\n    createApiKey(input: $input) { secret key { id name hint scopes status version lastUsedAt program { name } rateLimit { perMinute burst } } }\n  }\n": types.PkCreateKeyDocument,
    "\n  query PkKeys { apiKeys { items { id hint status lastUsedAt expiresAt revokedAt replacedBy version } } }\n": types.PkKeysDocument,
    "\n  mutation PkRevoke($id: ID!, $version: Int!) { revokeApiKey(id: $id, version: $version) { status revokedAt version } }\n": types.PkRevokeDocument,
    "\n  mutation PkRotate($id: ID!, $version: Int!, $hours: Int) {\n    rotateApiKey(id: $id, version: $version, overlapHours: $hours) { secret key { id status } }\n  }\n": types.PkRotateDocument,
    "\n  query PkMe { viewer { actor { id role } } me { displayName mentorships { id program { name } } } }\n": types.PkMeDocument,
    "\n  query PkViewer { viewer { actor { role } } }\n": types.PkViewerDocument,
    "\n  query PkPrograms { programs { edges { node { id name } } } }\n": types.PkProgramsDocument,
    "\n  query PkTenantPrograms { viewer { tenant { programs { edges { node { name } } } } } }\n": types.PkTenantProgramsDocument,
    "\n  query PkOneProgram($id: ID!) { program(id: $id) { name } }\n": types.PkOneProgramDocument,
    "\n  mutation PkMeeting($input: MeetingInput!) { logMeeting(input: $input) { heldAt } }\n": types.PkMeetingDocument,
    "\n  mutation PkRequest($input: RequestInput!) { requestMentor(input: $input) { id } }\n": types.PkRequestDocument,
    "\n  query PkPersonNode($id: ID!) { node(id: $id) { ... on Person { displayName } } }\n": types.PkPersonNodeDocument,
    "\n  query PkNode($id: ID!) { node(id: $id) { ... on Mentorship { id } } }\n": types.PkNodeDocument,
    "\n  query RlViewer { viewer { actor { role } } }\n": types.RlViewerDocument,
    "\n  mutation RlPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": types.RlPersonDocument,
    "\n  mutation SrProgram($input: ProgramInput!) { createProgram(input: $input) { id version privacy { sensitiveFocusAreas managersSeeSensitiveReasons } } }\n": types.SrProgramDocument,
    "\n  mutation SrUpdate($id: ID!, $version: Int!, $input: ProgramInput!) {\n    updateProgram(id: $id, version: $version, input: $input) { version privacy { managersSeeSensitiveReasons } }\n  }\n": types.SrUpdateDocument,
    "\n  mutation SrOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { version } }\n": types.SrOpenDocument,
    "\n  mutation SrPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": types.SrPersonDocument,
    "\n  mutation SrEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n": types.SrEnrolDocument,
    "\n  mutation SrRequest($input: RequestInput!) { requestMentor(input: $input) { id } }\n": types.SrRequestDocument,
    "\n  query SrManagerView($id: ID!, $request: ID!) {\n    program(id: $id) {\n      participants(first: 10) { edges { node { role reasons } } }\n      participantsCsv\n    }\n    request(id: $request) { introduction { focusAreas } }\n  }\n": types.SrManagerViewDocument,
    "\n  query SrOwnView($request: ID!) { me { enrolments { reasons } } request(id: $request) { introduction { focusAreas } } }\n": types.SrOwnViewDocument,
    "\n  mutation SrAccept($id: ID!) { answerRequest(id: $id, version: 1, answer: ACCEPT) { mentorship { id } } }\n": types.SrAcceptDocument,
    "\n  mutation SrNote($input: MeetingInput!) { logMeeting(input: $input) { id } }\n": types.SrNoteDocument,
    "\n  mutation SrReasons($key: EnrolmentKey!, $reasons: [String!]!) { updateEnrolment(key: $key, version: 1, input: { reasons: $reasons }) { version } }\n": types.SrReasonsDocument,
    "\n  query SrExport($id: ID!) { personalData(personId: $id) }\n": types.SrExportDocument,
    "\n  query SrAudit($entity: ID) { auditLog(entityId: $entity, first: 50) { edges { node { action actor { role } changes { field before after } } } } }\n": types.SrAuditDocument,
    "\n  mutation SupportCreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      id\n      slug\n    }\n  }\n": types.SupportCreateTenantDocument,
    "\n  mutation EngProgram($input: ProgramInput!) { createProgram(input: $input) { id version engagement { followUpDays weeklyCap } } }\n": types.EngProgramDocument,
    "\n  mutation EngOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n": types.EngOpenDocument,
    "\n  mutation EngPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n": types.EngPersonDocument,
    "\n  mutation EngEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n": types.EngEnrolDocument,
    "\n  mutation EngStart($input: PairInput!) { startMentorship(input: $input) { id version } }\n": types.EngStartDocument,
    "\n  mutation EngRequest($input: RequestInput!) { requestMentor(input: $input) { id status version } }\n": types.EngRequestDocument,
    "\n  mutation EngMeeting($input: MeetingInput!) { logMeeting(input: $input) { id } }\n": types.EngMeetingDocument,
    "\n  mutation EngPropose($input: PairInput!) { proposePair(input: $input) { id status version } }\n": types.EngProposeDocument,
    "\n  mutation EngDecide($id: ID!, $version: Int!) { decideProposal(id: $id, version: $version, decision: APPROVE) { status version } }\n": types.EngDecideDocument,
    "\n  mutation EngRespond($id: ID!, $version: Int!, $side: ParticipantRole) {\n    respondToProposal(id: $id, version: $version, response: ACCEPT, side: $side) { proposal { status version } }\n  }\n": types.EngRespondDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StartMyTenant {\n    viewer { tenant { name programs { edges { node { id name status kind counts { mentors mentees activeMentorships } } } } } }\n  }\n"): (typeof documents)["\n  query StartMyTenant {\n    viewer { tenant { name programs { edges { node { id name status kind counts { mentors mentees activeMentorships } } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StartPairs($id: ID!) {\n    program(id: $id) { mentorships(first: 100) { edges { node { meetingCount health { status } } } } }\n  }\n"): (typeof documents)["\n  query StartPairs($id: ID!) {\n    program(id: $id) { mentorships(first: 100) { edges { node { meetingCount health { status } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StartFigures($id: ID!) {\n    program(id: $id) {\n      analytics { matchRate medianDaysToMatch completed averageClosingRating activeByHealth { health count } requests { sent } outcomes { outcome count } }\n      proposals(status: APPROVED) { edges { node { mentorAcceptedAt menteeAcceptedAt } } }\n    }\n  }\n"): (typeof documents)["\n  query StartFigures($id: ID!) {\n    program(id: $id) {\n      analytics { matchRate medianDaysToMatch completed averageClosingRating activeByHealth { health count } requests { sent } outcomes { outcome count } }\n      proposals(status: APPROVED) { edges { node { mentorAcceptedAt menteeAcceptedAt } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StartWho { viewer { actor { role } tenant { slug } } }\n"): (typeof documents)["\n  query StartWho { viewer { actor { role } tenant { slug } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartCreate($name: String!) { createProgram(input: { name: $name }) { id } }\n"): (typeof documents)["\n  mutation StartCreate($name: String!) { createProgram(input: { name: $name }) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StartName($id: ID!) { program(id: $id) { name } }\n"): (typeof documents)["\n  query StartName($id: ID!) { program(id: $id) { name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LinkRequests($id: ID!) { program(id: $id) { requests(first: 10) { edges { node { id status reason } } } } }\n"): (typeof documents)["\n  query LinkRequests($id: ID!) { program(id: $id) { requests(first: 10) { edges { node { id status reason } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LinkPair($id: ID!) { mentorship(id: $id) { status meetingCount meetings { heldAt topics mode } } }\n"): (typeof documents)["\n  query LinkPair($id: ID!) { mentorship(id: $id) { status meetingCount meetings { heldAt topics mode } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AlProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n"): (typeof documents)["\n  mutation AlProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AlOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n"): (typeof documents)["\n  mutation AlOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlAudit($actorId: String, $action: String, $entityType: String, $from: DateTime, $to: DateTime, $first: Int) {\n    auditLog(actorId: $actorId, action: $action, entityType: $entityType, from: $from, to: $to, first: $first) {\n      edges { node { at action entityType actor { id } } }\n      pageInfo { hasNextPage }\n    }\n  }\n"): (typeof documents)["\n  query AlAudit($actorId: String, $action: String, $entityType: String, $from: DateTime, $to: DateTime, $first: Int) {\n    auditLog(actorId: $actorId, action: $action, entityType: $entityType, from: $from, to: $to, first: $first) {\n      edges { node { at action entityType actor { id } } }\n      pageInfo { hasNextPage }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer { viewer { actor { id role } tenant { slug } } }\n"): (typeof documents)["\n  query Viewer { viewer { actor { id role } tenant { slug } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MaskedPrograms { programs { edges { node { id } } } }"): (typeof documents)["query MaskedPrograms { programs { edges { node { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CircleEngCircles($id: ID!) {\n    program(id: $id) {\n      circles(first: 10) { edges { node { id status mentor { displayName } members { person { id } place { id version } } } } }\n      attention { kind subjectId subjectName suggestion signals }\n    }\n  }\n"): (typeof documents)["\n  query CircleEngCircles($id: ID!) {\n    program(id: $id) {\n      circles(first: 10) { edges { node { id status mentor { displayName } members { person { id } place { id version } } } } }\n      attention { kind subjectId subjectName suggestion signals }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CircleEngLog($input: GroupMeetingInput!, $key: String) { logGroupMeeting(input: $input, idempotencyKey: $key) { id } }\n"): (typeof documents)["\n  mutation CircleEngLog($input: GroupMeetingInput!, $key: String) { logGroupMeeting(input: $input, idempotencyKey: $key) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CircleEngEnd($id: ID!, $version: Int!) { changeMentorship(id: $id, version: $version, action: COMPLETE) { status } }\n"): (typeof documents)["\n  mutation CircleEngEnd($id: ID!, $version: Int!) { changeMentorship(id: $id, version: $version, action: COMPLETE) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CimProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n"): (typeof documents)["\n  mutation CimProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CimOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n"): (typeof documents)["\n  mutation CimOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CimPreview($programId: ID!, $csv: String!) {\n    previewImport(programId: $programId, csv: $csv) { accepted rejected { line codes reasons } }\n  }\n"): (typeof documents)["\n  query CimPreview($programId: ID!, $csv: String!) {\n    previewImport(programId: $programId, csv: $csv) { accepted rejected { line codes reasons } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CimStart($programId: ID!, $csv: String!) { startImport(programId: $programId, csv: $csv) { id accepted } }\n"): (typeof documents)["\n  mutation CimStart($programId: ID!, $csv: String!) { startImport(programId: $programId, csv: $csv) { id accepted } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CimJob($id: ID!) { importJob(id: $id) { status created failed } }\n"): (typeof documents)["\n  query CimJob($id: ID!) { importJob(id: $id) { status created failed } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CimParticipants($id: ID!) {\n    program(id: $id) { participants(first: 20) { edges { node { role circleTopic person { email } } } } }\n  }\n"): (typeof documents)["\n  query CimParticipants($id: ID!) {\n    program(id: $id) { participants(first: 20) { edges { node { role circleTopic person { email } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CirclePartnerKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }\n"): (typeof documents)["\n  mutation CirclePartnerKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CirclePartnerHook($input: WebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret } }\n"): (typeof documents)["\n  mutation CirclePartnerHook($input: WebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DxProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n"): (typeof documents)["\n  mutation DxProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DxOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n"): (typeof documents)["\n  mutation DxOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DxPerson($input: PersonInput!) { createPerson(input: $input) { id version } }\n"): (typeof documents)["\n  mutation DxPerson($input: PersonInput!) { createPerson(input: $input) { id version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DxUpdatePerson($id: ID!, $version: Int!, $input: PersonPatch!) { updatePerson(id: $id, version: $version, input: $input) { version } }\n"): (typeof documents)["\n  mutation DxUpdatePerson($id: ID!, $version: Int!, $input: PersonPatch!) { updatePerson(id: $id, version: $version, input: $input) { version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DxEnrol($input: EnrolInput!) { enrol(input: $input) { version } }\n"): (typeof documents)["\n  mutation DxEnrol($input: EnrolInput!) { enrol(input: $input) { version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DxLoad($key: EnrolmentKey!, $version: Int!, $input: EnrolmentPatch!) {\n    updateEnrolment(key: $key, version: $version, input: $input) { version }\n  }\n"): (typeof documents)["\n  mutation DxLoad($key: EnrolmentKey!, $version: Int!, $input: EnrolmentPatch!) {\n    updateEnrolment(key: $key, version: $version, input: $input) { version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DxStart($input: PairInput!) { startMentorship(input: $input) { id version } }\n"): (typeof documents)["\n  mutation DxStart($input: PairInput!) { startMentorship(input: $input) { id version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DxEnd($id: ID!, $version: Int!) { changeMentorship(id: $id, version: $version, action: END_EARLY, reason: \"Moved abroad\") { status } }\n"): (typeof documents)["\n  mutation DxEnd($id: ID!, $version: Int!) { changeMentorship(id: $id, version: $version, action: END_EARLY, reason: \"Moved abroad\") { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DxErase($id: ID!) { erasePerson(id: $id, reason: \"Erasure request\") { pseudonym } }\n"): (typeof documents)["\n  mutation DxErase($id: ID!) { erasePerson(id: $id, reason: \"Erasure request\") { pseudonym } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DxKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }\n"): (typeof documents)["\n  mutation DxKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DxDiscover($programId: ID!, $filter: MentorFilter, $first: Int) {\n    mentorsForMe(programId: $programId, filter: $filter, first: $first) {\n      totalCount\n      edges { node { score availability placesLeft mentor { id } } }\n    }\n  }\n"): (typeof documents)["\n  query DxDiscover($programId: ID!, $filter: MentorFilter, $first: Int) {\n    mentorsForMe(programId: $programId, filter: $filter, first: $first) {\n      totalCount\n      edges { node { score availability placesLeft mentor { id } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HookCreate($input: WebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) { secret subscription { id url events active version } }\n  }\n"): (typeof documents)["\n  mutation HookCreate($input: WebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) { secret subscription { id url events active version } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HookUpdate($id: ID!, $version: Int!, $input: WebhookSubscriptionInput!) {\n    updateWebhookSubscription(id: $id, version: $version, input: $input) { active version }\n  }\n"): (typeof documents)["\n  mutation HookUpdate($id: ID!, $version: Int!, $input: WebhookSubscriptionInput!) {\n    updateWebhookSubscription(id: $id, version: $version, input: $input) { active version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HookList {\n    webhookSubscriptions(first: 3) {\n      edges {\n        node {\n          id url events\n          lastDelivery { event status httpStatus error }\n          deliveries(first: 10) { edges { node { event status attempts lastHttpStatus lastError nextAttemptAt } } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HookList {\n    webhookSubscriptions(first: 3) {\n      edges {\n        node {\n          id url events\n          lastDelivery { event status httpStatus error }\n          deliveries(first: 10) { edges { node { event status attempts lastHttpStatus lastError nextAttemptAt } } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EngNotifications($filter: NotificationFilter, $first: Int) {\n    notifications(filter: $filter, first: $first) {\n      edges { node { id template status recipientEmail locale subject text attempts channel deferredReason program { name } } }\n      pageInfo { hasNextPage }\n    }\n  }\n"): (typeof documents)["\n  query EngNotifications($filter: NotificationFilter, $first: Int) {\n    notifications(filter: $filter, first: $first) {\n      edges { node { id template status recipientEmail locale subject text attempts channel deferredReason program { name } } }\n      pageInfo { hasNextPage }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EngAttention($id: ID!) {\n    program(id: $id) { engagement { followUpDays quietHoursStart quietHoursEnd weeklyCap managerEmail } attention { kind subjectName suggestion signals } }\n  }\n"): (typeof documents)["\n  query EngAttention($id: ID!) {\n    program(id: $id) { engagement { followUpDays quietHoursStart quietHoursEnd weeklyCap managerEmail } attention { kind subjectName suggestion signals } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EngUpdate($id: ID!, $version: Int!, $input: ProgramInput!) { updateProgram(id: $id, version: $version, input: $input) { version engagement { weeklyCap } } }\n"): (typeof documents)["\n  mutation EngUpdate($id: ID!, $version: Int!, $input: ProgramInput!) { updateProgram(id: $id, version: $version, input: $input) { version engagement { weeklyCap } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EngVersion($id: ID!) { program(id: $id) { version } }\n"): (typeof documents)["\n  query EngVersion($id: ID!) { program(id: $id) { version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n"): (typeof documents)["\n  mutation ExProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n"): (typeof documents)["\n  mutation ExOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"): (typeof documents)["\n  mutation ExPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n"): (typeof documents)["\n  mutation ExEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExRun($programId: ID!, $dryRun: Boolean) {\n    runMatching(programId: $programId, dryRun: $dryRun) {\n      proposals {\n        menteeName\n        explanation { criterion score facts { shared sharedFocusAreas sought matched hoursApart mentee mentor } }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ExRun($programId: ID!, $dryRun: Boolean) {\n    runMatching(programId: $programId, dryRun: $dryRun) {\n      proposals {\n        menteeName\n        explanation { criterion score facts { shared sharedFocusAreas sought matched hoursApart mentee mentor } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExAudit($action: String) { auditLog(action: $action, first: 50) { edges { node { action changes { field after } } } } }\n"): (typeof documents)["\n  query ExAudit($action: String) { auditLog(action: $action, first: 50) { edges { node { action changes { field after } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PreviewProgram($name: String!) { createProgram(input: { name: $name }) { id } }\n"): (typeof documents)["\n  mutation PreviewProgram($name: String!) { createProgram(input: { name: $name }) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewActions($programId: ID!, $csv: String!) {\n    previewImport(programId: $programId, csv: $csv) {\n      accepted\n      actions { create update unchanged identityChanges }\n      changes { line action name currentName identityChange emptyCells changes { field from to } }\n      warnings { line reasons }\n    }\n  }\n"): (typeof documents)["\n  query PreviewActions($programId: ID!, $csv: String!) {\n    previewImport(programId: $programId, csv: $csv) {\n      accepted\n      actions { create update unchanged identityChanges }\n      changes { line action name currentName identityChange emptyCells changes { field from to } }\n      warnings { line reasons }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PreviewStart($programId: ID!, $csv: String!, $identityChanges: [IdentityChoiceInput!]) {\n    startImport(programId: $programId, csv: $csv, identityChanges: $identityChanges) { id accepted }\n  }\n"): (typeof documents)["\n  mutation PreviewStart($programId: ID!, $csv: String!, $identityChanges: [IdentityChoiceInput!]) {\n    startImport(programId: $programId, csv: $csv, identityChanges: $identityChanges) { id accepted }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewJob($id: ID!) {\n    importJob(id: $id) { status created updated unchanged failed problems { kind line reasons codes } }\n  }\n"): (typeof documents)["\n  query PreviewJob($id: ID!) {\n    importJob(id: $id) { status created updated unchanged failed problems { kind line reasons codes } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewPeople($search: String) {\n    people(first: 20, filter: { search: $search }) { edges { node { externalId email givenName familyName jobTitle department managerEmail } } }\n  }\n"): (typeof documents)["\n  query PreviewPeople($search: String) {\n    people(first: 20, filter: { search: $search }) { edges { node { externalId email givenName familyName jobTitle department managerEmail } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportProgram($name: String!) { createProgram(input: { name: $name }) { id } }\n"): (typeof documents)["\n  mutation ImportProgram($name: String!) { createProgram(input: { name: $name }) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportPreview($programId: ID!, $csv: String!) {\n    previewImport(programId: $programId, csv: $csv) {\n      delimiter total accepted\n      mapping { field column header }\n      rejected { line externalId reasons }\n      sample { name email roles reasons }\n    }\n  }\n"): (typeof documents)["\n  query ImportPreview($programId: ID!, $csv: String!) {\n    previewImport(programId: $programId, csv: $csv) {\n      delimiter total accepted\n      mapping { field column header }\n      rejected { line externalId reasons }\n      sample { name email roles reasons }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImPeopleTotal { people(first: 1) { totalCount } }\n"): (typeof documents)["\n  query ImPeopleTotal { people(first: 1) { totalCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportStart($programId: ID!, $csv: String!, $fileName: String) {\n    startImport(programId: $programId, csv: $csv, fileName: $fileName) { id status total accepted rejected }\n  }\n"): (typeof documents)["\n  mutation ImportStart($programId: ID!, $csv: String!, $fileName: String) {\n    startImport(programId: $programId, csv: $csv, fileName: $fileName) { id status total accepted rejected }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportJobView($id: ID!) {\n    importJob(id: $id) {\n      status total accepted rejected processed created updated unchanged failed progress\n      problems { line externalId reasons }\n    }\n  }\n"): (typeof documents)["\n  query ImportJobView($id: ID!) {\n    importJob(id: $id) {\n      status total accepted rejected processed created updated unchanged failed progress\n      problems { line externalId reasons }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportCounts($id: ID!) {\n    program(id: $id) { counts { mentors mentees } imports { edges { node { fileName status } } } }\n    people(first: 1) { edges { node { id } } }\n  }\n"): (typeof documents)["\n  query ImportCounts($id: ID!) {\n    program(id: $id) { counts { mentors mentees } imports { edges { node { fileName status } } } }\n    people(first: 1) { edges { node { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportExport($id: ID!, $filter: ParticipantFilter) { program(id: $id) { participantsCsv(filter: $filter) } }\n"): (typeof documents)["\n  query ImportExport($id: ID!, $filter: ParticipantFilter) { program(id: $id) { participantsCsv(filter: $filter) } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportSearch($search: String!) { people(first: 5, filter: { search: $search }) { edges { node { email } } } }\n"): (typeof documents)["\n  query ImportSearch($search: String!) { people(first: 5, filter: { search: $search }) { edges { node { email } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportRacePerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"): (typeof documents)["\n  mutation ImportRacePerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportRaceFind($search: String!) { people(first: 5, filter: { search: $search }) { edges { node { id externalId jobTitle } } } }\n"): (typeof documents)["\n  query ImportRaceFind($search: String!) { people(first: 5, filter: { search: $search }) { edges { node { id externalId jobTitle } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportPeopleCsv { peopleCsv(filter: { search: \"van\" }) }\n"): (typeof documents)["\n  query ImportPeopleCsv { peopleCsv(filter: { search: \"van\" }) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JyProgram($input: ProgramInput!) { createProgram(input: $input) { id version focusAreas } }\n"): (typeof documents)["\n  mutation JyProgram($input: ProgramInput!) { createProgram(input: $input) { id version focusAreas } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JyOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n"): (typeof documents)["\n  mutation JyOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JyPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"): (typeof documents)["\n  mutation JyPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JyEnrol($input: EnrolInput!) { enrol(input: $input) { reasons version } }\n"): (typeof documents)["\n  mutation JyEnrol($input: EnrolInput!) { enrol(input: $input) { reasons version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JyKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }\n"): (typeof documents)["\n  mutation JyKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JyDiscover($programId: ID!, $filter: MentorFilter, $first: Int, $after: String) {\n    mentorsForMe(programId: $programId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          score availability placesLeft hoursPerMonth focusAreas awayUntil\n          explanation { criterion score facts { sharedFocusAreas shared } }\n          mentor { id displayName jobTitle email yearsExperience managerEmail enrolments { role } }\n          openRequest { id }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query JyDiscover($programId: ID!, $filter: MentorFilter, $first: Int, $after: String) {\n    mentorsForMe(programId: $programId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          score availability placesLeft hoursPerMonth focusAreas awayUntil\n          explanation { criterion score facts { sharedFocusAreas shared } }\n          mentor { id displayName jobTitle email yearsExperience managerEmail enrolments { role } }\n          openRequest { id }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JyProfile($id: ID!) { person(id: $id) { displayName bio email } }\n"): (typeof documents)["\n  query JyProfile($id: ID!) { person(id: $id) { displayName bio email } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JyRequest($input: RequestInput!, $key: String) {\n    requestMentor(input: $input, idempotencyKey: $key) { id status introduction { focusAreas hoursPerMonth hopedOutcome timeAsked } }\n  }\n"): (typeof documents)["\n  mutation JyRequest($input: RequestInput!, $key: String) {\n    requestMentor(input: $input, idempotencyKey: $key) { id status introduction { focusAreas hoursPerMonth hopedOutcome timeAsked } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JyMyRequests { me { requests { id status } } }\n"): (typeof documents)["\n  query JyMyRequests { me { requests { id status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JyReadRequest($id: ID!) {\n    request(id: $id) {\n      status version menteeName\n      introduction { whyThisMentor timeAsked hoursPerMonth hopedOutcome focusAreas }\n      mentee { displayName email }\n      nextSuggestions { mentor { id } }\n    }\n  }\n"): (typeof documents)["\n  query JyReadRequest($id: ID!) {\n    request(id: $id) {\n      status version menteeName\n      introduction { whyThisMentor timeAsked hoursPerMonth hopedOutcome focusAreas }\n      mentee { displayName email }\n      nextSuggestions { mentor { id } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JyAnswer($id: ID!, $version: Int!, $reason: String) {\n    answerRequest(id: $id, version: $version, answer: DECLINE, reason: $reason) { request { status } }\n  }\n"): (typeof documents)["\n  mutation JyAnswer($id: ID!, $version: Int!, $reason: String) {\n    answerRequest(id: $id, version: $version, answer: DECLINE, reason: $reason) { request { status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JyLoad($key: EnrolmentKey!, $version: Int!, $input: EnrolmentPatch!) {\n    updateEnrolment(key: $key, version: $version, input: $input) { capacity hoursPerMonth awayUntil acceptsRequests version }\n  }\n"): (typeof documents)["\n  mutation JyLoad($key: EnrolmentKey!, $version: Int!, $input: EnrolmentPatch!) {\n    updateEnrolment(key: $key, version: $version, input: $input) { capacity hoursPerMonth awayUntil acceptsRequests version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JyDryRun($id: ID!) { runMatching(programId: $id, dryRun: true) { counts { mentors } proposals { mentor { id } } } }\n"): (typeof documents)["\n  mutation JyDryRun($id: ID!) { runMatching(programId: $id, dryRun: true) { counts { mentors } proposals { mentor { id } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MtProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n"): (typeof documents)["\n  mutation MtProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MtOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n"): (typeof documents)["\n  mutation MtOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MtPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"): (typeof documents)["\n  mutation MtPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MtEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n"): (typeof documents)["\n  mutation MtEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MtRule($programId: ID!, $menteeId: ID!, $mentorId: ID!, $kind: PairRuleKind!) {\n    setPairRule(programId: $programId, menteeId: $menteeId, mentorId: $mentorId, kind: $kind)\n  }\n"): (typeof documents)["\n  mutation MtRule($programId: ID!, $menteeId: ID!, $mentorId: ID!, $kind: PairRuleKind!) {\n    setPairRule(programId: $programId, menteeId: $menteeId, mentorId: $mentorId, kind: $kind)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MtRun($programId: ID!, $dryRun: Boolean) {\n    runMatching(programId: $programId, dryRun: $dryRun) {\n      id dryRun objective\n      timings { readMs scoreMs solveMs writeMs }\n      counts { mentees mentors places proposed pinned unmatched }\n      proposals { id status score mentee { id } mentor { id } explanation { criterion weight score contribution } }\n      unmatched { mentee { id } reason detail fix }\n      fairness { byDepartment { group mentees matched matchRate } }\n      diff { kept added dropped previousRun { id } }\n      certification { certified eligiblePairs keptPairs rounds }\n    }\n  }\n"): (typeof documents)["\n  mutation MtRun($programId: ID!, $dryRun: Boolean) {\n    runMatching(programId: $programId, dryRun: $dryRun) {\n      id dryRun objective\n      timings { readMs scoreMs solveMs writeMs }\n      counts { mentees mentors places proposed pinned unmatched }\n      proposals { id status score mentee { id } mentor { id } explanation { criterion weight score contribution } }\n      unmatched { mentee { id } reason detail fix }\n      fairness { byDepartment { group mentees matched matchRate } }\n      diff { kept added dropped previousRun { id } }\n      certification { certified eligiblePairs keptPairs rounds }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MtState($id: ID!) {\n    program(id: $id) {\n      proposals(first: 100) { edges { node { id status mentee { id } mentor { id } } } }\n      matchingRuns { edges { node { id counts { proposed } } } }\n    }\n  }\n"): (typeof documents)["\n  query MtState($id: ID!) {\n    program(id: $id) {\n      proposals(first: 100) { edges { node { id status mentee { id } mentor { id } } } }\n      matchingRuns { edges { node { id counts { proposed } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MtDecide($id: ID!) { decideProposal(id: $id, version: 1, decision: APPROVE) { status } }\n"): (typeof documents)["\n  mutation MtDecide($id: ID!) { decideProposal(id: $id, version: 1, decision: APPROVE) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MtPersonProposals($id: ID!) { person(id: $id) { proposals { id mentee { id } mentor { id } } } }\n"): (typeof documents)["\n  query MtPersonProposals($id: ID!) { person(id: $id) { proposals { id mentee { id } mentor { id } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MtRunView($id: ID!) { matchingRun(id: $id) { id counts { proposed } proposals { id } unmatched { reason } } }\n"): (typeof documents)["\n  query MtRunView($id: ID!) { matchingRun(id: $id) { id counts { proposed } proposals { id } unmatched { reason } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcProgram($input: ProgramInput!) { createProgram(input: $input) { id version } }\n"): (typeof documents)["\n  mutation LcProgram($input: ProgramInput!) { createProgram(input: $input) { id version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n"): (typeof documents)["\n  mutation LcOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"): (typeof documents)["\n  mutation LcPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n"): (typeof documents)["\n  mutation LcEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcRequest($input: RequestInput!) { requestMentor(input: $input) { id status version expiresAt introduction { whyThisMentor } } }\n"): (typeof documents)["\n  mutation LcRequest($input: RequestInput!) { requestMentor(input: $input) { id status version expiresAt introduction { whyThisMentor } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcAnswer($id: ID!, $version: Int!, $answer: RequestAnswer!, $reason: String) {\n    answerRequest(id: $id, version: $version, answer: $answer, reason: $reason) {\n      request { status reason version }\n      mentorship { id status version mentor { id } mentee { id } source { kind } }\n    }\n  }\n"): (typeof documents)["\n  mutation LcAnswer($id: ID!, $version: Int!, $answer: RequestAnswer!, $reason: String) {\n    answerRequest(id: $id, version: $version, answer: $answer, reason: $reason) {\n      request { status reason version }\n      mentorship { id status version mentor { id } mentee { id } source { kind } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LcRequestView($id: ID!) { request(id: $id) { status reason } }\n"): (typeof documents)["\n  query LcRequestView($id: ID!) { request(id: $id) { status reason } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LcRequestExpiry($id: ID!) { request(id: $id) { createdAt expiresAt } }\n"): (typeof documents)["\n  query LcRequestExpiry($id: ID!) { request(id: $id) { createdAt expiresAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcPropose($input: PairInput!) { proposePair(input: $input) { id status version } }\n"): (typeof documents)["\n  mutation LcPropose($input: PairInput!) { proposePair(input: $input) { id status version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcDecide($id: ID!, $version: Int!, $decision: ProposalDecision!, $reason: String) {\n    decideProposal(id: $id, version: $version, decision: $decision, reason: $reason) { status version }\n  }\n"): (typeof documents)["\n  mutation LcDecide($id: ID!, $version: Int!, $decision: ProposalDecision!, $reason: String) {\n    decideProposal(id: $id, version: $version, decision: $decision, reason: $reason) { status version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcRespond($id: ID!, $version: Int!, $response: ProposalResponse!, $side: ParticipantRole) {\n    respondToProposal(id: $id, version: $version, response: $response, side: $side) {\n      proposal { status version mentorAcceptedAt menteeAcceptedAt }\n      mentorship { id status version }\n    }\n  }\n"): (typeof documents)["\n  mutation LcRespond($id: ID!, $version: Int!, $response: ProposalResponse!, $side: ParticipantRole) {\n    respondToProposal(id: $id, version: $version, response: $response, side: $side) {\n      proposal { status version mentorAcceptedAt menteeAcceptedAt }\n      mentorship { id status version }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcChange($id: ID!, $version: Int!, $action: PairTransition!, $reason: String, $reflection: String) {\n    changeMentorship(id: $id, version: $version, action: $action, reason: $reason, reflection: $reflection) {\n      status version endReason menteeReflection\n    }\n  }\n"): (typeof documents)["\n  mutation LcChange($id: ID!, $version: Int!, $action: PairTransition!, $reason: String, $reflection: String) {\n    changeMentorship(id: $id, version: $version, action: $action, reason: $reason, reflection: $reflection) {\n      status version endReason menteeReflection\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcMeeting($input: MeetingInput!) { logMeeting(input: $input) { id kind privateNotes } }\n"): (typeof documents)["\n  mutation LcMeeting($input: MeetingInput!) { logMeeting(input: $input) { id kind privateNotes } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcGoal($mentorshipId: ID!, $goalId: ID, $version: Int, $input: GoalInput!) {\n    saveGoal(mentorshipId: $mentorshipId, goalId: $goalId, version: $version, input: $input) { id title status progress notes { text } version }\n  }\n"): (typeof documents)["\n  mutation LcGoal($mentorshipId: ID!, $goalId: ID, $version: Int, $input: GoalInput!) {\n    saveGoal(mentorshipId: $mentorshipId, goalId: $goalId, version: $version, input: $input) { id title status progress notes { text } version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LcTenantAnalytics {\n    viewer {\n      tenant {\n        analytics {\n          mentors mentees matchRate medianDaysToMatch activeMentorships paused completed endedEarly meetings\n          meetingsPerPairPerMonth averageCheckInRating averageClosingRating\n          activeByHealth { health count }\n          requests { sent accepted declined expired }\n          outcomes { outcome count }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LcTenantAnalytics {\n    viewer {\n      tenant {\n        analytics {\n          mentors mentees matchRate medianDaysToMatch activeMentorships paused completed endedEarly meetings\n          meetingsPerPairPerMonth averageCheckInRating averageClosingRating\n          activeByHealth { health count }\n          requests { sent accepted declined expired }\n          outcomes { outcome count }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LcProgramSurveys($id: ID!, $kind: SurveyKind) {\n    program(id: $id) { surveys(kind: $kind, first: 10) { edges { node { kind side rating outcomes mentorship { id } } } } }\n  }\n"): (typeof documents)["\n  query LcProgramSurveys($id: ID!, $kind: SurveyKind) {\n    program(id: $id) { surveys(kind: $kind, first: 10) { edges { node { kind side rating outcomes mentorship { id } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcSurvey($id: ID!, $input: SurveyInput!) { submitSurvey(mentorshipId: $id, input: $input) { kind side rating outcomes } }\n"): (typeof documents)["\n  mutation LcSurvey($id: ID!, $input: SurveyInput!) { submitSurvey(mentorshipId: $id, input: $input) { kind side rating outcomes } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LcPair($id: ID!) {\n    mentorship(id: $id) {\n      status version health { status nextContactDue }\n      meetings { privateNotes topics }\n      goals { title }\n      surveys { kind rating }\n    }\n  }\n"): (typeof documents)["\n  query LcPair($id: ID!) {\n    mentorship(id: $id) {\n      status version health { status nextContactDue }\n      meetings { privateNotes topics }\n      goals { title }\n      surveys { kind rating }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LcPairs($id: ID!, $health: Health, $status: MentorshipStatus) {\n    program(id: $id) { mentorships(health: $health, status: $status, first: 100) { edges { node { id status health { status } meetingCount startedAt } } } }\n  }\n"): (typeof documents)["\n  query LcPairs($id: ID!, $health: Health, $status: MentorshipStatus) {\n    program(id: $id) { mentorships(health: $health, status: $status, first: 100) { edges { node { id status health { status } meetingCount startedAt } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LcAnalytics($id: ID!) {\n    program(id: $id) {\n      analytics {\n        mentors mentees matchRate medianDaysToMatch activeMentorships paused completed endedEarly meetings\n        meetingsPerPairPerMonth averageCheckInRating averageClosingRating\n        activeByHealth { health count }\n        requests { sent accepted declined expired }\n        outcomes { outcome count }\n      }\n      participants(first: 100) { edges { node { role status enrolledAt person { id mentorships { id startedAt } } } } }\n    }\n  }\n"): (typeof documents)["\n  query LcAnalytics($id: ID!) {\n    program(id: $id) {\n      analytics {\n        mentors mentees matchRate medianDaysToMatch activeMentorships paused completed endedEarly meetings\n        meetingsPerPairPerMonth averageCheckInRating averageClosingRating\n        activeByHealth { health count }\n        requests { sent accepted declined expired }\n        outcomes { outcome count }\n      }\n      participants(first: 100) { edges { node { role status enrolledAt person { id mentorships { id startedAt } } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendersErase($id: ID!, $reason: String!) { erasePerson(id: $id, reason: $reason) { pseudonym } }\n"): (typeof documents)["\n  mutation SendersErase($id: ID!, $reason: String!) { erasePerson(id: $id, reason: $reason) { pseudonym } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PairImportProgram($name: String!) { createProgram(input: { name: $name }) { id version } }\n"): (typeof documents)["\n  mutation PairImportProgram($name: String!) { createProgram(input: { name: $name }) { id version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PairImportOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n"): (typeof documents)["\n  mutation PairImportOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PairImportPeople($programId: ID!, $csv: String!) { startImport(programId: $programId, csv: $csv) { id } }\n"): (typeof documents)["\n  mutation PairImportPeople($programId: ID!, $csv: String!) { startImport(programId: $programId, csv: $csv) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PairImportPreview($programId: ID!, $csv: String!) {\n    previewPairImport(programId: $programId, csv: $csv) {\n      total accepted alreadyImported columns\n      rejected { kind line name codes reasons }\n      sample { line mentor mentee startedOn plannedEndOn goals meetings lastMeetingOn }\n    }\n  }\n"): (typeof documents)["\n  query PairImportPreview($programId: ID!, $csv: String!) {\n    previewPairImport(programId: $programId, csv: $csv) {\n      total accepted alreadyImported columns\n      rejected { kind line name codes reasons }\n      sample { line mentor mentee startedOn plannedEndOn goals meetings lastMeetingOn }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PairImportStart($programId: ID!, $csv: String!, $fileName: String) {\n    startPairImport(programId: $programId, csv: $csv, fileName: $fileName) { id kind status total accepted rejected }\n  }\n"): (typeof documents)["\n  mutation PairImportStart($programId: ID!, $csv: String!, $fileName: String) {\n    startPairImport(programId: $programId, csv: $csv, fileName: $fileName) { id kind status total accepted rejected }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PairImportJob($id: ID!) {\n    importJob(id: $id) {\n      kind status total accepted rejected processed created updated unchanged failed progress\n      problems { kind line codes reasons }\n    }\n  }\n"): (typeof documents)["\n  query PairImportJob($id: ID!) {\n    importJob(id: $id) {\n      kind status total accepted rejected processed created updated unchanged failed progress\n      problems { kind line codes reasons }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PairImportPairs($id: ID!) {\n    program(id: $id) {\n      analytics { activeMentorships meetings activeByHealth { health count } }\n      mentorships(first: 50) {\n        edges {\n          node {\n            startedAt plannedEndOn meetingCount status\n            source { kind id }\n            mentor { externalId } mentee { externalId }\n            health { status lastContactAt }\n            goals { title status }\n            meetings { heldAt }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PairImportPairs($id: ID!) {\n    program(id: $id) {\n      analytics { activeMentorships meetings activeByHealth { health count } }\n      mentorships(first: 50) {\n        edges {\n          node {\n            startedAt plannedEndOn meetingCount status\n            source { kind id }\n            mentor { externalId } mentee { externalId }\n            health { status lastContactAt }\n            goals { title status }\n            meetings { heldAt }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PairImportAudit { auditLog(first: 100) { edges { node { action entityType } } } }\n"): (typeof documents)["\n  query PairImportAudit { auditLog(first: 100) { edges { node { action entityType } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientIssueKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }\n"): (typeof documents)["\n  mutation ClientIssueKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PeopleCreateProgram($input: ProgramInput!) { createProgram(input: $input) { id version } }\n"): (typeof documents)["\n  mutation PeopleCreateProgram($input: ProgramInput!) { createProgram(input: $input) { id version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePerson($input: PersonInput!, $key: String) {\n    createPerson(input: $input, idempotencyKey: $key) { id email displayName languages timeZone version }\n  }\n"): (typeof documents)["\n  mutation CreatePerson($input: PersonInput!, $key: String) {\n    createPerson(input: $input, idempotencyKey: $key) { id email displayName languages timeZone version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePerson($id: ID!, $version: Int!, $input: PersonPatch!) {\n    updatePerson(id: $id, version: $version, input: $input) { id email department version }\n  }\n"): (typeof documents)["\n  mutation UpdatePerson($id: ID!, $version: Int!, $input: PersonPatch!) {\n    updatePerson(id: $id, version: $version, input: $input) { id email department version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonView($id: ID!) {\n    person(id: $id) { id displayName email managerEmail yearsExperience department enrolments { role status program { id } } }\n  }\n"): (typeof documents)["\n  query PersonView($id: ID!) {\n    person(id: $id) { id displayName email managerEmail yearsExperience department enrolments { role status program { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeopleList($filter: PeopleFilter, $sort: PeopleSort, $first: Int, $after: String) {\n    people(filter: $filter, sort: $sort, first: $first, after: $after) {\n      edges { node { displayName } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query PeopleList($filter: PeopleFilter, $sort: PeopleSort, $first: Int, $after: String) {\n    people(filter: $filter, sort: $sort, first: $first, after: $after) {\n      edges { node { displayName } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Enrol($input: EnrolInput!) { enrol(input: $input) { role status reasons capacity version displayName } }\n"): (typeof documents)["\n  mutation Enrol($input: EnrolInput!) { enrol(input: $input) { role status reasons capacity version displayName } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Withdraw($key: EnrolmentKey!, $version: Int!, $reason: String!) {\n    withdraw(key: $key, version: $version, reason: $reason) { status withdrawnReason version }\n  }\n"): (typeof documents)["\n  mutation Withdraw($key: EnrolmentKey!, $version: Int!, $reason: String!) {\n    withdraw(key: $key, version: $version, reason: $reason) { status withdrawnReason version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEnrolment($key: EnrolmentKey!, $version: Int!, $input: EnrolmentPatch!) {\n    updateEnrolment(key: $key, version: $version, input: $input) { reasons hoursPerMonth shortlist { displayName } version }\n  }\n"): (typeof documents)["\n  mutation UpdateEnrolment($key: EnrolmentKey!, $version: Int!, $input: EnrolmentPatch!) {\n    updateEnrolment(key: $key, version: $version, input: $input) { reasons hoursPerMonth shortlist { displayName } version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnrolOnce($input: EnrolInput!, $key: String) { enrol(input: $input, idempotencyKey: $key) { role version } }\n"): (typeof documents)["\n  mutation EnrolOnce($input: EnrolInput!, $key: String) { enrol(input: $input, idempotencyKey: $key) { role version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Participants($id: ID!, $filter: ParticipantFilter, $sort: PeopleSort, $first: Int) {\n    program(id: $id) {\n      counts { mentors mentees withdrawn }\n      participants(filter: $filter, sort: $sort, first: $first) {\n        edges { node { displayName role status department person { email jobTitle languages } } }\n        pageInfo { hasNextPage }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Participants($id: ID!, $filter: ParticipantFilter, $sort: PeopleSort, $first: Int) {\n    program(id: $id) {\n      counts { mentors mentees withdrawn }\n      participants(filter: $filter, sort: $sort, first: $first) {\n        edges { node { displayName role status department person { email jobTitle languages } } }\n        pageInfo { hasNextPage }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Audit($entityId: ID, $first: Int) {\n    auditLog(entityId: $entityId, first: $first) {\n      edges { node { action entityType entityId actor { id role } changes { field before after } } }\n    }\n  }\n"): (typeof documents)["\n  query Audit($entityId: ID, $first: Int) {\n    auditLog(entityId: $entityId, first: $first) {\n      edges { node { action entityType entityId actor { id role } changes { field before after } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PrivacyProgram { createProgram(input: { name: \"Privacy\" }) { id } }\n"): (typeof documents)["\n  mutation PrivacyProgram { createProgram(input: { name: \"Privacy\" }) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PrivacyOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n"): (typeof documents)["\n  mutation PrivacyOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PrivacyPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"): (typeof documents)["\n  mutation PrivacyPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PrivacyEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n"): (typeof documents)["\n  mutation PrivacyEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PrivacyExport($id: ID!) { personalData(personId: $id) }\n"): (typeof documents)["\n  query PrivacyExport($id: ID!) { personalData(personId: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PrivacyErase($id: ID!, $reason: String!) {\n    erasePerson(id: $id, reason: $reason) { personId pseudonym enrolments mentorships meetings auditEntries }\n  }\n"): (typeof documents)["\n  mutation PrivacyErase($id: ID!, $reason: String!) {\n    erasePerson(id: $id, reason: $reason) { personId pseudonym enrolments mentorships meetings auditEntries }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PrivacyAfter($id: ID!, $program: ID!, $person: ID!) {\n    program(id: $program) {\n      counts { mentors mentees }\n      participants(first: 50) { edges { node { displayName person { id } } } }\n      mentorships(first: 10) { edges { node { menteeName mentorName mentee { id } meetings { topics } } } }\n    }\n    auditLog(entityId: $person, first: 50) { edges { node { action changes { field before after } } } }\n    people(filter: { search: \"erase.me\" }) { edges { node { id } } }\n    program2: program(id: $id) { id }\n  }\n"): (typeof documents)["\n  query PrivacyAfter($id: ID!, $program: ID!, $person: ID!) {\n    program(id: $program) {\n      counts { mentors mentees }\n      participants(first: 50) { edges { node { displayName person { id } } } }\n      mentorships(first: 10) { edges { node { menteeName mentorName mentee { id } meetings { topics } } } }\n    }\n    auditLog(entityId: $person, first: 50) { edges { node { action changes { field before after } } } }\n    people(filter: { search: \"erase.me\" }) { edges { node { id } } }\n    program2: program(id: $id) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PrivacyPersonRead($id: ID!) { person(id: $id) { id } }\n"): (typeof documents)["\n  query PrivacyPersonRead($id: ID!) { person(id: $id) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkiProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n"): (typeof documents)["\n  mutation PkiProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkiOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n"): (typeof documents)["\n  mutation PkiOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PkiPreview($programId: ID!, $csv: String!) {\n    previewImport(programId: $programId, csv: $csv) { accepted rejected { line codes reasons } sample { line roles } }\n  }\n"): (typeof documents)["\n  query PkiPreview($programId: ID!, $csv: String!) {\n    previewImport(programId: $programId, csv: $csv) { accepted rejected { line codes reasons } sample { line roles } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkiStart($programId: ID!, $csv: String!) { startImport(programId: $programId, csv: $csv) { id accepted } }\n"): (typeof documents)["\n  mutation PkiStart($programId: ID!, $csv: String!) { startImport(programId: $programId, csv: $csv) { id accepted } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PkiJob($id: ID!) { importJob(id: $id) { status created failed } }\n"): (typeof documents)["\n  query PkiJob($id: ID!) { importJob(id: $id) { status created failed } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PkiParticipants($id: ID!) {\n    program(id: $id) { participants(first: 20) { edges { node { role capacity person { id email } } } } }\n  }\n"): (typeof documents)["\n  query PkiParticipants($id: ID!) {\n    program(id: $id) { participants(first: 20) { edges { node { role capacity person { id email } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkiRule($programId: ID!, $menteeId: ID!, $mentorId: ID!, $kind: PairRuleKind!) {\n    setPairRule(programId: $programId, menteeId: $menteeId, mentorId: $mentorId, kind: $kind)\n  }\n"): (typeof documents)["\n  mutation PkiRule($programId: ID!, $menteeId: ID!, $mentorId: ID!, $kind: PairRuleKind!) {\n    setPairRule(programId: $programId, menteeId: $menteeId, mentorId: $mentorId, kind: $kind)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkiRun($programId: ID!) {\n    runMatching(programId: $programId) {\n      counts { proposed pinned }\n      proposals {\n        mentor { id } mentee { id } score\n        explanation { criterion score ways { seeker { id } score facts { shared } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PkiRun($programId: ID!) {\n    runMatching(programId: $programId) {\n      counts { proposed pinned }\n      proposals {\n        mentor { id } mentee { id } score\n        explanation { criterion score ways { seeker { id } score facts { shared } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkdProgram($input: ProgramInput!) {\n    createProgram(input: $input) { id kind roleNames { mentor mentee } matching { weights { criterion weight } } }\n  }\n"): (typeof documents)["\n  mutation PkdProgram($input: ProgramInput!) {\n    createProgram(input: $input) { id kind roleNames { mentor mentee } matching { weights { criterion weight } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkdUpdate($id: ID!, $version: Int!, $input: ProgramInput!) { updateProgram(id: $id, version: $version, input: $input) { kind } }\n"): (typeof documents)["\n  mutation PkdUpdate($id: ID!, $version: Int!, $input: ProgramInput!) { updateProgram(id: $id, version: $version, input: $input) { kind } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkdOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status version } }\n"): (typeof documents)["\n  mutation PkdOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkdPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"): (typeof documents)["\n  mutation PkdPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkdEnrol($input: EnrolInput!) { enrol(input: $input) { role capacity } }\n"): (typeof documents)["\n  mutation PkdEnrol($input: EnrolInput!) { enrol(input: $input) { role capacity } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkdRun($programId: ID!) {\n    runMatching(programId: $programId) {\n      counts { mentees proposed unmatched }\n      proposals { id version status score mentee { id } mentor { id } explanation { criterion score contribution } }\n      unmatched { mentee { id } reason }\n      certification { certified eligiblePairs }\n    }\n  }\n"): (typeof documents)["\n  mutation PkdRun($programId: ID!) {\n    runMatching(programId: $programId) {\n      counts { mentees proposed unmatched }\n      proposals { id version status score mentee { id } mentor { id } explanation { criterion score contribution } }\n      unmatched { mentee { id } reason }\n      certification { certified eligiblePairs }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkdDecide($id: ID!, $version: Int!) { decideProposal(id: $id, version: $version, decision: APPROVE) { status version } }\n"): (typeof documents)["\n  mutation PkdDecide($id: ID!, $version: Int!) { decideProposal(id: $id, version: $version, decision: APPROVE) { status version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkdRespond($id: ID!, $version: Int!, $side: ParticipantRole) {\n    respondToProposal(id: $id, version: $version, response: ACCEPT, side: $side) {\n      proposal { status version }\n      mentorship { id status mentor { id } mentee { id } }\n    }\n  }\n"): (typeof documents)["\n  mutation PkdRespond($id: ID!, $version: Int!, $side: ParticipantRole) {\n    respondToProposal(id: $id, version: $version, response: ACCEPT, side: $side) {\n      proposal { status version }\n      mentorship { id status mentor { id } mentee { id } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PkdRead($id: ID!) { program(id: $id) { kind roleNames { mentor mentee } counts { activeMentorships } } }\n"): (typeof documents)["\n  query PkdRead($id: ID!) { program(id: $id) { kind roleNames { mentor mentee } counts { activeMentorships } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkdGroupRun($programId: ID!) {\n    runMatching(programId: $programId) {\n      counts { mentees proposed unmatched }\n      proposals { id version mentee { id } mentor { id } explanation { criterion score } }\n      unmatched { mentee { id } reason }\n      certification { certified circles { method objective bound closed { id } unconstrained } }\n    }\n  }\n"): (typeof documents)["\n  mutation PkdGroupRun($programId: ID!) {\n    runMatching(programId: $programId) {\n      counts { mentees proposed unmatched }\n      proposals { id version mentee { id } mentor { id } explanation { criterion score } }\n      unmatched { mentee { id } reason }\n      certification { certified circles { method objective bound closed { id } unconstrained } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PkdCircles($id: ID!) {\n    program(id: $id) { circleSize { minimum maximum } circles(first: 10) { edges { node { id status topic mentor { id } members { person { id } } } } } }\n  }\n"): (typeof documents)["\n  query PkdCircles($id: ID!) {\n    program(id: $id) { circleSize { minimum maximum } circles(first: 10) { edges { node { id status topic mentor { id } members { person { id } } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkdLogGroup($input: GroupMeetingInput!) {\n    logGroupMeeting(input: $input) { id attendees { person { id } } privateNotes }\n  }\n"): (typeof documents)["\n  mutation PkdLogGroup($input: GroupMeetingInput!) {\n    logGroupMeeting(input: $input) { id attendees { person { id } } privateNotes }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PkdCircle($id: ID!) {\n    circle(id: $id) {\n      status meetingCount health { status lastContactAt }\n      members {\n        displayName attended lastAttendedAt health { status }\n        person { id displayName email enrolments { reasons circleTopic } }\n        place { id }\n      }\n      meetings { heldAt privateNotes attendees { displayName } }\n      surveys { rating }\n    }\n  }\n"): (typeof documents)["\n  query PkdCircle($id: ID!) {\n    circle(id: $id) {\n      status meetingCount health { status lastContactAt }\n      members {\n        displayName attended lastAttendedAt health { status }\n        person { id displayName email enrolments { reasons circleTopic } }\n        place { id }\n      }\n      meetings { heldAt privateNotes attendees { displayName } }\n      surveys { rating }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkdSurvey($id: ID!) { submitSurvey(mentorshipId: $id, input: { kind: CHECK_IN, rating: 4 }) { id } }\n"): (typeof documents)["\n  mutation PkdSurvey($id: ID!) { submitSurvey(mentorshipId: $id, input: { kind: CHECK_IN, rating: 4 }) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PkdProposals($id: ID!) { program(id: $id) { proposals(first: 20) { edges { node { id version status } } } } }"): (typeof documents)["query PkdProposals($id: ID!) { program(id: $id) { proposals(first: 20) { edges { node { id version status } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PkdGroupProposals($id: ID!) { program(id: $id) { proposals(first: 20) { edges { node { id version mentee { id } } } } } }"): (typeof documents)["query PkdGroupProposals($id: ID!) { program(id: $id) { proposals(first: 20) { edges { node { id version mentee { id } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProgram($input: ProgramInput!) {\n    createProgram(input: $input) {\n      id\n      name\n      status\n      version\n      focusAreas\n      cadence { expectedEveryDays overdueAfterDays }\n      matching { weights { criterion weight } approvalMode minimumScore }\n      counts { mentors mentees activeMentorships }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProgram($input: ProgramInput!) {\n    createProgram(input: $input) {\n      id\n      name\n      status\n      version\n      focusAreas\n      cadence { expectedEveryDays overdueAfterDays }\n      matching { weights { criterion weight } approvalMode minimumScore }\n      counts { mentors mentees activeMentorships }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProgram($id: ID!, $version: Int!, $input: ProgramInput!) {\n    updateProgram(id: $id, version: $version, input: $input) { id name version durationMonths }\n  }\n"): (typeof documents)["\n  mutation UpdateProgram($id: ID!, $version: Int!, $input: ProgramInput!) {\n    updateProgram(id: $id, version: $version, input: $input) { id name version durationMonths }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeStatus($id: ID!, $version: Int!, $status: ProgramStatus!) {\n    changeProgramStatus(id: $id, version: $version, status: $status) { id status version }\n  }\n"): (typeof documents)["\n  mutation ChangeStatus($id: ID!, $version: Int!, $status: ProgramStatus!) {\n    changeProgramStatus(id: $id, version: $version, status: $status) { id status version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Program($id: ID!) { program(id: $id) { id name version } }\n"): (typeof documents)["\n  query Program($id: ID!) { program(id: $id) { id name version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Programs($first: Int, $after: String) {\n    programs(first: $first, after: $after) {\n      edges { cursor node { id name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query Programs($first: Int, $after: String) {\n    programs(first: $first, after: $after) {\n      edges { cursor node { id name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTenant {\n    viewer {\n      actor { role }\n      tenant { slug name settings { timeZone locale } programs(first: 50) { edges { node { name status } } } }\n    }\n  }\n"): (typeof documents)["\n  query MyTenant {\n    viewer {\n      actor { role }\n      tenant { slug name settings { timeZone locale } programs(first: 50) { edges { node { name status } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetentionProgram($name: String!) { createProgram(input: { name: $name, focusAreas: [\"JOB_SKILLS\", \"GOAL_SETTING\"] }) { id } }\n"): (typeof documents)["\n  mutation RetentionProgram($name: String!) { createProgram(input: { name: $name, focusAreas: [\"JOB_SKILLS\", \"GOAL_SETTING\"] }) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RetentionPreview($programId: ID!, $csv: String!) {\n    previewImport(programId: $programId, csv: $csv) {\n      total accepted\n      mapping { field header }\n      rejected { line reasons }\n    }\n  }\n"): (typeof documents)["\n  query RetentionPreview($programId: ID!, $csv: String!) {\n    previewImport(programId: $programId, csv: $csv) {\n      total accepted\n      mapping { field header }\n      rejected { line reasons }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetentionImport($programId: ID!, $csv: String!) { startImport(programId: $programId, csv: $csv) { id } }\n"): (typeof documents)["\n  mutation RetentionImport($programId: ID!, $csv: String!) { startImport(programId: $programId, csv: $csv) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RetentionImportJob($id: ID!) { importJob(id: $id) { status accepted rejected created failed problems { line reasons } } }\n"): (typeof documents)["\n  query RetentionImportJob($id: ID!) { importJob(id: $id) { status accepted rejected created failed problems { line reasons } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RetentionCounts($id: ID!) { program(id: $id) { counts { mentors mentees } } }\n"): (typeof documents)["\n  query RetentionCounts($id: ID!) { program(id: $id) { counts { mentors mentees } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetentionRunJob($tenant: String!) { runJob(job: RETENTION, tenant: $tenant) { status summary } }\n"): (typeof documents)["\n  mutation RetentionRunJob($tenant: String!) { runJob(job: RETENTION, tenant: $tenant) { status summary } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RetentionInsights($programId: ID, $exits: ExitScope) {\n    retentionInsights(programId: $programId, exits: $exits) {\n      computedAt asOf exits minimumGroupSize employees\n      groups { group n suppressed exits promotions retention12 { estimate low high } curve { month atRisk survival low high } }\n      difference12 { estimate low high }\n      matching { strata matchedMentees unmatchedMentees pool }\n      exitReasons { leavers suppressed unmapped windowStart windowEnd reasons { code label count share focusAreas } }\n      focus { focusArea leaverShare menteeShare inProgram }\n      suggestion { exitReason label leaverShare focusAreas menteeShare offered }\n      csv\n    }\n  }\n"): (typeof documents)["\n  query RetentionInsights($programId: ID, $exits: ExitScope) {\n    retentionInsights(programId: $programId, exits: $exits) {\n      computedAt asOf exits minimumGroupSize employees\n      groups { group n suppressed exits promotions retention12 { estimate low high } curve { month atRisk survival low high } }\n      difference12 { estimate low high }\n      matching { strata matchedMentees unmatchedMentees pool }\n      exitReasons { leavers suppressed unmapped windowStart windowEnd reasons { code label count share focusAreas } }\n      focus { focusArea leaverShare menteeShare inProgram }\n      suggestion { exitReason label leaverShare focusAreas menteeShare offered }\n      csv\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetentionRefresh($programId: ID) {\n    refreshRetentionInsights(programId: $programId) {\n      computedAt\n      exitReasons { leavers unmapped reasons { code count } }\n    }\n  }\n"): (typeof documents)["\n  mutation RetentionRefresh($programId: ID) {\n    refreshRetentionInsights(programId: $programId) {\n      computedAt\n      exitReasons { leavers unmapped reasons { code count } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetentionRecord($personId: ID!, $input: EmploymentInput!) {\n    recordEmployment(personId: $personId, input: $input) { hireDate leaveDate leaveType exitReasonsRecorded }\n  }\n"): (typeof documents)["\n  mutation RetentionRecord($personId: ID!, $input: EmploymentInput!) {\n    recordEmployment(personId: $personId, input: $input) { hireDate leaveDate leaveType exitReasonsRecorded }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RetentionPeople($search: String) {\n    people(first: 100, filter: { search: $search }) { edges { node { id email employment { hireDate leaveDate leaveType level jobChanges { on kind } exitReasonsRecorded } } } }\n  }\n"): (typeof documents)["\n  query RetentionPeople($search: String) {\n    people(first: 100, filter: { search: $search }) { edges { node { id email employment { hireDate leaveDate leaveType level jobChanges { on kind } exitReasonsRecorded } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RetentionTaxonomy { exitReasonTaxonomy { version rules { keyword code } reasons { code labelNl focusAreas } } }\n"): (typeof documents)["\n  query RetentionTaxonomy { exitReasonTaxonomy { version rules { keyword code } reasons { code labelNl focusAreas } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetentionCreateKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }\n"): (typeof documents)["\n  mutation RetentionCreateKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RetentionAnalyst($programId: ID) {\n    viewer { actor { role } }\n    retentionInsights(programId: $programId) { employees groups { group n } exitReasons { leavers reasons { code count } } csv }\n    exitReasonTaxonomy { version }\n  }\n"): (typeof documents)["\n  query RetentionAnalyst($programId: ID) {\n    viewer { actor { role } }\n    retentionInsights(programId: $programId) { employees groups { group n } exitReasons { leavers reasons { code count } } csv }\n    exitReasonTaxonomy { version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RetentionAnalystPrograms { programs { edges { node { name } } } }\n"): (typeof documents)["\n  query RetentionAnalystPrograms { programs { edges { node { name } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RetentionAnalystPerson($id: ID!) { node(id: $id) { ... on Person { displayName } } }\n"): (typeof documents)["\n  query RetentionAnalystPerson($id: ID!) { node(id: $id) { ... on Person { displayName } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RetentionAnalystMe { me { displayName } }\n"): (typeof documents)["\n  query RetentionAnalystMe { me { displayName } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetentionAnalystRefresh { refreshRetentionInsights { computedAt } }\n"): (typeof documents)["\n  mutation RetentionAnalystRefresh { refreshRetentionInsights { computedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetentionUpdateTaxonomy($version: Int!, $input: ExitReasonTaxonomyInput!) {\n    updateExitReasonTaxonomy(version: $version, input: $input) { version rules { keyword code } }\n  }\n"): (typeof documents)["\n  mutation RetentionUpdateTaxonomy($version: Int!, $input: ExitReasonTaxonomyInput!) {\n    updateExitReasonTaxonomy(version: $version, input: $input) { version rules { keyword code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RtCreateProgram($name: String!) { createProgram(input: { name: $name }) { id } }\n"): (typeof documents)["\n  mutation RtCreateProgram($name: String!) { createProgram(input: { name: $name }) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RtCreatePerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"): (typeof documents)["\n  mutation RtCreatePerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RtOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n"): (typeof documents)["\n  mutation RtOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RtEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n"): (typeof documents)["\n  mutation RtEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RtPrograms($first: Int) { programs(first: $first) { edges { node { name counts { mentors mentees activeMentorships } } } } }\n"): (typeof documents)["\n  query RtPrograms($first: Int) { programs(first: $first) { edges { node { name counts { mentors mentees activeMentorships } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RtParticipants($id: ID!, $first: Int) {\n    program(id: $id) {\n      participants(first: $first) { edges { node { role status person { email jobTitle languages enrolments { role program { name } } } } } }\n    }\n  }\n"): (typeof documents)["\n  query RtParticipants($id: ID!, $first: Int) {\n    program(id: $id) {\n      participants(first: $first) { edges { node { role status person { email jobTitle languages enrolments { role program { name } } } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RtPeople($first: Int) { people(first: $first) { edges { node { displayName enrolments { role status program { name } } } } } }\n"): (typeof documents)["\n  query RtPeople($first: Int) { people(first: $first) { edges { node { displayName enrolments { role status program { name } } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RtPairs($id: ID!, $first: Int) {\n    program(id: $id) {\n      mentorships(first: $first) { edges { node { mentor { displayName } mentee { displayName } program { name } health { status } } } }\n    }\n  }\n"): (typeof documents)["\n  query RtPairs($id: ID!, $first: Int) {\n    program(id: $id) {\n      mentorships(first: $first) { edges { node { mentor { displayName } mentee { displayName } program { name } health { status } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SearchProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n"): (typeof documents)["\n  mutation SearchProgram($input: ProgramInput!) { createProgram(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SearchPerson($input: PersonInput!) { createPerson(input: $input) { id version } }\n"): (typeof documents)["\n  mutation SearchPerson($input: PersonInput!) { createPerson(input: $input) { id version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SearchRename($id: ID!, $version: Int!, $input: PersonPatch!) { updatePerson(id: $id, version: $version, input: $input) { id } }\n"): (typeof documents)["\n  mutation SearchRename($id: ID!, $version: Int!, $input: PersonPatch!) { updatePerson(id: $id, version: $version, input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SearchEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n"): (typeof documents)["\n  mutation SearchEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchPeople($filter: PeopleFilter, $first: Int, $after: String) {\n    people(filter: $filter, first: $first, after: $after) {\n      edges { node { displayName email externalId } }\n      pageInfo { hasNextPage endCursor }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query SearchPeople($filter: PeopleFilter, $first: Int, $after: String) {\n    people(filter: $filter, first: $first, after: $after) {\n      edges { node { displayName email externalId } }\n      pageInfo { hasNextPage endCursor }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchParticipants($id: ID!, $filter: ParticipantFilter, $first: Int) {\n    program(id: $id) { participants(filter: $filter, first: $first) { edges { node { displayName role } } } }\n  }\n"): (typeof documents)["\n  query SearchParticipants($id: ID!, $filter: ParticipantFilter, $first: Int) {\n    program(id: $id) { participants(filter: $filter, first: $first) { edges { node { displayName role } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TenancyCreate($input: CreateTenantInput!) { createTenant(input: $input) { slug name settings { timeZone locale retentionMonths } version } }\n"): (typeof documents)["\n  mutation TenancyCreate($input: CreateTenantInput!) { createTenant(input: $input) { slug name settings { timeZone locale retentionMonths } version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TenancyCreateOnce($input: CreateTenantInput!, $key: String) { createTenant(input: $input, idempotencyKey: $key) { slug } }\n"): (typeof documents)["\n  mutation TenancyCreateOnce($input: CreateTenantInput!, $key: String) { createTenant(input: $input, idempotencyKey: $key) { slug } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TenancyUpdate($version: Int!, $input: TenantPatch!) { updateTenant(version: $version, input: $input) { name settings { locale timeZone } version } }\n"): (typeof documents)["\n  mutation TenancyUpdate($version: Int!, $input: TenantPatch!) { updateTenant(version: $version, input: $input) { name settings { locale timeZone } version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenancyList { tenants { items { slug } } }\n"): (typeof documents)["\n  query TenancyList { tenants { items { slug } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenancyMine { viewer { tenant { name settings { locale } } } }\n"): (typeof documents)["\n  query TenancyMine { viewer { tenant { name settings { locale } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TotalsProgram($input: ProgramInput!) { createProgram(input: $input) { id version } }\n"): (typeof documents)["\n  mutation TotalsProgram($input: ProgramInput!) { createProgram(input: $input) { id version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TotalsOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n"): (typeof documents)["\n  mutation TotalsOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TotalsPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"): (typeof documents)["\n  mutation TotalsPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TotalsEnrol($input: EnrolInput!) { enrol(input: $input) { version } }\n"): (typeof documents)["\n  mutation TotalsEnrol($input: EnrolInput!) { enrol(input: $input) { version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TotalsWithdraw($key: EnrolmentKey!, $version: Int!) { withdraw(key: $key, version: $version, reason: \"moved on\") { status } }\n"): (typeof documents)["\n  mutation TotalsWithdraw($key: EnrolmentKey!, $version: Int!) { withdraw(key: $key, version: $version, reason: \"moved on\") { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TotalsStart($input: PairInput!) { startMentorship(input: $input) { id } }\n"): (typeof documents)["\n  mutation TotalsStart($input: PairInput!) { startMentorship(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TotalsPropose($input: PairInput!) { proposePair(input: $input) { id } }\n"): (typeof documents)["\n  mutation TotalsPropose($input: PairInput!) { proposePair(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TotalsErase($id: ID!) { erasePerson(id: $id, reason: \"asked to be forgotten\") { pseudonym } }\n"): (typeof documents)["\n  mutation TotalsErase($id: ID!) { erasePerson(id: $id, reason: \"asked to be forgotten\") { pseudonym } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TotalsPeople { people(first: 1) { totalCount } }\n"): (typeof documents)["\n  query TotalsPeople { people(first: 1) { totalCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Totals($id: ID!, $search: String) {\n    people(first: 1) { totalCount }\n    searched: people(first: 1, filter: { search: $search }) { totalCount edges { node { id } } }\n    programs(first: 1) { totalCount }\n    auditLog(first: 1) { totalCount edges { node { id } } }\n    notifications(first: 1) { totalCount }\n    webhookSubscriptions(first: 1) { totalCount }\n    program(id: $id) {\n      participants(first: 1) { totalCount }\n      mentors: participants(first: 1, filter: { role: MENTOR }) { totalCount }\n      mentees: participants(first: 1, filter: { role: MENTEE }) { totalCount }\n      withdrawn: participants(first: 1, filter: { status: WITHDRAWN }) { totalCount }\n      mentorships(first: 1) { totalCount }\n      active: mentorships(first: 1, status: ACTIVE) { totalCount }\n      onTrack: mentorships(first: 5, health: ON_TRACK) { totalCount edges { node { id } } }\n      completed: mentorships(first: 1, status: COMPLETED) { totalCount }\n      proposals(first: 1) { totalCount }\n      proposed: proposals(first: 1, status: PROPOSED) { totalCount }\n      approved: proposals(first: 1, status: APPROVED) { totalCount }\n      requests(first: 1) { totalCount }\n      surveys(first: 1) { totalCount }\n      matchingRuns(first: 1) { totalCount }\n      imports(first: 1) { totalCount }\n    }\n  }\n"): (typeof documents)["\n  query Totals($id: ID!, $search: String) {\n    people(first: 1) { totalCount }\n    searched: people(first: 1, filter: { search: $search }) { totalCount edges { node { id } } }\n    programs(first: 1) { totalCount }\n    auditLog(first: 1) { totalCount edges { node { id } } }\n    notifications(first: 1) { totalCount }\n    webhookSubscriptions(first: 1) { totalCount }\n    program(id: $id) {\n      participants(first: 1) { totalCount }\n      mentors: participants(first: 1, filter: { role: MENTOR }) { totalCount }\n      mentees: participants(first: 1, filter: { role: MENTEE }) { totalCount }\n      withdrawn: participants(first: 1, filter: { status: WITHDRAWN }) { totalCount }\n      mentorships(first: 1) { totalCount }\n      active: mentorships(first: 1, status: ACTIVE) { totalCount }\n      onTrack: mentorships(first: 5, health: ON_TRACK) { totalCount edges { node { id } } }\n      completed: mentorships(first: 1, status: COMPLETED) { totalCount }\n      proposals(first: 1) { totalCount }\n      proposed: proposals(first: 1, status: PROPOSED) { totalCount }\n      approved: proposals(first: 1, status: APPROVED) { totalCount }\n      requests(first: 1) { totalCount }\n      surveys(first: 1) { totalCount }\n      matchingRuns(first: 1) { totalCount }\n      imports(first: 1) { totalCount }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WhCreate($input: WebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) { secret subscription { id version } }\n  }\n"): (typeof documents)["\n  mutation WhCreate($input: WebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) { secret subscription { id version } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WhDelete($id: ID!, $version: Int!) { deleteWebhookSubscription(id: $id, version: $version) }\n"): (typeof documents)["\n  mutation WhDelete($id: ID!, $version: Int!) { deleteWebhookSubscription(id: $id, version: $version) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhList { webhookSubscriptions(first: 20) { edges { node { id } } } }\n"): (typeof documents)["\n  query WhList { webhookSubscriptions(first: 20) { edges { node { id } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhDeliveries($id: ID!, $first: Int, $after: String, $filter: WebhookDeliveryFilter) {\n    webhookSubscription(id: $id) {\n      lastDelivery { status httpStatus error }\n      previousSecretExpiresAt\n      deliveries(first: $first, after: $after, filter: $filter) {\n        edges { node { id eventId event status attempts lastHttpStatus lastError lastAttemptAt nextAttemptAt } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WhDeliveries($id: ID!, $first: Int, $after: String, $filter: WebhookDeliveryFilter) {\n    webhookSubscription(id: $id) {\n      lastDelivery { status httpStatus error }\n      previousSecretExpiresAt\n      deliveries(first: $first, after: $after, filter: $filter) {\n        edges { node { id eventId event status attempts lastHttpStatus lastError lastAttemptAt nextAttemptAt } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WhPing($id: ID!) { pingWebhook(id: $id) { id eventId event status attempts lastHttpStatus lastError } }\n"): (typeof documents)["\n  mutation WhPing($id: ID!) { pingWebhook(id: $id) { id eventId event status attempts lastHttpStatus lastError } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WhRedeliver($id: ID!) { redeliverWebhookDelivery(id: $id) { status attempts lastHttpStatus } }\n"): (typeof documents)["\n  mutation WhRedeliver($id: ID!) { redeliverWebhookDelivery(id: $id) { status attempts lastHttpStatus } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WhRotate($id: ID!, $version: Int!, $overlapHours: Int) {\n    rotateWebhookSecret(id: $id, version: $version, overlapHours: $overlapHours) { secret subscription { version previousSecretExpiresAt } }\n  }\n"): (typeof documents)["\n  mutation WhRotate($id: ID!, $version: Int!, $overlapHours: Int) {\n    rotateWebhookSecret(id: $id, version: $version, overlapHours: $overlapHours) { secret subscription { version previousSecretExpiresAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LimitsPrograms { programs { edges { node { id } } } }\n"): (typeof documents)["\n  query LimitsPrograms { programs { edges { node { id } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkProgram($input: ProgramInput!) { createProgram(input: $input) { id version } }\n"): (typeof documents)["\n  mutation PkProgram($input: ProgramInput!) { createProgram(input: $input) { id version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n"): (typeof documents)["\n  mutation PkOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"): (typeof documents)["\n  mutation PkPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n"): (typeof documents)["\n  mutation PkEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkStart($input: PairInput!) { startMentorship(input: $input) { id } }\n"): (typeof documents)["\n  mutation PkStart($input: PairInput!) { startMentorship(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkCreateKey($input: ApiKeyInput!) {\n    createApiKey(input: $input) { secret key { id name hint scopes status version lastUsedAt program { name } rateLimit { perMinute burst } } }\n  }\n"): (typeof documents)["\n  mutation PkCreateKey($input: ApiKeyInput!) {\n    createApiKey(input: $input) { secret key { id name hint scopes status version lastUsedAt program { name } rateLimit { perMinute burst } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PkKeys { apiKeys { items { id hint status lastUsedAt expiresAt revokedAt replacedBy version } } }\n"): (typeof documents)["\n  query PkKeys { apiKeys { items { id hint status lastUsedAt expiresAt revokedAt replacedBy version } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkRevoke($id: ID!, $version: Int!) { revokeApiKey(id: $id, version: $version) { status revokedAt version } }\n"): (typeof documents)["\n  mutation PkRevoke($id: ID!, $version: Int!) { revokeApiKey(id: $id, version: $version) { status revokedAt version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkRotate($id: ID!, $version: Int!, $hours: Int) {\n    rotateApiKey(id: $id, version: $version, overlapHours: $hours) { secret key { id status } }\n  }\n"): (typeof documents)["\n  mutation PkRotate($id: ID!, $version: Int!, $hours: Int) {\n    rotateApiKey(id: $id, version: $version, overlapHours: $hours) { secret key { id status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PkMe { viewer { actor { id role } } me { displayName mentorships { id program { name } } } }\n"): (typeof documents)["\n  query PkMe { viewer { actor { id role } } me { displayName mentorships { id program { name } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PkViewer { viewer { actor { role } } }\n"): (typeof documents)["\n  query PkViewer { viewer { actor { role } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PkPrograms { programs { edges { node { id name } } } }\n"): (typeof documents)["\n  query PkPrograms { programs { edges { node { id name } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PkTenantPrograms { viewer { tenant { programs { edges { node { name } } } } } }\n"): (typeof documents)["\n  query PkTenantPrograms { viewer { tenant { programs { edges { node { name } } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PkOneProgram($id: ID!) { program(id: $id) { name } }\n"): (typeof documents)["\n  query PkOneProgram($id: ID!) { program(id: $id) { name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkMeeting($input: MeetingInput!) { logMeeting(input: $input) { heldAt } }\n"): (typeof documents)["\n  mutation PkMeeting($input: MeetingInput!) { logMeeting(input: $input) { heldAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PkRequest($input: RequestInput!) { requestMentor(input: $input) { id } }\n"): (typeof documents)["\n  mutation PkRequest($input: RequestInput!) { requestMentor(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PkPersonNode($id: ID!) { node(id: $id) { ... on Person { displayName } } }\n"): (typeof documents)["\n  query PkPersonNode($id: ID!) { node(id: $id) { ... on Person { displayName } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PkNode($id: ID!) { node(id: $id) { ... on Mentorship { id } } }\n"): (typeof documents)["\n  query PkNode($id: ID!) { node(id: $id) { ... on Mentorship { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RlViewer { viewer { actor { role } } }\n"): (typeof documents)["\n  query RlViewer { viewer { actor { role } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RlPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"): (typeof documents)["\n  mutation RlPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SrProgram($input: ProgramInput!) { createProgram(input: $input) { id version privacy { sensitiveFocusAreas managersSeeSensitiveReasons } } }\n"): (typeof documents)["\n  mutation SrProgram($input: ProgramInput!) { createProgram(input: $input) { id version privacy { sensitiveFocusAreas managersSeeSensitiveReasons } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SrUpdate($id: ID!, $version: Int!, $input: ProgramInput!) {\n    updateProgram(id: $id, version: $version, input: $input) { version privacy { managersSeeSensitiveReasons } }\n  }\n"): (typeof documents)["\n  mutation SrUpdate($id: ID!, $version: Int!, $input: ProgramInput!) {\n    updateProgram(id: $id, version: $version, input: $input) { version privacy { managersSeeSensitiveReasons } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SrOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { version } }\n"): (typeof documents)["\n  mutation SrOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SrPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"): (typeof documents)["\n  mutation SrPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SrEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n"): (typeof documents)["\n  mutation SrEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SrRequest($input: RequestInput!) { requestMentor(input: $input) { id } }\n"): (typeof documents)["\n  mutation SrRequest($input: RequestInput!) { requestMentor(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SrManagerView($id: ID!, $request: ID!) {\n    program(id: $id) {\n      participants(first: 10) { edges { node { role reasons } } }\n      participantsCsv\n    }\n    request(id: $request) { introduction { focusAreas } }\n  }\n"): (typeof documents)["\n  query SrManagerView($id: ID!, $request: ID!) {\n    program(id: $id) {\n      participants(first: 10) { edges { node { role reasons } } }\n      participantsCsv\n    }\n    request(id: $request) { introduction { focusAreas } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SrOwnView($request: ID!) { me { enrolments { reasons } } request(id: $request) { introduction { focusAreas } } }\n"): (typeof documents)["\n  query SrOwnView($request: ID!) { me { enrolments { reasons } } request(id: $request) { introduction { focusAreas } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SrAccept($id: ID!) { answerRequest(id: $id, version: 1, answer: ACCEPT) { mentorship { id } } }\n"): (typeof documents)["\n  mutation SrAccept($id: ID!) { answerRequest(id: $id, version: 1, answer: ACCEPT) { mentorship { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SrNote($input: MeetingInput!) { logMeeting(input: $input) { id } }\n"): (typeof documents)["\n  mutation SrNote($input: MeetingInput!) { logMeeting(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SrReasons($key: EnrolmentKey!, $reasons: [String!]!) { updateEnrolment(key: $key, version: 1, input: { reasons: $reasons }) { version } }\n"): (typeof documents)["\n  mutation SrReasons($key: EnrolmentKey!, $reasons: [String!]!) { updateEnrolment(key: $key, version: 1, input: { reasons: $reasons }) { version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SrExport($id: ID!) { personalData(personId: $id) }\n"): (typeof documents)["\n  query SrExport($id: ID!) { personalData(personId: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SrAudit($entity: ID) { auditLog(entityId: $entity, first: 50) { edges { node { action actor { role } changes { field before after } } } } }\n"): (typeof documents)["\n  query SrAudit($entity: ID) { auditLog(entityId: $entity, first: 50) { edges { node { action actor { role } changes { field before after } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SupportCreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      id\n      slug\n    }\n  }\n"): (typeof documents)["\n  mutation SupportCreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      id\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EngProgram($input: ProgramInput!) { createProgram(input: $input) { id version engagement { followUpDays weeklyCap } } }\n"): (typeof documents)["\n  mutation EngProgram($input: ProgramInput!) { createProgram(input: $input) { id version engagement { followUpDays weeklyCap } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EngOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n"): (typeof documents)["\n  mutation EngOpen($id: ID!, $version: Int!) { changeProgramStatus(id: $id, version: $version, status: OPEN) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EngPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"): (typeof documents)["\n  mutation EngPerson($input: PersonInput!) { createPerson(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EngEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n"): (typeof documents)["\n  mutation EngEnrol($input: EnrolInput!) { enrol(input: $input) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EngStart($input: PairInput!) { startMentorship(input: $input) { id version } }\n"): (typeof documents)["\n  mutation EngStart($input: PairInput!) { startMentorship(input: $input) { id version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EngRequest($input: RequestInput!) { requestMentor(input: $input) { id status version } }\n"): (typeof documents)["\n  mutation EngRequest($input: RequestInput!) { requestMentor(input: $input) { id status version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EngMeeting($input: MeetingInput!) { logMeeting(input: $input) { id } }\n"): (typeof documents)["\n  mutation EngMeeting($input: MeetingInput!) { logMeeting(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EngPropose($input: PairInput!) { proposePair(input: $input) { id status version } }\n"): (typeof documents)["\n  mutation EngPropose($input: PairInput!) { proposePair(input: $input) { id status version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EngDecide($id: ID!, $version: Int!) { decideProposal(id: $id, version: $version, decision: APPROVE) { status version } }\n"): (typeof documents)["\n  mutation EngDecide($id: ID!, $version: Int!) { decideProposal(id: $id, version: $version, decision: APPROVE) { status version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EngRespond($id: ID!, $version: Int!, $side: ParticipantRole) {\n    respondToProposal(id: $id, version: $version, response: ACCEPT, side: $side) { proposal { status version } }\n  }\n"): (typeof documents)["\n  mutation EngRespond($id: ID!, $version: Int!, $side: ParticipantRole) {\n    respondToProposal(id: $id, version: $version, response: ACCEPT, side: $side) { proposal { status version } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;