import type { ActionLinkStore } from '#domain/engagement/actionLinks.ts';
import type { ResolveHost } from '#domain/engagement/endpoints.ts';
import type { MessageChannel, OutboxStore } from '#domain/engagement/outbox.ts';
import type { EngagementStore } from '#domain/engagement/planning.ts';
import type { WebhookStore, WebhookTransport } from '#domain/engagement/webhooks.ts';
import type { InsightsStore } from '#domain/insights/index.ts';
import type { AuditStore } from '#domain/kernel/audit.ts';
import type { MessageKey } from '#domain/kernel/errors.ts';
import type { IdempotencyStore } from '#domain/kernel/idempotency.ts';
import type { JobQueue } from '#domain/kernel/jobs.ts';
import type { ListCounts } from '#domain/kernel/pages.ts';
import type { MatchingStore } from '#domain/matching/run.ts';
import type { CircleStore } from '#domain/mentorships/circleRecord.ts';
import type { SurveyStore } from '#domain/mentorships/feedback.ts';
import type { MentorshipStore } from '#domain/mentorships/pairs.ts';
import type { ProposalStore } from '#domain/mentorships/proposals.ts';
import type { RequestStore } from '#domain/mentorships/requests.ts';
import type { ApiKeyStore, RateLimiter } from '#domain/partners/apiKeys.ts';
import type { CallerLimits, CallerRateLimiter } from '#domain/partners/rateLimits.ts';
import type { ImportStore } from '#domain/people/importJobs.ts';
import type { PeopleStore } from '#domain/people/people.ts';
import type { PrivacyStore } from '#domain/privacy/personalData.ts';
import type { TenantStore } from '#domain/tenancy/tenants.ts';
import type { Logger } from '#lib/log.ts';
import type { PublicUrl } from '#lib/publicUrl.ts';
import type { StoreClient } from '#store/client.ts';
import type { programStore } from '#store/programs.ts';

/**
 * What the jobs and the GraphQL server run on: the stores, clock, id source, channels and log.
 * Built once per container by the composition root (services.ts) from the environment, or by a
 * test with its own clock. The GraphQL server adds its credentials checker and cursor seal
 * (graphql/context.ts `ServerServices`).
 */
export interface Services {
  client: StoreClient;
  tenants: TenantStore;
  programs: ReturnType<typeof programStore>;
  people: PeopleStore;
  mentorships: MentorshipStore;
  /** Group programs' circles and their group meetings (ADR 0075). */
  circles: CircleStore;
  idempotency: IdempotencyStore;
  audit: AuditStore;
  privacy: PrivacyStore;
  imports: ImportStore;
  /** HR facts, the exit-reason taxonomy and the nightly retention snapshot (issue #21). */
  insights: InsightsStore;
  requests: RequestStore;
  proposals: ProposalStore;
  surveys: SurveyStore;
  matching: MatchingStore;
  apiKeys: ApiKeyStore & RateLimiter;
  /** Bearer-token callers' buckets, and their sizes; null turns them off (tests on a frozen clock). */
  callerRates: CallerRateLimiter;
  callerLimits: CallerLimits | null;
  /** Engagement (issue #9): the outbox, the job's reads and attention list, partner webhooks. */
  outbox: OutboxStore;
  engagement: EngagementStore;
  webhooks: WebhookStore;
  /** E-mail action links (ADR 0059): their hashes, consumed once. */
  actionLinks: ActionLinkStore;
  /**
   * Where people open Kindling's public pages (the console's address): the base of e-mail action
   * links, asked for when sending. Null: e-mails carry no links (neither KINDLING_PUBLIC_URL nor
   * KINDLING_PUBLIC_URL_PARAMETER gives one).
   */
  publicUrl: PublicUrl;
  /** Lists' totals, where a count is cheap (connections' `totalCount`). */
  counts: ListCounts;
  /** How messages leave: SES in AWS, a mailbox folder locally, the console only otherwise. */
  channel: MessageChannel;
  /** POSTs deliveries to checked addresses only (ADR 0036), resolving through `resolveHost`. */
  webhookTransport: WebhookTransport;
  /** How webhook host names become addresses (the system resolver; a test may answer for its own names). */
  resolveHost: ResolveHost;
  /**
   * Local development only: webhook endpoints on loopback (http or https). Set explicitly by
   * `npm start` (KINDLING_WEBHOOKS_ALLOW_LOOPBACK) and never inside a Lambda.
   */
  allowLoopbackWebhooks: boolean;
  /** Where long work goes: SQS in AWS, this process locally (where `runNow` runs an operator's job at once). */
  jobs: JobQueue & { idle?: () => Promise<void> };
  newId: () => string;
  clock: () => Date;
  /** Global ids as the API shows them (graphql/ids.ts): webhook payloads name records the same way. */
  globalId: (type: string, id: string) => string;
  /** A message in English or Dutch (graphql/messages.ts): what the jobs write for people to read. */
  message: (locale: 'en' | 'nl', key: MessageKey, params: Record<string, string | number>) => string;
  log: Logger;
  /** Local development only: introspection and stack-free detail are allowed. */
  isLocal: boolean;
}
