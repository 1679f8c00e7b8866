import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseFlags, portNumber } from '../args.ts';
import { handlerEnv, openDatabase } from '../database.ts';
import { assertPortFree } from '../dynamo.ts';
import { LocalIssuer } from '../issuer.ts';
import { ROOT, registerRun } from '../runs.ts';

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the console when its build is missing or older than its sources (`npm install` builds it once). */
export async function ensureConsoleBuilt(log: (line: string) => void = console.log): Promise<string> {
  const dist = join(ROOT, 'admin', 'dist');
  const index = join(dist, 'index.html');
  const sourcesChanged = !existsSync(index) || newestIn(join(ROOT, 'admin', 'src')) > statSync(index).mtimeMs;
  if (sourcesChanged) {
    log('  building the console …');
    const { build } = await import('vite');
    // Always the production build, whatever NODE_ENV the caller has (a test runner sets `test`).
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: join(ROOT, 'admin', 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
    } finally {
      process.env.NODE_ENV = previous;
    }
  }
  return dist;
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseFlags(args, {
    port: { type: 'string', default: process.env.KINDLING_PORT ?? '4000' },
    'dynamo-port': { type: 'string', default: process.env.KINDLING_DYNAMO_PORT ?? '8000' },
    data: { type: 'string', default: process.env.KINDLING_DATA ?? '.kindling' },
    'in-memory': { type: 'boolean', default: false },
    tick: { type: 'string', default: '60' },
    verbose: { type: 'boolean', default: false },
  });
  const started = Date.now();
  const apiPort = portNumber('--port', values.port);
  const dynamoPort = portNumber('--dynamo-port', values['dynamo-port']);
  const inMemory = values['in-memory'];
  const dataDir = resolve(values.data);
  // Quiet by default: the handlers' JSON log lines only with --verbose (warnings and errors always).
  if (!values.verbose) process.env.KINDLING_LOG_LEVEL ??= 'warn';
  await assertPortFree(apiPort, 'the API and console', '--port');

  // A throwaway run keeps its issuer key and mailbox in a temporary folder, removed on every exit path.
  const scratch = inMemory ? mkdtempSync(join(tmpdir(), 'kindling-run-')) : null;
  const cleanups: (() => void)[] = [];
  if (scratch) cleanups.push(() => rmSync(scratch, { recursive: true, force: true }));
  const cleanUp = () => {
    for (const c of cleanups.splice(0).reverse()) c();
  };
  process.once('exit', cleanUp);
  const issuerDir = scratch ?? dataDir;
  const mailbox = process.env.KINDLING_MAILBOX ?? join(issuerDir, 'mailbox');

  console.log(`Kindling: starting DynamoDB Local (${inMemory ? 'in memory' : `data in ${dataDir}`}) …`);
  const issuer = await LocalIssuer.open(issuerDir);
  let dynamo: Awaited<ReturnType<typeof openDatabase>>;
  try {
    dynamo = await openDatabase(dynamoPort, inMemory ? null : join(dataDir, 'dynamodb'));
  } catch (e) {
    cleanUp();
    throw e;
  }
  handlerEnv(dynamo.endpoint, issuer, mailbox, `http://127.0.0.1:${apiPort}`);
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nKindling: stopping …');
    await dynamo.stop();
    cleanUp();
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  try {
    const [{ servicesFromEnv }, { seedDemo, DEMO_TENANT }, { terminalProgress }] = await Promise.all([
      import('../../functions/services.ts'),
      import('../seed/demo.ts'),
      import('../progress.ts'),
    ]);
    const services = await servicesFromEnv(process.env, 'local');
    const seeded = await seedDemo(services, terminalProgress());
    if (seeded.created) {
      console.log(
        `  seeded "Demo Association": ${seeded.mentors} mentors, ${seeded.mentees} mentees, ${seeded.mentorships} mentorships, ${seeded.meetings} meetings`,
      );
    }
    const consoleDir = await ensureConsoleBuilt();
    // The exact module CDK bundles into the GraphQL Lambda.
    const [{ handler }, { startLocalServer }, { startScheduler, fannedOut }] = await Promise.all([
      import('../../functions/handlers/graphql.ts'),
      import('../http.ts'),
      import('../scheduler.ts'),
    ]);
    const server = await startLocalServer({
      port: apiPort,
      graphql: handler,
      issuer,
      consoleDir,
      tenantExists: async (slug) => slug !== '' && (await services.tenants.getTenant(slug)) !== null,
    });
    const everyMs = Number(values.tick) * 1000;
    const stopScheduler = startScheduler(
      [
        // The scheduled jobs fan out per tenant and program (ADR 0065): in AWS a Distributed Map over
        // functions/handlers/jobUnits.ts, here the same steps in-process with bounded concurrency.
        { name: 'program-lifecycle', everyMs, load: async () => fannedOut(services, 'lifecycle') },
        { name: 'scheduled-matching', everyMs, load: async () => fannedOut(services, 'matching') },
        { name: 'engagement', everyMs, load: async () => fannedOut(services, 'engagement') },
        // Nightly in AWS; locally once at start (so the Retention page has figures) and then daily.
        { name: 'retention', everyMs: 86_400_000, load: async () => fannedOut(services, 'retention') },
        // Webhook retries keep their documented minutes locally too: the same handler as AWS's minute rule.
        { name: 'webhooks', everyMs: 60_000, load: async () => (await import('../../functions/handlers/webhooks.ts')).handler },
      ],
      (line) => console.log(`  ${line}`),
      { verbose: values.verbose },
    );
    const base = `http://127.0.0.1:${apiPort}`;
    cleanups.push(
      registerRun({
        pid: process.pid,
        port: apiPort,
        url: `${base}/graphql`,
        dynamoEndpoint: dynamo.endpoint,
        dataDir: inMemory ? null : dataDir,
        issuerDir,
        mailbox,
        root: ROOT,
        startedAt: new Date().toISOString(),
      }),
    );
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
    const shutdown = () => {
      stopScheduler();
      server.close();
      void stopAll(0);
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
    console.log(`
Kindling is running (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)
  console   ${base}/            sign in locally: tenant "${DEMO_TENANT}", role manager
  GraphQL   ${base}/graphql     through the Lambda handler (functions/handlers/graphql.ts)
  DynamoDB  ${dynamo.endpoint}${inMemory ? '   in memory: gone when this stops' : ''}
  scheduler program-lifecycle, scheduled-matching and engagement every ${values.tick} s, webhook retries every minute, retention snapshot daily${values.verbose ? '' : ' (--verbose shows each run)'}
  mailbox   ${mailbox}   what the engagement job would have e-mailed${scratch ? ' (removed on exit)' : ''}

  Other kindling commands find this run by themselves (no --port needed), e.g. a token for scripts:
    TOKEN=$(npx kindling token --tenant ${DEMO_TENANT} --role manager)
    curl -s ${base}/graphql -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\
      -d '{"query":"{ viewer { tenant { name programs { edges { node { name status } } } } } }"}'

Ctrl-C stops everything.`);
  } catch (e) {
    console.error(`\nKindling could not start: ${e instanceof Error ? e.message : String(e)}`);
    await stopAll(1);
  }
}
