import { NotAFeedError } from './feed-errors';

/** The feed formats rss-parser reads, told apart by the root element. */
export type FeedDialect = 'rss' | 'rdf' | 'atom';

export interface DocumentShape {
  dialect: FeedDialect;
  /** The DOCTYPE declaration, if the prolog has one. */
  doctype?: { start: number; end: number; text: string };
}

/** Declarations, comments, processing instructions and a DOCTYPE (with its internal subset) before the root. */
const PROLOG_PART =
  /\s+|<\?[\s\S]*?(?:\?>|$)|<!--[\s\S]*?(?:-->|$)|<!DOCTYPE\b(?:[^[>]|\[[\s\S]*?(?:\]|$))*>?/iy;
const ROOT_NAME = /<([^\s<>/!?]+)/y;
const HTML_ROOTS = new Set(['html', 'head', 'body', 'div', 'p', 'meta', 'title', 'script', 'link']);

/**
 * Looks at the prolog and the root element only, so the verdict costs nothing on a 10 MiB body.
 * @throws NotAFeedError for an empty body, JSON, an HTML page, non-XML text or an unknown root element.
 */
export function inspectDocument(xml: string): DocumentShape {
  let position = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  let doctype: DocumentShape['doctype'];
  for (;;) {
    PROLOG_PART.lastIndex = position;
    const part = PROLOG_PART.exec(xml);
    if (!part || part[0] === '') break;
    if (/^<!DOCTYPE/i.test(part[0]))
      doctype = { start: position, end: position + part[0].length, text: part[0] };
    position += part[0].length;
  }
  if (position >= xml.length) throw new NotAFeedError('the body is empty');
  const first = xml[position];
  if (first === '{' || first === '[') throw new NotAFeedError('got JSON');
  if (doctype && /^<!DOCTYPE\s+html\b/i.test(doctype.text)) throw new NotAFeedError('got an HTML page');
  ROOT_NAME.lastIndex = position;
  const root = ROOT_NAME.exec(xml)?.[1];
  if (!root)
    throw new NotAFeedError(
      `the body is not XML (it starts with ${JSON.stringify(xml.slice(position, position + 20))})`,
    );
  const local = (root.split(':').pop() ?? root).toLowerCase();
  const dialect: FeedDialect | undefined =
    local === 'rss' ? 'rss' : local === 'rdf' ? 'rdf' : local === 'feed' ? 'atom' : undefined;
  if (dialect) return doctype ? { dialect, doctype } : { dialect };
  if (HTML_ROOTS.has(local)) throw new NotAFeedError('got an HTML page');
  throw new NotAFeedError(`the root element is <${root.slice(0, 40)}>, not <rss>, <rdf:RDF> or <feed>`);
}
