import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DynamoFeedRegistry } from '../../../lambda/adapters/dynamodb/dynamo-feed-registry';
import type { NewFeed } from '../../../lambda/ports/feed-registry';
import { loadFeedList } from '../../../lib/feed-list';
import { type TestTable, useDynalite } from '../../support/dynalite';
import { storedState } from '../../support/stored-state';
import { expectColdStartRefused, restoreEnvAfterEach } from './support/cold-start';
import { BASE_LAMBDA_ENV, lambdaContext } from './support/lambda-runtime';
import { type RecordingServer, type Reply, startRecordingServer } from './support/recording-server';

/**
 * The feed seed custom resource's handler against a real dynalite registry. CloudFormation is AWS-only, so
 * its side is simulated: the test builds the events it sends (the stack passes config/feeds.json as the
 * resource's Feeds property, checked at synth time by lib/feed-list.ts), and a real loopback HTTP server
 * stands in for the pre-signed S3 URL the handler PUTs its response to.
 */
const dynamo = useDynalite();

const CURATED_LIST = fileURLToPath(new URL('../../../config/feeds.json', import.meta.url));
const PHYSICAL_ID = 'tiewatch-feed-seed';
const SERVICE_TOKEN = 'arn:aws:lambda:us-east-1:123456789012:function:tiewatch-SeedFeeds';
/** Time the handler keeps back from its timeout to answer CloudFormation. */
const RESPONSE_MARGIN_MS = 5_000;

let table: TestTable;
let registry: DynamoFeedRegistry;
let cloudFormation: RecordingServer;
let answerCloudFormation: () => Reply;
let handler: (event: CloudFormationCustomResourceEvent, context: Context) => Promise<void>;
const context = lambdaContext('seed-feeds', 120_000);

beforeAll(async () => {
  table = await dynamo.createTestTable();
  registry = new DynamoFeedRegistry(table.doc, table.tableName);
  cloudFormation = await startRecordingServer(() => answerCloudFormation());
  Object.assign(process.env, BASE_LAMBDA_ENV, {
    TABLE_NAME: table.tableName,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint(),
  });
  // Imported only now: the handler reads its settings once, at load, as a cold start would.
  ({ handler } = await import('../../../lambda/handlers/seed-feeds'));
});

beforeEach(() => {
  // S3 answers a PUT to a pre-signed URL with 200 and an empty body.
  answerCloudFormation = () => ({ status: 200, body: '' });
  cloudFormation.requests.length = 0;
});

afterAll(async () => {
  await cloudFormation?.close();
  await table?.drop();
});

const responsePath =
  '/cloudformation-response/tiewatch?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=0123abcd';

function eventFields() {
  return {
    ServiceToken: SERVICE_TOKEN,
    ResponseURL: `${cloudFormation.origin}${responsePath}`,
    StackId:
      'arn:aws:cloudformation:us-east-1:123456789012:stack/tiewatch/5f1c1c70-8e1d-11f0-a1b2-0a1b2c3d4e5f',
    RequestId: randomUUID(),
    LogicalResourceId: 'IngestionFeedSeed3F2A1B0C',
    ResourceType: 'Custom::TiewatchFeedSeed',
  };
}

/** Properties as CloudFormation passes them: the stack's, plus the service token it always adds. */
const propertiesOf = (feeds: unknown) => ({ ServiceToken: SERVICE_TOKEN, Feeds: feeds });

const createEvent = (properties: Record<string, unknown>): CloudFormationCustomResourceEvent => ({
  ...eventFields(),
  RequestType: 'Create',
  ResourceProperties: { ServiceToken: SERVICE_TOKEN, ...properties },
});

const updateEvent = (feeds: NewFeed[], oldFeeds: NewFeed[]): CloudFormationCustomResourceEvent => ({
  ...eventFields(),
  RequestType: 'Update',
  PhysicalResourceId: PHYSICAL_ID,
  ResourceProperties: propertiesOf(feeds),
  OldResourceProperties: propertiesOf(oldFeeds),
});

const deleteEvent = (feeds: NewFeed[]): CloudFormationCustomResourceEvent => ({
  ...eventFields(),
  RequestType: 'Delete',
  PhysicalResourceId: PHYSICAL_ID,
  ResourceProperties: propertiesOf(feeds),
});

/** A SUCCESS response to `event`, as CloudFormation must receive it, with the handler's data if any. */
function successFor(event: CloudFormationCustomResourceEvent, data?: Record<string, number>) {
  return {
    Status: 'SUCCESS',
    PhysicalResourceId: PHYSICAL_ID,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
    ...(data ? { Data: data } : {}),
  };
}

/** The one response the invocation sent CloudFormation, parsed. */
function onlyResponse(): Record<string, unknown> {
  expect(cloudFormation.requests).toHaveLength(1);
  const [request] = cloudFormation.requests;
  expect(request?.method).toBe('PUT');
  expect(request?.url).toBe(responsePath);
  // The URL is signed without a content type: anything but none (or an empty one) breaks the signature.
  expect(request?.headers['content-type'] ?? '').toBe('');
  return JSON.parse(request?.body ?? '{}');
}

const feedsAt = (label: string, count: number): NewFeed[] =>
  Array.from({ length: count }, (_, i) => ({
    url: `https://${label}-${i}.example/feed.xml`,
    name: `${label} ${i}`,
  }));

/** Every item in the table, in key order: compared before and after to show an invocation wrote nothing. */
async function tableItems(): Promise<Record<string, unknown>[]> {
  const { items } = await storedState(table);
  return items.sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
}

