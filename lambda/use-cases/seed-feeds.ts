import type { FeedRegistry, NewFeed } from '../ports/feed-registry';

/**
 * Adds the curated feed list to the registry at deploy time. Feeds already registered keep their state,
 * and feeds a user added are never touched, so running it on every deploy is safe.
 */
export async function seedFeeds(
  registry: FeedRegistry,
  feeds: NewFeed[],
  now: Date,
): Promise<{ added: number }> {
  return { added: await registry.add(feeds, now) };
}
