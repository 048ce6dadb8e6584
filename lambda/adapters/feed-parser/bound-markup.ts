import { closingTags, MARKUP_TOKEN } from './markup-tokens';

/** Deeper than any real feed's structure plus its inline HTML; 3,000 levels overflow rss-parser's stack. */
export const MAX_DEPTH = 64;
/** sax reads attributes at ~4 µs a kilobyte; a real tag (even a long Atom link) is far below this. */
export const MAX_TAG_CHARS = 8192;
/** Tag names longer than this are junk that sax would still read slowly; open and close are dropped alike. */
const MAX_NAME_CHARS = 256;
/**
 * Longest text run or CDATA section kept. Stories read at most 32,000 characters of any field, and
 * per-character work (entity repair, sax's entity decoding) on a 10 MiB run would take seconds.
 */
export const MAX_TEXT_CHARS = 65_536;
/** A million empty elements cost sax ~0.8 s; a feed cut to its item cap needs far fewer tags. */
export const MAX_TAGS = 200_000;

/**
 * Bounds what sax and rss-parser spend on markup, in one linear pass: comments and processing instructions
 * (including the XML declaration, meaningless once the body is decoded) are dropped; tags nested deeper
 * than MAX_DEPTH are removed with their text kept; oversized tags lose their attributes; texts and CDATA
 * sections are cut at MAX_TEXT_CHARS; and after
 * MAX_TAGS tags the document is cut and its open elements closed, so the items before the cut survive.
 */
export function boundMarkup(xml: string, repairs: string[]): string {
  const parts: string[] = [];
  const open: string[] = [];
  let depth = 0;
  let last = 0;
  let tags = 0;
  let flattened = 0;
  let shortened = 0;
  let junkNames = 0;
  let cutTexts = 0;
  let truncated = false;
  const keepText = (text: string): string => {
    if (text.length <= MAX_TEXT_CHARS) return text;
    cutTexts += 1;
    // A reference cut in half would turn into text; drop the fragment instead.
    return text.slice(0, MAX_TEXT_CHARS).replace(/&[^;&<]*$/, '');
  };
  MARKUP_TOKEN.lastIndex = 0;
  for (let token = MARKUP_TOKEN.exec(xml); token; token = MARKUP_TOKEN.exec(xml)) {
    const [text, slash, name, attributes] = token;
    parts.push(keepText(xml.slice(last, token.index)));
    last = token.index + text.length;
    if (name === undefined) {
      if (text.startsWith('<![CDATA[')) parts.push(keepCdata(text, keepText));
      continue;
    }
    tags += 1;
    if (tags > MAX_TAGS) {
      truncated = true;
      last = xml.length;
      break;
    }
    if (name.length > MAX_NAME_CHARS) {
      junkNames += 1;
      continue;
    }
    const selfClosing = attributes?.endsWith('/') ?? false;
    if (slash) {
      if (depth > MAX_DEPTH) flattened += 1;
      else {
        open.pop();
        parts.push(text);
      }
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (!selfClosing) depth += 1;
    if (depth > MAX_DEPTH || (selfClosing && depth >= MAX_DEPTH)) {
      flattened += 1;
      continue;
    }
    if (!selfClosing) open.push(name);
    if (text.length > MAX_TAG_CHARS) {
      shortened += 1;
      parts.push(selfClosing ? `<${name}/>` : `<${name}>`);
    } else parts.push(text);
  }
  parts.push(keepText(xml.slice(last)));
  if (truncated) {
    parts.push(closingTags(open));
    repairs.push(`cut the document after ${MAX_TAGS} tags`);
  }
  if (flattened > 0)
    repairs.push(`removed ${flattened} tags nested deeper than ${MAX_DEPTH} levels (text kept)`);
  if (shortened > 0)
    repairs.push(`dropped the attributes of ${shortened} tags longer than ${MAX_TAG_CHARS} characters`);
  if (junkNames > 0)
    repairs.push(`removed ${junkNames} tags with names longer than ${MAX_NAME_CHARS} characters`);
  if (cutTexts > 0) repairs.push(`cut ${cutTexts} texts longer than ${MAX_TEXT_CHARS} characters`);
  return parts.join('');
}

/** A CDATA section with its content bounded like any text (an unterminated one is closed). */
function keepCdata(section: string, keepText: (text: string) => string): string {
  const inner = section.slice('<![CDATA['.length, section.endsWith(']]>') ? -3 : undefined);
  const kept = keepText(inner);
  return kept === inner && section.endsWith(']]>') ? section : `<![CDATA[${kept}]]>`;
}
