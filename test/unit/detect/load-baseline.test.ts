import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BaselineError } from '../../../lambda/baseline/baseline-error';
import { loadBaseline, parseBaseline } from '../../../lambda/baseline/load-baseline';

const SHIPPED_IDS = [
  'ties-unprecedented',
  'beijing-summit',
  'gas-supply-increase',
  'gas-volume-target',
  'visa-free-trial',
  'victory-parade',
  'xi-moscow-visit',
  'ukraine-deal-stalled',
  'global-governance',
  'sco-tianjin',
  'kim-beijing-trip',
  'western-boycott',
  'china-aid-accusation',
  'nk-arms-troops',
  'sanctions-offset',
];

function shippedCopy(): { facts: Array<Record<string, unknown>> } & Record<string, unknown> {
  return structuredClone(loadBaseline()) as never;
}

type Draft = ReturnType<typeof shippedCopy>;

/** The fact at `index` of a draft, as a loose record to spoil. */
function factAt(draft: Draft, index: number): Record<string, unknown> {
  const fact = draft.facts[index];
  if (fact === undefined) throw new Error(`no fact ${index}`);
  return fact;
}

function writeTemp(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tiewatch-baseline-')), 'baseline.json');
  writeFileSync(path, content);
  return path;
}

describe('loadBaseline', () => {
  it('ships exactly the fifteen facts of the reference article', () => {
    expect(loadBaseline().facts.map((fact) => fact.id)).toEqual(SHIPPED_IDS);
  });

  it('tracks 106 bcm a year as a typed quantity', () => {
    const fact = loadBaseline().facts.find((candidate) => candidate.id === 'gas-volume-target');
    expect(fact?.values).toContainEqual(
      expect.objectContaining({ type: 'quantity', value: 106, unit: 'bcm', per: 'year' }),
    );
  });

  it('loads a replacement baseline from a file', () => {
    const custom = shippedCopy();
    custom.facts = custom.facts.slice(0, 2);
    expect(loadBaseline(writeTemp(JSON.stringify(custom))).facts).toHaveLength(2);
  });

  it.each([
    [
      (b: Draft) => {
        (factAt(b, 3).values as Array<Record<string, unknown>>).splice(0, 1, {
          type: 'quantity',
          name: 'n',
          value: 106,
          unit: 7,
        });
      },
      'fact "gas-volume-target" (facts[3]) → values[0].unit: expected string',
    ],
    [
      (b: Draft) => {
        factAt(b, 0).actors = { countries: ['US'] };
      },
      'fact "ties-unprecedented" (facts[0]) → actors.countries[0]',
    ],
    [
      (b: Draft) => {
        factAt(b, 4).id = 'Visa Free';
      },
      'fact "Visa Free" (facts[4]) → id: expected a kebab-case id',
    ],
    [
      (b: Draft) => {
        factAt(b, 5).id = 'ties-unprecedented';
      },
      'fact "ties-unprecedented" (facts[5]) → id: duplicate fact id',
    ],
    [
      (b: Draft) => {
        factAt(b, 1).signals = { sentence: [] };
      },
      'fact "beijing-summit" (facts[1]) → signals.sentence',
    ],
    [
      (b: Draft) => {
        b.version = 2;
      },
      'version:',
    ],
  ])('names the fact and the field of a wrong baseline (%#)', (spoil, message) => {
    // Prepare
    const broken = shippedCopy();
    spoil(broken);
    // Act / Assess
    expect(() => parseBaseline(broken)).toThrow(BaselineError);
    expect(() => parseBaseline(broken)).toThrow(message);
  });

  it('reports a file that is not JSON', () => {
    expect(() => loadBaseline(writeTemp('{ not json'))).toThrow(/is not valid JSON/);
  });

  it('reports a file that cannot be read', () => {
    expect(() => loadBaseline('/nonexistent/baseline.json')).toThrow(/cannot read baseline .*ENOENT/);
  });
});
