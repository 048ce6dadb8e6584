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

  it('reads a thing turned away as no dispute', () => {
    // Prepare
    const denials = compileTerms(['reject*']);
    const sentence = 'Chinese banks began rejecting yuan transfers for Russian gas cargoes';
    // Act / Assess
    expect(findCueNear(sentence, denials, anchorsOf(sentence))).toBeUndefined();
    expect(
      findCueNear(
        'Beijing rejected reports of gas talks',
        denials,
        anchorsOf('Beijing rejected reports of gas talks'),
      )?.text,
    ).toBe('rejected');
  });

  it('reads a denial of talk about something else as no dispute of the fact said before it', () => {
    // Prepare
    const denials = compileTerms(['dismiss*']);
    const aside =
      "Both will keep working on gas supplies, it said, dismissing Western talk of an 'axis of upheaval'";
    const aimed = 'The Kremlin spokesman dismissed Western talk of new gas supplies to China';
    // Act / Assess
    expect(findCueNear(aside, denials, anchorsOf(aside))).toBeUndefined();
    expect(findCueNear(aimed, denials, anchorsOf(aimed))?.text).toBe('dismissed');
  });

  it.each([
    ['Both countries reject the Cold War mentality and bullying, and their partnership stands firm'],
    ['Beijing and Moscow rejected unilateral sanctions and hegemony in their joint statement on gas'],
    ["Xi tells the partnership's summit to reject 'Cold War mentality'"],
  ])('reads a rejected policy as a shared stance, not a dispute: %s', (sentence) => {
    const denials = compileTerms(['reject*']);
    const partnership = compileTerms(['partnership', 'gas']).positions(sentence);
    expect(findCueNear(sentence, denials, partnership)).toBeUndefined();
  });

  it.each([
    ['Trump has failed to reach a ceasefire agreement with Putin', 'ceasefire agreement'],
    ['Moscow and Kyiv have not signed a ceasefire with US mediation', 'signed a ceasefire'],
    ['Envoys pushed for a ceasefire agreement in Ukraine', 'ceasefire agreement'],
  ])('reads a change that did not happen or is only sought as no change: %s', (sentence, cue) => {
    const changes = compileTerms([cue]);
    const anchors = compileTerms(['Putin', 'Ukraine', 'Kyiv']).positions(sentence);
    expect(findCueNear(sentence, changes, anchors, undefined, true)).toBeUndefined();
    expect(findCueNear(sentence, changes, anchors, undefined, false)?.text).toBe(cue);
  });

  it('reads a change after "but" or "instead" despite an earlier negation', () => {
    const sentence = 'Kim did not take his train but flew to Beijing';
    const cues = compileTerms(['flew']);
    expect(
      findCueNear(sentence, cues, compileTerms(['Kim']).positions(sentence), undefined, true)?.text,
    ).toBe('flew');
  });

  it('lets the dispute of a report reach the content the report gives', () => {
    const sentence =
      'North Korea dismissed as vicious slander a report by an 11-nation monitoring team saying Pyongyang had shipped artillery shells to Russia';
    const denials = compileTerms(['dismiss*']);
    expect(findCueNear(sentence, denials, compileTerms(['shells']).positions(sentence))?.text).toBe(
      'dismissed',
    );
  });

  it('does not let a distant dispute reach the fact words without a report in between', () => {
    const sentence =
      'North Korea dismissed the criticism from the visiting delegation of lawmakers in Seoul on Monday while its shells reached Russia';
    const denials = compileTerms(['dismiss*']);
    expect(findCueNear(sentence, denials, compileTerms(['shells']).positions(sentence))).toBeUndefined();
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
