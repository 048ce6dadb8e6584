import { createHash, randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { FullBatchFailureError } from '@aws-lambda-powertools/batch';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoFeedRegistry } from '../../../lambda/adapters/dynamodb/dynamo-feed-registry';
import { ensureTable } from '../../../lambda/adapters/dynamodb/ensure-table';
import { feedKey } from '../../../lambda/adapters/dynamodb/item-keys';
import { encodeFeedMessage } from '../../../lambda/adapters/sqs/feed-message';
import { type TestTable, useDynalite } from '../../support/dynalite';
import { storedState } from '../../support/stored-state';
import { type LoopbackServer, useLoopbackServer } from '../http/loopback-server';
import { expectColdStartRefused, restoreEnvAfterEach } from './support/cold-start';
import { withPrintedMetrics } from './support/emf-metrics';
import { BASE_LAMBDA_ENV, lambdaContext } from './support/lambda-runtime';

/**
 * The ingest Lambda's handler as deployed: an SQS batch in, a partial batch response out, against a real
 * dynalite table (reached through the SDK's standard AWS_ENDPOINT_URL_DYNAMODB) and real loopback feed
 * servers. SQS itself is AWS-only, so its side is simulated: the test builds the events it would deliver.
 *
 * The deployed handler refuses private and loopback addresses and nothing can switch that off, so every
 * feed these tests can serve is refused: the tests show what the handler does with a feed's own failure,
 * with messages it must drop and with storage trouble, not a successful poll (the use case's tests do that).
 */
const dynamo = useDynalite();
const serve = useLoopbackServer();

const SETTINGS = { STORY_TTL_DAYS: '30', POLL_INTERVAL_SECONDS: '840' };
const MINUTE_MS = 60_000;
/** The registry's first backoff is 15 minutes, spread by ±20%; each further failure doubles it. */
const FIRST_BACKOFF_MS = [12 * MINUTE_MS, 18 * MINUTE_MS] as const;
const SECOND_BACKOFF_MS = [24 * MINUTE_MS, 36 * MINUTE_MS] as const;
const LOOPBACK_REFUSED = /^a loopback address (127\.0\.0\.1|::1) refused$/;

let table: TestTable;
let registry: DynamoFeedRegistry;
let handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
const context = lambdaContext('ingest');

beforeAll(async () => {
  table = await dynamo.createTestTable();
  registry = new DynamoFeedRegistry(table.doc, table.tableName);
  Object.assign(process.env, BASE_LAMBDA_ENV, SETTINGS, {
    TABLE_NAME: table.tableName,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint(),
  });
  // Imported only now: the handler reads its settings once, at load, as a cold start would.
  ({ handler } = await import('../../../lambda/handlers/ingest'));
});

afterAll(async () => {
  await table.drop();
});

/** A real RSS feed with a story about Russia–China ties: had the fetch gone through, it would be stored. */
function serveFeed(_request: unknown, response: ServerResponse): void {
  const published = new Date().toUTCString();
  response.writeHead(200, { 'content-type': 'application/rss+xml' });
  response.end(
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback news</title><link>https://news.example/</link><description>x</description><item><title>Russia and China sign new energy accord in Moscow</title><link>https://news.example/accord</link><guid>accord</guid><pubDate>${published}</pubDate><description>Officials from Moscow and Beijing agreed to expand oil and gas cooperation, with Gazprom promising more pipeline supplies to China.</description></item></channel></rss>`,
  );
}

function sqsRecord(body: string): SQSRecord {
  const sent = String(Date.now());
  return {
    messageId: randomUUID(),
    receiptHandle: `receipt-${randomUUID()}`,
    body,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: sent,
      SenderId: 'AROAEXAMPLE:dispatch',
      ApproximateFirstReceiveTimestamp: sent,
    },
    messageAttributes: {},
    md5OfBody: createHash('md5').update(body).digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:tiewatch-ingest',
    awsRegion: 'us-east-1',
  };
}

const sqsEvent = (...records: SQSRecord[]): SQSEvent => ({ Records: records });

/** One invocation, with the metrics it printed (held back from the test output). */
const invoke = (...records: SQSRecord[]) => withPrintedMetrics(() => handler(sqsEvent(...records), context));

/** Every item in the table, in key order: compared before and after to show an invocation wrote nothing. */
async function tableItems(): Promise<Record<string, unknown>[]> {
  const { items } = await storedState(table);
  return items.sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
}

