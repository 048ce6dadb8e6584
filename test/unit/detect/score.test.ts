import { describe, expect, it } from 'vitest';
import { type LabelledStory, scoreClassifications } from '../../../cli/evaluation/score';
import type { Classification } from '../../../lambda/core/model/classification';

const label = (id: string, relevant: boolean, facts: LabelledStory['facts'] = {}): LabelledStory => ({
  id,
  title: id,
  relevant,
  facts,
});
const result = (
  id: string,
  relevant: boolean,
  facts: Classification['facts'] = [],
  alert: Classification['alert'] = null,
): Classification => ({
  id,
  relevant,
  countries: [],
  facts,
  alert,
});

describe('scoreClassifications', () => {
  it('scores relevance, alerts, attribution and verdicts', () => {
    // Prepare
    const labels = [
      label('a', true, { 'gas-volume-target': 'updates' }),
      label('b', true, { 'ties-unprecedented': 'reaffirms' }),
      label('c', false),
      label('d', true, { 'nk-arms-troops': 'contradicts' }),
    ];
    const results = [
      result('a', true, [{ factId: 'gas-volume-target', verdict: 'updates', evidence: 'x' }], {
        kind: 'update',
        factIds: ['gas-volume-target'],
      }),
      result('b', true, [{ factId: 'ties-unprecedented', verdict: 'reaffirms', evidence: 'x' }], {
        kind: 'update',
        factIds: [],
      }),
      result('c', true),
      result('d', true, [{ factId: 'nk-arms-troops', verdict: 'reaffirms', evidence: 'x' }]),
    ];
    // Act
    const card = scoreClassifications(labels, results);
    // Assess
    expect(card.relevance).toEqual({ precision: 0.75, recall: 1, f1: expect.closeTo(6 / 7, 6) });
    expect(card.falsePositiveRate).toBe(1);
    expect(card.alert.precision).toBe(0.5);
    expect(card.alert.recall).toBe(0.5);
    expect(card.reaffirmOnlyAlertRate).toBe(1);
    expect(card.attribution.f1).toBe(1);
    expect(card.verdictAccuracy).toBeCloseTo(2 / 3, 6);
    expect(card.contradictionRecall).toBe(0);
    expect(card.misses.map((miss) => miss.id)).toEqual(['b', 'c', 'd']);
  });
});
