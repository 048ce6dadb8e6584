import {
  type BatchResultErrorEntry,
  SendMessageBatchCommand,
  type SendMessageBatchRequestEntry,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { FeedQueue } from '../../ports/feed-queue';
import { encodeFeedMessage } from './feed-message';

/** SQS takes at most ten messages per SendMessageBatch. */
const MAX_BATCH_ENTRIES = 10;

/** Attempts per batch: entries SQS rejects for a transient reason are resent, up to this many times. */
const MAX_ATTEMPTS = 4;

/** A feed that could not be put on the queue, and what SQS said. */
export interface EnqueueFailure {
  url: string;
  reason: string;
}

/** Raised when SQS keeps refusing some messages; lists the feeds that were not enqueued and why. */
export class EnqueueError extends Error {
  constructor(readonly failures: EnqueueFailure[]) {
    super(
      `${failures.length} feed(s) could not be enqueued: ${failures.map((f) => `${f.url} (${f.reason})`).join(', ')}`,
    );
    this.name = 'EnqueueError';
  }
}

/** The part of SQSClient this adapter uses, so a test can stand in for the AWS-only service. */
export type SqsSender = Pick<SQSClient, 'send'>;

export interface SqsFeedQueueOptions {
  /** Pause before resending rejected entries. @default 100 ms × attempt */
  retryDelayMs?: (attempt: number) => number;
}

/**
 * The ingest queue: one message per feed, sent ten at a time. SendMessageBatch succeeds as a call even
 * when some entries fail, so failed entries are resent (sender faults such as a bad body are not: they
 * would fail again), and whatever still failed is thrown, so the dispatcher's invocation fails and the
 * scheduler retries it. A feed enqueued twice is harmless: ingestion is idempotent.
 */
export class SqsFeedQueue implements FeedQueue {
  private readonly retryDelayMs: (attempt: number) => number;

  constructor(
    private readonly sqs: SqsSender,
    private readonly queueUrl: string,
    options: SqsFeedQueueOptions = {},
  ) {
    this.retryDelayMs = options.retryDelayMs ?? ((attempt) => 100 * attempt);
  }

  async enqueue(feedUrls: string[]): Promise<void> {
    const unique = [...new Set(feedUrls)];
    const failures: EnqueueFailure[] = [];
    for (let start = 0; start < unique.length; start += MAX_BATCH_ENTRIES) {
      failures.push(...(await this.sendBatch(unique.slice(start, start + MAX_BATCH_ENTRIES))));
    }
    if (failures.length > 0) throw new EnqueueError(failures);
  }

  private async sendBatch(urls: string[]): Promise<EnqueueFailure[]> {
    // Entry ids are positions in this batch: unique within the request, as SQS requires.
    let pending: SendMessageBatchRequestEntry[] = urls.map((url, index) => ({
      Id: String(index),
      MessageBody: encodeFeedMessage(url),
    }));
    const failureOf = (entry: BatchResultErrorEntry): EnqueueFailure => ({
      url: urls[Number(entry.Id)] ?? `entry ${entry.Id}`,
      reason: entry.Message ?? entry.Code ?? 'unknown',
    });
    const failures: EnqueueFailure[] = [];
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      const output = await this.sqs.send(
        new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: pending }),
      );
      const failed = output.Failed ?? [];
      // A sender fault (a body SQS refuses) would fail the same way again: report it, don't resend it.
      failures.push(...failed.filter((entry) => entry.SenderFault).map(failureOf));
      const retryable = failed.filter((entry) => !entry.SenderFault);
      if (attempt === MAX_ATTEMPTS) {
        failures.push(...retryable.map(failureOf));
        break;
      }
      const retryIds = new Set(retryable.map((entry) => entry.Id));
      pending = pending.filter((entry) => retryIds.has(entry.Id));
      if (pending.length > 0) await sleep(this.retryDelayMs(attempt));
    }
    return failures;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
