import type { FeedFetcher, FetchResult, Validators } from '../../lambda/ports/feed-fetcher';

/**
 * Lets `npm start` reach its own loopback example server while every other feed keeps the full network
 * safety: URLs on a trusted origin go to a fetcher that allows private addresses, the rest to the guarded one.
 */
export class TrustedOriginFetcher implements FeedFetcher {
  constructor(
    private readonly trustedOrigins: ReadonlySet<string>,
    private readonly trusted: FeedFetcher,
    private readonly guarded: FeedFetcher,
  ) {}

  fetch(url: string, validators: Validators): Promise<FetchResult> {
    const origin = URL.canParse(url) ? new URL(url).origin : '';
    return (this.trustedOrigins.has(origin) ? this.trusted : this.guarded).fetch(url, validators);
  }
}
