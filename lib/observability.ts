import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRICS } from '../lambda/handlers/shared/metric-names';
import type { TiewatchFunction } from './tiewatch-function';

export interface ObservabilityProps {
  functions: TiewatchFunction[];
  /** Every dead-letter queue in the stack: one message in any of them is an alarm. */
  deadLetterQueues: { name: string; queue: Queue }[];
  api: HttpApi;
  /** One polling cycle: the period of the per-cycle graphs and of the failing-feeds alarm. */
  scheduleRate: Duration;
  serviceName: string;
  metricsNamespace: string;
  /** Subscribed to the alarm topic by e-mail when given. */
  alarmEmail?: string;
}

/**
 * Share of polled feeds that may fail in a cycle before it is an alarm. A few feeds are always down or
 * moved; most of them failing at once points at tiewatch (egress, the fetcher, a bad deploy).
 */
export const FAILING_FEEDS_PERCENT = 50;

/** Alarms (to an SNS topic of their own) and a dashboard of what each polling cycle did. */
export class Observability extends Construct {
  readonly alarmTopic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);

    // CloudWatch can only publish to an encrypted topic whose key policy lets it use the key, which an AWS
    // managed key never does: hence a customer managed key, rotated yearly.
    const key = new Key(this, 'AlarmTopicKey', {
      description: 'tiewatch alarm topic encryption',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.alarmTopic = new Topic(this, 'AlarmTopic', {
      displayName: 'tiewatch alarms',
      enforceSSL: true,
      masterKey: key,
    });
    if (props.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));
    const action = new SnsAction(this.alarmTopic);

    const alarm = (
      alarmId: string,
      metric: IMetric,
      description: string,
      threshold = 1,
      evaluationPeriods = 1,
    ) => {
      const created = new Alarm(this, alarmId, {
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      created.addAlarmAction(action);
      this.alarms.push(created);
      return created;
    };

    const fiveMinutes = Duration.minutes(5);
    for (const fn of props.functions) {
      const name = pascalCase(fn.handlerName);
      alarm(
        `${name}Errors`,
        fn.function.metricErrors({ period: fiveMinutes, statistic: 'Sum' }),
        `The ${fn.handlerName} function failed (an invocation error, not a feed's failure).`,
      );
      alarm(
        `${name}Throttles`,
        fn.function.metricThrottles({ period: fiveMinutes, statistic: 'Sum' }),
        `The ${fn.handlerName} function was throttled (account concurrency exhausted).`,
      );
    }
    for (const { name, queue } of props.deadLetterQueues) {
      alarm(
        `${pascalCase(name)}DeadLetters`,
        queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }),
        `A message reached the ${name} dead-letter queue: look at it, fix the cause, then redrive it.`,
      );
    }

    const cycle = props.scheduleRate;
    const custom = (metricName: string, label: string) =>
      new Metric({
        namespace: props.metricsNamespace,
        metricName,
        dimensionsMap: { service: props.serviceName },
        statistic: 'Sum',
        period: cycle,
        label,
      });
    const polled = custom(METRICS.feedsPolled, 'polled');
    const failed = custom(METRICS.feedFailures, 'failed');
    alarm(
      'FailingFeeds',
      new MathExpression({
        expression: 'IF(polled > 0, 100 * failed / polled, 0)',
        usingMetrics: { polled, failed },
        period: cycle,
        label: 'failed feeds (%)',
      }),
      `More than ${FAILING_FEEDS_PERCENT}% of the polled feeds failed in two cycles running: tiewatch itself may be at fault.`,
      FAILING_FEEDS_PERCENT,
      2,
    );
    alarm(
      'FeedApiServerErrors',
      props.api.metricServerError({ period: fiveMinutes, statistic: 'Sum' }),
      'The alert feed API answered with 5xx errors.',
      5,
    );

    this.dashboard = new Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.days(1),
    });
    const perCycle = `per ${cycle.toHumanString()} cycle`;
    this.dashboard.addWidgets(
      new GraphWidget({
        title: `Feeds ${perCycle}`,
        width: 12,
        left: [
          custom(METRICS.feedsDue, 'due'),
          polled,
          custom(METRICS.feedsFetched, 'fetched'),
          custom(METRICS.feedsUnchanged, 'unchanged (304)'),
          failed,
          custom(METRICS.feedsRetired, 'retired (410)'),
        ],
      }),
      new GraphWidget({
        title: `Stories ${perCycle}`,
        width: 12,
        left: [custom(METRICS.newStories, 'new'), custom(METRICS.relevantStories, 'relevant')],
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: `Alerts ${perCycle}`,
        width: 12,
        left: [
          custom(METRICS.alertsCreated, 'created'),
          custom(METRICS.alertsCorroborated, 'corroborated'),
          custom(METRICS.alertsNotified, 'notified'),
        ],
      }),
      new GraphWidget({
        title: `Errors ${perCycle}`,
        width: 12,
        left: [
          ...props.functions.map((fn) =>
            fn.function.metricErrors({ period: cycle, statistic: 'Sum', label: `${fn.handlerName} errors` }),
          ),
          custom(METRICS.messagesDropped, 'messages dropped'),
        ],
        right: props.deadLetterQueues.map(({ name, queue }) =>
          queue.metricApproximateNumberOfMessagesVisible({
            period: cycle,
            statistic: 'Maximum',
            label: `${name} DLQ`,
          }),
        ),
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Alert feed API',
        width: 12,
        left: [
          props.api.metricCount({ period: fiveMinutes, statistic: 'Sum', label: 'requests' }),
          props.api.metricClientError({ period: fiveMinutes, statistic: 'Sum', label: '4xx' }),
          props.api.metricServerError({ period: fiveMinutes, statistic: 'Sum', label: '5xx' }),
        ],
        right: [props.api.metricLatency({ period: fiveMinutes, statistic: 'p90', label: 'latency p90' })],
      }),
      new AlarmStatusWidget({ title: 'Alarms', width: 12, alarms: this.alarms }),
    );
  }
}

function pascalCase(name: string): string {
  return name.replace(/(^|[-\s])(\w)/g, (_match, _separator, letter: string) => letter.toUpperCase());
}
