import { createGraphqlHandler } from '#graphql/server.ts';
import { servicesFromEnv } from '../services.ts';

/** API Gateway → GraphQL. Built once per container; every request reuses the server and clients. */
export const handler = createGraphqlHandler(await servicesFromEnv(process.env, 'graphql'));
