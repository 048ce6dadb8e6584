import type { AlertKind, CountryCode, FactFinding } from './classification';

/** A story that reported a change: the first one, or a later corroborating one. */
export interface AlertSource {
  storyKey: string;
  title: string;
  link?: string;
  source: string;
  published: string;
  /** When tiewatch first saw this story (ISO 8601). */
  seenAt: string;
}

/**
 * One distinct change against the baseline. Its id is derived from the change itself
 * (fact, verdict, observed value; or the development's signature), so every story that
 * reports the same change lands on the same alert and only adds a source to it.
 */
export interface Alert {
  id: string;
  kind: AlertKind;
  factIds: string[];
  findings: FactFinding[];
  countries: CountryCode[];
  title: string;
  link?: string;
  source: string;
  published: string;
  /** When the alert was created (ISO 8601); the feed and the time index order by it. */
  firstSeen: string;
  /** Every story that reported this change, the first one included, oldest first. */
  sources: AlertSource[];
}
