/**
 * A page of a list as the store returns it. `after` is the store's own position (an encoded
 * DynamoDB key); the GraphQL boundary seals it into a signed, tenant-bound cursor.
 */
export interface Page<T> {
  items: T[];
  /** The position of each item, to resume a list right after it. */
  positions: string[];
  /** Where the next page starts; null when this is the last page. */
  after: string | null;
}

export interface PageRequest {
  first: number;
  after: string | null;
}

export const MAX_PAGE_SIZE = 100;

/** Every page of a paged list, for reads of a whole program or tenant (matching, jobs, tenant figures). */
export async function allPages<T>(fetch: (page: PageRequest) => Promise<Page<T>>, pageSize = 1000): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  do {
    const page: Page<T> = await fetch({ first: pageSize, after });
    out.push(...page.items);
    after = page.after;
  } while (after);
  return out;
}

/**
 * How many items a list holds, where that is cheap: a counter kept with every write (people), or a
 * COUNT query over a list that stays short (a tenant's programs, a program's runs, imports and
 * proposals, a tenant's webhook subscriptions). Lists counted from a program's figures are counted
 * in their own context (people.ts `participantCount`, pairs.ts `pairCount`); logs that only grow are
 * not counted at all. docs/access-patterns.md says how each list is counted.
 */
export interface ListCounts {
  /** Null until the tenant's people have been counted (`kindling reindex-search` counts older tenants). */
  people(tenantId: string): Promise<number | null>;
  programs(tenantId: string): Promise<number>;
  matchingRuns(tenantId: string, programId: string): Promise<number>;
  imports(tenantId: string, programId: string): Promise<number>;
  proposals(tenantId: string, programId: string, status: string | null): Promise<number>;
  webhookSubscriptions(tenantId: string): Promise<number>;
}

/**
 * A list's total for a connection, counted only when a query selects it. The caller has already
 * been allowed the list (its domain read decided that); this only counts it (ListCounts says how).
 */
export const countOf =
  <K extends keyof ListCounts>(deps: { counts: ListCounts }, list: K, ...args: Parameters<ListCounts[K]>) =>
  (): Promise<number | null> =>
    (deps.counts[list] as (...a: Parameters<ListCounts[K]>) => Promise<number | null>)(...args);
