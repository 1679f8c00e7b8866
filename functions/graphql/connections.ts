import { MAX_PAGE_SIZE, type Page, type PageRequest } from '#domain/kernel/pages.ts';
import { Checks } from '#domain/kernel/validation.ts';
import type { Context } from './context.ts';

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * What binds a cursor: the tenant, the list and its filters. A cursor from another list, another
 * filter or another tenant fails its signature.
 */
const binding = (ctx: Context, list: string, filters: Record<string, unknown>): string =>
  `${ctx.actor.tenantId ?? '-'}|${list}|${JSON.stringify(filters)}`;

/** Checks `first` and opens `after` for the store. */
export function pageRequest(
  ctx: Context,
  list: string,
  args: { first?: number | null; after?: string | null },
  filters: Record<string, unknown> = {},
): PageRequest {
  const checks = new Checks();
  const first = checks.int('first', args.first ?? 20, { min: 1, max: MAX_PAGE_SIZE });
  checks.done();
  return { first, after: ctx.cursors.open(args.after, binding(ctx, list, filters)) };
}

/** Seals the store's positions into cursors bound to this list. */
export function toConnection<T>(ctx: Context, list: string, page: Page<T>, filters: Record<string, unknown> = {}): Connection<T> {
  const bind = binding(ctx, list, filters);
  const seal = (position: string) => ctx.cursors.seal(position, bind) as string;
  const edges = page.items.map((node, i) => ({ node, cursor: seal(page.positions[i] ?? '') }));
  return { edges, pageInfo: { hasNextPage: page.after !== null, endCursor: edges.at(-1)?.cursor ?? null } };
}
