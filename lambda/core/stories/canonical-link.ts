/**
 * Query parameters that only track how a reader arrived, never which page they get. Matched
 * case-insensitively; entries ending in `_` are prefixes (`utm_` covers utm_source, utm_medium, …).
 */
const TRACKING_PARAMS = new Set([
  '_ga',
  '_gl',
  'cmp',
  'cmpid',
  'dclid',
  'fbclid',
  'gbraid',
  'gclid',
  'igsh',
  'igshid',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  'msclkid',
  'ocid',
  'ref',
  'ref_src',
  'ref_url',
  'scm',
  'smid',
  'spm',
  'wbraid',
  'wt.mc_id',
  'yclid',
]);
const TRACKING_PREFIXES = ['utm_', 'at_', 'ns_', 'pk_', 'mtm_'];

/** Longer links are not stored: a truncated URL points somewhere else, and keys must stay small. */
export const MAX_LINK_CHARS = 2048;

/**
 * The link a story is known by: absolute (resolved against `base`), http or https only, host
 * lower-cased, default port, fragment and tracking parameters removed, remaining parameters sorted.
 *
 * Sorting is a deliberate choice: share buttons and feed generators rebuild query strings in different
 * orders, and news sites do not give parameter order a meaning, so `?id=7&page=2` and `?page=2&id=7`
 * are the same story. The sort is stable, so repeated parameters keep their relative order.
 *
 * @returns undefined for anything that is not a usable web link (mailto:, javascript:, junk, too long).
 */
export function canonicalLink(href: string, base?: string): string | undefined {
  const trimmed = href.trim();
  if (trimmed === '') return undefined;
  const url = parseUrl(trimmed, base);
  if (!url) return undefined;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.hostname === '') return undefined;
  url.hash = '';
  url.username = '';
  url.password = '';
  url.search = cleanQuery(url.search);
  const canonical = url.toString();
  return canonical.length <= MAX_LINK_CHARS ? canonical : undefined;
}

/** Absolute links never depend on the base, so a junk base cannot cost a good link. */
function parseUrl(href: string, base: string | undefined): URL | undefined {
  try {
    return new URL(href);
  } catch {
    // Relative: resolved against the base below.
  }
  if (!base) return undefined;
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

/**
 * Drops tracking pairs and sorts the rest by name, working on the raw pairs so each keeps the encoding
 * the publisher gave it (URLSearchParams would re-encode `,` `/` `%20` and change the link).
 */
function cleanQuery(search: string): string {
  if (search.length <= 1) return '';
  const pairs = search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(paramName(pair)));
  const sorted = pairs
    .map((pair, index) => ({ pair, index, name: paramName(pair) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.index - b.index))
    .map((entry) => entry.pair);
  return sorted.length === 0 ? '' : `?${sorted.join('&')}`;
}

function paramName(pair: string): string {
  const raw = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}
