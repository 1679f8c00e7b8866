import type { LocalDynamo } from './dynamo.ts';
import type { LocalIssuer } from './issuer.ts';

/** Points the handlers' environment (services.ts reads it) at a DynamoDB endpoint, an issuer and a mailbox. */
export function handlerEnv(endpoint: string, issuer: LocalIssuer, mailbox: string, publicUrl?: string): void {
  Object.assign(process.env, {
    KINDLING_STAGE: 'local',
    KINDLING_TABLE: 'kindling',
    KINDLING_DYNAMO_ENDPOINT: endpoint,
    // Engagement messages land here as .eml files (issue #9).
    KINDLING_MAILBOX: process.env.KINDLING_MAILBOX ?? mailbox,
    // The e-mails' one-click action links open the console's public page here (ADR 0059).
    ...(publicUrl || process.env.KINDLING_PUBLIC_URL ? { KINDLING_PUBLIC_URL: process.env.KINDLING_PUBLIC_URL ?? publicUrl } : {}),
    // A partner app under development may receive webhooks on this machine (ADR 0036); never set in AWS.
    KINDLING_WEBHOOKS_ALLOW_LOOPBACK: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...issuer.env(),
  });
}

/** Starts DynamoDB Local (on a data folder, or in memory) with the table. */
export async function openDatabase(port: number, dynamoDir: string | null): Promise<LocalDynamo> {
  const { startDynamo, ensureTable } = await import('./dynamo.ts');
  const dynamo = await startDynamo({ port, dataDir: dynamoDir });
  try {
    await ensureTable(dynamo.endpoint, 'kindling');
  } catch (e) {
    await dynamo.stop();
    throw e;
  }
  return dynamo;
}
