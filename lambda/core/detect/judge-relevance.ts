import type { CountryCode } from '../model/classification';
import type { AnalysedSentence, AnalysedStory } from './analyse-story';
import type { CountryMention } from './recognise-countries';
import { compileTerms, type TermMatcher } from './term-pattern';

/**
 * Words of a relationship between states: meeting, trade, energy, arms, travel, support. Sanctions and
 * tariffs are left out on purpose: "tariffs on Russia, North Korea" ties neither to the other.
 */
// biome-ignore format: a word list reads better packed
const RELATION_TERMS = [
  'talk*', 'met', 'meet*', 'summit*', 'visit*', 'trip', 'tie', 'ties', 'relation*', 'partner*', 'alliance',
  'ally', 'allies', 'allied', 'friend*', 'cooperat*', 'co-operat*', 'treaty', 'pact', 'agree*', 'deal*',
  'accord', 'memorandum', 'sign*', 'trade*', 'trading', 'export*', 'import*', 'suppl*', 'deliver*', 'shipment*', 'shipped', 'shipping',
  'pipeline*', 'gas', 'oil', 'crude', 'LNG', 'coal', 'energy', 'bridge', 'border*', 'rail*', 'train',
  'flight*', 'visa*', 'touris*', 'travel*', 'troops', 'soldiers', 'munitions', 'weapons', 'arms', 'military',
  'drills', 'exercise*', 'joint*', 'bilateral', 'mutual*', 'aid', 'aiding', 'assist*', 'help*', 'support*',
  'back*', 'host*', 'greet*', 'welcom*', 'receiv*', 'letter', 'message', 'congratulat*', 'call', 'phone*',
  'envoy*', 'ambassador*', 'embass*', 'delegation*', 'consultation*', 'dialogue', 'parade', 'buy*', 'bought',
  'purchas*', 'refiner*', 'invest*', 'loan*', 'yuan', 'rouble*', 'ruble*', 'payment*', 'worker*', 'labourers',
  'laborers', 'strategic', 'accus*', 'praise*', 'hail*', 'tout*', 'pledge*', 'vow*', 'arriv*', 'reach*',
  'land', 'lands', 'landed', 'fly', 'flies', 'flew', 'crosse*', 'crossed', 'side by side', 'beside',
  'alongside', 'brief*', 'discuss*', 'negotiat*', 'cargo*', 'tanker*', 'consulate', 'friendship', 'solidarity',
  'comrade*', 'fraternal', 'blood', 'embrace*', 'inks', 'inked', 'forge*', 'bolster*', 'deepen*',
  'strengthen*', 'переговор*', 'встреч*', 'визит*', 'сотрудничеств*', 'торгов*', 'поставк*', 'отношени*',
  'партнерств*', 'союз*', 'безвиз*', 'взаимн*', '免签', '专列', '抵达', '会见', '提供', '武器', '支持', '열차', '도착', '무비자',
  '지원', '무기', '会谈', '会晤', '访问', '合作', '关系', '贸易', '供应', '友谊', '伙伴', '同盟', '회담', '방문', '협력', '관계', '교역', '동맹',
  '파병'
];

/**
 * Other countries, so that a list ("North Korea, China and Russia", "China and India") is recognised as one:
 * names in a list of three or more are enumerated, not related.
 */
/**
 * Words that tie two states together by themselves. A country named once, outside the title, still makes the
 * story relevant when a sentence ties it to the title's country with one of these ("North Korean soldiers
 * fighting alongside Russian troops"), but not with a weaker word ("big buyers of Russian oil").
 */
// biome-ignore format: a word list reads better packed
const STRONG_TIES = [
  'troops', 'soldiers', 'weapons', 'arms', 'munitions', 'shells', 'deal', 'agreement*', 'treaty', 'summit', 'talks',
  'visit*', 'alliance', 'ally', 'allies', 'partnership', 'cooperation', 'support*', 'aid', 'pipeline', 'visa*', 'trade',
  'met', 'meet', 'meets', 'meeting',
];

