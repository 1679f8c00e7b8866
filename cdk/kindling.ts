import { type App, Tags } from 'aws-cdk-lib';
import type { StageConfig } from './config.ts';
import { ApiStack } from './stacks/api-stack.ts';
import { BackupCopyStack } from './stacks/backup-copy-stack.ts';
import { ConsoleStack } from './stacks/console-stack.ts';
import { DataStack } from './stacks/data-stack.ts';
import { EdgeStack } from './stacks/edge-stack.ts';

export interface KindlingStacks {
  data: DataStack;
  api: ApiStack;
  console: ConsoleStack;
  /** The WAF web ACL, in us-east-1 (CloudFront's region). */
  edge: EdgeStack;
  /** The backups' second-region vault, when the stage has a backup plan copying to this account. */
  backupCopy?: BackupCopyStack;
}

export interface KindlingOptions {
  /** The built console (`npm run build:admin`); tests pass a small folder. @default admin/dist */
  consoleAssets?: string;
}

/**
 * Kindling's stacks for one stage, shared by `cdk/app.ts` and the CDK tests. The data, API and
 * console stacks are environment-agnostic (account and region come from the credentials at deploy
 * time); the edge stack is pinned to us-east-1 and the backup copy to its second region.
 */
export function addKindlingStacks(app: App, config: StageConfig, options: KindlingOptions = {}): KindlingStacks {
  const edge = new EdgeStack(app, `${config.prefix}-edge`, {
    config,
    description: `Kindling ${config.stage}: the AWS WAF web ACL in front of CloudFront (us-east-1)`,
    terminationProtection: config.deletionProtection,
  });
  const backupCopy =
    config.backup && !config.backup.copyVaultArn
      ? new BackupCopyStack(app, `${config.prefix}-backup-copy`, {
          config: { ...config, backup: config.backup },
          description: `Kindling ${config.stage}: the vault table backups are copied to, in a second region`,
          terminationProtection: config.deletionProtection,
        })
      : undefined;
  const data = new DataStack(app, `${config.prefix}-data`, {
    config,
    description: `Kindling ${config.stage}: the DynamoDB table and its backups`,
    terminationProtection: config.deletionProtection,
  });
  const api = new ApiStack(app, `${config.prefix}-api`, {
    config,
    table: data.table,
    description: `Kindling ${config.stage}: Cognito, the GraphQL API behind CloudFront, the scheduled jobs and their alarms`,
    terminationProtection: config.deletionProtection,
  });
  // Replaceable: the build and its CDN hold nothing that is not in git or in the API stack, and the
  // API starts without it. Protected in prod all the same, so replacing it is a decision.
  const console = new ConsoleStack(app, `${config.prefix}-console`, {
    config,
    apiOrigin: { domainName: api.originDomain, requireCredentials: api.edge.requireCredentials },
    userPool: api.userPool,
    ...(options.consoleAssets ? { assets: options.consoleAssets } : {}),
    description: `Kindling ${config.stage}: the console on S3 and CloudFront`,
    terminationProtection: config.deletionProtection,
  });
  console.addStackDependency(api, 'The console forwards /graphql with the origin secret the API stack creates');
  for (const stack of [edge, data, api, console, ...(backupCopy ? [backupCopy] : [])]) {
    Tags.of(stack).add('project', 'kindling');
    Tags.of(stack).add('stage', config.stage);
  }
  return { data, api, console, edge, ...(backupCopy ? { backupCopy } : {}) };
}
