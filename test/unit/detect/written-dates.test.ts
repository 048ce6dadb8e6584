import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDatesWithChrono } from '../../../lambda/core/detect/read-dates-with-chrono';
import { readWrittenDates } from '../../../lambda/core/detect/read-written-dates';
import { splitSentences } from '../../../lambda/core/detect/split-sentences';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

/** Every title and summary sentence of every labelled story, with its publication date. */
const sentences = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.jsonl'))
  .flatMap((name) => readFileSync(join(FIXTURES, name), 'utf8').split('\n'))
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { title: string; summary?: string; published?: string })
  .flatMap((story) =>
    [story.title, ...splitSentences(story.summary ?? '', 0).map((span) => span.text)].map((text) => ({
      text,
      reference: new Date(`${story.published?.slice(0, 10) ?? '2025-09-02'}T12:00:00Z`),
    })),
  );

describe('readWrittenDates', () => {
  it('reads exactly what chrono reads in every fixture sentence it does not hand over', () => {
    // Prepare
    let readHere = 0;
    // Act / Assess
    for (const { text, reference } of sentences) {
      const written = readWrittenDates(text);
      if (written === undefined) continue;
      readHere++;
      expect(written, text).toEqual(readDatesWithChrono(text, reference));
    }
    // Most fixture sentences have no date at all, and several give one in full.
    expect(readHere).toBeGreaterThan(sentences.length / 2);
  });

  it.each([
    ['The trial launched on 15 September 2025 will run until 14 September 2026, Xinhua said.'],
    ['Xi visited Moscow in May 2025 for the commemorations, and a one-year trial began afterwards.'],
    ['Deliveries reached 38.8 bcm, up 24.8 per cent, Gazprom said on September 15, 2025.'],
    ['Kim Il Sung attended a parade in 1959 and no North Korean leader did so again.'],
  ])('reads the dates of "%s" as chrono does, without it', (text) => {
    // Prepare
    const reference = new Date('2025-10-01T12:00:00Z');
    // Act
    const written = readWrittenDates(text);
    // Assess
    expect(written).toBeDefined();
    expect(written).toEqual(readDatesWithChrono(text, reference));
  });

  it.each([
    ['The trial runs from 15 September 2025 to 14 September 2026.'],
    ['Putin will visit on Tuesday, 2 September 2025.'],
    ['Flows rose last year and will rise again next month.'],
    ['The talks start at 10:30 on 2 September 2025.'],
    ['Talks are set for 3 September.'],
  ])('hands "%s" to chrono', (text) => {
    expect(readWrittenDates(text)).toBeUndefined();
  });
});