// "in Beijing", "at Moscow": a capital as the place where something happened, not as an actor.
const LOCATIVE = /\b(?:in|at)\s+$/i;

// biome-ignore format: a word list reads better packed
const OTHER_COUNTRIES = [
  'India*', 'Japan*', 'United States', 'America*', 'US', 'U.S.', 'Iran*', 'Cuba*', 'Belarus*', 'Vietnam*',
  'Ukrain*', 'South Korea*', 'Korea', 'Taiwan*', 'Pakistan*', 'Turkey', 'Türkiye', 'Turkish', 'German*',
  'France', 'French', 'Britain', 'British', 'UK', 'Israel*', 'Syria*', 'Mongolia*', 'Kazakh*', 'Brazil*',
  'Venezuela*', 'Cambodia*', 'Laos', 'Myanmar', 'Indonesia*', 'Philippine*', 'Australia*', 'Canad*', 'EU',
  'Europe*', 'NATO', 'Saudi*', 'Egypt*', 'Serbia*', 'Hungar*', 'Poland', 'Polish', 'Italy', 'Italian*',
  'Spain', 'Spanish', 'Mexico', 'Nigeria*', 'South Africa*', 'Ethiopia*', 'Thailand', 'Thai', 'Malaysia*',
  'Singapore*', 'Afghan*', 'Iraq*', 'Libya*', 'Sudan*', 'Niger', 'Mali', 'Georgia*', 'Armenia*', 'Azerbaijan*',
  'Uzbek*', 'Tajik*', 'Kyrgyz*', 'Turkmen*', 'Nicaragua*', 'Eritrea*', 'Bangladesh*', 'Sri Lanka*', 'Nepal*',
  'Seoul', 'Tokyo', 'Washington', 'Kyiv', 'Delhi', 'Tehran', 'Minsk', 'Havana', 'Brussels', 'London', 'Paris',
  'Berlin'
];

// Two names joined only by a comma, "and", "or", "&" or a slash belong to one coordination.
const COORDINATION = /^\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or|nor|&|as\s+well\s+as)\s+|\/\s*)$/i;
// "Russia–China", "Moscow-Pyongyang": a compound that is itself a relation.
const COMPOUND = /^\s*[-‐‑–—]\s*$/;

interface Span {
  countries: readonly CountryCode[];
  start: number;
  end: number;
  watched: boolean;
}

/** The decision with the reason, so a wrong call can be traced. */
export interface RelevanceJudgement {
  relevant: boolean;
  /** The pair of countries that made the story relevant, e.g. "CN-RU" (the first found). */
  pairs: string[];
}

let relationTerms: TermMatcher | undefined;
let strongTies: TermMatcher | undefined;
let otherCountries: TermMatcher | undefined;

/**
 * Whether a story is substantially about relations between at least two of the watched countries: some
 * sentence must relate the two (a relation word, or a compound such as "Russia–China"), outside a list of
 * three or more, and the pair must be prominent (at least one in the title, and the other in the title or
 * named twice). Compiled lazily: most stories never get here.
 */
