/** A sentence of a story with its offsets in the text it was cut from. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

// A full stop ends a sentence unless it closes a known abbreviation or an initial ("U.S.", "a.m.", "Gen.").
const ABBREVIATION =
  /(?:\b(?:[A-Za-z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Gov|Sen|Rep|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|vs|etc|Inc|Co|Corp|Ltd)\.)$/;
const BOUNDARY =
  /[.!?。！？]+["'”’)]*(?=\s+["'“‘(]?[A-Z0-9\u0400-\u04FF\u3040-\u9FFF\uAC00-\uD7AF]|\s*$|(?<=[。！？])\s*\S)/g;

/**
 * Cuts text into sentences on terminal punctuation followed by a capital, a digit or the end. Hand-written
 * because Intl.Segmenter splits after "U.S." and costs more than the rest of classification together.
 */
export function splitSentences(text: string, offset = 0): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + match[0].length;
    if (
      match[0].startsWith('.') &&
      ABBREVIATION.test(text.slice(Math.max(0, match.index - 12), match.index + 1))
    ) {
      continue;
    }
    pushTrimmed(spans, text, start, end, offset);
    start = end;
  }
  pushTrimmed(spans, text, start, text.length, offset);
  return spans;
}

function pushTrimmed(spans: SentenceSpan[], text: string, start: number, end: number, offset: number): void {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text.charAt(from))) from++;
  while (to > from && /\s/.test(text.charAt(to - 1))) to--;
  if (to > from) spans.push({ text: text.slice(from, to), start: from + offset, end: to + offset });
}
