import { describe, expect, it } from 'vitest';
import { capText, toPlainText } from '../../../lambda/core/stories/plain-text';

describe('toPlainText', () => {
  it.each([
    ['strips inline tags without splitting words', 'Kim<b>Jong</b> Un', 'KimJong Un'],
    ['turns block tags into spaces', '<p>First</p><p>Second</p>line<br/>break', 'First Second line break'],
    ['decodes named and numeric entities', 'Q&amp;A: &ldquo;Kim&rdquo; &#8212; &#x41;', 'Q&A: “Kim” — A'],
    ['keeps an escaped tag as visible text', 'use &lt;b&gt; here', 'use <b> here'],
    ['leaves a semicolon-less name alone', 'Prices &notably rose', 'Prices &notably rose'],
    ['keeps a bare ampersand and a lone less-than', 'AT&T <3 R&D', 'AT&T <3 R&D'],
    ['keeps quotes', `"quoted" and 'single'`, `"quoted" and 'single'`],
    ['drops comments, scripts and styles', 'a<!-- x --><script>evil()</script><style>p{}</style>b', 'a b'],
    ['drops an unterminated comment', 'kept<!-- never closed', 'kept'],
    ['removes NUL and control characters', 'a\u0000b\u0007c\u001Fd\u0085e', 'abcde'],
    ['removes noncharacters and lone surrogates', 'a\uFFFEb\uD800c\uDC00d', 'abcd'],
    ['keeps astral characters', 'flag 🇰🇵 ok', 'flag 🇰🇵 ok'],
    ['collapses whitespace', '  a \n\t b  ', 'a b'],
    ['decodes CDATA markers left in text', '<![CDATA[inside]]>', 'inside'],
    ['keeps Cyrillic, Chinese and Korean', '<p>Москва</p> 北京 <i>평양</i>', 'Москва 北京 평양'],
    ['keeps unclosed tag-like text but drops a tag cut off at the end', 'a <p <p b', 'a <p'],
    ['drops a tag cut off at the end', 'text <a href="https://example.com/very', 'text'],
  ])('%s', (_name, input, expected) => {
    expect(toPlainText(input)).toBe(expected);
  });

  it('looks at no more than maxInputChars of its input', () => {
    expect(toPlainText(`abc${'x'.repeat(100)}`, 3)).toBe('abc');
  });

  it('keeps a run of stray less-than signs as text', () => {
    // The shape that makes rss-parser's own snippet regex quadratic; here it is plain text.
    expect(toPlainText('1 < 2 '.repeat(1000))).toBe('1 < 2 '.repeat(1000).trim());
  });
});

describe('capText', () => {
  it.each([
    ['leaves short text alone', 'short', 10, 'short'],
    ['cuts at a word boundary with an ellipsis', 'alpha beta gamma delta', 17, 'alpha beta gamma…'],
    [
      'cuts inside a long word when there is no boundary near',
      'abcdefghijklmnopqrstuvwxyz',
      10,
      'abcdefghi…',
    ],
    ['never splits a surrogate pair', `${'a'.repeat(8)}😀😀`, 10, `${'a'.repeat(8)}…`],
  ])('%s', (_name, input, max, expected) => {
    const result = capText(input, max);
    expect(result).toBe(expected);
    expect(result.length).toBeLessThanOrEqual(max);
  });
});
