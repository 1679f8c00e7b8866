import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Tenant-scoped credentials for the GraphQL function (docs/decisions/0018-tenant-scoped-data-access.md).
 *
 * In AWS the function's own role may read and write every tenant. A request from a tenant's caller
 * instead reaches DynamoDB as a role assumed with the session tag `tenant=<id>`, whose policy allows
 * only keys that start with `T#<id>`: a bug that builds another tenant's key is refused by IAM, not
 * just by the code. Locally (no role ARN) nothing of this runs.
 *
 * How the tenant reaches the client: the Lambda handler opens a request scope (AsyncLocalStorage)
 * around each request; the GraphQL context, once it has verified the caller, binds the scope to the
 * caller's tenant (or to none, for an operator). Every DynamoDB call in that scope then picks its
 * credentials from the binding. It fails closed: a binding outside a request scope, a second binding
 * to another tenant, or an STS failure throws instead of falling back to the function's own role.
 */

/** A request's binding: undefined until the context has verified the caller, null for an operator. */
interface RequestAccess {
  tenantId: string | null | undefined;
}
const requests = new AsyncLocalStorage<RequestAccess>();

/** Runs one request (one Lambda invocation) in a scope of its own, not yet bound to a tenant. */
export function inRequestScope<T>(fn: () => T): T {
  return requests.run({ tenantId: undefined }, fn);
}

/** The tenant the current request is bound to; null or undefined when the function's own role applies. */
export const requestTenant = (): string | null | undefined => requests.getStore()?.tenantId;

/**
 * Binds the current request to the verified caller's tenant (null: an operator). With tenant-scoped
 * access on (`required`), a binding outside a request scope is a wiring error and throws, so no
 * tenant's request can run on the function's own role by mistake.
 */
export function bindRequestTenant(tenantId: string | null, required: boolean): void {
  const current = requests.getStore();
  if (!current) {
    if (required) throw new Error('Tenant-scoped data access: a request was bound outside a request scope (see inRequestScope).');
    return;
  }
  if (current.tenantId !== undefined && current.tenantId !== tenantId) {
    throw new Error('Tenant-scoped data access: this request is already bound to another tenant.');
  }
  current.tenantId = tenantId;
}

/**
 * Runs `fn` on the function's own role inside a tenant's request: for the few writes whose key has
 * no tenant (the platform's tenant directory). Every use is a deliberate exception; grep for it.
 */
export function withFunctionRole<T>(fn: () => T): T {
  return requests.getStore() ? requests.run({ tenantId: null }, fn) : fn();
}

export interface AssumeRoleInput {
  RoleArn: string;
  RoleSessionName: string;
  DurationSeconds: number;
  /** The tenant's session tag; none for the operator role. */
  Tags?: { Key: string; Value: string }[];
}
/** Temporary credentials, in the shape the AWS SDK's credential providers return. */
export interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}
/** STS AssumeRole, reduced to what is used; a test passes a fake. */
export type AssumeRole = (input: AssumeRoleInput) => Promise<SessionCredentials>;

/** Chained role sessions last at most an hour. */
export const SESSION_SECONDS = 3600;
/** Renewed this long before expiry: the AWS SDK itself treats credentials within five minutes of expiry as expired. */
export const RENEW_BEFORE_MS = 5 * 60_000;

/** STS from the Lambda runtime's AWS SDK, loaded on first use so functions that never assume a role do not pay for it. */
export const stsAssumeRole: AssumeRole = async (input) => {
  const { STSClient, AssumeRoleCommand } = await import('@aws-sdk/client-sts');
  stsClient ??= new STSClient({});
  const { Credentials } = await stsClient.send(new AssumeRoleCommand(input));
  if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey || !Credentials.SessionToken || !Credentials.Expiration) {
    throw new Error('STS AssumeRole returned no credentials');
  }
  return {
    accessKeyId: Credentials.AccessKeyId,
    secretAccessKey: Credentials.SecretAccessKey,
    sessionToken: Credentials.SessionToken,
    expiration: Credentials.Expiration,
  };
};
let stsClient: import('@aws-sdk/client-sts').STSClient | undefined;

/**
 * Credentials per tenant, cached until shortly before they expire; concurrent requests of one tenant
 * share one STS call. A failed call is not cached: the request fails, the next one tries again.
 */
export function tenantCredentials(options: { roleArn: string; assumeRole?: AssumeRole; now?: () => number }) {
  return sessions(options, (tenantId) => ({
    RoleArn: options.roleArn,
    // Shows in CloudTrail next to every DynamoDB call made with these credentials.
    RoleSessionName: `tenant-${tenantId}`.slice(0, 64),
    DurationSeconds: SESSION_SECONDS,
    Tags: [{ Key: 'tenant', Value: tenantId }],
  }));
}

/**
 * The operator role's credentials (requests bound to no tenant, and `withFunctionRole`): the whole
 * table, vended like a tenant's, so the function's own role needs no table access of its own.
 */
export function operatorCredentials(options: { roleArn: string; assumeRole?: AssumeRole; now?: () => number }) {
  const credentialsOf = sessions(options, () => ({
    RoleArn: options.roleArn,
    RoleSessionName: 'operator',
    DurationSeconds: SESSION_SECONDS,
  }));
  return (): Promise<SessionCredentials> => credentialsOf('');
}

function sessions(options: { assumeRole?: AssumeRole; now?: () => number }, inputFor: (key: string) => AssumeRoleInput) {
  const assumeRole = options.assumeRole ?? stsAssumeRole;
  const now = options.now ?? Date.now;
  const cache = new Map<string, Promise<SessionCredentials>>();
  const fresh = (tenantId: string): Promise<SessionCredentials> => {
    const pending = assumeRole(inputFor(tenantId));
    cache.set(tenantId, pending);
    pending.catch(() => {
      if (cache.get(tenantId) === pending) cache.delete(tenantId);
    });
    return pending;
  };
  return async (tenantId: string): Promise<SessionCredentials> => {
    const cached = cache.get(tenantId);
    if (!cached) return fresh(tenantId);
    const credentials = await cached;
    const expiresAt = credentials.expiration.getTime();
    return expiresAt - now() > RENEW_BEFORE_MS ? credentials : fresh(tenantId);
  };
}
