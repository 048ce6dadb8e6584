/** Where the dispatcher puts feeds that are due; the ingest side takes them one message per feed. */
export interface FeedQueue {
  enqueue(feedUrls: string[]): Promise<void>;
}
