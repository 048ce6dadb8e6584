/**
 * Characters XML 1.0 cannot carry at all (C0 controls other than tab, newline and carriage return; U+FFFE and
 * U+FFFF; unpaired surrogates), plus DEL and the C1 controls, which XML allows but which only ever arrive as
 * mojibake and render as garbage. Titles and summaries come from third-party feeds, so any of them can appear.
 */
const UNSAFE_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's purpose.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes the characters no feed format or HTML page should carry; the rest of the text is kept as is. */
export function cleanText(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, '');
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Cleans the text and escapes it for HTML or XML text and attribute values. Escaping `>` as well means the
 * result can never close a CDATA section (`]]>`), which is what makes it safe inside the `feed` package's CDATA.
 */
export function escapeHtml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}
