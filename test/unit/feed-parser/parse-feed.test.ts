import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../lambda/adapters/feed-parser/parse-feed';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url), 'utf8');
const context = { feedUrl: 'https://feeds.example.com/feed', fetchedAt: new Date('2025-03-10T12:00:00Z') };

describe('parseFeed on well-formed feeds', () => {
  it('reads RSS 2.0: plain-text titles and summaries, canonical links, dates, newest first', async () => {
    const feed = await parseFeed(fixture('rss2.xml'), context);
    expect(feed.title).toBe('Northeast Asia Desk');
    expect(feed.skipped).toBe(0);
    expect(feed.repairs).toEqual([]);
    expect(feed.stories.map((s) => s.title)).toEqual([
      'Russia and North Korea open a road bridge over the Tumen',
      'Gas flows to China hit a record: "38 bcm" & rising',
      'Trade fair in Vladivostok draws Chinese exporters',
    ]);
    const [bridge, gas, fair] = feed.stories;
    expect(bridge?.summary).toBe('The bridge carries trucks between Khasan and Tumangang.');
    expect(bridge?.link).toBe('https://desk.example.com/2025/03/bridge');
    expect(bridge?.guid).toBe('desk-1001');
    expect(bridge?.published).toBe('2025-03-10T06:30:00.000Z');
    expect(gas?.link).toBe('https://desk.example.com/2025/03/gas');
    expect(gas?.summary).toBe('Deliveries through Power of Siberia exceeded the contract.');
    expect(fair?.link).toBe('https://desk.example.com/2025/03/fair');
    expect(feed.stories.every((s) => s.source === 'desk.example.com' && s.feedUrl === context.feedUrl)).toBe(
      true,
    );
  });

  it('reads RSS 1.0 (RDF) with Dublin Core dates', async () => {
    const feed = await parseFeed(fixture('rss1.rdf'), context);
    expect(feed.stories.map((s) => [s.title, s.published])).toEqual([
      ['Oil-for-goods swap talks resume', '2025-03-07T02:00:00.000Z'],
      ['Cross-border grid link studied', '2025-03-06T10:00:00.000Z'],
    ]);
    expect(feed.stories[0]?.summary).toBe('Negotiators met in Harbin.');
  });

  it('reads RSS 0.91 with its public DOCTYPE, dating undated items at the fetch time', async () => {
    const feed = await parseFeed(fixture('rss091.xml'), { ...context, feedName: 'Old Wire' });
    expect(feed.stories.map((s) => s.title)).toEqual([
      'Rail freight through Khasan doubles',
      'Port of Rajin handles coal again',
    ]);
    expect(
      feed.stories.every((s) => s.published === context.fetchedAt.toISOString() && s.source === 'Old Wire'),
    ).toBe(true);
    expect(feed.repairs).toEqual([]);
  });

  it('reads Atom: html titles, xhtml content, ids as guids, published before updated', async () => {
    const feed = await parseFeed(fixture('atom.xml'), context);
    expect(feed.title).toBe('Asia Wire');
    const [accord, flights, unlinked] = feed.stories;
    expect(accord?.title).toBe('Kim & Putin: new accord');
    expect(accord?.summary).toBe('The accord covers labour and tourism.');
    expect(accord?.published).toBe('2025-03-09T22:00:00.000Z');
    expect(accord?.link).toBe('https://wire.example.com/stories/accord');
    expect(flights?.summary).toBe('Two flights a week are planned. Tickets');
    expect(unlinked?.link).toBeUndefined();
    expect(unlinked?.guid).toBe('urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66');
    expect(unlinked?.key).toMatch(/^g:/);
  });

  it('keeps Cyrillic, Chinese and Korean text intact', async () => {
    const feed = await parseFeed(fixture('multilingual.xml'), context);
    expect(feed.title).toBe('Многоязычная лента · 多语言 · 다국어');
    expect(feed.stories.map((s) => s.title)).toEqual([
      'Россия и КНДР открыли прямое железнодорожное сообщение',
      '北京至平壤客运航班恢复',
      '북한, 러시아와 두만강 자동차 다리 착공',
    ]);
    expect(feed.stories[1]?.summary).toBe('中国国际航空公司宣布，航班将于下月恢复。');
  });

  it('reads an <rss> without a version attribute as RSS 2.0', async () => {
    const feed = await parseFeed(
      '<rss><channel><item><title>Versionless</title></item></channel></rss>',
      context,
    );
    expect(feed.stories.map((s) => s.title)).toEqual(['Versionless']);
  });

  it('accepts a byte-order mark', async () => {
    const feed = await parseFeed(`\uFEFF${fixture('rss2.xml')}`, context);
    expect(feed.stories).toHaveLength(3);
  });

  it('returns no stories for a feed without items', async () => {
    const feed = await parseFeed('<rss version="2.0"><channel><title>Empty</title></channel></rss>', context);
    expect(feed).toEqual({ title: 'Empty', stories: [], skipped: 0, repairs: [] });
  });
});
