import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachCapacityMeter } from '../../../lambda/adapters/dynamodb/capacity-meter';
import { DynamoStoryStore } from '../../../lambda/adapters/dynamodb/dynamo-story-store';
import { seenStoryKey } from '../../../lambda/adapters/dynamodb/item-keys';
import type { Story } from '../../../lambda/core/model/story';
import { type TestTable, useDynalite } from '../../support/dynalite';

const dynalite = useDynalite();
const DAY = 24 * 3600 * 1000;
const t0 = new Date('2026-03-01T12:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

const story = (key: string): Story => ({
  key,
  title: `Title of ${key}`,
  summary: 'summary',
  published: t0.toISOString(),
  source: 'Example',
  feedUrl: 'https://feeds.example/rss',
});

describe('DynamoStoryStore', () => {
  let table: TestTable;
  let store: DynamoStoryStore;

  beforeEach(async () => {
    table = await dynalite.createTestTable();
    store = new DynamoStoryStore(table.doc, table.tableName, { seenTtlDays: 30, recentDays: 3 });
  });
  afterEach(async () => {
    await table.drop();
  });

  it('reports only the keys that were marked seen', async () => {
    await store.markSeen([story('https://news.example/a'), story('https://news.example/b')], t0);

    const seen = await store.filterSeen(
      ['https://news.example/a', 'https://news.example/c', 'https://news.example/b'],
      t0,
    );

    expect(seen).toEqual(new Set(['https://news.example/a', 'https://news.example/b']));
  });

  it('ignores seen-marks whose expiry has passed, though no TTL deleted them', async () => {
    await store.markSeen([story('https://news.example/a')], t0);

    expect(await store.filterSeen(['https://news.example/a'], at(30 * DAY - 1000))).toEqual(
      new Set(['https://news.example/a']),
    );
    expect(await store.filterSeen(['https://news.example/a'], at(30 * DAY))).toEqual(new Set());
  });

  it('marks and finds more than 25 and more than 100 stories, duplicates included', async () => {
    const keys = Array.from({ length: 260 }, (_, i) => `https://news.example/story/${i}`);
    const withDuplicates = [...keys, ...keys.slice(0, 40)].map(story);
    const meter = attachCapacityMeter(table.doc);

    await store.markSeen(withDuplicates, t0);
    const seen = await store.filterSeen(
      [...keys, ...keys.slice(100, 180), 'https://news.example/unseen'],
      t0,
    );

    expect(seen).toEqual(new Set(keys));
    expect(meter.calls.BatchWriteItem).toBe(Math.ceil(260 / 25));
    expect(meter.calls.BatchGetItem).toBe(Math.ceil(261 / 100));
  });

  it('costs one write unit per seen story, even with a very long key', async () => {
    const meter = attachCapacityMeter(table.doc);
    const longKey = `https://news.example/search?q=${'x'.repeat(3000)}`;

    await store.markSeen([story('https://news.example/a'), story(longKey)], t0);

    expect(meter.writeUnits).toBe(2);
    expect(await store.filterSeen([longKey], t0)).toEqual(new Set([longKey]));
  });

  it('re-marking a story is harmless and extends its expiry', async () => {
    await store.markSeen([story('https://news.example/a')], t0);
    await store.markSeen([story('https://news.example/a')], at(10 * DAY));

    const item = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: seenStoryKey('https://news.example/a') }),
    );
    expect(item.Item).toEqual({
      ...seenStoryKey('https://news.example/a'),
      type: 'story',
      expiresAt: Math.floor(at(40 * DAY).getTime() / 1000),
    });
    expect(await store.filterSeen(['https://news.example/a'], at(35 * DAY))).toEqual(
      new Set(['https://news.example/a']),
    );
  });

  it('answers an empty key list without calling DynamoDB', async () => {
    const meter = attachCapacityMeter(table.doc);

    expect(await store.filterSeen([], t0)).toEqual(new Set());
    expect(meter.calls).toEqual({});
  });

  it('keeps relevant stories for the near-duplicate window only', async () => {
    const remembered = {
      key: 'https://news.example/a',
      alertIds: ['al1'],
      text: 'gas pipeline deal',
      published: t0.toISOString(),
    };
    await store.rememberRelevant(remembered, t0);
    await store.rememberRelevant({ ...remembered, key: 'https://news.example/b', alertIds: [] }, at(2 * DAY));

    expect(await store.recentRelevant(at(2 * DAY + 1000))).toEqual(
      expect.arrayContaining([remembered, { ...remembered, key: 'https://news.example/b', alertIds: [] }]),
    );
    expect(await store.recentRelevant(at(3 * DAY))).toEqual([
      { ...remembered, key: 'https://news.example/b', alertIds: [] },
    ]);
    expect(await store.recentRelevant(at(6 * DAY))).toEqual([]);
  });

  it('returns a story remembered on two days once, as last remembered', async () => {
    const first = { key: 'https://news.example/a', alertIds: [], text: 'one', published: t0.toISOString() };
    await store.rememberRelevant(first, t0);
    await store.rememberRelevant({ ...first, alertIds: ['al9'] }, at(DAY));

    expect(await store.recentRelevant(at(DAY + 1000))).toEqual([{ ...first, alertIds: ['al9'] }]);
  });
});
