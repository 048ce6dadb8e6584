import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStores } from '../../cli/local/open-stores';
import type { AlertView } from '../../lambda/core/feed-render/alert-view';
import { makeAlert, makeSource } from '../support/feed-alerts';
import { CLI_PATH, runTiewatch } from '../support/run-cli';

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tiewatch-cli-alerts-'));
  // Seeded through the real local store, then closed: the CLI process opens the same directory after.
  const stores = await openStores({ dataDir });
  try {
    await stores.alerts.record(makeAlert(1, { sources: [makeSource(1), makeSource(2)] }));
    await stores.alerts.record(
      makeAlert(2, {
        kind: 'contradiction',
        factIds: ['nk-arms-troops'],
        countries: ['KP', 'RU'],
        findings: [
          { factId: 'nk-arms-troops', verdict: 'contradicts', observed: 'no troops', evidence: 'Denied.' },
        ],
      }),
    );
  } finally {
    await stores.close();
  }
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function tiewatch(...args: string[]): Promise<string> {
  const result = await runTiewatch([...args, '--data', dataDir]);
  if (result.code !== 0)
    throw new Error(`tiewatch ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result.stdout;
}

describe('tiewatch alerts', () => {
  it('prints a table for people, newest first', async () => {
    const lines = (await tiewatch('alerts')).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^KIND\s+FACT\s+BASELINE → OBSERVED\s+SOURCE\s+AGE$/);
    expect(lines.slice(1).map((line) => line.split(/\s{2,}/).slice(0, 3))).toEqual([
      ['contradiction', 'nk-arms-troops', 'no troops'],
      ['update', 'visa-free-trial', '1 year → until Sep 2027'],
    ]);
  });

  it('prints a JSON array with --json, filtered', async () => {
    const alerts = JSON.parse(
      await tiewatch('alerts', '--json', '--kind', 'update', '--since', '2025-09-01'),
    ) as AlertView[];
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      id: 'alert-00001',
      kind: 'update',
      factIds: ['visa-free-trial'],
      baseline: '1 year',
      observed: 'until Sep 2027',
      evidence: 'China extended the visa-free trial for Russians until September 2027.',
      firstSeen: '2025-09-10T12:01:00.000Z',
    });
    expect(alerts[0]?.sources.map((source) => source.title)).toEqual(['Story 1', 'Story 2']);
  });

  it('prints an Atom feed with --format atom', async () => {
    const feed = await new Parser().parseString(
      await tiewatch('alerts', '--format', 'atom', '--country', 'kp'),
    );
    expect(feed.items.map((item) => item.title)).toEqual(['nk-arms-troops contradicted: no troops']);
  });

  it('refuses an unknown fact, naming it', async () => {
    const result = await runTiewatch(['alerts', '--fact', 'no-such-fact', '--data', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no baseline fact has the id "no-such-fact"');
  });
});

describe('tiewatch serve', () => {
  it('serves the alert feed until it is stopped', async () => {
    const child = spawn(process.execPath, [CLI_PATH, 'serve', '--port', '0', '--data', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /alert feed: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const response = await fetch(new URL('alerts', url));
      const body = (await response.json()) as { alerts: AlertView[] };
      expect(body.alerts.map((alert) => alert.id)).toEqual(['alert-00002', 'alert-00001']);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    expect(child.exitCode).toBe(0);
  });
});
