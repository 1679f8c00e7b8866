import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Rule, type Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StageConfig } from '../config.ts';
import { acknowledge } from '../nag.ts';
import { KindlingFunction } from './kindling-function.ts';

export interface ScheduledJobsProps {
  config: StageConfig;
  /** Configuration every job's code reads at start (servicesFromEnv). */
  environment: Record<string, string>;
  /** Where the dead-letter alarm goes. */
  alarmTopic?: ITopic;
}

export interface ScheduledJob {
  /** Short name: the function is `<prefix>-<name>`, the rule `<prefix>-<name>`. */
  name: string;
  /** The handler module, relative to the repo root; it exports `handler(event: ScheduledEvent)`. */
  entry: string;
  description: string;
  schedule: Schedule;
  /** @default 5 minutes */
  timeout?: Duration;
  /** @default 512 MB */
  memorySize?: number;
  /** How long a tick stays worth running; older ones go to the dead-letter queue. @default 1 hour */
  maxEventAge?: Duration;
}

/** Both EventBridge and Lambda retry this often before an event is parked in the dead-letter queue. */
const RETRY_ATTEMPTS = 2;

/**
 * The scheduled jobs (program lifecycle now; matching and engagement later) and the one
 * dead-letter queue and alarm they share. Adding a job is one `add` call.
 *
 * EventBridge invokes Lambda asynchronously: its own retry policy and dead-letter queue only cover
 * events it could not hand over (throttling, permissions). An error thrown by the handler is
 * retried by Lambda's async invocation instead, so the function's failure destination is the
 * same queue: every lost tick ends up in one place, and the alarm fires on the first.
 */
export class ScheduledJobs extends Construct {
  readonly deadLetterQueue: Queue;
  readonly deadLetterAlarm: Alarm;
  private readonly props: ScheduledJobsProps;

  constructor(scope: Construct, id: string, props: ScheduledJobsProps) {
    super(scope, id);
    this.props = props;
    const { prefix } = props.config;

    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      queueName: `${prefix}-jobs-dead-letters`,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      this.deadLetterQueue,
      'AwsSolutions-SQS3',
      'This queue is itself the dead-letter queue: of the EventBridge targets and the Lambda failure destination, which cdk-nag does not recognise as a redrive.',
    );
    acknowledge(
      this.deadLetterQueue,
      'Serverless-SQSRedrivePolicy',
      'This queue is itself the dead-letter queue of the scheduled jobs (EventBridge targets and the Lambda failure destination): a redrive from it would have nowhere better to go.',
    );
    this.deadLetterAlarm = new Alarm(this, 'DeadLettersAlarm', {
      alarmName: `${prefix}-jobs-dead-letters`,
      alarmDescription: `A scheduled job failed after ${RETRY_ATTEMPTS} retries; the event is in ${prefix}-jobs-dead-letters.`,
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: Stats.MAXIMUM }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    if (props.alarmTopic) this.deadLetterAlarm.addAlarmAction(new SnsAction(props.alarmTopic));
  }

  /** Adds a job: its function, its schedule and the retries into the shared dead-letter queue. */
  add(id: string, job: ScheduledJob): KindlingFunction {
    const { config, environment } = this.props;
    const fn = new KindlingFunction(this, id, {
      config,
      name: job.name,
      entry: job.entry,
      description: job.description,
      timeout: job.timeout ?? Duration.minutes(5),
      memorySize: job.memorySize ?? 512,
      environment,
    });
    const retries = { retryAttempts: RETRY_ATTEMPTS, maxEventAge: job.maxEventAge ?? Duration.hours(1) };
    fn.configureAsyncInvoke({ ...retries, onFailure: new SqsDestination(this.deadLetterQueue) });
    new Rule(this, `${id}Schedule`, {
      ruleName: `${config.prefix}-${job.name}`,
      description: job.description,
      schedule: job.schedule,
      targets: [new LambdaFunction(fn, { ...retries, deadLetterQueue: this.deadLetterQueue })],
    });
    return fn;
  }
}
