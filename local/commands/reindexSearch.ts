import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { localClient, parseFlags, UsageError } from '../args.ts';
import { handlerEnv, openDatabase } from '../database.ts';
import type { LocalDynamo } from '../dynamo.ts';
import { LocalIssuer } from '../issuer.ts';
import { type Bar, progressBar } from '../progress.ts';

/**
 * `kindling reindex-search [--tenant <slug>]`: the search backfill (store/search.ts `reindexSearch`)
 * for one tenant or every tenant, on the running Kindling's database or the data folder's, with a
 * progress bar; then builds the discovery index (ADR 0072) of every program stored before it. Safe to
 * run again: people who already have their tokens cost a read, no write; a whole index is skipped.
 */
export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseFlags(args, {
    port: { type: 'string' },
    data: { type: 'string' },
    tenant: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`Unexpected: ${positionals.join(' ')}.`);
  process.env.KINDLING_LOG_LEVEL ??= 'warn';

  const client = localClient(values);
  let dynamo: LocalDynamo | null = null;
  if (client.run) {
    handlerEnv(client.run.dynamoEndpoint, await LocalIssuer.open(client.run.issuerDir), client.run.mailbox);
  } else {
    const dataDir = resolve(client.issuerDir);
    if (!existsSync(join(dataDir, 'dynamodb')))
      throw new Error(`No Kindling is running and ${dataDir} holds no data. Start it (npm start), or name the data with --data.`);
    const { freePort } = await import('../dynamo.ts');
    dynamo = await openDatabase(await freePort(), join(dataDir, 'dynamodb'));
    handlerEnv(dynamo.endpoint, await LocalIssuer.open(dataDir), join(dataDir, 'mailbox'));
  }
  try {
    const [{ servicesFromEnv }, { reindexSearch }, { allPages }] = await Promise.all([
      import('../../functions/services.ts'),
      import('../../functions/store/search.ts'),
      import('#domain/kernel/pages.ts'),
    ]);
    const services = await servicesFromEnv(process.env, 'reindex-search');
    const slugs = (await services.tenants.listTenants()).map((t) => t.id);
    if (values.tenant && !slugs.includes(values.tenant))
      throw new Error(`No tenant "${values.tenant}" here. Tenants: ${slugs.join(', ') || 'none'}.`);
    for (const slug of values.tenant ? [values.tenant] : slugs) {
      let bar: Bar | null = null;
      const started = Date.now();
      const report = await reindexSearch(services.client, slug, {
        start: (total) => {
          bar = progressBar(`${slug}: people`, total);
        },
        advance: (done) => bar?.update(done),
      });
      (bar as Bar | null)?.stop();
      console.log(
        `${slug}: ${report.people} people, ${report.reindexed} given ${report.tokensWritten} missing search tokens, counted (${Date.now() - started} ms)`,
      );
      // Programs from before the discovery index (ADR 0072) rank from the mentors' cards, slowly:
      // build their index. A program whose index is whole is left alone.
      for (const program of await allPages((page) => services.programs.listPrograms(slug, page), 100)) {
        if (await services.people.discoveryIndex(slug, program.id)) continue;
        const built = Date.now();
        const { mentors } = await services.people.rebuildDiscoveryIndex(slug, program.id, new Date().toISOString());
        console.log(`${slug}: "${program.name}": discovery index built for ${mentors} mentors (${Date.now() - built} ms)`);
      }
    }
  } finally {
    await dynamo?.stop();
  }
}
