import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Context } from 'aws-lambda';
import { createDocumentClient } from '../adapters/dynamodb/document-client';
import { DynamoFeedRegistry } from '../adapters/dynamodb/dynamo-feed-registry';
import { SqsFeedQueue } from '../adapters/sqs/sqs-feed-queue';
import { systemClock } from '../ports/clock';
import { dispatchDueFeeds } from '../use-cases/dispatch-due-feeds';
import * as z from '../validation/zod-mini';
import { METRICS } from './shared/metric-names';
import { logger, metrics } from './shared/powertools';
import { readSettings, requiredText } from './shared/read-settings';

const settings = readSettings({ TABLE_NAME: requiredText, QUEUE_URL: z.url({ protocol: /^https$/ }) });

const deps = {
  registry: new DynamoFeedRegistry(createDocumentClient(), settings.TABLE_NAME),
  queue: new SqsFeedQueue(new SQSClient({}), settings.QUEUE_URL),
  clock: systemClock,
};

/**
 * Invoked by EventBridge Scheduler every cycle (the event carries nothing it needs). A failure to read the
 * registry or to enqueue is thrown: the scheduler retries the invocation, and a repeated enqueue is harmless.
 */
export async function handler(_event: unknown, context: Context): Promise<{ due: number; enqueued: number }> {
  logger.addContext(context);
  try {
    const result = await dispatchDueFeeds(deps);
    metrics.addMetric(METRICS.feedsDue, MetricUnit.Count, result.due);
    metrics.addMetric(METRICS.feedsEnqueued, MetricUnit.Count, result.enqueued);
    logger.info('dispatched due feeds', result);
    return result;
  } finally {
    metrics.publishStoredMetrics();
  }
}
