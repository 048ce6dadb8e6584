import type { CountryCode } from '../model/classification';
import type { AnalysedSentence, AnalysedStory } from './analyse-story';
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
const COORDINATION = /^\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or|&|as\s+well\s+as)\s+|\/\s*)$/i;
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
  /** The pairs of countries the story relates, e.g. "CN-RU". */
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
  if (counts.size < 2) return { relevant: false, pairs: [] };

  const title = story.sentences[0];
  const inTitle = new Set(title?.mentions.flatMap((mention) => mention.countries) ?? []);
  const linked = new Set<string>();
  for (const sentence of story.sentences) for (const pair of linkedPairs(sentence)) linked.add(pair);
  strongTies ??= compileTerms(STRONG_TIES);
  const strong = new Set<string>();
  for (const sentence of story.sentences.slice(1)) {
    for (const pair of linkedPairs(sentence, strongTies, true)) strong.add(pair);
  }

  // Both named in the title and again, apart, in one sentence of the summary: the story is about the two.
  if (title) {
    // Not "Chinese and Russian ships": names coordinated in the title are co-mentioned, not related.
    const titleApart = apartPairs(title);
    for (const sentence of story.sentences.slice(1))
      for (const pair of apartPairs(sentence)) {
        const [a, b] = pair.split('-') as [CountryCode, CountryCode];
        if (inTitle.has(a) && inTitle.has(b) && titleApart.includes(pair)) linked.add(pair);
      }
  }

  const pairs = [...linked].filter((pair) => {
    const [a, b] = pair.split('-') as [CountryCode, CountryCode];
    if (inTitle.has(a) && inTitle.has(b)) return true;
    if (inTitle.has(a)) return (counts.get(b) ?? 0) >= 2 || strong.has(pair);
    if (inTitle.has(b)) return (counts.get(a) ?? 0) >= 2 || strong.has(pair);
    return false;
  });
  return { relevant: pairs.length > 0, pairs };
}

/**
 * Pairs of countries a sentence relates to each other through one of `words` (the relation words by default),
 * outside a list of three or more. With `skipLocative`, a capital named as a place ("in Beijing") is left out.
 */
function linkedPairs(sentence: AnalysedSentence, words?: TermMatcher, skipLocative = false): string[] {
  const countries = new Set(sentence.mentions.flatMap((mention) => mention.countries));
  if (countries.size < 2) return [];
  const pairs = new Set<string>();
  for (const mention of sentence.mentions)
    if (mention.countries.length > 1) pairs.add(pairKey(mention.countries));

  relationTerms ??= compileTerms(RELATION_TERMS);
  otherCountries ??= compileTerms(OTHER_COUNTRIES);
  const spans = withOtherCountries(sentence, otherCountries, skipLocative);
  const chainOf = chains(sentence.text, sentence.start, spans);
  const related = (words ?? relationTerms).test(sentence.text);

  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const a = spans[i] as Span;
      const b = spans[j] as Span;
      if (!a.watched || !b.watched) continue;
      for (const ca of a.countries) {
        for (const cb of b.countries) {
          if (ca === cb) continue;
          const gap = sentence.text.slice(a.end - sentence.start, b.start - sentence.start);
          if (j === i + 1 && COMPOUND.test(gap)) pairs.add(pairKey([ca, cb]));
          else if (related && !(chainOf[i] === chainOf[j] && chainSize(chainOf, chainOf[i]) >= 3))
            pairs.add(pairKey([ca, cb]));
        }
      }
    }
  }
  return [...pairs];
}

/** Pairs named in one sentence but not in the same coordination ("Xi told Putin", not "China and Russia"). */
function apartPairs(sentence: AnalysedSentence): string[] {
  if (new Set(sentence.mentions.flatMap((mention) => mention.countries)).size < 2) return [];
  otherCountries ??= compileTerms(OTHER_COUNTRIES);
  const spans = withOtherCountries(sentence, otherCountries);
  const chainOf = chains(sentence.text, sentence.start, spans);
  const pairs = new Set<string>();
  spans.forEach((a, i) => {
    spans.forEach((b, j) => {
      if (j <= i || !a.watched || !b.watched || chainOf[i] === chainOf[j]) return;
      for (const ca of a.countries) for (const cb of b.countries) if (ca !== cb) pairs.add(pairKey([ca, cb]));
    });
  });
  return [...pairs];
}

function withOtherCountries(sentence: AnalysedSentence, matcher: TermMatcher, skipLocative = false): Span[] {
  const spans: Span[] = sentence.mentions
    .filter(
      (mention) =>
        !skipLocative ||
        mention.kind !== 'capital' ||
        !LOCATIVE.test(
          sentence.text.slice(
            Math.max(0, mention.start - sentence.start - 4),
            mention.start - sentence.start,
          ),
        ),
    )
    .map((mention) => ({ ...mention, watched: true }));
  for (const position of matcher.positions(sentence.text)) {
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
