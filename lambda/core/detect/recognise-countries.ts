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
  /**
   * Every mention after disambiguation, in text order. One scan of one alternation: a text without any alias
   * costs that scan and an empty array, so no separate pre-filter is needed.
   */
  recognise(text: string): CountryMention[];
}

// "broken china", "fine china", "a china cabinet": the porcelain, not the country.
const PORCELAIN_BEFORE = /(?:broken|fine|bone|porcelain|antique|vintage|willow|painted|blue-and-white)\s+$/i;
const PORCELAIN_AFTER =
  /^\s+(?:cabinets?|plates?|sets?|tea\s?sets?|dinnerware|teacups?|cups|saucers|dolls?|shops?)\b/i;
// "Kim Min-seok", "Kim Hye-kyung": another Kim (a South Korean given name follows).
const OTHER_KIM_AFTER = /^\s+[A-Z][a-z]+-[a-z]+/;
// Daniil Medvedev the tennis player: once named, every Medvedev of the story is him, not the former president.
const TENNIS_MEDVEDEV = /\bDaniil\s+Medvedev\b/;
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
  const scan = new RegExp(source, 'gi');
  const exact = new Map<string, CountryAlias>();
  const stems: Array<{ prefix: string; alias: CountryAlias }> = [];
  for (const alias of aliases) {
    if (alias.term.endsWith('*')) stems.push({ prefix: normalise(alias.term.slice(0, -1)), alias });
    else exact.set(normalise(alias.term), alias);
  }
  stems.sort((a, b) => b.prefix.length - a.prefix.length);

  // Feeds repeat the same few spellings ("Russia", "Beijing"), so each matched text is normalised and looked
  // up once; null records a match that is no alias. The alphabet of spellings is small, so this stays small.
  const resolved = new Map<string, CountryAlias | null>();
  const lookup = (matched: string): CountryAlias | null => {
    let alias = resolved.get(matched);
    if (alias === undefined) {
      const key = normalise(matched);
      alias = exact.get(key) ?? stems.find((stem) => key.startsWith(stem.prefix))?.alias ?? null;
      // A case variant of a case-bound alias ("XI", "us") is no mention.
      if (alias && (isAcronym(alias.term) || EXACT_CASE.has(alias.term)) && matched !== alias.term)
        alias = null;
      if (resolved.size < 10_000) resolved.set(matched, alias);
    }
    return alias;
  };

  return {
    recognise(text) {
      const mentions: CountryMention[] = [];
      let weak: CountryMention[] | undefined;
      scan.lastIndex = 0;
      for (let match = scan.exec(text); match !== null; match = scan.exec(text)) {
        const matched = match[0];
        const alias = lookup(matched);
        if (alias === null) continue;
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
        if (!alias.weak) mentions.push(mention);
        else if (weak === undefined) weak = [mention];
        else weak.push(mention);
      }
      if (weak !== undefined) {
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
  if (alias.term === 'Medvedev' && TENNIS_MEDVEDEV.test(text)) return false;
  if (alias.term === '朝鲜' && PENINSULA_AFTER.test(text.slice(end, end + 2))) return false;
  if (alias.term === '北' && (IDEOGRAPH.test(text.charAt(start - 1)) || IDEOGRAPH.test(text.charAt(end))))
    return false;
  return true;
}

/** The distinct countries of a list of mentions, in the order RU, CN, KP. */
export function countriesOf(mentions: readonly CountryMention[]): CountryCode[] {
  let ru = false;
  let cn = false;
  let kp = false;
  for (const mention of mentions)
    for (const country of mention.countries) {
      if (country === 'RU') ru = true;
      else if (country === 'CN') cn = true;
      else kp = true;
    }
  const found: CountryCode[] = [];
  if (ru) found.push('RU');
  if (cn) found.push('CN');
  if (kp) found.push('KP');
  return found;
}
