import { MAX_PAGE_SIZE, type Page, type PageRequest } from '#domain/kernel/pages.ts';
import { Checks } from '#domain/kernel/validation.ts';
import type { Context } from './context.ts';

/**
 * A list as the schema's `…Connection` types answer it (codegen maps every one of them here).
 * `totalCount` is a function so the count is made only when a query selects it: graphql-js's
 * default resolver calls a function-valued property. Each list says how it counts (a program's
 * counters, a tenant's people counter, or a COUNT query over a short list) in its domain function;
 * a list that cannot be counted without reading it answers null (docs/access-patterns.md).
 */
export interface Connection<T = unknown> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: () => Promise<number | null>;
}

/** How a list is counted: null when it cannot be counted cheaply (a search, a log that only grows). */
export type Count = () => Promise<number | null>;

/** For lists that cannot be counted without reading them. */
export const uncounted: Count = async () => null;

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
export function toConnection<T>(
  ctx: Context,
  list: string,
  page: Page<T>,
  filters: Record<string, unknown> = {},
  count: Count = uncounted,
): Connection<T> {
  const bind = binding(ctx, list, filters);
  const seal = (position: string) => ctx.cursors.seal(position, bind) as string;
  const edges = page.items.map((node, i) => ({ node, cursor: seal(page.positions[i] ?? '') }));
  // Counted once however often the field is selected (aliases, fragments).
  let counted: Promise<number | null> | null = null;
  const totalCount = () => {
    counted ??= count();
    return counted;
  };
  return { edges, pageInfo: { hasNextPage: page.after !== null, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}
