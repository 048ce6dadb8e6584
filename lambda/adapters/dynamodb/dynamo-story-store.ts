import { type DynamoDBDocumentClient, PutCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { Story } from '../../core/model/story';
import type { RecentStory, StoryStore } from '../../ports/story-store';
import * as z from '../../validation/zod-mini';
import { batchGetAll } from './batch-get';
import { batchPutAll } from './batch-write';
import { dayOf, epochSeconds, recentKey, recentPartition, seenStoryKey } from './item-keys';
import { StoredItemError } from './stored-item-error';

const DAY_MS = 24 * 3600 * 1000;

export interface DynamoStoryStoreOptions {
  /**
   * Days a seen-mark lives. Ingestion ignores stories older than this (less a margin), so an expired
   * mark never lets an old story alert again.
   * @default 30
   */
  seenTtlDays?: number;
  /**
   * Days a relevant story stays in the near-duplicate window.
   * @default 3
   */
  recentDays?: number;
}

const seenItemSchema = z.object({ pk: z.string(), expiresAt: z.number() });

const recentItemSchema = z.object({
  type: z.literal('recent'),
  key: z.string(),
  alertIds: z.array(z.string()),
  text: z.string(),
  published: z.string(),
  expiresAt: z.number(),
});

/**
 * Seen stories and the recent relevant ones, in the single table.
 *
 * A seen-mark holds only its keys, `type` and `expiresAt` (about 80 bytes), so each costs one write unit.
 * Recent relevant stories are grouped in one partition per UTC day, read with one Query per day.
 * DynamoDB deletes expired items lazily (dynalite never), so every read drops items past `expiresAt`.
 */
export class DynamoStoryStore implements StoryStore {
  private readonly seenTtlDays: number;
  private readonly recentDays: number;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: DynamoStoryStoreOptions = {},
  ) {
    this.seenTtlDays = options.seenTtlDays ?? 30;
    this.recentDays = options.recentDays ?? 3;
  }

  async filterSeen(keys: string[], now: Date): Promise<Set<string>> {
    const byPartitionKey = new Map<string, string>();
    for (const key of keys) byPartitionKey.set(seenStoryKey(key).pk, key);
    const items = await batchGetAll(
      this.doc,
      this.tableName,
      [...byPartitionKey.keys()].map((pk) => ({ pk, sk: 'STORY' })),
      { attributes: ['pk', 'expiresAt'] },
    );
    const nowSeconds = epochSeconds(now);
    const seen = new Set<string>();
    for (const raw of items) {
      const item = seenItemSchema.safeParse(raw);
      if (!item.success) throw new StoredItemError('story', String(raw.pk), item.error);
      const key = byPartitionKey.get(item.data.pk);
      if (key !== undefined && item.data.expiresAt > nowSeconds) seen.add(key);
    }
    return seen;
  }

  async markSeen(stories: Story[], now: Date): Promise<void> {
    const expiresAt = epochSeconds(now) + this.seenTtlDays * 24 * 3600;
    // Re-marking a story only moves its expiry: a plain (unconditional) put is idempotent here.
    await batchPutAll(
      this.doc,
      this.tableName,
      stories.map((story) => ({ ...seenStoryKey(story.key), type: 'story', expiresAt })),
    );
  }

  async recentRelevant(now: Date): Promise<RecentStory[]> {
    const nowSeconds = epochSeconds(now);
    // Items expire recentDays after they were remembered, so the partitions of the last recentDays days
    // plus today hold every live one; expiresAt then trims the window to exactly recentDays.
    const days = Array.from({ length: this.recentDays + 1 }, (_, back) =>
      dayOf(new Date(now.getTime() - back * DAY_MS)),
    );
    const perDay = await Promise.all(days.map((day) => this.queryDay(day)));
    // A story remembered again on a later day sits in two partitions; the later copy wins.
    const byKey = new Map<string, RecentStory>();
    for (const item of perDay.reverse().flat()) {
      if (item.expiresAt <= nowSeconds) continue;
      const { expiresAt: _expiresAt, type: _type, ...story } = item;
      byKey.set(story.key, story);
    }
    return [...byKey.values()];
  }

  async rememberRelevant(story: RecentStory, now: Date): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...recentKey(dayOf(now), story.key),
          type: 'recent',
          ...story,
          expiresAt: epochSeconds(now) + this.recentDays * 24 * 3600,
        },
      }),
    );
  }

  private async queryDay(day: string): Promise<z.infer<typeof recentItemSchema>[]> {
    const items: z.infer<typeof recentItemSchema>[] = [];
    const pages = paginateQuery(
      { client: this.doc },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': recentPartition(day) },
      },
    );
    for await (const page of pages) {
      for (const raw of page.Items ?? []) {
        const item = recentItemSchema.safeParse(raw);
        if (!item.success) throw new StoredItemError('recent', `${raw.pk}/${raw.sk}`, item.error);
        items.push(item.data);
      }
    }
    return items;
  }
}
