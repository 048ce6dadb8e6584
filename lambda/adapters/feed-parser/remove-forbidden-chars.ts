/** Characters XML 1.0 forbids outright; sax passes them through into titles and summaries. */
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's job.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Deletes NUL, other C0 controls, U+FFFE/U+FFFF and lone surrogates. */
export function removeForbiddenChars(xml: string, repairs: string[]): string {
  let removed = 0;
  const cleaned = xml.replace(FORBIDDEN, () => {
    removed += 1;
    return '';
  });
  if (removed > 0)
    repairs.push(`removed ${removed} characters XML forbids (NUL, control characters, lone surrogates)`);
  return cleaned;
}