/** Registers a feed that has been due for a minute, as the dispatcher would have found it. */
async function registerDue(url: string): Promise<void> {
  await registry.add([{ url, name: 'Loopback news' }], new Date(Date.now() - MINUTE_MS));
}

function delayAfterAttempt(state: { lastAttemptAt?: string; nextDueAt: string } | undefined): number {
  if (!state?.lastAttemptAt) throw new Error('the feed has no recorded attempt');
  return Date.parse(state.nextDueAt) - Date.parse(state.lastAttemptAt);
}

describe('ingest handler: a feed on a private address', () => {
  it.each([
    ['an IP literal', (server: LoopbackServer) => server.url('/literal.xml')],
    [
      'a host name that resolves to loopback',
      (server: LoopbackServer) => `http://localhost:${server.port}/named.xml`,
    ],
  ])(
    'is refused at %s: nothing reaches the server, the feed backs off, the message is not reported as failed',
    async (_where, urlOf) => {
      const server = await serve(serveFeed);
      const url = urlOf(server);
      await registerDue(url);
      const before = Date.now();

      const { result, metrics } = await invoke(sqsRecord(encodeFeedMessage(url)));

      expect(result).toEqual({ batchItemFailures: [] });
      expect([server.requests.length, server.connectionsOpened()]).toEqual([0, 0]);
      const state = await registry.get(url);
      expect(state).toMatchObject({
        status: 'active',
        consecutiveFailures: 1,
        lastError: expect.stringMatching(LOOPBACK_REFUSED),
      });
      expect(state?.lastSuccessAt).toBeUndefined();
      expect(Date.parse(state?.lastAttemptAt ?? '')).toBeGreaterThanOrEqual(before);
      expect(delayAfterAttempt(state)).toBeGreaterThanOrEqual(FIRST_BACKOFF_MS[0]);
      expect(delayAfterAttempt(state)).toBeLessThanOrEqual(FIRST_BACKOFF_MS[1]);
      expect(metrics).toMatchObject({ FeedsPolled: 1, FeedFailures: 1, NewStories: 0, AlertsCreated: 0 });
      expect(metrics.MessagesDropped).toBeUndefined();
    },
  );

  it('takes a second delivery of the same message as one more attempt, and stores nothing but the feed state', async () => {
    // SQS delivers at least once, and a redelivered message is a real second poll: the registry counts each
    // failed poll, so the failure count and the backoff grow. What a redelivery must never do is add
    // anything else (stories, alerts) or touch other items.
    const server = await serve(serveFeed);
    const url = server.url('/redelivered.xml');
    await registerDue(url);
    const record = sqsRecord(encodeFeedMessage(url));
    await invoke(record);
    const afterFirst = await registry.get(url);
    const othersAfterFirst = (await tableItems()).filter((item) => item.url !== url);

    const { result } = await invoke(record);

    expect(result).toEqual({ batchItemFailures: [] });
    const afterSecond = await registry.get(url);
    expect(afterSecond).toEqual({
      ...afterFirst,
      consecutiveFailures: 2,
      lastAttemptAt: expect.any(String),
      nextDueAt: expect.any(String),
    });
    expect(afterFirst?.consecutiveFailures).toBe(1);
    expect(delayAfterAttempt(afterSecond)).toBeGreaterThanOrEqual(SECOND_BACKOFF_MS[0]);
    expect(delayAfterAttempt(afterSecond)).toBeLessThanOrEqual(SECOND_BACKOFF_MS[1]);
    expect((await tableItems()).filter((item) => item.url !== url)).toEqual(othersAfterFirst);
    expect(server.requests).toHaveLength(0);
  });
});

describe('ingest handler: one feed named twice in a batch', () => {
  it('polls it once; both messages share that poll and neither is reported as failed', async () => {
    const server = await serve(serveFeed);
    const url = server.url('/twice.xml');
    await registerDue(url);
    const first = sqsRecord(encodeFeedMessage(url));
    const again = sqsRecord(encodeFeedMessage(url));

    const { result, metrics } = await invoke(first, again);

    expect(result).toEqual({ batchItemFailures: [] });
    // Two polls would count two, whether or not their outcomes raced in the registry.
    expect(metrics).toMatchObject({ FeedsPolled: 1, FeedFailures: 1 });
    expect((await registry.get(url))?.consecutiveFailures).toBe(1);
  });

  it('reports both messages when their shared poll fails, so SQS hands both out again', async () => {
    const damaged = 'https://news.example/damaged-twice.xml';
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...feedKey(damaged), type: 'feed', url: damaged, status: 'paused' },
      }),
    );
    const first = sqsRecord(encodeFeedMessage(damaged));
    const again = sqsRecord(encodeFeedMessage(damaged));
    const healthy = await serve(serveFeed);
    const other = healthy.url('/other.xml');
    await registerDue(other);

    const { result } = await invoke(first, sqsRecord(encodeFeedMessage(other)), again);

    expect(result.batchItemFailures.map((failure) => failure.itemIdentifier).sort()).toEqual(
      [first.messageId, again.messageId].sort(),
    );
  });
});

