/**
 * The one list of AWS answers that a retry may cure (the SDK has already retried them): the store
 * turns them into SERVICE_UNAVAILABLE where it writes (store/items.ts `translate`), and the GraphQL
 * boundary does the same for any that reach it unchanged (graphql/errors.ts `formatErrorWith`).
 */
const TRANSIENT_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TransactionConflictException',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);
/** Connections refused, reset or timed out on the way to DynamoDB. */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

/**
 * A failure of the infrastructure, not of the request: throttling that outlasted the SDK's retries,
 * a 5xx from DynamoDB, a refused or dropped connection. The caller gets SERVICE_UNAVAILABLE (retry
 * later), not an internal error.
 */
export function isTransient(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const x = e as { name?: unknown; code?: unknown; $metadata?: { httpStatusCode?: number }; errors?: unknown };
  if (TRANSIENT_NAMES.has(String(x.name)) || TRANSIENT_CODES.has(String(x.code))) return true;
  if ((x.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  // Node reports a refused connection to a host with several addresses as an AggregateError.
  return Array.isArray(x.errors) && x.errors.some(isTransient);
}
