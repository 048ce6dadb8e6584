import { decodeHTML } from 'entities';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_SIZE } from '../../../lambda/feed-api/handle-feed-request';
import { useDynalite } from '../../support/dynalite';
import { HOSTILE_TEXT, HOSTILE_TEXT_SHOWN, makeAlert, makeSource } from '../../support/feed-alerts';
import { type FeedApiUnderTest, serveAlerts } from './feed-api-fixture';

const dynamo = useDynalite();
const parser = new Parser();

const hostile = makeAlert(200, {
  id: 'hostile-alert',
  kind: 'new-development',
  factIds: [],
  findings: [],
  title: HOSTILE_TEXT,
  link: 'javascript:alert(1)',
  sources: [makeSource(200, { title: HOSTILE_TEXT, link: 'javascript:alert(2)', source: 'Evil & <Co>' })],
});

/** 60 ordinary alerts (more than a feed holds) plus the hostile one, which is the newest. */
const alerts = [...Array.from({ length: 60 }, (_, minute) => makeAlert(minute)), hostile];

let api: FeedApiUnderTest;
beforeAll(async () => {
  api = await serveAlerts(dynamo, alerts);
});
afterAll(async () => {
  await api.close();
});

const FEEDS = [
  ['Atom', 'feed.atom', 'application/atom+xml; charset=utf-8'],
  ['RSS', 'feed.rss', 'application/rss+xml; charset=utf-8'],
] as const;

describe.each(FEEDS)('GET /%s feed', (_name, path, contentType) => {
  it('parses back with rss-parser: the newest 50 alerts, newest first', async () => {
    const response = await fetch(new URL(path, api.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    const feed = await parser.parseString(await response.text());
    expect(feed.items).toHaveLength(FEED_SIZE);
    expect(feed.items[0]?.guid ?? (feed.items[0] as { id?: string }).id).toBe(
      'urn:tiewatch:alert:hostile-alert',
    );
    expect(feed.items[1]?.title).toBe('visa-free-trial updated: 1 year → until Sep 2027');
  });

  it('carries the hostile title and sources through as text, with no script link', async () => {
    const xml = await (await fetch(new URL(path, api.url))).text();
    const item = (await parser.parseString(xml)).items[0];
    expect(decodeHTML(item?.title ?? '')).toBe(`New development: ${HOSTILE_TEXT_SHOWN}`);
    expect(xml).not.toContain('<script');
    expect(xml.toLowerCase()).not.toContain('javascript:');
    expect(xml).not.toContain('\u0000');
    expect(item?.link).toBe(new URL('alerts/hostile-alert', api.url).href);
  });

  it('applies the filters', async () => {
    const feed = await parser.parseString(
      await (await fetch(new URL(`${path}?kind=new-development`, api.url))).text(),
    );
    expect(feed.items).toHaveLength(1);
  });

  it('answers 304 to a reader that already has this version, by ETag or by date', async () => {
    const first = await fetch(new URL(path, api.url));
    const etag = first.headers.get('etag') ?? '';
    const lastModified = first.headers.get('last-modified') ?? '';
    expect(first.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const byTag = await fetch(new URL(path, api.url), { headers: { 'if-none-match': etag } });
    expect([byTag.status, await byTag.text(), byTag.headers.get('etag')]).toEqual([304, '', etag]);
    const byDate = await fetch(new URL(path, api.url), { headers: { 'if-modified-since': lastModified } });
    expect(byDate.status).toBe(304);
    const stale = await fetch(new URL(path, api.url), { headers: { 'if-none-match': '"something-else"' } });
    expect(stale.status).toBe(200);
  });
});

describe('GET /feed.json', () => {
  it('is JSON Feed 1.1 with its required fields', async () => {
    const response = await fetch(new URL('feed.json', api.url));
    expect(response.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    const feed = (await response.json()) as {
      version: string;
      title: string;
      items: { id: string; title: string; content_html: string; content_text: string }[];
    };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('tiewatch alerts');
    expect(feed.items).toHaveLength(FEED_SIZE);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(item.content_html.length).toBeGreaterThan(0);
    }
    expect(feed.items[0]?.title).toBe(`New development: ${HOSTILE_TEXT_SHOWN}`);
    expect(feed.items[0]?.content_html).not.toContain('<script');
  });
});

describe('a corroborating source', () => {
  it('changes the feed and its ETag but not the entry id or title', async () => {
    const before = await fetch(new URL('feed.atom?kind=update', api.url));
    const etag = before.headers.get('etag') ?? '';
    const beforeItem = (await parser.parseString(await before.text())).items[0];
    await api.store.addSource('alert-00059', makeSource(500, { seenAt: '2025-09-11T00:00:00.000Z' }));
    const after = await fetch(new URL('feed.atom?kind=update', api.url), {
      headers: { 'if-none-match': etag },
    });
    expect(after.status).toBe(200);
    const afterItem = (await parser.parseString(await after.text())).items[0];
    expect([afterItem?.id, afterItem?.title]).toEqual([beforeItem?.id, beforeItem?.title]);
    expect(afterItem?.content).toContain('story-500');
    expect(after.headers.get('last-modified')).toBe('Thu, 11 Sep 2025 00:00:00 GMT');
  });
});

declare module 'rss-parser' {
  interface Item {
    id?: string;
  }
}
