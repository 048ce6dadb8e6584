import { describe, expect, it } from 'vitest';
import {
  fingerprintText,
  NEAR_DUPLICATE_THRESHOLD,
  similarity,
} from '../../../lambda/core/stories/similarity';
import { distinctPairs, syndicatedPairs } from './similarity-pairs';

const score = (pair: (typeof syndicatedPairs)[number]) =>
  similarity(fingerprintText(pair.a.title, pair.a.summary), fingerprintText(pair.b.title, pair.b.summary));

describe('similarity', () => {
  it('uses 0.85 as the near-duplicate threshold', () => {
    expect(NEAR_DUPLICATE_THRESHOLD).toBe(0.85);
  });

  it.each(syndicatedPairs.map((pair) => [pair.name, pair] as const))(
    'treats a syndicated copy as a near duplicate: %s',
    (_name, pair) => {
      expect(score(pair)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
    },
  );

  it.each(distinctPairs.map((pair) => [pair.name, pair] as const))(
    'keeps different stories on one topic apart: %s',
    (_name, pair) => {
      expect(score(pair)).toBeLessThan(0.5);
    },
  );

  it('is symmetric', () => {
    for (const pair of [...syndicatedPairs, ...distinctPairs]) {
      const a = fingerprintText(pair.a.title, pair.a.summary);
      const b = fingerprintText(pair.b.title, pair.b.summary);
      expect(similarity(a, b)).toBeCloseTo(similarity(b, a), 12);
    }
  });

  it('stays within [0, 1]', () => {
    for (const pair of [...syndicatedPairs, ...distinctPairs]) {
      expect(score(pair)).toBeGreaterThanOrEqual(0);
      expect(score(pair)).toBeLessThanOrEqual(1);
    }
  });

  it('scores an empty fingerprint as unlike anything', () => {
    expect(similarity('', fingerprintText('Putin visits Pyongyang', ''))).toBe(0);
  });
});

describe('fingerprintText', () => {
  it.each([
    [
      'folds case, punctuation and apostrophes',
      'Kim Jong Un\'s sister: "No talks!"',
      '',
      'kim jong uns sister no talks',
    ],
    ['splits Chinese into characters', '中朝贸易', '增长', '中 朝 贸 易 增 长'],
    ['keeps Hangul and Cyrillic words whole', '북한 무역', 'Торговля КНДР', '북한 무역 торговля кндр'],
    ['folds full-width forms (NFKC)', 'ＫＣＮＡ　２０２４', '', 'kcna 2024'],
  ])('%s', (_name, title, summary, expected) => {
    expect(fingerprintText(title, summary)).toBe(expected);
  });

  it('keeps at most 160 tokens, so a stored fingerprint stays small', () => {
    const summary = Array.from({ length: 1000 }, (_, i) => `word${i}`).join(' ');
    expect(fingerprintText('t', summary).split(' ')).toHaveLength(160);
  });
});
