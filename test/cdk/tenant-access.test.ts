import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE } from '#store/table.ts';
import { stageConfig } from '../../cdk/config.ts';
import { REPO_ROOT, TABLE_ACTIONS } from '../../cdk/constructs/kindling-function.ts';
import { TENANT_LEADING_KEYS, UNBOUNDED_ACTIONS } from '../../cdk/constructs/tenant-data-role.ts';
import { addKindlingStacks } from '../../cdk/kindling.ts';
import { consoleFixture } from './support.ts';

/**
 * The tenant role, as synthesised: asserted in the template, then evaluated offline by an IAM policy
 * simulator (@cloud-copilot/iam-simulate) against the calls the store makes and the ones it must not.
 */
// biome-ignore lint/suspicious/noTemplateCurlyInString: IAM's policy variable, written as IAM reads it
const IAM_TENANT = '${aws:PrincipalTag/tenant}';
const ARTIFACTS = join(REPO_ROOT, 'test-artifacts');
const flags = (JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;
let outdir: string;
let api: Template;

beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
  outdir = mkdtempSync(join(ARTIFACTS, 'tenant-'));
  const app = new App({ outdir, context: { ...flags, 'aws:cdk:bundling-stacks': [] } });
  const stacks = addKindlingStacks(app, stageConfig('dev'), { consoleAssets: consoleFixture() });
  app.synth();
  api = Template.fromStack(stacks.api);
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

type Resource = { Properties: Record<string, unknown> };
const tenantRoleId = (): string => {
  const ids = Object.keys(api.findResources('AWS::IAM::Role', { Properties: { RoleName: 'kindling-dev-tenant-data' } }));
  expect(ids).toHaveLength(1);
  return ids[0] as string;
};
const graphql = (): Resource =>
  Object.values(api.findResources('AWS::Lambda::Function', { Properties: { FunctionName: 'kindling-dev-graphql' } }))[0] as Resource;
const graphqlRoleId = (): string => (graphql().Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];

describe('the tenant role, in the template', () => {
  it('allows the item actions only where every leading key is the session tenant’s partition or one under it', () => {
    api.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'kindling-dev-tenant-data',
      Policies: [
        {
          PolicyName: 'tenantItems',
          PolicyDocument: Match.objectLike({
            Statement: Match.arrayWith([
              Match.objectLike({
                Effect: 'Allow',
                Action: [...TABLE_ACTIONS.readWrite].sort(),
                Condition: {
                  'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`T#${IAM_TENANT}`, `T#${IAM_TENANT}#*`] },
                },
              }),
            ]),
          }),
        },
      ],
    });
  });

  it('denies Scan and PartiQL outright, and every call that carries no leading key', () => {
    const denies = [
      Match.objectLike({ Effect: 'Deny', Action: Match.arrayWith(['dynamodb:PartiQLSelect', 'dynamodb:Scan']), Condition: Match.absent() }),
      Match.objectLike({
        Effect: 'Deny',
        Action: [...TABLE_ACTIONS.readWrite].sort(),
        Condition: { Null: { 'dynamodb:LeadingKeys': 'true' } },
      }),
    ];
    for (const deny of denies) {
      api.hasResourceProperties('AWS::IAM::Role', {
        RoleName: 'kindling-dev-tenant-data',
        Policies: [{ PolicyName: 'tenantItems', PolicyDocument: Match.objectLike({ Statement: Match.arrayWith([deny]) }) }],
      });
    }
  });

  it('can be assumed only by the GraphQL function’s role, with a tenant tag and no other tag', () => {
    api.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'kindling-dev-tenant-data',
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: ['sts:AssumeRole', 'sts:TagSession'],
            Principal: { AWS: { 'Fn::GetAtt': [graphqlRoleId(), 'Arn'] } },
            Condition: { StringLike: { 'aws:RequestTag/tenant': '?*' }, 'ForAllValues:StringEquals': { 'aws:TagKeys': ['tenant'] } },
          },
        ],
      },
    });
  });

  it('is passed to the GraphQL function, which alone may assume it', () => {
    const role = { 'Fn::GetAtt': [tenantRoleId(), 'Arn'] };
    expect((graphql().Properties.Environment as { Variables: Record<string, unknown> }).Variables.KINDLING_TENANT_ROLE_ARN).toEqual(role);
    const assumers = Object.values(api.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify(p).includes('sts:AssumeRole'));
    expect(assumers).toHaveLength(1);
    expect(assumers[0]).toMatchObject({
      Properties: {
        Roles: [{ Ref: graphqlRoleId() }],
        PolicyDocument: {
          Statement: expect.arrayContaining([{ Action: ['sts:AssumeRole', 'sts:TagSession'], Effect: 'Allow', Resource: role }]),
        },
      },
    });
  });
});

// ---- The same policy, evaluated ----

const ACCOUNT = '123456789012';
const TABLE_ARN = `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/kindling-dev`;

/** The template's policy with the table's cross-stack reference (the data stack's output) replaced by a concrete ARN. */
function concrete(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(concrete);
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if ('Fn::ImportValue' in object || 'Fn::GetStackOutput' in object) return TABLE_ARN;
    if ('Fn::Join' in object) {
      const [separator, parts] = object['Fn::Join'] as [string, unknown[]];
      return parts.map(concrete).join(separator);
    }
    return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, concrete(v)]));
  }
  return value;
}

