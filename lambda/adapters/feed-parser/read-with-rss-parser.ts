import { HIDDEN_CONTENT_FIELDS } from './hide-content-from-snippets';

/** rss-parser's output, untrusted: fields hold strings, xml2js objects or nothing. */
export interface RssParserOutput {
  title?: unknown;
  link?: unknown;
  items: unknown[];
}

/** Custom-field names the renamed description/content elements arrive under. */
export const CONTENT_FIELD_KEYS = {
  description: 'twDescription',
  content: 'twContent',
  encoded: 'twEncoded',
} as const;

/**
 * One rss-parser `parseString` call (never parseURL: fetching is the fetcher's job). A parser per call,
 * because xml2js keeps state between calls on one instance and a failed parse must not leak into the
 * next. `defaultRSS: 2` reads an `<rss>` without a version attribute instead of rejecting it.
 */
export async function readWithRssParser(xml: string): Promise<RssParserOutput> {
  // Loaded on first use: rss-parser and xml2js cost ~20 ms at a Lambda cold start, and most polls are 304s
  // that never parse.
  const { default: Parser } = await import('rss-parser');
  const parser = new Parser({
    defaultRSS: 2,
    customFields: {
      item: [
        [HIDDEN_CONTENT_FIELDS.description, CONTENT_FIELD_KEYS.description],
        [HIDDEN_CONTENT_FIELDS.content, CONTENT_FIELD_KEYS.content],
        [HIDDEN_CONTENT_FIELDS['content:encoded'], CONTENT_FIELD_KEYS.encoded],
      ],
    },
  });
  const feed = await parser.parseString(xml);
  return { title: feed.title, link: feed.link, items: Array.isArray(feed.items) ? feed.items : [] };
}
