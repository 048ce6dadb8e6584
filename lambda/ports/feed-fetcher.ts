/** Validators from the last successful fetch, sent back for a conditional GET. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

/** The outcome of fetching one feed URL; every failure carries a reason fit for the feed's stored state. */
export type FetchResult =
  | {
      kind: 'ok';
      /** Decoded text (charset from header, then XML declaration, then BOM). */
      body: string;
      finalUrl: string;
      etag?: string;
      lastModified?: string;
    }
  | { kind: 'not-modified' }
  | { kind: 'gone'; status: 410 }
  | { kind: 'failed'; reason: string; status?: number; retryAfterSeconds?: number };

export interface FeedFetcher {
  fetch(url: string, validators: Validators): Promise<FetchResult>;
}
