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
