import type { AnalysedSentence, AnalysedStory } from './analyse-story';
import type { CompiledFact, CompiledGroup } from './compile-facts';
import { maskOfAll } from './country-mask';

/** A fact a story speaks to, with the sentences that speak to it. */
export interface FactMatch {
  compiled: CompiledFact;
  sentences: AnalysedSentence[];
}

/** Whether every group matches the text: by naming one of its countries (`countries`, a mask) or one of its terms. */
function allGroupsMatch(groups: readonly CompiledGroup[], text: string, countries: number): boolean {
  for (const group of groups)
    if ((group.countries & countries) === 0 && !(group.terms?.test(text) ?? false)) return false;
  return true;
}

/**
 * The facts a story speaks to: the story names every actor country and meets the story-wide signals, and at
 * least one sentence meets all the sentence signals.
 */
export function matchFacts(facts: readonly CompiledFact[], story: AnalysedStory): FactMatch[] {
  const storyCountries = maskOfAll(story.mentions);
  // Most facts are ruled out on the whole text, so a sentence's countries are gathered only when first asked for.
  const perSentence: number[] = [];
  const matches: FactMatch[] = [];
  for (const compiled of facts) {
    if ((compiled.actors & storyCountries) !== compiled.actors) continue;
    if (!allGroupsMatch(compiled.storyGroups, story.text, storyCountries)) continue;
    // A sentence meeting every sentence group means the whole text meets them too (a sentence is a slice of the
    // text cut at punctuation and spaces, so word boundaries hold alike): one test of the text rules most facts out.
    if (!allGroupsMatch(compiled.sentenceGroups, story.text, storyCountries)) continue;
    const sentences: AnalysedSentence[] = [];
    for (let index = 0; index < story.sentences.length; index++) {
      const sentence = story.sentences[index] as AnalysedSentence;
      let countries = perSentence[index];
      if (countries === undefined) {
        countries = maskOfAll(sentence.mentions);
        perSentence[index] = countries;
      }
      // The signal groups turn most sentences away cheaply; the long exclusion list is read only after them.
      if (
        allGroupsMatch(compiled.sentenceGroups, sentence.text, countries) &&
        !compiled.exclude?.test(sentence.text)
      )
        sentences.push(sentence);
    }
    if (sentences.length > 0) matches.push({ compiled, sentences });
  }
  return matches;
}
