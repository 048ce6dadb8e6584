import { Duration, Validations } from 'aws-cdk-lib';
import { Grant } from 'aws-cdk-lib/aws-iam';
import { Alias } from 'aws-cdk-lib/aws-kms';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Storage } from './storage';
import { type FunctionDefaults, TiewatchFunction } from './tiewatch-function';

export interface NotificationsProps {
  storage: Storage;
  functionDefaults: FunctionDefaults;
  /** Subscribed to the topic by e-mail when given. */
  alertEmail?: string;
}

/**
 * The stream filter of the notify function: alert items being inserted. A corroboration is a MODIFY of the
 * alert and feed or story items have another `type`, so neither ever invokes the function.
 */
export const NEW_ALERT_FILTER = FilterCriteria.filter({
  eventName: FilterRule.isEqual('INSERT'),
  dynamodb: { NewImage: { type: { S: FilterRule.isEqual('alert') } } },
});

/** New alerts → notify function → SNS topic (e-mail and any other subscriber). */
export class Notifications extends Construct {
  readonly topic: Topic;
  readonly notifyFunction: TiewatchFunction;
  /** Stream batches the notify function gave up on (after retries), kept for a look and a replay. */
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);

    this.topic = new Topic(this, 'AlertTopic', {
      displayName: 'tiewatch alerts',
      enforceSSL: true,
      // The AWS managed key: only the notify function publishes (an AWS service in this account), so no
      // key policy needs to name another service, and there is no key to pay for or rotate.
      masterKey: Alias.fromAliasName(this, 'SnsManagedKey', 'alias/aws/sns'),
    });
    if (props.alertEmail) this.topic.addSubscription(new EmailSubscription(props.alertEmail));

    this.notifyFunction = new TiewatchFunction(this, 'Notify', {
      ...props.functionDefaults,
      handler: 'notify',
      description: 'tiewatch: publishes each new alert to the SNS topic',
      timeout: Duration.seconds(30),
      environment: { TOPIC_ARN: this.topic.topicArn },
    });
    Grant.addToPrincipal({
      grantee: this.notifyFunction.role,
      actions: ['sns:Publish'],
      resourceArns: [this.topic.topicArn],
    });

    this.deadLetterQueue = new Queue(this, 'NotifyDeadLetterQueue', {
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      retentionPeriod: Duration.days(14),
    });
    this.notifyFunction.function.addEventSource(
      new DynamoEventSource(props.storage.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 10,
        filters: [NEW_ALERT_FILTER],
        // A failing alert is retried alone (partial batch response, then bisection) and at last set
        // aside on the dead-letter queue, so one bad record never holds up the alerts behind it.
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(6),
        onFailure: new SqsDlq(this.deadLetterQueue),
      }),
    );

    // The event source grants the stream reads on the stream's ARN, plus dynamodb:ListStreams, an action
    // IAM cannot scope to a resource (it accepts only "*").
    Validations.of(this.notifyFunction.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        "dynamodb:ListStreams (granted by the DynamoDB event source) supports no resource-level permissions; every other stream action is scoped to this table's stream.",
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the on-failure destination of the alert stream and needs no dead-letter queue.',
    });
  }
}
