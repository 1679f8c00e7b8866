export { createPartnerClient, KindlingError, type PartnerClient, type PartnerClientOptions } from './client.ts';
export * from './generated/graphql.ts';
export * as operations from './operations.ts';
