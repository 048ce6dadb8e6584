import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  paginateQuery,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import pLimit from 'p-limit';
import { applyOutcome } from '../../core/feeds/apply-outcome';
import { DEFAULT_POLL_POLICY, type PollPolicy } from '../../core/feeds/next-poll';
import type { FeedOutcome, FeedState } from '../../core/model/feed';
import {
  FeedNotFoundError,
  type FeedRegistry,
  FeedUrlTooLongError,
  type NewFeed,
} from '../../ports/feed-registry';
import * as z from '../../validation/zod-mini';
import { FEEDS_PARTITION, feedKey, feedUrlFitsKey, MAX_FEED_URL_BYTES, RETIRED_SORT_KEY } from './item-keys';
import { StoredItemError } from './stored-item-error';

/** A feed item as stored: the FeedState plus its keys. Parsed on every read (the table is an edge). */
const feedItemSchema = z.object({
  type: z.literal('feed'),
  url: z.string(),
  name: z.optional(z.string()),
  status: z.enum(['active', 'retired']),
  etag: z.optional(z.string()),
  lastModified: z.optional(z.string()),
  lastSuccessAt: z.optional(z.string()),
  lastAttemptAt: z.optional(z.string()),
  consecutiveFailures: z.number().check(z.int(), z.nonnegative()),
  nextDueAt: z.string(),
  lastError: z.optional(z.string()),
  addedAt: z.string(),
});

export interface DynamoFeedRegistryOptions {
  /** @default DEFAULT_POLL_POLICY (15 min interval, backoff from 15 min capped at 24 h) */
  policy?: PollPolicy;
  /** Injected for exact schedules in tests. @default Math.random */
  random?: () => number;
}

/** Conditional puts run this many at a time when adding a long feed list. */
const ADD_CONCURRENCY = 8;

/** The feed registry in the single table: one item per feed, listed in due order through gsi1. */
export class DynamoFeedRegistry implements FeedRegistry {
  private readonly policy: PollPolicy;
  private readonly random: () => number;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: DynamoFeedRegistryOptions = {},
  ) {
    this.policy = options.policy ?? DEFAULT_POLL_POLICY;
    this.random = options.random ?? Math.random;
  }

  async add(feeds: NewFeed[], now: Date): Promise<number> {
    const unique = [...new Map(feeds.map((feed) => [feed.url, feed])).values()];
    // Checked before any write, so that a list holding one such URL adds nothing rather than a part.
    const unstorable = unique.find((feed) => !feedUrlFitsKey(feed.url));
    if (unstorable) throw new FeedUrlTooLongError(unstorable.url, MAX_FEED_URL_BYTES);
    const limit = pLimit(ADD_CONCURRENCY);
    const added = await Promise.all(
      unique.map((feed) =>
        limit(async () => {
          const state: FeedState = {
            url: feed.url,
            ...(feed.name ? { name: feed.name } : {}),
            status: 'active',
            consecutiveFailures: 0,
            nextDueAt: now.toISOString(),
            addedAt: now.toISOString(),
          };
          try {
            await this.doc.send(
              new PutCommand({
                TableName: this.tableName,
                Item: toItem(state),
                // A feed already registered keeps its validators, health and schedule.
                ConditionExpression: 'attribute_not_exists(pk)',
              }),
            );
            return true;
          } catch (error) {
            if (error instanceof ConditionalCheckFailedException) return false;
            throw error;
          }
        }),
      ),
    );
    return added.filter(Boolean).length;
  }

  async remove(url: string): Promise<boolean> {
    if (!feedUrlFitsKey(url)) return false;
    const result = await this.doc.send(
      new DeleteCommand({ TableName: this.tableName, Key: feedKey(url), ReturnValues: 'ALL_OLD' }),
    );
    return result.Attributes !== undefined;
  }

  async get(url: string): Promise<FeedState | undefined> {
    // A URL too long to be a key cannot be registered; DynamoDB would refuse the read itself.
    if (!feedUrlFitsKey(url)) return undefined;
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: feedKey(url), ConsistentRead: true }),
    );
    return result.Item ? fromItem(result.Item) : undefined;
  }

  /** Every feed, retired ones included, soonest due first (retired last). */
  list(): Promise<FeedState[]> {
    return this.queryFeeds({
      KeyConditionExpression: 'gsi1pk = :feeds',
      ExpressionAttributeValues: { ':feeds': FEEDS_PARTITION },
    });
  }

  listDue(now: Date): Promise<FeedState[]> {
    return this.queryFeeds({
      KeyConditionExpression: 'gsi1pk = :feeds AND gsi1sk <= :now',
      ExpressionAttributeValues: { ':feeds': FEEDS_PARTITION, ':now': now.toISOString() },
    });
  }

  async recordOutcome(url: string, outcome: FeedOutcome, now: Date, known?: FeedState): Promise<FeedState> {
    // Only the poller changes a feed's state (add never overwrites), so the state a poll started from is
    // current; the condition below still keeps a feed removed meanwhile from coming back.
    const current = known?.url === url ? known : await this.get(url);
    if (!current) throw new FeedNotFoundError(url);
    const next = applyOutcome(current, outcome, now, this.policy, this.random);
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toItem(next),
          // A feed removed while it was being polled stays removed.
          ConditionExpression: 'attribute_exists(pk)',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new FeedNotFoundError(url);
      throw error;
    }
    return next;
  }

  private async queryFeeds(
    condition: Pick<QueryCommandInput, 'KeyConditionExpression' | 'ExpressionAttributeValues'>,
  ): Promise<FeedState[]> {
    const feeds: FeedState[] = [];
    const pages = paginateQuery(
      { client: this.doc },
      { TableName: this.tableName, IndexName: 'gsi1', ...condition },
    );
    for await (const page of pages) for (const item of page.Items ?? []) feeds.push(fromItem(item));
    return feeds;
  }
}

function toItem(state: FeedState): Record<string, unknown> {
  return {
    ...feedKey(state.url),
    type: 'feed',
    gsi1pk: FEEDS_PARTITION,
    gsi1sk: state.status === 'active' ? state.nextDueAt : RETIRED_SORT_KEY,
    ...state,
  };
}

function fromItem(item: Record<string, unknown>): FeedState {
  const parsed = feedItemSchema.safeParse(item);
  if (!parsed.success) throw new StoredItemError('feed', String(item.pk), parsed.error);
  const { type: _type, ...state } = parsed.data;
  return state;
}
