import { type ExtractedDate, extractDates } from './extract-dates';
import { NUMBER_WORDS, numberWordValue } from './number-words';

/** A length of time ("one-year", "12 months") or an end date ("until 14 September 2026"). */
export type Duration =
  | { kind: 'span'; amount: number; unit: 'day' | 'week' | 'month' | 'year'; text: string; index: number }
  | { kind: 'until'; date: ExtractedDate; text: string; index: number };

// "a year" alone is left out: in "106 bcm a year" it is a rate, not a length.
const SPAN = new RegExp(
  String.raw`\b(\d+(?:\.\d+)?|half|${NUMBER_WORDS})[\s-]+(day|week|month|year)s?(?:[\s-]+long)?\b`,
  'gi',
);
const UNTIL = /\b(?:until|till|through|to|ending|expir(?:es|ing)|valid\s+(?:to|until))\s+$/i;

const DAYS: Record<string, number> = { day: 1, week: 7, month: 30.44, year: 365.25 };

/** Lengths of time alone ("one-year", "12 months"): cheap, no date parsing. */
export function extractSpans(text: string): Array<Extract<Duration, { kind: 'span' }>> {
  const found: Array<Extract<Duration, { kind: 'span' }>> = [];
  for (const match of text.matchAll(SPAN)) {
    const [whole, count = '', unit = ''] = match;
    const amount = /^\d/.test(count)
      ? Number(count)
      : count.toLowerCase() === 'half'
        ? 0.5
        : numberWordValue(count);
    found.push({ kind: 'span', amount, unit: unit.toLowerCase() as 'day', text: whole, index: match.index });
  }
  return found;
}

/** Lengths of time and "until <date>" end dates in a sentence; dates are resolved against `published`. */
export function extractDurations(text: string, published?: string): Duration[] {
  const found: Duration[] = extractSpans(text);
  for (const date of extractDates(text, published)) {
    const before = text.slice(Math.max(0, date.index - 16), date.index);
    if (UNTIL.test(before)) {
      found.push({
        kind: 'until',
        date,
        text: `${before.trim().split(/\s+/).pop()} ${date.text}`,
        index: date.index,
      });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Length in days, for comparing "12 months" with "one year". */
export function durationDays(amount: number, unit: keyof typeof DAYS): number {
  return amount * (DAYS[unit] ?? 1);
}
