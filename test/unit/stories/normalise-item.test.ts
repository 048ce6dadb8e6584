import { describe, expect, it } from 'vitest';
import { normaliseItem, STORY_LIMITS } from '../../../lambda/core/stories/normalise-item';
import type { FeedContext, RawFeedItem } from '../../../lambda/core/stories/raw-feed-item';

const context: FeedContext = {
  feedUrl: 'https://feeds.example.com/world.xml',
  fetchedAt: new Date('2025-03-10T12:00:00Z'),
};
const item = (fields: Partial<RawFeedItem>): RawFeedItem => ({ dates: [], summaries: [], ...fields });

describe('normaliseItem', () => {
  it('turns title and summary markup into plain text', () => {
    const story = normaliseItem(
      item({ title: 'Kim &amp; Putin <em>meet</em>', summaries: ['<p>Talks &ldquo;went well&rdquo;.</p>'] }),
      context,
    );
    expect(story?.title).toBe('Kim & Putin meet');
    expect(story?.summary).toBe('Talks “went well”.');
  });

  it.each<[string, Partial<RawFeedItem>, 'title' | 'summary' | 'guid', number]>([
    ['title', { title: 'T'.repeat(1_000_000) }, 'title', STORY_LIMITS.titleChars],
    ['summary', { title: 't', summaries: ['word '.repeat(100_000)] }, 'summary', STORY_LIMITS.summaryChars],
    ['guid', { title: 't', guid: 'g'.repeat(5000) }, 'guid', STORY_LIMITS.guidChars],
  ])('caps the %s', (_name, fields, field, cap) => {
    const story = normaliseItem(item(fields), context);
    expect(story?.[field]?.length).toBeLessThanOrEqual(cap);
    expect(story?.[field]?.endsWith('…')).toBe(true);
  });

  it('takes the first non-empty summary candidate', () => {
    const story = normaliseItem(
      item({ title: 't', summaries: ['<img src="x.jpg"/>', 'Real text', 'Later'] }),
      context,
    );
    expect(story?.summary).toBe('Real text');
  });

  it('makes a title from the summary when the item has none', () => {
    const story = normaliseItem(item({ summaries: [`Only a summary. ${'more '.repeat(100)}`] }), context);
    expect(story?.title.startsWith('Only a summary.')).toBe(true);
    expect(story?.title.length).toBeLessThanOrEqual(STORY_LIMITS.derivedTitleChars);
  });

  it.each([
    ['nothing at all', {}],
    ['only a link', { link: 'https://example.com/a' }],
    ['markup without text', { title: '<img src="x"/>', summaries: ['   ', '<br/>'] }],
  ])('drops an item with %s', (_name, fields) => {
    expect(normaliseItem(item(fields), context)).toBeUndefined();
  });

  it('canonicalises the link and resolves it against the site', () => {
    const story = normaliseItem(item({ title: 't', link: '/world/1?utm_source=rss#top' }), {
      ...context,
      siteUrl: 'https://News.Example.com/',
    });
    expect(story?.link).toBe('https://news.example.com/world/1');
    expect(story?.key).toMatch(/^l:/);
  });

  it('uses a web-address guid as the link when the item has none', () => {
    const story = normaliseItem(item({ title: 't', guid: 'https://example.com/story/9' }), context);
    expect(story?.link).toBe('https://example.com/story/9');
  });

  it('drops a link that is not http(s) and keys the story by guid', () => {
    const story = normaliseItem(item({ title: 't', link: 'javascript:alert(1)', guid: 'abc-1' }), context);
    expect(story?.link).toBeUndefined();
    expect(story?.key).toMatch(/^g:/);
  });

  it('keys a story with neither link nor guid by its content', () => {
    expect(normaliseItem(item({ title: 't', summaries: ['s'] }), context)?.key).toMatch(/^h:/);
  });

  it('normalises the date and falls back to the fetch time', () => {
    expect(
      normaliseItem(item({ title: 't', dates: ['Mon, 10 Mar 2025 09:30:00 +0300'] }), context)?.published,
    ).toBe('2025-03-10T06:30:00.000Z');
    expect(normaliseItem(item({ title: 't', dates: ['soon'] }), context)?.published).toBe(
      context.fetchedAt.toISOString(),
    );
  });

  it.each([
    ['the feed name', { ...context, feedName: 'Asia Wire' }, 'https://example.com/a', 'Asia Wire'],
    ["the link's host", context, 'https://www.example.com/a', 'www.example.com'],
    ["the feed's host when there is no link", context, undefined, 'feeds.example.com'],
  ])('names the source after %s', (_name, ctx, link, expected) => {
    expect(normaliseItem(item({ title: 't', ...(link ? { link } : {}) }), ctx)?.source).toBe(expected);
  });

  it('records the feed URL', () => {
    expect(normaliseItem(item({ title: 't' }), context)?.feedUrl).toBe(context.feedUrl);
  });
});
