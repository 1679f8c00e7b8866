import type {
  CreateParams,
  CreateResult,
  DataProvider,
  GetListParams,
  GetListResult,
  GetManyParams,
  GetManyResult,
  GetOneParams,
  GetOneResult,
  UpdateParams,
  UpdateResult,
} from 'react-admin';
import type { GraphQLClient } from './graphqlClient.ts';
import { programsHandlers } from './programs.ts';
import { type Viewer, viewerQuery } from './viewer.ts';

/** Query methods get react-admin's abort signal; the GraphQL client passes it to fetch. */
type WithSignal<T> = T & { signal?: AbortSignal };

/**
 * What one resource module implements. A method a resource leaves out fails in words instead of
 * sending a query the API does not have.
 */
export interface ResourceHandlers {
  getList?(params: WithSignal<GetListParams>): Promise<GetListResult>;
  getOne?(params: WithSignal<GetOneParams>): Promise<GetOneResult>;
  getMany?(params: WithSignal<GetManyParams>): Promise<GetManyResult>;
  update?(params: UpdateParams): Promise<UpdateResult>;
  create?(params: CreateParams): Promise<CreateResult>;
}

/** The console's own verbs, beyond react-admin's CRUD. */
export interface KindlingDataProvider extends DataProvider {
  /** Who the token belongs to, as the API sees it. Shaped `{ data }` like react-admin's own methods. */
  getViewer(signal?: AbortSignal): Promise<{ data: Viewer }>;
}

/** Add a resource here: one module per resource, each a function of the GraphQL client. */
const resourceModules: Record<string, (client: GraphQLClient) => ResourceHandlers> = {
  programs: programsHandlers,
};

export function createDataProvider(client: GraphQLClient): KindlingDataProvider {
  const resources = new Map(Object.entries(resourceModules).map(([name, build]) => [name, build(client)]));

  function handler<M extends keyof ResourceHandlers>(resource: string, method: M): NonNullable<ResourceHandlers[M]> {
    const found = resources.get(resource)?.[method];
    if (!found) throw new Error(`The console cannot ${method} "${resource}" yet.`);
    return found;
  }

  const unsupported = (method: string) => async (resource: string) => {
    throw new Error(`The console cannot ${method} "${resource}" yet.`);
  };

  // Every method is async, so a missing handler is a rejected promise that react-admin notifies.
  return {
    supportAbortSignal: true,
    getList: async (resource, params) => handler(resource, 'getList')(params),
    getOne: async (resource, params) => handler(resource, 'getOne')(params),
    getMany: async (resource, params) => handler(resource, 'getMany')(params),
    update: async (resource, params) => handler(resource, 'update')(params),
    create: async (resource, params) => handler(resource, 'create')(params),
    getManyReference: unsupported('getManyReference'),
    updateMany: unsupported('updateMany'),
    delete: unsupported('delete'),
    deleteMany: unsupported('deleteMany'),
    getViewer: async (signal) => ({ data: (await client(viewerQuery, {}, signal)).viewer }),
  };
}
