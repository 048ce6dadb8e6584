import * as chrono from 'chrono-node';

/** How much of a date the text gives. */
export type DatePrecision = 'day' | 'month' | 'year';

/** A date as the text gives it, before the story's own rules (lengths of time, tense) are applied. */
export interface ReadDate {
  text: string;
  index: number;
  year: number;
  month: number;
  day: number;
  yearCertain: boolean;
  precision: DatePrecision;
}

/** Every date chrono-node reads in a sentence, against the publication date when there is one. */
export function readDatesWithChrono(text: string, reference?: Date): ReadDate[] {
  const read: ReadDate[] = [];
  for (const result of chrono.en.parse(text, reference ? { instant: reference, timezone: 0 } : undefined)) {
    const start = result.start;
    const year = start.get('year');
    const month = start.get('month');
    const day = start.get('day');
    if (year === null || month === null || day === null) continue;
    read.push({
      text: result.text,
      index: result.index,
      year,
      month,
      day,
      yearCertain: start.isCertain('year'),
      precision:
        start.isCertain('day') || start.isCertain('weekday')
          ? 'day'
          : start.isCertain('month')
            ? 'month'
            : 'year',
    });
  }
  return read;
}
