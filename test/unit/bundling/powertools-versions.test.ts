import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Powertools' utilities share `@aws-lambda-powertools/commons`. When the lockfile holds them at different
 * versions, npm nests a copy of commons under each utility that disagrees with the hoisted one, and every
 * Lambda bundle carries (and loads at cold start) each copy. Their releases are not always published
 * together, so the versions are kept equal by hand and this test says so when an update splits them.
 */
const lock = JSON.parse(readFileSync(new URL('../../../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, { version?: string }>;
};

const powertools = Object.entries(lock.packages).filter(([path]) =>
  path.includes('node_modules/@aws-lambda-powertools/'),
);

describe('Powertools in the lockfile', () => {
  it('holds every Powertools package the handlers import', () => {
    const names = powertools.map(([path]) => path);
    for (const utility of ['logger', 'metrics', 'batch', 'commons'])
      expect(names).toContain(`node_modules/@aws-lambda-powertools/${utility}`);
  });

  it('has one version of every Powertools package, so commons is bundled once', () => {
    const versions = new Set(powertools.map(([, entry]) => entry.version));
    expect([...versions]).toHaveLength(1);
  });

  it('nests no second copy of any Powertools package', () => {
    const nested = powertools.map(([path]) => path).filter((path) => path.split('node_modules/').length > 2);
    expect(nested).toEqual([]);
  });
});
