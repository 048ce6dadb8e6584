import { decodeHTMLStrict } from 'entities';

/** CDATA is skipped (an `&` there is text); otherwise an `&` with the reference it starts, if any. */
const AMPERSAND =
  /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|&(?:(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{0,31});)?/g;
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Makes every `&` something sax accepts: a bare `&` (AT&T, `?a=1&b=2`) and an unknown `&name;` become
 * `&amp;`, so they survive as text; HTML named entities (`&hellip;`) become their characters; numeric
 * references to characters XML forbids (`&#0;`, `&#xD800;`) are dropped. sax rejects the whole document
 * for any one of these.
 */
export function repairEntityReferences(xml: string, repairs: string[]): string {
  let bare = 0;
  let unknown = 0;
  let forbidden = 0;
  const repaired = xml.replace(AMPERSAND, (match: string, reference: string | undefined) => {
    if (match.charCodeAt(0) === 0x3c /* < */) return match;
    if (reference === undefined) {
      bare += 1;
      return '&amp;';
    }
    if (reference.startsWith('#')) {
      const code =
        reference[1] === 'x' || reference[1] === 'X'
          ? Number.parseInt(reference.slice(2), 16)
          : Number(reference.slice(1));
      if (isXmlChar(code)) return match;
      forbidden += 1;
      return '';
    }
    if (XML_ENTITIES.has(reference)) return match;
    const decoded = decodeHTMLStrict(match);
    if (decoded !== match) return decoded.replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
    unknown += 1;
    return `&amp;${reference};`;
  });
  if (bare > 0) repairs.push(`escaped ${bare} bare '&'`);
  if (unknown > 0) repairs.push(`kept ${unknown} unknown entity references as text`);
  if (forbidden > 0) repairs.push(`dropped ${forbidden} character references to characters XML forbids`);
  return repaired;
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
