import { ArnFormat, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault } from 'aws-cdk-lib/aws-backup';
import {
  type Attribute,
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import type { Construct } from 'constructs';
import { TABLE } from '#store/table.ts';
import type { StageConfig } from '../config.ts';
import { acknowledge } from '../nag.ts';

/** The vault in the second region that the backup copies go to (BackupCopyStack creates it there). */
export const copyVaultName = (config: Pick<StageConfig, 'prefix'>): string => `${config.prefix}-copy`;
/** How long a backup, and its copy, is kept. */
export const BACKUP_RETENTION = Duration.days(35);

export interface DataStackProps extends StackProps {
  config: StageConfig;
}

/** Every key attribute is a string: keys.ts builds them all (`T#<tenant>`, `PLATFORM`, …). */
const key = (name: string): Attribute => ({ name, type: AttributeType.STRING });

/**
 * The single DynamoDB table, declared from the same constants the local bootstrap uses
 * (functions/store/table.ts), so DynamoDB Local and AWS cannot drift apart.
 */
export class DataStack extends Stack {
  readonly table: Table;
  readonly backupPlan?: BackupPlan;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.table = new Table(this, 'Table', {
      tableName: config.tableName,
      partitionKey: key(TABLE.partitionKey),
      sortKey: key(TABLE.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TABLE.ttlAttribute,
      stream: StreamViewType[TABLE.streamView],
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: config.deletionProtection,
      removalPolicy: config.removalPolicy,
    });
    for (const index of TABLE.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: key(index.partitionKey),
        sortKey: key(index.sortKey),
        projectionType: ProjectionType.ALL,
      });
    }

    // PITR restores into this account and region only: AWS Backup keeps daily snapshots and copies
    // each to another region (or account), for the day this one is unusable (docs/runbooks/restore.md).
    if (config.backup) {
      const vault = new BackupVault(this, 'BackupVault', { backupVaultName: config.prefix, removalPolicy: config.removalPolicy });
      const copyVaultArn =
        config.backup.copyVaultArn ??
        this.formatArn({
          service: 'backup',
          region: config.backup.copyRegion,
          resource: 'backup-vault',
          resourceName: copyVaultName(config),
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        });
      this.backupPlan = new BackupPlan(this, 'BackupPlan', {
        backupPlanName: `${config.prefix}-table`,
        backupVault: vault,
        backupPlanRules: [
          new BackupPlanRule({
            ruleName: 'daily-with-copy',
            scheduleExpression: Schedule.cron({ hour: '3', minute: '0' }),
            deleteAfter: BACKUP_RETENTION,
            copyActions: [
              {
                destinationBackupVault: BackupVault.fromBackupVaultArn(this, 'CopyVault', copyVaultArn),
                deleteAfter: BACKUP_RETENTION,
              },
            ],
          }),
        ],
      });
      const selection = this.backupPlan.addSelection('Table', { resources: [BackupResource.fromDynamoDbTable(this.table)] });
      acknowledge(
        selection,
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
        "AWS Backup's own service policy for taking backups, which AWS keeps current as services are added; the selection names this one table.",
      );
    }
  }
}
