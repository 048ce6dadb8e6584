import type { Story } from '../../core/model/story';
import { newestStories } from '../../core/stories/newest-stories';
import { normaliseItem } from '../../core/stories/normalise-item';
import { capText, toPlainText } from '../../core/stories/plain-text';
import type { FeedContext } from '../../core/stories/raw-feed-item';
import { boundMarkup } from './bound-markup';
import { capItemElements } from './cap-item-elements';
import { clearUnparseableDates } from './clear-unparseable-dates';
import { FeedParseError } from './feed-errors';
import { hideContentFromSnippets } from './hide-content-from-snippets';
import { inspectDocument } from './inspect-document';
import { parseItemsSeparately } from './parse-items-separately';
import { rawItemSchema } from './raw-item-schema';
import { type RssParserOutput, readWithRssParser } from './read-with-rss-parser';
import { removeDoctype } from './remove-doctype';
import { removeForbiddenChars } from './remove-forbidden-chars';
import { repairEntityReferences } from './repair-entity-references';
import { xmlValueText } from './xml-value-text';

/** What the caller knows about the body: where it came from and when. */
export interface ParseContext {
  feedUrl: string;
  /** The registry's name for the feed, used as the stories' source. */
  feedName?: string;
  fetchedAt: Date;
}

export interface ParsedFeed {
  /** The feed's own title, as plain text. */
  title?: string;
  /** Newest first, at most 200, unique by key. */
  stories: Story[];
  /** Items lost: unparseable even alone, or with neither title nor summary. */
  skipped: number;
  /** Each repair applied to the body, for the logs. */
  repairs: string[];
}

const FEED_TITLE_CHARS = 200;

/**
 * Reads a decoded feed body (RSS 0.9x, 1.0, 2.0 or Atom) into normalised stories. Hostile or broken
 * input is repaired before rss-parser sees it (DOCTYPE removed, forbidden characters deleted, bare `&`
 * escaped, item count and markup depth bounded, bad Atom dates cleared); if the document still does not
 * parse, items are parsed one by one and only the broken ones are lost.
 *
 * @throws NotAFeedError for an HTML page, JSON, an empty body or another XML document.
 * @throws FeedParseError when the document uses custom entities or cannot be read even item by item.
 */
export async function parseFeed(xml: string, context: ParseContext): Promise<ParsedFeed> {
  const shape = inspectDocument(xml);
  const repairs: string[] = [];
  let body = removeDoctype(xml, shape, repairs);
  body = capItemElements(body, shape.dialect, repairs);
  body = removeForbiddenChars(body, repairs);
  body = boundMarkup(body, repairs);
  body = repairEntityReferences(body, repairs);
  body = clearUnparseableDates(body, repairs);
  body = hideContentFromSnippets(body);

  let feed: RssParserOutput;
  let skipped = 0;
  try {
    feed = await readWithRssParser(body);
  } catch (wholeError) {
    try {
      const separate = await parseItemsSeparately(body, shape.dialect);
      feed = separate.feed;
      skipped += separate.failed;
      repairs.push(`parsed items one by one after: ${describe(wholeError)}; ${separate.failed} unreadable`);
    } catch {
      throw new FeedParseError(describe(wholeError));
    }
  }

  const title = toPlainText(xmlValueText(feed.title) ?? '', FEED_TITLE_CHARS * 16);
  const siteUrl = xmlValueText(feed.link);
  const feedContext: FeedContext = {
    feedUrl: context.feedUrl,
    fetchedAt: context.fetchedAt,
    ...(context.feedName ? { feedName: context.feedName } : {}),
    ...(siteUrl ? { siteUrl } : {}),
  };
  const stories: Story[] = [];
  for (const item of feed.items) {
    const raw = rawItemSchema.safeParse(item);
    const story = raw.success ? normaliseItem(raw.data, feedContext) : undefined;
    if (story) stories.push(story);
    else skipped += 1;
  }
  return {
    ...(title ? { title: capText(title, FEED_TITLE_CHARS) } : {}),
    stories: newestStories(stories),
    skipped,
    repairs,
  };
}

/** sax messages span lines ("Unexpected close tag\nLine: 0\nColumn: 72\nChar: >"); one line reads better. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const [first, ...details] = message.split('\n');
  const place = details.filter((line) => /^(Line|Column):/.test(line)).join(', ');
  return place ? `${first} (${place})` : (first ?? message);
}
