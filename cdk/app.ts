import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { parseStage, stageConfig, withContext } from './config.ts';
import { addKindlingStacks } from './kindling.ts';
import { DeliveryStack } from './stacks/delivery-stack.ts';

/**
 * `npx cdk synth -c stage=dev|prod` (dev when omitted). The CLI synthesises when this exits; cdk-nag's
 * AwsSolutions pack runs then, and a finding nobody acknowledged (cdk/nag.ts) stops the synth.
 */
const app = new App();
addKindlingStacks(
  app,
  withContext(stageConfig(parseStage(app.node.tryGetContext('stage'))), (key) => app.node.tryGetContext(key)),
);
// Once per account, by hand: `npx cdk deploy kindling-delivery -c githubRepo=owner/name` (docs/runbooks/first-deploy.md).
const githubRepo = app.node.tryGetContext('githubRepo') as string | undefined;
if (githubRepo) new DeliveryStack(app, 'kindling-delivery', { githubRepo, description: 'Kindling: GitHub Actions deploy roles (OIDC)' });
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
