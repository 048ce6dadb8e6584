import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DynamoFeedRegistry } from '../../../lambda/adapters/dynamodb/dynamo-feed-registry';
import { decodeFeedMessage } from '../../../lambda/adapters/sqs/feed-message';
import { type TestTable, useDynalite } from '../../support/dynalite';
import { makeLoopbackCertificate, type SelfSignedCertificate } from '../../support/self-signed-certificate';
import { type HandlerProcess, type InvocationOutcome, startHandlerProcess } from './support/handler-process';
import { BASE_LAMBDA_ENV } from './support/lambda-runtime';
import { type SqsStandIn, startSqsStandIn } from './support/sqs-stand-in';

/**
 * The dispatch Lambda's handler against a real dynalite registry. SQS is an AWS-only service, so a stand-in
 * answers for it: a real HTTPS server on loopback speaking the SQS JSON protocol (support/sqs-stand-in.ts).
 *
 * Why HTTPS, and why the handler runs in a process of its own: QUEUE_URL must be https, and the SDK's SQS
 * client sends each call to the host in its QueueUrl whenever that differs from the endpoint it resolved
 * (AWS_ENDPOINT_URL_SQS included), so the queue URL has to be on the stand-in itself. Node reads the CA
 * certificates it trusts once, at startup, so the handler's process is started with NODE_EXTRA_CA_CERTS
 * naming the stand-in's throwaway certificate, and certificate checks stay on.
 */
const dynamo = useDynalite();

const HOUR_MS = 3_600_000;
/** More than SQS takes in one call (ten), so the handler has to split them. */
const DUE = Array.from({ length: 12 }, (_, i) => `https://due-${i}.example/feed.xml`);
const BACKING_OFF = 'https://backing-off.example/feed.xml';
const JUST_POLLED = 'https://just-polled.example/feed.xml';
const RETIRED = 'https://retired.example/feed.xml';
const ONE_DUE = DUE[3] ?? '';
/** EventBridge Scheduler's event for a target without input: the handler needs nothing from it. */
const SCHEDULED_EVENT = {};

let table: TestTable;
let certificate: SelfSignedCertificate;
let sqs: SqsStandIn;
let dispatch: HandlerProcess;

