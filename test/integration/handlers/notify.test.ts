import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAlertStore } from '../../../lambda/adapters/dynamodb/dynamo-alert-store';
import { alertKey } from '../../../lambda/adapters/dynamodb/item-keys';
import { formatAlertMessage } from '../../../lambda/adapters/sns/format-alert-message';
import type { Alert } from '../../../lambda/core/model/alert';
import { type TestTable, useDynalite } from '../../support/dynalite';
import { makeAlert } from '../../support/feed-alerts';
import { expectColdStartRefused, restoreEnvAfterEach } from './support/cold-start';
import { withPrintedMetrics } from './support/emf-metrics';
import { BASE_LAMBDA_ENV, lambdaContext } from './support/lambda-runtime';
import { type Publication, type SnsStandIn, startSnsStandIn } from './support/sns-stand-in';

/**
 * The notify Lambda's handler: DynamoDB stream records of inserted alerts in, SNS publications out. Both
 * outside services are AWS-only here, so each has a stand-in, and each is said so:
 * - the stream: records are built from real alert items, written by DynamoAlertStore to a dynalite table,
 *   read back raw and marshalled into the NewImage a NEW_IMAGE stream carries;
 * - SNS: a real loopback HTTP server answering Publish in the query protocol (support/sns-stand-in.ts),
 *   reached through the SDK's standard AWS_ENDPOINT_URL_SNS.
 */
const dynamo = useDynalite();

const TOPIC_ARN = 'arn:aws:sns:us-east-1:123456789012:tiewatch-alerts';

let table: TestTable;
let sns: SnsStandIn;
let handler: (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse>;
let MissingNewImageError: new (...args: never[]) => Error;
/** Three inserted alerts, as stored, and their stream records in shard order. */
let alerts: Alert[];
let records: [DynamoDBRecord, DynamoDBRecord, DynamoDBRecord];
const context = lambdaContext('notify');

type StreamImage = NonNullable<NonNullable<DynamoDBRecord['dynamodb']>['NewImage']>;

/** DynamoDB JSON as a stream event carries it: Lambda hands the records over as JSON text. */
const streamImage = (item: Record<string, unknown>): StreamImage =>
  JSON.parse(JSON.stringify(marshall(item)));

async function streamRecordOf(table: TestTable, alert: Alert, position: number): Promise<DynamoDBRecord> {
  const { Item } = await table.doc.send(
    new GetCommand({ TableName: table.tableName, Key: alertKey(alert.id) }),
  );
  if (!Item) throw new Error(`alert ${alert.id} was not stored`);
  return {
    eventID: `event-${position}`,
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(Date.parse(alert.firstSeen) / 1000),
      Keys: streamImage(alertKey(alert.id)),
      NewImage: streamImage(Item),
      SequenceNumber: String(4_200_000_000_000_000_000n + BigInt(position)),
      SizeBytes: JSON.stringify(Item).length,
      StreamViewType: 'NEW_IMAGE',
    },
    eventSourceARN: 'arn:aws:dynamodb:us-east-1:123456789012:table/tiewatch/stream/2025-09-10T12:00:00.000',
  };
}

beforeAll(async () => {
  table = await dynamo.createTestTable();
  const store = new DynamoAlertStore(table.doc, table.tableName);
  alerts = [];
  const built: DynamoDBRecord[] = [];
  for (const minutes of [1, 2, 3]) {
    const result = await store.record(makeAlert(minutes));
    if (result.kind !== 'created') throw new Error('expected a new alert');
    alerts.push(result.alert);
    built.push(await streamRecordOf(table, result.alert, minutes));
  }
  const [first, second, third] = built;
  if (!first || !second || !third) throw new Error('expected three stream records');
  records = [first, second, third];
  sns = await startSnsStandIn(TOPIC_ARN);
  Object.assign(process.env, BASE_LAMBDA_ENV, { TOPIC_ARN, AWS_ENDPOINT_URL_SNS: sns.origin });
  // Imported only now: the handler reads its settings once, at load, as a cold start would.
  ({ handler, MissingNewImageError } = await import('../../../lambda/handlers/notify'));
});

