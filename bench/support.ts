import { ensureTable, freePort, type LocalDynamo, startDynamo } from '#local/dynamo.ts';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, LocalIssuer } from '#local/issuer.ts';
import { createServices, type Services } from '../functions/services.ts';

/** A fresh in-memory DynamoDB Local and services over it, for one benchmark. */
export async function benchServices(): Promise<{ services: Services; dynamo: LocalDynamo }> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  process.env.KINDLING_LOG_LEVEL ??= 'warn';
  const dynamo = await startDynamo({ port: await freePort(), dataDir: null });
  await ensureTable(dynamo.endpoint, 'kindling-bench');
  const issuer = await LocalIssuer.ephemeral();
  const services = createServices({
    table: 'kindling-bench',
    endpoint: dynamo.endpoint,
    auth: { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks: issuer.jwks },
    cursorSecret: issuer.cursorSecret,
    service: 'bench',
  });
  return { services, dynamo };
}

export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Resident memory high-water mark of this process so far. */
export const peakRss = (): number => process.resourceUsage().maxRSS * 1024;
