import { readFileSync } from 'node:fs';
import { parseFeedList } from '../lambda/core/feeds/parse-feed-list';
import type { NewFeed } from '../lambda/ports/feed-registry';

/** Raised at synth time when the curated feed list cannot be deployed; names the file and the problem. */
export class InvalidFeedListError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`cannot deploy the feed list ${path}: ${detail}`);
    this.name = 'InvalidFeedListError';
  }
}

/**
 * Reads the curated feed list (config/feeds.json) that the stack seeds into the registry, with the same
 * parser as `tiewatch feeds add`. Checked at synth time, so a broken list stops `cdk synth`, not a deploy.
 */
export function loadFeedList(path: string): NewFeed[] {
  try {
    return parseFeedList(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InvalidFeedListError(path, error instanceof Error ? error.message : String(error));
  }
}
