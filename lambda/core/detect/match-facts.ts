import type { CountryCode } from '../model/classification';
import type { AnalysedSentence, AnalysedStory } from './analyse-story';
import type { CompiledFact, CompiledGroup } from './compile-facts';

/** A fact a story speaks to, with the sentences that speak to it. */
export interface FactMatch {
  compiled: CompiledFact;
  sentences: AnalysedSentence[];
}

function sentenceCountries(sentence: AnalysedSentence): Set<CountryCode> {
  return new Set(sentence.mentions.flatMap((mention) => mention.countries));
}

function groupMatches(group: CompiledGroup, text: string, countries: ReadonlySet<CountryCode>): boolean {
  return group.countries.some((country) => countries.has(country)) || (group.terms?.test(text) ?? false);
}

/**
 * The facts a story speaks to: the story names every actor country and meets the story-wide signals, and at
 * least one sentence meets all the sentence signals.
 */
export function matchFacts(facts: readonly CompiledFact[], story: AnalysedStory): FactMatch[] {
  const storyCountries = new Set(story.mentions.flatMap((mention) => mention.countries));
  // Most facts are ruled out on the whole text, so a sentence's countries are gathered only when first asked for.
  const perSentence: Array<Set<CountryCode> | undefined> = [];
  const matches: FactMatch[] = [];
  for (const compiled of facts) {
    if (!compiled.fact.actors.countries.every((country) => storyCountries.has(country))) continue;
    if (!compiled.storyGroups.every((group) => groupMatches(group, story.text, storyCountries))) continue;
    // A sentence meeting every sentence group means the whole text meets them too (a sentence is a slice of the
    // text cut at punctuation and spaces, so word boundaries hold alike): one test of the text rules most facts out.
    if (!compiled.sentenceGroups.every((group) => groupMatches(group, story.text, storyCountries))) continue;
    const sentences: AnalysedSentence[] = [];
    story.sentences.forEach((sentence, index) => {
      let countries = perSentence[index];
      if (countries === undefined) {
        countries = sentenceCountries(sentence);
        perSentence[index] = countries;
      }
      const here = countries;
      // The signal groups turn most sentences away cheaply; the long exclusion list is read only after them.
      if (
        compiled.sentenceGroups.every((group) => groupMatches(group, sentence.text, here)) &&
        !compiled.exclude?.test(sentence.text)
      )
        sentences.push(sentence);
    });
    if (sentences.length > 0) matches.push({ compiled, sentences });
  }
  return matches;
}
