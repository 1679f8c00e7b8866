import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, ParamsAndSecretsLayerVersion, ParamsAndSecretsVersions, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { TABLE } from '#store/table.ts';
import type { StageConfig } from '../config.ts';
import { acknowledge } from '../nag.ts';

/** The repo root: handler entries, package-lock.json and the package.json `imports` resolve from here. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * DynamoDB actions by access level; never `dynamodb:*`, never Scan (tenants are read by key).
 * IAM has no TransactWriteItems/TransactGetItems actions: a transaction is authorised item by item
 * through PutItem, UpdateItem, DeleteItem, ConditionCheckItem and GetItem.
 */
export const TABLE_ACTIONS = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
  readWrite: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
    'dynamodb:ConditionCheckItem',
  ],
} as const;
export type TableAccess = keyof typeof TABLE_ACTIONS;

/** The only partition a function whose table work runs on assumed roles may read itself: the platform's tenant directory. */
export const PLATFORM_LEADING_KEYS = ['PLATFORM'];

/** The table and each of its indexes by name: no `index/*`, so an index added later is granted on purpose. */
export function tableResources(table: ITable): string[] {
  return [table.tableArn, ...TABLE.indexes.map((index) => `${table.tableArn}/index/${index.name}`)];
}

/**
 * ESM bundles still meet CommonJS dependencies that call `require`; give them one. The import is
 * aliased so it cannot collide with a name in the bundle.
 */
const REQUIRE_BANNER =
  "import { createRequire as kindlingCreateRequire } from 'node:module'; const require = kindlingCreateRequire(import.meta.url);";

export interface KindlingFunctionProps {
  config: StageConfig;
  /** Short name, unique in the stage: the function is called `<prefix>-<name>`. */
  name: string;
  /** The handler module, relative to the repo root (`functions/handlers/graphql.ts`); it exports `handler`. */
  entry: string;
  description: string;
  /** @default 10 seconds */
  timeout?: Duration;
  /** @default 1024 MB (on ARM, CPU grows with memory; the first request pays the bundle's load time) */
  memorySize?: number;
  environment?: Record<string, string>;
  /** Concurrency held for this function alone, and its ceiling. @default none (the account's pool) */
  reservedConcurrentExecutions?: number;
  /**
   * Bundle the DynamoDB client instead of loading the runtime's copy: one file to load instead of a
   * few hundred to resolve, about 90 ms less init for a bigger bundle (ADR 0046). The clients the
   * code loads on first use (STS, SQS, SES, Secrets Manager, SSM) stay the runtime's. @default false
   */
  bundleDynamoDbClient?: boolean;
}

/** Loaded on first use only: always the runtime's copy, never worth bundling. */
const LAZY_AWS_CLIENTS = [
  '@aws-sdk/client-sts',
  '@aws-sdk/client-sqs',
  '@aws-sdk/client-sesv2',
  '@aws-sdk/client-secrets-manager',
  '@aws-sdk/client-ssm',
];

/**
 * The house Lambda function: every Kindling function gets its runtime, architecture, bundling,
 * logs and tracing here, and asks for what it touches with `withTable` and `withSecret`.
 */