afterEach(() => {
  sns.reset();
});

afterAll(async () => {
  await sns?.close();
  await table?.drop();
});

const invoke = (...batch: DynamoDBRecord[]) => withPrintedMetrics(() => handler({ Records: batch }, context));

const alertIdOf = (publication: Publication) =>
  (JSON.parse(JSON.parse(publication.message).lambda) as { id: string }).id;

const sequenceOf = (record: DynamoDBRecord) => record.dynamodb?.SequenceNumber;

function withoutNewImage(record: DynamoDBRecord): DynamoDBRecord {
  const { NewImage: _image, ...dynamodb } = record.dynamodb ?? {};
  return { ...record, dynamodb };
}

describe('notify handler', () => {
  it('publishes each inserted alert once, in shard order, as text for people and JSON for programs', async () => {
    const { result, metrics } = await invoke(...records);

    expect(result).toEqual({ batchItemFailures: [] });
    expect(metrics).toEqual({ AlertsNotified: 3 });
    expect(sns.published).toEqual(
      alerts.map((alert) => {
        const formatted = formatAlertMessage(alert);
        const json = JSON.stringify(formatted.view);
        return {
          topicArn: TOPIC_ARN,
          subject: formatted.subject,
          messageStructure: 'json',
          message: JSON.stringify({
            default: formatted.text,
            email: formatted.text,
            https: json,
            sqs: json,
            lambda: json,
          }),
          attributes: {
            kind: { dataType: 'String', stringValue: 'update' },
            facts: { dataType: 'String.Array', stringValue: '["visa-free-trial"]' },
            countries: { dataType: 'String.Array', stringValue: '["CN","RU"]' },
          },
        };
      }),
    );
    const [first] = sns.published;
    expect(JSON.parse(first?.message ?? '{}').email).toContain(`Alert ${alerts[0]?.id}`);
  });

  it('stops at a record without a new image and reports its sequence number; later records wait for the retry', async () => {
    const [first, second, third] = records;

    const { result } = await invoke(first, withoutNewImage(second), third);

    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: sequenceOf(second) }] });
    expect(sns.published.map(alertIdOf)).toEqual([alerts[0]?.id]);
  });

  it('stops at the alert SNS refuses; the retry from its sequence number publishes the rest, each once', async () => {
    const refused = alerts[1]?.id;
    sns.answer((publication) =>
      alertIdOf(publication) === refused ? { code: 'InvalidParameter', status: 400 } : undefined,
    );

    const { result: first } = await invoke(...records);

    expect(first).toEqual({ batchItemFailures: [{ itemIdentifier: sequenceOf(records[1]) }] });
    expect(sns.attempted.map(alertIdOf)).toEqual([alerts[0]?.id, refused]);

    // Lambda resumes the shard from the reported record once SNS takes it again.
    sns.answer(() => undefined);
    const { result: retry } = await invoke(...records.slice(1));

    expect(retry).toEqual({ batchItemFailures: [] });
    expect(sns.published.map(alertIdOf)).toEqual(alerts.map((alert) => alert.id));
  });

  it('fails the whole batch when the failing record has no sequence number to resume from', async () => {
    const [first, second, third] = records;
    const { NewImage: _image, SequenceNumber: _sequence, ...dynamodb } = second.dynamodb ?? {};

    const invocation = invoke(first, { ...second, dynamodb }, third);

    await expect(invocation).rejects.toBeInstanceOf(MissingNewImageError);
    expect(sns.published.map(alertIdOf)).toEqual([alerts[0]?.id]);
  });
});

describe('notify handler: settings', () => {
  restoreEnvAfterEach();

  it.each([
    ['TOPIC_ARN', 'tiewatch-alerts', 'TOPIC_ARN: '],
    ['TOPIC_ARN', undefined, 'TOPIC_ARN is not set'],
  ])('stops the cold start when %s is %j, naming it', async (name, value, problem) => {
    await expectColdStartRefused(() => import('../../../lambda/handlers/notify'), name, value, problem);
  });
});
