import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachCapacityMeter } from '../../../lambda/adapters/dynamodb/capacity-meter';
import { DynamoFeedRegistry } from '../../../lambda/adapters/dynamodb/dynamo-feed-registry';
import { MAX_FEED_URL_BYTES } from '../../../lambda/adapters/dynamodb/item-keys';
import { FeedNotFoundError, FeedUrlTooLongError } from '../../../lambda/ports/feed-registry';
import { type TestTable, useDynalite } from '../../support/dynalite';

const dynalite = useDynalite();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const t0 = new Date('2026-03-01T12:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('DynamoFeedRegistry', () => {
  let table: TestTable;
  let registry: DynamoFeedRegistry;

  beforeEach(async () => {
    table = await dynalite.createTestTable();
    // random() = 0.5 puts the jitter factor at exactly 1, so schedules can be checked to the millisecond.
    registry = new DynamoFeedRegistry(table.doc, table.tableName, { random: () => 0.5 });
  });
  afterEach(async () => {
    await table.drop();
  });

  it('adds new feeds, due at once', async () => {
    const added = await registry.add(
      [{ url: 'https://a.example/rss', name: 'A' }, { url: 'https://b.example/atom' }],
      t0,
    );

    expect(added).toBe(2);
    expect(await registry.get('https://a.example/rss')).toEqual({
      url: 'https://a.example/rss',
      name: 'A',
      status: 'active',
      consecutiveFailures: 0,
      nextDueAt: t0.toISOString(),
      addedAt: t0.toISOString(),
    });
  });

  it('never overwrites a registered feed when it is added again', async () => {
    await registry.add([{ url: 'https://a.example/rss', name: 'A' }], t0);
    await registry.recordOutcome(
      'https://a.example/rss',
      { kind: 'fetched', etag: '"v1"', items: 3, newStories: 3, alerts: 0 },
      t0,
    );

    const added = await registry.add([{ url: 'https://a.example/rss', name: 'renamed' }], at(HOUR));

    const feed = await registry.get('https://a.example/rss');
    expect(added).toBe(0);
    expect(feed?.name).toBe('A');
    expect(feed?.etag).toBe('"v1"');
  });

  it('counts a url listed twice in one add once', async () => {
    expect(await registry.add([{ url: 'https://a.example/rss' }, { url: 'https://a.example/rss' }], t0)).toBe(
      1,
    );
  });

  it('lists only feeds whose next due time has passed', async () => {
    await registry.add([{ url: 'https://a.example/rss' }, { url: 'https://b.example/rss' }], t0);
    await registry.recordOutcome('https://a.example/rss', { kind: 'unchanged' }, t0);

    const dueNow = await registry.listDue(at(MINUTE));
    const dueLater = await registry.listDue(at(15 * MINUTE));

    expect(dueNow.map((f) => f.url)).toEqual(['https://b.example/rss']);
    expect(dueLater.map((f) => f.url).sort()).toEqual(['https://a.example/rss', 'https://b.example/rss']);
  });

  it('lists every due feed across query pages', async () => {
    // 30 feeds of ~100 KB exceed the 1 MB a single Query returns, so listDue must follow LastEvaluatedKey.
    const longName = 'n'.repeat(100_000);
    const feeds = Array.from({ length: 30 }, (_, i) => ({
      url: `https://feeds.example/${i}`,
      name: longName,
    }));
    await registry.add(feeds, t0);
    const meter = attachCapacityMeter(table.doc);

    const due = await registry.listDue(at(MINUTE));

    expect(new Set(due.map((f) => f.url)).size).toBe(30);
    expect(meter.calls.Query).toBeGreaterThan(1);
  });

  it('keeps validators from a 200 and the previous ones on a 304', async () => {
    const url = 'https://a.example/rss';
    await registry.add([{ url }], t0);
    await registry.recordOutcome(
      url,
      {
        kind: 'fetched',
        etag: '"v1"',
        lastModified: 'Sun, 01 Mar 2026 11:00:00 GMT',
        items: 1,
        newStories: 1,
        alerts: 0,
      },
      t0,
    );

    const after304 = await registry.recordOutcome(url, { kind: 'unchanged' }, at(15 * MINUTE));

    expect(after304).toMatchObject({
      etag: '"v1"',
      lastModified: 'Sun, 01 Mar 2026 11:00:00 GMT',
      lastSuccessAt: at(15 * MINUTE).toISOString(),
    });
    expect(await registry.get(url)).toEqual(after304);
  });

  it('drops old validators when a 200 comes without any', async () => {
    const url = 'https://a.example/rss';
    await registry.add([{ url }], t0);
    await registry.recordOutcome(
      url,
      { kind: 'fetched', etag: '"v1"', items: 1, newStories: 1, alerts: 0 },
      t0,
    );

    const next = await registry.recordOutcome(
      url,
      { kind: 'fetched', items: 1, newStories: 0, alerts: 0 },
      at(HOUR),
    );

    expect(next.etag).toBeUndefined();
    expect((await registry.get(url))?.etag).toBeUndefined();
  });

  it('counts consecutive failures, backs off exponentially and keeps the last error', async () => {
    const url = 'https://a.example/rss';
    await registry.add([{ url }], t0);

    await registry.recordOutcome(url, { kind: 'failed', reason: 'HTTP 500' }, t0);
    await registry.recordOutcome(url, { kind: 'failed', reason: 'HTTP 500' }, at(HOUR));
    const third = await registry.recordOutcome(
      url,
      { kind: 'failed', reason: 'connect timeout' },
      at(2 * HOUR),
    );

    expect(third.consecutiveFailures).toBe(3);
    expect(third.lastError).toBe('connect timeout');
    expect(third.nextDueAt).toBe(at(2 * HOUR + 60 * MINUTE).toISOString());
    expect(await registry.listDue(at(2 * HOUR + 59 * MINUTE))).toEqual([]);
  });

  it('recovers after failures: a success clears the count and the error', async () => {
    const url = 'https://a.example/rss';
    await registry.add([{ url }], t0);
    await registry.recordOutcome(url, { kind: 'failed', reason: 'HTTP 503' }, t0);

    const next = await registry.recordOutcome(
      url,
      { kind: 'fetched', items: 2, newStories: 2, alerts: 0 },
      at(HOUR),
    );

    expect(next.consecutiveFailures).toBe(0);
    expect(next.lastError).toBeUndefined();
    expect(next.nextDueAt).toBe(at(HOUR + 15 * MINUTE).toISOString());
  });

  it('waits at least as long as Retry-After asks', async () => {
    const url = 'https://a.example/rss';
    await registry.add([{ url }], t0);

    const next = await registry.recordOutcome(
      url,
      { kind: 'failed', reason: 'HTTP 429', retryAfterSeconds: 7200 },
      t0,
    );

    expect(next.nextDueAt).toBe(at(2 * HOUR).toISOString());
  });

  it('retires a feed on 410, keeps it listed with its reason, and never lists it as due', async () => {
    const url = 'https://a.example/rss';
    await registry.add([{ url }], t0);

    await registry.recordOutcome(url, { kind: 'gone', reason: 'HTTP 410 Gone' }, t0);

    expect(await registry.listDue(at(365 * 24 * HOUR))).toEqual([]);
    expect(await registry.list()).toEqual([
      expect.objectContaining({ url, status: 'retired', lastError: 'HTTP 410 Gone' }),
    ]);
  });

  it('removes a feed and says whether it was there', async () => {
    await registry.add([{ url: 'https://a.example/rss' }], t0);

    expect(await registry.remove('https://a.example/rss')).toBe(true);
    expect(await registry.remove('https://a.example/rss')).toBe(false);
    expect(await registry.get('https://a.example/rss')).toBeUndefined();
  });

  it('refuses to record an outcome for a feed that is not registered', async () => {
    await expect(
      registry.recordOutcome('https://nowhere.example/', { kind: 'unchanged' }, t0),
    ).rejects.toBeInstanceOf(FeedNotFoundError);
  });

  describe('a feed URL as long as its key can hold', () => {
    /** An https URL of exactly `bytes` UTF-8 bytes; 'é' takes two, so bytes and characters differ. */
    const urlOfBytes = (bytes: number) => {
      const head = 'https://long.example/é';
      return head + 'x'.repeat(bytes - Buffer.byteLength(head));
    };

    it('is stored and read back at the limit', async () => {
      const url = urlOfBytes(MAX_FEED_URL_BYTES);
      expect(await registry.add([{ url }], t0)).toBe(1);
      expect((await registry.get(url))?.url).toBe(url);
    });

    it('one byte over, fails the whole list by name before anything is written', async () => {
      const url = urlOfBytes(MAX_FEED_URL_BYTES + 1);
      expect(url.length).toBeLessThanOrEqual(MAX_FEED_URL_BYTES); // over in bytes, not in characters
      const adding = registry.add([{ url: 'https://a.example/rss' }, { url }], t0);
      await expect(adding).rejects.toThrow(FeedUrlTooLongError);
      await expect(adding).rejects.toThrow(/2043 bytes/);
      expect(await registry.list()).toEqual([]);
    });

    it('one byte over, is simply not registered when read or removed', async () => {
      const url = urlOfBytes(MAX_FEED_URL_BYTES + 1);
      expect(await registry.get(url)).toBeUndefined();
      expect(await registry.remove(url)).toBe(false);
    });
  });
});
