import type { CountryCode } from '../model/classification';
import type { AnalysedSentence, AnalysedStory } from './analyse-story';
import { countryMask, maskOfAll } from './country-mask';
import type { CountryMention } from './recognise-countries';
import { compileTerms, type TermMatcher } from './term-pattern';

/**
 * Words of a relationship between states: meeting, trade, energy, arms, travel, support. They relate two
 * countries only when they stand between the two names ("Kim sends letter to Putin", "China's purchases of
 * Russian oil"): a relation word elsewhere in the sentence may belong to anyone. Sanctions and tariffs are left
 * out on purpose: "tariffs on Russia, North Korea" ties neither to the other.
 */
// biome-ignore format: a word list reads better packed
const RELATION_TERMS = [
  'talk*', 'met', 'meet*', 'summit*', 'visit*', 'trip', 'tie', 'ties', 'relation*', 'partner*', 'alliance',
  'ally', 'allies', 'allied', 'friend*', 'cooperat*', 'co-operat*', 'treaty', 'pact', 'agree*', 'deal*',
  'accord', 'memorandum', 'sign*', 'trade*', 'trading', 'export*', 'import*', 'suppl*', 'deliver*', 'shipment*',
  'shipped', 'shipping', 'pipeline*', 'gas', 'oil', 'crude', 'LNG', 'coal', 'energy', 'bridge', 'border*', 'rail*',
  'train', 'flight*', 'visa*', 'touris*', 'tour', 'tours', 'travel*', 'troops', 'soldiers', 'munitions', 'weapons', 'arms',
  'shells', 'drills', 'exercise*', 'joint*', 'bilateral', 'mutual*', 'aid', 'aiding', 'assist*',
  'help*', 'support*', 'host*', 'greet*', 'welcom*', 'receiv*', 'letter', 'message', 'congratulat*', 'phone*',
  'envoy*', 'ambassador*', 'embass*', 'delegation*', 'consultation*', 'dialogue', 'parade', 'buy*', 'bought',
  'purchas*', 'refiner*', 'invest*', 'loan*', 'yuan', 'rouble*', 'ruble*', 'payment*', 'worker*', 'labourers',
  'laborers', 'accus*', 'praise*', 'hail*', 'tout*', 'pledge*', 'vow*', 'arriv*', 'reach*', 'fly', 'flies',
  'flew', 'crosse*', 'crossed', 'side by side', 'beside', 'alongside', 'flank*', 'brief*', 'discuss*',
  'negotiat*', 'cargo*', 'tanker*', 'consulate', 'friendship', 'solidarity', 'comrade*', 'fraternal', 'blood',
  'embrace*', 'inks', 'inked', 'forge*', 'bolster*', 'deepen*', 'strengthen*', 'sent', 'send*', 'sending',
  'fight*', 'fought', 'fired', 'used', 'uses', 'using', 'thank*', 'gratitude', 'buyer*', 'customer*', 'told',
  'tells', 'invit*', 'enabl*', 'fund*', 'financ*', 'gift*', 'backing', 'backed', 'backs', 'sided', 'sides with',
  'provid*', 'artillery', 'troop', 'dispatch*', 'deploy*', 'join*', 'lifeline', 'link*', 'connect*', 'admit*',
  'serv*', 'transaction*', 'sell*', 'sold', 'sales', 'parts', 'components', 'discharg*', 'unload*', 'offload*',
  'receipt*', 'depend*', 'reliance', 'relies on', 'rely on', 'relying on', 'leans on', 'lean on', 'leaning on',
  'counts on', 'count on', 'counting on', 'make up for', 'makes up for', 'overrat*', 'shield', 'cushion*', 'refus*',
  'ships', 'ship', 'return*', 'regiment*', 'brigade*', 'battalion*', 'units', '同', '与',
  'обсуди*', 'обсужд*', 'проинформир*', 'беседова*', 'разговор*', 'телефон*', 'подписа*', 'соглашени*', 'принял*',
  'переговор*', 'встреч*', 'встрет*', 'посет*', 'прибы*', 'послани*', 'визит*', 'сотрудничеств*', 'торгов*',
  'поставк*', 'отношени*', 'партнерств*', 'союз*', 'безвиз*', 'без виз*', 'въезд*', 'въезжа*', 'взаимн*',
  '免签', '专列', '抵达', '会见', '提供', '武器', '支持', '열차', '도착', '무비자',
  '지원', '무기', '会谈', '会晤', '访问', '合作', '关系', '贸易', '供应', '友谊', '伙伴', '同盟', '회담', '방문',
  '협력', '관계', '교역', '동맹', '파병', '이송', '보낸', '보냈', '포탄', '수출', '공급', '파견'
];

