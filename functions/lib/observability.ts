import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context as LambdaContext } from 'aws-lambda';
import { withInvocationMetrics } from './invocationMetrics.ts';
import { logInvocation } from './log.ts';

/**
 * Metrics and traces for the Lambda handlers, with Powertools for AWS Lambda. Metrics go out as
 * CloudWatch embedded metric format (EMF) lines in the function's log, namespace `Kindling`,
 * dimensioned by service (and stage); traces are X-Ray subsegments under the function's segment.
 * Outside Lambda (`npm start`, tests) metrics are off and the tracer is a no-op.
 */
export const METRICS_NAMESPACE = 'Kindling';
export { MetricUnit };

/** What a handler may record about one invocation: counts of what it did. */
export interface InvocationMetrics {
  count(name: string, value?: number): void;
}

export interface Observability {
  tracer: Tracer;
  /** Wraps a handler: invocation context on every log line, cold start, metrics flushed after each call. */
  instrument<E, R>(
    handler: (event: E, context: LambdaContext | undefined, metrics: InvocationMetrics) => Promise<R>,
  ): (event: E, context?: LambdaContext) => Promise<R>;
}

export function observability(service: string, env: NodeJS.ProcessEnv = process.env): Observability {
  const inLambda = Boolean(env.AWS_LAMBDA_FUNCTION_NAME);
  const metrics = inLambda
    ? new Metrics({ namespace: METRICS_NAMESPACE, serviceName: service, defaultDimensions: { stage: env.KINDLING_STAGE ?? 'unknown' } })
    : undefined;
  // DynamoDB calls are traced (store/client.ts); patching http and https for the JWKS fetch is not worth its start-up.
  const tracer = new Tracer({
    serviceName: service,
    enabled: inLambda && env.POWERTOOLS_TRACE_ENABLED !== 'false',
    captureHTTPsRequests: false,
  });
  let cold = true;
  return {
    tracer,
    instrument: (handler) => async (event, context) => {
      // The local scheduler (`npm start`) calls without a Lambda context.
      if (context) logInvocation(context);
      if (cold) {
        metrics?.captureColdStartMetric();
        tracer.annotateColdStart();
        tracer.addServiceNameAnnotation();
        cold = false;
      }
      const counts: InvocationMetrics = { count: (name, value = 1) => metrics?.addMetric(name, MetricUnit.Count, value) };
      try {
        return await withInvocationMetrics(counts, () => handler(event, context, counts));
      } finally {
        if (metrics?.hasStoredMetrics()) metrics.publishStoredMetrics();
      }
    },
  };
}
