import { type DatePrecision, readDatesWithChrono } from './read-dates-with-chrono';
import { readWrittenDates } from './read-written-dates';

/** A calendar date read from text, as precise as the text is. */
export interface ExtractedDate {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, following `precision`. */
  iso: string;
  precision: DatePrecision;
  /** Set when the text gives no year and it was taken from the publication date ("in May"). */
  yearGuessed?: true;
  text: string;
  index: number;
}

const LENGTH_OF_TIME = /\d+\s*(?:day|week|month|year)s?\b(?!\s*(?:ago|later|after|from))/i;
// chrono costs about 20 µs even on a sentence without a date; most sentences fail these cheap tests first. The
// first keeps every sentence chrono has always been asked about; the second turns away those that passed it only
// on a fragment inside another word ("market", "decided"), while listing whole every word chrono reads on its
// own (short weekdays, times of day, units of time), so a sentence it turns away is one chrono finds nothing in.
const MAY_HOLD_DATE =
  /\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|yesterday|tonight|week|month|year|ago/i;
const DATE_WORD =
  /\d|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|week(?:end|day)?s?|days?|hours?|minutes?|seconds?|fortnights?|quarters?|decades?|today|tonight|tomorrow|tmr|yesterday|now|noon|midnight|morning|afternoon|evening|night|months?|years?|ago)\b/i;
// chrono gives a date without a year the year that puts it nearest the story's date, so in December "flew to
// Moscow in May" lands in the coming May. A verb in the past tense beside it means the last such date; a word of
// the future keeps chrono's choice. What the tense leaves open, judge-verdict compares leniently (sameGuessedYear).
const PAST_TENSE =
  /\b(?:\w+ed|flew|went|came|was|were|had|met|held|took|made|said|told|began|saw|gave|sent|spoke|stood|won|left)\b/i;
const FUTURE =
  /\b(?:will|would|shall|is to|are to|plans?|planning|scheduled|expected|due|next|upcoming|later)\b/i;
const DAY_MS = 86_400_000;
const TIME_OF_WEEK = /^(?:weekend|morning|afternoon|evening|night|tonight|now|noon|midnight)$/i;
const BARE_YEAR = /\b(19[5-9]\d|20[0-4]\d)\b/g;
const CJK_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/g;

/**
 * Dates in a sentence. Dates written out with their year are read here; chrono-node reads the rest, absolute
 * and relative ("2 September", "next month", "on Wednesday"), against the story's publication date. A bare year
 * ("in 2031") and CJK dates are read here too. Without a publication date, dates whose year the text does not
 * give are dropped rather than guessed.
 */
export function extractDates(text: string, published?: string): ExtractedDate[] {
  const reference = published ? new Date(`${published.slice(0, 10)}T12:00:00Z`) : undefined;
  const validReference = reference && !Number.isNaN(reference.getTime()) ? reference : undefined;
  const found: ExtractedDate[] = [];
  if (!MAY_HOLD_DATE.test(text) || !DATE_WORD.test(text)) return found;
  for (const date of readWrittenDates(text) ?? readDatesWithChrono(text, validReference)) {
    // "for 12 months" is a length of time, which chrono would turn into a date a year ahead; "weekend trips" and
    // "evening talks" name a time of the week or day, not a date.
    if (LENGTH_OF_TIME.test(date.text) || TIME_OF_WEEK.test(date.text)) continue;
    if (!validReference && !date.yearCertain) continue;
    let year = date.year;
    if (validReference && !date.yearCertain && reportedAsPast(text, date.index, date.text.length)) {
      const resolved = Date.UTC(year, date.month - 1, date.day);
      if (resolved - validReference.getTime() > 31 * DAY_MS) year -= 1;
    }
    found.push({
      iso: isoOf(year, date.month, date.day, date.precision),
      precision: date.precision,
      ...(date.yearCertain ? {} : { yearGuessed: true as const }),
      text: date.text,
      index: date.index,
    });
  }
  for (const match of text.matchAll(CJK_DATE)) {
    const [whole, year = '', month = '', day] = match;
    const precision = day ? 'day' : 'month';
    found.push({
      iso: isoOf(Number(year), Number(month), Number(day ?? 1), precision),
      precision,
      text: whole,
      index: match.index,
    });
  }
  for (const match of text.matchAll(BARE_YEAR)) {
    if (found.some((date) => match.index >= date.index && match.index < date.index + date.text.length))
      continue;
    found.push({ iso: match[0], precision: 'year', text: match[0], index: match.index });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Whether the clause around a date tells of something done, with nothing pointing ahead. */
function reportedAsPast(text: string, index: number, length: number): boolean {
  // The clause ends at a semicolon or colon before the date and at the first comma after it ("…in May, while
  // Putin would go…" speaks of May in the past).
  const before =
    text
      .slice(Math.max(0, index - 60), index)
      .split(/[;:]/)
      .at(-1) ?? '';
  const after = text.slice(index + length, index + length + 40).split(/[,;:.]/)[0] ?? '';
  const clause = `${before} ${after}`;
  return PAST_TENSE.test(clause) && !FUTURE.test(clause);
}

function isoOf(year: number, month: number, day: number, precision: DatePrecision): string {
  const y = String(year).padStart(4, '0');
  const m = String(month).padStart(2, '0');
  const d = String(day).padStart(2, '0');
  return precision === 'day' ? `${y}-${m}-${d}` : precision === 'month' ? `${y}-${m}` : y;
}

/** Compares two ISO dates at the coarser of their precisions: "2026-09" equals "2026-09-14". */
export function sameDate(a: string, b: string): boolean {
  const length = Math.min(a.length, b.length);
  return a.slice(0, length) === b.slice(0, length);
}
