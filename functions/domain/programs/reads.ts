import { type Actor, reachesProgram, type Scope } from '#domain/kernel/actors.ts';
import type { ListCounts, Page, PageRequest } from '#domain/kernel/pages.ts';
import type { Program, ProgramStore } from './programs.ts';

/** The programs the caller reaches: a key for one program lists only that one (a tenant has few: one page holds them). */
export async function reachablePrograms(
  deps: { programs: Pick<ProgramStore, 'listPrograms'> },
  scope: Scope,
  page: PageRequest,
): Promise<Page<Program>> {
  return tenantPrograms(deps, scope.actor, scope.tenantId, page);
}

/**
 * A tenant's programs, as the tenant's record lists them, to whoever reaches the tenant (operators
 * any): a key for one program lists that one here too, as in `programs`.
 */
export async function tenantPrograms(
  deps: { programs: Pick<ProgramStore, 'listPrograms'> },
  actor: Actor,
  tenantId: string,
  page: PageRequest,
): Promise<Page<Program>> {
  const found = await deps.programs.listPrograms(tenantId, page);
  return { ...found, items: found.items.filter((p) => reachesProgram(actor, p.id)) };
}

/** The program, or null when there is none or the caller does not reach it. */
export const findProgram = async (
  deps: { programs: Pick<ProgramStore, 'getProgram'> },
  scope: Scope,
  id: string,
): Promise<Program | null> => (reachesProgram(scope.actor, id) ? deps.programs.getProgram(scope.tenantId, id) : null);

/** How many programs the caller reaches (the total of `tenantPrograms`): a key for one program reaches that one; a COUNT of the rest. */
export const tenantProgramCount = (deps: { counts: ListCounts }, actor: Actor, tenantId: string): Promise<number> =>
  actor.key?.programId ? Promise.resolve(1) : deps.counts.programs(tenantId);
