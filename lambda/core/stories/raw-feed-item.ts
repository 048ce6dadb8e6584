/**
 * One feed item as a parser hands it over, before normalisation: every field optional and untrusted
 * (markup, entities, any length). The feed-parser adapter validates its parser's output into this shape.
 */
export interface RawFeedItem {
  title?: string;
  link?: string;
  guid?: string;
  /** Date strings in order of preference (e.g. published, then updated). */
  dates: string[];
  /** Summary candidates in order of preference (description, summary, full content); may hold HTML. */
  summaries: string[];
}

/** Where an item came from and when it was read. */
export interface FeedContext {
  feedUrl: string;
  /** The registry's name for the feed; stories use it as their source. */
  feedName?: string;
  /** The feed's own home link, against which relative item links are resolved. */
  siteUrl?: string;
  fetchedAt: Date;
}
