import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

export const STAGES = ['dev', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Everything that differs between stages, in one place: names, what survives a `cdk destroy`,
 * how long logs are kept and how hard the API may be hit. Stacks read this; they never branch on
 * the stage name themselves.
 */
export interface StageConfig {
  stage: Stage;
  /** Prefix of every stack and physical name: `kindling-dev-api`, `kindling-prod`. */
  prefix: string;
  tableName: string;
  /** What CloudFormation does with stateful resources (table, user pool) when they leave a stack. */
  removalPolicy: RemovalPolicy;
  /** DynamoDB and Cognito refuse deletion, even by CloudFormation, until this is turned off. */
  deletionProtection: boolean;
  logRetention: RetentionDays;
  /** Stage-wide defaults of the HTTP API; a starting point, to be tuned against real traffic. */
  apiThrottle: { rateLimit: number; burstLimit: number };
  /**
   * The engagement job's sender, a verified SES identity (`--context sesFrom=mentoring@example.org`);
   * without it messages show in the console's Notifications only.
   */
  sesFrom?: string;
  /** Where the alarm topic sends e-mail (`--context alarmEmail=oncall@example.org`); without it, subscribe by hand. */
  alarmEmail?: string;
  /**
   * Cognito's threat protection (the Plus feature plan, billed per monthly active user): adaptive
   * authentication and compromised-credential checks. Essentials without it.
   */
  threatProtection: boolean;
  /** The API's edge: CloudFront, AWS WAF and what they let through (cdk/stacks/edge-stack.ts, constructs/api-edge.ts). */
  edge: {
    /**
     * The web ACL the distributions attach: the edge stack's output (`--context edgeWebAclArn=…`).
     * A CLOUDFRONT web ACL lives in us-east-1 and cannot be referenced across regions by CloudFormation.
     */
    webAclArn?: string;
    /** Requests one address may make in five minutes before WAF blocks it (WAF's minimum is 10). */
    requestsPerIpPer5Minutes: number;
    /** A Content-Length with more digits is blocked at the edge: 6 digits admits bodies under 1 MB (CSV imports fit). */
    maxContentLengthDigits: number;
  };
  /**
   * A custom domain for the HTTP API (a regional ACM certificate in the API's region). With it the
   * default execute-api endpoint is disabled and CloudFront reaches the API only by this name.
   */
  apiDomain?: { domainName: string; certificateArn: string };
  /** The import worker: how many queued jobs it runs at once, and the concurrency reserved for it (none: the account's pool). */
  worker: { maxConcurrency: number; reservedConcurrency?: number };
  /** How a new version of the API function takes traffic (CodeDeploy), rolled back on its alarms. */
  deployment: 'canary' | 'allAtOnce';
  /** AWS Backup of the table; the copy goes to this vault (another region or account). Absent: PITR only. */
  backup?: { copyRegion: string; copyVaultArn?: string };
  /** Stage-level alarm thresholds, to be tuned against real traffic. */
  alarms: { clientErrorsPer5Minutes: number; oldestQueuedJobMinutes: number };
}

export function parseStage(value: unknown): Stage {
  const stage = value ?? 'dev';
  if (typeof stage === 'string' && (STAGES as readonly string[]).includes(stage)) return stage as Stage;
  throw new Error(`Unknown stage ${JSON.stringify(stage)}: pass --context stage=${STAGES.join('|')}`);
}

export function stageConfig(stage: Stage): StageConfig {
  const prefix = `kindling-${stage}`;
  switch (stage) {
    case 'dev':
      return {
        stage,
        prefix,
        tableName: prefix,
        removalPolicy: RemovalPolicy.DESTROY,
        deletionProtection: false,
        logRetention: RetentionDays.TWO_WEEKS,
        apiThrottle: { rateLimit: 25, burstLimit: 50 },
        threatProtection: false,
        edge: { requestsPerIpPer5Minutes: 500, maxContentLengthDigits: 6 },
        worker: { maxConcurrency: 2 },
        deployment: 'allAtOnce',
        alarms: { clientErrorsPer5Minutes: 200, oldestQueuedJobMinutes: 30 },
      };
    case 'prod':
      return {
        stage,
        prefix,
        tableName: prefix,
        removalPolicy: RemovalPolicy.RETAIN,
        deletionProtection: true,
        logRetention: RetentionDays.THREE_MONTHS,
        apiThrottle: { rateLimit: 200, burstLimit: 400 },
        threatProtection: true,
        edge: { requestsPerIpPer5Minutes: 2000, maxContentLengthDigits: 6 },
        // Reserved concurrency needs an account whose quota was raised (Lambda keeps 100 unreserved): docs/runbooks/first-deploy.md.
        worker: { maxConcurrency: 5, reservedConcurrency: 5 },
        deployment: 'canary',
        backup: { copyRegion: 'eu-central-1' },
        alarms: { clientErrorsPer5Minutes: 500, oldestQueuedJobMinutes: 30 },
      };
    default: {
      const never: never = stage;
      throw new Error(`Unknown stage ${String(never)}`);
    }
  }
}

/**
 * The SSM parameter that holds the console's hosted-UI app client id. The console stack writes it;
 * the GraphQL function reads it at start and accepts that client's ID tokens too.
 */
export const consoleAudienceParameter = (config: Pick<StageConfig, 'prefix'>): string => `/${config.prefix}/auth/console-client-id`;

/**
 * The SSM parameter that holds the console's public address (`https://<CloudFront domain>`), the base
 * of e-mail action links (ADR 0059, 0074). The console stack writes it; the functions that send
 * e-mail read it when they send, so the API stack deploys and runs without the console stack.
 */
export const consolePublicUrlParameter = (config: Pick<StageConfig, 'prefix'>): string => `/${config.prefix}/console/public-url`;

/**
 * What `cdk/app.ts` reads from `--context`: the settings that name things outside the repo (a
 * sender, a mailbox, a web ACL, a domain, a backup vault). Tests pass the same object.
 */
export function withContext(config: StageConfig, context: (key: string) => unknown): StageConfig {
  const text = (key: string): string | undefined => {
    const value = context(key);
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  };
  const sesFrom = text('sesFrom');
  const alarmEmail = text('alarmEmail');
  const webAclArn = text('edgeWebAclArn');
  const apiDomainName = text('apiDomainName');
  const apiCertificateArn = text('apiCertificateArn');
  const copyVaultArn = text('backupCopyVaultArn');
  const copyRegion = text('backupCopyRegion');
  return {
    ...config,
    ...(sesFrom ? { sesFrom } : {}),
    ...(alarmEmail ? { alarmEmail } : {}),
    edge: { ...config.edge, ...(webAclArn ? { webAclArn } : {}) },
    ...(apiDomainName && apiCertificateArn ? { apiDomain: { domainName: apiDomainName, certificateArn: apiCertificateArn } } : {}),
    ...(config.backup ? { backup: { copyRegion: copyRegion ?? config.backup.copyRegion, ...(copyVaultArn ? { copyVaultArn } : {}) } } : {}),
  };
}
