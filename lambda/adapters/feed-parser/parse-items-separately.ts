import type { FeedDialect } from './inspect-document';
import { findItemElements } from './item-elements';
import { closingTags, openElements } from './markup-tokens';
import { type RssParserOutput, readWithRssParser } from './read-with-rss-parser';

export interface SeparateParse {
  feed: RssParserOutput;
  /** Items that could not be parsed even alone. */
  failed: number;
}

/**
 * The last resort when the whole document does not parse: the part before the first item (with its open
 * elements closed) is parsed for the feed's own fields, then each item alone inside a copy of the open
 * elements' start tags. One broken item, or a body cut off mid-item, costs only the items it breaks.
 *
 * @throws whatever rss-parser throws when even the feed's head cannot be parsed.
 */
export async function parseItemsSeparately(xml: string, dialect: FeedDialect): Promise<SeparateParse> {
  const { starts, end } = findItemElements(xml, dialect);
  const head = xml.slice(0, starts[0] ?? xml.length);
  const open = openElements(head);
  const close = closingTags(open.map((element) => element.name));
  const feed = await readWithRssParser(head + close);
  const wrapper = open.map((element) => element.startTag).join('');
  let failed = 0;
  for (const [index, start] of starts.entries()) {
    const next = starts[index + 1];
    const stop = next ?? (end > start ? end : xml.length);
    try {
      const single = await readWithRssParser(wrapper + xml.slice(start, stop) + close);
      feed.items.push(...single.items);
    } catch {
      failed += 1;
    }
  }
  return { feed, failed };
}
