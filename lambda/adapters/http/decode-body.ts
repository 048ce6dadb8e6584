import { TextDecoder } from 'node:util';

/** Where the charset used for a body came from; useful when a feed shows mojibake. */
export type CharsetSource = 'header' | 'xml-declaration' | 'bom' | 'default';

/** A decoded body and the charset chosen for it. */
export interface DecodedBody {
  text: string;
  charset: string;
  source: CharsetSource;
}

/**
 * Labels that mean something else in practice. Browsers (the WHATWG Encoding Standard) read "iso-8859-1" and
 * "us-ascii" as windows-1252, and feeds labelled that way routinely carry its curly quotes and dashes; Node's
 * TextDecoder decodes those labels as strict Latin-1, so they are remapped here.
 */
const LABEL_OVERRIDES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
};

const BOMS: ReadonlyArray<{ bytes: readonly number[]; charset: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], charset: 'utf-8' },
  { bytes: [0xfe, 0xff], charset: 'utf-16be' },
  { bytes: [0xff, 0xfe], charset: 'utf-16le' },
];

/** The XML declaration must open the document, so only its first bytes are read for `encoding="..."`. */
const DECLARATION_WINDOW = 1024;
const XML_DECLARATION_ENCODING = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;
const CONTENT_TYPE_CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)"?/i;

/**
 * Decodes a feed body: the charset named by the Content-Type header wins, then the XML declaration, then a
 * byte-order mark, and UTF-8 otherwise. A label the decoder does not know is skipped, not fatal, so a typo in
 * a header still lets the declaration speak. A leading BOM never reaches the text.
 *
 * Node's own TextDecoder (full ICU, as in the Lambda runtime) implements the WHATWG Encoding Standard: every
 * legacy charset feeds use (windows-1251, KOI8-R, GBK/GB18030, Big5, EUC-KR, Shift_JIS…). Using it instead
 * of a decoding library keeps about 480 KB out of the ingest bundle.
 */
export function decodeBody(bytes: Buffer, contentType: string | undefined): DecodedBody {
  const candidates: Array<[string | undefined, CharsetSource]> = [
    [contentType?.match(CONTENT_TYPE_CHARSET)?.[1], 'header'],
    [declaredEncoding(bytes), 'xml-declaration'],
    [bomCharset(bytes), 'bom'],
  ];
  for (const [label, source] of candidates) {
    const decoder = label ? decoderFor(label) : undefined;
    if (decoder) return { text: decodeWith(decoder, bytes), charset: decoder.encoding, source };
  }
  return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8', source: 'default' };
}

/**
 * windows-1252's printable characters at 0x80–0x9F (curly quotes, dashes, €…). Node 20's TextDecoder returns
 * C1 control codes there instead, so they are mapped after decoding; the five unassigned bytes stay as they are.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWith(decoder: TextDecoder, bytes: Buffer): string {
  const text = decoder.decode(bytes);
  if (decoder.encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

function decoderFor(label: string): TextDecoder | undefined {
  try {
    const lowered = label.trim().toLowerCase();
    return new TextDecoder(LABEL_OVERRIDES[lowered] ?? lowered);
  } catch {
    return undefined; // RangeError: a label the Encoding Standard does not know
  }
}

function declaredEncoding(bytes: Buffer): string | undefined {
  // latin1 maps each byte to one character, so an ASCII declaration reads the same in any ASCII-based charset.
  const head = bytes
    .subarray(0, DECLARATION_WINDOW)
    .toString('latin1')
    .replace(/^\u00ef\u00bb\u00bf/, '');
  return head.match(XML_DECLARATION_ENCODING)?.[1];
}

function bomCharset(bytes: Buffer): string | undefined {
  return BOMS.find(({ bytes: bom }) => bom.every((byte, index) => bytes[index] === byte))?.charset;
}
