import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The Lambda artefacts `cdk synth` produced, run the way Lambda runs them: a fresh Node process
 * imports the bundle (its module scope builds the services), then calls `handler(event, context)`.
 * Shared by the CDK tests and `npm run bench -- lambda`.
 */

interface FunctionResource {
  Properties: { FunctionName?: string; Code: { S3Key: string } };
}

/** The bundle file of a function in a synthesised template (cdk.out/asset.<hash>/index.mjs). */
export function bundlePath(outdir: string, resources: Record<string, unknown>, functionName: string): string {
  const fn = Object.values(resources).find((r) => (r as FunctionResource).Properties?.FunctionName === functionName) as
    | FunctionResource
    | undefined;
  if (!fn) throw new Error(`No function ${functionName} in the template`);
  return join(outdir, `asset.${fn.Properties.Code.S3Key.replace(/\.zip$/, '')}`, 'index.mjs');
}

export interface Invocation<T> {
  result: T;
  /** What the process wrote to stdout (log lines, metrics), one entry a line. */
  lines: Record<string, unknown>[];
  stderr: string;
  /** Milliseconds from before `import(bundle)` to after: the init phase Lambda would run. */
  initMs: number;
}

/** The environment every bundle run gets, beside its own: nothing of the parent's AWS settings leaks in. */
const BASE_ENV = {
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** Runs asynchronously, so a stand-in service in this process (a fake STS) can answer the bundle. */
export async function invokeBundle<T>(
  bundle: string,
  event: unknown,
  env: Record<string, string>,
  functionName = 'kindling-test',
): Promise<Invocation<T>> {
  const dir = mkdtempSync(join(tmpdir(), 'kindling-invoke-'));
  const out = join(dir, 'result.json');
  const script = `
    import { writeFileSync } from 'node:fs';
    const started = performance.now();
    const { handler } = await import(${JSON.stringify(pathToFileURL(resolve(bundle)).href)});
    const initMs = performance.now() - started;
    const context = {
      functionName: ${JSON.stringify(functionName)}, functionVersion: '$LATEST', memoryLimitInMB: '1024',
      invokedFunctionArn: 'arn:aws:lambda:eu-west-1:000000000000:function:${functionName}',
      awsRequestId: 'req-' + Math.random().toString(16).slice(2), logGroupName: '/aws/lambda/${functionName}', logStreamName: 'test',
      callbackWaitsForEmptyEventLoop: false, getRemainingTimeInMillis: () => 30000,
    };
    const result = await handler(${JSON.stringify(event)}, context);
    writeFileSync(${JSON.stringify(out)}, JSON.stringify({ result, initMs }));
    process.exit(0);`;
  try {
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((done, fail) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
        // As Lambda sets them: Powertools reads the function name and the initialisation type (cold starts).
        env: {
          PATH: process.env.PATH,
          ...BASE_ENV,
          AWS_LAMBDA_FUNCTION_NAME: functionName,
          AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
          ...env,
        },
        timeout: 60_000,
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
    let parsed: { result: T; initMs: number };
    try {
      parsed = JSON.parse(readFileSync(out, 'utf8')) as { result: T; initMs: number };
    } catch {
      throw new Error(`The bundle ${bundle} did not answer (exit ${run.status}):\n${run.stderr}\n${run.stdout}`);
    }
    const lines = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    return { result: parsed.result, lines, stderr: run.stderr, initMs: parsed.initMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An API Gateway HTTP API (v2) event for POST /graphql. */
export function graphqlEvent(body: { query: string; variables?: Record<string, unknown> }, token?: string): Record<string, unknown> {
  return {
    version: '2.0',
    routeKey: 'POST /graphql',
    rawPath: '/graphql',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    requestContext: {
      http: { method: 'POST', path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
      requestId: 'r',
      stage: '$default',
    },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  };
}

/** An EventBridge scheduled event, as the hourly rules send. */
export const scheduledEvent = (id = 'tick-1') => ({
  version: '0',
  id,
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '000000000000',
  time: new Date().toISOString(),
  region: 'eu-west-1',
  resources: [],
  detail: {},
});
