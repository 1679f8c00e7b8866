import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context as LambdaContext } from 'aws-lambda';
import {
  buildASTSchema,
  type GraphQLFieldResolver,
  GraphQLScalarType,
  type GraphQLSchema,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  parse,
} from 'graphql';
import { DomainError } from '#domain/kernel/errors.ts';
import { typeDefs } from '#generated/typeDefs.ts';
import { isTransient } from '#lib/transient.ts';
import { ACTION_LINK_PATH, createActionLinkHandler } from './actionLinks.ts';
import { type Context, createContext, type ServerServices } from './context.ts';
import { formatErrorWith, requestFacts, toGraphQLError, unavailable } from './errors.ts';
import { localeFrom } from './messages.ts';
import { requestStatusPlugin } from './overHttp.ts';
import { partnerAccessPlugin } from './partnerAccess.ts';
import { requestLimitsPlugin } from './requestLimits.ts';
import { resolvers } from './resolvers/index.ts';
import { guardSchema } from './visibility.ts';

/**
 * Limits on what one request may ask: depth, cost, aliases and directives (graphql-armor, checked by
 * requestLimits.ts once the operation is known), tokens (graphql-js, while parsing) and one heavy
 * field per request (requestLimits.ts); field suggestions only in local development, so the schema
 * does not leak through typos.
 */
export const LIMITS = {
  maxDepth: 10,
  maxCost: 20_000,
  maxAliases: 20,
  maxDirectives: 20,
  maxTokens: 4_000,
} as const;

/**
 * The schema from the SDL, built once per container: parsed and built without re-validating the
 * SDL (codegen and the tests have), then given its resolvers and the visibility guard. Apollo's own path from `typeDefs`
 * merges the modules' `extend type`s through graphql-tools first, about a third of a cold start.
 */
let built: GraphQLSchema | null = null;
function executableSchema(): GraphQLSchema {
  built ??= guardSchema(withResolvers(buildASTSchema(parse(typeDefs), { assumeValidSDL: true }), resolvers));
  return built;
}

/**
 * Puts the resolver map on the freshly built schema in place: field resolvers, `__resolveType`,
 * `__isTypeOf` and the custom scalars. graphql-tools' addResolversToSchema did the same by copying
 * every type of the schema, a fifth of the function's start-up for a schema used once (ADR 0046).
 * A resolver for a type or field the schema lacks is a programming error, as it was there.
 */
export function withResolvers(schema: GraphQLSchema, map: object): GraphQLSchema {
  for (const [typeName, entry] of Object.entries(map)) {
    const type = schema.getType(typeName);
    if (!type) throw new Error(`Resolvers for ${typeName}, which the schema does not define`);
    if (entry instanceof GraphQLScalarType) {
      if (!isScalarType(type)) throw new Error(`${typeName} is given a scalar but is not one`);
      Object.assign(type, { serialize: entry.serialize, parseValue: entry.parseValue, parseLiteral: entry.parseLiteral });
      continue;
    }
    for (const [name, value] of Object.entries(entry as Record<string, unknown>)) {
      if (name === '__resolveType' && (isInterfaceType(type) || isUnionType(type))) {
        type.resolveType = value as typeof type.resolveType;
      } else if (name === '__isTypeOf' && isObjectType(type)) {
        type.isTypeOf = value as typeof type.isTypeOf;
      } else if (isObjectType(type) || isInterfaceType(type)) {
        const field = type.getFields()[name];
        if (!field) throw new Error(`Resolver ${typeName}.${name} for a field the schema does not define`);
        if (typeof value === 'function') field.resolve = value as GraphQLFieldResolver<unknown, unknown>;
        else Object.assign(field, value);
      } else {
        throw new Error(`Resolver ${typeName}.${name} on a type that takes none`);
      }
    }
  }
  return schema;
}

export function createGraphqlServer(services: ServerServices): ApolloServer<Context> {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth },
    costLimit: { maxCost: LIMITS.maxCost },
    maxAliases: { n: LIMITS.maxAliases },
    maxDirectives: { n: LIMITS.maxDirectives },
    // graphql-js counts tokens while parsing (parseOptions below): a plugin that parses first
    // turned every syntax error into an HTTP 500.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: !services.isLocal },
  }).protect();
  return new ApolloServer<Context>({
    schema: executableSchema(),
    introspection: services.isLocal,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    persistedQueries: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: !services.isLocal,
    formatError: formatErrorWith(services.log),
    parseOptions: { maxTokens: LIMITS.maxTokens },
    plugins: [
      ...armor.plugins,
      requestLimitsPlugin(armor.validationRules),
      requestStatusPlugin,
      partnerAccessPlugin,
      ApolloServerPluginLandingPageDisabled(),
      // No Apollo Studio reporting or federated traces: nothing leaves for a third party, and the
      // bundle leaves out their protobuf code (functions/lib/apolloReportingOff.ts).
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
}

export type GraphqlHandler = (event: APIGatewayProxyEventV2, context: LambdaContext) => Promise<APIGatewayProxyStructuredResultV2>;

const header = (event: APIGatewayProxyEventV2, name: string): string | undefined => {
  for (const [k, v] of Object.entries(event.headers ?? {})) if (k.toLowerCase() === name) return v;
  return undefined;
};

/**
 * The Lambda handler over API Gateway HTTP API (v2) events. Authentication happens in the context
 * function only; every request runs with its id and language in scope for the error formatter.
 */
export function createGraphqlHandler(services: ServerServices): GraphqlHandler {
  const server = createGraphqlServer(services);
  const inner = startServerAndCreateLambdaHandler(server, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
    context: async ({ event, context }) => {
      const locale = localeFrom(header(event, 'accept-language'));
      try {
        return await createContext(services, {
          authorization: header(event, 'authorization'),
          apiKey: header(event, 'x-api-key'),
          actingFor: header(event, 'x-kindling-person'),
          locale,
          requestId: context.awsRequestId,
        });
      } catch (e) {
        // DynamoDB down or throttled while the tenant is looked up: retryable, not an internal error.
        const known = isTransient(e) ? unavailable() : e;
        throw known instanceof DomainError ? toGraphQLError(known, locale) : known;
      }
    },
  });
  // E-mail action links share the function, not the GraphQL server: no credentials, one token (ADR 0059).
  const links = createActionLinkHandler(services);
  return async (event, context) => {
    if (event.rawPath === ACTION_LINK_PATH) return links(event);
    const facts = { requestId: context.awsRequestId, locale: localeFrom(header(event, 'accept-language')) };
    const result = await requestFacts.run(facts, () => inner(event, context, () => undefined));
    return result as APIGatewayProxyStructuredResultV2;
  };
}
