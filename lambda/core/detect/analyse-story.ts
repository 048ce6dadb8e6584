import type { CountryMention } from './recognise-countries';
import { type SentenceSpan, splitSentences } from './split-sentences';

/** A sentence with the country mentions inside it; sentence 0 is the title. */
export interface AnalysedSentence extends SentenceSpan {
  index: number;
  isTitle: boolean;
  mentions: CountryMention[];
}

/** A story cut into sentences, with every country mention placed in its sentence. */
export interface AnalysedStory {
  /** Title, a newline, then the summary: the text all offsets refer to. */
  text: string;
  sentences: AnalysedSentence[];
  mentions: CountryMention[];
}

/** Joins title and summary the way the recogniser saw them. */
export function storyText(title: string, summary: string | undefined): string {
  return summary ? `${title}\n${summary}` : title;
}

/** Cuts the story into the title and the summary's sentences and files each mention under its sentence. */
export function analyseStory(
  title: string,
  summary: string | undefined,
  mentions: CountryMention[],
): AnalysedStory {
  const text = storyText(title, summary);
  const sentences: AnalysedSentence[] = [
    { text: title, start: 0, end: title.length, index: 0, isTitle: true, mentions: [] },
  ];
  if (summary)
    for (const span of splitSentences(summary, title.length + 1))
      sentences.push({
        text: span.text,
        start: span.start,
        end: span.end,
        index: sentences.length,
        isTitle: false,
        mentions: [],
      });
  let cursor = 0;
  for (const mention of mentions) {
    while (cursor < sentences.length - 1 && mention.start >= (sentences[cursor]?.end ?? 0)) cursor++;
    sentences[cursor]?.mentions.push(mention);
  }
  return { text, sentences, mentions };
}
