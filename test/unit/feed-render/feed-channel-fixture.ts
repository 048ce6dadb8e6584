import type { FeedChannel } from '../../../lambda/core/feed-render/feed-channel';

/** A channel on a fixed origin, as the router would build it. */
export function makeChannel(overrides: Partial<FeedChannel> = {}): FeedChannel {
  return {
    title: 'tiewatch alerts',
    description: 'Changes against the baseline.',
    homeUrl: 'https://tiewatch.example/',
    atomUrl: 'https://tiewatch.example/feed.atom',
    rssUrl: 'https://tiewatch.example/feed.rss',
    jsonFeedUrl: 'https://tiewatch.example/feed.json',
    alertUrl: (id) => `https://tiewatch.example/alerts/${encodeURIComponent(id)}`,
    updated: new Date('2025-09-10T13:00:00Z'),
    ...overrides,
  };
}
