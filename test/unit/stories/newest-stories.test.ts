import { describe, expect, it } from 'vitest';
import type { Story } from '../../../lambda/core/model/story';
import { MAX_STORIES_PER_FEED, newestStories } from '../../../lambda/core/stories/newest-stories';

const story = (key: string, published: string): Story => ({
  key,
  title: key,
  summary: '',
  published,
  source: 's',
  feedUrl: 'https://example.com/rss',
});

describe('newestStories', () => {
  it('orders stories newest first', () => {
    const result = newestStories([
      story('a', '2025-01-01T00:00:00Z'),
      story('b', '2025-01-03T00:00:00Z'),
      story('c', '2025-01-02T00:00:00Z'),
    ]);
    expect(result.map((s) => s.key)).toEqual(['b', 'c', 'a']);
  });

  it('keeps the first of two stories with one key', () => {
    const result = newestStories([
      story('a', '2025-01-01T00:00:00Z'),
      { ...story('a', '2025-01-05T00:00:00Z'), title: 'copy' },
    ]);
    expect(result).toHaveLength(1);
    expect(result[0]?.title).toBe('a');
  });

  it('keeps feed order for equal dates', () => {
    const result = newestStories([story('x', '2025-01-01T00:00:00Z'), story('y', '2025-01-01T00:00:00Z')]);
    expect(result.map((s) => s.key)).toEqual(['x', 'y']);
  });

  it('keeps at most 200 stories, the newest ones', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      story(`k${i}`, new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString()),
    );
    const result = newestStories(many);
    expect(MAX_STORIES_PER_FEED).toBe(200);
    expect(result).toHaveLength(200);
    expect(result[0]?.key).toBe('k499');
    expect(result.at(-1)?.key).toBe('k300');
  });
});
