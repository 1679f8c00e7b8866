import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../cdk/constructs/kindling-function.ts';

/** Synth output goes under the repo, so a bundle finds the AWS SDK it leaves external. */
export const ARTIFACTS = join(REPO_ROOT, 'test-artifacts');

/** The feature flags of cdk.json, as `cdk synth` passes them. */
export const CDK_FLAGS = (JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;

/**
 * A stand-in for the built console (admin/dist): the templates do not depend on its files, and
 * building it in every CDK test would cost seconds for nothing they assert.
 */
export function consoleFixture(): string {
  const dir = join(ARTIFACTS, 'console-fixture');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Kindling</title><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'index-test.js'), 'console.log("kindling");');
  return dir;
}