export class KindlingFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: KindlingFunctionProps) {
    const functionName = `${props.config.prefix}-${props.name}`;
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      logGroupName: `/aws/lambda/${functionName}`,
      retention: props.config.logRetention,
      removalPolicy: props.config.removalPolicy,
    });
    // A role of its own instead of AWSLambdaBasicExecutionRole: it may write to its log group only.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${functionName}`,
    });
    logGroup.grantWrite(role);
    super(scope, id, {
      functionName,
      description: props.description,
      entry: `${REPO_ROOT}${props.entry}`,
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: `${REPO_ROOT}package-lock.json`,
      // Lambda deprecated Node.js 20 in 2026. Local development stays on Node 20; the code needs nothing newer.
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      timeout: props.timeout ?? Duration.seconds(10),
      memorySize: props.memorySize ?? 1024,
      ...(props.reservedConcurrentExecutions ? { reservedConcurrentExecutions: props.reservedConcurrentExecutions } : {}),
      tracing: Tracing.ACTIVE,
      role,
      logGroup,
      // Secrets and parameters read at start through the extension's local cache, not an SDK client (functions/lib/configReads.ts).
      paramsAndSecrets: ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103, {
        cacheEnabled: true,
        secretsManagerTtl: Duration.minutes(5),
        parameterStoreTtl: Duration.minutes(5),
      }),
      environment: {
        // Stack traces point into the TypeScript sources, not the minified bundle.
        NODE_OPTIONS: '--enable-source-maps',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        KINDLING_STAGE: props.config.stage,
        ...props.environment,
      },
      bundling: {
        // The local esbuild (a devDependency), never Docker.
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        banner: REQUIRE_BANNER,
        // graphql 16 has no exports map: `main` first keeps its CommonJS build, the one Apollo
        // requires, so the bundle holds a single graphql and `instanceof` checks hold.
        mainFields: ['main', 'module'],
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        // The Node.js 22 runtime ships AWS SDK v3 (and the Smithy packages under it).
        externalModules: props.bundleDynamoDbClient ? LAZY_AWS_CLIENTS : ['@aws-sdk/*', '@smithy/*'],
        // Apollo Studio's protobuf code, unused (its plugins are disabled in graphql/server.ts).
        esbuildArgs: { '--alias:@apollo/usage-reporting-protobuf': join(REPO_ROOT, 'functions', 'lib', 'apolloReportingOff.ts') },
        logLevel: LogLevel.WARNING,
      },
    });
    acknowledge(
      this,
      'AwsSolutions-L1',
      'Node.js 22 on purpose (docs/decisions/0012-lambda-runtime-node-22.md): local development and CI run Node 20, and the bundle test runs this artefact there; a newer runtime waits until they move.',
    );
    acknowledge(
      this,
      'Serverless-LambdaLatestVersion',
      'Node.js 22 on purpose (docs/decisions/0012-lambda-runtime-node-22.md): the bundle is tested on the Node the team and CI run; the same reason as AwsSolutions-L1.',
    );
    acknowledge(
      this,
      'Serverless-LambdaDLQ',
      "Failures are kept where each function is invoked: API Gateway's callers get the error, SQS redrives to the jobs queue's dead-letter queue, and scheduled jobs' async failures go to an on-failure destination (cdk/constructs/scheduled-jobs.ts), which this rule does not recognise.",
    );
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray (active tracing) has no resource-level permissions: xray:PutTraceSegments and xray:PutTelemetryRecords only accept "*".',
    );
  }

  /** Grants the table and its indexes at an access level, and tells the code its name (KINDLING_TABLE). */
  withTable(table: ITable, access: TableAccess = 'readWrite'): this {
    this.addToRolePolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: [...TABLE_ACTIONS[access]], resources: tableResources(table) }),
    );
    this.addEnvironment('KINDLING_TABLE', table.tableName);
    return this;
  }

  /**
   * Tells the code the table's name and lets its own role read platform items only (`PLATFORM`):
   * for a function whose table work runs on roles it assumes per request (ADR 0045).
   */
  withPlatformReads(table: ITable): this {
    this.addToRolePolicy(
      new PolicyStatement({
        sid: 'PlatformItemsOnly',
        effect: Effect.ALLOW,
        actions: [...TABLE_ACTIONS.read],
        resources: [table.tableArn],
        conditions: {
          'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': PLATFORM_LEADING_KEYS },
          // ForAllValues holds for a call with no key at all: require one.
          Null: { 'dynamodb:LeadingKeys': 'false' },
        },
      }),
    );
    this.addEnvironment('KINDLING_TABLE', table.tableName);
    return this;
  }

  /** Grants reading a secret and passes its ARN (never its value) in an environment variable. */
  withSecret(variable: string, secret: ISecret): this {
    secret.grantRead(this);
    this.addEnvironment(variable, secret.secretArn);
    return this;
  }
}