/**
 * What two coordinated names do together ("China and Russia hold talks", "Chinese and Russian bombers fly a
 * joint patrol", "Xi, Putin and Kim watch troops march"), read just after the coordination. Without one of
 * these, coordinated names are co-mentioned ("Chinese and Russian ships", "China, North Korea, Russia threats").
 */
// biome-ignore format: a word list reads better packed
const RECIPROCAL_TERMS = [
  'talk*', 'ties', 'relation*', 'trade', 'deal*', 'pact', 'treaty', 'agree*', 'sign*', 'inks', 'inked', 'joint*',
  'partnership', 'alliance', 'ally', 'allies', 'cooperat*', 'drill*', 'exercise*', 'patrol*', 'hold', 'holds',
  'held', 'meet*', 'met', 'pledge*', 'vow*', 'tout*', 'hail*', 'discuss*', 'bilateral', 'mutual*', 'summit*',
  'friendship', 'bond*', 'forge*', 'deepen*', 'strengthen*', 'boost*', 'together', 'each other', 'one another',
  'coordinat*', 'exchang*', 'congratulat*', 'side by side', 'shoulder', 'stand', 'stood', 'watch*', 'unity',
  'solidarity', 'axis', 'navies',
  'warships', 'border', 'visa*', 'settle*', 'start*', 'launch*', 'open', 'opens', 'opened', 'build*', 'celebrat*', 'mark*',
  'began', 'begin*', 'conduct*', 'stage*', 'partner*', 'lifeline', 'visit*', 'touris*', 'trip*',
  'travel*', 'flight*', 'tour*', 'without visas', 'without a visa', 'bridge', 'pipeline', 'gas', 'oil', 'crude',
  'troops', 'soldiers', 'weapons', 'arms', 'munitions', 'shells', 'artillery', 'deploy*', 'sent', 'send*',
  '免签', '专列', '抵达', '会见', '提供', '武器', '支持', '열차', '도착', '무비자', '지원', '무기', '访问', '贸易', '供应',
  '友谊', '伙伴', '同盟', '방문', '교역', '동맹', '파병', '병력', 'визит*', 'сотрудничеств*', 'поставк*', 'отношени*', 'переговор*', 'обсуди*',
  'подписа*', 'встрети*', 'провели', '会谈', '会晤', '合作', '关系',
  '회담', '협력', '관계', '이송', '보낸', '보냈', '포탄', '수출', '공급', '파견'
];

/**
 * Words that tie two states together by themselves. A country named once, outside the title, still makes the
 * story relevant when a sentence ties it to the title's country with one of these ("North Korean soldiers
 * fighting alongside Russian troops"), but not with a weaker word ("big buyers of Russian oil").
 */
// biome-ignore format: a word list reads better packed
const STRONG_TIES = [
  'troops', 'soldiers', 'weapons', 'arms', 'munitions', 'shells', 'missiles', 'deal', 'agreement*', 'treaty',
  'regiment*', 'brigade*', 'battalion*',
  'summit', 'talks', 'visit*', 'alliance', 'ally', 'allies', 'partnership', 'cooperation', 'support*', 'aid',
  'pipeline', 'visa*', 'trade', 'met', 'meet', 'meets', 'meeting', 'host*', 'greet*', 'welcom*', 'joint*', 'LNG',
  'cargo*', 'tanker*', 'gas', 'oil', 'crude', 'sales', 'exports', 'imports', 'deliveries', 'supplies',
];

/**
 * A joint appearance ("Kim watched the parade together with Xi") ties two leaders as strongly, but only in a
 * story about them: a third party's story mentions one ("Trump would meet Kim, who stood beside Xi…") in passing.
 */
const JOINT_APPEARANCE = [
  'together with',
  'side by side',
  'alongside',
  'beside',
  'flank*',
  'shoulder to shoulder',
];

/**
 * Other countries and their leaders, so that a list ("North Korea, China and Russia"), a partner ("Seoul and
 * Beijing") and a third party's story ("Modi meets Putin", "Lee asks Xi…") are recognised as such.
 */
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
  'Berlin', 'Modi', 'Lee Jae Myung', 'Lee Jae-myung', 'Lee', 'Takaichi', 'Ishiba', 'Trump', 'Zelensky*',
  'Erdogan', 'Lula', 'Macron', 'Starmer', 'Merz', 'Albanese', 'Prabowo', 'Yoon', 'Rubio', 'Lukashenko',
  'Orban', 'Tokayev', 'Pezeshkian', 'Fico', 'Vucic', 'White House', 'Pentagon'
];