describe('seed-feeds handler', () => {
  it('on Create, registers the curated list and answers SUCCESS with what it added', async () => {
    const curated = loadFeedList(CURATED_LIST);
    const event = createEvent(propertiesOf(curated));

    await handler(event, context);

    expect(onlyResponse()).toEqual(successFor(event, { Added: curated.length, Listed: curated.length }));
    for (const feed of curated) {
      expect(await registry.get(feed.url)).toMatchObject({
        ...feed,
        status: 'active',
        consecutiveFailures: 0,
      });
    }
  });

  it('adds nothing when the same Create comes again, and leaves every feed as it was', async () => {
    const feeds = feedsAt('repeat', 3);
    await handler(createEvent(propertiesOf(feeds)), context);
    const before = await tableItems();
    cloudFormation.requests.length = 0;

    await handler(createEvent(propertiesOf(feeds)), context);

    expect(onlyResponse()).toMatchObject({ Status: 'SUCCESS', Data: { Added: 0, Listed: 3 } });
    expect(await tableItems()).toEqual(before);
  });

  it('on Update, adds only the new feeds; registered ones keep their state, and none is removed', async () => {
    const [kept, dropped, added] = feedsAt('update', 3) as [NewFeed, NewFeed, NewFeed];
    const userFeed = { url: 'https://someones-own.example/rss', name: 'Added by a user' };
    await registry.add([kept, dropped, userFeed], new Date(Date.now() - 3_600_000));
    await registry.recordOutcome(kept.url, { kind: 'failed', reason: 'HTTP 503' }, new Date());
    const before = await Promise.all([kept, dropped, userFeed].map((feed) => registry.get(feed.url)));
    const event = updateEvent([kept, added], [kept, dropped]);

    await handler(event, context);

    expect(onlyResponse()).toEqual(successFor(event, { Added: 1, Listed: 2 }));
    expect(await Promise.all([kept, dropped, userFeed].map((feed) => registry.get(feed.url)))).toEqual(
      before,
    );
    expect(await registry.get(added.url)).toMatchObject({ ...added, status: 'active' });
  });

  it('on Delete, removes nothing and answers SUCCESS', async () => {
    const feeds = feedsAt('delete', 2);
    await registry.add(feeds, new Date());
    const before = await tableItems();
    const event = deleteEvent(feeds);

    await handler(event, context);

    expect(onlyResponse()).toEqual(successFor(event));
    expect(await tableItems()).toEqual(before);
  });

  it.each([
    ['no feed list', {}, '→ at Feeds'],
    ['a feed list that is not a list', { Feeds: 'https://one.example/feed.xml' }, '→ at Feeds'],
    [
      'an entry whose URL is not http(s)',
      { Feeds: [{ url: 'https://fine.example/feed.xml' }, { url: 'file:///etc/passwd' }] },
      '→ at Feeds[1].url',
    ],
    [
      'an entry with an empty name',
      { Feeds: [{ url: 'https://fine.example/feed.xml', name: '' }] },
      '→ at Feeds[0].name',
    ],
  ])(
    'answers FAILED, naming the problem, for properties with %s, and adds nothing',
    async (_what, properties, where) => {
      const before = await tableItems();

      await handler(createEvent(properties), context);

      const response = onlyResponse();
      expect(response).toMatchObject({ Status: 'FAILED', PhysicalResourceId: PHYSICAL_ID });
      expect(response.Reason).toContain(where);
      expect(response.Reason).toContain(`(see log stream ${context.logStreamName})`);
      expect(response.Reason).not.toMatch(/\n\s+at /);
      expect(await tableItems()).toEqual(before);
    },
  );

  it('answers FAILED when seeding outlasts the time left, rather than leave the deploy waiting', async () => {
    const feeds = feedsAt('slow', 64);

    await handler(createEvent(propertiesOf(feeds)), lambdaContext('seed-feeds', RESPONSE_MARGIN_MS));

    expect(onlyResponse()).toMatchObject({
      Status: 'FAILED',
      Reason: `seeding did not finish within 0 ms (see log stream ${context.logStreamName})`,
    });
    // Nothing cancels the puts already under way: let them land before the table is dropped.
    const urls = new Set(feeds.map((feed) => feed.url));
    await vi.waitFor(
      async () => {
        const registered = (await registry.list()).filter((feed) => urls.has(feed.url));
        if (registered.length < urls.size) throw new Error('seeding still under way');
      },
      { timeout: 10_000, interval: 50 },
    );
  });

  it('fails the invocation when CloudFormation does not take the response, after trying to report that', async () => {
    answerCloudFormation = () => ({ status: 403, body: '<Error><Code>AccessDenied</Code></Error>' });

    const invocation = handler(createEvent(propertiesOf(feedsAt('unheard', 1))), context);

    await expect(invocation).rejects.toThrow('CloudFormation refused the response: HTTP 403');
    expect(cloudFormation.requests.map((request) => JSON.parse(request.body).Status)).toEqual([
      'SUCCESS',
      'FAILED',
    ]);
  });
});

describe('seed-feeds handler: settings', () => {
  restoreEnvAfterEach();

  it('stops the cold start when TABLE_NAME is not set, naming it', async () => {
    await expectColdStartRefused(
      () => import('../../../lambda/handlers/seed-feeds'),
      'TABLE_NAME',
      undefined,
      'TABLE_NAME is not set',
    );
  });
});
