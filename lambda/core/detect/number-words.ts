/**
 * English numbers spelt out, up to "ninety-nine hundred and ninety-nine": outlets write figures so, above all
 * in titles and in quoted speech ("one hundred and six billion cubic metres").
 */

const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';

const BELOW_HUNDRED = String.raw`(?:${TENS})(?:[\s-](?:${UNITS}))?|${TEENS}|${UNITS}`;

/**
 * Regular-expression source for a number in words: "fifteen", "twenty-five", "three hundred", "a hundred and
 * six", "one hundred twenty". The hundreds come first, so that the whole compound is read, never its tail.
 */
export const NUMBER_WORDS = String.raw`\b(?:(?:${BELOW_HUNDRED}|a)\s+hundred(?:\s+(?:and\s+)?(?:${BELOW_HUNDRED}))?|${BELOW_HUNDRED})\b`;

const VALUES: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/**
 * The value of a number in words that `NUMBER_WORDS` matched ("twenty-five" → 25, "three hundred" → 300,
 * "a hundred and six" → 106).
 */
export function numberWordValue(text: string): number {
  let value = 0;
  for (const word of text.toLowerCase().split(/[\s-]+/)) {
    if (word === 'hundred') value = (value || 1) * 100;
    else value += VALUES[word] ?? 0;
  }
  return value;
}
