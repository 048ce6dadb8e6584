/**
 * One token of XML markup: a CDATA section, comment or processing instruction (whole), or a tag with its
 * close slash (group 1), name (group 2) and attributes (group 3, ending in `/` when self-closing). A tag's
 * body is `[^<>]*` and every lazy scan can end at the end of input, so a scan stays linear on hostile input.
 */
export const MARKUP_TOKEN =
  /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)|<\?[\s\S]*?(?:\?>|$)|<(\/?)([A-Za-z_][^\s<>/]*)([^<>]*)>/g;

/** Closing tags for elements left open, innermost first. */
export function closingTags(openNames: readonly string[]): string {
  let tags = '';
  for (const name of openNames) tags = `</${name}>${tags}`;
  return tags;
}

/** An element still open at the end of a fragment, with its start tag as written. */
export interface OpenElement {
  name: string;
  startTag: string;
}

/** The elements a fragment leaves open (for the head of a feed: rss > channel, or feed). */
export function openElements(fragment: string): OpenElement[] {
  const open: OpenElement[] = [];
  const pattern = new RegExp(MARKUP_TOKEN.source, 'g');
  for (let token = pattern.exec(fragment); token; token = pattern.exec(fragment)) {
    const [text, slash, name, attributes] = token;
    if (name === undefined || attributes?.endsWith('/')) continue;
    if (slash) open.pop();
    else open.push({ name, startTag: text });
  }
  return open;
}
