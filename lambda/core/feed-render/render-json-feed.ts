import type { Alert } from '../model/alert';
import { cleanText } from './clean-text';
import { describeAlert } from './describe-alert';
import { entryIdOf, type FeedChannel } from './feed-channel';
import { renderAlertContent, renderAlertText } from './render-alert-content';
import { safeLink } from './safe-link';

/** The JSON Feed 1.1 version URL, which the `feed` package gets wrong (it says 1). */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/**
 * JSON Feed 1.1 document of the alerts. Written here as plain JSON rather than through the `feed` package:
 * the format is plain data, JSON.stringify cannot produce markup, and the package announces version 1.
 * `_tiewatch` is a JSON Feed extension object carrying the alert's structured fields.
 */
export function renderJsonFeed(alerts: readonly Alert[], channel: FeedChannel): string {
  const document = {
    version: JSON_FEED_VERSION,
    title: cleanText(channel.title),
    description: cleanText(channel.description),
    home_page_url: channel.homeUrl,
    feed_url: channel.jsonFeedUrl,
    language: 'en',
    items: alerts.map((alert) => {
      const { headline, changes } = describeAlert(alert);
      return {
        id: entryIdOf(alert),
        url: safeLink(alert.link) ?? channel.alertUrl(alert.id),
        title: cleanText(headline),
        summary: cleanText(changes[0]?.evidence ?? alert.title),
        content_html: renderAlertContent(alert),
        content_text: renderAlertText(alert),
        date_published: new Date(alert.firstSeen).toISOString(),
        tags: [alert.kind, ...alert.factIds],
        _tiewatch: {
          alert_id: alert.id,
          kind: alert.kind,
          fact_ids: alert.factIds,
          countries: alert.countries,
          source_count: alert.sources.length,
        },
      };
    }),
  };
  return JSON.stringify(document, null, 2);
}
