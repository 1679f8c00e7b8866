import { describe, expect, it } from 'vitest';
import { type Connection, cursorPager } from '../../admin/src/providers/cursorPages.ts';

/** A list of `size` items served 10 a page by cursor, with or without the API's total. */
function list(size: number, counted: boolean) {
  return async (_list: string, { first, after }: { first: number; after: string | null }): Promise<Connection<{ id: number }>> => {
    const from = after ? Number(after) : 0;
    const ids = Array.from({ length: Math.max(0, Math.min(first, size - from)) }, (_, i) => from + i);
    const next = from + first < size;
    return {
      edges: ids.map((id) => ({ node: { id } })),
      pageInfo: { hasNextPage: next, endCursor: next ? String(from + first) : null },
      totalCount: counted ? size : null,
    };
  };
}

describe('the console’s cursor pager', () => {
  it('gives react-admin the API’s total from the first page', async () => {
    // Act
    const page = await cursorPager(list(4012, true), (node) => node)('people', { page: 1, perPage: 10 });

    // Assert
    expect(page.total).toBe(4012);
    expect(page.data).toHaveLength(10);
  });

  it('gives no total for a list the API cannot count until its last page, then the exact one', async () => {
    // Prepare
    const pager = cursorPager(list(23, false), (node) => node);

    // Act
    const first = await pager('search', { page: 1, perPage: 10 });
    const last = await pager('search', { page: 3, perPage: 10 });

    // Assert: "1–10 of many", then "21–23 of 23".
    expect(first.total).toBeUndefined();
    expect(first.pageInfo?.hasNextPage).toBe(true);
    expect(last.total).toBe(23);
    expect(last.data).toHaveLength(3);
  });
});
