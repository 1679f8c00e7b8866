import { join, resolve } from 'node:path';
import { parseFlags, portNumber } from '../args.ts';
import { handlerEnv, openDatabase } from '../database.ts';
import { LocalIssuer } from '../issuer.ts';
import { findRun } from '../runs.ts';

export async function run(args: string[]): Promise<void> {
  const { values } = parseFlags(args, {
    'dynamo-port': { type: 'string', default: process.env.KINDLING_DYNAMO_PORT ?? '8000' },
    data: { type: 'string', default: process.env.KINDLING_DATA ?? '.kindling' },
  });
  const dataDir = resolve(values.data);
  if (findRun({ data: dataDir })) throw new Error(`Kindling is running on ${dataDir}; it seeded the demo on its first start.`);
  const issuer = await LocalIssuer.open(dataDir);
  const dynamo = await openDatabase(portNumber('--dynamo-port', values['dynamo-port']), join(dataDir, 'dynamodb'));
  handlerEnv(dynamo.endpoint, issuer, join(dataDir, 'mailbox'));
  try {
    const [{ servicesFromEnv }, { seedDemo }, { terminalProgress }] = await Promise.all([
      import('../../functions/services.ts'),
      import('../seed/demo.ts'),
      import('../progress.ts'),
    ]);
    const summary = await seedDemo(await servicesFromEnv(process.env, 'seed'), terminalProgress());
    console.log(
      summary.created ? `Seeded "Demo Association" into ${dataDir}.` : `"Demo Association" already exists in ${dataDir}; nothing to do.`,
    );
  } finally {
    await dynamo.stop();
  }
}
