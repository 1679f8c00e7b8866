import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_METRICS } from '#lib/invocationMetrics.ts';
import { stageConfig, withContext } from '../../cdk/config.ts';
import { addKindlingStacks, type KindlingStacks } from '../../cdk/kindling.ts';
import { CDK_FLAGS, consoleFixture } from './support.ts';

/**
 * The prod stage as the deploy workflow synthesises it (issue #19): the settings that name things
 * outside the repo come by --context, exactly as `cdk/app.ts` reads them. Templates only: bundling
 * is skipped, the bundles are run in stacks.test.ts.
 */
const CONTEXT: Record<string, string> = {
  sesFrom: 'mentoring@example.org',
  alarmEmail: 'oncall@example.org',
  edgeWebAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/kindling-prod-edge/0a1b2c',
  apiDomainName: 'api.kindling.example',
  apiCertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c',
};

let stacks: KindlingStacks;
let api: Template;
let data: Template;
let consoleStack: Template;
let edge: Template;

beforeAll(() => {
  const app = new App({ context: { ...CDK_FLAGS, 'aws:cdk:bundling-stacks': [] } });
  stacks = addKindlingStacks(
    app,
    withContext(stageConfig('prod'), (key) => CONTEXT[key]),
    { consoleAssets: consoleFixture() },
  );
  api = Template.fromStack(stacks.api);
  data = Template.fromStack(stacks.data);
  consoleStack = Template.fromStack(stacks.console);
  edge = Template.fromStack(stacks.edge);
});

const idOf = (template: Template, type: string, properties: Record<string, unknown>): string => {
  const ids = Object.keys(template.findResources(type, { Properties: properties }));
  expect(ids, `${type} matching ${JSON.stringify(properties)}`).toHaveLength(1);
  return ids[0] as string;
};
const fn = (name: string) => idOf(api, 'AWS::Lambda::Function', { FunctionName: `kindling-prod-${name}` });
const topic = () => ({ Ref: idOf(api, 'AWS::SNS::Topic', { TopicName: 'kindling-prod-alarms' }) });

describe('1. operators and managers sign in with a second factor', () => {
  it('requires TOTP for everyone in the pool, never SMS, with Cognito’s threat protection enforced', () => {
    api.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
  });

  it('lets every app client revoke its refresh tokens on sign-out', () => {
    api.hasResourceProperties('AWS::Cognito::UserPoolClient', { ClientName: 'kindling-prod-console', EnableTokenRevocation: true });
    consoleStack.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'kindling-prod-console-hosted-ui',
      EnableTokenRevocation: true,
    });
  });
});

describe('2. the API sits behind CloudFront and AWS WAF', () => {
  it('has a CloudFront web ACL in us-east-1 with the common rules, a rate per address and a body size cap', () => {
    expect(stacks.edge.region).toBe('us-east-1');
    edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'RatePerIp',
          Action: { Block: {} },
          Statement: { RateBasedStatement: { AggregateKeyType: 'IP', Limit: 2000 } },
        }),
        Match.objectLike({
          Name: 'BodySize',
          Action: { Block: {} },
          Statement: {
            SizeConstraintStatement: Match.objectLike({
              FieldToMatch: { SingleHeader: { Name: 'content-length' } },
              ComparisonOperator: 'GT',
              Size: 6,
            }),
          },
        }),
        Match.objectLike({
          Name: 'AWSManagedRulesCommonRuleSet',
          Statement: {
            ManagedRuleGroupStatement: Match.objectLike({
              VendorName: 'AWS',
              Name: 'AWSManagedRulesCommonRuleSet',
              RuleActionOverrides: [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }],
            }),
          },
        }),
      ]),
    });
  });

  it('attaches that web ACL to the API’s distribution and the console’s, both stopping anonymous calls at the edge', () => {
    for (const template of [api, consoleStack]) {
      template.hasResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: Match.objectLike({ WebACLId: CONTEXT.edgeWebAclArn }),
      });
    }
    const requireCredentials = idOf(api, 'AWS::CloudFront::Function', { Name: 'kindling-prod-require-credentials' });
    const association = { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [requireCredentials, 'FunctionARN'] } };
    api.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({ FunctionAssociations: [association], ViewerProtocolPolicy: 'https-only' }),
      }),
    });
    consoleStack.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: Match.arrayWith([
          Match.objectLike({ PathPattern: '/graphql', FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })] }),
        ]),
      }),
    });
  });

  it('reaches the API by its custom domain only, with the default execute-api endpoint disabled and the origin secret sent', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true });
    api.hasResourceProperties('AWS::ApiGatewayV2::DomainName', { DomainName: 'api.kindling.example' });
    const secretHeader = {
      HeaderName: 'x-kindling-origin',
      HeaderValue: '{{resolve:secretsmanager:kindling-prod/edge-origin-secret:SecretString:::}}',
    };
    for (const template of [api, consoleStack]) {
      template.hasResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: Match.objectLike({
          Origins: Match.arrayWith([Match.objectLike({ DomainName: 'api.kindling.example', OriginCustomHeaders: [secretHeader] })]),
        }),
      });
    }
  });

  it('admits at the API only what came through the edge: the authorizer requires the origin header', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { IdentitySource: ['$request.header.x-kindling-origin'] });
    api.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /graphql', AuthorizationType: 'CUSTOM' });
  });
});

