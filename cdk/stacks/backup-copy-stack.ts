import { Stack, type StackProps } from 'aws-cdk-lib';
import { BackupVault } from 'aws-cdk-lib/aws-backup';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config.ts';
import { copyVaultName } from './data-stack.ts';

export interface BackupCopyStackProps extends StackProps {
  config: StageConfig & { backup: NonNullable<StageConfig['backup']> };
}

/**
 * The vault in the second region that every table backup is copied to: a region outage, or a
 * mistake that reaches the first vault, leaves this copy. Deployed before the data stack's plan
 * first runs; with `--context backupCopyVaultArn=…` (another account's vault) it is not needed.
 */
export class BackupCopyStack extends Stack {
  readonly vault: BackupVault;

  constructor(scope: Construct, id: string, props: BackupCopyStackProps) {
    super(scope, id, { ...props, env: { ...props.env, region: props.config.backup.copyRegion } });
    this.vault = new BackupVault(this, 'Vault', {
      backupVaultName: copyVaultName(props.config),
      removalPolicy: props.config.removalPolicy,
    });
  }
}
