import type {
  CreateParams,
  CreateResult,
  GetListParams,
  GetListResult,
  GetManyParams,
  GetManyReferenceParams,
  GetManyReferenceResult,
  GetManyResult,
  GetOneParams,
  GetOneResult,
  UpdateParams,
  UpdateResult,
} from 'react-admin';

/**
 * The contract between the data provider and its resource modules. It lives apart so that the
 * arrows point one way: dataProvider.ts registers the resource modules, and they import only this.
 */

/** Query methods get react-admin's abort signal; the GraphQL client passes it to fetch. */
export type WithSignal<T> = T & { signal?: AbortSignal };

/**
 * What one resource module implements. A method a resource leaves out fails in words instead of
 * sending a query the API does not have.
 */
export interface ResourceHandlers {
  getList?(params: WithSignal<GetListParams>): Promise<GetListResult>;
  getOne?(params: WithSignal<GetOneParams>): Promise<GetOneResult>;
  getMany?(params: WithSignal<GetManyParams>): Promise<GetManyResult>;
  getManyReference?(params: WithSignal<GetManyReferenceParams>): Promise<GetManyReferenceResult>;
  update?(params: UpdateParams): Promise<UpdateResult>;
  create?(params: CreateParams): Promise<CreateResult>;
}