async function decide(action: string, leadingKeys: string[] | undefined, tenant = 'acme', resource = TABLE_ARN): Promise<string> {
  const role = api.findResources('AWS::IAM::Role')[tenantRoleId()] as { Properties: { Policies: { PolicyDocument: unknown }[] } };
  const policy = concrete(role.Properties.Policies[0]?.PolicyDocument);
  const response = await runSimulation(
    {
      identityPolicies: [{ name: 'tenantItems', policy }],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      request: {
        action,
        principal: `arn:aws:sts::${ACCOUNT}:assumed-role/kindling-dev-tenant-data/tenant-${tenant}`,
        resource: { accountId: ACCOUNT, resource },
        contextVariables: { 'aws:PrincipalTag/tenant': tenant, ...(leadingKeys ? { 'dynamodb:LeadingKeys': leadingKeys } : {}) },
      },
    } as Parameters<typeof runSimulation>[0],
    {},
  );
  if (response.resultType === 'error') throw new Error(`${JSON.stringify(response.errors)} in ${JSON.stringify(policy)}`);
  return response.overallResult;
}

describe('the tenant role, evaluated by an IAM policy simulator', () => {
  it('allows the tenant’s own partitions, on the table and on each index', async () => {
    expect(await decide('dynamodb:GetItem', ['T#acme'])).toBe('Allowed');
    expect(await decide('dynamodb:PutItem', ['T#acme#P#01HZY'])).toBe('Allowed');
    expect(await decide('dynamodb:BatchWriteItem', ['T#acme#P#1', 'T#acme#EMAIL#a@b.example'])).toBe('Allowed');
    for (const index of TABLE.indexes) {
      expect(await decide('dynamodb:Query', ['T#acme#PEOPLE'], 'acme', `${TABLE_ARN}/index/${index.name}`)).toBe('Allowed');
    }
  });

  it('refuses another tenant’s keys, including a tenant whose slug merely starts with the caller’s', async () => {
    expect(await decide('dynamodb:GetItem', ['T#globex'])).not.toBe('Allowed');
    expect(await decide('dynamodb:GetItem', ['T#acme-corp'])).not.toBe('Allowed');
    expect(await decide('dynamodb:Query', ['T#acme-corp#PEOPLE'], 'acme', `${TABLE_ARN}/index/GSI1`)).not.toBe('Allowed');
    expect(await decide('dynamodb:GetItem', ['T#acme'], 'globex')).not.toBe('Allowed');
  });

  it('refuses a batch with a single key from elsewhere, and the platform’s tenant directory', async () => {
    expect(await decide('dynamodb:BatchGetItem', ['T#acme', 'T#globex'])).not.toBe('Allowed');
    expect(await decide('dynamodb:GetItem', ['PLATFORM'])).not.toBe('Allowed');
  });

  it('explicitly denies a call without a leading key, and Scan and PartiQL always', async () => {
    expect(await decide('dynamodb:GetItem', undefined)).toBe('ExplicitlyDenied');
    expect(await decide('dynamodb:Query', undefined)).toBe('ExplicitlyDenied');
    for (const action of UNBOUNDED_ACTIONS.filter((a) => a !== 'dynamodb:ImportTable')) {
      expect(await decide(action, undefined), action).toBe('ExplicitlyDenied');
    }
  });

  it('leaves the GraphQL function’s own role only the platform’s items, read-only: everything else is vended', async () => {
    const fnPolicy = Object.values(api.findResources('AWS::IAM::Policy')).find((p) =>
      JSON.stringify((p as { Properties: { Roles: unknown } }).Properties.Roles).includes(graphqlRoleId()),
    ) as { Properties: { PolicyDocument: unknown } };
    // Its DynamoDB statements (the others name secrets, queues and roles by reference, which the simulator cannot read).
    const document = fnPolicy.Properties.PolicyDocument as { Version: string; Statement: { Action: unknown }[] };
    const policy = concrete({ ...document, Statement: document.Statement.filter((st) => JSON.stringify(st.Action).includes('dynamodb:')) });
    const own = async (action: string, leadingKeys: string[] | undefined) => {
      const response = await runSimulation(
        {
          identityPolicies: [{ name: 'graphql', policy }],
          serviceControlPolicies: [],
          resourceControlPolicies: [],
          request: {
            action,
            principal: `arn:aws:sts::${ACCOUNT}:assumed-role/kindling-dev-graphql/kindling-dev-graphql`,
            resource: { accountId: ACCOUNT, resource: TABLE_ARN },
            contextVariables: leadingKeys ? { 'dynamodb:LeadingKeys': leadingKeys } : {},
          },
        } as Parameters<typeof runSimulation>[0],
        {},
      );
      if (response.resultType === 'error') throw new Error(JSON.stringify(response.errors));
      return response.overallResult;
    };
    expect(await own('dynamodb:GetItem', ['PLATFORM'])).toBe('Allowed');
    expect(await own('dynamodb:Query', ['PLATFORM'])).toBe('Allowed');
    expect(await own('dynamodb:GetItem', ['T#acme'])).not.toBe('Allowed');
    expect(await own('dynamodb:PutItem', ['PLATFORM'])).not.toBe('Allowed');
    expect(await own('dynamodb:GetItem', undefined)).not.toBe('Allowed');
    expect(await own('dynamodb:Scan', undefined)).not.toBe('Allowed');
  });

  it('uses the patterns the template holds', () => {
    expect(TENANT_LEADING_KEYS).toEqual([`T#${IAM_TENANT}`, `T#${IAM_TENANT}#*`]);
  });
});
