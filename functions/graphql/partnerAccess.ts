import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isObjectType,
  TypeInfo,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { DomainError, ErrorCode, forbidden } from '#domain/kernel/errors.ts';
import { ANALYTICS_SCOPE } from '#domain/partners/apiKeys.ts';
import type { Context } from './context.ts';
import { toGraphQLError } from './errors.ts';

/** The scopes a `@scope(requires: …)` directive lists, or null when there is none. */
function scopesOf(
  node:
    | { directives?: readonly { name: { value: string }; arguments?: readonly { name: { value: string }; value: never }[] }[] }
    | null
    | undefined,
) {
  const directive = node?.directives?.find((d) => d.name.value === 'scope');
  if (!directive) return null;
  const arg = directive.arguments?.find((a) => a.name.value === 'requires');
  return arg ? (valueFromASTUntyped(arg.value) as string[]) : [];
}

const typeScopes = new WeakMap<GraphQLNamedType, string[] | null>();

function scopesOfType(type: GraphQLNamedType): string[] | null {
  if (!typeScopes.has(type)) {
    const nodes = isObjectType(type) ? [type.astNode, ...type.extensionASTNodes] : [];
    const found = nodes.map((n) => scopesOf(n as never)).filter((s): s is string[] => s !== null);
    typeScopes.set(type, found.length > 0 ? found.flat() : null);
  }
  return typeScopes.get(type) ?? null;
}

/** Root fields that answer about the caller alone, open to a key acting for no one too. */
const ABOUT_THE_CALLER = new Set(['viewer', 'ping']);

/**
 * What an operation needs from a partner key, checked before anything runs: every root field must
 * be open to keys (`@scope` on it) and every type it selects must be within the key's scopes. The
 * first miss is the answer: FORBIDDEN, naming the field or type and the scope it lacks.
 *
 * A key acting for no one (`forNoOne`: an analytics app, ADR 0068) may call only root fields that
 * require ANALYTICS_READ (the aggregated figures) and those about the caller alone. Nothing about a person is within its reach, so
 * no rule further down has to know about it.
 */
export function checkPartnerAccess(
  schema: GraphQLSchema,
  document: DocumentNode,
  scopes: readonly string[],
  forNoOne = false,
): DomainError | null {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean));
  const typeInfo = new TypeInfo(schema);
  let problem: DomainError | null = null;
  const need = (what: string, required: readonly string[]) => {
    const missing = required.find((s) => !scopes.includes(s));
    if (missing && !problem) problem = new DomainError(ErrorCode.FORBIDDEN, 'auth.scope', { what, scope: missing });
  };
  // A fragment's type condition needs that type's scopes, like a field returning it.
  const typeCondition = () => {
    const type = typeInfo.getType();
    const required = type ? scopesOfType(getNamedType(type)) : null;
    if (type && required) need(getNamedType(type).name, required);
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef() as GraphQLField<unknown, unknown> | null;
        if (!parent || !field || node.name.value.startsWith('__')) return;
        if (roots.has(parent as never)) {
          const required = scopesOf(field.astNode as never);
          if (required === null) {
            problem ??= forbidden(`call ${node.name.value} with an API key`);
            return;
          }
          if (forNoOne && !required.includes(ANALYTICS_SCOPE) && !ABOUT_THE_CALLER.has(node.name.value)) {
            problem ??= forbidden(`call ${node.name.value} without a person`);
          }
          need(node.name.value, required);
        }
        const type = getNamedType(field.type);
        const required = scopesOfType(type);
        if (required) need(type.name, required);
      },
      InlineFragment: typeCondition,
      FragmentDefinition: typeCondition,
    }),
  );
  return problem;
}

/** Applies `checkPartnerAccess` to requests made with an API key; people's tokens pass untouched. */
export const partnerAccessPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, document, schema }) {
        const key = contextValue.actor.key;
        if (!key) return;
        const problem = checkPartnerAccess(schema, document, key.scopes, contextValue.actor.role === 'analyst');
        if (problem) {
          const error = toGraphQLError(problem, contextValue.locale);
          Object.assign(error.extensions, { http: { status: 403 } });
          throw error;
        }
      },
    };
  },
};