export function judgeRelevance(story: AnalysedStory): RelevanceJudgement {
  const counts = new Map<CountryCode, number>();
  for (const mention of story.mentions)
    for (const country of mention.countries) counts.set(country, (counts.get(country) ?? 0) + 1);
  const title = story.sentences[0];
  if (counts.size < 2 || title === undefined) return { relevant: false, pairs: [] };

  const inTitle = new Set(title.mentions.flatMap((mention) => mention.countries));
  const candidates = pairsOf([...counts.keys()]).filter((pair) =>
    pair.some((country) => inTitle.has(country)),
  );
  if (candidates.length === 0) return { relevant: false, pairs: [] };

  const linked = new Set<string>();
  for (const sentence of story.sentences) for (const pair of linkedPairs(sentence)) linked.add(pair);
  // Computed only when a pair needs them: most relevant stories are settled by the first test.
  let strong: Set<string> | undefined;
  let apartInTitleAndSummary: Set<string> | undefined;

  for (const [a, b] of candidates) {
    const pair = pairKey([a, b]);
    const bothInTitle = inTitle.has(a) && inTitle.has(b);
    const other = inTitle.has(a) ? b : a;
    if (linked.has(pair)) {
      if (bothInTitle || (counts.get(other) ?? 0) >= 2) return { relevant: true, pairs: [pair] };
      strong ??= strongPairs(story);
      if (strong.has(pair)) return { relevant: true, pairs: [pair] };
    } else if (bothInTitle) {
      apartInTitleAndSummary ??= apartEverywhere(story);
      if (apartInTitleAndSummary.has(pair)) return { relevant: true, pairs: [pair] };
    }
  }
  return { relevant: false, pairs: [] };
}

/** Pairs a summary sentence ties with a strong word, leaving out capitals named as places. */
function strongPairs(story: AnalysedStory): Set<string> {
  strongTies ??= compileTerms(STRONG_TIES);
  const found = new Set<string>();
  for (const sentence of story.sentences.slice(1))
    for (const pair of linkedPairs(sentence, strongTies)) found.add(pair);
  return found;
}

/**
 * Pairs named apart both in the title and in one summary sentence ("Xi calls for fairer order with Russia" …
 * "Xi told Putin"): the story is about the two even without a relation word. Not "Chinese and Russian ships":
 * names coordinated in the title are co-mentioned, not related.
 */
function apartEverywhere(story: AnalysedStory): Set<string> {
  const [title, ...summary] = story.sentences;
  const inTitle = new Set(title ? apartPairs(title) : []);
  const found = new Set<string>();
  for (const sentence of summary)
    for (const pair of apartPairs(sentence)) if (inTitle.has(pair)) found.add(pair);
  return found;
}

function pairsOf(countries: readonly CountryCode[]): Array<[CountryCode, CountryCode]> {
  const pairs: Array<[CountryCode, CountryCode]> = [];
  countries.forEach((a, i) => {
    for (const b of countries.slice(i + 1)) pairs.push([a, b]);
  });
  return pairs;
}

/**
 * Pairs of countries a sentence relates to each other through one of `words` (the relation words by default),
 * outside a list of three or more. A capital named as a place ("in Beijing") is not an actor and is left out.
 */
function linkedPairs(sentence: AnalysedSentence, words?: TermMatcher): string[] {
  const watched = sentence.mentions.filter((mention) => !isLocative(sentence, mention));
  if (new Set(watched.flatMap((mention) => mention.countries)).size < 2) return [];
  const pairs = new Set<string>();
  for (const mention of watched) if (mention.countries.length > 1) pairs.add(pairKey(mention.countries));
  // "Russia–China": a compound is a relation by itself.
  watched.forEach((mention, index) => {
    const next = watched[index + 1];
    if (
      next &&
      COMPOUND.test(sentence.text.slice(mention.end - sentence.start, next.start - sentence.start))
    ) {
      for (const a of mention.countries)
        for (const b of next.countries) if (a !== b) pairs.add(pairKey([a, b]));
    }
  });

  relationTerms ??= compileTerms(RELATION_TERMS);
  if (!(words ?? relationTerms).test(sentence.text)) return [...pairs];
  // Third countries tell a list ("Russia, North Korea, Cuba and Belarus") and a partner ("Seoul and Beijing").
  const spans = withOtherCountries(sentence, watched);
  const chainOf = chains(sentence.text, sentence.start, spans);
  spans.forEach((a, i) => {
    spans.forEach((b, j) => {
      if (j <= i || !a.watched || !b.watched) return;
      if (chainOf[i] === chainOf[j] && chainSize(chainOf, chainOf[i]) >= 3) return;
      // "Seoul and Beijing hold talks on North Korea": a name coordinated with a third country acts with it.
      if (pairedWithOther(sentence, spans, i) || pairedWithOther(sentence, spans, j)) return;
      for (const ca of a.countries) for (const cb of b.countries) if (ca !== cb) pairs.add(pairKey([ca, cb]));
    });
  });
  return [...pairs];
}

