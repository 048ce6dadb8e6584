import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { createDocumentClient } from '../adapters/dynamodb/document-client';
import { DynamoAlertStore } from '../adapters/dynamodb/dynamo-alert-store';
import { DynamoFeedRegistry } from '../adapters/dynamodb/dynamo-feed-registry';
import { DynamoStoryStore } from '../adapters/dynamodb/dynamo-story-store';
import { HttpFeedFetcher } from '../adapters/http/safe-feed-fetcher';
import { decodeFeedMessage, MalformedFeedMessageError } from '../adapters/sqs/feed-message';
import { systemClock } from '../ports/clock';
import { FeedNotFoundError } from '../ports/feed-registry';
import { type IngestDeps, type IngestReport, ingestFeed, UnknownFeedError } from '../use-cases/ingest-feed';
import * as z from '../validation/zod-mini';
import { feedReadingOnDemand } from './shared/feed-reading-on-demand';
import { METRICS } from './shared/metric-names';
import { pollPolicyFor } from './shared/poll-policy';
import { logger, metrics } from './shared/powertools';
import { readSettings, requiredText } from './shared/read-settings';

const DAY_MS = 24 * 3600 * 1000;

const settings = readSettings({
  TABLE_NAME: requiredText,
  STORY_TTL_DAYS: z.coerce.number().check(z.int(), z.minimum(2)),
  POLL_INTERVAL_SECONDS: z.coerce.number().check(z.int(), z.minimum(60)),
});

const documentClient = createDocumentClient();

const deps: IngestDeps = {
  registry: new DynamoFeedRegistry(documentClient, settings.TABLE_NAME, {
    policy: pollPolicyFor(settings.POLL_INTERVAL_SECONDS),
  }),
  stories: new DynamoStoryStore(documentClient, settings.TABLE_NAME, {
    seenTtlDays: settings.STORY_TTL_DAYS,
  }),
  alerts: new DynamoAlertStore(documentClient, settings.TABLE_NAME),
  // Network safety stays on in AWS: private, link-local and metadata addresses (169.254.169.254, the
  // classic SSRF target) are refused on every hop. Nothing in the environment can switch it off.
  fetcher: new HttpFeedFetcher({ allowPrivateNetwork: false }),
  ...feedReadingOnDemand(),
  clock: systemClock,
  // One day inside the seen-mark TTL, so a story whose mark has expired is never read as new again.
  maxStoryAgeMs: (settings.STORY_TTL_DAYS - 1) * DAY_MS,
  log: (event, data) => logger.info(event, data),
};

const OUTCOME_METRIC = {
  fetched: METRICS.feedsFetched,
  unchanged: METRICS.feedsUnchanged,
  failed: METRICS.feedFailures,
  gone: METRICS.feedsRetired,
} as const satisfies Record<IngestReport['outcome']['kind'], string>;

function countReport(report: IngestReport): void {
  metrics.addMetric(METRICS.feedsPolled, MetricUnit.Count, 1);
  metrics.addMetric(OUTCOME_METRIC[report.outcome.kind], MetricUnit.Count, 1);
  metrics.addMetric(METRICS.newStories, MetricUnit.Count, report.newStories);
  metrics.addMetric(METRICS.relevantStories, MetricUnit.Count, report.relevantStories);
  metrics.addMetric(METRICS.alertsCreated, MetricUnit.Count, report.alertsCreated);
  metrics.addMetric(METRICS.alertsCorroborated, MetricUnit.Count, report.alertsCorroborated);
}

/**
 * One message, one feed. A feed's own failures are stored on the feed and end here as success; a message
 * that can never succeed (unreadable, or naming a feed no longer registered) is logged and dropped rather
 * than retried into the dead-letter queue; anything else (storage trouble) is thrown, so only this message
 * is reported as failed and SQS hands it out again.
 *
 * `polls` holds the polls of the current batch by feed URL. SQS delivers at least once and two cycles can
 * enqueue the same feed, so a batch may name a feed twice; Powertools runs a batch's records side by side,
 * and two polls of one feed would fetch it twice and race to record the outcome. A repeated message shares
 * the first one's poll instead, and so its outcome: both succeed, or both are handed out again.
 */
async function ingestRecord(record: SQSRecord, polls: Map<string, Promise<void>>): Promise<void> {
  let url: string;
  try {
    url = decodeFeedMessage(record.body).url;
  } catch (error) {
    if (!(error instanceof MalformedFeedMessageError)) throw error;
    logger.error('dropped a malformed queue message', { messageId: record.messageId, detail: error.detail });
    metrics.addMetric(METRICS.messagesDropped, MetricUnit.Count, 1);
    return;
  }
  const running = polls.get(url);
  if (running) {
    logger.info('the batch names this feed twice: the message shares the first poll', {
      messageId: record.messageId,
      feedUrl: url,
    });
    return running;
  }
  const poll = pollFeed(url, record.messageId);
  polls.set(url, poll);
  return poll;
}

async function pollFeed(url: string, messageId: string): Promise<void> {
  try {
    const report = await ingestFeed(deps, url);
    countReport(report);
    logger.info('ingested feed', { ...report });
  } catch (error) {
    if (!(error instanceof UnknownFeedError || error instanceof FeedNotFoundError)) throw error;
    logger.warn('dropped a message for a feed that is not registered', { messageId, feedUrl: url });
    metrics.addMetric(METRICS.messagesDropped, MetricUnit.Count, 1);
  }
}

const processor = new BatchProcessor(EventType.SQS);

/** SQS batch in, partial batch response out (the event source reports batch item failures). */
export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  logger.addContext(context);
  try {
    const polls = new Map<string, Promise<void>>();
    return await processPartialResponse(
      event,
      (record: SQSRecord) => ingestRecord(record, polls),
      processor,
      {
        context,
      },
    );
  } finally {
    metrics.publishStoredMetrics();
  }
}
