/**
 * The local HTTP server (local/http.ts) over the real GraphQL Lambda handler, alone in its own
 * process, on a DynamoDB the caller names: the fault tests kill it mid-burst, the load bench drives
 * it. Configured by the same environment the handlers read (functions/services.ts), plus PORT.
 */
import { createGraphqlHandler } from '#graphql/server.ts';
import { startLocalServer } from '#local/http.ts';
import { LocalIssuer } from '#local/issuer.ts';
import { servicesFromEnv } from '../../functions/services.ts';

const port = Number(process.env.PORT);
const services = await servicesFromEnv(process.env, 'api-child');
await startLocalServer({
  port,
  graphql: createGraphqlHandler(services),
  // The local sign-in is not used here: callers bring tokens from the test's issuer.
  issuer: await LocalIssuer.ephemeral(),
  tenantExists: async () => false,
  consoleDir: null,
});
console.log(`ready ${port}`);
