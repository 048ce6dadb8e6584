import pLimit from 'p-limit';
import type { FeedState } from '../core/model/feed';
import { type IngestDeps, type IngestReport, ingestFeed } from './ingest-feed';

export interface CycleProgress {
  feedsDone: number;
  feedsTotal: number;
  newStories: number;
  alertsCreated: number;
}

export interface CycleSummary extends CycleProgress {
  feedsFetched: number;
  feedsUnchanged: number;
  feedsFailed: number;
  relevantStories: number;
  alertsCorroborated: number;
  reports: IngestReport[];
}

export interface CycleOptions {
  /**
   * Feeds polled at once. The fetcher separately keeps at most 2 requests per host.
   * @default 16
   */
  concurrency?: number;
  /** Poll every active feed, not only those that are due (the first local cycle, tests). */
  includeNotDue?: boolean;
  onProgress?: (progress: CycleProgress) => void;
}

/**
 * One polling cycle on one machine: the same ingestFeed the ingest Lambda runs, for every due feed, with
 * bounded concurrency. In AWS the dispatcher and the queue take this loop's place.
 */
export async function runCycle(deps: IngestDeps, options: CycleOptions = {}): Promise<CycleSummary> {
  const now = deps.clock.now();
  const polled: FeedState[] = options.includeNotDue
    ? (await deps.registry.list()).filter((f) => f.status === 'active')
    : await deps.registry.listDue(now);
  // A fixed order makes a rerun after a crash meet syndicated copies in the same order as an uninterrupted
  // run, so the same copy becomes the original that the others corroborate.
  const feeds = polled.sort((a, b) => a.url.localeCompare(b.url));
  const summary: CycleSummary = {
    feedsDone: 0,
    feedsTotal: feeds.length,
    newStories: 0,
    alertsCreated: 0,
    feedsFetched: 0,
    feedsUnchanged: 0,
    feedsFailed: 0,
    relevantStories: 0,
    alertsCorroborated: 0,
    reports: [],
  };
  options.onProgress?.(summary);
  const limit = pLimit(options.concurrency ?? 16);
  await Promise.all(
    feeds.map((feed) =>
      limit(async () => {
        const report = await ingestFeed(deps, feed);
        summary.reports.push(report);
        summary.feedsDone += 1;
        summary.newStories += report.newStories;
        summary.relevantStories += report.relevantStories;
        summary.alertsCreated += report.alertsCreated;
        summary.alertsCorroborated += report.alertsCorroborated;
        if (report.outcome.kind === 'fetched') summary.feedsFetched += 1;
        else if (report.outcome.kind === 'unchanged') summary.feedsUnchanged += 1;
        else summary.feedsFailed += 1;
        options.onProgress?.(summary);
      }),
    ),
  );
  return summary;
}
