import { BadParameterError } from './feed-api-errors';
import type { FeedRequest } from './feed-api-types';

/** A host name or address with an optional port; anything else in Host would end up inside our feed links. */
const HOST_PATTERN = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
const PREFIX_PATTERN = /^(?:\/[A-Za-z0-9_-]+)*$/;

/**
 * The absolute base of every link the API emits (no trailing slash). A configured public URL wins; otherwise
 * it comes from the request: Host, X-Forwarded-Proto (API Gateway sets it), and X-Forwarded-Prefix (the Lambda
 * handler sets it for a named stage).
 */
export function publicBaseOf(request: FeedRequest, configured: string | undefined): string {
  if (configured !== undefined) return configured.replace(/\/+$/, '');
  const host = request.headers.host ?? 'localhost';
  if (!HOST_PATTERN.test(host)) throw new BadParameterError('Host', 'not a host name');
  const forwardedProto = request.headers['x-forwarded-proto']?.split(',')[0]?.trim();
  const protocol = forwardedProto === 'https' ? 'https' : 'http';
  const prefix = request.headers['x-forwarded-prefix'] ?? '';
  return `${protocol}://${host}${PREFIX_PATTERN.test(prefix) ? prefix : ''}`;
}

/** A URL under the base with the given query parameters (unset ones left out). */
export function linkTo(base: string, path: string, query: Record<string, string | undefined> = {}): string {
  const url = new URL(`${base}${path}`);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') url.searchParams.set(name, value);
  }
  return url.href;
}
