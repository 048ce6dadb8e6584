/**
 * A story as ingestion keeps it: normalised from one feed item, plain text, bounded in size.
 * `key` is its identity across feeds (canonical link, else guid, else a content hash).
 */
export interface Story {
  key: string;
  title: string;
  summary: string;
  /** Canonical link (http/https only), when the item had one. */
  link?: string;
  guid?: string;
  /** ISO 8601; the fetch time when the item had no usable date. */
  published: string;
  /** Human name of the feed it came from (or the link's host). */
  source: string;
  feedUrl: string;
}
