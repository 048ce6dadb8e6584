import { describe, expect, it } from 'vitest';
import {
  decodeFeedMessage,
  encodeFeedMessage,
  MalformedFeedMessageError,
} from '../../../lambda/adapters/sqs/feed-message';

describe('feed messages', () => {
  it('round-trips a feed URL', () => {
    expect(decodeFeedMessage(encodeFeedMessage('https://example.org/rss?x=1&y=2'))).toEqual({
      url: 'https://example.org/rss?x=1&y=2',
    });
  });

  it.each([
    ['not JSON', '{url:'],
    ['no url', '{}'],
    ['a file URL', '{"url":"file:///etc/passwd"}'],
    ['an extra field', '{"url":"https://example.org/","priority":1}'],
    ['a bare string', '"https://example.org/"'],
  ])('refuses %s', (_case, body) => {
    expect(() => decodeFeedMessage(body)).toThrow(MalformedFeedMessageError);
  });
});
