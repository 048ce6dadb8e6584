import * as z from 'zod';
import type { Classification, Verdict } from '../../lambda/core/model/classification';

/** One line of a labelled set: a story plus what a careful reader decided about it. */
export const labelledStorySchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  summary: z.string().optional(),
  published: z.string().optional(),
  source: z.string().optional(),
  url: z.string().optional(),
  relevant: z.boolean(),
  facts: z.record(z.string(), z.enum(['reaffirms', 'updates', 'contradicts'])),
});
export type LabelledStory = z.infer<typeof labelledStorySchema>;

/** Precision, recall and F1 of one yes/no decision. */
export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
}

/** A story the classifier got wrong, with both readings. */
export interface Miss {
  id: string;
  title: string;
  expected: { relevant: boolean; facts: Record<string, Verdict>; alert: boolean };
  got: { relevant: boolean; facts: Record<string, Verdict>; alert: string | null };
}

/** Every figure `tiewatch eval` prints. */
export interface Scorecard {
  stories: number;
  relevance: PrecisionRecall;
  /** Share of irrelevant stories called relevant. */
  falsePositiveRate: number;
  alert: PrecisionRecall;
  /** Share of stories whose labels only reaffirm that still raised an alert. */
  reaffirmOnlyAlertRate: number;
  attribution: PrecisionRecall;
  /** Share of correctly attributed facts with the right verdict. */
  verdictAccuracy: number;
  /** Share of labelled contradictions found as contradictions of the same fact. */
  contradictionRecall: number;
  misses: Miss[];
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

function precisionRecall(truePositives: number, predicted: number, actual: number): PrecisionRecall {
  // With nothing to find and nothing claimed, a decision is perfect rather than undefined.
  const precision = predicted === 0 ? (actual === 0 ? 1 : 0) : truePositives / predicted;
  const recall = actual === 0 ? 1 : truePositives / actual;
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}

/** An alert is expected when a label changes or disputes a fact, or when a relevant story has no fact. */
export function expectsAlert(story: LabelledStory): boolean {
  const verdicts = Object.values(story.facts);
  return verdicts.some((verdict) => verdict !== 'reaffirms') || (story.relevant && verdicts.length === 0);
}

/** Scores classifications against labels, pairing them by position. */
export function scoreClassifications(
  labels: readonly LabelledStory[],
  results: readonly Classification[],
): Scorecard {
  let relevantTp = 0;
  let relevantPredicted = 0;
  let relevantActual = 0;
  let irrelevant = 0;
  let falsePositives = 0;
  let alertTp = 0;
  let alertPredicted = 0;
  let alertActual = 0;
  let reaffirmOnly = 0;
  let reaffirmOnlyAlerted = 0;
  let factTp = 0;
  let factPredicted = 0;
  let factActual = 0;
  let verdictRight = 0;
  let contradictions = 0;
  let contradictionsCaught = 0;
  const misses: Miss[] = [];

  labels.forEach((label, index) => {
    const result = results[index];
    if (result === undefined) throw new Error(`no classification for story ${label.id}`);
    const got = Object.fromEntries(
      result.facts.map((finding) => [finding.factId, finding.verdict]),
    ) as Record<string, Verdict>;
    const expectedAlert = expectsAlert(label);
    const gotAlert = result.alert !== null;

    if (label.relevant) relevantActual++;
    else irrelevant++;
    if (result.relevant) relevantPredicted++;
    if (result.relevant && label.relevant) relevantTp++;
    if (result.relevant && !label.relevant) falsePositives++;

    if (expectedAlert) alertActual++;
    if (gotAlert) alertPredicted++;
    if (gotAlert && expectedAlert) alertTp++;
    const verdicts = Object.values(label.facts);
    if (verdicts.length > 0 && verdicts.every((verdict) => verdict === 'reaffirms')) {
      reaffirmOnly++;
      if (gotAlert) reaffirmOnlyAlerted++;
    }

    factActual += verdicts.length;
    factPredicted += Object.keys(got).length;
    for (const [factId, verdict] of Object.entries(label.facts)) {
      const predicted = got[factId];
      if (predicted !== undefined) {
        factTp++;
        if (predicted === verdict) verdictRight++;
      }
      if (verdict === 'contradicts') {
        contradictions++;
        if (predicted === 'contradicts') contradictionsCaught++;
      }
    }

    const sameFacts =
      Object.keys(got).length === verdicts.length &&
      Object.entries(label.facts).every(([factId, verdict]) => got[factId] === verdict);
    if (label.relevant !== result.relevant || expectedAlert !== gotAlert || !sameFacts) {
      misses.push({
        id: label.id,
        title: label.title,
        expected: { relevant: label.relevant, facts: label.facts, alert: expectedAlert },
        got: { relevant: result.relevant, facts: got, alert: result.alert?.kind ?? null },
      });
    }
  });

  return {
    stories: labels.length,
    relevance: precisionRecall(relevantTp, relevantPredicted, relevantActual),
    falsePositiveRate: ratio(falsePositives, irrelevant),
    alert: precisionRecall(alertTp, alertPredicted, alertActual),
    reaffirmOnlyAlertRate: ratio(reaffirmOnlyAlerted, reaffirmOnly),
    attribution: precisionRecall(factTp, factPredicted, factActual),
    verdictAccuracy: ratio(verdictRight, factTp),
    contradictionRecall: contradictions === 0 ? 1 : contradictionsCaught / contradictions,
    misses,
  };
}
