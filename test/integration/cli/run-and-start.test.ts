import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedZoo, startFeedZoo } from '../../support/feed-zoo';
import { CLI_PATH, runTiewatch } from '../../support/run-cli';

describe('tiewatch run --once', () => {
  let zoo: FeedZoo;
  let dataDir: string;
  let feedsFile: string;

  beforeAll(async () => {
    zoo = await startFeedZoo();
    dataDir = await mkdtemp(join(tmpdir(), 'tiewatch-run-'));
    feedsFile = join(dataDir, 'feeds.json');
    await writeFile(
      feedsFile,
      JSON.stringify([
        { url: `${zoo.origin}/good.xml`, name: 'Good' },
        { url: `${zoo.origin}/404` },
        { url: `${zoo.origin}/html` },
      ]),
    );
  });
  /** One cycle over every registered feed now, loopback allowed. */
  const runAllNow = () =>
    runTiewatch(['run', '--once', '--all', '--data', dataDir, '--allow-private-network']);

  afterAll(async () => {
    await zoo.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses loopback feeds without --allow-private-network, and still completes the cycle', async () => {
    const result = await runTiewatch(['run', '--once', '--feeds', feedsFile, '--data', dataDir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/3 feeds \(0 fetched, 0 unchanged, 3 failed\)/);
    expect(result.stdout).toMatch(/refused/);
  });

  it('runs one cycle, exits 0 although feeds failed, and stores their reasons', async () => {
    const result = await runAllNow();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/3 feeds \(1 fetched, 0 unchanged, 2 failed\)/);
    expect(result.stdout).toContain('HTTP 404');
    expect(result.stdout).toMatch(/not a feed/);
    const feeds = await runTiewatch(['feeds', 'list', '--json', '--data', dataDir]);
    const list = JSON.parse(feeds.stdout) as Array<{ url: string; lastError?: string }>;
    expect(list.find((f) => f.url.endsWith('/404'))?.lastError).toBe('HTTP 404');
  });

  it('stores the alerts for `tiewatch alerts --json` with the documented fields', async () => {
    const result = await runTiewatch(['alerts', '--json', '--data', dataDir]);
    expect(result.code).toBe(0);
    const alerts = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(alerts.length).toBeGreaterThan(0);
    for (const field of [
      'id',
      'kind',
      'factIds',
      'evidence',
      'title',
      'link',
      'source',
      'published',
      'firstSeen',
      'sources',
    ]) {
      expect(alerts[0]).toHaveProperty(field);
    }
  });

  it('creates nothing on a second run: the feed answers 304', async () => {
    const result = await runAllNow();
    expect(result.stdout).toMatch(/1 unchanged/);
    expect(result.stdout).toMatch(/0 new stories, 0 relevant, 0 new alerts/);
  });

  it('rejects a feeds file that is not a feed list, naming the problem', async () => {
    const bad = join(dataDir, 'bad.json');
    await writeFile(bad, '{"feeds": 3}');
    const result = await runTiewatch(['run', '--once', '--feeds', bad, '--data', dataDir]);
    expect(result.code).not.toBe(0);
    expect(result.stderr.length).toBeGreaterThan(0);
  });
});

describe('tiewatch start', () => {
  it('runs a cycle over the bundled examples, serves the alert feed, and stops on Ctrl-C', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tiewatch-start-'));
    const child = spawn(
      process.execPath,
      [CLI_PATH, 'start', '--data', dataDir, '--port', '0', '--examples-port', '0'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no feed URL printed:\n${output}`)), 90_000);
        child.stdout.on('data', () => {
          const match = /alert feed: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
        child.once('exit', () => reject(new Error(`start exited early:\n${output}`)));
      });
      expect(output).toMatch(/5 feeds \(5 newly registered\)/);
      expect(output).toMatch(/broken\.xml: not a feed/);
      expect(output).toMatch(/new alerts:/);
      const response = await fetch(`${url}alerts?limit=100`);
      const body = (await response.json()) as { alerts: Array<{ kind: string }> };
      const kinds = new Set(body.alerts.map((a) => a.kind));
      expect(kinds).toEqual(new Set(['update', 'contradiction', 'new-development']));
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