describe('ingest handler: messages that can never succeed', () => {
  it.each([
    ['not JSON', 'poll https://news.example/feed.xml'],
    ['JSON without a url', '{"feed":"https://news.example/feed.xml"}'],
    ['a URL that is not http(s)', '{"url":"ftp://news.example/feed.xml"}'],
  ])('drops a message whose body is %s: not reported as failed, nothing written', async (_what, body) => {
    const before = await tableItems();

    const { result, metrics } = await invoke(sqsRecord(body));

    expect(result).toEqual({ batchItemFailures: [] });
    expect(metrics).toEqual({ MessagesDropped: 1 });
    expect(await tableItems()).toEqual(before);
  });

  it('drops a message naming a feed that is not registered: not reported as failed, nothing written', async () => {
    const url = 'https://news.example/removed-since.xml';
    const before = await tableItems();

    const { result, metrics } = await invoke(sqsRecord(encodeFeedMessage(url)));

    expect(result).toEqual({ batchItemFailures: [] });
    expect(metrics).toEqual({ MessagesDropped: 1 });
    expect(await registry.get(url)).toBeUndefined();
    expect(await tableItems()).toEqual(before);
  });
});

describe('ingest handler: storage trouble', () => {
  it('reports only the message whose feed cannot be read from storage; the rest of the batch is ingested', async () => {
    const server = await serve(serveFeed);
    const healthy = server.url('/healthy.xml');
    await registerDue(healthy);
    // A feed item no registry write could produce (a foreign or damaged write): reading it is a storage fault.
    const damaged = 'https://news.example/damaged.xml';
    const damagedItem = {
      ...feedKey(damaged),
      type: 'feed',
      url: damaged,
      status: 'paused',
      consecutiveFailures: 0,
      nextDueAt: new Date(Date.now() - MINUTE_MS).toISOString(),
      addedAt: new Date(Date.now() - MINUTE_MS).toISOString(),
    };
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: damagedItem }));
    const healthyRecord = sqsRecord(encodeFeedMessage(healthy));
    const damagedRecord = sqsRecord(encodeFeedMessage(damaged));

    const { result } = await invoke(healthyRecord, damagedRecord);

    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: damagedRecord.messageId }] });
    expect((await registry.get(healthy))?.consecutiveFailures).toBe(1);
    const stored = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: feedKey(damaged) }),
    );
    expect(stored.Item).toEqual(damagedItem);
  });

  it('fails the whole invocation when DynamoDB fails every message, so SQS hands the batch out again', async () => {
    const urls = ['https://news.example/one.xml', 'https://news.example/two.xml'];
    await table.doc.send(new DeleteTableCommand({ TableName: table.tableName }));
    try {
      const invocation = invoke(...urls.map((url) => sqsRecord(encodeFeedMessage(url))));

      // Powertools reports a batch where every record failed as an error rather than as a list of failures.
      const error = await invocation.then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(FullBatchFailureError);
      expect((error as FullBatchFailureError).recordErrors.map((e) => e.name)).toEqual([
        'ResourceNotFoundException',
        'ResourceNotFoundException',
      ]);
    } finally {
      await ensureTable(table.doc, table.tableName);
    }
  });
});

describe('ingest handler: settings', () => {
  restoreEnvAfterEach();

  it.each([
    ['STORY_TTL_DAYS', undefined, 'STORY_TTL_DAYS is not set'],
    ['POLL_INTERVAL_SECONDS', '30', 'POLL_INTERVAL_SECONDS: '],
    ['STORY_TTL_DAYS', 'thirty', 'STORY_TTL_DAYS: '],
    ['TABLE_NAME', '   ', 'TABLE_NAME: '],
    ['POWERTOOLS_SERVICE_NAME', undefined, 'POWERTOOLS_SERVICE_NAME is not set'],
  ])('stops the cold start when %s is %j, naming it', async (name, value, problem) => {
    await expectColdStartRefused(() => import('../../../lambda/handlers/ingest'), name, value, problem);
  });
});
