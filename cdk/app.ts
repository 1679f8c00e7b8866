import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { parseStage, stageConfig, withContext } from './config.ts';
import { addKindlingStacks } from './kindling.ts';

/**
 * `npx cdk synth -c stage=dev|prod` (dev when omitted). The CLI synthesises when this exits; cdk-nag's
 * AwsSolutions pack runs then, and a finding nobody acknowledged (cdk/nag.ts) stops the synth.
 */
const app = new App();
addKindlingStacks(
  app,
  withContext(stageConfig(parseStage(app.node.tryGetContext('stage'))), (key) => app.node.tryGetContext(key)),
);
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
