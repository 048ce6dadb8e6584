import { NUMBER_WORDS, numberWordValue } from './number-words';

/** A number with its unit, normalised: gas in bcm, money in units of its currency, people as a head count. */
export interface Quantity {
  value: number;
  unit: 'bcm' | 'percent' | 'people' | 'bpd' | 'USD' | 'EUR' | 'GBP' | 'CNY' | 'RUB';
  /** `year` for a yearly rate ("106 bcm a year", "50 bcm/yr"). */
  per?: 'year';
  /** Set for a vague amount ("tens of thousands of troops"): `value` is then its floor, the scale named. */
  approximate?: true;
  text: string;
  index: number;
}

// "tens of thousands of troops", "several thousand", "hundreds": no figure, only a scale.
const VAGUE = String.raw`\b(?:(?:tens|hundreds)\s+of\s+thousands|(?:several|a\s+few)\s+(?:hundred|thousand)|thousands|hundreds|dozens)\b`;
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|${VAGUE}|${NUMBER_WORDS})`;
const VAGUE_FLOORS: Record<string, number> = {
  'tens of thousands': 1e4,
  'hundreds of thousands': 1e5,
  'several hundred': 100,
  'a few hundred': 100,
  'several thousand': 1e3,
  'a few thousand': 1e3,
  thousands: 1e3,
  hundreds: 100,
  dozens: 12,
};
const IS_VAGUE = new RegExp(`^${VAGUE}$`, 'i');
const SCALES: Record<string, number> = {
  trillion: 1e12,
  tn: 1e12,
  billion: 1e9,
  bn: 1e9,
  bln: 1e9,
  b: 1e9,
  million: 1e6,
  mln: 1e6,
  mn: 1e6,
  m: 1e6,
  thousand: 1e3,
  k: 1e3,
};
const SCALE = String.raw`(?:[\s-]*(trillion|tn|billion|bn|bln|million|mln|mn|thousand|k|b|m)\b)?`;

const GAS = new RegExp(
  String.raw`${NUMBER}${SCALE}[\s-]*(bcm|bcm\b|cubic[\s-]+met(?:re|er)s?|m3|m³|cbm)(?![a-z])`,
  'gi',
);
const PERCENT = new RegExp(String.raw`${NUMBER}\s*(?:%|per\s?cent\b|percent\b)`, 'gi');
const PEOPLE = new RegExp(
  String.raw`${NUMBER}${SCALE}\s+(?:[A-Za-z-]+\s+){0,3}?(?:troops|soldiers|workers|labou?rers|personnel|fighters|servicemen|engineers|sappers|deminers|builders|construction\s+workers)\b`,
  'gi',
);
const BARRELS = new RegExp(String.raw`${NUMBER}${SCALE}\s*(?:bpd|b/d|barrels\s+(?:per|a)\s+day)\b`, 'gi');
const MONEY_BEFORE = new RegExp(
  String.raw`(US\$|\$|€|£|¥|USD\s?|EUR\s?|CNY\s?|RMB\s?)${NUMBER}${SCALE}`,
  'gi',
);
const MONEY_AFTER = new RegExp(
  String.raw`${NUMBER}${SCALE}\s*(dollars|euros|pounds|yuan|renminbi|roubles|rubles)\b`,
  'gi',
);
const YEARLY = /^\s*(?:(?:a|per|each|every)\s+year|\/\s*(?:yr|year|y)\b|annually|a-year|per\s+annum|yearly)/i;

const CURRENCIES: Record<string, Quantity['unit']> = {
  us$: 'USD',
  $: 'USD',
  usd: 'USD',
  dollars: 'USD',
  '€': 'EUR',
  eur: 'EUR',
  euros: 'EUR',
  '£': 'GBP',
  pounds: 'GBP',
  '¥': 'CNY',
  cny: 'CNY',
  rmb: 'CNY',
  yuan: 'CNY',
  renminbi: 'CNY',
  roubles: 'RUB',
  rubles: 'RUB',
};

/** The amount an amount's text names: digits, words ("twenty-five", "three hundred") or a vague scale's floor. */
function amountOf(amount: string): number {
  if (/^\d/.test(amount)) return Number(amount.replace(/,/g, ''));
  const words = amount.toLowerCase().split(/[\s-]+/);
  const vague = VAGUE_FLOORS[words.join(' ')];
  if (vague !== undefined) return vague;
  return numberWordValue(amount);
}

function toNumber(amount: string, scale: string | undefined): number {
  const base = amountOf(amount);
  return scale ? base * (SCALES[scale.toLowerCase()] ?? 1) : base;
}

/** `{ approximate: true }` for a vague amount, to spread into a quantity. */
function vagueness(amount: string): { approximate?: true } {
  return IS_VAGUE.test(amount) ? { approximate: true } : {};
}

/** Finds quantities with units in a sentence: gas volumes, percentages, head counts, oil flows, money. */
export function extractQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  if (!MAY_HOLD_NUMBER.test(text)) return found;
  // Each pattern runs only where its unit can occur: a test for the unit alone is far cheaper than the scan.
  if (MAY_HOLD_GAS.test(text)) readGas(text, found);
  if (MAY_HOLD_PERCENT.test(text)) readPercent(text, found);
  if (MAY_HOLD_PEOPLE.test(text)) readPeople(text, found);
  if (MAY_HOLD_BARRELS.test(text)) readBarrels(text, found);
  if (MAY_HOLD_MONEY.test(text)) readMoney(text, found);
  return found.sort((a, b) => a.index - b.index);
}

const MAY_HOLD_NUMBER = new RegExp(String.raw`\d|thousand|hundred|dozen|${NUMBER_WORDS}`, 'i');
const MAY_HOLD_GAS = /bcm|cubic|m3|m³|cbm/i;
const MAY_HOLD_PERCENT = /%|per\s?cent/i;
const MAY_HOLD_PEOPLE =
  /troops|soldiers|workers|labou?rers|personnel|fighters|servicemen|engineers|sappers|deminers|builders/i;
const MAY_HOLD_BARRELS = /bpd|b\/d|barrels/i;
const MAY_HOLD_MONEY = /[$€£¥]|USD|EUR|CNY|RMB|dollars|euros|pounds|yuan|renminbi|roubles|rubles/i;

function readGas(text: string, found: Quantity[]): void {
  for (const match of text.matchAll(GAS)) {
    const [whole, digits = '', scale, unit = ''] = match;
    const raw = toNumber(digits, scale);
    // "38.8 billion cubic metres" and "38.8 bcm" are the same; bare cubic metres are counted in units.
    const value = /^bcm$/i.test(unit) ? raw : raw / 1e9;
    const per = YEARLY.test(text.slice(match.index + whole.length)) ? ('year' as const) : undefined;
    found.push({
      value: round(value),
      unit: 'bcm',
      ...(per ? { per } : {}),
      ...vagueness(digits),
      text: whole,
      index: match.index,
    });
  }
}

function readPercent(text: string, found: Quantity[]): void {
  for (const match of text.matchAll(PERCENT)) {
    found.push({
      value: amountOf(match[1] ?? ''),
      unit: 'percent',
      text: match[0],
      index: match.index,
    });
  }
}

function readPeople(text: string, found: Quantity[]): void {
  for (const match of text.matchAll(PEOPLE)) {
    found.push({
      value: toNumber(match[1] ?? '', match[2]),
      unit: 'people',
      ...vagueness(match[1] ?? ''),
      text: match[0],
      index: match.index,
    });
  }
}

function readBarrels(text: string, found: Quantity[]): void {
  for (const match of text.matchAll(BARRELS)) {
    found.push({
      value: toNumber(match[1] ?? '', match[2]),
      unit: 'bpd',
      ...vagueness(match[1] ?? ''),
      text: match[0],
      index: match.index,
    });
  }
}

function readMoney(text: string, found: Quantity[]): void {
  for (const match of text.matchAll(MONEY_BEFORE)) {
    const unit = CURRENCIES[(match[1] ?? '').trim().toLowerCase()];
    if (unit)
      found.push({ value: toNumber(match[2] ?? '', match[3]), unit, text: match[0], index: match.index });
  }
  for (const match of text.matchAll(MONEY_AFTER)) {
    const unit = CURRENCIES[(match[3] ?? '').toLowerCase()];
    if (unit)
      found.push({
        value: toNumber(match[1] ?? '', match[2]),
        unit,
        ...vagueness(match[1] ?? ''),
        text: match[0],
        index: match.index,
      });
  }
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
