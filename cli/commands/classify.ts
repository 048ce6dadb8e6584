import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import * as z from 'zod';
import { BaselineError } from '../../lambda/baseline/baseline-error';
import { loadBaseline } from '../../lambda/baseline/load-baseline';
import { createClassifier } from '../../lambda/core/detect/classify';

/** One input line of `tiewatch classify`. */
const storyLineSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  summary: z.string().optional(),
  link: z.string().optional(),
  published: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  source: z.string().optional(),
});

/** Reads JSON Lines from `input`, writes one classification line per story; returns how many lines failed. */
export async function classifyLines(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  errors: NodeJS.WritableStream,
  baselinePath?: string,
): Promise<number> {
  const classify = createClassifier(loadBaseline(baselinePath));
  let lineNumber = 0;
  let failed = 0;
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    lineNumber++;
    if (line.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      failed++;
      errors.write(`line ${lineNumber}: not valid JSON\n`);
      continue;
    }
    const parsed = storyLineSchema.safeParse(raw);
    if (!parsed.success) {
      failed++;
      const problems = parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || '(line)'}: ${issue.message}`,
      );
      errors.write(`line ${lineNumber}: ${problems.join('; ')}\n`);
      continue;
    }
    const result = classify(parsed.data);
    const { id, relevant, countries, facts, alert } = result;
    if (!output.write(`${JSON.stringify({ id, relevant, countries, facts, alert })}\n`)) {
      await new Promise((resolve) => output.once('drain', resolve));
    }
  }
  return failed;
}

/** Adds `tiewatch classify [--baseline FILE]`: JSON Lines stories on stdin → classifications on stdout. */
export function registerClassify(program: Command): void {
  program
    .command('classify')
    .description('Classify JSON Lines stories from stdin against the baseline; one JSON line out per story')
    .option('--baseline <file>', 'baseline JSON file (default: the shipped baseline)')
    .action(async (options: { baseline?: string }) => {
      try {
        const failed = await classifyLines(process.stdin, process.stdout, process.stderr, options.baseline);
        if (failed > 0) {
          process.stderr.write(`${failed} line(s) failed\n`);
          process.exitCode = 1;
        }
      } catch (error) {
        // A wrong baseline stops the run before any story: exit 2, apart from failed lines (1).
        if (!(error instanceof BaselineError)) throw error;
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 2;
      }
    });
}
