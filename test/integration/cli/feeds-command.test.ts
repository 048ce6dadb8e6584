import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStores, type Stores } from '../../../cli/local/open-stores';
import { runTiewatch } from '../../support/run-cli';

describe('tiewatch feeds', () => {
  let dataDir: string;
  // This test process holds the store, as `tiewatch start` would; the CLI processes must reach it through
  // its endpoint.json instead of opening the LevelDB directory themselves.
  let stores: Stores;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tiewatch-cli-'));
    stores = await openStores({ dataDir });
  });
  afterAll(async () => {
    await stores.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('adds feeds from a file and a URL, lists their health, and removes one', async () => {
    const list = join(dataDir, 'feeds.opml');
    await writeFile(
      list,
      '<opml version="2.0"><body><outline text="Desk"><outline title="Failing" xmlUrl="https://failing.example/rss"/>' +
        '<outline title="Gone" xmlUrl="https://gone.example/rss"/></outline></body></opml>',
    );

    const fromFile = await runTiewatch(['feeds', 'add', '--file', list, '--data', dataDir]);
    const fromUrl = await runTiewatch([
      'feeds',
      'add',
      'https://ok.example/rss',
      '--name',
      'Fine',
      '--data',
      dataDir,
    ]);
    const again = await runTiewatch(['feeds', 'add', 'https://ok.example/rss', '--data', dataDir]);
    const now = new Date();
    await stores.registry.recordOutcome(
      'https://ok.example/rss',
      { kind: 'fetched', items: 3, newStories: 3, alerts: 0 },
      now,
    );
    await stores.registry.recordOutcome(
      'https://failing.example/rss',
      { kind: 'failed', reason: 'HTTP 500' },
      now,
    );
    await stores.registry.recordOutcome(
      'https://failing.example/rss',
      { kind: 'failed', reason: 'connect timeout' },
      now,
    );
    await stores.registry.recordOutcome(
      'https://gone.example/rss',
      { kind: 'gone', reason: 'HTTP 410 Gone' },
      now,
    );
    const table = await runTiewatch(['feeds', 'list', '--data', dataDir]);
    const removed = await runTiewatch(['feeds', 'remove', 'https://gone.example/rss', '--data', dataDir]);
    const json = await runTiewatch(['feeds', 'list', '--json', '--data', dataDir]);

    expect(fromFile).toMatchObject({ code: 0, stdout: 'added 2 feeds\n' });
    expect(fromUrl).toMatchObject({ code: 0, stdout: 'added 1 feed\n' });
    expect(again).toMatchObject({ code: 0, stdout: 'added 0 feeds; 1 already registered\n' });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^ok\s+\d+s ago\s+in 1[45]m\s+https:\/\/ok\.example\/rss {2}\(Fine\)$/m);
    expect(table.stdout).toMatch(
      /^failing ×2\s+never\s+in \d+m\s+https:\/\/failing\.example\/rss {2}\(Failing\)\n\s+last error: connect timeout$/m,
    );
    expect(table.stdout).toMatch(
      /^retired\s+never\s+–\s+https:\/\/gone\.example\/rss {2}\(Gone\)\n\s+last error: HTTP 410 Gone$/m,
    );
    expect(removed).toMatchObject({ code: 0, stdout: 'removed https://gone.example/rss\n' });
    expect(JSON.parse(json.stdout).map((f: { url: string; health: string }) => [f.url, f.health])).toEqual([
      ['https://ok.example/rss', 'ok'],
      ['https://failing.example/rss', 'failing'],
    ]);
  });

  it('refuses a bad URL, a bad file and an unknown feed with exit status 1 and a reason', async () => {
    const badFile = join(dataDir, 'bad.json');
    await writeFile(badFile, '[{"url": "https://fine.example/"}, {"url": "gopher://old.example/"}]');

    const badUrl = await runTiewatch(['feeds', 'add', 'ftp://files.example/feed', '--data', dataDir]);
    const badList = await runTiewatch(['feeds', 'add', '--file', badFile, '--data', dataDir]);
    const unknown = await runTiewatch(['feeds', 'remove', 'https://never.example/', '--data', dataDir]);

    expect(badUrl.code).toBe(1);
    expect(badUrl.stderr).toContain('ftp://files.example/feed: not a feed URL (http or https)');
    expect(badList.code).toBe(1);
    expect(badList.stderr).toContain(`${badFile}: entry 2 (url): must be an http or https URL`);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('not registered: https://never.example/');
    expect((await stores.registry.list()).map((f) => f.url)).not.toContain('https://fine.example/');
  });
});