/** Verbs of a third party meeting someone: "Modi meets Putin", "Lee visits Beijing, asks Xi…". */
const THIRD_PARTY_VERB =
  /\b(?:meets?|met|meeting|visits?|visited|visiting|lands?|landed|arriv\w*|asks?|asked|hosts?|hosted|holds?|held|agree\w*|talks|tells?|told|seeks?|sought|press(?:es|ed)?|discuss\w*|calls? on|rides?|welcom\w*|greet\w*|receiv\w*|speaks?|spoke|phon\w*)\b/i;

// "in Beijing", "at Moscow": a capital as the place where something happened, not as an actor.
const LOCATIVE = /\b(?:in|at)\s+$/i;
// "arrived in Beijing", "landed at Pyongyang": the capital is where a trip ends, which is the relation itself.
const ARRIVAL = /\b(?:arriv\w*|land(?:s|ed|ing)?|visit\w*|trip|stay\w*|welcome)\s+(?:in|at)\s+$/i;
// "North Korea's missiles and Russian activity": the word before the conjunction belongs to the first conjunct.
const CONJUNCT_END = /(?:,|\band\b|\bor\b)\s*$/i;
// "…deter Russia and stand up to China": the words after the conjunction start a second conjunct.
const CONJUNCT_START = /^\s*,?\s*(?:and|or|but)\s+(?!(?:the|a|an|its|their|his|her|other)\b)[a-z]+\s+\S/;
// Two names joined only by a comma, "and", "or", "&" or a slash belong to one coordination.
const COORDINATION = /^\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or|nor|&|as\s+well\s+as)\s+|\/\s*)$/i;
// "Russia–China", "Moscow-Pyongyang": a compound that is itself a relation.
const COMPOUND = /^\s*[-‐‑–—]\s*$/;
// A coordination governed by a preposition is an object ("threats from China and Russia"), not two actors.
const GOVERNED =
  /\b(?:on|against|amid|about|over|toward|towards|including|like|such as|than|among|(?:linked|tied|connected|attributed|traced) to|lists?|listed|names?|named|cit\w+)\s+(?:the\s+)?$/i;
// A new clause or a contrast: words on either side speak of different things.
const CLAUSE_BREAK = /[;:]|\b(?:while|whereas|but|although|though|meanwhile)\b/i;
// A comma or semicolon between two names: each may belong to a statement of its own.
const CLAUSE_COMMA = /[,;]/;
// "…skips Beijing parade, meets Putin": a second verb after a comma has the sentence's subject, not the first name.
const SECOND_VERB =
  /,\s*(?:and\s+|then\s+)?(?:meets?|met|visits?|visited|holds?|held|hosts?|hosted|greets?|greeted|talks|calls?|phones?)\b/i;
