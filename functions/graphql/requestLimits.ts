import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
  validate,
} from 'graphql';
import { DomainError, ErrorCode } from '#domain/kernel/errors.ts';
import type { Context } from './context.ts';
import { toGraphQLError } from './errors.ts';

/**
 * Fields whose work scales with a whole organisation or program, not with what the query selects:
 * an export, an HR file read row by row, the optimal assignment. graphql-armor's cost counts every
 * field alike, so twenty aliases of one of these cost as little as twenty ids. A request may ask
 * for one of them, once, and not inside a list (where it would run once per item).
 */
export const HEAVY_FIELDS: readonly string[] = [
  'Query.peopleCsv',
  'Query.previewImport',
  'Program.participantsCsv',
  'Mutation.startImport',
  'Query.previewPairImport',
  'Mutation.startPairImport',
  'Mutation.runMatching',
  'Mutation.refreshRetentionInsights',
  // Discovery ranks every mentor of a program: once per operation, never inside a list.
  'Query.mentorsForMe',
  'MentorshipRequest.nextSuggestions',
];

/** Whether a field's type is a list, under any non-null wrapper. */
function listed(type: GraphQLType): boolean {
  if (isListType(type)) return true;
  return isNonNullType(type) && isListType(type.ofType);
}

/** Every heavy field the operation would run, with aliases and fragments expanded; `Infinity` inside a list. */
export function heavyUses(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): { count: number; fields: string[] } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const heavy = new Set(HEAVY_FIELDS);
  const fields = new Set<string>();
  let count = 0;
  const walk = (set: SelectionSetNode, parent: GraphQLNamedType | null | undefined, inList: boolean, depth: number): void => {
    // Spec validation has already refused fragment cycles; the bound only keeps a bug from looping.
    if (!parent || depth > 64) return;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
        const field = parent.getFields()[selection.name.value];
        if (!field) continue;
        const name = `${parent.name}.${field.name}`;
        if (heavy.has(name)) {
          fields.add(field.name);
          count += inList ? Number.POSITIVE_INFINITY : 1;
        }
        if (selection.selectionSet) walk(selection.selectionSet, unwrapNamed(field.type), inList || listed(field.type), depth + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        walk(selection.selectionSet, type, inList, depth + 1);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), inList, depth + 1);
      }
    }
  };
  walk(operation.selectionSet, schema.getRootType(operation.operation), false, 0);
  return { count, fields: [...fields] };
}

function unwrapNamed(type: GraphQLType): GraphQLNamedType {
  let t = type;
  while (isListType(t) || isNonNullType(t)) t = t.ofType;
  return t;
}

const tooComplex = (detail: string, locale: Context['locale']) => {
  const error = toGraphQLError(new DomainError(ErrorCode.BAD_USER_INPUT, 'request.tooComplex', { detail }), locale);
  Object.assign(error.extensions, { http: { status: 400 } });
  return error;
};

/**
 * The limits on what one request may ask, checked once the operation is known and before anything
 * runs: graphql-armor's depth, cost, alias and directive rules, and the heavy fields above. A
 * refusal is the server's policy, not invalid GraphQL, so it answers HTTP 400 whatever the client
 * accepts, with BAD_USER_INPUT and `request.tooComplex`.
 */
export function requestLimitsPlugin(rules: readonly ValidationRule[]): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, contextValue }) {
          const refused = validate(schema, document, rules);
          if (refused.length > 0) {
            const detail = [...new Set(refused.map((e) => e.message.replace(/^Syntax Error: /, '')))].join(' ');
            throw tooComplex(detail, contextValue.locale);
          }
          const heavy = operation ? heavyUses(schema, document, operation) : { count: 0, fields: [] };
          if (heavy.count > 1) {
            throw tooComplex(
              `${heavy.fields.join(', ')} read a whole organisation or program: ask for one such field per request, and not inside a list.`,
              contextValue.locale,
            );
          }
        },
      };
    },
  };
}
