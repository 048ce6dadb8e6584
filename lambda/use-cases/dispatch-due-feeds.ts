import type { Clock } from '../ports/clock';
import type { FeedQueue } from '../ports/feed-queue';
import type { FeedRegistry } from '../ports/feed-registry';

export interface DispatchDeps {
  registry: FeedRegistry;
  queue: FeedQueue;
  clock: Clock;
}

/**
 * Puts every feed that is due (its backoff or Retry-After has passed) on the ingest queue, one message per
 * feed, so a thousand feeds cost the same code as one. A feed enqueued twice (a slow queue) is harmless:
 * its second poll is a conditional GET and every write is idempotent.
 */
export async function dispatchDueFeeds(deps: DispatchDeps): Promise<{ due: number; enqueued: number }> {
  const due = await deps.registry.listDue(deps.clock.now());
  const urls = due.map((feed) => feed.url);
  if (urls.length > 0) await deps.queue.enqueue(urls);
  return { due: due.length, enqueued: urls.length };
}
