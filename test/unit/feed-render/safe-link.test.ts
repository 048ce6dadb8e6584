import { describe, expect, it } from 'vitest';
import { safeLink } from '../../../lambda/core/feed-render/safe-link';

describe('safeLink', () => {
  it.each([
    ['https://example.org/a?b=1&c=2', 'https://example.org/a?b=1&c=2'],
    ['http://example.org', 'http://example.org/'],
    ['  https://example.org/x  ', 'https://example.org/x'],
  ])('keeps the http(s) link %s', (input, expected) => {
    expect(safeLink(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'ftp://example.org/file',
    '/relative/path',
    'not a url',
    'https://user:secret@example.org/',
  ])('drops %s', (input) => {
    expect(safeLink(input)).toBeUndefined();
  });

  it('drops a missing link', () => {
    expect(safeLink(undefined)).toBeUndefined();
  });
});
