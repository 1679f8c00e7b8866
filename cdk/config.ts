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
