import type { JSONWebKeySet } from 'jose';
import { monotonicFactory } from 'ulid';
import type { MessageChannel } from '#domain/engagement/outbox.ts';
import type { WebhookTransport } from '#domain/engagement/webhooks.ts';
import { type CallerLimits, DEFAULT_CALLER_LIMITS } from '#domain/partners/rateLimits.ts';
import { type AuthConfig, createVerifier } from '#graphql/auth.ts';
import type { ServerServices } from '#graphql/context.ts';
import { CursorSeal } from '#graphql/cursors.ts';
import { toGlobalId } from '#graphql/ids.ts';
import { message } from '#graphql/messages.ts';
import { readParameter, readSecret } from '#lib/configReads.ts';
import { createLogger } from '#lib/log.ts';
import { fixedPublicUrl, type PublicUrl, parameterPublicUrl } from '#lib/publicUrl.ts';
import { actionLinkStore } from '#store/actionLinks.ts';
import { apiKeyStore } from '#store/apiKeys.ts';
import { auditStore } from '#store/audit.ts';
import { circleStore } from '#store/circles.ts';
import { createStoreClient } from '#store/client.ts';
import { countStore } from '#store/counts.ts';
import { engagementStore } from '#store/engagement.ts';
import { idempotencyStore } from '#store/idempotency.ts';
import { importStore } from '#store/imports.ts';
import { insightsStore } from '#store/insights.ts';
import { matchingStore } from '#store/matching.ts';
import { mentorshipStore } from '#store/mentorships.ts';
import { outboxStore } from '#store/outbox.ts';
import { peopleStore } from '#store/people.ts';
import { privacyStore } from '#store/privacy.ts';
import { programStore } from '#store/programs.ts';
import { proposalStore } from '#store/proposals.ts';
import { callerRateStore } from '#store/rateLimits.ts';
import { requestStore } from '#store/requests.ts';
import { surveyStore } from '#store/surveys.ts';
import { tableName } from '#store/table.ts';
import { tenantStore } from '#store/tenants.ts';
import { webhookStore } from '#store/webhooks.ts';
import { consoleOnlyChannel, mailboxChannel } from './channels/mailbox.ts';
import { sesChannel } from './channels/ses.ts';
import { guardedTransport, systemResolver } from './channels/webhookTransport.ts';
import { inProcessQueue, sqsQueue } from './jobs/queue.ts';
import { runJob } from './jobs/runJob.ts';
import { runScheduledJob } from './jobs/scheduled.ts';
import type { Services as JobServices } from './serviceTypes.ts';

/** The composition root's product: what the jobs run on, and what the GraphQL server adds to it. */
export type Services = ServerServices;
export type { JobServices };

export interface ServiceOptions {
  table: string;
  endpoint?: string | undefined;
  auth: AuthConfig;
  cursorSecret: string;
  /** Per-person and per-tenant limits for bearer tokens (default DEFAULT_CALLER_LIMITS; null: none). */
  callerLimits?: CallerLimits | null;
  /** The cursor secret before the last rotation: its cursors still open (ADR 0035). */
  previousCursorSecret?: string | undefined;
  clock?: () => Date;
  isLocal?: boolean;
  service?: string;
  /** The SQS queue for long work; absent, jobs run in this process. */
  jobsQueueUrl?: string | undefined;
  /** AWS only: tenants' requests reach DynamoDB through this role, tagged with the tenant (store/tenantAccess.ts). */
  tenantRoleArn?: string | undefined;
  /** AWS only: operators' requests (bound to no tenant) reach DynamoDB through this role. */
  operatorRoleArn?: string | undefined;
  channel?: MessageChannel;
  webhookTransport?: WebhookTransport;
  allowLoopbackWebhooks?: boolean;
  /** The base of e-mail action links (the console's address), or where to read it; absent: e-mails carry none (ADR 0059, 0074). */
  publicUrl?: string | null | PublicUrl | undefined;
}

export function createServices(options: ServiceOptions): Services {
  const client = createStoreClient({
    table: options.table,
    endpoint: options.endpoint,
    tenantAccess: options.tenantRoleArn ? { roleArn: options.tenantRoleArn, operatorRoleArn: options.operatorRoleArn } : undefined,
  });
  const ulid = monotonicFactory();
  const services: Services = {
    client,
    tenants: tenantStore(client),
    programs: programStore(client),
    people: peopleStore(client),
    mentorships: mentorshipStore(client),
    circles: circleStore(client),
    idempotency: idempotencyStore(client),
    audit: auditStore(client),
    privacy: privacyStore(client),
    imports: importStore(client),
    insights: insightsStore(client),
    requests: requestStore(client),
    proposals: proposalStore(client),
    surveys: surveyStore(client),
    matching: matchingStore(client),
    apiKeys: apiKeyStore(client),
    callerRates: callerRateStore(client),
    callerLimits: options.callerLimits === undefined ? DEFAULT_CALLER_LIMITS : options.callerLimits,
    outbox: outboxStore(client),
    engagement: engagementStore(client),
    webhooks: webhookStore(client),
    actionLinks: actionLinkStore(client),
    publicUrl: typeof options.publicUrl === 'function' ? options.publicUrl : fixedPublicUrl(options.publicUrl),
    counts: countStore(client),
    channel: options.channel ?? consoleOnlyChannel,
    webhookTransport: options.webhookTransport ?? guardedTransport((host) => services.resolveHost(host)),
    resolveHost: systemResolver,
    allowLoopbackWebhooks: options.allowLoopbackWebhooks ?? false,
    jobs: { enqueue: async () => undefined },
    newId: () => ulid(),
    globalId: toGlobalId,
    message,
    clock: options.clock ?? (() => new Date()),
    verifier: createVerifier(options.auth),
    cursors: new CursorSeal(options.cursorSecret, options.previousCursorSecret ? [options.previousCursorSecret] : []),
    log: createLogger(options.service ?? 'kindling'),
    isLocal: options.isLocal ?? false,
  };
  services.jobs = options.jobsQueueUrl
    ? sqsQueue(options.jobsQueueUrl)
    : {
        ...inProcessQueue((job) => runJob(services, job), services.log),
        runNow: (job) => runScheduledJob(services, job.job, { tenantIds: [job.tenantId] }),
      };
  return services;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`Kindling needs the environment variable ${name}; see docs/architecture.md#configuration.`);
  return value;
}

