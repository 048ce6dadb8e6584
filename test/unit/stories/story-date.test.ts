import { describe, expect, it } from 'vitest';
import { storyDate } from '../../../lambda/core/stories/story-date';

const fetchedAt = new Date('2025-03-10T12:00:00Z');

describe('storyDate', () => {
  it.each([
    ['an RFC 822 date with an offset', 'Mon, 10 Mar 2025 09:30:00 +0300', '2025-03-10T06:30:00.000Z'],
    ['an RFC 822 date with a zone name', 'Sun, 09 Mar 2025 22:00:00 GMT', '2025-03-09T22:00:00.000Z'],
    ['an ISO date with an offset', '2025-03-10T08:00:00+09:00', '2025-03-09T23:00:00.000Z'],
    ['surrounding whitespace', '\n  2025-03-01T00:00:00Z  ', '2025-03-01T00:00:00.000Z'],
    ['a date less than a day ahead (clock skew)', '2025-03-11T06:00:00Z', '2025-03-11T06:00:00.000Z'],
  ])('normalises %s to ISO UTC', (_name, input, expected) => {
    expect(storyDate([input], fetchedAt)).toBe(expected);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['unparseable', 'yesterday-ish'],
    ['Russian month names', 'Пн, 10 мар 2025 09:30:00'],
    ['more than a day in the future', '2025-03-12T12:00:01Z'],
    ['before web feeds existed', '1970-01-01T00:00:00Z'],
  ])('falls back to the fetch time when the date is %s', (_name, input) => {
    expect(storyDate([input], fetchedAt)).toBe(fetchedAt.toISOString());
  });

  it('takes the first usable candidate', () => {
    expect(storyDate(['garbage', '2025-03-02T00:00:00Z', '2025-03-03T00:00:00Z'], fetchedAt)).toBe(
      '2025-03-02T00:00:00.000Z',
    );
  });
});
