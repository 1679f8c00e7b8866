import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IAlarm,
  type IMetric,
  Metric,
  Stats,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { type ITable, Operation } from 'aws-cdk-lib/aws-dynamodb';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ERROR_METRICS } from '#lib/invocationMetrics.ts';
import type { StageConfig } from '../config.ts';
import type { KindlingFunction } from './kindling-function.ts';

/** The namespace the handlers publish their own metrics to (functions/lib/observability.ts). */
export const METRICS_NAMESPACE = 'Kindling';
/** The item operations the store uses: DynamoDB reports throttles and system errors per operation. */
const OPERATIONS = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.BATCH_WRITE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
];
const FIVE_MINUTES = Duration.minutes(5);

export interface MonitoredFunction {
  fn: KindlingFunction;
  /** The service name its handler logs and publishes metrics under (`observability('graphql')`). */
  service: string;
  /** The p99 duration that is worth waking someone for. */
  p99: Duration;
  /**
   * A scheduled job's heartbeat: no invocation in two such periods raises the alarm. Missing data
   * counts as breaching, since a stopped schedule publishes nothing at all.
   */
  heartbeat?: Duration;
}

export interface MonitoringProps {
  config: StageConfig;
  functions: MonitoredFunction[];
  api: HttpApi;
  table: ITable;
  /** Queues whose messages mean lost work (their alarms already exist; they are drawn here). */
  deadLetterQueues: IQueue[];
  /** Queues of work waiting: the age of the oldest message says the worker stopped keeping up. */
  workQueues: IQueue[];
  alarmTopic: ITopic;
}

/**
 * Alarms on what needs a person (errors, throttles, slow p99 per function; API 5xx; DynamoDB
 * throttles and system errors), all to the alarm topic, and one dashboard for the stage.
 */