/**
 * The cursor secret: given directly (local runs), or read once per container from Secrets Manager
 * (AWS, where the function gets only the secret's ARN so the value never sits in its configuration).
 */
async function cursorSecret(env: NodeJS.ProcessEnv): Promise<{ current: string; previous: string | undefined }> {
  if (env.KINDLING_CURSOR_SECRET) return { current: env.KINDLING_CURSOR_SECRET, previous: env.KINDLING_CURSOR_SECRET_PREVIOUS };
  const secretId = required(env, 'KINDLING_CURSOR_SECRET_ARN');
  // The version before the last rotation, if there was one: its cursors keep working (ADR 0035).
  const [current, previous] = await Promise.all([readSecret(env, secretId), readSecret(env, secretId, 'AWSPREVIOUS')]);
  if (!current) throw new Error('The cursor secret in Secrets Manager is empty.');
  return { current, previous };
}

/**
 * Who tokens may be issued for: the configured audience, plus (AWS) the console's hosted-UI client,
 * whose id the console stack keeps in an SSM parameter read once per container (cdk/config.ts).
 * A missing parameter (console stack not deployed, or deleted) is no reason to stop the API.
 */
async function audiences(env: NodeJS.ProcessEnv, service: string): Promise<string[]> {
  const configured = required(env, 'KINDLING_AUTH_AUDIENCE');
  const parameter = env.KINDLING_AUTH_AUDIENCE_PARAMETER;
  if (!parameter) return [configured];
  const value = await readParameter(env, parameter);
  if (value === undefined) {
    createLogger(service).warn('console client parameter absent: accepting the API client only', { parameter });
    return [configured];
  }
  if (!value) throw new Error(`The SSM parameter ${parameter} (the console's app client id) is empty.`);
  return [configured, value];
}

/**
 * The console's address for e-mail action links: given (`KINDLING_PUBLIC_URL`), or (AWS) the SSM
 * parameter the console stack writes, read when a send needs it and kept five minutes (ADR 0074): the
 * API stack deploys and runs without the console stack, and sees it once it exists.
 */
function publicUrlOf(env: NodeJS.ProcessEnv, service: string): PublicUrl {
  const parameter = env.KINDLING_PUBLIC_URL_PARAMETER;
  if (env.KINDLING_PUBLIC_URL || !parameter) return fixedPublicUrl(env.KINDLING_PUBLIC_URL);
  const log = createLogger(service);
  return parameterPublicUrl(() => readParameter(env, parameter), {
    warn: (message, detail) => log.warn(message, { parameter, ...detail }),
  });
}

/** Reads the configuration a Lambda (or `npm start`) passes in environment variables. */
export async function servicesFromEnv(env: NodeJS.ProcessEnv = process.env, service = 'kindling'): Promise<Services> {
  const jwks: JSONWebKeySet | URL = env.KINDLING_AUTH_JWKS_URL
    ? new URL(env.KINDLING_AUTH_JWKS_URL)
    : (JSON.parse(required(env, 'KINDLING_AUTH_JWKS')) as JSONWebKeySet);
  // Both reads at once, once per container: in AWS each is a client load and a round trip.
  const [cursors, audience] = await Promise.all([cursorSecret(env), audiences(env, service)]);
  return createServices({
    table: tableName(),
    endpoint: env.KINDLING_DYNAMO_ENDPOINT,
    auth: { issuer: required(env, 'KINDLING_AUTH_ISSUER'), audience, jwks },
    cursorSecret: cursors.current,
    previousCursorSecret: cursors.previous,
    isLocal: env.KINDLING_STAGE === 'local',
    // Never in AWS, whatever the environment says.
    allowLoopbackWebhooks: env.KINDLING_WEBHOOKS_ALLOW_LOOPBACK === 'true' && !env.AWS_LAMBDA_FUNCTION_NAME,
    jobsQueueUrl: env.KINDLING_JOBS_QUEUE_URL,
    tenantRoleArn: env.KINDLING_TENANT_ROLE_ARN,
    operatorRoleArn: env.KINDLING_OPERATOR_ROLE_ARN,
    service,
    publicUrl: publicUrlOf(env, service),
    channel: env.KINDLING_SES_FROM
      ? sesChannel({ from: env.KINDLING_SES_FROM, configurationSet: env.KINDLING_SES_CONFIGURATION_SET })
      : env.KINDLING_MAILBOX
        ? mailboxChannel(env.KINDLING_MAILBOX)
        : consoleOnlyChannel,
  });
}
