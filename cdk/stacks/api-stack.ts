import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { AccountRecovery, ClientAttributes, Mfa, StringAttribute, UserPool, type UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { consoleAudienceParameter, type StageConfig } from '../config.ts';
import { KindlingFunction } from '../constructs/kindling-function.ts';
import { Monitoring } from '../constructs/monitoring.ts';
import { ScheduledJobs } from '../constructs/scheduled-jobs.ts';
import { TenantDataRole } from '../constructs/tenant-data-role.ts';
import { acknowledge } from '../nag.ts';

export interface ApiStackProps extends StackProps {
  config: StageConfig;
  table: ITable;
}

/**
 * One JSON line per request; never headers (the Authorization header is a credential) or bodies.
 * The integration fields explain a 5xx without opening the function's logs.
 */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    method: '$context.httpMethod',
    route: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    integrationStatus: '$context.integrationStatus',
    integrationLatencyMs: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    error: '$context.error.message',
  }),
);

/** Cognito groups the GraphQL context maps to roles (functions/graphql/auth.ts). */
export const GROUPS = { operators: 'operators', managers: 'managers' } as const;

/**
 * Who may call (Cognito), the GraphQL API (HTTP API → Lambda) and the scheduled jobs, which share
 * the API's configuration.
 */
export class ApiStack extends Stack {
  readonly userPool: UserPool;
  readonly consoleClient: UserPoolClient;
  readonly graphql: KindlingFunction;
  readonly tenantData: TenantDataRole;
  readonly jobs: ScheduledJobs;
  readonly api: HttpApi;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { config, table } = props;
    const { prefix } = config;

    // Users are invited by an operator or manager; the tenant and the groups are set by them, never
    // by the user: `custom:tenant` is immutable and no app client may write it.
    this.userPool = new UserPool(this, 'Users', {
      userPoolName: `${prefix}-users`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      customAttributes: { tenant: new StringAttribute({ minLen: 1, maxLen: 40, mutable: false }) },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: config.deletionProtection,
      removalPolicy: config.removalPolicy,
    });
    acknowledge(
      this.userPool,
      'AwsSolutions-COG2',
      'MFA is optional (TOTP offered, SMS off): users are invited managers of many organisations, and requiring it is a tenant policy Kindling does not model yet. Operators are expected to enrol TOTP.',
    );
    acknowledge(
      this.userPool,
      'AwsSolutions-COG8',
      'Essentials feature plan: the Plus plan (threat protection) is billed per monthly active user, against the near-zero cost at rest this platform is held to. Revisit when a tenant asks for adaptive authentication.',
    );
    this.userPool.addGroup('Operators', { groupName: GROUPS.operators, description: 'Run the platform across tenants', precedence: 0 });
    this.userPool.addGroup('Managers', { groupName: GROUPS.managers, description: "Run their tenant's programs", precedence: 10 });

