import type { ReadDate } from './read-dates-with-chrono';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_NAME = MONTHS.join('|');
// The three shapes most dated sentences use, spelt out in full with their year: "(on) 15 September 2025",
// "September 15, 2025", "September 2025". Each span is the one chrono gives for the same words.
const WRITTEN_DATE = new RegExp(
  String.raw`(?<=^|\W)(?:(?:on\s{1,3})?(\d{1,2})\s+(${MONTH_NAME})\s+(\d{4})|(${MONTH_NAME})\s+(\d{1,2}),\s*(\d{4})|(${MONTH_NAME})\s+(\d{4}))(?![\w/-])`,
  'gi',
);
// What chrono might still read once those are set aside: a month or weekday name, a word for a day or a time of
// day, a unit of time counted from now, a clock time, an ordinal, a numeric date. A sentence without any of
// these has no other date in it.
const UNIT = '(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade)s?';
const OTHER_DATE_HINT = new RegExp(
  [
    String.raw`\b(?:${MONTH_NAME}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b`,
    String.raw`\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b`,
    String.raw`\b(?:today|tonight|tomorrow|tmr|yesterday|now|noon|midnight|morning|afternoon|evening|night|weekend)\b`,
    String.raw`\b(?:next|last|past|coming|previous)\b`,
    String.raw`\b(?:this|in|within|after|for)\s+(?:[\w-]+\s+){0,2}?${UNIT}\b`,
    String.raw`\b${UNIT}\s+(?:ago|later|earlier|before|after|from|hence)\b`,
    String.raw`\d\s*[:/]\s*\d`,
    String.raw`\d\.\d{1,2}\.\d`,
    String.raw`\d\s*(?:am|pm|a\.m\.|p\.m\.)`,
    String.raw`\d(?:st|nd|rd|th)\b`,
    String.raw`\d\s*[-‐‑–—~]\s*\d`,
    String.raw`\b(?:at|from|to|until|till|since|around|by|before|after)\s+(?:[01]?\d|2[0-4])\b`,
  ].join('|'),
  'i',
);
// Two dates joined like this ("15 September 2025 to 14 September 2026") are one range to chrono.
const RANGE_JOIN = /^\s*(?:-|–|—|to|until|till|through|and)\s*$/i;

/**
 * The dates of a sentence whose every date is written out in full with its year, read without chrono (which
 * costs about 20 µs a sentence); undefined when anything else in it might be a date, so chrono must read it.
 */
export function readWrittenDates(text: string): ReadDate[] | undefined {
  const read: ReadDate[] = [];
  let rest = '';
  let last = 0;
  for (const match of text.matchAll(WRITTEN_DATE)) {
    const [whole, d1, m1, y1, m2, d2, y2, m3, y3] = match;
    const previous = read[read.length - 1];
    if (previous && RANGE_JOIN.test(text.slice(previous.index + previous.text.length, match.index)))
      return undefined;
    const day = Number(d1 ?? d2 ?? 1);
    const month = MONTHS.indexOf((m1 ?? m2 ?? m3 ?? '').toLowerCase()) + 1;
    const year = Number(y1 ?? y2 ?? y3);
    if (day < 1 || day > 31) return undefined;
    read.push({
      text: whole,
      index: match.index,
      year,
      month,
      day,
      yearCertain: true,
      precision: m3 ? 'month' : 'day',
    });
    rest += `${text.slice(last, match.index)} `;
    last = match.index + whole.length;
  }
  rest += text.slice(last);
  return OTHER_DATE_HINT.test(rest) ? undefined : read;
}
