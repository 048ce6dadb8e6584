import { createHash } from 'node:crypto';

/** What a story's identity is derived from, strongest first. */
export interface StoryIdentity {
  /** Canonical link (see canonicalLink). */
  link?: string;
  guid?: string;
  title: string;
  summary: string;
  /** Scopes guids that are not URIs: "12345" from two different feeds is not the same story. */
  feedUrl: string;
}

/** A guid with a URI scheme (http:, tag:, urn:) is meant to be unique worldwide; anything else only per feed. */
const URI_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\S/;

/**
 * A story's identity across feeds: `l:` + hash of the canonical link (without its scheme, so http and
 * https copies of one page match), else `g:` + hash of the guid (feed-scoped unless it is a URI), else
 * `h:` + hash of the case-folded title and summary. Hashes are SHA-256, base64url, first 22 characters
 * (132 bits): short enough for a DynamoDB key, far from any chance collision.
 */
export function storyKey(identity: StoryIdentity): string {
  if (identity.link) return `l:${shortHash(identity.link.replace(/^https?:/, ''))}`;
  const guid = identity.guid?.trim();
  if (guid) return `g:${shortHash(URI_SCHEME.test(guid) ? guid : `${identity.feedUrl}\n${guid}`)}`;
  return `h:${shortHash(contentText(identity.title, identity.summary))}`;
}

function contentText(title: string, summary: string): string {
  return `${title}\n${summary}`.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}
