import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { alertFromItem } from '../adapters/dynamodb/dynamo-alert-store';
import { SnsAlertNotifier } from '../adapters/sns/sns-alert-notifier';
import { notifyNewAlerts } from '../use-cases/notify-new-alerts';
import * as z from '../validation/zod-mini';
import { METRICS } from './shared/metric-names';
import { logger, metrics } from './shared/powertools';
import { readSettings } from './shared/read-settings';

const settings = readSettings({ TOPIC_ARN: z.string().check(z.startsWith('arn:')) });

const notifier = new SnsAlertNotifier(new SNSClient({}), settings.TOPIC_ARN);

/** Raised for a stream record without a new image: the stream must be NEW_IMAGE (or NEW_AND_OLD_IMAGES). */
export class MissingNewImageError extends Error {
  constructor(readonly eventId: string | undefined) {
    super(`stream record ${eventId ?? '(no id)'} has no NewImage: is the table's stream view NEW_IMAGE?`);
    this.name = 'MissingNewImageError';
  }
}

/**
 * One inserted alert (the event source mapping's filter lets only alert INSERTs through): turned back into
 * an Alert by the store's own item mapping, then published.
 */
async function notifyRecord(record: DynamoDBRecord): Promise<void> {
  const image = record.dynamodb?.NewImage;
  if (!image) throw new MissingNewImageError(record.eventID);
  // The Lambda event types describe the same DynamoDB JSON as the SDK's, with every member optional.
  const alert = alertFromItem(unmarshall(image as Record<string, AttributeValue>));
  await notifyNewAlerts([alert], notifier);
  metrics.addMetric(METRICS.alertsNotified, MetricUnit.Count, 1);
  logger.info('published alert', { alertId: alert.id, kind: alert.kind });
}

/**
 * Stream batch in, partial batch response out (the event source reports batch item failures).
 *
 * Records are published in order and the batch stops at the first failure, whose sequence number is
 * reported: Lambda resumes the shard from it, so every alert before it is published once and none after
 * it is skipped. (Powertools' BatchProcessor would carry on past the failure, and the records it published
 * after it would be published again on the retry.)
 */
export async function handler(event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> {
  logger.addContext(context);
  try {
    for (const record of event.Records) {
      try {
        await notifyRecord(record);
      } catch (error) {
        logger.error('could not publish an alert; the stream resumes from it', {
          eventId: record.eventID,
          error: error instanceof Error ? error : String(error),
        });
        const sequenceNumber = record.dynamodb?.SequenceNumber;
        // Without a sequence number there is nothing to resume from: fail the whole batch instead.
        if (sequenceNumber === undefined) throw error;
        return { batchItemFailures: [{ itemIdentifier: sequenceNumber }] };
      }
    }
    return { batchItemFailures: [] };
  } finally {
    metrics.publishStoredMetrics();
  }
}
