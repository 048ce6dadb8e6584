import type { FeedOutcome, FeedState } from '../core/model/feed';

export interface NewFeed {
  url: string;
  name?: string;
}

/** The feeds tiewatch polls and each one's health. */
export interface FeedRegistry {
  /**
   * Adds feeds that are not registered yet; never overwrites an existing feed's state. Returns how many were
   * added. A URL the registry cannot hold fails the whole call with FeedUrlTooLongError before any write.
   */
  add(feeds: NewFeed[], now: Date): Promise<number>;
  remove(url: string): Promise<boolean>;
  get(url: string): Promise<FeedState | undefined>;
  list(): Promise<FeedState[]>;
  /** Active feeds whose `nextDueAt` has passed. */
  listDue(now: Date): Promise<FeedState[]>;
  /**
   * Stores what a poll came to and schedules the next one. `current` is the state the poll started from,
   * when the caller has it: passing it saves a read per poll, which is most of the cost of a 304 cycle.
   */
  recordOutcome(url: string, outcome: FeedOutcome, now: Date, current?: FeedState): Promise<FeedState>;
}

/** The feed is not in the registry (never added, or removed while it was being polled). */
export class FeedNotFoundError extends Error {
  constructor(readonly feedUrl: string) {
    super(`feed not registered: ${feedUrl}`);
    this.name = 'FeedNotFoundError';
  }
}

/** The registry keys a feed by its URL, and this one is longer than its key can hold. */
export class FeedUrlTooLongError extends Error {
  constructor(
    readonly feedUrl: string,
    readonly maxBytes: number,
  ) {
    super(`feed URL is longer than the ${maxBytes} bytes the registry can hold: ${feedUrl.slice(0, 80)}…`);
    this.name = 'FeedUrlTooLongError';
  }
}
