import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Role } from '#domain/actors.ts';
import { servicesFromEnv } from '../functions/services.ts';
import { assertPortFree, ensureTable, type LocalDynamo, startDynamo } from './dynamo.ts';
import { startLocalServer } from './http.ts';
import { LocalIssuer } from './issuer.ts';
import { createTenantCommand, importCommand, targetFor } from './operator.ts';
import { terminalProgress } from './progress.ts';
import { startScheduler } from './scheduler.ts';
import { DEMO_TENANT, seedDemo } from './seed/demo.ts';

const ROOT = resolve(import.meta.dirname, '..');

const USAGE = `kindling — run Kindling on this machine

  kindling start   [--port 4000] [--dynamo-port 8000] [--data .kindling] [--in-memory] [--tick 60]
      API + console + scheduler on DynamoDB Local, seeding the demo tenant on first start.
  kindling token   --tenant <slug> --role <operator|manager|participant> [--name <name>] [--person <id>] [--data .kindling]
      Prints a signed bearer token from the local issuer, for scripts and partner-app developers.
  kindling seed    [--dynamo-port 8000] [--data .kindling]
      Seeds the demo tenant into the data folder without starting the API.
  kindling solve   --in instance.json --out solution.json [--objective weight|coverage]
      Solves an assignment instance exactly (explicit weighted edges; a pair with no edge is forbidden).
  kindling tenant create --slug <slug> --name <name> [--time-zone Europe/Amsterdam] [--locale en|nl]
      Creates a tenant through the API (as a platform operator).
  kindling import --tenant <slug> --program <name or id> --file <export.csv> [--role mentor|mentee]
      Imports participants from an HR export through the API, with a progress bar and the report.
  kindling import-pairs --tenant <slug> --program <name or id> --file <pairs.csv> [--dry-run]
      Imports running pairs (start, planned end, goals, past meetings) through the API, after a preview.

  tenant, import and import-pairs talk to the running API (npm start) unless given --api <url> and --token <jwt>.

Environment: KINDLING_PORT, KINDLING_DYNAMO_PORT, KINDLING_DATA stand in for the flags.`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: process.env.KINDLING_PORT ?? '4000' },
    'dynamo-port': { type: 'string', default: process.env.KINDLING_DYNAMO_PORT ?? '8000' },
    data: { type: 'string', default: process.env.KINDLING_DATA ?? '.kindling' },
    'in-memory': { type: 'boolean', default: false },
    tick: { type: 'string', default: '60' },
    tenant: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    person: { type: 'string' },
    slug: { type: 'string' },
    'time-zone': { type: 'string' },
    locale: { type: 'string' },
    program: { type: 'string' },
    file: { type: 'string' },
    api: { type: 'string' },
    in: { type: 'string' },
    out: { type: 'string' },
    objective: { type: 'string', default: 'weight' },
    token: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const dataDir = resolve(values.data);
const port = (flag: string, value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${flag} must be a port number (1–65535), not "${value}".`);
  return n;
};

/** Starts DynamoDB Local with the table and points the handlers' environment at it. */
async function openDatabase(issuer: LocalIssuer, inMemory: boolean): Promise<LocalDynamo> {
  const dynamo = await startDynamo({
    port: port('--dynamo-port', values['dynamo-port']),
    dataDir: inMemory ? null : join(dataDir, 'dynamodb'),
  });
  Object.assign(process.env, {
    KINDLING_STAGE: 'local',
    KINDLING_TABLE: 'kindling',
    KINDLING_DYNAMO_ENDPOINT: dynamo.endpoint,
    // Engagement messages land here as .eml files (issue #9).
    KINDLING_MAILBOX: process.env.KINDLING_MAILBOX ?? join(dataDir, 'mailbox'),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...issuer.env(),
  });
  await ensureTable(dynamo.endpoint, 'kindling');
  return dynamo;
}

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the console when its build is missing or older than its sources. */
async function ensureConsoleBuilt(): Promise<string> {
  const dist = join(ROOT, 'admin', 'dist');
  const index = join(dist, 'index.html');
  const sourcesChanged = !existsSync(index) || newestIn(join(ROOT, 'admin', 'src')) > statSync(index).mtimeMs;
  if (sourcesChanged) {
    console.log('  building the console …');
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

async function start(): Promise<void> {
  const started = Date.now();
  const apiPort = port('--port', values.port);
  await assertPortFree(apiPort, 'the API and console', '--port');
  const inMemory = values['in-memory'];
  const issuer = inMemory ? await LocalIssuer.ephemeral() : await LocalIssuer.open(dataDir);
  console.log(`Kindling: starting DynamoDB Local (${inMemory ? 'in memory' : `data in ${dataDir}`}) …`);
  const dynamo = await openDatabase(issuer, inMemory);
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nKindling: stopping …');
    await dynamo.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  try {
    const services = await servicesFromEnv(process.env, 'local');
    const seeded = await seedDemo(services, terminalProgress());
    if (seeded.created) {
      console.log(
        `  seeded "Demo Association": ${seeded.mentors} mentors, ${seeded.mentees} mentees, ${seeded.mentorships} mentorships, ${seeded.meetings} meetings`,
      );
    }
    const consoleDir = await ensureConsoleBuilt();
    // The exact module CDK bundles into the GraphQL Lambda.
    const { handler } = await import('../functions/handlers/graphql.ts');
    const server = await startLocalServer({
      port: apiPort,
      graphql: handler,
      issuer,
      consoleDir,
      tenantExists: async (slug) => slug !== '' && (await services.tenants.getTenant(slug)) !== null,
    });
    const stopScheduler = startScheduler(
      [
        {
          name: 'program-lifecycle',
          everyMs: Number(values.tick) * 1000,
          load: async () => (await import('../functions/handlers/lifecycle.ts')).handler,
        },
        {
          name: 'scheduled-matching',
          everyMs: Number(values.tick) * 1000,
          load: async () => (await import('../functions/handlers/matching.ts')).handler,
        },
        {
          name: 'engagement',
          everyMs: Number(values.tick) * 1000,
          load: async () => (await import('../functions/handlers/engagement.ts')).handler,
        },
      ],
      (line) => console.log(`  ${line}`),
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
    const base = `http://127.0.0.1:${apiPort}`;
    const example = await issuer.token({ tenant: DEMO_TENANT, role: 'manager', subject: 'local:manager:readme', name: 'Readme' });
    console.log(`
Kindling is running (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)
  console   ${base}/            sign in locally: tenant "${DEMO_TENANT}", role manager
  GraphQL   ${base}/graphql     through the Lambda handler (functions/handlers/graphql.ts)
  DynamoDB  ${dynamo.endpoint}
  scheduler program-lifecycle, scheduled-matching and engagement every ${values.tick} s
  mailbox   ${process.env.KINDLING_MAILBOX}   what the engagement job would have e-mailed

  A token for scripts:  npx kindling token --tenant ${DEMO_TENANT} --role manager
  Try it:  curl -s ${base}/graphql -H 'content-type: application/json' \\
             -H "authorization: Bearer ${example.token.slice(0, 24)}…" \\
             -d '{"query":"{ viewer { tenant { name programs { edges { node { name status } } } } } }"}'

Ctrl-C stops everything.`);
  } catch (e) {
    console.error(`\nKindling could not start: ${e instanceof Error ? e.message : String(e)}`);
    await stopAll(1);
  }
}

