import { describe, expect, it } from 'vitest';
import { readLabelledStories } from '../../../cli/evaluation/read-labelled-stories';
import { scoreClassifications } from '../../../cli/evaluation/score';
import { loadBaseline } from '../../../lambda/baseline/load-baseline';
import { createClassifier } from '../../../lambda/core/detect/classify';

// Floors sit a little under today's scores (see the README's figures) and at or above the project targets, so a
// change that makes classification worse fails here; they are regression floors, not the scores themselves.
const SETS = [
  {
    file: 'test/fixtures/dev-stories.jsonl',
    floors: {
      relevanceF1: 0.95,
      falsePositiveRate: 0.07,
      alertF1: 0.92,
      reaffirmOnly: 0.2,
      attributionF1: 0.88,
      contradictionRecall: 0.99,
    },
  },
  {
    file: 'test/fixtures/varied-stories.jsonl',
    // Our own set keeps the hardest negatives we could write (a third country's leader meeting one of the three,
    // oil-market and climate-summit stories naming two in passing).
    floors: {
      relevanceF1: 0.95,
      falsePositiveRate: 0.07,
      alertF1: 0.9,
      reaffirmOnly: 0.1,
      attributionF1: 0.92,
      contradictionRecall: 0.9,
    },
  },
  {
    // Written blind in outlets' styles and scored once before any change (relevance F1 0.891, 33% false
    // positives, alert F1 0.800); the rules were then generalised on it, so it is no longer unseen.
    file: 'test/fixtures/heldout-stories.jsonl',
    floors: {
      relevanceF1: 0.95,
      falsePositiveRate: 0.05,
      alertF1: 0.93,
      reaffirmOnly: 0.1,
      attributionF1: 0.88,
      contradictionRecall: 0.9,
    },
  },
  {
    // Written blind after the first round and scored once (relevance F1 0.884, 10% false positives, alert F1
    // 0.870, attribution F1 0.810); the second round of fixes then saw it too.
    file: 'test/fixtures/heldout-2-stories.jsonl',
    floors: {
      relevanceF1: 0.93,
      falsePositiveRate: 0.06,
      alertF1: 0.92,
      reaffirmOnly: 0.15,
      attributionF1: 0.88,
      contradictionRecall: 0.9,
    },
  },
  {
    // Written blind after the second round and scored once (relevance F1 0.911 with recall 0.848, 3.3% false
    // positives, alert F1 0.811, attribution F1 0.779, contradiction recall 0.667); the third round of fixes
    // then saw it, so these floors guard against regressions, not unseen stories.
    file: 'test/fixtures/heldout-3-stories.jsonl',
    floors: {
      relevanceF1: 0.94,
      falsePositiveRate: 0.04,
      alertF1: 0.92,
      reaffirmOnly: 0.1,
      attributionF1: 0.83,
      contradictionRecall: 0.9,
    },
  },
  {
    // Written blind after the third round and scored once (relevance F1 0.900 with recall 0.857, 6.3% false
    // positives, alert F1 0.755, attribution F1 0.732, contradiction recall 0.286); the fourth round of fixes
    // then saw it, so these floors guard against regressions, not unseen stories.
    file: 'test/fixtures/heldout-4-stories.jsonl',
    floors: {
      relevanceF1: 0.95,
      falsePositiveRate: 0.04,
      alertF1: 0.92,
      reaffirmOnly: 0.1,
      attributionF1: 0.86,
      contradictionRecall: 0.8,
    },
  },
  {
    // Written blind after the fourth round to stress disputes (19 contradictions in varied phrasings, 11
    // look-alikes) and scored once (relevance F1 0.947, 0% false positives, alert F1 0.780, 28.6% of
    // reaffirm-only stories alerting, attribution F1 0.900, contradiction recall 0.526); the shared dispute cues
    // and negated action words were then generalised with it in view.
    file: 'test/fixtures/heldout-5-contradictions.jsonl',
    floors: {
      relevanceF1: 0.92,
      falsePositiveRate: 0.05,
      alertF1: 0.9,
      reaffirmOnly: 0.1,
      attributionF1: 0.86,
      contradictionRecall: 0.8,
    },
  },
  {
    // Written blind after the fifth round and scored once (relevance F1 0.933, alert F1 0.667 with recall 0.526,
    // verdict accuracy 57%, contradiction recall 0.333); the verdict wording classes it showed (extensions,
    // growth and decline, moved dates, signed deals, figures in words, disputes) were then generalised with it in view.
    file: 'test/fixtures/heldout-7-stories.jsonl',
    floors: {
      relevanceF1: 0.93,
      falsePositiveRate: 0.05,
      alertF1: 0.85,
      reaffirmOnly: 0.15,
      attributionF1: 0.84,
      contradictionRecall: 0.7,
    },
  },
  {
    // Written blind alongside batch 7 and scored once (relevance F1 0.923 with 12.5% false positives, alert F1
    // 0.784, reaffirm-only alerted 23%, fact F1 0.889, contradiction recall 0.833); its misses were then read.
    file: 'test/fixtures/heldout-6-stories.jsonl',
    floors: {
      relevanceF1: 0.93,
      falsePositiveRate: 0.1,
      alertF1: 0.9,
      reaffirmOnly: 0.1,
      attributionF1: 0.88,
      contradictionRecall: 0.8,
    },
  },
  {
    // Written blind in the dev set's mix and scored once (relevance F1 0.971, no false positives, alert F1 0.857,
    // reaffirm-only alerted 27%, fact F1 0.848, contradiction recall 0.667); its misses were then read.
    file: 'test/fixtures/heldout-8-stories.jsonl',
    floors: {
      relevanceF1: 0.95,
      falsePositiveRate: 0.05,
      alertF1: 0.9,
      reaffirmOnly: 0.1,
      attributionF1: 0.85,
      contradictionRecall: 0.6,
    },
  },
  {
    // Written blind in the dev set's mix and scored once (relevance F1 0.896 with recall 0.833, false positives
    // 4.2%, alert F1 0.718, reaffirm-only alerted 14%, fact F1 0.840, contradictions 0 of 4); its misses were then read.
    file: 'test/fixtures/heldout-9-stories.jsonl',
    floors: {
      relevanceF1: 0.93,
      falsePositiveRate: 0.05,
      alertF1: 0.88,
      reaffirmOnly: 0.1,
      attributionF1: 0.85,
      contradictionRecall: 0.25,
    },
  },
  {
    // Written blind after the rounds on batches 6–9 and scored once (relevance F1 0.901, false positives 8.7%,
    // alert F1 0.727, reaffirm-only alerted 21%, fact F1 0.831, contradictions 1 of 4); its misses were then read.
    file: 'test/fixtures/heldout-10-stories.jsonl',
    floors: {
      relevanceF1: 0.93,
      falsePositiveRate: 0.05,
      alertF1: 0.8,
      reaffirmOnly: 0.15,
      attributionF1: 0.86,
      contradictionRecall: 0.5,
    },
  },
  {
    // Written blind after the rounds on batches 6–10 and scored once (relevance F1 0.972, false positives 4.2%,
    // alert F1 0.875, reaffirm-only alerted 23%, fact F1 0.806, contradictions 3 of 4): every target met blind.
    file: 'test/fixtures/heldout-11-stories.jsonl',
    floors: {
      relevanceF1: 0.95,
      falsePositiveRate: 0.05,
      alertF1: 0.88,
      reaffirmOnly: 0.25,
      attributionF1: 0.8,
      contradictionRecall: 0.5,
    },
  },
  {
    // Written blind after the round on batch 11 and scored once (relevance F1 0.944, false positives 8.3%, alert
    // F1 0.826, reaffirm-only alerted 8.3%, fact F1 0.864, contradictions 3 of 4); its misses were then read.
    file: 'test/fixtures/heldout-12-stories.jsonl',
    floors: {
      relevanceF1: 0.95,
      falsePositiveRate: 0.05,
      alertF1: 0.9,
      reaffirmOnly: 0.1,
      attributionF1: 0.85,
      contradictionRecall: 0.5,
    },
  },
  {
    // Written blind after the round on batch 12 and scored once (relevance F1 0.972, no false positives, alert F1
    // 0.837, reaffirm-only alerted 20%, fact F1 0.800, contradictions 3 of 5); its misses were then read.
    file: 'test/fixtures/heldout-13-stories.jsonl',
    floors: {
      relevanceF1: 0.95,
      falsePositiveRate: 0.05,
      alertF1: 0.88,
      reaffirmOnly: 0.1,
      attributionF1: 0.85,
      contradictionRecall: 0.6,
    },
  },
  {
    // Written blind after the round on batch 13 and scored once (relevance F1 1.000, no false positives, alert F1
    // 0.837, reaffirm-only alerted 15%, fact F1 0.877, contradictions 2 of 4); its misses were then read.
    file: 'test/fixtures/heldout-14-stories.jsonl',
    floors: {
      relevanceF1: 0.95,
      falsePositiveRate: 0.05,
      alertF1: 0.9,
      reaffirmOnly: 0.2,
      attributionF1: 0.85,
      contradictionRecall: 0.75,
    },
  },
  {
    // Written blind after the round on batch 14 and scored once, the last batch of the second session
    // (relevance F1 1.000, no false positives, alert F1 0.936, reaffirm-only alerted 8%, fact F1 0.912,
    // contradictions 3 of 4); not tuned on since, so these floors sit just under its blind scores.
    file: 'test/fixtures/heldout-15-stories.jsonl',
    floors: {
      relevanceF1: 0.98,
      falsePositiveRate: 0.05,
      alertF1: 0.9,
      reaffirmOnly: 0.1,
      attributionF1: 0.9,
      contradictionRecall: 0.75,
    },
  },
  {
    // Written blind in the third session (developments after the baseline: moved dates, new figures, deals
    // signed or stuck) and scored once: relevance F1 0.947, no false positives, alert F1 0.881, reaffirm-only
    // alerted 12.5%, fact F1 0.833, contradictions 5 of 6. Its misses were then read.
    file: 'test/fixtures/heldout-16-stories.jsonl',
    floors: {
      relevanceF1: 0.92,
      falsePositiveRate: 0.05,
      alertF1: 0.88,
      reaffirmOnly: 0.15,
      attributionF1: 0.82,
      contradictionRecall: 0.75,
    },
  },
  {
    // Written blind with batch 16 (the same facts told by different outlets; hard negatives) and scored once:
    // relevance F1 0.930, no false positives, alert F1 0.667, reaffirm-only alerted 15.8%, fact F1 0.795,
    // contradictions 2 of 7. Its misses were then read; disputes argued at length (an op-ed calling the
    // partnership lopsided, a head count against "largest-ever") are still missed.
    file: 'test/fixtures/heldout-17-stories.jsonl',
    floors: {
      relevanceF1: 0.95,
      falsePositiveRate: 0.05,
      alertF1: 0.8,
      reaffirmOnly: 0.15,
      attributionF1: 0.84,
      contradictionRecall: 0.4,
    },
  },
  {
    // Written blind after the third session's round on batches 16 and 17 (a dev-like mix) and scored once:
    // relevance F1 0.971, no false positives, alert F1 0.941, no reaffirm-only story alerted, fact F1 0.907,
    // contradictions 4 of 4. Not tuned on, so these floors sit just under its blind scores.
    file: 'test/fixtures/heldout-18-stories.jsonl',
    floors: {
      relevanceF1: 0.95,
      falsePositiveRate: 0.05,
      alertF1: 0.92,
      reaffirmOnly: 0.05,
      attributionF1: 0.88,
      contradictionRecall: 0.75,
    },
  },
];

describe.each(SETS)('classification quality on $file', ({ file, floors }) => {
  // Prepare / Act (once per set)
  const labels = readLabelledStories(file);
  const classify = createClassifier(loadBaseline());
  const card = scoreClassifications(
    labels,
    labels.map((label) => classify(label)),
  );

  it('finds relevant stories', () => expect(card.relevance.f1).toBeGreaterThanOrEqual(floors.relevanceF1));
  it('rarely calls an irrelevant story relevant', () =>
    expect(card.falsePositiveRate).toBeLessThanOrEqual(floors.falsePositiveRate));
  it('alerts on changes and new developments', () =>
    expect(card.alert.f1).toBeGreaterThanOrEqual(floors.alertF1));
  it('stays quiet on stories that only reaffirm', () =>
    expect(card.reaffirmOnlyAlertRate).toBeLessThanOrEqual(floors.reaffirmOnly));
  it('attributes stories to the right facts', () =>
    expect(card.attribution.f1).toBeGreaterThanOrEqual(floors.attributionF1));
  it('catches contradictions', () =>
    expect(card.contradictionRecall).toBeGreaterThanOrEqual(floors.contradictionRecall));
});
