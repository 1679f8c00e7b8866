import { createGraphqlHandler, type GraphqlHandler } from '#graphql/server.ts';
import { servicesFromEnv } from '../services.ts';

const services = await servicesFromEnv(process.env, 'graphql');
const graphql = createGraphqlHandler(services);

/**
 * API Gateway → GraphQL. Built once per container; every request reuses the server and clients, and
 * runs in a scope of its own that the context binds to the caller's tenant (store/tenantAccess.ts).
 */
export const handler: GraphqlHandler = (event, context) => services.client.inRequest(() => graphql(event, context));
