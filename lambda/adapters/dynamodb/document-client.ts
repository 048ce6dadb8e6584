import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DocumentClientOptions {
  /** A DynamoDB-compatible server (dynalite); omitted for real DynamoDB. */
  endpoint?: string;
  /** @default the SDK's own resolution (AWS_REGION, profile), or `us-east-1` for a local endpoint */
  region?: string;
}

/**
 * The base client. A local endpoint gets fixed dummy credentials, since dynalite checks none and a
 * developer machine may have no AWS profile at all.
 */
export function createDynamoClient(options: DocumentClientOptions = {}): DynamoDBClient {
  const config: DynamoDBClientConfig = {};
  if (options.endpoint) {
    config.endpoint = options.endpoint;
    config.region = options.region ?? 'us-east-1';
    config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  } else if (options.region) {
    config.region = options.region;
  }
  return new DynamoDBClient(config);
}

/** Wraps a base client; the two share one middleware stack and one connection pool. */
export function documentClientFor(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    // Optional model fields (link, name, etag…) are often undefined; dropping them beats a marshalling error.
    marshallOptions: { removeUndefinedValues: true },
  });
}

/** The one DocumentClient that every store shares. */
export function createDocumentClient(options: DocumentClientOptions = {}): DynamoDBDocumentClient {
  return documentClientFor(createDynamoClient(options));
}
