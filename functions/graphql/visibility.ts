import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema, isNonNullType, isObjectType } from 'graphql';
import { checkMap, mayRead, subjectOf, VISIBILITY, visibleValue } from '#domain/kernel/visibility.ts';
import type { Context } from './context.ts';

/** Every object type's fields and whether each may be null, as `checkMap` reads them. */
export function schemaFields(schema: GraphQLSchema): Record<string, Record<string, { nullable: boolean }>> {
  const out: Record<string, Record<string, { nullable: boolean }>> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    out[type.name] = Object.fromEntries(Object.entries(type.getFields()).map(([name, f]) => [name, { nullable: !isNonNullType(f.type) }]));
  }
  return out;
}

/**
 * Puts the domain's visibility map (domain/kernel/visibility.ts) in front of every field that is not
 * PUBLIC, whatever resolver serves it: no resolver decides who sees a field, and none can forget
 * to. A schema with a field the map does not classify is refused here, at build.
 */
export function guardSchema(schema: GraphQLSchema): GraphQLSchema {
  const problems = checkMap(schemaFields(schema));
  if (problems.length > 0)
    throw new Error(`The visibility map (functions/domain/kernel/visibility.ts) does not fit the schema:\n${problems.join('\n')}`);
  for (const type of Object.values(schema.getTypeMap())) {
    // Root fields are operations: their domain calls check the caller (roles.test.ts proves it).
    if (!isObjectType(type) || type.name.startsWith('__') || type.name === 'Query' || type.name === 'Mutation') continue;
    const rules = VISIBILITY[type.name];
    if (!rules) continue;
    for (const [name, field] of Object.entries(type.getFields())) {
      const cls = rules.fields[name];
      if (!cls || cls === 'PUBLIC') continue;
      const resolve = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, Context>;
      const action = `read ${type.name}.${name}`;
      const subject = (parent: unknown) => (rules.subject ? subjectOf(rules.subject, parent as Record<string, unknown>) : null);
      field.resolve =
        cls === 'SENSITIVE_REASON'
          ? async (parent, args, ctx: Context, info) => {
              const value = await resolve(parent, args, ctx, info);
              const s = subject(parent);
              const program = s?.programId ? await ctx.loaders.program.load(s.programId) : null;
              return visibleValue(ctx.actor, cls, s, program, value, action);
            }
          : (parent, args, ctx: Context, info) =>
              mayRead(ctx.actor, cls, subject(parent))
                ? resolve(parent, args, ctx, info)
                : visibleValue(ctx.actor, cls, subject(parent), null, null, action);
    }
  }
  return schema;
}