beforeAll(async () => {
  table = await dynamo.createTestTable();
  const registry = new DynamoFeedRegistry(table.doc, table.tableName);
  const now = new Date();
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  await registry.add(
    [...DUE, BACKING_OFF, JUST_POLLED, RETIRED].map((url) => ({ url })),
    hourAgo,
  );
  await registry.recordOutcome(BACKING_OFF, { kind: 'failed', reason: 'HTTP 503' }, now);
  await registry.recordOutcome(JUST_POLLED, { kind: 'unchanged' }, now);
  await registry.recordOutcome(RETIRED, { kind: 'gone', reason: 'HTTP 410 Gone' }, hourAgo);

  certificate = makeLoopbackCertificate();
  sqs = await startSqsStandIn(certificate);
  dispatch = await startHandlerProcess('dispatch', {
    ...BASE_LAMBDA_ENV,
    TABLE_NAME: table.tableName,
    QUEUE_URL: sqs.queueUrl,
    AWS_ENDPOINT_URL_SQS: sqs.origin,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint(),
    NODE_EXTRA_CA_CERTS: certificate.certPath,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
});

afterEach(() => {
  sqs.reset();
});

afterAll(async () => {
  await dispatch?.close();
  await sqs?.close();
  certificate?.remove();
  await table?.drop();
});

const enqueuedUrls = () => sqs.accepted.map((body) => decodeFeedMessage(body).url).sort();
const timesSent = (url: string) =>
  sqs.batches.flat().filter((entry) => decodeFeedMessage(entry.MessageBody).url === url).length;

function failureOf(outcome: InvocationOutcome) {
  if (outcome.ok)
    throw new Error(`expected the invocation to fail; it returned ${JSON.stringify(outcome.value)}`);
  return outcome.error;
}

describe('dispatch handler', () => {
  it('enqueues each due feed once, ten to a call, as messages the ingest function reads', async () => {
    const outcome = await dispatch.invoke(SCHEDULED_EVENT);

    expect(outcome).toEqual({
      ok: true,
      value: { due: DUE.length, enqueued: DUE.length },
      metrics: { FeedsDue: DUE.length, FeedsEnqueued: DUE.length },
    });
    expect(enqueuedUrls()).toEqual([...DUE].sort());
    expect(sqs.batches.map((batch) => batch.length)).toEqual([10, 2]);
  });

  it('resends an entry SQS failed for a passing reason, and still enqueues every due feed once', async () => {
    sqs.answer((body, attempt) =>
      decodeFeedMessage(body).url === ONE_DUE && attempt === 1
        ? { code: 'InternalError', senderFault: false }
        : undefined,
    );

    const outcome = await dispatch.invoke(SCHEDULED_EVENT);

    expect(outcome).toMatchObject({ ok: true, value: { due: DUE.length, enqueued: DUE.length } });
    expect(enqueuedUrls()).toEqual([...DUE].sort());
    // Only the failed entry went out again.
    expect(DUE.map(timesSent)).toEqual(DUE.map((url) => (url === ONE_DUE ? 2 : 1)));
  });

  it('throws, naming the feed, when SQS keeps failing one entry, so the scheduler retries the invocation', async () => {
    sqs.answer((body) =>
      decodeFeedMessage(body).url === ONE_DUE
        ? { code: 'ServiceUnavailable', senderFault: false }
        : undefined,
    );

    const error = failureOf(await dispatch.invoke(SCHEDULED_EVENT));

    expect(error).toMatchObject({
      name: 'EnqueueError',
      failures: [{ url: ONE_DUE, reason: 'ServiceUnavailable (stand-in)' }],
    });
    expect(timesSent(ONE_DUE)).toBe(4);
    expect(enqueuedUrls()).toEqual(DUE.filter((url) => url !== ONE_DUE).sort());
  });

  it("throws without resending an entry SQS refused as the sender's fault", async () => {
    sqs.answer((body) =>
      decodeFeedMessage(body).url === ONE_DUE
        ? { code: 'InvalidMessageContents', senderFault: true }
        : undefined,
    );

    const error = failureOf(await dispatch.invoke(SCHEDULED_EVENT));

    expect(error).toMatchObject({ name: 'EnqueueError', failures: [{ url: ONE_DUE }] });
    expect(timesSent(ONE_DUE)).toBe(1);
  });

  it('throws when SQS refuses the call itself', async () => {
    sqs.answer('queue-does-not-exist');

    const error = failureOf(await dispatch.invoke(SCHEDULED_EVENT));

    expect(error.name).toBe('QueueDoesNotExist');
    expect(sqs.accepted).toEqual([]);
  });
});

describe('dispatch handler: settings', () => {
  let saved: NodeJS.ProcessEnv;
  beforeEach(() => {
    saved = { ...process.env };
    Object.assign(process.env, BASE_LAMBDA_ENV, {
      TABLE_NAME: 'tiewatch',
      QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/tiewatch-ingest',
    });
  });
  afterEach(() => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  });

  it.each([
    ['QUEUE_URL', 'http://sqs.us-east-1.amazonaws.com/123456789012/tiewatch-ingest', 'QUEUE_URL: '],
    ['QUEUE_URL', undefined, 'QUEUE_URL is not set'],
    ['TABLE_NAME', '', 'TABLE_NAME: '],
  ])('stops the cold start when %s is %j, naming it', async (name, value, problem) => {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
    vi.resetModules();

    const loading = import('../../../lambda/handlers/dispatch');

    await expect(loading).rejects.toMatchObject({
      name: 'SettingsError',
      problems: [expect.stringContaining(problem)],
    });
  });

  it('loads with the settings a deployed function has', async () => {
    vi.resetModules();

    const loading = import('../../../lambda/handlers/dispatch');

    await expect(loading).resolves.toHaveProperty('handler');
  });
});
