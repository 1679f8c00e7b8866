import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The metrics of the Lambda invocation in progress, for code far from the handler (the GraphQL
 * error boundary) that must count what happened without being handed a metrics object. Outside an
 * instrumented invocation (`npm start`, tests) counting does nothing. lib/observability.ts opens
 * the scope; it holds no AWS code, so anything may import it.
 */
export interface Counter {
  count(name: string, value?: number): void;
}

const current = new AsyncLocalStorage<Counter>();

export const withInvocationMetrics = <T>(counter: Counter, fn: () => T): T => current.run(counter, fn);

/** Adds to a metric of the current invocation (namespace Kindling, dimensions service and stage). */
export function countMetric(name: string, value = 1): void {
  current.getStore()?.count(name, value);
}

/**
 * What the GraphQL error boundary counts (functions/graphql/errors.ts); the alarms in
 * cdk/constructs/monitoring.ts watch the same names. Errors inside a result answer HTTP 200, so
 * without these no gateway or Lambda metric would see them.
 */
export const ERROR_METRICS = {
  /** Masked as INTERNAL_SERVER_ERROR: a bug, or a failure nobody classified. */
  internal: 'GraphqlInternalErrors',
  /** Infrastructure that failed after the SDK's retries (ADR 0025). */
  unavailable: 'GraphqlServiceUnavailable',
  /** IAM refused a call (a tenant-scoped key that is not the tenant's, a missing grant): always a bug or an attack. */
  accessDenied: 'GraphqlAccessDeniedByIam',
} as const;
