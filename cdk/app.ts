import { App } from 'aws-cdk-lib';
import { parseStage, stageConfig } from './config.ts';
import { addKindlingStacks } from './kindling.ts';

/** `npx cdk synth -c stage=dev|prod` (dev when omitted). The CLI synthesises when this exits. */
const app = new App();
addKindlingStacks(app, stageConfig(parseStage(app.node.tryGetContext('stage'))));
