import { describe, expect, it } from 'vitest';
import { FeedListError, parseFeedEntries, parseFeedList } from '../../../lambda/core/feeds/parse-feed-list';

describe('parseFeedList', () => {
  it('reads a JSON array of {url, name?}', () => {
    const text = JSON.stringify([
      { url: 'https://a.example/rss', name: 'A' },
      { url: 'http://b.example/atom.xml' },
    ]);

    expect(parseFeedList(text)).toEqual([
      { url: 'https://a.example/rss', name: 'A' },
      { url: 'http://b.example/atom.xml' },
    ]);
  });

  it('reads every outline with an xmlUrl in OPML, nested ones included, named by title or text', () => {
    const opml = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>
      <opml version="2.0"><head><title>Subscriptions</title></head><body>
        <outline text="World">
          <outline type="rss" text="a-text" title="Desk &amp; World" xmlUrl="https://a.example/rss" htmlUrl="https://a.example/"/>
          <outline text="Asia"><outline type="rss" text="Korea feed" xmlUrl="https://k.example/feed"/></outline>
        </outline>
        <outline type="rss" xmlUrl="https://bare.example/rss"/>
      </body></opml>`;

    expect(parseFeedList(opml)).toEqual([
      { url: 'https://a.example/rss', name: 'Desk & World' },
      { url: 'https://k.example/feed', name: 'Korea feed' },
      { url: 'https://bare.example/rss' },
    ]);
  });

  it('keeps the first of a URL listed twice', () => {
    const text = JSON.stringify([
      { url: 'https://a.example/rss', name: 'first' },
      { url: 'https://a.example/rss', name: 'second' },
    ]);

    expect(parseFeedList(text)).toEqual([{ url: 'https://a.example/rss', name: 'first' }]);
  });

  it.each([
    ['not JSON or OPML', 'just some text', /neither JSON nor OPML/],
    ['a JSON object', '{"url": "https://a.example/"}', /expected a JSON array/],
    [
      'a non-http URL',
      '[{"url": "https://ok.example/"}, {"url": "file:///etc/passwd"}]',
      /entry 2 \(url\): must be an http or https URL/,
    ],
    ['an unknown field', '[{"url": "https://a.example/", "nmae": "typo"}]', /entry 1/],
    ['an empty list', '[]', /holds no feeds/],
    [
      'an OPML outline with a javascript: URL',
      '<opml><body><outline xmlUrl="javascript:alert(1)"/></body></opml>',
      /xmlUrl "javascript:alert\(1\)"/,
    ],
    ['XML that is not OPML', '<rss><channel><title>x</title></channel></rss>', /not OPML/],
    ['OPML without feeds', '<opml><body><outline text="folder"/></body></opml>', /holds no feeds/],
  ])('refuses %s with a FeedListError saying why', (_case, text, message) => {
    expect(() => parseFeedList(text)).toThrow(FeedListError);
    expect(() => parseFeedList(text)).toThrow(message);
  });
});

describe('parseFeedEntries', () => {
  it('checks one entry given on the command line', () => {
    expect(parseFeedEntries([{ url: 'https://a.example/rss', name: 'A' }])).toEqual([
      { url: 'https://a.example/rss', name: 'A' },
    ]);
    expect(() => parseFeedEntries([{ url: 'a.example/rss' }])).toThrow(FeedListError);
  });
});
