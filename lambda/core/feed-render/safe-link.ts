/**
 * The link as an absolute http(s) URL, or undefined. Links come from third-party feeds, and a reader or a
 * browser follows whatever is emitted, so `javascript:`, `data:` and anything unparseable are dropped.
 */
export function safeLink(link: string | undefined): string | undefined {
  if (link === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // Credentials in a link are never something a feed should hand on to its readers.
  if (url.username !== '' || url.password !== '') return undefined;
  return url.href;
}
