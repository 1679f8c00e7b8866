import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SCHEDULED_JOBS, type ScheduledJobName } from '#domain/kernel/jobs.ts';
import { localClient, parseFlags, UsageError } from '../args.ts';
import { handlerEnv, openDatabase } from '../database.ts';
import type { LocalDynamo } from '../dynamo.ts';
import { LocalIssuer } from '../issuer.ts';

/** An ISO time with a zone, or a date alone (taken as UTC midnight); anything else is refused. */
export function parseAt(value: string): Date {
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(at.getTime()))
    throw new UsageError(`--at must be an ISO time such as 2026-03-02T12:00:00+01:00, not "${value}".`);
  return at;
}

/**
 * `kindling job run <job> [--tenant <slug>] [--at <time>]`: the scheduled job's own code, in this
 * process, on the running Kindling's database (or the data folder's, with DynamoDB Local started
 * for the run), with its clock set to --at when given.
 */
export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseFlags(args, {
    port: { type: 'string' },
    data: { type: 'string' },
    tenant: { type: 'string' },
    at: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  });
  const [verb, name] = positionals;
  if (verb !== 'run') throw new UsageError(verb ? `Unknown: job ${verb}.` : 'Say what to do: job run <job>.');
  if (!name || !(SCHEDULED_JOBS as readonly string[]).includes(name))
    throw new UsageError(`Which job: ${SCHEDULED_JOBS.join(', ')}${name ? ` (not "${name}")` : ''}.`);
  const job = name as ScheduledJobName;
  const at = values.at ? parseAt(values.at) : null;
  if (!values.verbose) process.env.KINDLING_LOG_LEVEL ??= 'warn';

  const client = localClient(values);
  let dynamo: LocalDynamo | null = null;
  if (client.run) {
    handlerEnv(
      client.run.dynamoEndpoint,
      await LocalIssuer.open(client.run.issuerDir),
      client.run.mailbox,
      client.run.url.replace(/\/graphql$/, ''),
    );
  } else {
    const dataDir = resolve(client.issuerDir);
    if (!existsSync(join(dataDir, 'dynamodb')))
      throw new Error(`No Kindling is running and ${dataDir} holds no data. Start it (npm start), or name the data with --data.`);
    const { freePort } = await import('../dynamo.ts');
    dynamo = await openDatabase(await freePort(), join(dataDir, 'dynamodb'));
    handlerEnv(dynamo.endpoint, await LocalIssuer.open(dataDir), join(dataDir, 'mailbox'));
  }
  try {
    const [{ servicesFromEnv }, { runScheduledJob }] = await Promise.all([
      import('../../functions/services.ts'),
      import('../../functions/jobs/scheduled.ts'),
    ]);
    const services = await servicesFromEnv(process.env, `job-${job}`);
    if (at) services.clock = () => new Date(at);
    if (values.tenant && !(await services.tenants.getTenant(values.tenant))) {
      const slugs = (await services.tenants.listTenants()).map((t) => t.id);
      throw new Error(`No tenant "${values.tenant}" here. Tenants: ${slugs.join(', ') || 'none'}.`);
    }
    const outcome = await runScheduledJob(services, job, values.tenant ? { tenantIds: [values.tenant] } : {});
    console.log(`${job} ran at ${outcome.ranAt}${values.tenant ? ` for ${values.tenant}` : ''} in ${outcome.ms} ms`);
    for (const line of outcome.summary) console.log(`  ${line}`);
    await services.jobs.idle?.();
  } finally {
    await dynamo?.stop();
  }
}
