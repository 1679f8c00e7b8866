import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCode } from '#domain/kernel/errors.ts';
import { formatErrorWith } from '#graphql/errors.ts';
import { ERROR_METRICS, withInvocationMetrics } from '#lib/invocationMetrics.ts';
import { createLogger } from '#lib/log.ts';

/**
 * Errors inside a GraphQL result answer HTTP 200: no gateway or Lambda metric sees them. The error
 * boundary counts the ones that need a person, as EMF metrics of the invocation, which alarms watch.
 */
function format(thrown: unknown): { code: unknown; counted: Record<string, number> } {
  const counted: Record<string, number> = {};
  const counter = {
    count: (name: string, value = 1) => {
      counted[name] = (counted[name] ?? 0) + value;
    },
  };
  const log = createLogger('test', 'error');
  log.error = () => undefined;
  log.warn = () => undefined;
  const wrapped = new GraphQLError('boom', { originalError: thrown as Error });
  const formatted = withInvocationMetrics(counter, () => formatErrorWith(log)({ message: 'boom', extensions: {} }, wrapped));
  return { code: formatted.extensions?.code, counted };
}

const awsError = (name: string, status: number) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

describe('the error boundary’s metrics', () => {
  it('counts an unclassified failure as an internal error', () => {
    expect(format(new TypeError('x is undefined'))).toEqual({ code: 'INTERNAL_SERVER_ERROR', counted: { [ERROR_METRICS.internal]: 1 } });
  });

  it('counts IAM refusing a DynamoDB call or the tenant role apart, as well as internal', () => {
    for (const refusal of [awsError('AccessDeniedException', 400), awsError('AccessDenied', 403)]) {
      expect(format(refusal).counted).toEqual({ [ERROR_METRICS.internal]: 1, [ERROR_METRICS.accessDenied]: 1 });
    }
  });

  it('counts throttling that outlasted the retries as service unavailable', () => {
    expect(format(awsError('ThrottlingException', 400))).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      counted: { [ERROR_METRICS.unavailable]: 1 },
    });
  });

  it('counts nothing for the answers a caller earned: forbidden by the rules, not found, bad input', () => {
    for (const error of [
      new DomainError(ErrorCode.FORBIDDEN, 'auth.forbidden', { action: 'x' }),
      new DomainError(ErrorCode.NOT_FOUND, 'notFound', { type: 'Program' }),
    ]) {
      expect(format(error).counted).toEqual({});
    }
  });

  it('counts nothing outside an instrumented invocation (npm start, tests)', () => {
    const log = createLogger('test', 'error');
    log.error = () => undefined;
    expect(() => formatErrorWith(log)({ message: 'boom' }, new Error('boom'))).not.toThrow();
  });
});
