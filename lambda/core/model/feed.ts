/** A feed as the registry knows it, with the state that decides when it is polled next. */
export interface FeedState {
  url: string;
  name?: string;
  /** `retired` after a 410 Gone: never polled again until re-added. */
  status: 'active' | 'retired';
  etag?: string;
  lastModified?: string;
  lastSuccessAt?: string;
  lastAttemptAt?: string;
  consecutiveFailures: number;
  /** ISO 8601 time before which the feed is not polled (backoff, Retry-After, schedule). */
  nextDueAt: string;
  lastError?: string;
  addedAt: string;
}

/** What one poll of a feed came to; the registry turns it into the feed's next state. */
export type FeedOutcome =
  | {
      kind: 'fetched';
      etag?: string;
      lastModified?: string;
      items: number;
      newStories: number;
      alerts: number;
    }
  | { kind: 'unchanged' }
  | { kind: 'failed'; reason: string; retryAfterSeconds?: number }
  | { kind: 'gone'; reason: string };
