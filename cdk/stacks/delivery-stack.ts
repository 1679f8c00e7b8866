import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { OpenIdConnectProvider, PolicyStatement, Role, WebIdentityPrincipal } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { STAGES, type Stage } from '../config.ts';
import { acknowledge } from '../nag.ts';

export interface DeliveryStackProps extends StackProps {
  /** `owner/name` of the GitHub repository whose workflows deploy (`--context githubRepo=…`). */
  githubRepo: string;
  /** The stages this account hosts. @default every stage */
  stages?: readonly Stage[];
}

/** GitHub's OIDC issuer: a workflow's short-lived token, exchanged for AWS credentials. */
export const GITHUB_OIDC = 'token.actions.githubusercontent.com';

/**
 * How .github/workflows/deploy.yml reaches AWS without long-lived keys (ADR 0044): GitHub's OIDC
 * provider, and one role per stage that only a job running in that stage's GitHub environment of
 * this repository may assume. The role can do nothing but assume the CDK bootstrap roles, which
 * carry the deploy permissions (`cdk bootstrap`); prod's environment requires a reviewer's approval.
 * Deployed once per account, by hand, with an administrator's credentials (docs/runbooks/first-deploy.md).
 */
export class DeliveryStack extends Stack {
  readonly roles = new Map<Stage, Role>();

  constructor(scope: Construct, id: string, props: DeliveryStackProps) {
    super(scope, id, props);
    const provider = new OpenIdConnectProvider(this, 'GitHub', { url: `https://${GITHUB_OIDC}`, clientIds: ['sts.amazonaws.com'] });
    for (const stage of props.stages ?? STAGES) {
      const role = new Role(this, `Deploy-${stage}`, {
        roleName: `kindling-${stage}-deploy`,
        description: `GitHub Actions deploying Kindling ${stage}: ${props.githubRepo}, environment ${stage} only`,
        maxSessionDuration: Duration.hours(1),
        assumedBy: new WebIdentityPrincipal(provider.openIdConnectProviderArn, {
          StringEquals: {
            [`${GITHUB_OIDC}:aud`]: 'sts.amazonaws.com',
            [`${GITHUB_OIDC}:sub`]: `repo:${props.githubRepo}:environment:${stage}`,
          },
        }),
      });
      role.addToPolicy(
        new PolicyStatement({
          sid: 'CdkBootstrapRolesOnly',
          actions: ['sts:AssumeRole'],
          resources: [this.formatArn({ service: 'iam', region: '', resource: 'role', resourceName: 'cdk-hnb659fds-*' })],
        }),
      );
      acknowledge(
        role,
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:iam::<AWS::AccountId>:role/cdk-hnb659fds-*]',
        'The CDK bootstrap roles of this account in every region the app deploys to (the API region, us-east-1 for the web ACL, the backup copy region): their names carry the region, hence the wildcard; nothing else is granted.',
      );
      this.roles.set(stage, role);
      new CfnOutput(this, `DeployRole-${stage}`, {
        value: role.roleArn,
        description: `vars.AWS_DEPLOY_ROLE_ARN of the GitHub environment ${stage}`,
      });
    }
    // The provider's helper Lambda (CDK's custom resource) manages the thumbprints.
    for (const child of this.node.findAll()) {
      if (!child.node.path.includes('Custom::AWSCDKOpenIdConnectProvider')) continue;
      acknowledge(
        child,
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        "A CDK-provided deploy-time helper that registers the OIDC provider; its role is aws-cdk-lib's and runs only during deployments.",
      );
      acknowledge(child, 'AwsSolutions-L1', 'A CDK-provided deploy-time helper; its runtime is pinned by aws-cdk-lib and moves with it.');
      for (const rule of ['Serverless-LambdaDLQ', 'Serverless-LambdaLatestVersion', 'Serverless-LambdaTracing'] as const) {
        acknowledge(
          child,
          rule,
          'A CDK-provided deploy-time helper invoked synchronously by CloudFormation; its settings are aws-cdk-lib’s.',
        );
      }
    }
  }
}
