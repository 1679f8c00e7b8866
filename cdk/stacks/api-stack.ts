import { CfnOutput, Duration, Fn, Names, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { DomainName, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { LambdaDeploymentConfig, LambdaDeploymentGroup } from 'aws-cdk-lib/aws-codedeploy';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolEmail,
} from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Alias } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { consoleAudienceParameter, consolePublicUrlParameter, type StageConfig } from '../config.ts';
import { ApiEdge } from '../constructs/api-edge.ts';
import { JobFanOut } from '../constructs/job-fan-out.ts';
import { KindlingFunction } from '../constructs/kindling-function.ts';
import { Monitoring } from '../constructs/monitoring.ts';
import { ScheduledJobs } from '../constructs/scheduled-jobs.ts';
import { OperatorDataRole, TenantDataRole } from '../constructs/tenant-data-role.ts';
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
  readonly operatorData: OperatorDataRole;
  readonly jobs: ScheduledJobs;
  readonly fanOut: JobFanOut;
  readonly api: HttpApi;
  readonly monitoring: Monitoring;
  readonly edge: ApiEdge;
  /** Where CloudFront reaches the API: its custom domain, or the default execute-api address. */
  readonly originDomain: string;
  /** The alias API Gateway invokes; CodeDeploy moves it from version to version. */
  readonly graphqlAlias: Alias;

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
      // Every user enrols an authenticator app (TOTP) at first sign-in: operators act across tenants,
      // managers hold their people's data. SMS is off (SIM swaps, and it costs per message).
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: config.threatProtection ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      ...(config.threatProtection ? { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION } : {}),
      // Cognito's own sender allows 50 e-mails a day per account: invitations go through SES when a sender is set.
      ...(config.sesFrom
        ? {
            email: UserPoolEmail.withSES({
              fromEmail: config.sesFrom,
              fromName: 'Kindling',
              sesRegion: this.region,
              sesVerifiedDomain: config.sesFrom.split('@')[1] ?? config.sesFrom,
            }),
          }
        : {}),
      passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: config.deletionProtection,
      removalPolicy: config.removalPolicy,
    });
    if (!config.threatProtection) {
      acknowledge(
        this.userPool,
        'AwsSolutions-COG8',
        'Essentials feature plan outside prod: the Plus plan (threat protection) is billed per monthly active user, and a dev stage has a handful of test users. Prod turns it on (cdk/config.ts).',
      );
    }
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
      'An HMAC key that only seals pagination cursors, rotated by hand with put-secret-value (docs/runbooks/key-rotation.md): the function accepts the AWSPREVIOUS version too (ADR 0035), so cursors in flight survive; a rotation Lambda would add a function for no protection gained.',
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
      bundleDynamoDbClient: true,
    })
      .withPlatformReads(table)
      .withSecret('KINDLING_CURSOR_SECRET_ARN', cursorSecret);

    // Token vending (ADR 0018, 0045): a tenant's requests reach the table through a role scoped to its
    // keys, an operator's through the operator role; the function's own role only assumes them and
    // reads platform items.
    const graphqlRole = this.graphql.role;
    if (!graphqlRole) throw new Error('The GraphQL function has no role');
    this.tenantData = new TenantDataRole(this, 'TenantData', { config, table, assumedBy: graphqlRole });
    this.graphql.addToRolePolicy(
      new PolicyStatement({ actions: ['sts:AssumeRole', 'sts:TagSession'], resources: [this.tenantData.role.roleArn] }),
    );
    this.graphql.addEnvironment('KINDLING_TENANT_ROLE_ARN', this.tenantData.role.roleArn);
    this.operatorData = new OperatorDataRole(this, 'OperatorData', { config, table, assumedBy: graphqlRole });
    this.graphql.addToRolePolicy(new PolicyStatement({ actions: ['sts:AssumeRole'], resources: [this.operatorData.role.roleArn] }));
    this.graphql.addEnvironment('KINDLING_OPERATOR_ROLE_ARN', this.operatorData.role.roleArn);

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
    // With a custom domain the default execute-api address is switched off; CloudFront uses the domain.
    const apiDomain = config.apiDomain
      ? new DomainName(this, 'ApiDomain', {
          domainName: config.apiDomain.domainName,
          certificate: Certificate.fromCertificateArn(this, 'ApiCertificate', config.apiDomain.certificateArn),
        })
      : undefined;
    this.api = new HttpApi(this, 'Api', {
      apiName: `${prefix}-api`,
      description: 'Kindling GraphQL',
      createDefaultStage: false,
      disableExecuteApiEndpoint: apiDomain !== undefined,
    });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      logGroupName: `/aws/apigateway/${prefix}-api`,
      retention: config.logRetention,
      removalPolicy: config.removalPolicy,
    });
    new HttpStage(this, 'ApiStage', {
      httpApi: this.api,
      autoDeploy: true,
      throttle: config.apiThrottle,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
      ...(apiDomain ? { domainMapping: { domainName: apiDomain } } : {}),
    });
    this.originDomain = config.apiDomain?.domainName ?? Fn.select(2, Fn.split('/', this.api.apiEndpoint));
    this.edge = new ApiEdge(this, 'Edge', { config, originDomain: this.originDomain });
    this.edge.distribution.node.addDependency(this.edge.originSecret);

    // Versions behind an alias: API Gateway calls the alias, CodeDeploy shifts it (below, once the alarms exist).
    this.graphqlAlias = new Alias(this, 'GraphqlLive', { aliasName: 'live', version: this.graphql.currentVersion });
    const [route] = this.api.addRoutes({
      path: '/graphql',
      methods: [HttpMethod.POST],
      integration: new HttpLambdaIntegration('GraphqlIntegration', this.graphqlAlias),
      // Checks only that the request came through the edge; the caller is verified in the function (ADR 0017, 0043).
      authorizer: this.edge.authorizer,
    });
    if (!route) throw new Error('The GraphQL route was not created');
    // E-mail action links (ADR 0059): the same function, no credentials but the token in the body.
    this.api.addRoutes({
      path: '/links',
      methods: [HttpMethod.POST],
      integration: new HttpLambdaIntegration('ActionLinksIntegration', this.graphqlAlias),
      authorizer: this.edge.authorizer,
    });

    const alarmTopic = new Topic(this, 'Alarms', { topicName: `${prefix}-alarms`, enforceSSL: true });
    if (config.alarmEmail) {
      alarmTopic.addSubscription(new EmailSubscription(config.alarmEmail));
      acknowledge(
        alarmTopic,
        'Serverless-SNSRedrivePolicy',
        "The alarm e-mail subscription: SNS retries e-mail itself, and a dead-letter queue of undelivered alarms would need an alarm of its own, sent the same way. The dashboard and the alarms' state stay the record.",
      );
    }

    this.jobs = new ScheduledJobs(this, 'Jobs', { config, environment, alarmTopic });
    // The scheduled jobs fan out over tenants and programs (ADR 0065): one function runs every step,
    // one Step Functions state machine (a Distributed Map over the tenants) runs each job's schedule.
    const units = new KindlingFunction(this.jobs, 'Units', {
      config,
      name: 'job-units',
      entry: 'functions/handlers/jobUnits.ts',
      description: 'Scheduled jobs, one step at a time: list tenants, open a tenant, one program, close a tenant',
      // The longest unit is one large program's matching run; an Express child allows five minutes.
      timeout: Duration.minutes(4),
      memorySize: 2048,
      environment,
    })
      .withTable(table)
      .withSecret('KINDLING_CURSOR_SECRET_ARN', cursorSecret);
    this.fanOut = new JobFanOut(this, 'FanOut', { config, units, deadLetterQueue: this.jobs.deadLetterQueue, alarmTopic });
    const hourly = Schedule.rate(Duration.hours(1));
    this.fanOut.schedule(
      'Lifecycle',
      'lifecycle',
      hourly,
      'Program lifecycle tick: starts programs, expires requests, requeues stalled imports',
      Duration.hours(1),
    );
    // One frequent rule that finds the programs due (each program's schedule lives in its settings).
    this.fanOut.schedule(
      'Matching',
      'matching',
      hourly,
      'Scheduled matching: runs every program whose matching schedule is due',
      Duration.hours(1),
    );
    // Follow-ups, nudges, surveys, the outbox and partner webhooks; idempotent per program and day,
    // so an hourly run sends what is due and a retried one nothing twice.
    this.fanOut.schedule(
      'Engagement',
      'engagement',
      hourly,
      'Engagement: plans each program day into the outbox, sends what is due, delivers webhooks',
      Duration.hours(1),
    );
    // The retention snapshot (issue #21): every tenant's figures once a night, one item each.
    this.fanOut.schedule(
      'Retention',
      'retention',
      Schedule.cron({ minute: '30', hour: '2' }),
      'Retention snapshot: Kaplan–Meier retention and exit reasons per tenant, nightly',
    );
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

    // Long work the API queues (imports): SQS to a worker, retried, then dead-lettered and alarmed.
    const jobsDeadLetters = new Queue(this, 'JobsDeadLetters', {
      queueName: `${prefix}-jobs-dlq`,
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    const workerTimeout = Duration.minutes(15);
    const jobsQueue = new Queue(this, 'JobsQueue', {
      queueName: `${prefix}-jobs`,
      // AWS: at least six times the function's timeout, so a message is not handed out again while a slow run (or its retries) still holds it.
      visibilityTimeout: Duration.seconds(workerTimeout.toSeconds() * 6),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: jobsDeadLetters, maxReceiveCount: 5 },
    });
    const worker = new KindlingFunction(this, 'JobsWorker', {
      config,
      name: 'jobs',
      entry: 'functions/handlers/jobs.ts',
      description: "Long work queued by the API (imports, operators' on-demand job runs)",
      timeout: workerTimeout,
      environment,
      ...(config.worker.reservedConcurrency ? { reservedConcurrentExecutions: config.worker.reservedConcurrency } : {}),
    })
      .withTable(table)
      .withSecret('KINDLING_CURSOR_SECRET_ARN', cursorSecret);
    // A burst of imports takes at most this many concurrent runs: the API keeps the rest of the account's concurrency.
    const jobsSource = new SqsEventSource(jobsQueue, {
      batchSize: 1,
      reportBatchItemFailures: true,
      maxConcurrency: config.worker.maxConcurrency,
    });
    // The queue feeds the worker's live alias, which CodeDeploy moves like the API's (below).
    const workerAlias = new Alias(this, 'JobsWorkerLive', { aliasName: 'live', version: worker.currentVersion });
    workerAlias.addEventSource(jobsSource);
    acknowledge(
      workerAlias.node.findChild(`SqsEventSource:${Names.nodeUniqueId(jobsQueue.node)}`),
      'Serverless-LambdaEventSourceMappingDestination',
      "An SQS source's failures are redriven by the queue itself (five receives, then the jobs dead-letter queue, alarmed); Lambda's on-failure destination applies to stream sources.",
    );
    acknowledge(
      jobsDeadLetters,
      'Serverless-SQSRedrivePolicy',
      'This queue is itself the dead-letter queue of the jobs queue; a redrive from it would have nowhere better to go.',
    );
    // The worker also runs an operator's on-demand engagement run (the runJob mutation): it sends as the schedule does.
    if (config.sesFrom) {
      const domain = config.sesFrom.split('@')[1] ?? config.sesFrom;
      for (const fn of [units, worker]) {
        fn.addEnvironment('KINDLING_SES_FROM', config.sesFrom);
        fn.addToRolePolicy(
          new PolicyStatement({
            actions: ['ses:SendEmail'],
            resources: [this.formatArn({ service: 'ses', resource: 'identity', resourceName: domain })],
          }),
        );
      }
    }
    // The console's address for e-mail action links (ADR 0074): the console stack writes it after this
    // stack exists, so the functions that send e-mail (the scheduled units and the worker's on-demand
    // runs) read it when they send, kept five minutes; without it e-mails go without links.
    const publicUrlParameter = consolePublicUrlParameter(config);
    for (const fn of [units, worker]) {
      fn.addEnvironment('KINDLING_PUBLIC_URL_PARAMETER', publicUrlParameter);
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['ssm:GetParameter'],
          resources: [this.formatArn({ service: 'ssm', resource: 'parameter', resourceName: publicUrlParameter.slice(1) })],
        }),
      );
    }
    for (const fn of [this.graphql, units, worker]) {
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
        { fn: units, service: 'job-units', p99: Duration.minutes(3), heartbeat: Duration.hours(1) },
        { fn: webhooks, service: 'webhooks', p99: Duration.seconds(90), heartbeat: Duration.minutes(5) },
        { fn: worker, service: 'jobs', p99: Duration.minutes(12) },
        { fn: this.edge.authorizerFunction, service: 'edge-authorizer', p99: Duration.seconds(1) },
      ],
      api: this.api,
      table,
      deadLetterQueues: [this.jobs.deadLetterQueue, jobsDeadLetters],
      workQueues: [jobsQueue],
      alarmTopic,
    });

    // A new version takes traffic gradually and goes back on its own when an API alarm fires (ADR 0044).
    const deployment = new LambdaDeploymentGroup(this, 'GraphqlDeployment', {
      deploymentGroupName: `${prefix}-graphql`,
      alias: this.graphqlAlias,
      deploymentConfig:
        config.deployment === 'canary' ? LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES : LambdaDeploymentConfig.ALL_AT_ONCE,
      alarms: this.monitoring.apiRollbackAlarms,
      autoRollback: { failedDeployment: true, stoppedDeployment: true, deploymentInAlarm: true },
    });
    // Imports are rare: in prod the worker's new version takes a tenth of them per minute, rolled back on its errors.
    const workerDeployment = new LambdaDeploymentGroup(this, 'JobsWorkerDeployment', {
      deploymentGroupName: `${prefix}-jobs`,
      alias: workerAlias,
      deploymentConfig:
        config.deployment === 'canary' ? LambdaDeploymentConfig.LINEAR_10PERCENT_EVERY_1MINUTE : LambdaDeploymentConfig.ALL_AT_ONCE,
      alarms: this.monitoring.workerRollbackAlarms,
      autoRollback: { failedDeployment: true, stoppedDeployment: true, deploymentInAlarm: true },
    });
    for (const group of [deployment, workerDeployment]) {
      acknowledge(
        group,
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited]',
        "CodeDeploy's own service role for Lambda (the Limited variant): it may shift this alias and read the alarms; AWS maintains it as the service changes.",
      );
    }

    new CfnOutput(this, 'GraphqlUrl', { value: `https://${this.edge.distribution.distributionDomainName}/graphql` });
    if (apiDomain) {
      new CfnOutput(this, 'ApiDomainTarget', {
        value: apiDomain.regionalDomainName,
        description: `Point ${config.apiDomain?.domainName} here (CNAME or alias record): CloudFront reaches the API by that name`,
      });
    }
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'ConsoleClientId', { value: this.consoleClient.userPoolClientId });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarmTopic.topicArn });
  }
}
