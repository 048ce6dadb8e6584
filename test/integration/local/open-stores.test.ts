import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endpointFileOf, LocalStoreBusyError } from '../../../cli/local/embedded-dynamo';
import { openStores, type Stores } from '../../../cli/local/open-stores';

const now = new Date('2026-03-01T12:00:00.000Z');

describe('openStores on the local store', () => {
  let dataDir: string;
  const open: Stores[] = [];
  const track = (stores: Stores) => {
    open.push(stores);
    return stores;
  };

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tiewatch-stores-'));
  });
  afterEach(async () => {
    for (const stores of open.splice(0).reverse()) await stores.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps data in the data directory from one run to the next', async () => {
    const first = await openStores({ dataDir });
    await first.registry.add([{ url: 'https://a.example/rss' }], now);
    await first.close();

    const second = track(await openStores({ dataDir }));

    expect((await second.registry.list()).map((f) => f.url)).toEqual(['https://a.example/rss']);
    expect(second.tableName).toBe('tiewatch');
  });

  it('advertises its endpoint while open and withdraws it on close', async () => {
    const stores = await openStores({ dataDir });
    const advertised = JSON.parse(await readFile(endpointFileOf(dataDir), 'utf8'));

    expect(advertised).toEqual({ endpoint: stores.endpoint, pid: process.pid });
    await stores.close();
    expect(existsSync(endpointFileOf(dataDir))).toBe(false);
  });

  it('reuses the server of a store that is already open on the directory', async () => {
    const owner = track(await openStores({ dataDir }));
    await owner.registry.add([{ url: 'https://a.example/rss' }], now);

    const guest = track(await openStores({ dataDir }));

    expect(guest.endpoint).toBe(owner.endpoint);
    expect(await guest.registry.get('https://a.example/rss')).toBeDefined();
  });

  it('ignores an endpoint file left behind by a process that is gone', async () => {
    await writeFile(
      endpointFileOf(dataDir),
      JSON.stringify({ endpoint: 'http://127.0.0.1:9', pid: 2 ** 22 + 12345 }),
    );

    const stores = track(await openStores({ dataDir }));

    expect(stores.endpoint).not.toBe('http://127.0.0.1:9');
    expect(await stores.registry.list()).toEqual([]);
  });

  it('refuses with LocalStoreBusyError when a live process holds the directory but does not answer', async () => {
    // The parent process (vitest) is alive and serves no DynamoDB on port 9.
    await writeFile(
      endpointFileOf(dataDir),
      JSON.stringify({ endpoint: 'http://127.0.0.1:9', pid: process.ppid }),
    );

    await expect(openStores({ dataDir })).rejects.toBeInstanceOf(LocalStoreBusyError);
  });
});
