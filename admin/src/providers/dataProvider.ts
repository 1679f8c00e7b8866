import type { DataProvider, TranslateFunction } from 'react-admin';
import { type RetentionVerbs, retentionVerbs } from '../retention/provider.ts';
import { type AnalyticsVerbs, analyticsHandlers } from './analytics.ts';
import { type ApiKeyVerbs, apiKeysHandlers } from './apiKeys.ts';
import { auditHandlers } from './audit.ts';
import { type CircleVerbs, circleVerbs } from './circles.ts';
import type { GraphQLClient } from './graphqlClient.ts';
import { type ImportVerbs, importsHandlers } from './imports.ts';
import { type MatchingVerbs, matchingHandlers } from './matching.ts';
import { type MentorshipVerbs, mentorshipsHandlers } from './mentorships.ts';
import { notificationsHandlers } from './notifications.ts';
import { type ParticipantVerbs, participantsHandlers } from './participants.ts';
import { type PeopleVerbs, peopleHandlers } from './people.ts';
import { type ProgramVerbs, programsHandlers } from './programs.ts';
import { type RequestVerbs, requestsHandlers } from './requests.ts';
import { surveysHandlers } from './surveys.ts';
import type { ResourceHandlers } from './types.ts';
import { type Viewer, viewerQuery } from './viewer.ts';
import { type WebhookVerbs, webhookDeliveriesHandlers, webhooksHandlers, webhookVerbs } from './webhooks.ts';

/** The console's own verbs, beyond react-admin's CRUD. */
export interface KindlingDataProvider
  extends DataProvider,
    PeopleVerbs,
    ParticipantVerbs,
    MentorshipVerbs,
    RequestVerbs,
    ImportVerbs,
    AnalyticsVerbs,
    ApiKeyVerbs,
    ProgramVerbs,
    WebhookVerbs,
    MatchingVerbs,
    CircleVerbs,
    RetentionVerbs {
  /** Who the token belongs to, as the API sees it. Shaped `{ data }` like react-admin's own methods. */
  getViewer(signal?: AbortSignal): Promise<{ data: Viewer }>;
}

/**
 * `translate` is for what the API does not word itself: field problems are translated by their
 * rule where the form shows them (see problems.ts).
 */
export function createDataProvider(client: GraphQLClient, translate: TranslateFunction): KindlingDataProvider {
  const people = peopleHandlers(client, translate);
  const participants = participantsHandlers(client, translate);
  const mentorships = mentorshipsHandlers(client, translate);
  const requests = requestsHandlers(client, translate);
  const imports = importsHandlers(client);
  const analytics = analyticsHandlers(client);
  const matching = matchingHandlers(client);
  const apiKeys = apiKeysHandlers(client);
  const programs = programsHandlers(client, translate);
  // Add a resource here: one module per resource, each a function of the GraphQL client (and of
  // `translate` where it words field problems).
  const resources = new Map<string, ResourceHandlers>([
    ['programs', programs],
    ['people', people],
    ['participants', participants],
    ['audit', auditHandlers(client)],
    ['mentorships', mentorships],
    ['requests', requests],
    ['imports', imports],
    ['apiKeys', apiKeys],
    ['surveys', surveysHandlers(client, translate)],
    ['notifications', notificationsHandlers(client)],
    ['webhooks', webhooksHandlers(client)],
    ['webhookDeliveries', webhookDeliveriesHandlers(client)],
  ]);

  function handler<M extends keyof ResourceHandlers>(resource: string, method: M): NonNullable<ResourceHandlers[M]> {
    const found = resources.get(resource)?.[method];
    if (!found) throw new Error(`The console cannot ${method} "${resource}" yet.`);
    return found;
  }

  const unsupported = (method: string) => async (resource: string) => {
    throw new Error(`The console cannot ${method} "${resource}" yet.`);
  };

  // Every method is async, so a missing handler is a rejected promise that react-admin notifies.
  return {
    supportAbortSignal: true,
    getList: async (resource, params) => handler(resource, 'getList')(params),
    getOne: async (resource, params) => handler(resource, 'getOne')(params),
    getMany: async (resource, params) => handler(resource, 'getMany')(params),
    update: async (resource, params) => handler(resource, 'update')(params),
    create: async (resource, params) => handler(resource, 'create')(params),
    getManyReference: async (resource, params) => handler(resource, 'getManyReference')(params),
    updateMany: unsupported('updateMany'),
    delete: unsupported('delete'),
    deleteMany: unsupported('deleteMany'),
    getViewer: async (signal) => ({ data: (await client(viewerQuery, {}, signal)).viewer }),
    personalData: people.personalData,
    erasePerson: people.erasePerson,
    enrol: participants.enrol,
    withdraw: participants.withdraw,
    updateMentorLoad: participants.updateMentorLoad,
    participantsCsv: participants.participantsCsv,
    peopleCsv: people.peopleCsv,
    changeMentorship: mentorships.changeMentorship,
    logMeeting: mentorships.logMeeting,
    saveGoal: mentorships.saveGoal,
    answerRequest: requests.answerRequest,
    previewImport: imports.previewImport,
    startImport: imports.startImport,
    importJob: imports.importJob,
    previewPairImport: imports.previewPairImport,
    startPairImport: imports.startPairImport,
    dashboard: analytics.dashboard,
    awaitingApproval: analytics.awaitingApproval,
    programAnalytics: analytics.programAnalytics,
    tenantAnalytics: analytics.tenantAnalytics,
    createApiKey: apiKeys.createApiKey,
    revokeApiKey: apiKeys.revokeApiKey,
    rotateApiKey: apiKeys.rotateApiKey,
    changeProgramStatus: programs.changeProgramStatus,
    programAttention: programs.programAttention,
    ...webhookVerbs(client),
    ...matching,
    ...retentionVerbs(client),
    ...circleVerbs(client, translate),
  };
}
