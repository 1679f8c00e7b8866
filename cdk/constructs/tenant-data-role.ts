import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { ArnPrincipal, Effect, type IRole, PolicyDocument, PolicyStatement, PrincipalWithConditions, Role } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { tenantLeadingKeys } from '#store/keys.ts';
import type { StageConfig } from '../config.ts';
import { TABLE_ACTIONS, tableResources } from './kindling-function.ts';

/** The session tag that names the tenant; the store sets it when it assumes the role. */
export const TENANT_TAG = 'tenant';
const tenantTag = `\${aws:PrincipalTag/${TENANT_TAG}}`;

/** The leading keys a tenant's session may touch, as the store builds them (store/keys.ts `tenantLeadingKeys`). */
export const TENANT_LEADING_KEYS = tenantLeadingKeys(tenantTag);

/** Calls that read without a key, or bypass the key checks (PartiQL): never for a tenant's session. */
export const UNBOUNDED_ACTIONS = [
  'dynamodb:Scan',
  'dynamodb:PartiQLSelect',
  'dynamodb:PartiQLInsert',
  'dynamodb:PartiQLUpdate',
  'dynamodb:PartiQLDelete',
  'dynamodb:ExportTableToPointInTime',
  'dynamodb:RestoreTableToPointInTime',
  'dynamodb:ImportTable',
];

export interface TenantDataRoleProps {
  config: StageConfig;
  table: ITable;
  /** The one role allowed to assume it, tagging the session with a tenant: the GraphQL function's. */
  assumedBy: IRole;
}

/**
 * The role a tenant's GraphQL request reaches DynamoDB with (docs/decisions/0018). Its policy names
 * no tenant: the session tag does, and IAM compares every key of every call against it.
 *
 * `ForAllValues:StringLike` holds vacuously when a request carries no leading key at all, so two
 * explicit denies close that: one for the calls that never carry one (Scan, PartiQL, exports), one
 * for any call where `dynamodb:LeadingKeys` is absent (a `Null` condition).
 */
export class TenantDataRole extends Construct {
  readonly role: Role;

  constructor(scope: Construct, id: string, props: TenantDataRoleProps) {
    super(scope, id);
    const resources = tableResources(props.table);
    this.role = new Role(this, 'Role', {
      roleName: `${props.config.prefix}-tenant-data`,
      description: "A tenant's requests to DynamoDB: keys of the session's tenant only",
      // Only the GraphQL function, only with the tenant tag, and with no other tag it could smuggle in.
      assumedBy: new PrincipalWithConditions(new ArnPrincipal(props.assumedBy.roleArn).withSessionTags(), {
        StringLike: { [`aws:RequestTag/${TENANT_TAG}`]: '?*' },
        'ForAllValues:StringEquals': { 'aws:TagKeys': [TENANT_TAG] },
      }),
      inlinePolicies: {
        tenantItems: new PolicyDocument({
          statements: [
            new PolicyStatement({
              sid: 'TenantKeysOnly',
              effect: Effect.ALLOW,
              actions: [...TABLE_ACTIONS.readWrite],
              resources,
              conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': TENANT_LEADING_KEYS } },
            }),
            new PolicyStatement({ sid: 'NoUnboundedReads', effect: Effect.DENY, actions: UNBOUNDED_ACTIONS, resources }),
            new PolicyStatement({
              sid: 'NoCallWithoutLeadingKey',
              effect: Effect.DENY,
              actions: [...TABLE_ACTIONS.readWrite],
              resources,
              conditions: { Null: { 'dynamodb:LeadingKeys': 'true' } },
            }),
          ],
        }),
      },
    });
  }
}

export interface OperatorDataRoleProps {
  config: StageConfig;
  table: ITable;
  /** The one role allowed to assume it: the GraphQL function's. */
  assumedBy: IRole;
}

/**
 * The role an operator's request (bound to no tenant) and the tenant directory's writes reach
 * DynamoDB with: the whole table, as the function's own role had it before (ADR 0045). Vended per
 * request like the tenant role, so the function's own role keeps only what runs before a caller
 * is bound (assuming roles, reading platform items), and every operator session shows in
 * CloudTrail under its own name (`operator`).
 */
export class OperatorDataRole extends Construct {
  readonly role: Role;

  constructor(scope: Construct, id: string, props: OperatorDataRoleProps) {
    super(scope, id);
    this.role = new Role(this, 'Role', {
      roleName: `${props.config.prefix}-operator-data`,
      description: "Operators' requests to DynamoDB, across tenants; assumed by the GraphQL function only",
      assumedBy: new ArnPrincipal(props.assumedBy.roleArn),
      inlinePolicies: {
        operatorItems: new PolicyDocument({
          statements: [
            new PolicyStatement({
              sid: 'TableItems',
              effect: Effect.ALLOW,
              actions: [...TABLE_ACTIONS.readWrite],
              resources: tableResources(props.table),
            }),
          ],
        }),
      },
    });
  }
}
