import { emptyStats, type ProgramStats, STATS_MAPS, type StatsChange } from '#domain/mentorships/analytics.ts';
import { batchGet } from './batch.ts';
import type { StoreClient } from './client.ts';
import { keys } from './keys.ts';

/** The stats item a new program starts with: every counter zero, every map present (nested updates need their map). */
export const statsItem = (tenantId: string, programId: string) => ({
  ...keys.programStats(tenantId, programId),
  type: 'ProgramStats',
  ...emptyStats(programId),
});

/**
 * The Update that applies one write's change to its program's figures, for that write's transaction:
 * `ADD` for counters, `SET m.k = if_not_exists(m.k, 0) + d` for map entries. Null when nothing changes.
 */
export function statsUpdate(table: string, tenantId: string, change: StatsChange) {
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const adds: string[] = [];
  const sets: string[] = [];
  Object.entries(change.counters).forEach(([counter, delta], i) => {
    if (!delta) return;
    names[`#c${i}`] = counter;
    values[`:c${i}`] = delta;
    adds.push(`#c${i} :c${i}`);
  });
  change.maps.forEach(({ map, key, delta }, i) => {
    names[`#m${i}`] = map;
    names[`#k${i}`] = key;
    values[`:m${i}`] = delta;
    sets.push(`#m${i}.#k${i} = if_not_exists(#m${i}.#k${i}, :zero) + :m${i}`);
  });
  if (adds.length === 0 && sets.length === 0) return null;
  if (sets.length > 0) values[':zero'] = 0;
  return {
    Update: {
      TableName: table,
      Key: keys.programStats(tenantId, change.programId),
      UpdateExpression: [sets.length ? `SET ${sets.join(', ')}` : '', adds.length ? `ADD ${adds.join(', ')}` : '']
        .filter(Boolean)
        .join(' '),
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** Zero-padded defaults for anything a stats item written by an older version lacks. */
function toStats(item: Record<string, unknown>): ProgramStats {
  const stats = emptyStats(String(item.programId));
  for (const [k, v] of Object.entries(item)) {
    if (k in stats && k !== 'programId')
      (stats as unknown as Record<string, unknown>)[k] = (STATS_MAPS as readonly string[]).includes(k) ? { ...(v as object) } : Number(v);
  }
  return stats;
}

export async function statsOf(client: StoreClient, tenantId: string, programIds: readonly string[]): Promise<Map<string, ProgramStats>> {
  const items = await batchGet(
    client,
    programIds.map((id) => keys.programStats(tenantId, id)),
  );
  return new Map(items.map((i) => [String(i.programId), toStats(i)]));
}
