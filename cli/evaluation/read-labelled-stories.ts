import { readFileSync } from 'node:fs';
import { type LabelledStory, labelledStorySchema } from './score';

/** A labelled file that cannot be used; the message names the line. */
export class LabelledSetError extends Error {
  override readonly name = 'LabelledSetError';
}

/** Reads a labelled JSON Lines file; blank lines are skipped. @throws LabelledSetError naming the line */
export function readLabelledStories(path: string): LabelledStory[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new LabelledSetError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const stories: LabelledStory[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new LabelledSetError(`${path}:${index + 1}: not valid JSON`);
    }
    const parsed = labelledStorySchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new LabelledSetError(
        `${path}:${index + 1}: ${issue?.path.join('.') || '(line)'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    stories.push(parsed.data);
  });
  return stories;
}
