import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, describe, expect, it } from 'vitest';
import { STAGES, type Stage, stageConfig, withContext } from '../../cdk/config.ts';
import { REPO_ROOT } from '../../cdk/constructs/kindling-function.ts';
import { addKindlingStacks } from '../../cdk/kindling.ts';
import { consoleFixture } from './support.ts';

/**
 * cdk-nag's AwsSolutions pack over every stack of every stage, as `npm run synth` runs it. Bundling
 * is skipped: the rules read the template, not the code.
 */
const ARTIFACTS = join(REPO_ROOT, 'test-artifacts');
const flags = (JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;
const outdirs: string[] = [];

function nagged(build: (app: App) => void): { app: App; outdir: string; error: unknown } {
  mkdirSync(ARTIFACTS, { recursive: true });
  const outdir = mkdtempSync(join(ARTIFACTS, 'nag-'));
  outdirs.push(outdir);
  const app = new App({ outdir, context: { ...flags, 'aws:cdk:bundling-stacks': [] } });
  build(app);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  try {
    app.synth();
    return { app, outdir, error: undefined };
  } catch (error) {
    return { app, outdir, error };
  }
}

afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

/** cdk.out/validation-report.json: errors and warnings alike, each with the constructs it was found on. */
interface Report {
  pluginReports: {
    pluginName: string;
    violations: { ruleName: string; severity: string; violatingConstructs: { constructPath: string }[] }[];
  }[];
}
const findings = (outdir: string): string[] =>
  (JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as Report).pluginReports.flatMap((r) =>
    r.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} on ${c.constructPath}`)),
  );

/** Every acknowledgement recorded in the tree: rule id → reason, with the construct that holds it. */
function acknowledgements(root: IConstruct): { path: string; rule: string; reason: string }[] {
  return root.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata
        .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((m) => Object.entries(m.data as Record<string, string>).map(([rule, reason]) => ({ path: c.node.path, rule, reason }))),
    );
}

describe('cdk-nag AwsSolutions and Serverless', () => {
  it.each(STAGES)('finds nothing unacknowledged in the %s stage', (stage: Stage) => {
    const { outdir, error } = nagged((app) => addKindlingStacks(app, stageConfig(stage), { consoleAssets: consoleFixture() }));
    expect(error, error ? findings(outdir).join('\n') : '').toBeUndefined();
    expect(findings(outdir)).toEqual([]);
  });

  it('finds nothing unacknowledged in prod as the deploy workflow synthesises it, every context value set', () => {
    const context: Record<string, string> = {
      sesFrom: 'mentoring@example.org',
      alarmEmail: 'oncall@example.org',
      edgeWebAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/kindling-prod-edge/0a1b',
      apiDomainName: 'api.kindling.example',
      apiCertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/0a1b',
    };
    const { outdir, error } = nagged((app) =>
      addKindlingStacks(
        app,
        withContext(stageConfig('prod'), (key) => context[key]),
        { consoleAssets: consoleFixture() },
      ),
    );
    expect(error, error ? findings(outdir).join('\n') : '').toBeUndefined();
    expect(findings(outdir)).toEqual([]);
  });

  it('gives every acknowledgement a reason a reviewer can check', () => {
    const { app } = nagged((a) => addKindlingStacks(a, stageConfig('prod'), { consoleAssets: consoleFixture() }));
    const acks = acknowledgements(app).filter((a) => /(AwsSolutions|Serverless)-/.test(a.rule));
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      // A sentence, not a shrug: long enough to say why, and not the rule's own wording.
      expect(ack.reason.length, `${ack.rule} on ${ack.path}`).toBeGreaterThanOrEqual(60);
      expect(ack.reason, `${ack.rule} on ${ack.path}`).not.toMatch(/^(n\/?a|ok|fine|ignore|suppress)/i);
    }
  });

  it('does fail a synth on a finding nobody acknowledged', () => {
    const { outdir, error } = nagged((app) => new Queue(new Stack(app, 'Careless'), 'Plain'));
    expect(error).toBeInstanceOf(Error);
    expect(findings(outdir)).toEqual(expect.arrayContaining([expect.stringMatching(/^AwsSolutions-SQS4 on Careless\/Plain/)]));
  });
});
