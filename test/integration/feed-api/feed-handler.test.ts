import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAlertStore } from '../../../lambda/adapters/dynamodb/dynamo-alert-store';
import { type TestTable, useDynalite } from '../../support/dynalite';
import { makeAlert } from '../../support/feed-alerts';
import { BASE_LAMBDA_ENV } from '../handlers/support/lambda-runtime';

/**
 * The feed Lambda's handler against a real dynalite table. API Gateway is an AWS-only service, so its side
 * is simulated: the test builds the payload format 2.0 events it would send. The handler reaches dynalite
 * through the SDK's standard AWS_ENDPOINT_URL_DYNAMODB setting, with no test hook in the handler.
 */
const dynamo = useDynalite();

let table: TestTable;
let handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

beforeAll(async () => {
  table = await dynamo.createTestTable();
  const store = new DynamoAlertStore(table.doc, table.tableName);
  await store.record(makeAlert(1));
  await store.record(makeAlert(2));
  Object.assign(process.env, BASE_LAMBDA_ENV, {
    TABLE_NAME: table.tableName,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint(),
  });
  // Imported only now: the handler reads its settings once, at load, as a cold start would.
  ({ handler } = await import('../../../lambda/handlers/feed'));
});

afterAll(async () => {
  await table.drop();
});

function event(
  rawPath: string,
  query: Record<string, string> = {},
  stage = '$default',
): APIGatewayProxyEventV2 {
  const rawQueryString = new URLSearchParams(query).toString();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers: { host: 'abc123.execute-api.eu-west-1.amazonaws.com', 'x-forwarded-proto': 'https' },
    ...(rawQueryString === '' ? {} : { queryStringParameters: query }),
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method: 'GET', path: rawPath, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
      requestId: 'req-1234',
      routeKey: '$default',
      stage,
      time: '10/Sep/2025:12:00:00 +0000',
      timeEpoch: 1_757_505_600_000,
    },
    isBase64Encoded: false,
  };
}

const context = { functionName: 'feed', awsRequestId: 'lambda-req' } as Context;

describe('feed handler', () => {
  it('answers GET /alerts from the table', async () => {
    const result = await handler(event('/alerts', { limit: '1' }), context);
    expect(result.statusCode).toBe(200);
    const body = JSON.parse(result.body ?? '') as { alerts: { id: string }[]; next: string | null };
    expect(body.alerts.map((alert) => alert.id)).toEqual(['alert-00002']);
    expect(result.headers?.link).toContain('https://abc123.execute-api.eu-west-1.amazonaws.com/alerts?');
  });

  it('takes a named stage off the path and keeps it in feed links', async () => {
    const result = await handler(event('/prod/feed.atom', {}, 'prod'), context);
    expect(result.statusCode).toBe(200);
    expect(result.body).toContain('href="https://abc123.execute-api.eu-west-1.amazonaws.com/prod/feed.atom"');
  });

  it('maps a bad parameter to 400 problem+json', async () => {
    const result = await handler(event('/alerts', { limit: '0' }), context);
    expect([result.statusCode, result.headers?.['content-type']]).toEqual([400, 'application/problem+json']);
  });

  it('maps an unknown route to 404', async () => {
    const result = await handler(event('/admin'), context);
    expect(result.statusCode).toBe(404);
  });
});
