import { createHash } from 'node:crypto';
import type { FeedRequest, FeedResponse } from './feed-api-types';

/** A representation ready to send, before conditional GET decides between 200 and 304. */
export interface Representation {
  body: string;
  contentType: string;
  /** The newest change the body shows (a new alert or a new source); second precision on the wire. */
  lastModified?: Date;
  cacheControl: string;
  headers?: Record<string, string>;
}

/** A strong validator from the body itself: equal bytes, equal tag, whatever produced them. */
function entityTagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** If-None-Match as a list of opaque tags; weak and strong forms compare equal for GET (RFC 9110 13.1.2). */
function matchesAnyTag(header: string, tag: string): boolean {
  return header.split(',').some((candidate) => {
    const trimmed = candidate.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === tag;
  });
}

function notModifiedSince(header: string, lastModified: Date | undefined): boolean {
  if (lastModified === undefined) return false;
  const since = Date.parse(header);
  // HTTP dates have whole seconds, so compare at that precision or a fresh copy would never match.
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

/**
 * Answers a GET with the representation, or with 304 when the client's copy is current. If-None-Match wins
 * over If-Modified-Since when both are sent, as RFC 9110 says.
 */
export function respondConditionally(request: FeedRequest, representation: Representation): FeedResponse {
  const tag = entityTagOf(representation.body);
  const validators: Record<string, string> = {
    etag: tag,
    'cache-control': representation.cacheControl,
    ...(representation.lastModified === undefined
      ? {}
      : { 'last-modified': representation.lastModified.toUTCString() }),
  };
  const ifNoneMatch = request.headers['if-none-match'];
  const ifModifiedSince = request.headers['if-modified-since'];
  const unchanged =
    ifNoneMatch !== undefined
      ? matchesAnyTag(ifNoneMatch, tag)
      : ifModifiedSince !== undefined && notModifiedSince(ifModifiedSince, representation.lastModified);
  if (unchanged) return { status: 304, headers: { ...representation.headers, ...validators }, body: '' };
  return {
    status: 200,
    headers: { ...representation.headers, ...validators, 'content-type': representation.contentType },
    body: representation.body,
  };
}
