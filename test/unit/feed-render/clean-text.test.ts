import { describe, expect, it } from 'vitest';
import { cleanText, escapeHtml } from '../../../lambda/core/feed-render/clean-text';

describe('cleanText', () => {
  it.each([
    ['NUL', 'a\u0000b', 'ab'],
    ['an escape sequence', 'red \u001b[31mtext', 'red [31mtext'],
    ['a C1 control', 'x\u0085y', 'xy'],
    ['U+FFFE', 'x\uFFFEy', 'xy'],
    ['a lone high surrogate', 'x\uD800y', 'xy'],
    ['a lone low surrogate', 'x\uDC00y', 'xy'],
  ])('removes %s', (_name, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('keeps tabs, newlines, accents, Cyrillic, CJK and emoji', () => {
    const text = 'tab\tline\nПутин 习近平 café 🚀';
    expect(cleanText(text)).toBe(text);
  });
});

describe('escapeHtml', () => {
  it('escapes markup, ampersands and both quotes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('leaves no CDATA terminator', () => {
    expect(escapeHtml('a ]]> b ]]> c')).not.toContain(']]>');
  });

  it('escapes an already escaped entity again, so it shows as typed', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});
