import { decodeHTMLStrict } from 'entities';

/**
 * Characters a stored story never keeps: C0/C1 controls (tab and newline survive as whitespace),
 * Unicode noncharacters, and lone surrogates (which would break UTF-8 encoding on the way to DynamoDB).
 */
const UNWANTED_CHARS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's job.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Every pattern here stays linear on hostile input: a tag's body is `[^<>]*` (it stops at the next `<`), and
// lazy scans have an end-of-input alternative, so an unterminated `<!--` or `<script>` costs one pass, not one
// pass per occurrence.
const DROPPED_BLOCKS =
  /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)|<!\[CDATA\[|\]\]>/gi;
const BLOCK_TAGS =
  /<\/?(?:address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|td|th|tr|ul)\b[^<>]*>/gi;
const OTHER_TAGS = /<\/?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?\/?>/g;
/** A tag cut off by a length cap at the very end of the input. */
const TRAILING_PARTIAL_TAG = /<\/?[A-Za-z][^<>]*$/;
// Only runs that need changing: replacing every single space as well costs ~300 ns a match in V8.
const WHITESPACE = /\s\s+|[^\S ]/g;

/**
 * Markup or text from a feed → one line of plain text: comments/scripts/styles dropped, tags stripped
 * (block tags become spaces so words do not run together), HTML entities decoded (strictly: `&not`
 * without a semicolon stays literal, so "&notably" survives), unwanted characters removed, whitespace
 * collapsed. Entities are decoded after tags are stripped, so an escaped `&lt;b&gt;` stays visible text.
 *
 * @param maxInputChars input beyond this is ignored before any work is done, bounding the cost of a
 *   hostile megabyte-sized field; callers pass a multiple of the length they keep.
 */
export function toPlainText(markup: string, maxInputChars = Number.POSITIVE_INFINITY): string {
  const bounded = markup.length > maxInputChars ? markup.slice(0, maxInputChars) : markup;
  const stripped = bounded
    .replace(DROPPED_BLOCKS, ' ')
    .replace(BLOCK_TAGS, ' ')
    .replace(OTHER_TAGS, '')
    .replace(TRAILING_PARTIAL_TAG, '');
  return decodeHTMLStrict(stripped).replace(UNWANTED_CHARS, '').replace(WHITESPACE, ' ').trim();
}

/**
 * Shortens text to at most `maxChars` UTF-16 units, cutting at a word boundary when one is near and
 * never inside a surrogate pair; an ellipsis marks the cut.
 */
export function capText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let end = maxChars - 1;
  if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  const lastSpace = text.lastIndexOf(' ', end);
  // Prefer a word boundary, but not at the cost of more than a fifth of the allowance.
  if (lastSpace > end * 0.8) end = lastSpace;
  return `${text.slice(0, end).trimEnd()}…`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
