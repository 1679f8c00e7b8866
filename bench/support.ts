import { readdirSync, readFileSync } from 'node:fs';
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

/** Clock ticks a second in /proc (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** utime + stime of a process and every process below it, in seconds (Linux /proc; 0 where unreadable). */
export function processTreeCpuSeconds(root: number | undefined): number {
  if (root === undefined) return 0;
  const stats = new Map<number, { parent: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name may hold spaces: the fields after it start past the last ')'.
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // Gone between the listing and the read.
    }
  }
  let ticks = 0;
  const below = [root];
  while (below.length > 0) {
    const pid = below.pop() as number;
    ticks += stats.get(pid)?.ticks ?? 0;
    for (const [child, s] of stats) if (s.parent === pid) below.push(child);
  }
  return ticks / TICKS;
}

/** CPU seconds this process has used (user + system). */
export const ownCpuSeconds = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
