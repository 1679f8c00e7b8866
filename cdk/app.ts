import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { parseStage, stageConfig } from './config.ts';
import { addKindlingStacks } from './kindling.ts';

/**
 * `npx cdk synth -c stage=dev|prod` (dev when omitted). The CLI synthesises when this exits; cdk-nag's
 * AwsSolutions pack runs then, and a finding nobody acknowledged (cdk/nag.ts) stops the synth.
 */
const app = new App();
const sesFrom = app.node.tryGetContext('sesFrom') as string | undefined;
addKindlingStacks(app, { ...stageConfig(parseStage(app.node.tryGetContext('stage'))), ...(sesFrom ? { sesFrom } : {}) });
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
