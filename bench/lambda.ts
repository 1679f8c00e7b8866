/**
 * The Lambda artefacts (`npm run bench -- lambda`): what `cdk synth` costs, how big each function's
 * bundle is, and how long a fresh process takes to import it and build its services (Lambda's init
 * phase, minus the runtime's own start and, in AWS, the Secrets Manager read of the cursor key).
 * Targets (issue #8): GraphQL bundle ≤ 1.5 MB minified, init ≤ 300 ms here. Also prints the machine's
 * load average: on a shared machine, wall times say more about the neighbours than about the code.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { LocalIssuer } from '#local/issuer.ts';
import { bundlePath } from '#test/support/bundles.ts';
import { stageConfig } from '../cdk/config.ts';
import { REPO_ROOT } from '../cdk/constructs/kindling-function.ts';
import { addKindlingStacks } from '../cdk/kindling.ts';
import { consoleFixture } from '../test/cdk/support.ts';

const FUNCTIONS = ['graphql', 'lifecycle', 'matching', 'jobs', 'engagement'] as const;
/** Fresh processes per function; the median is reported. */
const RUNS = Number(process.env.KINDLING_BENCH_RUNS ?? 7);

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;

/** One fresh Node process: import the bundle (module scope builds the services), report how long that took. */
function initOnce(bundle: string, env: Record<string, string>): { initMs: number; cpuMs: number; processMs: number } {
  const script = `const t = performance.now(); const c = process.cpuUsage();
    await import(${JSON.stringify(pathToFileURL(resolve(bundle)).href)});
    const cpu = process.cpuUsage(c);
    process.stdout.write(JSON.stringify({ initMs: performance.now() - t, cpuMs: (cpu.user + cpu.system) / 1000 }));`;
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, AWS_REGION: 'eu-west-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
  });
  const processMs = performance.now() - started;
  if (run.status !== 0) throw new Error(`${bundle} failed to start:\n${run.stderr}`);
  const { initMs, cpuMs } = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { initMs: number; cpuMs: number };
  return { initMs, cpuMs, processMs };
}

export async function run(): Promise<Record<string, string | number>> {
  const figures: Record<string, string | number> = {
    'load average (1 min) at start': loadavg()[0]?.toFixed(2) ?? 'n/a',
    cpus: cpus().length,
  };
  const artifacts = join(REPO_ROOT, 'test-artifacts');
  mkdirSync(artifacts, { recursive: true });
  const outdir = mkdtempSync(join(artifacts, 'bench-lambda-'));
  try {
    // The CLI's synth as `npm run synth` runs it, less the console build (timed on its own).
    process.env.CDK_DISABLE_CLI_TELEMETRY = 'true';
    let started = performance.now();
    const build = spawnSync('npm', ['run', '--silent', 'build:admin'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`vite build failed:\n${build.stderr}`);
    figures['console build (vite) ms'] = Math.round(performance.now() - started);
    started = performance.now();
    const cli = spawnSync('npx', ['cdk', 'synth', '--app', 'tsx cdk/app.ts', '--quiet', '--output', join(outdir, 'cli')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    if (cli.status !== 0) throw new Error(`cdk synth failed:\n${cli.stderr}`);
    figures[`cdk synth (CLI, bundling ${FUNCTIONS.length} functions, cdk-nag) ms`] = Math.round(performance.now() - started);

    // The same app in this process, to find each function's asset.
    started = performance.now();
    const app = new App({ outdir: join(outdir, 'app') });
    const stacks = addKindlingStacks(app, stageConfig('dev'), { consoleAssets: consoleFixture() });
    app.synth();
    figures['synth in process (bundling, no nag) ms'] = Math.round(performance.now() - started);
    const resources = Template.fromStack(stacks.api).findResources('AWS::Lambda::Function');

    const issuer = await LocalIssuer.ephemeral();
    const env = { ...issuer.env(), KINDLING_TABLE: 'kindling-bench', KINDLING_STAGE: 'dev' };
    for (const name of FUNCTIONS) {
      const bundle = bundlePath(join(outdir, 'app'), resources, `kindling-dev-${name}`);
      const code = readFileSync(bundle);
      figures[`${name} bundle (minified)`] = kb(statSync(bundle).size);
      figures[`${name} bundle (gzip)`] = kb(gzipSync(code).length);
      figures[`${name} source map`] = kb(statSync(`${bundle}.map`).size);
      const runs = Array.from({ length: RUNS }, () => initOnce(bundle, { ...env, AWS_LAMBDA_FUNCTION_NAME: `kindling-dev-${name}` }));
      figures[`${name} init ms (median of ${RUNS})`] = Math.round(median(runs.map((r) => r.initMs)));
      // CPU time says what the init costs when the machine is shared; wall time what a caller waits.
      figures[`${name} init CPU ms (median)`] = Math.round(median(runs.map((r) => r.cpuMs)));
      figures[`${name} fresh process ms (median)`] = Math.round(median(runs.map((r) => r.processMs)));
    }
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
  return figures;
}
