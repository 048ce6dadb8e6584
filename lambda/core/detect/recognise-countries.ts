import type { CountryCode } from '../model/classification';
import { type AliasKind, COUNTRY_ALIASES, type CountryAlias } from './country-aliases';
import { alternationSource, isAcronym } from './term-pattern';

/** One place where a story names a watched country. */
export interface CountryMention {
  countries: readonly CountryCode[];
  kind: AliasKind;
  start: number;
  end: number;
  text: string;
}

/** Recognises country mentions; built once per alias list. */
export interface CountryRecogniser {
  /** Cheap pre-filter: one compiled alternation, no allocation. False means no mention at all. */
  mayMention(text: string): boolean;
  /** Every mention after disambiguation, in text order. */
  recognise(text: string): CountryMention[];
}

// "broken china", "fine china", "a china cabinet": the porcelain, not the country.
const PORCELAIN_BEFORE = /(?:broken|fine|bone|porcelain|antique|vintage|willow|painted|blue-and-white)\s+$/i;
const PORCELAIN_AFTER =
  /^\s+(?:cabinets?|plates?|sets?|tea\s?sets?|dinnerware|teacups?|cups|saucers|dolls?|shops?)\b/i;
// "Kim Min-seok", "Kim Hye-kyung": another Kim (a South Korean given name follows).
const OTHER_KIM_AFTER = /^\s+[A-Z][a-z]+-[a-z]+/;
// 朝鲜半岛 is the Korean peninsula, not the DPRK.
const PENINSULA_AFTER = /^半岛/;
// A lone 北 is the North only amid Hangul, spaces or punctuation; next to another ideograph it is part of a word.
const IDEOGRAPH = /\p{Script=Han}/u;
// Words that make a bare "Kim" the North Korean leader when no South Korean subject is around.
const KIM_CONTEXT =
  /\b(?:armou?red train|train ride|by train|his train|missile launch\w*|military parade)\b/i;
const SOUTH_KOREA = /\b(?:South Korea\w*|Seoul|ROK)\b/;
/** Aliases matched only in their written case: "Xi" is not the numeral XI, "Kim" is a name. */
const EXACT_CASE = new Set(['Xi', 'Kim']);

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s\-‐‑–]+/g, ' ')
    .replace(/’/g, "'");
}

/** Builds the recogniser: one alternation RegExp and a lookup table, compiled once. */
export function createCountryRecogniser(
  aliases: readonly CountryAlias[] = COUNTRY_ALIASES,
): CountryRecogniser {
  const source = alternationSource(aliases.map((alias) => alias.term));
  const probe = new RegExp(source, 'i');
  const scan = new RegExp(source, 'gi');
  const exact = new Map<string, CountryAlias>();
  const stems: Array<{ prefix: string; alias: CountryAlias }> = [];
  for (const alias of aliases) {
    if (alias.term.endsWith('*')) stems.push({ prefix: normalise(alias.term.slice(0, -1)), alias });
    else exact.set(normalise(alias.term), alias);
  }
  stems.sort((a, b) => b.prefix.length - a.prefix.length);

  const lookup = (matched: string): CountryAlias | undefined => {
    const key = normalise(matched);
    return exact.get(key) ?? stems.find((stem) => key.startsWith(stem.prefix))?.alias;
  };

  return {
    mayMention: (text) => probe.test(text),
    recognise(text) {
      const mentions: CountryMention[] = [];
      const weak: CountryMention[] = [];
      for (const match of text.matchAll(scan)) {
        const matched = match[0];
        const alias = lookup(matched);
        if (alias === undefined) continue;
        if ((isAcronym(alias.term) || EXACT_CASE.has(alias.term)) && matched !== alias.term) continue;
        const start = match.index;
        const end = start + matched.length;
        if (!isCountrySense(alias, matched, text, start, end)) continue;
        const mention: CountryMention = {
          countries: alias.countries,
          kind: alias.kind,
          start,
          end,
          text: matched,
        };
        (alias.weak ? weak : mentions).push(mention);
      }
      if (weak.length > 0) {
        const named = new Set(mentions.flatMap((mention) => mention.countries));
        // "Kim arrives for parade after train ride to Beijing": the leader's own context, with no Seoul in sight.
        if (KIM_CONTEXT.test(text) && !SOUTH_KOREA.test(text)) named.add('KP');
        for (const mention of weak)
          if (mention.countries.every((country) => named.has(country))) mentions.push(mention);
        mentions.sort((a, b) => a.start - b.start);
      }
      return mentions;
    },
  };
}

function isCountrySense(
  alias: CountryAlias,
  matched: string,
  text: string,
  start: number,
  end: number,
): boolean {
  if (alias.term === 'China') {
    if (matched === 'china') return false;
    const before = text.slice(Math.max(0, start - 20), start);
    if (PORCELAIN_BEFORE.test(before) || PORCELAIN_AFTER.test(text.slice(end, end + 20))) return false;
  }
  if (alias.term === 'Kim' && OTHER_KIM_AFTER.test(text.slice(end, end + 20))) return false;
  if (alias.term === '朝鲜' && PENINSULA_AFTER.test(text.slice(end, end + 2))) return false;
  if (alias.term === '北' && (IDEOGRAPH.test(text.charAt(start - 1)) || IDEOGRAPH.test(text.charAt(end))))
    return false;
  return true;
}

/** The distinct countries of a list of mentions, in the order RU, CN, KP. */
export function countriesOf(mentions: readonly CountryMention[]): CountryCode[] {
  const found = new Set(mentions.flatMap((mention) => mention.countries));
  return (['RU', 'CN', 'KP'] as const).filter((country) => found.has(country));
}
