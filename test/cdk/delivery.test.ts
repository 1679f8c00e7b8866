import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryStack } from '../../cdk/stacks/delivery-stack.ts';
import { ARTIFACTS, CDK_FLAGS } from './support.ts';

/** The deploy workflow's way into AWS (.github/workflows/deploy.yml): OIDC, no stored keys. */
let template: Template;
let outdir: string;
let synthError: unknown;

beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
  outdir = mkdtempSync(join(ARTIFACTS, 'delivery-'));
  const app = new App({ outdir, context: CDK_FLAGS });
  const stack = new DeliveryStack(app, 'kindling-delivery', { githubRepo: 'kindling-org/kindling' });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  try {
    app.synth();
  } catch (e) {
    synthError = e;
  }
  template = Template.fromStack(stack);
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('GitHub Actions deploy roles', () => {
  it('trusts GitHub’s OIDC issuer for the STS audience', () => {
    template.hasResourceProperties('Custom::AWSCDKOpenIdConnectProvider', {
      Url: 'https://token.actions.githubusercontent.com',
      ClientIDList: ['sts.amazonaws.com'],
    });
  });

  it.each(['dev', 'prod'])('lets only a job in the %s environment of this repository assume the %s role', (stage) => {
    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: `kindling-${stage}-deploy`,
      MaxSessionDuration: 3600,
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: {
              StringEquals: {
                'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
                'token.actions.githubusercontent.com:sub': `repo:kindling-org/kindling:environment:${stage}`,
              },
            },
          }),
        ],
      },
    });
  });

  it('grants nothing but assuming the CDK bootstrap roles', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (p) => (p as { Properties: { PolicyDocument: { Statement: { Action: unknown }[] } } }).Properties.PolicyDocument.Statement,
    );
    const deployStatements = statements.filter((s) => JSON.stringify(s).includes('cdk-hnb659fds-'));
    expect(deployStatements.length).toBe(2);
    for (const statement of deployStatements) expect(statement.Action).toBe('sts:AssumeRole');
  });

  it('passes cdk-nag with every acknowledgement explained', () => {
    const report = synthError ? readFileSync(join(outdir, 'validation-report.json'), 'utf8') : '';
    expect(synthError, report).toBeUndefined();
  });
});
