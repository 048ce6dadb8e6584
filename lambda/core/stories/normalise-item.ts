import type { Story } from '../model/story';
import { canonicalLink } from './canonical-link';
import { capText, toPlainText } from './plain-text';
import type { FeedContext, RawFeedItem } from './raw-feed-item';
import { storyDate } from './story-date';
import { storyKey } from './story-key';

/**
 * Field caps, in UTF-16 units. A story with every field at its cap stays under 8 KB, far below
 * DynamoDB's 400 KB item limit even with alerts' copies of it.
 */
export const STORY_LIMITS = {
  titleChars: 500,
  summaryChars: 2000,
  guidChars: 512,
  sourceChars: 200,
  /** A title made up from the summary (item without a title) is kept to a headline's length. */
  derivedTitleChars: 160,
} as const;

/**
 * Raw text beyond this multiple of a cap is not even looked at: markup rarely outweighs its text
 * more than tenfold, and the bound keeps a one-megabyte title from costing anything.
 */
const RAW_INPUT_FACTOR = 16;

/**
 * One raw item → a Story, or undefined when it has neither title nor summary text. Titles and summaries
 * become capped plain text; an item without a title takes the start of its summary as one; the date
 * falls back to the fetch time; the source is the feed's name, else the link's (or feed's) host.
 */
export function normaliseItem(item: RawFeedItem, context: FeedContext): Story | undefined {
  const rawTitle = toPlainText(item.title ?? '', STORY_LIMITS.titleChars * RAW_INPUT_FACTOR);
  const rawSummary = firstText(item.summaries);
  if (rawTitle === '' && rawSummary === '') return undefined;

  const title =
    rawTitle !== ''
      ? capText(rawTitle, STORY_LIMITS.titleChars)
      : capText(rawSummary, STORY_LIMITS.derivedTitleChars);
  const summary = capText(rawSummary, STORY_LIMITS.summaryChars);
  const base = (context.siteUrl && canonicalLink(context.siteUrl, context.feedUrl)) || context.feedUrl;
  const guid = cleanGuid(item.guid);
  // An RSS guid that is a web address is the item's permalink by the spec's default (isPermaLink).
  const link = canonicalLink(item.link ?? '', base) ?? (guid ? canonicalLink(guid) : undefined);

  return {
    key: storyKey({ link, guid, title, summary, feedUrl: context.feedUrl }),
    title,
    summary,
    ...(link ? { link } : {}),
    ...(guid ? { guid: capText(guid, STORY_LIMITS.guidChars) } : {}),
    published: storyDate(item.dates, context.fetchedAt),
    source: capText(context.feedName?.trim() || hostOf(link ?? context.feedUrl), STORY_LIMITS.sourceChars),
    feedUrl: context.feedUrl,
  };
}

function firstText(candidates: readonly string[]): string {
  for (const candidate of candidates) {
    const text = toPlainText(candidate, STORY_LIMITS.summaryChars * RAW_INPUT_FACTOR);
    if (text !== '') return text;
  }
  return '';
}

function cleanGuid(guid: string | undefined): string | undefined {
  const text = guid ? toPlainText(guid, STORY_LIMITS.guidChars * RAW_INPUT_FACTOR) : '';
  return text === '' ? undefined : text;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