describe('3. failures are noticed', () => {
  it('alarms on the GraphQL errors the function counts itself: internal, IAM refusals, service unavailable', () => {
    for (const [name, metric] of [
      ['graphql-internal-errors', ERROR_METRICS.internal],
      ['graphql-access-denied', ERROR_METRICS.accessDenied],
      ['graphql-service-unavailable', ERROR_METRICS.unavailable],
    ]) {
      api.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: `kindling-prod-${name}`,
        Namespace: 'Kindling',
        MetricName: metric,
        Dimensions: Match.arrayWith([
          { Name: 'service', Value: 'graphql' },
          { Name: 'stage', Value: 'prod' },
        ]),
        AlarmActions: [topic()],
      });
    }
  });

  it.each([
    ['lifecycle', 3600],
    ['matching', 3600],
    ['engagement', 3600],
  ])('raises the alarm when the %s job stops being started by its schedule, missing data counting as breaching', (name, period) => {
    // The fanned-out jobs (ADR 0065) are started by their EventBridge rule: its invocations are the heartbeat.
    api.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `kindling-prod-${name}-heartbeat`,
      Namespace: 'AWS/Events',
      MetricName: 'Invocations',
      Dimensions: [{ Name: 'RuleName', Value: `kindling-prod-${name}` }],
      Period: period,
      EvaluationPeriods: 2,
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 1,
      TreatMissingData: 'breaching',
      AlarmActions: [topic()],
    });
  });

  it.each([['webhooks', 300]])(
    'raises the alarm when the %s job stops being invoked, missing data counting as breaching',
    (name, period) => {
      api.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: `kindling-prod-${name}-heartbeat`,
        Namespace: 'AWS/Lambda',
        MetricName: 'Invocations',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: fn(name) } }],
        Period: period,
        EvaluationPeriods: 2,
        ComparisonOperator: 'LessThanThreshold',
        Threshold: 1,
        TreatMissingData: 'breaching',
        AlarmActions: [topic()],
      });
    },
  );

  it('raises the age of the oldest queued job and a surge of 4xx answers', () => {
    const queue = idOf(api, 'AWS::SQS::Queue', { QueueName: 'kindling-prod-jobs' });
    api.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateAgeOfOldestMessage',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } }],
      Threshold: 1800,
      AlarmActions: [topic()],
    });
    api.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'kindling-prod-api-4xx-surge',
      Namespace: 'AWS/ApiGateway',
      MetricName: '4xx',
      Threshold: 500,
      AlarmActions: [topic()],
    });
  });

  it('subscribes the alarm topic to the address given by --context alarmEmail', () => {
    api.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'oncall@example.org', TopicArn: topic() });
  });
});

describe('4. invitations', () => {
  it('are sent by Cognito through SES from the configured sender, not Cognito’s 50-a-day mailer', () => {
    api.hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: {
        EmailSendingAccount: 'DEVELOPER',
        From: 'Kindling <mentoring@example.org>',
        SourceArn: Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith([':identity/example.org'])]) }),
      },
    });
  });
});

describe('5. the API does not depend on the console', () => {
  it('protects the console stack in prod, though the API starts without it (functions/services.ts)', () => {
    expect(stacks.console.terminationProtection).toBe(true);
    expect(stacks.console.dependencies).toContain(stacks.api);
    expect(stacks.api.dependencies).not.toContain(stacks.console);
  });
});

describe('6. queued work', () => {
  it('hides a job for six times the worker’s timeout, encrypts every queue and caps the worker’s concurrency', () => {
    api.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'kindling-prod-jobs',
      VisibilityTimeout: 6 * 900,
      SqsManagedSseEnabled: true,
    });
    for (const name of ['kindling-prod-jobs-dlq', 'kindling-prod-jobs-dead-letters']) {
      api.hasResourceProperties('AWS::SQS::Queue', { QueueName: name, SqsManagedSseEnabled: true });
    }
    api.hasResourceProperties('AWS::Lambda::EventSourceMapping', { ScalingConfig: { MaximumConcurrency: 5 } });
    api.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'kindling-prod-jobs',
      Timeout: 900,
      ReservedConcurrentExecutions: 5,
    });
  });
});

