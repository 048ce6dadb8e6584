import type { Story } from '../model/story';

/** @default 200 — a feed listing more is an archive; its oldest entries are not news. */
export const MAX_STORIES_PER_FEED = 200;

/**
 * A feed's stories without repeats (first occurrence of a key wins), newest first, at most `limit`.
 * Ties keep feed order, which is usually the publisher's own newest-first order.
 */
export function newestStories(stories: readonly Story[], limit = MAX_STORIES_PER_FEED): Story[] {
  const byKey = new Map<string, Story>();
  for (const story of stories) if (!byKey.has(story.key)) byKey.set(story.key, story);
  return [...byKey.values()]
    .map((story, index) => ({ story, index, time: Date.parse(story.published) }))
    .sort((a, b) => b.time - a.time || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.story);
}
