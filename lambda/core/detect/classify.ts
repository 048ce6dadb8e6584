import type { Baseline } from '../../baseline/schema';
import type { Classification, StoryText } from '../model/classification';
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
 * Most stories end at the pre-filter: one RegExp test that finds no alias at all.
 */
export function createClassifier(baseline: Baseline): Classifier {
  const recogniser = createCountryRecogniser();
  let facts: CompiledFact[] | undefined;

  return (story) => {
    const text = storyText(story.title, story.summary);
    const none: Classification = { id: story.id, relevant: false, countries: [], facts: [], alert: null };
    if (!recogniser.mayMention(text)) return none;
    const mentions = recogniser.recognise(text);
    const countries = countriesOf(mentions);
    if (countries.length < 2) return { ...none, countries };

    const analysed = analyseStory(story.title, story.summary, mentions);
    const { relevant } = judgeRelevance(analysed);
    if (!relevant) return { ...none, countries };

    facts ??= compileFacts(baseline.facts);
    const findings = matchFacts(facts, analysed)
      .map((match) => judgeVerdict(match, story.published))
      .filter((finding) => finding !== undefined);
    return { id: story.id, relevant, countries, facts: findings, alert: decideAlert(relevant, findings) };
  };
}
