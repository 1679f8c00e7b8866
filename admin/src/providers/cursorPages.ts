import type { GetListResult, RaRecord } from 'react-admin';

/**
 * What every list in the API answers: Relay edges, whether another page follows, and the total when
 * the API can count it cheaply (null for a search or a log that only grows: ADR 54).
 */
export interface Connection<TNode> {
  edges: readonly { node: TNode }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  totalCount?: number | null;
}

/** One page of a connection, as the API asks for it. */
export interface CursorArgs {
  first: number;
  after: string | null;
}

/** The page react-admin asks for: by number, from 1. */
export interface PageRequest {
  page: number;
  perPage: number;
}

/** Trails kept per pager; a forgotten one only means walking from page 1 again. */
const MAX_TRAILS = 50;

/** Object keys sorted, so `{a, b}` and `{b, a}` name the same list. */
function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/**
 * Pages a cursor-based connection by number, for react-admin's lists.
 *
 * The API pages by cursor, and a cursor is valid only for the list (filters and
 * sort) it came from. react-admin asks for page N, so the pager remembers the cursor that starts
 * each page seen so far, per list and page size, and walks forward from the nearest one when asked
 * for a page not reached yet (e.g. ?page=3 after a reload). Page 1 starts a fresh trail.
 *
 * `list` names everything the cursor is bound to (filters, sort, parent id): a different list is a
 * different trail. The total is the API's `totalCount`; a list without one (a search, the audit
 * log) learns it on its last page, and before that the pagination says "of many" (ListPagination).
 */
export function cursorPager<TList, TNode, TRecord extends RaRecord>(
  fetchPage: (list: TList, cursor: CursorArgs, signal?: AbortSignal) => Promise<Connection<TNode>>,
  toRecord: (node: TNode, list: TList) => TRecord,
) {
  const trails = new Map<string, Map<number, string>>();

  function trailFor(key: string, fresh: boolean): Map<number, string> {
    let starts = trails.get(key);
    if (starts && !fresh) {
      // Most recently used last, so the oldest trail is the one dropped.
      trails.delete(key);
      trails.set(key, starts);
      return starts;
    }
    starts = new Map();
    trails.delete(key);
    trails.set(key, starts);
    if (trails.size > MAX_TRAILS) {
      const oldest = trails.keys().next().value;
      if (oldest !== undefined) trails.delete(oldest);
    }
    return starts;
  }

  return async function getPage(list: TList, { page, perPage }: PageRequest, signal?: AbortSignal): Promise<GetListResult<TRecord>> {
    const starts = trailFor(stableKey([perPage, list]), page === 1);
    let current = Math.max(1, ...[...starts.keys()].filter((known) => known <= page));
    for (;;) {
      const connection = await fetchPage(list, { first: perPage, after: starts.get(current) ?? null }, signal);
      const { hasNextPage, endCursor } = connection.pageInfo;
      if (hasNextPage && endCursor) starts.set(current + 1, endCursor);
      if (current === page || !hasNextPage || !endCursor) {
        // Asked beyond the last page: an empty page, so react-admin offers the way back.
        const reached = current === page;
        const data = reached ? connection.edges.map((edge) => toRecord(edge.node, list)) : [];
        return {
          data,
          ...(typeof connection.totalCount === 'number'
            ? { total: connection.totalCount }
            : hasNextPage
              ? {}
              : { total: (current - 1) * perPage + (reached ? data.length : connection.edges.length) }),
          pageInfo: { hasNextPage: reached && hasNextPage, hasPreviousPage: page > 1 },
        };
      }
      current += 1;
    }
  };
}

/** react-admin's pagination params, with the defaults the console's lists use. */
export const pageOf = (pagination?: { page?: number; perPage?: number }): PageRequest => ({
  page: pagination?.page ?? 1,
  perPage: pagination?.perPage ?? 25,
});