describe('7. safe deployment', () => {
  it('shifts the live alias to a new version as a canary, rolling back on the API alarms', () => {
    const deployment = idOf(api, 'AWS::CodeDeploy::DeploymentGroup', { DeploymentGroupName: 'kindling-prod-graphql' });
    api.hasResource('AWS::Lambda::Alias', {
      Properties: Match.objectLike({ Name: 'live', FunctionName: { Ref: fn('graphql') } }),
      UpdatePolicy: { CodeDeployLambdaAliasUpdate: Match.objectLike({ DeploymentGroupName: { Ref: deployment } }) },
    });
    const alarm = (name: string) => ({ Name: { Ref: idOf(api, 'AWS::CloudWatch::Alarm', { AlarmName: `kindling-prod-${name}` }) } });
    api.hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', {
      DeploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
      AlarmConfiguration: {
        Enabled: true,
        Alarms: Match.arrayWith([
          alarm('graphql-errors'),
          alarm('api-5xx'),
          alarm('graphql-internal-errors'),
          alarm('graphql-access-denied'),
        ]),
      },
      AutoRollbackConfiguration: { Enabled: true, Events: Match.arrayWith(['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM']) },
    });
  });
  it('feeds queued jobs to the worker’s live alias, moved linearly and rolled back on the worker’s errors', () => {
    const alias = idOf(api, 'AWS::Lambda::Alias', { Name: 'live', FunctionName: { Ref: fn('jobs') } });
    const [mapping] = Object.values(api.findResources('AWS::Lambda::EventSourceMapping')) as { Properties: { FunctionName: unknown } }[];
    // `<function name>:live`, the name taken from the alias's ARN.
    expect(mapping?.Properties.FunctionName).toEqual({
      'Fn::Join': ['', [{ 'Fn::Select': [6, { 'Fn::Split': [':', { Ref: alias }] }] }, ':live']],
    });
    api.hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', {
      DeploymentGroupName: 'kindling-prod-jobs',
      DeploymentConfigName: 'CodeDeployDefault.LambdaLinear10PercentEvery1Minute',
      AlarmConfiguration: {
        Enabled: true,
        Alarms: [{ Name: { Ref: idOf(api, 'AWS::CloudWatch::Alarm', { AlarmName: 'kindling-prod-jobs-errors' }) } }],
      },
    });
  });
});

describe('8. backups', () => {
  it('backs the table up daily with AWS Backup and copies each backup to the second region’s vault', () => {
    const table = idOf(data, 'AWS::DynamoDB::Table', { TableName: 'kindling-prod' });
    data.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: {
        BackupPlanName: 'kindling-prod-table',
        BackupPlanRule: [
          Match.objectLike({
            ScheduleExpression: 'cron(0 3 * * ? *)',
            Lifecycle: { DeleteAfterDays: 35 },
            CopyActions: [
              {
                DestinationBackupVaultArn: Match.objectLike({
                  'Fn::Join': Match.arrayWith([Match.arrayWith([':backup:eu-central-1:', ':backup-vault:kindling-prod-copy'])]),
                }),
                Lifecycle: { DeleteAfterDays: 35 },
              },
            ],
          }),
        ],
      },
    });
    data.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: Match.objectLike({ Resources: [{ 'Fn::GetAtt': [table, 'Arn'] }] }),
    });
    expect(stacks.backupCopy?.region).toBe('eu-central-1');
    const copy = stacks.backupCopy;
    if (!copy) throw new Error('no backup copy stack');
    Template.fromStack(copy).hasResource('AWS::Backup::BackupVault', {
      Properties: { BackupVaultName: 'kindling-prod-copy' },
      DeletionPolicy: 'Retain',
    });
  });

  it('copies to another account’s vault instead when one is given, with no second-region stack', () => {
    const vault = 'arn:aws:backup:eu-central-1:210987654321:backup-vault:kindling-prod-vault';
    const config = withContext(stageConfig('prod'), (key) => ({ ...CONTEXT, backupCopyVaultArn: vault })[key]);
    const other = addKindlingStacks(new App({ context: { ...CDK_FLAGS, 'aws:cdk:bundling-stacks': [] } }), config, {
      consoleAssets: consoleFixture(),
    });
    expect(other.backupCopy).toBeUndefined();
    Template.fromStack(other.data).hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: { BackupPlanRule: [Match.objectLike({ CopyActions: [Match.objectLike({ DestinationBackupVaultArn: vault })] })] },
    });
  });
});
