import type { Baseline } from '../../baseline/schema';
import type { Classification, CountryCode, StoryText } from '../model/classification';
import { analyseStory, storyText } from './analyse-story';
import { type CompiledFact, compileFacts } from './compile-facts';
import { decideAlert } from './decide-alert';
import { judgeRelevance } from './judge-relevance';
import { judgeVerdict } from './judge-verdict';
import { matchFacts } from './match-facts';
import { countriesOf, createCountryRecogniser } from './recognise-countries';

/** Classifies one story against the baseline the classifier was built with. */
export type Classifier = (story: StoryText) => Classification;

/**
 * Builds a classifier for a baseline. The country alternation is compiled here, once; fact signals are
 * compiled on the first relevant story, so a cold start that sees no relevant story never pays for them.
 * Most stories end after one scan of the alias alternation that finds no alias at all, or one country.
 */
export function createClassifier(baseline: Baseline): Classifier {
  const recogniser = createCountryRecogniser();
  let facts: CompiledFact[] | undefined;

  return (story) => {
    const mentions = recogniser.recognise(storyText(story.title, story.summary));
    const countries = mentions.length === 0 ? [] : countriesOf(mentions);
    if (countries.length < 2) return irrelevant(story.id, countries);

    const analysed = analyseStory(story.title, story.summary, mentions);
    const { relevant } = judgeRelevance(analysed);
    if (!relevant) return irrelevant(story.id, countries);

    facts ??= compileFacts(baseline.facts);
    const findings = matchFacts(facts, analysed)
      .map((match) => judgeVerdict(match, story.published))
      .filter((finding) => finding !== undefined);
    return { id: story.id, relevant, countries, facts: findings, alert: decideAlert(relevant, findings) };
  };
}

function irrelevant(id: string, countries: CountryCode[]): Classification {
  return { id, relevant: false, countries, facts: [], alert: null };
}
