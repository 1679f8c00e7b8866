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
