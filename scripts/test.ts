/**
 * `npm test`: the static checks (codegen freshness, Biome, the type check), then every vitest
 * project. Ends with the plain line CI reads: `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.CDK_DISABLE_CLI_TELEMETRY = 'true';

let passed = 0;
let failed = 0;

function step(name: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit' });
  const ok = result.status === 0;
  console.log(`${ok ? '✓' : '✗'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (ok) passed++;
  else failed++;
  return ok;
}

step('generated code is fresh', 'npx', ['tsx', 'scripts/codegen-check.ts']);
step('lint and format (Biome)', 'npx', ['biome', 'check', '.']);
step('type check (tsc)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);

const report = '.vitest-results.json';
rmSync(report, { force: true });
const extra = process.argv.slice(2);
console.log('\n▶ vitest');
spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra], { stdio: 'inherit' });
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    testResults: { status: string; name: string; assertionResults: unknown[]; message?: string }[];
  };
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A file that failed before running any test (an import error, a failed setup) counts as a failure.
  const brokenFiles = results.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0);
  for (const f of brokenFiles) console.log(`✗ ${f.name}: ${f.message?.split('\n')[0] ?? 'failed to run'}`);
  failed += brokenFiles.length;
  if (results.numPendingTests > 0) console.log(`${results.numPendingTests} tests were skipped`);
} else {
  console.log('✗ vitest wrote no report');
  failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
