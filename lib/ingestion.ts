import { CustomResource, Duration, Validations } from 'aws-cdk-lib';
import { Grant } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { NewFeed } from '../lambda/ports/feed-registry';
import { InvokeFunctionTarget } from './invoke-function-target';
import type { Storage } from './storage';
import { type FunctionDefaults, TiewatchFunction } from './tiewatch-function';

export interface IngestionProps {
  storage: Storage;
  functionDefaults: FunctionDefaults;
  /** How often the dispatcher looks for due feeds. */
  scheduleRate: Duration;
  /** Days a seen story is remembered (the seen-mark TTL). */
  storyTtlDays: number;
  /** Ingest invocations at once. */
  ingestConcurrency: number;
  /** The curated list (config/feeds.json) added to the registry on every deploy. */
  feeds: NewFeed[];
}

/**
 * Longest an ingest invocation may run: a batch of feeds is polled in parallel, each within the fetcher's
 * 20 s deadline, then parsed, classified and written; 90 s leaves room for a slow table and a 10 MiB feed.
 */
export const INGEST_TIMEOUT = Duration.seconds(90);

/** Feeds per ingest invocation (polled in parallel; the fetcher still keeps 2 requests per host). */
export const INGEST_BATCH_SIZE = 5;

/**
 * How many times SQS hands a feed message to the ingest function before moving it to the dead-letter queue.
 * Feed failures never throw (they are stored on the feed), so only storage trouble uses up these receives.
 */
export const INGEST_MAX_RECEIVES = 5;

/**
 * The wait the registry schedules after a successful poll: a little under the schedule rate. A feed is
 * polled shortly after its dispatch, so a wait of exactly one rate would make it due just after the next
 * dispatch, and it would be polled only every other cycle.
 */
export function pollIntervalFor(scheduleRate: Duration): Duration {
  const slackSeconds = Math.min(120, Math.floor(scheduleRate.toSeconds() / 5));
  return Duration.seconds(scheduleRate.toSeconds() - slackSeconds);
}

/**
 * The polling pipeline: EventBridge Scheduler → dispatch function → ingest queue → ingest function, plus the
 * deploy-time seeding of the curated feed list.
 */
export class Ingestion extends Construct {
  readonly dispatchFunction: TiewatchFunction;
  readonly ingestFunction: TiewatchFunction;
  readonly seedFunction: TiewatchFunction;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly scheduleDeadLetterQueue: Queue;
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: IngestionProps) {
    super(scope, id);
    const { storage, functionDefaults } = props;
    const tableName = storage.table.tableName;

    this.deadLetterQueue = new Queue(this, 'IngestDeadLetterQueue', {
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, 'IngestQueue', {
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      // Lambda's guidance for SQS sources: six times the function timeout, so a message whose invocation
      // was throttled or retried is not handed out again while it is still being worked on.
      visibilityTimeout: Duration.seconds(INGEST_TIMEOUT.toSeconds() * 6),
      // A message older than a day is stale: its feed is still due in the registry and the next dispatch
      // enqueues it again, so nothing is lost when it expires.
      retentionPeriod: Duration.days(1),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: INGEST_MAX_RECEIVES },
    });

    this.dispatchFunction = new TiewatchFunction(this, 'Dispatch', {
      ...functionDefaults,
      handler: 'dispatch',
      description: 'tiewatch: puts every feed that is due on the ingest queue',
      timeout: Duration.seconds(60),
      environment: { TABLE_NAME: tableName, QUEUE_URL: this.queue.queueUrl },
    });
    // listDue is one Query on gsi1; SendMessageBatch is authorised by sqs:SendMessage.
    storage.grant(this.dispatchFunction.role, ['Query'], { table: false, indexes: ['gsi1'] });
    Grant.addToPrincipal({
      grantee: this.dispatchFunction.role,
      actions: ['sqs:SendMessage'],
      resourceArns: [this.queue.queueArn],
    });

    this.ingestFunction = new TiewatchFunction(this, 'Ingest', {
      ...functionDefaults,
      handler: 'ingest',
      description: 'tiewatch: polls one batch of feeds and stores their new stories and alerts',
      timeout: INGEST_TIMEOUT,
      // Parsing a large feed and the classifier's indexes want memory; more memory is also more CPU.
      memorySize: 1024,
      environment: {
        TABLE_NAME: tableName,
        STORY_TTL_DAYS: String(props.storyTtlDays),
        POLL_INTERVAL_SECONDS: String(pollIntervalFor(props.scheduleRate).toSeconds()),
      },
    });
    // Registry (GetItem, PutItem), seen stories (BatchGetItem, BatchWriteItem), recent relevant stories
    // (Query on the base table, PutItem) and alerts (GetItem, PutItem, UpdateItem). No index, no delete.
    storage.grant(this.ingestFunction.role, [
      'GetItem',
      'BatchGetItem',
      'Query',
      'PutItem',
      'UpdateItem',
      'BatchWriteItem',
    ]);
    this.ingestFunction.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: INGEST_BATCH_SIZE,
        reportBatchItemFailures: true,
        maxConcurrency: props.ingestConcurrency,
      }),
    );

    this.scheduleDeadLetterQueue = new Queue(this, 'ScheduleDeadLetterQueue', {
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      retentionPeriod: Duration.days(14),
    });
    this.schedule = new Schedule(this, 'DispatchSchedule', {
      description: 'tiewatch: look for due feeds',
      schedule: ScheduleExpression.rate(props.scheduleRate),
      target: new InvokeFunctionTarget(this.dispatchFunction.function, {
        deadLetterQueue: this.scheduleDeadLetterQueue,
        retryAttempts: 3,
        // A dispatch delivered after the next one is due is pointless: the next one covers it.
        maxEventAge: props.scheduleRate,
      }),
    });

    this.seedFunction = new TiewatchFunction(this, 'SeedFeeds', {
      ...functionDefaults,
      handler: 'seed-feeds',
      description: 'tiewatch: adds the curated feed list to the registry at deploy time',
      timeout: Duration.minutes(2),
      environment: { TABLE_NAME: tableName },
    });
    // registry.add is a conditional put per feed: it can add a feed, never change or delete one.
    storage.grant(this.seedFunction.role, ['PutItem']);
    const seed = new CustomResource(this, 'FeedSeed', {
      serviceToken: this.seedFunction.function.functionArn,
      resourceType: 'Custom::TiewatchFeedSeed',
      properties: { Feeds: props.feeds },
    });
    // The function must hold its table grant before CloudFormation invokes it.
    seed.node.addDependency(this.seedFunction);

    for (const dlq of [this.deadLetterQueue, this.scheduleDeadLetterQueue]) {
      Validations.of(dlq).acknowledge({
        id: 'AwsSolutions-SQS3',
        reason: 'This queue is itself a dead-letter queue and needs no dead-letter queue of its own.',
      });
    }
  }

  /** The functions this construct deploys, for alarms. */
  get functions(): TiewatchFunction[] {
    return [this.dispatchFunction, this.ingestFunction, this.seedFunction];
  }
}
