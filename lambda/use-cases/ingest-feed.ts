import { buildAlerts, sourceOfStory } from '../core/alerts/build-alerts';
import type { Classification, StoryText } from '../core/model/classification';
import type { FeedOutcome, FeedState } from '../core/model/feed';
import type { Story } from '../core/model/story';
import { fingerprintText, NEAR_DUPLICATE_THRESHOLD, similarity } from '../core/stories/similarity';
import { storyTextOf } from '../core/stories/story-text';
import type { AlertStore } from '../ports/alert-store';
import type { Clock } from '../ports/clock';
import type { FeedFetcher } from '../ports/feed-fetcher';
import type { FeedRegistry } from '../ports/feed-registry';
import type { RecentStory, StoryStore } from '../ports/story-store';

/** Reads feed text into normalised stories; throws a typed error with a readable reason when it can't. */
export type ParseFeed = (
  xml: string,
  context: { feedUrl: string; feedName?: string; fetchedAt: Date },
) => Promise<{ stories: Story[]; skipped: number; repairs: string[] }>;

export interface IngestDeps {
  registry: FeedRegistry;
  stories: StoryStore;
  alerts: AlertStore;
  fetcher: FeedFetcher;
  parse: ParseFeed;
  /** May be async, so a Lambda can load the classifier on the first story instead of at cold start. */
  classify: (story: StoryText) => Classification | Promise<Classification>;
  clock: Clock;
  /**
   * Stories published longer ago than this are ignored: their seen-marks may have expired, and
   * re-reading them would raise stale alerts.
   * @default 29 days (one day inside the default 30-day seen-story TTL)
   */
  maxStoryAgeMs?: number;
  log?: (event: string, data: Record<string, unknown>) => void;
}

export interface IngestReport {
  feedUrl: string;
  outcome: FeedOutcome;
  newStories: number;
  relevantStories: number;
  alertsCreated: number;
  alertsCorroborated: number;
}

const DEFAULT_MAX_STORY_AGE_MS = 29 * 24 * 3600 * 1000;

/** Raised when the feed is not in the registry (a stale queue message, or a feed removed meanwhile). */
export class UnknownFeedError extends Error {
  constructor(readonly feedUrl: string) {
    super(`feed not registered: ${feedUrl}`);
    this.name = 'UnknownFeedError';
  }
}

/**
 * Polls one feed and stores what is new in it: fetch (conditional) → parse → drop seen stories →
 * classify → record alerts (or corroborate existing ones) → mark stories seen → update the feed's state.
 *
 * Feed-level failures (HTTP errors, refused addresses, broken XML) are recorded on the feed and never
 * thrown. Storage errors are thrown, so the caller retries the whole feed; every write before the failure
 * was idempotent (alerts before seen-marks), so the retry creates no duplicate and loses nothing.
 */
