import { describe, expect, it } from 'vitest';
import { canonicalLink, MAX_LINK_CHARS } from '../../../lambda/core/stories/canonical-link';

describe('canonicalLink', () => {
  it.each([
    ['lower-cases the host', 'https://WWW.Example.COM/News/A', 'https://www.example.com/News/A'],
    ['drops the fragment', 'https://example.com/a#comments', 'https://example.com/a'],
    ['drops default ports', 'http://example.com:80/a', 'http://example.com/a'],
    ['drops the https default port', 'https://example.com:443/a', 'https://example.com/a'],
    ['keeps other ports', 'https://example.com:8443/a', 'https://example.com:8443/a'],
    [
      'strips utm_* parameters',
      'https://example.com/a?utm_source=rss&utm_medium=feed&utm_campaign=x',
      'https://example.com/a',
    ],
    [
      'strips click ids and share markers',
      'https://example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ocid=5&cmpid=6&ref=7&ref_src=8&igshid=9&_ga=10&yclid=11&spm=12',
      'https://example.com/a',
    ],
    [
      'strips BBC-style at_* parameters',
      'https://example.com/a?at_medium=RSS&at_campaign=rss',
      'https://example.com/a',
    ],
    [
      'matches tracking names case-insensitively',
      'https://example.com/a?UTM_Source=x&FBCLID=y',
      'https://example.com/a',
    ],
    [
      'keeps meaningful parameters',
      'https://example.com/story?id=42&utm_source=rss',
      'https://example.com/story?id=42',
    ],
    ['sorts remaining parameters', 'https://example.com/s?page=2&id=7', 'https://example.com/s?id=7&page=2'],
    [
      'keeps the order of repeated parameters',
      'https://example.com/s?b=1&a=2&a=1',
      'https://example.com/s?a=2&a=1&b=1',
    ],
    [
      'keeps each parameter encoded as published',
      'https://example.com/s?q=a,b&x=%2F',
      'https://example.com/s?q=a,b&x=%2F',
    ],
    ['removes credentials', 'https://user:pw@example.com/a', 'https://example.com/a'],
    ['trims surrounding whitespace', '  https://example.com/a \n', 'https://example.com/a'],
    [
      'encodes an internationalised host as punycode',
      'https://пример.рф/новости',
      'https://xn--e1afmkfd.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8',
    ],
  ])('%s', (_name, input, expected) => {
    expect(canonicalLink(input)).toBe(expected);
  });

  it('resolves a relative link against the base', () => {
    expect(canonicalLink('/world/1?utm_source=x', 'https://News.example.org/feed.xml')).toBe(
      'https://news.example.org/world/1',
    );
  });

  it.each([
    ['mailto:', 'mailto:desk@example.com'],
    ['javascript:', 'javascript:alert(1)'],
    ['ftp:', 'ftp://example.com/a'],
    ['data:', 'data:text/html,hi'],
    ['an empty string', ''],
    ['junk', 'not a url'],
    ['a link longer than the cap', `https://example.com/${'a'.repeat(MAX_LINK_CHARS)}`],
  ])('refuses %s', (_name, input) => {
    expect(canonicalLink(input)).toBeUndefined();
  });
});
