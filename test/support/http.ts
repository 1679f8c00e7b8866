import type { Server } from 'node:http';
import { createGraphqlHandler } from '#graphql/server.ts';
import { freePort } from '#local/dynamo.ts';
import { type LocalServerOptions, startLocalServer } from '#local/http.ts';
import type { testApi } from './api.ts';

type Api = Awaited<ReturnType<typeof testApi>>;

/**
 * The local HTTP adapter (`npm start`'s front door) on a free loopback port, over the real Lambda
 * handler built on the test's services: requests go over a socket, as a partner app's would.
 */
export async function httpApi(api: Api, over: Partial<LocalServerOptions> = {}) {
  const port = await freePort();
  const server: Server = await startLocalServer({
    port,
    graphql: createGraphqlHandler(api.services),
    issuer: api.issuer,
    tenantExists: async () => false,
    consoleDir: null,
    ...over,
  });
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}/graphql`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