    // The console signs in with SRP and sends the ID token: it carries `aud` (checked by the
    // verifier), `custom:tenant` and `cognito:groups`; the access token carries neither.
    this.consoleClient = this.userPool.addClient('ConsoleClient', {
      userPoolClientName: `${prefix}-console`,
      generateSecret: false,
      // SRP for the console; admin password auth needs AWS credentials (cognito-idp:AdminInitiateAuth),
      // so an operator can get a token from the CLI for the first tenant (README: Deploying to AWS).
      authFlows: { userSrp: true, adminUserPassword: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('tenant'),
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });

    // Cursors are sealed with this key. Its value never appears in the template or the function's
    // configuration: the code gets the ARN and must read the value at start.
    const cursorSecret = new Secret(this, 'CursorSecret', {
      secretName: `${prefix}/cursor-secret`,
      description: 'HMAC key that seals GraphQL pagination cursors',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: config.removalPolicy,
    });
    acknowledge(
      cursorSecret,
      'AwsSolutions-SMG4',
      'An HMAC key that only seals pagination cursors: rotating it only invalidates cursors in flight (clients restart a list). It is rotated by hand with put-secret-value (README); a rotation Lambda would add a function for no protection gained.',
    );

    const issuer = this.userPool.userPoolProviderUrl;
    const environment = {
      KINDLING_AUTH_ISSUER: issuer,
      KINDLING_AUTH_AUDIENCE: this.consoleClient.userPoolClientId,
      KINDLING_AUTH_JWKS_URL: `${issuer}/.well-known/jwks.json`,
    };

    this.graphql = new KindlingFunction(this, 'Graphql', {
      config,
      name: 'graphql',
      entry: 'functions/handlers/graphql.ts',
      description: 'GraphQL API (Apollo Server) behind the HTTP API',
      environment,
    })
      .withTable(table)
      .withSecret('KINDLING_CURSOR_SECRET_ARN', cursorSecret);

    // A tenant's requests reach the table through a role scoped to its keys; the function's own role
    // (above) serves operators, the checks that verify a caller and the tenant directory (ADR 0018).
    const graphqlRole = this.graphql.role;
    if (!graphqlRole) throw new Error('The GraphQL function has no role');
    this.tenantData = new TenantDataRole(this, 'TenantData', { config, table, assumedBy: graphqlRole });
    this.graphql.addToRolePolicy(
      new PolicyStatement({ actions: ['sts:AssumeRole', 'sts:TagSession'], resources: [this.tenantData.role.roleArn] }),
    );
    this.graphql.addEnvironment('KINDLING_TENANT_ROLE_ARN', this.tenantData.role.roleArn);

    // The console's hosted-UI client is made in the console stack (where its callback address is
    // known); the function reads its id from this parameter at start and accepts its ID tokens.
    const audienceParameter = consoleAudienceParameter(config);
    this.graphql.addEnvironment('KINDLING_AUTH_AUDIENCE_PARAMETER', audienceParameter);
    this.graphql.addToRolePolicy(
      new PolicyStatement({
        actions: ['ssm:GetParameter'],
        resources: [this.formatArn({ service: 'ssm', resource: 'parameter', resourceName: audienceParameter.slice(1) })],
      }),
    );

    // No authorizer on the route: the function verifies the bearer token itself in the GraphQL
    // context (issuer, audience, signature, expiry), the only place the tenant is derived, and
    // answers a failure as a GraphQL UNAUTHENTICATED error, the same locally and in AWS. A JWT
    // authorizer would duplicate that check and answer in another shape; partner API keys are
    // checked in the same place (ADR 27). Stage throttling bounds anonymous traffic.
    this.api = new HttpApi(this, 'Api', {
      apiName: `${prefix}-api`,
      description: 'Kindling GraphQL',
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      logGroupName: `/aws/apigateway/${prefix}-api`,
      retention: config.logRetention,
      removalPolicy: config.removalPolicy,
    });
    const stage = new HttpStage(this, 'ApiStage', {
      httpApi: this.api,
      autoDeploy: true,
      throttle: config.apiThrottle,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });
    const [route] = this.api.addRoutes({
      path: '/graphql',
      methods: [HttpMethod.POST],
      integration: new HttpLambdaIntegration('GraphqlIntegration', this.graphql),
    });
    if (route) {
      acknowledge(
        route,
        'AwsSolutions-APIG4',
        'Authorisation happens in the function, which verifies the Cognito token or partner key itself (docs/decisions/0009 and 0017): the tenant comes only from those verified credentials.',
      );
    }

    const alarmTopic = new Topic(this, 'Alarms', { topicName: `${prefix}-alarms`, enforceSSL: true });

    this.jobs = new ScheduledJobs(this, 'Jobs', { config, environment, alarmTopic });
    const lifecycle = this.jobs
      .add('Lifecycle', {
        name: 'lifecycle',
        entry: 'functions/handlers/lifecycle.ts',
        description: 'Program lifecycle tick: starts programs, expires requests, requeues stalled imports',
        schedule: Schedule.rate(Duration.hours(1)),
      })
      .withTable(table)
      .withSecret('KINDLING_CURSOR_SECRET_ARN', cursorSecret);
    // One frequent rule that finds the programs due (each program's schedule lives in its settings).
    const matching = this.jobs
      .add('Matching', {
        name: 'matching',
        entry: 'functions/handlers/matching.ts',
        description: 'Scheduled matching: runs every program whose matching schedule is due',
        schedule: Schedule.rate(Duration.hours(1)),
        timeout: Duration.minutes(15),
        memorySize: 2048,
      })
      .withTable(table)
      .withSecret('KINDLING_CURSOR_SECRET_ARN', cursorSecret);
    // Follow-ups, nudges, surveys, the outbox and partner webhooks; idempotent per program and day,
    // so an hourly run sends what is due and a retried one nothing twice.
    const engagement = this.jobs
      .add('Engagement', {
        name: 'engagement',
        entry: 'functions/handlers/engagement.ts',
        description: 'Engagement: plans each program day into the outbox, sends what is due, delivers webhooks',
        schedule: Schedule.rate(Duration.hours(1)),
        timeout: Duration.minutes(15),
        memorySize: 1024,
      })
      .withTable(table)
      .withSecret('KINDLING_CURSOR_SECRET_ARN', cursorSecret);
    // Webhook retries on their documented schedule (1, 2, 4 … minutes): every minute, due deliveries only (ADR 0037).
    const webhooks = this.jobs
      .add('Webhooks', {
        name: 'webhooks',
        entry: 'functions/handlers/webhooks.ts',
        description: 'Webhook retries: attempts every delivery that is due, every minute',
        schedule: Schedule.rate(Duration.minutes(1)),
        timeout: Duration.minutes(2),
        memorySize: 512,
        maxEventAge: Duration.minutes(5),
      })
      .withTable(table)
      .withSecret('KINDLING_CURSOR_SECRET_ARN', cursorSecret);

    // The retention snapshot (issue #21): every tenant's figures once a night, one item each.
    this.jobs
      .add('Retention', {
        name: 'retention',
        entry: 'functions/handlers/retention.ts',
        description: 'Retention snapshot: Kaplan–Meier retention and exit reasons per tenant, nightly',
        schedule: Schedule.cron({ minute: '30', hour: '2' }),
        timeout: Duration.minutes(15),
        memorySize: 1024,
      })
      .withTable(table)
      .withSecret('KINDLING_CURSOR_SECRET_ARN', cursorSecret);

    // Long work the API queues (imports): SQS to a worker, retried, then dead-lettered and alarmed.
    const jobsDeadLetters = new Queue(this, 'JobsDeadLetters', {
      queueName: `${prefix}-jobs-dlq`,
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
    });
    const jobsQueue = new Queue(this, 'JobsQueue', {
      queueName: `${prefix}-jobs`,
      visibilityTimeout: Duration.minutes(16),
      enforceSSL: true,
      deadLetterQueue: { queue: jobsDeadLetters, maxReceiveCount: 5 },
    });
    const worker = new KindlingFunction(this, 'JobsWorker', {
      config,
      name: 'jobs',
      entry: 'functions/handlers/jobs.ts',
      description: "Long work queued by the API (imports, operators' on-demand job runs)",
      timeout: Duration.minutes(15),
      environment,
    })
      .withTable(table)
      .withSecret('KINDLING_CURSOR_SECRET_ARN', cursorSecret);
    worker.addEventSource(new SqsEventSource(jobsQueue, { batchSize: 1, reportBatchItemFailures: true }));
    // The worker also runs an operator's on-demand engagement run (the runJob mutation): it sends as the schedule does.
    if (config.sesFrom) {
      const domain = config.sesFrom.split('@')[1] ?? config.sesFrom;
      for (const fn of [engagement, worker]) {
        fn.addEnvironment('KINDLING_SES_FROM', config.sesFrom);
        fn.addToRolePolicy(
          new PolicyStatement({
            actions: ['ses:SendEmail'],
            resources: [this.formatArn({ service: 'ses', resource: 'identity', resourceName: domain })],
          }),
        );
      }
    }
    for (const fn of [this.graphql, lifecycle, worker]) {
      jobsQueue.grantSendMessages(fn);
      fn.addEnvironment('KINDLING_JOBS_QUEUE_URL', jobsQueue.queueUrl);
    }
    new Alarm(this, 'JobsDeadLettersAlarm', {
      alarmName: `${prefix}-queued-jobs-dead-letters`,
      alarmDescription: 'A queued job (an import) failed five times and was dead-lettered.',
      metric: jobsDeadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new SnsAction(alarmTopic));

    this.monitoring = new Monitoring(this, 'Monitoring', {
      config,
      functions: [
        // API p99 well under API Gateway's 30 s limit; the jobs near their own timeouts.
        { fn: this.graphql, service: 'graphql', p99: Duration.seconds(3) },
        { fn: lifecycle, service: 'lifecycle', p99: Duration.minutes(4) },
        { fn: matching, service: 'matching', p99: Duration.minutes(12) },
        { fn: engagement, service: 'engagement', p99: Duration.minutes(12) },
        { fn: webhooks, service: 'webhooks', p99: Duration.seconds(90) },
        { fn: worker, service: 'jobs', p99: Duration.minutes(12) },
      ],
      api: this.api,
      table,
      deadLetterQueues: [this.jobs.deadLetterQueue, jobsDeadLetters],
      alarmTopic,
    });

    new CfnOutput(this, 'GraphqlUrl', { value: `${stage.url}graphql` });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'ConsoleClientId', { value: this.consoleClient.userPoolClientId });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarmTopic.topicArn });
  }
}
