import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../lambda/adapters/http/retry-after';

const NOW = new Date('2026-03-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120],
    [' 0 ', 0],
    ['86400', 86_400],
    ['Sun, 01 Mar 2026 12:02:00 GMT', 120],
    ['Sunday, 01-Mar-26 12:00:30 GMT', 30],
    ['Sun Mar  1 12:01:00 2026', 60],
    ['Sun, 01 Mar 2026 11:00:00 GMT', 0],
  ])('reads %j as %i seconds', (header, seconds) => {
    expect(parseRetryAfter(header, NOW)).toBe(seconds);
  });

  it.each([undefined, '', 'soon', '-5', '1.5', '5 minutes'])('ignores %j', (header) => {
    expect(parseRetryAfter(header, NOW)).toBeUndefined();
  });
});
