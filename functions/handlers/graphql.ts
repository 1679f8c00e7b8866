import { createGraphqlHandler, type GraphqlHandler } from '#graphql/server.ts';
import { observability } from '#lib/observability.ts';
import { instrumentStoreClients } from '#store/client.ts';
import { servicesFromEnv } from '../services.ts';

const { tracer, instrument } = observability('graphql');
instrumentStoreClients((client) => tracer.captureAWSv3Client(client));
const services = await servicesFromEnv(process.env, 'graphql');
const graphql = createGraphqlHandler(services);

/**
 * API Gateway → GraphQL. Built once per container; every request reuses the server and clients, and
 * runs in a scope of its own that the context binds to the caller's tenant (store/tenantAccess.ts).
 */
export const handler: GraphqlHandler = instrument((event: Parameters<GraphqlHandler>[0], context) => {
  if (!context) throw new Error('The GraphQL handler needs the Lambda context (its request id).');
  return services.client.inRequest(() => graphql(event, context));
});
