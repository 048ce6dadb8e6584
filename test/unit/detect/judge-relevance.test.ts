import { describe, expect, it } from 'vitest';
import { analyseStory } from '../../../lambda/core/detect/analyse-story';
import { judgeRelevance } from '../../../lambda/core/detect/judge-relevance';
import { createCountryRecogniser } from '../../../lambda/core/detect/recognise-countries';

const recogniser = createCountryRecogniser();
function relevant(title: string, summary: string): boolean {
  return judgeRelevance(analyseStory(title, summary, recogniser.recognise(`${title}\n${summary}`))).relevant;
}

describe('judgeRelevance', () => {
  it.each([
    ['Putin and Xi pledge deeper ties', 'The two leaders met in Beijing.'],
    ['Russia and North Korea open road bridge', 'Moscow and Pyongyang celebrated the project.'],
    ['Russia–China trade slips 7%', 'Bilateral trade fell last year.'],
    ['Chinese refiners halt purchases of Russian crude', 'Traders said state firms stopped buying.'],
    ['Kim sends letter to Putin', 'Kim Jong Un praised the alliance with Moscow.'],
    ['Miller vows notice of Power of Siberia 2 start', 'Gazprom will announce construction in advance.'],
  ])('calls "%s" relevant', (title, summary) => {
    expect(relevant(title, summary)).toBe(true);
  });

  it.each([
    [
      'Japan lists North Korea, China and Russia as threats',
      'The white paper lists North Korea, China and Russia as top threats.',
    ],
    [
      'Seoul to build sub to track North Korean, Chinese boats',
      'South Korea will keep pace with North Korean and Chinese submarines.',
    ],
    ['Ukraine hit by Russian strikes', 'Kyiv urged China and India, buyers of Russian oil, to press Moscow.'],
    [
      'North Korea fires missiles',
      'Kim Jong Un watched. Later, Lee Jae Myung flew to Beijing for talks with Xi Jinping.',
    ],
    [
      'US to resume nuclear tests',
      "Moscow tested a missile while China's arsenal grows and Russia's stockpile stays large.",
    ],
    ['Putin lands in Delhi for summit', 'India and Russia signed deals. Beijing welcomed the visit.'],
    ['Tariffs spare Russia, North Korea', 'Russia, North Korea, Cuba and Belarus were spared the order.'],
    [
      'Seoul and Beijing hold talks on North Korea',
      'South Korean and Chinese envoys met in Beijing to discuss North Korea.',
    ],
    ['Putin speaks to reporters', 'Speaking in Beijing, Vladimir Putin said he was ready to meet Zelensky.'],
  ])('calls "%s" irrelevant', (title, summary) => {
    expect(relevant(title, summary)).toBe(false);
  });
});
