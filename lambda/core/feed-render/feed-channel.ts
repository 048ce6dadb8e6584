import type { Alert } from '../model/alert';

/** Where a rendered feed lives and what it is called; every URL is absolute and built by the caller. */
export interface FeedChannel {
  /** e.g. "tiewatch alerts — kind update". */
  title: string;
  description: string;
  /** The HTML page with the same filters. */
  homeUrl: string;
  atomUrl: string;
  rssUrl: string;
  jsonFeedUrl: string;
  /** The page of one alert, for entries whose story has no http(s) link. */
  alertUrl: (alertId: string) => string;
  /**
   * When the feed last changed. Passed in rather than taken from the clock so that an unchanged feed renders
   * to the same bytes, which is what lets its ETag match.
   */
  updated: Date;
}

/**
 * The entry id of an alert in every feed format. It depends on the alert id alone, which is derived from the
 * change itself, so corroborating sources never make a reader show the entry again.
 */
export function entryIdOf(alert: Pick<Alert, 'id'>): string {
  return `urn:tiewatch:alert:${encodeURIComponent(alert.id)}`;
}

/** The most recent change among the alerts: a new alert or a new corroborating source. */
export function lastChangeOf(alerts: readonly Alert[]): Date | undefined {
  let latest: number | undefined;
  for (const alert of alerts) {
    for (const time of [alert.firstSeen, ...alert.sources.map((source) => source.seenAt)]) {
      const value = Date.parse(time);
      if (!Number.isNaN(value) && (latest === undefined || value > latest)) latest = value;
    }
  }
  return latest === undefined ? undefined : new Date(latest);
}
