import { describe, expect, it } from 'vitest';
import { extractDates } from '../../../lambda/core/detect/extract-dates';
import { extractDurations } from '../../../lambda/core/detect/extract-durations';
import { extractQuantities } from '../../../lambda/core/detect/extract-quantities';
import { splitSentences } from '../../../lambda/core/detect/split-sentences';

describe('extractQuantities', () => {
  it.each([
    ['106 bcm a year', 106, 'bcm', 'year'],
    ['38.8 billion cubic metres in 2025', 38.8, 'bcm', undefined],
    ['50 billion cubic meters annually', 50, 'bcm', 'year'],
    ['50 bn m3 per year', 50, 'bcm', 'year'],
    ['the 50 bcm/yr line', 50, 'bcm', 'year'],
    ['160,000 cubic metres of LNG', 0.00016, 'bcm', undefined],
    ['up 24.8% on the year', 24.8, 'percent', undefined],
    ['a rise of 7 per cent', 7, 'percent', undefined],
    ['12,000 North Korean workers', 12000, 'people', undefined],
    ['about 11,000 troops', 11000, 'people', undefined],
    ['$228.105 billion in trade', 228.105e9, 'USD', undefined],
    ['a $111 million bridge', 111e6, 'USD', undefined],
    ['30 billion yuan', 30e9, 'CNY', undefined],
    ['900,000 bpd of crude', 900000, 'bpd', undefined],
  ])('reads %s', (text, value, unit, per) => {
    // Act
    const [first] = extractQuantities(text);
    // Assess
    expect(first?.value).toBeCloseTo(value, 6);
    expect(first?.unit).toBe(unit);
    expect(first?.per).toBe(per);
  });

  it.each([
    ['some fifteen thousand North Korean troops', 15000, 'people'],
    ['twelve thousand soldiers', 12000, 'people'],
    ['about twenty-five thousand workers', 25000, 'people'],
    ['three hundred military engineers', 300, 'people'],
    ['two billion dollars in trade', 2e9, 'USD'],
    ['fifty billion cubic metres a year', 50, 'bcm'],
    ['up five per cent', 5, 'percent'],
    ['one hundred and six billion cubic metres a year', 106, 'bcm'],
    ['about one hundred and twenty billion cubic meters per year', 120, 'bcm'],
    ['a hundred and twenty bcm', 120, 'bcm'],
    ['one hundred twenty-five billion cubic metres', 125, 'bcm'],
    ['a hundred military engineers', 100, 'people'],
    ['nineteen hundred troops', 1900, 'people'],
  ])('reads the figure in words in %s', (text, value, unit) => {
    const [first] = extractQuantities(text);
    expect(first).toMatchObject({ value, unit });
    expect(first?.approximate).toBeUndefined();
  });

  it.each([
    ['tens of thousands of troops', 10000],
    ['thousands of North Korean workers', 1000],
    ['several thousand soldiers', 1000],
    ['hundreds of sappers', 100],
  ])('reads the vague amount in %s as an approximate lower bound', (text, value) => {
    const [first] = extractQuantities(text);
    expect(first).toMatchObject({ value, unit: 'people', approximate: true });
  });

  it('reads no number in a word that only contains one ("someone", "tonight")', () => {
    expect(extractQuantities('Someone said tonight that workers left')).toEqual([]);
  });

  it('finds nothing in a sentence without figures', () => {
    expect(extractQuantities('Talks went well, officials said.')).toEqual([]);
  });
});

describe('extractDates', () => {
  it.each([
    ['on 2 September 2025', undefined, '2025-09-02', 'day'],
    ['until 14 September 2026', undefined, '2026-09-14', 'day'],
    ['took effect on 1 December', '2025-11-20', '2025-12-01', 'day'],
    ['in May 2025', undefined, '2025-05', 'month'],
    ['next month', '2025-12-01', '2026-01', 'month'],
    ['Xi flew to Moscow in May for Victory Day', '2025-12-29', '2025-05', 'month'],
    ['Gazprom said on 12 January that flows rose', '2025-10-01', '2025-01-12', 'day'],
    ['Putin will visit Beijing in May', '2025-12-29', '2026-05', 'month'],
    ['the talks are expected on 12 January', '2025-10-01', '2026-01-12', 'day'],
    ['deliveries might begin in 2031', undefined, '2031', 'year'],
    ['2025年9月15日起', undefined, '2025-09-15', 'day'],
  ])('reads %s (published %s)', (text, published, iso, precision) => {
    const [first] = extractDates(text, published);
    expect(first?.iso).toBe(iso);
    expect(first?.precision).toBe(precision);
  });

  it('drops a date whose year the text does not give when there is no publication date', () => {
    expect(extractDates('on 1 December')).toEqual([]);
  });

  it('does not read a time of the week or day as a date', () => {
    expect(extractDates('visitors crossing for weekend trips', '2025-12-01')).toEqual([]);
    expect(extractDates('evening talks in the Kremlin', '2025-12-01')).toEqual([]);
  });

  it('does not read a length of time as a date', () => {
    expect(extractDates('extended for 12 months', '2025-12-01')).toEqual([]);
  });
});

describe('extractDurations', () => {
  it.each([
    ['a one-year trial', 1, 'year'],
    ['extended for 12 months', 12, 'month'],
    ['a two-year visa-free period', 2, 'year'],
    ['stay up to 30 days', 30, 'day'],
    ['a twenty-one-day stay', 21, 'day'],
    ['a half-year extension', 0.5, 'year'],
  ])('reads %s', (text, amount, unit) => {
    const [first] = extractDurations(text);
    expect(first).toMatchObject({ kind: 'span', amount, unit });
  });

  it('reads "until 14 September 2026" as an end date', () => {
    const found = extractDurations('valid until 14 September 2026');
    expect(found).toEqual([
      expect.objectContaining({ kind: 'until', date: expect.objectContaining({ iso: '2026-09-14' }) }),
    ]);
  });

  it('does not read the rate in "106 bcm a year" as a length', () => {
    expect(extractDurations('106 bcm a year')).toEqual([]);
  });
});

describe('splitSentences', () => {
  it('keeps abbreviations inside a sentence', () => {
    const spans = splitSentences('The U.S. Treasury acted at 7 a.m. on Monday. Beijing objected.');
    expect(spans.map((span) => span.text)).toEqual([
      'The U.S. Treasury acted at 7 a.m. on Monday.',
      'Beijing objected.',
    ]);
  });

  it('splits Chinese sentences on the ideographic full stop', () => {
    expect(splitSentences('中俄关系很好。朝鲜也参加了。').length).toBe(2);
  });
});
