import { describe, expect, it } from 'vitest';
import { findCueNear } from '../../../lambda/core/detect/detect-status-change';
import { compileTerms } from '../../../lambda/core/detect/term-pattern';

describe('findCueNear', () => {
  const cues = compileTerms(['halt*', 'declin* to confirm', 'signed a contract', 'denied']);
  const anchorsOf = (text: string) => compileTerms(['gas', 'Power of Siberia', 'crude']).positions(text);

  it.each([
    ['Chinese refiners halted purchases of Russian crude', 'halted'],
    ['Beijing declines to confirm Power of Siberia 2', 'declines to confirm'],
    ['Gazprom signed a contract for gas deliveries', 'signed a contract'],
  ])('finds the status change in "%s"', (sentence, expected) => {
    expect(findCueNear(sentence, cues, anchorsOf(sentence))?.text).toBe(expected);
  });

  it.each([
    ['Peskov dismissed Western talk of a rift over Power of Siberia gas'],
    ['The Kremlin denied reports of a rift over gas supplies'],
  ])('reads a denied doubt as no change: %s', (sentence) => {
    const doubts = compileTerms(['dismiss*', 'denied', 'rift']);
    expect(findCueNear(sentence, doubts, anchorsOf(sentence))).toBeUndefined();
  });

  it('still reads a denial of the fact itself', () => {
    const sentence = 'Beijing denied reports of a gas deal with Moscow';
    expect(findCueNear(sentence, cues, anchorsOf(sentence))?.text).toBe('denied');
  });

  it('ignores a cue in another clause', () => {
    const sentence = 'Beijing has denied it; gas supplies keep flowing';
    expect(findCueNear(sentence, cues, anchorsOf(sentence))).toBeUndefined();
  });

  it.each([
    ['Bessent urges allies to impose tariffs and halt Russian crude purchases'],
    ['Refiners could halt purchases of Russian crude, traders said'],
  ])('ignores a change that is only called for or possible: %s', (sentence) => {
    expect(findCueNear(sentence, cues, anchorsOf(sentence))).toBeUndefined();
  });

  it('ignores a cue far from the fact words', () => {
    const sentence =
      'Beijing denied supplying arms to Russia and the long list of partners, and is its largest gas buyer';
    expect(findCueNear(sentence, cues, anchorsOf(sentence))).toBeUndefined();
  });
});