// "Seoul and Beijing", not "…from Europe, China – …": only an explicit conjunction makes partners.
const CONJUNCTION = /^\s*(?:,\s*)?(?:and|or|nor|&)\s+$/i;

/** Whether the span is joined by a conjunction to a non-watched country next to it (and to no watched name). */
function pairedWithOther(sentence: AnalysedSentence, spans: readonly Span[], index: number): boolean {
  const span = spans[index];
  if (span === undefined) return false;
  const gap = (a: Span, b: Span) =>
    CONJUNCTION.test(sentence.text.slice(a.end - sentence.start, b.start - sentence.start));
  const before = spans[index - 1];
  const after = spans[index + 1];
  const withOther =
    (before !== undefined && !before.watched && gap(before, span)) ||
    (after !== undefined && !after.watched && gap(span, after));
  const withWatched =
    (before?.watched === true && gap(before, span)) || (after?.watched === true && gap(span, after));
  return withOther && !withWatched;
}

function isLocative(sentence: AnalysedSentence, mention: CountryMention): boolean {
  const offset = mention.start - sentence.start;
  return mention.kind === 'capital' && LOCATIVE.test(sentence.text.slice(Math.max(0, offset - 4), offset));
}

/** Pairs named in one sentence but not in the same coordination ("Xi told Putin", not "China and Russia"). */
function apartPairs(sentence: AnalysedSentence): string[] {
  const watched = sentence.mentions.filter((mention) => !isLocative(sentence, mention));
  if (new Set(watched.flatMap((mention) => mention.countries)).size < 2) return [];
  const spans = withOtherCountries(sentence, watched);
  const chainOf = chains(sentence.text, sentence.start, spans);
  const pairs = new Set<string>();
  spans.forEach((a, i) => {
    spans.forEach((b, j) => {
      if (j <= i || !a.watched || !b.watched || chainOf[i] === chainOf[j]) return;
      if (pairedWithOther(sentence, spans, i) || pairedWithOther(sentence, spans, j)) return;
      for (const ca of a.countries) for (const cb of b.countries) if (ca !== cb) pairs.add(pairKey([ca, cb]));
    });
  });
  return [...pairs];
}

function withOtherCountries(sentence: AnalysedSentence, watched: readonly CountryMention[]): Span[] {
  otherCountries ??= compileTerms(OTHER_COUNTRIES);
  const spans: Span[] = watched.map((mention) => ({ ...mention, watched: true }));
  for (const position of otherCountries.positions(sentence.text)) {
    const start = sentence.start + position;
    if (spans.some((span) => span.watched && start >= span.start && start < span.end)) continue;
    const word = /^[\p{L}.'’-]+(?:\s+[A-Z][\p{L}]+)?/u.exec(sentence.text.slice(position))?.[0] ?? '';
    spans.push({ countries: [], start, end: start + word.length, watched: false });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Numbers each span by the coordination ("A, B and C") it belongs to. */
function chains(text: string, offset: number, spans: readonly Span[]): number[] {
  const ids: number[] = [];
  let id = 0;
  spans.forEach((span, index) => {
    const previous = spans[index - 1];
    if (previous && !COORDINATION.test(text.slice(previous.end - offset, span.start - offset))) id++;
    ids.push(id);
  });
  return ids;
}

function chainSize(ids: readonly number[], id: number | undefined): number {
  return ids.filter((other) => other === id).length;
}

function pairKey(countries: readonly CountryCode[]): string {
  return [...new Set(countries)].sort().slice(0, 2).join('-');
}
