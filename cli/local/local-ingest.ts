import { parseFeed } from '../../lambda/adapters/feed-parser/parse-feed';
import { type AddressPolicy, judgeAddress } from '../../lambda/adapters/http/address-policy';
import { HttpFeedFetcher } from '../../lambda/adapters/http/safe-feed-fetcher';
import { loadBaseline } from '../../lambda/baseline/load-baseline';
import { createClassifier } from '../../lambda/core/detect/classify';
import type { AlertStore } from '../../lambda/ports/alert-store';
import { systemClock } from '../../lambda/ports/clock';
import type { FeedFetcher } from '../../lambda/ports/feed-fetcher';
import type { FeedRegistry } from '../../lambda/ports/feed-registry';
import type { StoryStore } from '../../lambda/ports/story-store';
import type { IngestDeps } from '../../lambda/use-cases/ingest-feed';
import { TrustedOriginFetcher } from './trusted-origin-fetcher';

export interface LocalIngestOptions {
  /** Baseline file to classify against. @default the shipped baseline */
  baselinePath?: string;
  /** Lift the address policy for every feed (`--allow-private-network`). @default false */
  allowPrivateNetwork?: boolean;
  /** Origins allowed to be private even when the policy is on: `npm start`'s own example server. */
  trustedOrigins?: string[];
  log?: IngestDeps['log'];
}

/** Wires the ingest use case for this machine: the same adapters the ingest Lambda uses, on local stores. */
export function createLocalIngestDeps(
  stores: { registry: FeedRegistry; stories: StoryStore; alerts: AlertStore },
  options: LocalIngestOptions = {},
): IngestDeps {
  const guarded = new HttpFeedFetcher({ allowPrivateNetwork: options.allowPrivateNetwork ?? false });
  const fetcher: FeedFetcher =
    options.trustedOrigins && options.trustedOrigins.length > 0 && !options.allowPrivateNetwork
      ? new TrustedOriginFetcher(
          new Set(options.trustedOrigins),
          new HttpFeedFetcher({ addressPolicy: loopbackOrPublic }),
          guarded,
        )
      : guarded;
  return {
    ...stores,
    fetcher,
    parse: parseFeed,
    classify: createClassifier(loadBaseline(options.baselinePath)),
    clock: systemClock,
    ...(options.log ? { log: options.log } : {}),
  };
}

/** The example server is on loopback; a redirect from it to any other private address is still refused. */
export const loopbackOrPublic: AddressPolicy = (address) =>
  address === '127.0.0.1' || address === '::1' ? { allowed: true } : judgeAddress(address);
