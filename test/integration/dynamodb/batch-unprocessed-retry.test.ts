import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoStoryStore } from '../../../lambda/adapters/dynamodb/dynamo-story-store';
import type { Story } from '../../../lambda/core/model/story';
import { type TestTable, useDynalite } from '../../support/dynalite';

const dynalite = useDynalite();

/*
 * DynamoDB returns UnprocessedItems / UnprocessedKeys when a partition is throttled. dynalite never
 * throttles (it returns UnprocessedKeys only past 16 MB of results, far beyond seen-marks), so these tests
 * add a middleware to the real client that simulates throttling: on the first `throttledCalls` batch calls
 * it sends only half the request to dynalite and hands the other half back as unprocessed, as DynamoDB
 * would. Everything else is the real SDK talking to the real dynalite.
 */
function simulateThrottling(doc: DynamoDBDocumentClient, throttledCalls: number): { calls: number } {
  const seen = { calls: 0 };
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { RequestItems?: Record<string, unknown[] | { Keys: unknown[] }> };
      const isWrite = context.commandName === 'BatchWriteItemCommand';
      const isGet = context.commandName === 'BatchGetItemCommand';
      if ((!isWrite && !isGet) || !input.RequestItems) return next(args);
      seen.calls += 1;
      if (seen.calls > throttledCalls) return next(args);
      const [tableName, request] = Object.entries(input.RequestItems)[0] ?? [];
      if (!tableName || !request) return next(args);
      const entries = Array.isArray(request) ? request : request.Keys;
      const half = Math.ceil(entries.length / 2);
      const sent = entries.slice(0, half);
      const heldBack = entries.slice(half);
      const trimmed = Array.isArray(request) ? sent : { ...request, Keys: sent };
      const result = await next({ ...args, input: { ...input, RequestItems: { [tableName]: trimmed } } });
      const output = result.output as Record<string, unknown>;
      if (isWrite) output.UnprocessedItems = heldBack.length ? { [tableName]: heldBack } : {};
      else output.UnprocessedKeys = heldBack.length ? { [tableName]: { ...request, Keys: heldBack } } : {};
      return result;
    },
    { step: 'initialize', name: 'simulatedThrottling' },
  );
  return seen;
}

const story = (i: number): Story => ({
  key: `https://news.example/${i}`,
  title: `t${i}`,
  summary: '',
  published: '2026-03-01T00:00:00.000Z',
  source: 'Example',
  feedUrl: 'https://feeds.example/rss',
});

describe('batch retries of unprocessed work (simulated throttling)', () => {
  let table: TestTable;
  const now = new Date('2026-03-01T12:00:00.000Z');

  beforeEach(async () => {
    table = await dynalite.createTestTable();
  });
  afterEach(async () => {
    await table.drop();
  });

  it('writes every item when BatchWriteItem leaves some unprocessed', async () => {
    const store = new DynamoStoryStore(table.doc, table.tableName);
    const throttle = simulateThrottling(table.doc, 3);
    const stories = Array.from({ length: 25 }, (_, i) => story(i));

    await store.markSeen(stories, now);

    // 25 items: 13 written, then 6, then 3, then the last 3 in the first unthrottled call.
    expect(throttle.calls).toBe(4);
    const check = new DynamoStoryStore(table.doc, table.tableName);
    expect(
      (
        await check.filterSeen(
          stories.map((s) => s.key),
          now,
        )
      ).size,
    ).toBe(25);
  });

  it('reads every key when BatchGetItem leaves some unprocessed', async () => {
    const store = new DynamoStoryStore(table.doc, table.tableName);
    const stories = Array.from({ length: 100 }, (_, i) => story(i));
    await store.markSeen(stories, now);
    const throttle = simulateThrottling(table.doc, 2);

    const seen = await store.filterSeen(
      stories.map((s) => s.key),
      now,
    );

    expect(seen.size).toBe(100);
    expect(throttle.calls).toBe(3);
  });
});
