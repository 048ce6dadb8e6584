import type { Command } from 'commander';
import { BaselineError } from '../../lambda/baseline/baseline-error';
import { loadBaseline } from '../../lambda/baseline/load-baseline';
import { createClassifier } from '../../lambda/core/detect/classify';
import { LabelledSetError, readLabelledStories } from '../evaluation/read-labelled-stories';
import { type PrecisionRecall, type Scorecard, scoreClassifications } from '../evaluation/score';

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const triple = (score: PrecisionRecall): string =>
  `precision ${score.precision.toFixed(3)}  recall ${score.recall.toFixed(3)}  F1 ${score.f1.toFixed(3)}`;

/** The report `tiewatch eval` prints. */
export function formatScorecard(card: Scorecard): string {
  const lines = [
    `stories                 ${card.stories}`,
    `relevance               ${triple(card.relevance)}`,
    `false positives         ${percent(card.falsePositiveRate)} of irrelevant stories`,
    `alert                   ${triple(card.alert)}`,
    `reaffirm-only alerted   ${percent(card.reaffirmOnlyAlertRate)}`,
    `fact attribution        ${triple(card.attribution)}`,
    `verdict accuracy        ${percent(card.verdictAccuracy)} of correctly attributed facts`,
    `contradiction recall    ${percent(card.contradictionRecall)}`,
    '',
    `wrong (${card.misses.length}):`,
  ];
  for (const miss of card.misses) {
    lines.push(`  ${miss.id}  ${miss.title}`);
    lines.push(
      `      expected relevant=${miss.expected.relevant} alert=${miss.expected.alert} facts=${JSON.stringify(miss.expected.facts)}`,
    );
    lines.push(
      `      got      relevant=${miss.got.relevant} alert=${miss.got.alert} facts=${JSON.stringify(miss.got.facts)}`,
    );
  }
  return lines.join('\n');
}

/** Adds `tiewatch eval <file> [--baseline FILE]`: scores classify on a labelled JSON Lines file. */
export function registerEval(program: Command): void {
  program
    .command('eval <file>')
    .description('Score classify on a labelled JSON Lines file (relevant, facts: fact id → verdict)')
    .option('--baseline <file>', 'baseline JSON file (default: the shipped baseline)')
    .action((file: string, options: { baseline?: string }) => {
      try {
        const classify = createClassifier(loadBaseline(options.baseline));
        const labels = readLabelledStories(file);
        const results = labels.map((label) => classify(label));
        process.stdout.write(`${formatScorecard(scoreClassifications(labels, results))}\n`);
      } catch (error) {
        if (!(error instanceof BaselineError || error instanceof LabelledSetError)) throw error;
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 2;
      }
    });
}
