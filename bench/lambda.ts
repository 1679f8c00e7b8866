/**
 * The Lambda artefacts (`npm run bench -- lambda`): what `cdk synth` costs, how big each function's
 * bundle is, and how long a fresh process takes to import it and build its services (Lambda's init
 * phase, minus the runtime's own start). The configuration is read as in AWS, over HTTP: the cursor
 * key (current and previous) from Secrets Manager and the console's client id from SSM, through the Parameters and
 * Secrets extension's endpoints as deployed, both local stand-ins on loopback (test/support/awsStandIns.ts), so their client loads and calls are counted.
 * Targets: GraphQL init ≤ 300 ms here (issue #19); its bundle, with the DynamoDB client inside since
 * then, under 2 MB (ADR 0046). Also prints the machine's
 * load average: on a shared machine, wall times say more about the neighbours than about the code.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { LocalIssuer } from '#local/issuer.ts';
import { startAwsStandIns } from '#test/support/awsStandIns.ts';
import { bundlePath } from '#test/support/bundles.ts';
import { stageConfig } from '../cdk/config.ts';
import { REPO_ROOT } from '../cdk/constructs/kindling-function.ts';
import { addKindlingStacks } from '../cdk/kindling.ts';
import { consoleFixture } from '../test/cdk/support.ts';

const FUNCTIONS = ['graphql', 'lifecycle', 'matching', 'jobs', 'engagement', 'webhooks', 'edge-authorizer'] as const;
/** Fresh processes per function; the median is reported. */
const RUNS = Number(process.env.KINDLING_BENCH_RUNS ?? 7);

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;

/**
 * One fresh Node process: import the bundle (module scope builds the services), report how long that
 * took. Spawned asynchronously: the AWS stand-ins in this process must answer while it starts.
 */
async function initOnce(bundle: string, env: Record<string, string>): Promise<{ initMs: number; cpuMs: number; processMs: number }> {
  const script = `const t = performance.now(); const c = process.cpuUsage();
    await import(${JSON.stringify(pathToFileURL(resolve(bundle)).href)});
    const cpu = process.cpuUsage(c);
    process.stdout.write(JSON.stringify({ initMs: performance.now() - t, cpuMs: (cpu.user + cpu.system) / 1000 }));`;
  const started = performance.now();
  const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: {
        PATH: process.env.PATH,
        AWS_REGION: 'eu-west-1',
        AWS_ACCESS_KEY_ID: 'bench',
        AWS_SECRET_ACCESS_KEY: 'bench',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
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
  let aws: Awaited<ReturnType<typeof startAwsStandIns>> | undefined;
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
    const cursorArn = 'arn:aws:secretsmanager:eu-west-1:000000000000:secret:kindling-dev/cursor-secret-AbCdEf';
    const originArn = 'arn:aws:secretsmanager:eu-west-1:000000000000:secret:kindling-dev/edge-origin-secret-AbCdEf';
    const parameter = '/kindling-dev/auth/console-client-id';
    aws = await startAwsStandIns({
      secrets: {
        [cursorArn]: { current: 'bench-cursor-key', previous: 'bench-cursor-key-before' },
        [originArn]: { current: 'bench-origin' },
      },
      parameters: { [parameter]: 'bench-hosted-ui-client' },
    });
    const { KINDLING_CURSOR_SECRET: _given, ...issuerEnv } = issuer.env() as Record<string, string>;
    const env = {
      ...issuerEnv,
      // As deployed: the Parameters and Secrets extension's local endpoints (cdk/constructs/kindling-function.ts).
      ...aws.extensionEnv(),
      KINDLING_TABLE: 'kindling-bench',
      KINDLING_STAGE: 'dev',
      KINDLING_CURSOR_SECRET_ARN: cursorArn,
      KINDLING_ORIGIN_SECRET_ARN: originArn,
    };
    for (const name of FUNCTIONS) {
      const bundle = bundlePath(join(outdir, 'app'), resources, `kindling-dev-${name}`);
      const code = readFileSync(bundle);
      figures[`${name} bundle (minified)`] = kb(statSync(bundle).size);
      figures[`${name} bundle (gzip)`] = kb(gzipSync(code).length);
      figures[`${name} source map`] = kb(statSync(`${bundle}.map`).size);
      const runs: Awaited<ReturnType<typeof initOnce>>[] = [];
      const own = {
        ...env,
        AWS_LAMBDA_FUNCTION_NAME: `kindling-dev-${name}`,
        // Only the API reads the console's client id.
        ...(name === 'graphql' ? { KINDLING_AUTH_AUDIENCE_PARAMETER: parameter } : {}),
      };
      for (let i = 0; i < RUNS; i++) runs.push(await initOnce(bundle, own));
      figures[`${name} init ms (median of ${RUNS})`] = Math.round(median(runs.map((r) => r.initMs)));
      // CPU time says what the init costs when the machine is shared; wall time what a caller waits.
      figures[`${name} init CPU ms (median)`] = Math.round(median(runs.map((r) => r.cpuMs)));
      figures[`${name} fresh process ms (median)`] = Math.round(median(runs.map((r) => r.processMs)));
    }
    figures['config reads answered by the stand-ins'] = aws.calls.length;
  } finally {
    await aws?.close();
    rmSync(outdir, { recursive: true, force: true });
  }
  return figures;
}
