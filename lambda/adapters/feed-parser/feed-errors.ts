/** The body is something other than a feed (an HTML page, JSON, nothing): the URL is wrong, not the feed. */
export class NotAFeedError extends Error {
  constructor(what: string) {
    super(`not a feed: ${what}`);
    this.name = 'NotAFeedError';
  }
}

/** The body is a feed document that cannot be read safely or at all, even after repair. */
export class FeedParseError extends Error {
  constructor(reason: string) {
    super(`feed could not be parsed: ${reason}`);
    this.name = 'FeedParseError';
  }
}
