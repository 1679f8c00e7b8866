import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { assertWritesInTenant } from './items.ts';
import {
  type AssumeRole,
  bindRequestTenant,
  inRequestScope,
  operatorCredentials,
  requestTenant,
  type SessionCredentials,
  tenantCredentials,
  withFunctionRole,
} from './tenantAccess.ts';

export interface StoreClient {
  doc: DynamoDBDocumentClient;
  table: string;
  /** DynamoDB round trips made through this client; tests read it to prove lists stay constant. */
  readonly calls: { count: number };
  /** Runs one request in its own scope; the GraphQL context binds that scope to the verified caller. */
  inRequest<T>(fn: () => T): T;
  /**
   * Binds the current request to the verified caller's tenant (null: an operator). With tenant-scoped
   * access on, its DynamoDB calls from here on use that tenant's credentials (store/tenantAccess.ts).
   */
  bindTenant(tenantId: string | null): void;
  /** Runs `fn` on the function's own role: only for items whose key names no tenant (the tenant directory). */
  withFunctionRole<T>(fn: () => T): T;
}

export interface StoreClientOptions {
  table: string;
  endpoint?: string | undefined;
  config?: DynamoDBClientConfig;
  /**
   * Tenant-scoped access: the role to assume per tenant (AWS only), the role requests bound to no
   * tenant assume (operators; without it they use the function's own role), and a fake STS for tests.
   */
  tenantAccess?: { roleArn: string; operatorRoleArn?: string | undefined; assumeRole?: AssumeRole; now?: () => number } | undefined;
}

/** Applied to every DynamoDB client made from here on: the Lambda handlers trace them (lib/observability.ts). */
let instrumentClient: ((client: DynamoDBClient) => void) | undefined;
export function instrumentStoreClients(fn: (client: DynamoDBClient) => void): void {
  instrumentClient = fn;
}

/** Tenants whose clients a container keeps; the oldest goes when a new one would pass this. */
const MAX_TENANT_CLIENTS = 200;

/**
 * One client per container. In AWS the region and credentials come from the Lambda environment;
 * locally KINDLING_DYNAMO_ENDPOINT points at DynamoDB Local, which accepts any credentials.
 */
export function createStoreClient(options: StoreClientOptions): StoreClient {
  const endpoint = options.endpoint;
  const config: DynamoDBClientConfig = {
    ...(endpoint ? { endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    maxAttempts: 4,
    ...options.config,
  };
  const calls = { count: 0 };
  const documentClient = (raw: DynamoDBClient): DynamoDBDocumentClient => {
    instrumentClient?.(raw);
    raw.middlewareStack.add(
      (next) => async (args) => {
        calls.count++;
        return next(args);
      },
      { step: 'initialize', name: 'kindlingRoundTrips' },
    );
    return DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false } });
  };
  const doc = documentClient(new DynamoDBClient(config));
  // Index keys escape IAM's LeadingKeys check on writes: the store checks them itself, before any role signs.
  const unguardedSend = doc.send.bind(doc);
  doc.send = ((command: { input?: unknown }, ...rest: unknown[]) => {
    try {
      assertWritesInTenant(command.input);
    } catch (e) {
      return Promise.reject(e);
    }
    return (unguardedSend as (c: unknown, ...r: unknown[]) => unknown)(command, ...rest);
  }) as typeof doc.send;
  const access = options.tenantAccess;
  if (access) routeByTenant(doc, access, (credentials) => documentClient(new DynamoDBClient({ ...config, credentials })));
  return {
    doc,
    table: options.table,
    calls,
    inRequest: inRequestScope,
    bindTenant: (tenantId) => bindRequestTenant(tenantId, access !== undefined),
    withFunctionRole,
  };
}

/**
 * Sends each command of a request bound to a tenant through that tenant's own client, whose
 * credentials come from the tenant role; everything else (operators, jobs, the checks that verify a
 * caller) goes through `doc` with the function's own role. The stores keep calling `doc.send`.
 * One client per tenant, not one client with switching credentials: the SDK caches a client's
 * credentials, so a switch could sign one tenant's call with another's.
 */
function routeByTenant(
  doc: DynamoDBDocumentClient,
  access: NonNullable<StoreClientOptions['tenantAccess']>,
  clientWith: (credentials: () => Promise<SessionCredentials>) => DynamoDBDocumentClient,
): void {
  const credentialsOf = tenantCredentials(access);
  const tenants = new Map<string, DynamoDBDocumentClient>();
  const clientOf = (tenantId: string): DynamoDBDocumentClient => {
    let client = tenants.get(tenantId);
    if (!client) {
      if (tenants.size >= MAX_TENANT_CLIENTS) {
        const [oldest, old] = tenants.entries().next().value as [string, DynamoDBDocumentClient];
        tenants.delete(oldest);
        old.destroy();
      }
      client = clientWith(() => credentialsOf(tenantId));
      tenants.set(tenantId, client);
    }
    return client;
  };
  const operatorRoleArn = access.operatorRoleArn;
  const operator = operatorRoleArn ? clientWith(operatorCredentials({ ...access, roleArn: operatorRoleArn })) : undefined;
  const ownSend = doc.send.bind(doc);
  doc.send = ((command: Parameters<typeof ownSend>[0], ...rest: unknown[]) => {
    const tenantId = requestTenant();
    // Unbound (before the caller is verified): the function's own role, which reads platform items only.
    if (tenantId === undefined || (tenantId === null && !operator)) {
      return (ownSend as (c: unknown, ...r: unknown[]) => unknown)(command, ...rest);
    }
    const client = tenantId === null ? (operator as DynamoDBDocumentClient) : clientOf(tenantId);
    return (client.send as (c: unknown, ...r: unknown[]) => unknown).call(client, command, ...rest);
  }) as typeof doc.send;
}