export class Monitoring extends Construct {
  readonly alarms: IAlarm[] = [];
  /** The alarms a deployment of the GraphQL function is rolled back on (cdk/stacks/api-stack.ts). */
  readonly apiRollbackAlarms: IAlarm[] = [];
  /** The alarms a deployment of the import worker is rolled back on. */
  readonly workerRollbackAlarms: IAlarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { prefix } = props.config;
    const alarm = (
      name: string,
      description: string,
      metric: IMetric,
      threshold: number,
      evaluationPeriods = 1,
      below?: 'below',
    ): Alarm => {
      const created = new Alarm(this, name, {
        alarmName: `${prefix}-${name}`,
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: below ? ComparisonOperator.LESS_THAN_THRESHOLD : ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: below ? TreatMissingData.BREACHING : TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(new SnsAction(props.alarmTopic));
      this.alarms.push(created);
      return created;
    };

    for (const { fn, service: name, p99, heartbeat } of props.functions) {
      if (heartbeat) {
        alarm(
          `${name}-heartbeat`,
          `${fn.node.id}: not invoked for ${heartbeat.toHumanString()} twice in a row: its schedule stopped (disabled rule, lost permission).`,
          fn.metricInvocations({ period: heartbeat, statistic: Stats.SUM }),
          1,
          2,
          'below',
        );
      }
      const errors = alarm(
        `${name}-errors`,
        `${fn.node.id}: invocations ended in an error.`,
        fn.metricErrors({ period: FIVE_MINUTES, statistic: Stats.SUM }),
        1,
      );
      if (name === 'graphql') this.apiRollbackAlarms.push(errors);
      if (name === 'jobs') this.workerRollbackAlarms.push(errors);
      alarm(
        `${name}-throttles`,
        `${fn.node.id}: Lambda throttled invocations (concurrency).`,
        fn.metricThrottles({ period: FIVE_MINUTES, statistic: Stats.SUM }),
        1,
      );
      alarm(
        `${name}-p99`,
        `${fn.node.id}: p99 duration at or above ${p99.toMilliseconds()} ms for 15 minutes.`,
        fn.metricDuration({ period: FIVE_MINUTES, statistic: Stats.percentile(99) }),
        p99.toMilliseconds(),
        3,
      );
    }
    this.apiRollbackAlarms.push(
      alarm('api-5xx', 'The HTTP API answered with 5xx.', props.api.metricServerError({ period: FIVE_MINUTES, statistic: Stats.SUM }), 5),
    );
    alarm(
      'api-4xx-surge',
      `The HTTP API answered ${props.config.alarms.clientErrorsPer5Minutes}+ 4xx in five minutes: a broken client, a credential sprayed, or callers going around the edge.`,
      props.api.metricClientError({ period: FIVE_MINUTES, statistic: Stats.SUM }),
      props.config.alarms.clientErrorsPer5Minutes,
    );
    // Errors inside a GraphQL result answer 200: the function counts them itself (functions/graphql/errors.ts).
    const graphqlErrors = (metricName: string): Metric =>
      new Metric({
        namespace: METRICS_NAMESPACE,
        metricName,
        dimensionsMap: { service: 'graphql', stage: props.config.stage },
        statistic: Stats.SUM,
        period: FIVE_MINUTES,
      });
    this.apiRollbackAlarms.push(
      alarm(
        'graphql-internal-errors',
        'GraphQL answered INTERNAL_SERVER_ERROR (a bug, or an unclassified failure).',
        graphqlErrors(ERROR_METRICS.internal),
        1,
      ),
      alarm(
        'graphql-access-denied',
        "IAM refused one of the GraphQL function's calls (a tenant session's key that is not its tenant's, or a missing grant).",
        graphqlErrors(ERROR_METRICS.accessDenied),
        1,
      ),
    );
    alarm(
      'graphql-service-unavailable',
      'GraphQL answered SERVICE_UNAVAILABLE (DynamoDB or STS failing after the retries) five or more times in five minutes.',
      graphqlErrors(ERROR_METRICS.unavailable),
      5,
    );
    for (const queue of props.workQueues) {
      const minutes = props.config.alarms.oldestQueuedJobMinutes;
      alarm(
        `${queue.node.id === 'JobsQueue' ? 'jobs' : queue.node.id}-queue-age`,
        `A queued job has waited ${minutes} minutes or more: the worker is not keeping up, or not running.`,
        queue.metricApproximateAgeOfOldestMessage({ period: FIVE_MINUTES, statistic: Stats.MAXIMUM }),
        minutes * 60,
      );
    }
    const throttles = props.table.metricThrottledRequestsForOperations({ operations: OPERATIONS, period: FIVE_MINUTES });
    const systemErrors = props.table.metricSystemErrorsForOperations({ operations: OPERATIONS, period: FIVE_MINUTES });
    alarm('table-throttles', 'DynamoDB throttled requests to the table.', throttles, 1);
    alarm('table-system-errors', 'DynamoDB answered requests to the table with system errors (5xx).', systemErrors, 1);

    const custom = (metricName: string, service: string): Metric =>
      new Metric({
        namespace: METRICS_NAMESPACE,
        metricName,
        dimensionsMap: { service, stage: props.config.stage },
        statistic: Stats.SUM,
        period: FIVE_MINUTES,
      });
    const width = 8;
    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: prefix, defaultInterval: Duration.hours(24) });
    this.dashboard.addWidgets(
      new TextWidget({ markdown: `# Kindling ${props.config.stage}\nAlarms go to the \`${prefix}-alarms\` topic.`, width: 24, height: 2 }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'API requests and 5xx',
        width,
        left: [props.api.metricCount({ period: FIVE_MINUTES })],
        right: [props.api.metricServerError({ period: FIVE_MINUTES })],
      }),
      new GraphWidget({
        title: 'API latency (p50, p99)',
        width,
        left: [props.api.metricLatency({ statistic: Stats.percentile(50) }), props.api.metricLatency({ statistic: Stats.percentile(99) })],
      }),
      // Two widgets: both expressions name their per-operation metrics alike, and one graph cannot hold both.
      new GraphWidget({ title: 'DynamoDB throttled requests', width: width / 2, left: [throttles] }),
      new GraphWidget({ title: 'DynamoDB system errors', width: width / 2, left: [systemErrors] }),
    );
    this.dashboard.addWidgets(
      ...props.functions.map(
        ({ fn, service }) =>
          new GraphWidget({
            title: `${fn.node.id}: invocations, errors, throttles`,
            width,
            left: [
              fn.metricInvocations({ period: FIVE_MINUTES }),
              fn.metricErrors({ period: FIVE_MINUTES }),
              fn.metricThrottles({ period: FIVE_MINUTES }),
            ],
            right: [fn.metricDuration({ statistic: Stats.percentile(99), period: FIVE_MINUTES }), custom('ColdStart', service)],
          }),
      ),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Dead letters (lost work)',
        width,
        left: props.deadLetterQueues.map((q) =>
          q.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: Stats.MAXIMUM }),
        ),
      }),
      new GraphWidget({
        title: 'What the jobs did',
        width,
        left: [
          custom('ProgramsStarted', 'lifecycle'),
          custom('MatchingRuns', 'matching'),
          custom('JobsRun', 'jobs'),
          custom('JobsFailed', 'jobs'),
        ],
      }),
      new GraphWidget({
        title: 'DynamoDB consumed capacity',
        width,
        left: [
          props.table.metricConsumedReadCapacityUnits({ period: FIVE_MINUTES }),
          props.table.metricConsumedWriteCapacityUnits({ period: FIVE_MINUTES }),
        ],
      }),
    );
  }
}
