/** An Atom date element holding plain text (dates in CDATA or with markup are left to the item fallback). */
const ATOM_DATE = /<((?:[\w.-]+:)?(?:published|updated))(\s[^<>]*)?>([^<]*)<\/\1\s*>/g;

/**
 * Empties Atom `published`/`updated` elements that hold no parseable date. rss-parser calls
 * `new Date(x).toISOString()` on them unguarded, so one bad date rejects the whole feed; emptied, the
 * story falls back to another date or the fetch time.
 */
export function clearUnparseableDates(xml: string, repairs: string[]): string {
  let cleared = 0;
  const repaired = xml.replace(
    ATOM_DATE,
    (match: string, name: string, attributes: string | undefined, text: string) => {
      if (Number.isFinite(Date.parse(text.trim()))) return match;
      cleared += 1;
      return `<${name}${attributes ?? ''}></${name}>`;
    },
  );
  if (cleared > 0) repairs.push(`cleared ${cleared} unparseable Atom dates`);
  return repaired;
}