async function token(): Promise<void> {
  const role = (values.role ?? 'manager') as Role;
  if (!['operator', 'manager', 'participant'].includes(role)) throw new Error('--role must be operator, manager or participant.');
  if (role !== 'operator' && !values.tenant)
    throw new Error('--tenant <slug> is needed for managers and participants (the demo tenant is "demo").');
  if (role === 'participant' && !values.person) throw new Error('--person <id> is needed for a participant token.');
  const issuer = await LocalIssuer.open(dataDir);
  const name = values.name ?? `Local ${role}`;
  const { token: jwt } = await issuer.token({
    tenant: values.tenant ?? null,
    role,
    subject: `local:${role}:${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
    name,
    person: values.person ?? null,
  });
  console.log(jwt);
}

async function seed(): Promise<void> {
  const issuer = await LocalIssuer.open(dataDir);
  const dynamo = await openDatabase(issuer, false);
  try {
    const summary = await seedDemo(await servicesFromEnv(process.env, 'seed'), terminalProgress());
    console.log(
      summary.created ? `Seeded "Demo Association" into ${dataDir}.` : `"Demo Association" already exists in ${dataDir}; nothing to do.`,
    );
  } finally {
    await dynamo.stop();
  }
}

async function tenant(): Promise<void> {
  if (positionals[1] !== 'create' || !values.slug || !values.name)
    throw new Error('Usage: kindling tenant create --slug <slug> --name <name>');
  const target = await targetFor({ ...values, port: values.port }, () => LocalIssuer.open(dataDir), 'operator', null);
  await createTenantCommand(target, { slug: values.slug, name: values.name, timeZone: values['time-zone'], locale: values.locale });
}

async function importFile(): Promise<void> {
  if (!values.tenant || !values.program || !values.file)
    throw new Error('Usage: kindling import --tenant <slug> --program <name or id> --file <export.csv>');
  const target = await targetFor({ ...values, port: values.port }, () => LocalIssuer.open(dataDir), 'manager', values.tenant);
  await importCommand(target, { program: values.program, file: values.file, role: values.role });
}

/** Running pairs from a spreadsheet: its own module, loaded only for this command. */
async function importPairs(): Promise<void> {
  if (!values.tenant || !values.program || !values.file)
    throw new Error('Usage: kindling import-pairs --tenant <slug> --program <name or id> --file <pairs.csv> [--dry-run]');
  const target = await targetFor({ ...values, port: values.port }, () => LocalIssuer.open(dataDir), 'manager', values.tenant);
  const { importPairsCommand } = await import('./commands/importPairs.ts');
  await importPairsCommand(target, { program: values.program, file: values.file, dryRun: values['dry-run'] });
}

const command = positionals[0] ?? 'help';
async function solveFile(): Promise<void> {
  if (!values.in || !values.out)
    throw new Error('Usage: kindling solve --in instance.json --out solution.json [--objective weight|coverage]');
  if (values.objective !== 'weight' && values.objective !== 'coverage') throw new Error('--objective must be weight or coverage.');
  const { solveCommand } = await import('./solve.ts');
  await solveCommand({ in: values.in, out: values.out, objective: values.objective });
}

const commands: Record<string, () => Promise<void>> = {
  start,
  token,
  seed,
  tenant,
  import: importFile,
  'import-pairs': importPairs,
  solve: solveFile,
};
if (values.help || !commands[command]) {
  console.log(USAGE);
  process.exit(command === 'help' || values.help ? 0 : 2);
}
commands[command]?.().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