export async function ingestFeed(deps: IngestDeps, target: string | FeedState): Promise<IngestReport> {
  // A cycle passes the state it just listed; a queue message carries only the URL.
  const feed = typeof target === 'string' ? await deps.registry.get(target) : target;
  if (!feed) throw new UnknownFeedError(String(target));
  const feedUrl = feed.url;
  const startedAt = deps.clock.now();
  const report = (outcome: FeedOutcome, counts: Partial<IngestReport> = {}): IngestReport => ({
    feedUrl,
    outcome,
    newStories: 0,
    relevantStories: 0,
    alertsCreated: 0,
    alertsCorroborated: 0,
    ...counts,
  });

  const fetched = await deps.fetcher.fetch(feedUrl, {
    ...(feed.etag ? { etag: feed.etag } : {}),
    ...(feed.lastModified ? { lastModified: feed.lastModified } : {}),
  });
  if (fetched.kind !== 'ok') {
    const outcome: FeedOutcome =
      fetched.kind === 'not-modified'
        ? { kind: 'unchanged' }
        : fetched.kind === 'gone'
          ? { kind: 'gone', reason: 'HTTP 410 Gone' }
          : {
              kind: 'failed',
              reason: fetched.reason,
              ...(fetched.retryAfterSeconds !== undefined
                ? { retryAfterSeconds: fetched.retryAfterSeconds }
                : {}),
            };
    if (outcome.kind !== 'unchanged') deps.log?.('feed-failed', { feedUrl, outcome });
    await deps.registry.recordOutcome(feedUrl, outcome, deps.clock.now(), feed);
    return report(outcome);
  }

  let parsed: Awaited<ReturnType<ParseFeed>>;
  try {
    parsed = await deps.parse(fetched.body, {
      feedUrl,
      ...(feed.name ? { feedName: feed.name } : {}),
      fetchedAt: startedAt,
    });
  } catch (error) {
    const outcome: FeedOutcome = { kind: 'failed', reason: reasonOf(error) };
    deps.log?.('feed-failed', { feedUrl, outcome });
    await deps.registry.recordOutcome(feedUrl, outcome, deps.clock.now(), feed);
    return report(outcome);
  }
  if (parsed.repairs.length > 0 || parsed.skipped > 0) {
    deps.log?.('feed-repaired', { feedUrl, repairs: parsed.repairs, skipped: parsed.skipped });
  }

  const oldest = startedAt.getTime() - (deps.maxStoryAgeMs ?? DEFAULT_MAX_STORY_AGE_MS);
  const candidates = uniqueByKey(parsed.stories).filter((s) => Date.parse(s.published) >= oldest);
  const seen = await deps.stories.filterSeen(
    candidates.map((s) => s.key),
    startedAt,
  );
  const fresh = candidates.filter((s) => !seen.has(s.key));

  const counts = { newStories: fresh.length, relevantStories: 0, alertsCreated: 0, alertsCorroborated: 0 };
  let recent: RecentStory[] | undefined;
  for (const story of fresh) {
    const classification = await deps.classify(storyTextOf(story));
    if (!classification.relevant) continue;
    counts.relevantStories += 1;
    // The recent-story window is read only when a feed has a relevant story: most polls have none.
    recent ??= await deps.stories.recentRelevant(startedAt);
    const fingerprint = fingerprintText(story.title, story.summary);
    const original = recent.find(
      (r) => r.key !== story.key && similarity(r.text, fingerprint) >= NEAR_DUPLICATE_THRESHOLD,
    );
    const alertIds: string[] = [];
    if (original) {
      // A syndicated copy: it corroborates what the first report raised and never raises a second alert.
      for (const alertId of original.alertIds) {
        if (await deps.alerts.addSource(alertId, sourceOfStory(story, startedAt)))
          counts.alertsCorroborated += 1;
      }
    } else {
      for (const alert of buildAlerts(story, classification, startedAt)) {
        const result = await deps.alerts.record(alert);
        if (result.kind === 'created') counts.alertsCreated += 1;
        else if (result.added) counts.alertsCorroborated += 1;
        alertIds.push(alert.id);
      }
      const remembered: RecentStory = {
        key: story.key,
        alertIds,
        text: fingerprint,
        published: story.published,
      };
      await deps.stories.rememberRelevant(remembered, startedAt);
      recent.push(remembered);
    }
  }
  // Seen-marks go last: a run killed before this point re-reads these stories, and the alert writes above
  // are idempotent, so the rerun ends in the same state.
  await deps.stories.markSeen(fresh, startedAt);

  const outcome: FeedOutcome = {
    kind: 'fetched',
    ...(fetched.etag ? { etag: fetched.etag } : {}),
    ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
    items: parsed.stories.length,
    newStories: fresh.length,
    alerts: counts.alertsCreated,
  };
  await deps.registry.recordOutcome(feedUrl, outcome, deps.clock.now(), feed);
  return report(outcome, counts);
}

function uniqueByKey(stories: Story[]): Story[] {
  const byKey = new Map<string, Story>();
  for (const story of stories) if (!byKey.has(story.key)) byKey.set(story.key, story);
  return [...byKey.values()];
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
