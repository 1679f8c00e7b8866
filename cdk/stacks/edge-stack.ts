import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config.ts';

export interface EdgeStackProps extends StackProps {
  config: StageConfig;
}

/** CloudFront's web ACLs exist only in us-east-1, whatever region the API runs in. */
export const EDGE_REGION = 'us-east-1';

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

/**
 * The AWS WAF web ACL in front of both distributions (the API's and the console's), in us-east-1.
 * Its ARN reaches the other stacks by `--context edgeWebAclArn=<WebAclArn output>`: CloudFormation
 * cannot export across regions, and the stacks stay environment-agnostic (ADR 0043).
 */
export class EdgeStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, { ...props, env: { ...props.env, region: EDGE_REGION } });
    const { config } = props;
    const managed = (priority: number, name: string, overrides: string[] = []): CfnWebACL.RuleProperty => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name,
          ruleActionOverrides: overrides.map((rule) => ({ name: rule, actionToUse: { count: {} } })),
        },
      },
      visibilityConfig: visibility(name),
    });

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: `${config.prefix}-edge`,
      description: 'Kindling API and console: AWS managed rules, a rate per address, a body size cap',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`${config.prefix}-edge`),
      rules: [
        {
          name: 'RatePerIp',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { aggregateKeyType: 'IP', limit: config.edge.requestsPerIpPer5Minutes } },
          visibilityConfig: visibility('RatePerIp'),
        },
        {
          // WAF inspects at most 64 KB of a body at CloudFront; the length is in Content-Length's digits.
          name: 'BodySize',
          priority: 1,
          action: { block: {} },
          statement: {
            sizeConstraintStatement: {
              fieldToMatch: { singleHeader: { Name: 'content-length' } },
              comparisonOperator: 'GT',
              size: config.edge.maxContentLengthDigits,
              textTransformations: [{ priority: 0, type: 'NONE' }],
            },
          },
          visibilityConfig: visibility('BodySize'),
        },
        // A GraphQL import carries its CSV in the body: the common set's 8 KB body cap counts, BodySize blocks.
        managed(2, 'AWSManagedRulesCommonRuleSet', ['SizeRestrictions_BODY']),
        managed(3, 'AWSManagedRulesKnownBadInputsRuleSet'),
      ],
    });

    new CfnOutput(this, 'WebAclArn', {
      value: this.webAcl.attrArn,
      description: 'Pass to the other stacks: --context edgeWebAclArn=<this>',
    });
  }
}
