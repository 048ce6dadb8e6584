import { FeedParseError } from './feed-errors';
import type { DocumentShape } from './inspect-document';

const ENTITY_DECLARATION = /<!ENTITY\s+([^\s%"']+)/g;

/**
 * Removes the DOCTYPE, so no entity is ever expanded (sax does not expand them either, but fails on their
 * use). A feed whose text uses entities declared there (a custom entity, a billion-laughs document, an
 * external entity) cannot be read faithfully without expanding them, and tiewatch never does.
 *
 * @throws FeedParseError when the body refers to an entity that the DOCTYPE declares.
 */
export function removeDoctype(xml: string, shape: DocumentShape, repairs: string[]): string {
  const { doctype } = shape;
  if (!doctype) return xml;
  const rest = xml.slice(doctype.end);
  const declared = [...doctype.text.matchAll(ENTITY_DECLARATION)].map((match) => match[1] ?? '');
  const used = declared.filter((name) => rest.includes(`&${name};`));
  if (used.length > 0) {
    const names = used.slice(0, 3).map((name) => `&${name};`);
    throw new FeedParseError(
      `the feed uses XML entities declared in its DOCTYPE (${names.join(', ')}); tiewatch never expands entities`,
    );
  }
  if (doctype.text.includes('[')) repairs.push('removed a DOCTYPE with an internal subset');
  return xml.slice(0, doctype.start) + rest;
}
