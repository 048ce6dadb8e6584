import { describe, expect, it } from 'vitest';
import { JSON_FEED_VERSION, renderJsonFeed } from '../../../lambda/core/feed-render/render-json-feed';
import { HOSTILE_TEXT, HOSTILE_TEXT_SHOWN, makeAlert, makeSource } from '../../support/feed-alerts';
import { makeChannel } from './feed-channel-fixture';

interface JsonFeedItem {
  id: string;
  url?: string;
  title?: string;
  content_html?: string;
  content_text?: string;
  date_published?: string;
}

function parse(json: string): { version: string; title: string; feed_url: string; items: JsonFeedItem[] } {
  return JSON.parse(json);
}

describe('renderJsonFeed', () => {
  it('declares JSON Feed 1.1 with its required fields', () => {
    const feed = parse(renderJsonFeed([makeAlert(2), makeAlert(1)], makeChannel()));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(JSON_FEED_VERSION).toBe(feed.version);
    expect(feed.title).toBe('tiewatch alerts');
    expect(feed.feed_url).toBe('https://tiewatch.example/feed.json');
    expect(feed.items.map((item) => item.id)).toEqual([
      'urn:tiewatch:alert:alert-00002',
      'urn:tiewatch:alert:alert-00001',
    ]);
    for (const item of feed.items) {
      expect(item.content_html).toContain('1 year → until Sep 2027');
      expect(item.content_text).toContain('1 year → until Sep 2027');
    }
  });

  it('keeps a hostile title as plain text and escapes it in content_html', () => {
    const alert = makeAlert(1, {
      kind: 'new-development',
      factIds: [],
      findings: [],
      title: HOSTILE_TEXT,
      link: 'javascript:alert(1)',
      sources: [makeSource(1, { title: HOSTILE_TEXT, link: 'javascript:alert(2)' })],
    });
    const json = renderJsonFeed([alert], makeChannel());
    const item = parse(json).items[0];
    expect(item?.title).toBe(`New development: ${HOSTILE_TEXT_SHOWN}`);
    expect(item?.content_html).not.toContain('<script');
    expect(item?.content_html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(item?.url).toBe('https://tiewatch.example/alerts/alert-00001');
    expect(json.toLowerCase()).not.toContain('javascript:');
    expect(json).not.toContain('\\u0000');
  });

  it('dates each item by when the alert was first seen', () => {
    const item = parse(renderJsonFeed([makeAlert(5)], makeChannel())).items[0];
    expect(item?.date_published).toBe('2025-09-10T12:05:00.000Z');
  });
});
