/**
 * Names of the custom metrics the handlers emit through Powertools Metrics. The CDK observability construct
 * imports the same names for its alarms and dashboard, so a renamed metric cannot leave an alarm watching
 * nothing.
 */
export const METRICS = {
  /** Dispatch: feeds whose next poll time had passed. */
  feedsDue: 'FeedsDue',
  /** Dispatch: feeds put on the ingest queue. */
  feedsEnqueued: 'FeedsEnqueued',
  /** Ingest: every poll of a feed, whatever its outcome. */
  feedsPolled: 'FeedsPolled',
  /** Ingest: polls that read a new version of the feed (HTTP 200, parsed). */
  feedsFetched: 'FeedsFetched',
  /** Ingest: polls answered 304 Not Modified. */
  feedsUnchanged: 'FeedsUnchanged',
  /** Ingest: polls that failed (HTTP error, refused address, not a feed); the feed backs off. */
  feedFailures: 'FeedFailures',
  /** Ingest: feeds retired after 410 Gone. */
  feedsRetired: 'FeedsRetired',
  newStories: 'NewStories',
  relevantStories: 'RelevantStories',
  alertsCreated: 'AlertsCreated',
  alertsCorroborated: 'AlertsCorroborated',
  /** Ingest: queue messages dropped because they could not be read or named an unknown feed. */
  messagesDropped: 'MessagesDropped',
  /** Notify: alerts published to the SNS topic. */
  alertsNotified: 'AlertsNotified',
} as const;

/** The namespace of every tiewatch metric. */
export const METRICS_NAMESPACE = 'tiewatch';
