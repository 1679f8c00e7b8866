import { type App, Tags } from 'aws-cdk-lib';
import type { StageConfig } from './config.ts';
import { ApiStack } from './stacks/api-stack.ts';
import { ConsoleStack } from './stacks/console-stack.ts';
import { DataStack } from './stacks/data-stack.ts';

export interface KindlingStacks {
  data: DataStack;
  api: ApiStack;
  console: ConsoleStack;
}

export interface KindlingOptions {
  /** The built console (`npm run build:admin`); tests pass a small folder. @default admin/dist */
  consoleAssets?: string;
}

/**
 * Kindling's stacks for one stage, shared by `cdk/app.ts` and the CDK tests. The stacks are
 * environment-agnostic: account and region come from the credentials at deploy time.
 */
export function addKindlingStacks(app: App, config: StageConfig, options: KindlingOptions = {}): KindlingStacks {
  const data = new DataStack(app, `${config.prefix}-data`, {
    config,
    description: `Kindling ${config.stage}: the DynamoDB table`,
    terminationProtection: config.deletionProtection,
  });
  const api = new ApiStack(app, `${config.prefix}-api`, {
    config,
    table: data.table,
    description: `Kindling ${config.stage}: Cognito, the GraphQL API and the scheduled jobs`,
    terminationProtection: config.deletionProtection,
  });
  // Replaced freely: the build and its CDN hold nothing that is not in git or in the API stack.
  const console = new ConsoleStack(app, `${config.prefix}-console`, {
    config,
    apiEndpoint: api.api.apiEndpoint,
    userPool: api.userPool,
    ...(options.consoleAssets ? { assets: options.consoleAssets } : {}),
    description: `Kindling ${config.stage}: the console on S3 and CloudFront`,
  });
  for (const stack of [data, api, console]) {
    Tags.of(stack).add('project', 'kindling');
    Tags.of(stack).add('stage', config.stage);
  }
  return { data, api, console };
}
