import type { ApiKeyStore, RateLimiter } from '#domain/apiKeys.ts';
import type { AuditStore } from '#domain/audit.ts';
import type { ResolveHost } from '#domain/endpoints.ts';
import type { EngagementStore } from '#domain/engagement.ts';
import type { SurveyStore } from '#domain/feedback.ts';
import type { IdempotencyStore } from '#domain/idempotency.ts';
import type { ImportStore } from '#domain/importJobs.ts';
import type { InsightsStore } from '#domain/insights/index.ts';
import type { JobQueue } from '#domain/jobs.ts';
import type { MatchingStore } from '#domain/matching/run.ts';
import type { MentorshipStore } from '#domain/mentorships.ts';
import type { MessageChannel, OutboxStore } from '#domain/outbox.ts';
import type { PeopleStore } from '#domain/people.ts';
import type { PrivacyStore } from '#domain/privacy.ts';
import type { ProposalStore } from '#domain/proposals.ts';
import type { CallerLimits, CallerRateLimiter } from '#domain/rateLimits.ts';
import type { RequestStore } from '#domain/requests.ts';
import type { TenantStore } from '#domain/tenants.ts';
import type { WebhookStore, WebhookTransport } from '#domain/webhooks.ts';
import type { Verifier } from '#graphql/auth.ts';
import type { CursorSeal } from '#graphql/cursors.ts';
import type { Logger } from '#lib/log.ts';
import type { StoreClient } from '#store/client.ts';
import type { programStore } from '#store/programs.ts';

/**
 * The composition root: the stores, clock, id source and credentials checker that the handlers
 * and the GraphQL server run on. Built once per container from the environment, or by a test
 * with its own clock.
 */
export interface Services {
  client: StoreClient;
  tenants: TenantStore;
  programs: ReturnType<typeof programStore>;
  people: PeopleStore;
  mentorships: MentorshipStore;
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
  /**
   * Where long work goes: SQS in AWS, this process locally. `inProcess` says a job enqueued here
   * runs in this process (an operator's "run it now" then waits for it and shows what it did).
   */
  jobs: JobQueue & { idle?: () => Promise<void>; inProcess?: boolean };
  newId: () => string;
  clock: () => Date;
  verifier: Verifier;
  cursors: CursorSeal;
  log: Logger;
  /** Local development only: introspection and stack-free detail are allowed. */
  isLocal: boolean;
}