// "Chinese President Xi Jinping", "China's Premier Li Qiang": one actor named twice.
const SAME_ACTOR = /^\s*(?:['’]s\s+)?(?:[A-Z][\p{L}-]*\.?\s+){0,3}$/u;
// What several countries can only do together, whoever else joins them.
const JOINT_ACTION = /\b(?:joint|drills?|exercises?|war games|manoeuvres|maneuvers|patrols?)\b/i;
// "…Russian supply risk and weak Chinese demand", "…Russian supply risk against soft Chinese demand": a relation
// word before the conjunction or contrast belongs to the first conjunct, unless what follows it ends in a
// preposition whose object is the second name.
const LAST_CONJUNCT = /\b(?:and|or|against|versus|vs)\b(?!.*\b(?:and|or|against|versus|vs)\b)(.*)$/is;
const ENDS_IN_PREPOSITION = /\b(?:to|for|with|from|into|on|by|toward|towards)\s*$/i;
// "as" starting a clause, not "as well as", "as part of", "as the main buyer of…".
const AS_CLAUSE =
  /\bas\s+(?!well\b|part\b|a\s+result\b|of\b|much\b|many\b|far\b|soon\b|long\b|such\b|the\s+(?:main|top|biggest|largest|key)\b)/i;
// "…claims his country ships shells to Russia": a possessive stand-in for the sentence's first watched name.
const ANAPHOR = /\b(?:his|her)\s+(?:country|government|nation)\b|\bthe\s+North\b/g;
// A shared occasion named in the title: leaders who each act at it are part of one story.
const EVENT =
  /\b(?:summit|parade|rostrum|gathering|ceremony|commemoration|anniversary|forum|SCO|Tiananmen|Victory Day|celebrations?|guests?)\b/i;
// The whole name of another country or leader where its alias starts ("Lee Jae Myung"); sticky, so it reads from
// the alias without slicing the sentence.
const OTHER_NAME = /[\p{L}.'’-]+(?:\s+[A-Z][\p{L}-]+){0,2}/uy;
/** How far into a sentence its subject may start ("Speaking later in the session, Vladimir Putin said…"). */
const SUBJECT_WINDOW = 50;
/** How far apart (characters) two names related by a word between them may stand. */
const GAP_LIMIT = 110;
/** How far after a coordination its shared predicate may start. */
const PREDICATE_WINDOW = 45;

interface Span {
  countries: readonly CountryCode[];
  start: number;
  end: number;
  watched: boolean;
  kind?: CountryMention['kind'];
}

/** How a sentence relates a pair: by a word between the names, or as a coordination with a shared predicate. */
type LinkKind = 'gap' | 'coordinated' | 'compound';

/** The decision with the reason, so a wrong call can be traced. */
export interface RelevanceJudgement {
  relevant: boolean;
  /** The pair of countries that made the story relevant, e.g. "CN-RU" (the first found). */
  pairs: string[];
}

let relationTerms: TermMatcher | undefined;
let reciprocalTerms: TermMatcher | undefined;
let strongTies: TermMatcher | undefined;
let jointAppearance: TermMatcher | undefined;
let otherCountries: TermMatcher | undefined;

/**
 * Whether a story is substantially about relations between at least two of the watched countries. Some
 * sentence must relate the two (a relation word between the names, a coordination with a shared predicate,
 * or a compound such as "Russia–China"), and the pair must be prominent: at least one in the title, and the
 * other in the title or named twice or tied by a strong word. A title that relates the pair is not enough
 * when the summary names both and never relates them (a market wrap's "Russian supply, Chinese data"); a
 * title about a third party ("Modi meets Putin") needs a strong tie in the summary. Compiled lazily: most
 * stories never get here.
 */
export function judgeRelevance(story: AnalysedStory): RelevanceJudgement {
  spansRead.clear();
  const counts = new Map<CountryCode, number>();
  for (const mention of story.mentions)
    for (const country of mention.countries) counts.set(country, (counts.get(country) ?? 0) + 1);
  const [title, ...summary] = story.sentences;
  if (counts.size < 2 || title === undefined) return { relevant: false, pairs: [] };

  const inTitle = new Set(title.mentions.flatMap((mention) => mention.countries));
  const candidates = pairsOf([...counts.keys()]).filter((pair) =>
    pair.some((country) => inTitle.has(country)),
  );
  if (candidates.length === 0)
    return (
      leadAlone(summary[0]) ?? actingTogether(summary) ?? pairOfTheTitlesRelation(title, summary, counts)
    );

  const links = story.sentences.map((sentence) => linkedPairs(sentence));
  const titleFrame = isThirdPartyFrame(title, spansOf(title));
  for (const [a, b] of candidates) {
    const pair = pairKey([a, b]);
    const bothInTitle = inTitle.has(a) && inTitle.has(b);
    const other = inTitle.has(a) ? b : a;
    const summaryLinks = summary.filter((_, index) => links[index + 1]?.has(pair));
    const titleLink = links[0]?.get(pair);
    if (titleLink !== undefined) {
      // A compound ("Power of Siberia", "Russia–China") needs no corroboration.
      if (
        titleLink === 'compound' ||
        summaryLinks.length > 0 ||
        !summary.some((sentence) => namesBothTogether(sentence, a, b)) ||
        summary.some((sentence) => sharesRelationWord(title, sentence, a, b))
      )
        return { relevant: true, pairs: [pair] };
      continue;
    }
    if (summaryLinks.length === 0) {
      if (!titleFrame && sharedOccasion(title, summary, a, b)) return { relevant: true, pairs: [pair] };
      continue;
    }
    if (!titleFrame && (bothInTitle || (counts.get(other) ?? 0) >= 2))
      return { relevant: true, pairs: [pair] };
    strongTies ??= compileTerms(STRONG_TIES);
    const tie = strongTies;
    if (summaryLinks.some((sentence) => linkedPairs(sentence, tie).has(pair)))
      return { relevant: true, pairs: [pair] };
    if (titleFrame) continue;
    jointAppearance ??= compileTerms(JOINT_APPEARANCE);
    const together = jointAppearance;
    if (summaryLinks.some((sentence) => linkedPairs(sentence, together).has(pair)))
      return { relevant: true, pairs: [pair] };
  }
  return { relevant: false, pairs: [] };
}

/**
 * A title that names neither country ("Cross-border cable car carries first passengers") leaves the story to its
 * lead: a first sentence that joins two of them in one compound ("the China–Russia talks", "Sino-Russian
 * trade"), which a passing mention never does, makes it relevant. Otherwise only two of them acting together
 * (actingTogether) or a title about their relationship (pairOfTheTitlesRelation) can.
 */
function leadAlone(lead: AnalysedSentence | undefined): RelevanceJudgement | undefined {
  if (lead === undefined) return undefined;
  for (const [pair, kind] of linkedPairs(lead))
    if (kind === 'compound') return { relevant: true, pairs: [pair] };
  return undefined;
}

/**
 * A title that names neither country may still head a story in which two of them act together: "the Russian
 * and Chinese presidents held a bilateral meeting on the sidelines" (a coordination with a shared predicate).
 */
function actingTogether(summary: readonly AnalysedSentence[]): RelevanceJudgement | undefined {
  for (const sentence of summary)
    for (const [pair, kind] of linkedPairs(sentence))
      if (kind === 'coordinated') return { relevant: true, pairs: [pair] };
  return undefined;
}

// A title that is about a relationship itself: "a lopsided partnership", "The axis that isn't".
const RELATIONSHIP_NOUN =
  /\b(?:partnership|alliance|relationship|friendship|ties|axis|entente|bromance|marriage of convenience)\b/i;

/**
 * A title that names a relationship but neither party ("Beneath the smiles, a lopsided partnership") leaves
 * the parties to the summary: the story is about their relationship when the summary names two watched
 * countries, each more than once, and no other country that could be the title's partner.
 */
function pairOfTheTitlesRelation(
  title: AnalysedSentence,
  summary: readonly AnalysedSentence[],
  counts: ReadonlyMap<CountryCode, number>,
): RelevanceJudgement {
  const none = { relevant: false, pairs: [] };
  if (counts.size !== 2 || !RELATIONSHIP_NOUN.test(title.text)) return none;
  if ([...counts.values()].some((count) => count < 2)) return none;
  if (summary.some((sentence) => spansOf(sentence).some((span) => !span.watched))) return none;
  return { relevant: true, pairs: [pairKey([...counts.keys()])] };
}

/** Whether the words after a conjunction in the gap start a second conjunct of their own. */
function splitByConjunction(gap: string, relation: TermMatcher): boolean {
  const rest = LAST_CONJUNCT.exec(gap)?.[1];
  if (rest === undefined || rest.trim() === '') return false;
  return !relation.test(rest) && !ENDS_IN_PREPOSITION.test(rest);
}

/**
 * Whether a summary sentence naming both countries repeats a relation word of the title ("China extends
 * visa-free entry for Russian travellers" … "Russian holders … without a visa"): it tells the title's story.
 */
function sharesRelationWord(
  title: AnalysedSentence,
  sentence: AnalysedSentence,
  a: CountryCode,
  b: CountryCode,
): boolean {
  const countries = sentence.mentions.flatMap((mention) => mention.countries);
  if (!countries.includes(a) || !countries.includes(b)) return false;
  // "talks with both Moscow and Beijing": a coordination is the object of someone else's relation.
  const spans = spansOf(sentence).filter((span) => span.watched);
  const coordinated = spans.some((span, index) => {
    const next = spans[index + 1];
    return (
      next !== undefined &&
      !sameCountries(next.countries, span.countries) &&
      COORDINATION.test(sentence.text.slice(span.end - sentence.start, next.start - sentence.start))
    );
  });
  if (coordinated) return false;
  relationTerms ??= compileTerms(RELATION_TERMS);
  const stem = (word: string) => word.toLowerCase().slice(0, 5);
  const titleStems = new Set(relationTerms.matches(title.text).map((match) => stem(match.text)));
  return relationTerms.matches(sentence.text).some((match) => titleStems.has(stem(match.text)));
}

/**
 * Leaders who each act at one occasion the title names ("Tianjin summit: Xi warns… as Putin faults…", "a guide
 * to Xi's parade guests" … "Vladimir Putin took the place to Xi's right"): one leader in the title, the other
 * in the title or as the subject of a summary sentence, with no third party before him.
 */
function sharedOccasion(
  title: AnalysedSentence,
  summary: readonly AnalysedSentence[],
  a: CountryCode,
  b: CountryCode,
): boolean {
  if (!EVENT.test(title.text)) return false;
  const leaderIn = (sentence: AnalysedSentence, country: CountryCode) =>
    sentence.mentions.some((mention) => mention.kind === 'person' && mention.countries.includes(country));
  const subjectIn = (sentence: AnalysedSentence, country: CountryCode) => {
    const first = spansOf(sentence)[0];
    return (
      first?.watched &&
      first.kind === 'person' &&
      first.countries.includes(country) &&
      first.start - sentence.start <= SUBJECT_WINDOW
    );
  };
  const acts = (country: CountryCode) =>
    leaderIn(title, country) || summary.some((sentence) => subjectIn(sentence, country));
  return (leaderIn(title, a) || leaderIn(title, b)) && acts(a) && acts(b);
}

/** Whether a sentence names both countries as actors in one clause (not "…, while Putin said…"). */
function namesBothTogether(sentence: AnalysedSentence, a: CountryCode, b: CountryCode): boolean {
  const actors = sentence.mentions.filter((mention) => !isLocative(sentence, mention));
  for (const first of actors)
    for (const second of actors) {
      if (second.start <= first.start || !first.countries.includes(a) === !second.countries.includes(a))
        continue;
      if (!(first.countries.includes(a) ? second : first).countries.includes(b)) continue;
      const gap = sentence.text.slice(first.end - sentence.start, second.start - sentence.start);
      // "Xi decried Cold War thinking and Putin called…": parallel clauses, each about one of them.
      const parallel = CONJUNCT_END.test(gap) && !COORDINATION.test(gap);
      if (gap.length <= GAP_LIMIT && !CLAUSE_BREAK.test(gap) && !parallel) return true;
    }
  return false;
}

function pairsOf(countries: readonly CountryCode[]): Array<[CountryCode, CountryCode]> {
  const pairs: Array<[CountryCode, CountryCode]> = [];
  countries.forEach((a, i) => {
    for (const b of countries.slice(i + 1)) pairs.push([a, b]);
  });
  return pairs;
}

// The title's spans serve the frame test and every pair's links: read each sentence once per judgement. A plain
// Map, emptied as each judgement starts, costs less than a WeakMap entry per sentence.
const spansRead = new Map<AnalysedSentence, Span[]>();

/** Watched mentions (capitals named as places left out, one actor's two names merged) and third parties. */
function spansOf(sentence: AnalysedSentence): Span[] {
  let spans = spansRead.get(sentence);
  if (spans === undefined) {
    spans = readSpans(sentence);
    spansRead.set(sentence, spans);
  }
  return spans;
}

function readSpans(sentence: AnalysedSentence): Span[] {
  const watched: Span[] = [];
  for (const mention of sentence.mentions) {
    if (isLocative(sentence, mention)) continue;
    const previous = watched[watched.length - 1];
    if (
      previous &&
      sameCountries(previous.countries, mention.countries) &&
      SAME_ACTOR.test(sentence.text.slice(previous.end - sentence.start, mention.start - sentence.start))
    ) {
      previous.end = mention.end;
      // "Russian President Vladimir Putin" is a person, whatever word names him first.
      if (mention.kind === 'person') previous.kind = 'person';
      continue;
    }
    watched.push({
      countries: mention.countries,
      start: mention.start,
      end: mention.end,
      watched: true,
      kind: mention.kind,
    });
  }
  const subject = watched[0];
  if (subject !== undefined && subject.start - sentence.start <= SUBJECT_WINDOW)
    for (const match of sentence.text.matchAll(ANAPHOR)) {
      const start = sentence.start + match.index;
      if (start > subject.end)
        watched.push({ countries: subject.countries, start, end: start + match[0].length, watched: true });
    }
  otherCountries ??= compileTerms(OTHER_COUNTRIES);
  const spans = [...watched];
  for (const position of otherCountries.positions(sentence.text)) {
    const start = sentence.start + position;
    if (spans.some((span) => start >= span.start && start < span.end)) continue;
    OTHER_NAME.lastIndex = position;
    const word = OTHER_NAME.exec(sentence.text)?.[0] ?? '';
    spans.push({ countries: [], start, end: start + word.length, watched: false });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * Pairs of countries a sentence relates to each other. `words` narrows the words that may stand between two
 * names (the relation words by default); a coordination needs a shared predicate; a sentence about a third
 * party ("Lee asks Xi to help restart talks with Pyongyang") relates the watched names only by coordination
 * or compound.
 */
function linkedPairs(sentence: AnalysedSentence, words?: TermMatcher): Map<string, LinkKind> {
  const pairs = new Map<string, LinkKind>();
  if (distinctCountries(sentence.mentions) < 2) return pairs;
  for (const mention of sentence.mentions)
    if (mention.countries.length > 1) pairs.set(pairKey(mention.countries), 'compound');
  const spans = spansOf(sentence);
  if (distinctCountries(spans) < 2) return pairs;
  relationTerms ??= compileTerms(RELATION_TERMS);
  reciprocalTerms ??= compileTerms(RECIPROCAL_TERMS);
  const relation = words ?? relationTerms;
  const frame = isThirdPartyFrame(sentence, spans);
  const chainOf = chains(sentence.text, sentence.start, spans);

  for (let i = 0; i < spans.length; i++) {
    const a = spans[i] as Span;
    if (!a.watched) continue;
    for (let j = i + 1; j < spans.length; j++) {
      const b = spans[j] as Span;
      if (!b.watched) continue;
      const key = keyOf(countryMask(a.countries) | countryMask(b.countries));
      if (key.length < 5 || pairs.has(key)) continue;
      const gap = textBetween(sentence, a.end, b.start);
      if (j === i + 1 && COMPOUND.test(gap)) {
        pairs.set(key, 'compound');
        continue;
      }
      if (chainOf[i] === chainOf[j]) {
        if (coordinatedActors(sentence, spans, chainOf, chainOf[i] ?? -1, relation === relationTerms))
          pairs.set(key, 'coordinated');
        continue;
      }
      if (frame || gap.length > GAP_LIMIT || CLAUSE_BREAK.test(gap)) continue;
      if (i > 0 && SECOND_VERB.test(gap)) continue;
      if (pairedWithOther(sentence, spans, i) || pairedWithOther(sentence, spans, j)) continue;
      if (CONJUNCT_START.test(gap)) continue;
      // "…more Russian gas as Chinese battery plant opens": in a headline, "as" opens a clause of its own (but
      // "…arrives as Putin's guest" names a role).
      if (
        sentence.isTitle &&
        AS_CLAUSE.test(gap) &&
        !/^['’]s\b/.test(textBetween(sentence, b.end, b.end + 3))
      )
        continue;
      if (relation.test(gap) && !CONJUNCT_END.test(gap) && !splitByConjunction(gap, relation)) {
        pairs.set(key, 'gap');
        continue;
      }
      if (relation !== relationTerms || j !== i + 1 || CONJUNCT_END.test(gap)) continue;
      // "China to let Russians visit", "Russia slides into the role of China's junior partner": the shared word
      // follows the second name; "a visit by Kim Jong Un to Russia": it comes just before the first.
      const next = spans.slice(j + 1).find((span) => !sameCountries(span.countries, b.countries));
      // Only within one clause: "…Russia could attack within five years, and warned that China was building up…"
      // are two statements, whatever follows the second name.
      if (!CLAUSE_COMMA.test(gap) && reciprocalTerms?.test(clauseAfter(sentence, b, next))) {
        pairs.set(key, 'gap');
        continue;
      }
      const before = sentence.text.slice(
        Math.max(0, a.start - sentence.start - 25),
        a.start - sentence.start,
      );
      if (gap.length <= 15 && !CLAUSE_BREAK.test(before) && relationTerms?.test(before))
        pairs.set(key, 'gap');
    }
  }
  return pairs;
}

/**
 * Whether a coordination names actors doing something together: only watched names, not the object of a
 * preposition ("threats from…", "talks on North Korea and China") unless that is "between", and a shared
 * predicate just after ("…hold talks", "…bombers fly a joint patrol").
 */
function coordinatedActors(
  sentence: AnalysedSentence,
  spans: readonly Span[],
  chainOf: readonly number[],
  chain: number,
  plain: boolean,
): boolean {
  const members = spans.filter((_, index) => chainOf[index] === chain);
  const first = members[0];
  const last = members[members.length - 1];
  if (first === undefined || last === undefined || !plain) return false;
  // "Iran, Russia and China begin a naval drill": a joint exercise is joint whoever else takes part.
  if (members.some((span) => !span.watched))
    return (
      members.filter((span) => span.watched).length >= 2 && JOINT_ACTION.test(clauseAfter(sentence, last))
    );
  const before = sentence.text.slice(0, first.start - sentence.start);
  // "the agreement reached between PJSC Gazprom and China National Petroleum Corporation"
  if (/\bbetween\s+(?:the\s+)?(?:[A-Z][\p{L}.-]*\s+){0,2}$/u.test(before)) return true;
  // "Neither Putin nor Xi attended": a shared absence.
  if (/\bneither\s+$/i.test(before)) return false;
  if (GOVERNED.test(before)) return false;
  // "Putin, Xi and Kim on Tiananmen rostrum": leaders named together appear together.
  if (members.every((span) => span.kind === 'person') && !/\b(?:of|from|by|with|for)\s+$/i.test(before))
    return true;
  // "the bridge linking Russia and North Korea"
  const lead = before.slice(-25);
  if (
    !CLAUSE_BREAK.test(lead) &&
    /\b(?:link\w*|connect\w*|ties|relations|trade|talks|summit|cooperation)\s+(?:\w+\s+)?$/i.test(lead)
  )
    return true;
  return reciprocalTerms?.test(clauseAfter(sentence, last)) ?? false;
}

/** The words just after a span, up to a clause break or the next name. */
function clauseAfter(sentence: AnalysedSentence, span: Span, next?: Span): string {
  const end = next ? next.start - sentence.start : sentence.text.length;
  const after = sentence.text.slice(span.end - sentence.start, end);
  const breakAt = after.search(/[;:.,]|\s[–—]\s|\b(?:while|whereas|but|and)\b/i);
  return after.slice(0, Math.min(PREDICATE_WINDOW, breakAt < 0 ? after.length : breakAt));
}

/**
 * A sentence whose subject is a third party meeting, visiting or asking ("Modi meets Putin", "Lee visits
 * Beijing, asks Xi…", "South Korea's Lee and China's Xi agree…"): the watched names in it are that party's
 * counterparts, not each other's.
 */
function isThirdPartyFrame(sentence: AnalysedSentence, spans: readonly Span[]): boolean {
  const first = spans[0];
  if (first === undefined || first.watched || first.start - sentence.start > 30) return false;
  const firstWatched = spans.find((span) => span.watched);
  if (firstWatched === undefined) return false;
  const lead = sentence.text.slice(first.end - sentence.start, firstWatched.start - sentence.start);
  // "South Korea and China held a dialogue … on North Korea": a third party shares the subject, so whatever
  // follows is their topic, not a tie between the watched names. Demonyms are left out: "Indian and Chinese
  // refiners halt Russian crude purchases" lists buyers, each of which still deals with Russia.
  // When the subject names both watched countries ("Iran, Russia and China begin drills") they act together.
  const next = spans[spans.indexOf(firstWatched) + 1];
  const bothInSubject =
    next?.watched === true &&
    COORDINATION.test(sentence.text.slice(firstWatched.end - sentence.start, next.start - sentence.start));
  const sharedSubject = firstWatched.kind !== 'demonym' && COORDINATION.test(lead) && !bothInSubject;
  return lead.length <= 45 && (THIRD_PARTY_VERB.test(lead) || sharedSubject);
}

// "Seoul and Beijing", not "…from Europe, China – …": only an explicit conjunction makes partners.
// ", and" more often starts a clause than joins two names.
// "South Korean Foreign Minister Cho Hyun and China's Wang Yi": the third party's title and name may stand between.
const CONJUNCTION = /^\s*(?:[A-Z][\p{L}-]*\.?\s+){0,5}(?:and|or|nor|&)\s+$/u;

/** Whether the span is joined by a conjunction to a non-watched country next to it (and to no watched name). */
function pairedWithOther(sentence: AnalysedSentence, spans: readonly Span[], index: number): boolean {
  const span = spans[index];
  if (span === undefined) return false;
  const before = spans[index - 1];
  const after = spans[index + 1];
  const withOther =
    (before !== undefined && !before.watched && conjoined(sentence, before, span)) ||
    (after !== undefined && !after.watched && conjoined(sentence, span, after));
  const withWatched =
    (before?.watched === true && conjoined(sentence, before, span)) ||
    (after?.watched === true && conjoined(sentence, span, after));
  return withOther && !withWatched;
}

// Module functions rather than closures: these run for every pair of names, and a closure made per call costs.
/** The sentence's text between two offsets of the story. */
function textBetween(sentence: AnalysedSentence, from: number, to: number): string {
  return sentence.text.slice(from - sentence.start, to - sentence.start);
}

/**
 * Whether two spans are joined by a conjunction or a dash: "…ahead of the Trump–Xi meeting" pairs Xi with a third
 * party as much as "Trump and Xi" does.
 */
function conjoined(sentence: AnalysedSentence, a: Span, b: Span): boolean {
  const between = textBetween(sentence, a.end, b.start);
  return CONJUNCTION.test(between) || COMPOUND.test(between);
}

function isLocative(sentence: AnalysedSentence, mention: CountryMention): boolean {
  const offset = mention.start - sentence.start;
  if (mention.kind !== 'capital') return false;
  const before = sentence.text.slice(Math.max(0, offset - 30), offset);
  return LOCATIVE.test(before) && !ARRIVAL.test(before);
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

function pairKey(countries: readonly CountryCode[]): string {
  return keyOf(countryMask(countries));
}

// The key of every set of countries (as a mask): the first two codes in alphabetical order, joined ("CN-RU").
const KEYS = ['', 'CN', 'KP', 'CN-KP', 'RU', 'CN-RU', 'KP-RU', 'CN-KP'];

function keyOf(mask: number): string {
  return KEYS[mask] ?? '';
}

/** How many distinct countries a list of mentions or spans names. */
function distinctCountries(items: ReadonlyArray<{ countries: readonly CountryCode[] }>): number {
  const mask = maskOfAll(items);
  return (mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1);
}

/** Whether two country lists are the same list, in the same order. */
function sameCountries(a: readonly CountryCode[], b: readonly CountryCode[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}
