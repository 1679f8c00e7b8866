import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Rule, RuleTargetInput, type Schedule } from 'aws-cdk-lib/aws-events';
import { SfnStateMachine } from 'aws-cdk-lib/aws-events-targets';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import {
  Choice,
  Condition,
  DefinitionBody,
  DistributedMap,
  Errors,
  Fail,
  JsonPath,
  LogLevel,
  Map as MapState,
  Pass,
  Result,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import type { ScheduledJobName } from '#domain/kernel/jobs.ts';
import { FAN_OUT_LIMITS } from '../../functions/jobs/fanOut.ts';
import type { StageConfig } from '../config.ts';
import { acknowledge } from '../nag.ts';
import type { KindlingFunction } from './kindling-function.ts';

/**
 * A tenant's steps that fail this share of the run's tenants fail the whole run (and raise its
 * alarm); below it the run completes and the failures are in its Map Run. ADR 0065.
 */
export const TOLERATED_FAILURE_PERCENTAGE = 5;
/** Tries of one step before it counts as failed: the first and two retries, 2 s then 8 s apart. */
export const STEP_RETRIES = { maxAttempts: 2, interval: Duration.seconds(2), backoffRate: 4 };

export interface JobFanOutProps {
  config: StageConfig;
  /** functions/handlers/jobUnits.ts: every step of every job. */
  units: KindlingFunction;
  /** Where a schedule that could not start an execution parks its event (the scheduled jobs' dead-letter queue). */
  deadLetterQueue: IQueue;
  alarmTopic?: ITopic;
}

/**
 * The scheduled jobs as a Step Functions Distributed Map (ADR 0065): one state machine; each job's
 * EventBridge rule starts it with `{ job }`. The parent lists the tenants and maps over them, each
 * tenant a child execution (Express): open → the programs through an inline Map → close. A step is
 * retried; a program that still fails is recorded, its tenant's other programs and close still run,
 * then the child fails so the Map Run counts it; the run fails only past the tolerated share.
 */
export class JobFanOut extends Construct {
  readonly stateMachine: StateMachine;
  readonly failedAlarm: Alarm;
  readonly timedOutAlarm: Alarm;
  readonly alarms: Alarm[];
  private readonly props: JobFanOutProps;

  constructor(scope: Construct, id: string, props: JobFanOutProps) {
    super(scope, id);
    this.props = props;
    const { config, units } = props;
    const prefix = config.prefix;
    const step = (
      name: string,
      payload: Record<string, unknown>,
      options: { resultPath?: string; resultSelector?: Record<string, unknown> },
    ) => {
      const task = new LambdaInvoke(this, name, {
        lambdaFunction: units,
        payload: TaskInput.fromObject({ job: JsonPath.stringAt('$.job'), at: JsonPath.stringAt('$.at'), ...payload }),
        // Retries are this state machine's, counted and spaced below; not the SDK's default six.
        retryOnServiceExceptions: false,
        ...options,
      });
      task.addRetry({ errors: [Errors.ALL], ...STEP_RETRIES });
      return task;
    };

    // Per tenant (the Distributed Map's child execution).
    const open = step(
      'Open',
      { step: 'open', tenantId: JsonPath.stringAt('$.tenantId') },
      { resultSelector: { 'programIds.$': '$.Payload.programIds' }, resultPath: '$.opened' },
    );
    const program = step(
      'Program',
      { step: 'program', tenantId: JsonPath.stringAt('$.tenantId'), programId: JsonPath.stringAt('$.programId') },
      { resultPath: JsonPath.DISCARD },
    );
    const programDone = new Pass(this, 'ProgramDone', { result: Result.fromString('ok') });
    const programFailed = new Pass(this, 'ProgramFailed', { result: Result.fromString('failed') });
    program.addCatch(programFailed, { errors: [Errors.ALL], resultPath: '$.error' });
    const programs = new MapState(this, 'EachProgram', {
      itemsPath: '$.opened.programIds',
      itemSelector: {
        'job.$': '$.job',
        'at.$': '$.at',
        'tenantId.$': '$.tenantId',
        'programId.$': '$$.Map.Item.Value',
      },
      maxConcurrency: FAN_OUT_LIMITS.aws.programsPerTenant,
      resultPath: '$.outcomes',
    });
    programs.itemProcessor(program.next(programDone));
    const close = step('Close', { step: 'close', tenantId: JsonPath.stringAt('$.tenantId') }, { resultPath: JsonPath.DISCARD });
    const verdict = new Pass(this, 'AnyProgramFailed', {
      parameters: { 'failed.$': "States.ArrayContains($.outcomes, 'failed')" },
    });
    const tenantSteps = open
      .next(programs)
      .next(close)
      .next(verdict)
      .next(
        new Choice(this, 'ProgramsFailed?')
          .when(
            Condition.booleanEquals('$.failed', true),
            new Fail(this, 'TenantFailed', { error: 'ProgramUnitsFailed', cause: 'A program unit failed after its retries' }),
          )
          .otherwise(new Succeed(this, 'TenantDone')),
      );

    // The run: the tenants, then one child execution each.
    const tenants = step('Tenants', { step: 'tenants' }, { resultSelector: { 'tenants.$': '$.Payload.tenants' }, resultPath: '$.listed' });
    const eachTenant = new DistributedMap(this, 'EachTenant', {
      itemsPath: '$.listed.tenants',
      itemSelector: { 'job.$': '$.job', 'at.$': '$.at', 'tenantId.$': '$$.Map.Item.Value.tenantId' },
      maxConcurrency: FAN_OUT_LIMITS.aws.tenants,
      toleratedFailurePercentage: TOLERATED_FAILURE_PERCENTAGE,
      mapExecutionType: StateMachineType.EXPRESS,
      label: 'EachTenant',
      resultPath: JsonPath.DISCARD,
    });
    eachTenant.itemProcessor(tenantSteps);
    // Every step of a run reads one clock: when the execution started.
    const clock = new Pass(this, 'Clock', { parameters: { 'job.$': '$.job', 'at.$': '$$.Execution.StartTime' } });

    const logs = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/vendedlogs/states/${prefix}-scheduled-jobs`,
      retention: config.logRetention,
      removalPolicy: config.removalPolicy,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineName: `${prefix}-scheduled-jobs`,
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(clock.next(tenants).next(eachTenant)),
      // An hourly run must be done before the next one starts.
      timeout: Duration.minutes(55),
      tracingEnabled: true,
      // Every state's events, without the execution data (tenant ids stay in the functions' own logs).
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
    });
    acknowledge(
      this.stateMachine,
      'AwsSolutions-IAM5[Resource::<JobsUnits899B907A.Arn>:*]',
      'Step Functions invokes the one job-units function by any of its versions (CDK grants `:*` beside the ARN); no other function.',
    );
    acknowledge(
      this.stateMachine,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray (PutTraceSegments, PutTelemetryRecords) and CloudWatch Logs log delivery (CreateLogDelivery and its kin) take no resource narrower than `*`.',
    );
    // The Distributed Map starts, describes and stops its own child executions: their ARNs are only known at run time.
    const executions =
      'arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"FanOutStateMachineD6078A7F"}]}]}';
    for (const resource of [`${executions}:*`, `${executions}/EachTenant:*`]) {
      acknowledge(
        this.stateMachine,
        `AwsSolutions-IAM5[Resource::${resource}]`,
        "The Distributed Map's child executions of this state machine only (its own name in the ARN): they are named at run time.",
      );
    }
    const metric = (name: 'metricFailed' | 'metricTimedOut') =>
      this.stateMachine[name]({ period: Duration.minutes(5), statistic: Stats.SUM });
    this.failedAlarm = new Alarm(this, 'FailedAlarm', {
      alarmName: `${prefix}-scheduled-jobs-failed`,
      alarmDescription: `A scheduled job's run failed: more than ${TOLERATED_FAILURE_PERCENTAGE} % of its tenants failed, or it could not list them. See the execution's Map Run for the tenants.`,
      metric: metric('metricFailed'),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.timedOutAlarm = new Alarm(this, 'TimedOutAlarm', {
      alarmName: `${prefix}-scheduled-jobs-timed-out`,
      alarmDescription: 'A scheduled job did not finish within 55 minutes: the fan-out needs more concurrency (ADR 0065).',
      metric: metric('metricTimedOut'),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.alarms = [this.failedAlarm, this.timedOutAlarm];
    if (props.alarmTopic) for (const alarm of this.alarms) alarm.addAlarmAction(new SnsAction(props.alarmTopic));
  }

  /** Starts the state machine for `job` on `schedule`; an event it cannot hand over goes to the dead-letter queue. */
  /**
   * A job's schedule. With `heartbeat`, an alarm rises when the rule did not start the job for two
   * such periods: missing data counts as breaching, since a stopped schedule (a disabled rule, a
   * lost permission) publishes nothing at all.
   */
  schedule(id: string, job: ScheduledJobName, schedule: Schedule, description: string, heartbeat?: Duration): Rule {
    const rule = new Rule(this, id, {
      ruleName: `${this.props.config.prefix}-${job}`,
      description,
      schedule,
      targets: [
        new SfnStateMachine(this.stateMachine, {
          input: RuleTargetInput.fromObject({ job }),
          retryAttempts: 2,
          maxEventAge: Duration.hours(1),
          deadLetterQueue: this.props.deadLetterQueue,
        }),
      ],
    });
    if (heartbeat) {
      const alarm = new Alarm(this, `${id}Heartbeat`, {
        alarmName: `${this.props.config.prefix}-${job}-heartbeat`,
        alarmDescription: `The ${job} job was not started for ${heartbeat.toHumanString()} twice in a row: its schedule stopped (disabled rule, lost permission).`,
        metric: new Metric({
          namespace: 'AWS/Events',
          metricName: 'Invocations',
          dimensionsMap: { RuleName: `${this.props.config.prefix}-${job}` },
          period: heartbeat,
          statistic: Stats.SUM,
        }),
        threshold: 1,
        evaluationPeriods: 2,
        comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        treatMissingData: TreatMissingData.BREACHING,
      });
      if (this.props.alarmTopic) alarm.addAlarmAction(new SnsAction(this.props.alarmTopic));
      this.alarms.push(alarm);
    }
    return rule;
  }
}
