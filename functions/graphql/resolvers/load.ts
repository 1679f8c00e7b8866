import { notFound } from '#domain/kernel/index.ts';
import type { Person } from '#domain/people/index.ts';
import type { Program } from '#domain/programs/index.ts';
import type { Context } from '../context.ts';

/** Related records for field resolvers, batched per request: a list of N costs one BatchGet, not N reads. */
export async function programOf(ctx: Context, id: string): Promise<Program> {
  const program = await ctx.loaders.program.load(id);
  if (!program) throw notFound('Program');
  return program;
}

export async function personOf(ctx: Context, id: string): Promise<Person> {
  const person = await ctx.loaders.person.load(id);
  if (!person) throw notFound('Person');
  return person;
}
