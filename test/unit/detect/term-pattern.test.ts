import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBaseline } from '../../../lambda/baseline/load-baseline';
import { COUNTRY_ALIASES } from '../../../lambda/core/detect/country-aliases';
import { alternationSource, compileTerms, isAcronym } from '../../../lambda/core/detect/term-pattern';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

/** Every title and summary of every labelled story: several hundred texts in four scripts. */
const texts = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.jsonl'))
  .flatMap((name) => readFileSync(join(FIXTURES, name), 'utf8').split('\n'))
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { title: string; summary?: string })
  .map((story) => `${story.title}\n${story.summary ?? ''}`);

/**
 * The reference: a flat, longest-first alternation in which each term carries its own boundaries. The factored
 * alternation must find exactly what it finds, text for text, or aliases would resolve differently.
 */
function flatMatches(terms: readonly string[], flags: string, text: string): string[] {
  const ordered = [...new Set(terms)].sort((a, b) => b.length - a.length);
  const flat = new RegExp(ordered.map((term) => `(?:${alternationSource([term])})`).join('|'), flags);
  return [...text.matchAll(flat)].map((match) => `${match.index}:${match[0]}`);
}

function factoredMatches(terms: readonly string[], flags: string, text: string): string[] {
  const factored = new RegExp(alternationSource(terms), flags);
  return [...text.matchAll(factored)].map((match) => `${match.index}:${match[0]}`);
}

const baseline = loadBaseline();
const termLists: Array<[string, string[]]> = [
  ['country aliases', COUNTRY_ALIASES.map((alias) => alias.term)],
  ...baseline.facts.flatMap(
    (fact): Array<[string, string[]]> => [
      ...fact.signals.sentence.map((group, index): [string, string[]] => [
        `${fact.id} sentence ${index}`,
        group,
      ]),
      ...(fact.signals.story ?? []).map((group, index): [string, string[]] => [
        `${fact.id} story ${index}`,
        group,
      ]),
      ...(fact.signals.exclude ? [[`${fact.id} exclude`, fact.signals.exclude] as [string, string[]]] : []),
    ],
  ),
];

describe('alternationSource', () => {
  it.each(termLists)('finds what a flat alternation finds: %s', (_name, terms) => {
    // Prepare
    const words = terms.filter((term) => !term.startsWith('@') && !isAcronym(term));
    const acronyms = terms.filter(isAcronym);
    // Act / Assess
    for (const text of texts) {
      if (words.length > 0)
        expect(factoredMatches(words, 'gi', text)).toEqual(flatMatches(words, 'gi', text));
      if (acronyms.length > 0)
        expect(factoredMatches(acronyms, 'g', text)).toEqual(flatMatches(acronyms, 'g', text));
    }
  });

  it('prefers the fullest term where a shorter one would also match', () => {
    // Prepare
    const terms = ['Kim', 'Kim Jong Un', 'Kim Jong-un', 'Russia', 'Russian*', 'gas', 'gas supplies'];
    const pattern = new RegExp(alternationSource(terms), 'g');
    // Act
    const found = [
      ...'Kim Jong-un flew to Russia; Russians want gas supplies and gas.'.matchAll(pattern),
    ].map((match) => match[0]);
    // Assess
    expect(found).toEqual(['Kim Jong-un', 'Russia', 'Russians', 'gas supplies', 'gas']);
  });

  it('keeps word boundaries in every script', () => {
    // Prepare
    const matcher = compileTerms(['Xi', 'Путин*', 'PLA', '普京']);
    // Act / Assess
    expect(matcher.test('a taxi rank')).toBe(false);
    expect(matcher.test('a plan')).toBe(false);
    expect(matcher.test('Распутин')).toBe(false);
    expect(matcher.matches('Путина и 普京 и Xi').map((match) => match.text)).toEqual([
      'Путина',
      '普京',
      'Xi',
    ]);
  });
});
