import { createHash } from 'node:crypto';

/**
 * Key values of every item kind, in one place, following the layout in table-design.ts.
 * Stores build keys only through these functions so the layout cannot drift between writer and reader.
 */

/** Partition key of the registry's index partition (gsi1). */
export const FEEDS_PARTITION = 'FEEDS';
/** Partition key of the time-ordered alert index (gsi1). */
export const ALERTS_PARTITION = 'ALERTS';
/**
 * gsi1 sort key of a retired feed. Due feeds are read with `gsi1sk <= <now as ISO 8601>`; ISO times start
 * with a digit and 'R' sorts after every digit, so retired feeds are never read by the due query.
 */
export const RETIRED_SORT_KEY = 'RETIRED';

const FEED_KEY_PREFIX = 'FEED#';

export const feedKey = (url: string) => ({ pk: `${FEED_KEY_PREFIX}${url}`, sk: 'FEED' });

/** DynamoDB's limit on a partition key value. */
const MAX_PARTITION_KEY_BYTES = 2048;

/** The longest feed URL (UTF-8 bytes) whose registry key DynamoDB accepts. */
export const MAX_FEED_URL_BYTES = MAX_PARTITION_KEY_BYTES - Buffer.byteLength(FEED_KEY_PREFIX);

export const feedUrlFitsKey = (url: string) => Buffer.byteLength(url, 'utf8') <= MAX_FEED_URL_BYTES;

/**
 * Story keys are canonical links and can be long (news-search links run to hundreds of characters;
 * DynamoDB caps a partition key at 2,048 bytes). Longer keys are replaced by their SHA-256, which keeps
 * a seen-story item far under 1 KB, so marking a story seen costs exactly one write unit.
 */
const MAX_PLAIN_STORY_KEY_BYTES = 256;

export function storyKeyPart(storyKey: string): string {
  if (Buffer.byteLength(storyKey, 'utf8') <= MAX_PLAIN_STORY_KEY_BYTES) return storyKey;
  return `sha256:${createHash('sha256').update(storyKey).digest('base64url')}`;
}

export const seenStoryKey = (storyKey: string) => ({ pk: `STORY#${storyKeyPart(storyKey)}`, sk: 'STORY' });

/** UTC calendar day (YYYY-MM-DD): the partition of the recent relevant stories remembered that day. */
export const dayOf = (time: Date) => time.toISOString().slice(0, 10);

export const recentPartition = (day: string) => `RECENT#${day}`;

export const recentKey = (day: string, storyKey: string) => ({
  pk: recentPartition(day),
  sk: storyKeyPart(storyKey),
});

export const alertPartition = (id: string) => `ALERT#${id}`;

export const alertKey = (id: string) => ({ pk: alertPartition(id), sk: 'ALERT' });

/** Sort key on both alert indexes: time first for newest-first order, the id to break ties. */
export const alertTimeSortKey = (firstSeen: string, id: string) => `${firstSeen}#${id}`;

export const factPartition = (factId: string) => `FACT#${factId}`;

/** Epoch seconds, the unit DynamoDB's TTL reads. */
export const epochSeconds = (time: Date) => Math.floor(time.getTime() / 1000);
