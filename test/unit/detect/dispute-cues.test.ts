import { describe, expect, it } from 'vitest';
import { loadBaseline } from '../../../lambda/baseline/load-baseline';
import { createClassifier } from '../../../lambda/core/detect/classify';
import {
  DENIAL_TERMS,
  findCueNear,
  negatedActionTerms,
} from '../../../lambda/core/detect/detect-status-change';
import { compileTerms } from '../../../lambda/core/detect/term-pattern';

const classify = createClassifier(loadBaseline());

function verdictOf(title: string, summary: string, factId: string): string | undefined {
  const result = classify({ id: 't', title, summary, published: '2025-10-01', source: 'test' });
  return result.facts.find((fact) => fact.factId === factId)?.verdict;
}

describe('shared dispute cues', () => {
  const denial = compileTerms(DENIAL_TERMS);
  const troops = (text: string) => compileTerms(['troops', 'soldiers', 'shells']).positions(text);

  it.each([
    ['Pyongyang called reports of its troops in Kursk sheer fiction', 'fiction'],
    ['Officials said claims about its soldiers were unfounded', 'unfounded'],
    ['Seoul lawmakers called the reports of troops exaggerated', 'exaggerated'],
    ['북한은 병력 파견 보도가 사실무근이라며 soldiers 언급을 부인했다', '사실무근'],
  ])('finds the dispute in "%s"', (sentence, expected) => {
    expect(findCueNear(sentence, denial, troops(sentence))?.text).toBe(expected);
  });

  it.each([
    ['North Korea denied stealing crypto, even as its soldiers fought on in Kursk'],
    ['Pyongyang denies crypto theft as its soldiers fight on in Kursk'],
    ['North Korea, which had denied sending soldiers, has now confirmed the deployment'],
  ])('finds no dispute of the troops in "%s"', (sentence) => {
    expect(findCueNear(sentence, denial, troops(sentence))).toBeUndefined();
  });

  it('reaches an anchor measured from the end of a long cue', () => {
    const sentence =
      "Officials declined to confirm Russia's claim that China would take 106 billion cubic metres";
    const anchors = compileTerms(['billion cubic']).positions(sentence);
    expect(findCueNear(sentence, denial, anchors)?.text).toBe('declined to confirm');
  });
});

describe('negated action words', () => {
  const signed = compileTerms(negatedActionTerms(['signed']));

  it.each([
    ['The contract has not been signed', 'not been signed'],
    ['The contract was never signed', 'never signed'],
    ["The deal hasn't been signed yet", "hasn't been signed"],
  ])('finds "%s"', (sentence, expected) => {
    expect(signed.matches(sentence)[0]?.text).toBe(expected);
  });

  it('does not read a plain action as a negation', () => {
    expect(signed.test('The contract was signed on Tuesday')).toBe(false);
  });
});

describe('disputes judged end to end', () => {
  it.each([
    [
      'Power of Siberia 2 gas contract has not been signed, Chinese officials say',
      'Chinese energy officials said the Power of Siberia 2 gas supply contract has not been signed.',
      'gas-supply-increase',
    ],
    [
      'Embassy: visa-free entry for Russians was not introduced',
      "China's embassy in Moscow said visa-free entry for Russian citizens was not introduced in September.",
      'visa-free-trial',
    ],
    [
      'Kim Jong Un flew to Beijing, not by train, Seoul says',
      'The reports were wrong: Kim Jong Un came to Beijing not by train but on an Air Koryo jet, Seoul said.',
      'kim-beijing-trip',
    ],
  ])('%s contradicts', (title, summary, factId) => {
    expect(verdictOf(title, summary, factId)).toBe('contradicts');
  });

  it('a denial the baseline records reaffirms (Beijing denies aiding Russia)', () => {
    expect(
      verdictOf(
        'China again denies aiding Russia after new US charges',
        "China's foreign ministry denied that it supplies Russia with dual-use goods, after Washington accused Beijing of fuelling Russia's war machine.",
        'china-aid-accusation',
      ),
    ).toBe('reaffirms');
  });

  it('a signed contract still updates', () => {
    expect(
      verdictOf(
        'Gazprom and CNPC sign binding Power of Siberia 2 contract',
        'Gazprom and CNPC signed a binding gas supply contract for the Power of Siberia 2 pipeline to China.',
        'gas-supply-increase',
      ),
    ).toBe('updates');
  });
});
