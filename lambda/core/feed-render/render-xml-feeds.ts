import { Feed } from 'feed';
import type { Alert } from '../model/alert';
import { cleanText, escapeHtml } from './clean-text';
import { describeAlert } from './describe-alert';
import { entryIdOf, type FeedChannel } from './feed-channel';
import { renderAlertContent } from './render-alert-content';
import { safeLink } from './safe-link';

/**
 * Builds the `feed` package's model of the alerts.
 *
 * The package writes entry titles, summaries and content as HTML inside CDATA (Atom says `type="html"`) and
 * escapes none of them, and its CDATA writer splits only the first `]]>`. So every string handed to it for an
 * entry is already HTML-escaped text (or our own fragment of escaped text): a reader decodes it once and shows
 * `<script>` as text, and escaped text holds no `>` that could close the CDATA. Only http(s) URLs are passed,
 * because the package runs each one through `new URL()` and would throw on anything else.
 */
function buildFeed(alerts: readonly Alert[], channel: FeedChannel, selfUrl: string): Feed {
  const feed = new Feed({
    id: selfUrl,
    title: cleanText(channel.title),
    description: cleanText(channel.description),
    link: channel.homeUrl,
    language: 'en',
    updated: channel.updated,
    generator: 'tiewatch',
    feedLinks: { atom: channel.atomUrl, rss: channel.rssUrl, json: channel.jsonFeedUrl },
  });
  for (const alert of alerts) {
    const { headline, changes } = describeAlert(alert);
    const firstSeen = new Date(alert.firstSeen);
    feed.addItem({
      id: entryIdOf(alert),
      guid: entryIdOf(alert),
      title: escapeHtml(headline),
      link: safeLink(alert.link) ?? channel.alertUrl(alert.id),
      // Not the last corroboration's time: readers treat a newer `updated` as an edit worth resurfacing.
      date: firstSeen,
      description: escapeHtml(changes[0]?.evidence ?? alert.title),
      content: renderAlertContent(alert),
      category: [alert.kind, ...alert.factIds].map((term) => ({ name: term, term })),
    });
  }
  return feed;
}

/** Atom 1.0 document of the alerts, newest first as given. */
export function renderAtom(alerts: readonly Alert[], channel: FeedChannel): string {
  return buildFeed(alerts, channel, channel.atomUrl).atom1();
}

/** RSS 2.0 document of the alerts, newest first as given. */
export function renderRss(alerts: readonly Alert[], channel: FeedChannel): string {
  return buildFeed(alerts, channel, channel.rssUrl).rss2();
}
