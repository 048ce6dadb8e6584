import type { AlertStore } from '../ports/alert-store';

/** An HTTP request as the feed API reads it, whatever carried it (API Gateway, node:http, a test). */
export interface FeedRequest {
  method: string;
  /** The path without the query string, percent-encoded as received. */
  path: string;
  query: Record<string, string | undefined>;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  /** The carrier's request id (API Gateway's), quoted in 500 answers and logs. */
  requestId?: string;
}

export interface FeedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A baseline fact as the feed API needs it: the filter list and `GET /facts`. */
export interface FeedApiFact {
  id: string;
  statement: string;
}

/** Where failures are reported: the Lambda wraps Powertools' Logger, the local server writes to stderr. */
export interface FeedApiLogger {
  error(message: string, details: { requestId: string; error: unknown }): void;
}

export interface FeedApiDeps {
  alerts: AlertStore;
  baseline: { facts: readonly FeedApiFact[] };
  logger: FeedApiLogger;
  /**
   * The public origin and path prefix of the API (`https://feeds.example.org`), used in feed links. When
   * omitted it comes from the request's Host and X-Forwarded-Proto headers.
   */
  publicUrl?: string;
}
