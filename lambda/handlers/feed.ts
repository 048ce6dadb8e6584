import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createDocumentClient } from '../adapters/dynamodb/document-client';
import { DynamoAlertStore } from '../adapters/dynamodb/dynamo-alert-store';
import { loadBaseline } from '../baseline/load-baseline';
import type { FeedApiDeps, FeedRequest } from '../feed-api/feed-api-types';
import { handleFeedRequest } from '../feed-api/handle-feed-request';
import * as z from '../validation/zod-mini';
import { logger } from './shared/powertools';
import { readSettings, requiredText } from './shared/read-settings';

const settings = readSettings({
  TABLE_NAME: requiredText,
  /** The API's public URL (a custom domain); without it, links follow the request's Host. */
  PUBLIC_URL: z.optional(z.url({ protocol: /^https?$/ })),
});

const deps: FeedApiDeps = {
  alerts: new DynamoAlertStore(createDocumentClient(), settings.TABLE_NAME),
  baseline: loadBaseline(),
  logger: {
    error: (message, { requestId, error }) =>
      logger.error(message, { requestId, error: error instanceof Error ? error : String(error) }),
  },
  publicUrl: settings.PUBLIC_URL,
};

/**
 * Maps an API Gateway HTTP API event (payload format 2.0) to the feed API's request. A named stage's prefix
 * is taken off the path, and handed on as X-Forwarded-Prefix so that links in feeds keep it.
 */
function requestOf(event: APIGatewayProxyEventV2): FeedRequest {
  const { stage, requestId, http } = event.requestContext;
  const stagePrefix = stage === '$default' ? '' : `/${stage}`;
  const path =
    stagePrefix !== '' && (event.rawPath === stagePrefix || event.rawPath.startsWith(`${stagePrefix}/`))
      ? event.rawPath.slice(stagePrefix.length) || '/'
      : event.rawPath;
  const headers: Record<string, string | undefined> = { ...event.headers, 'x-forwarded-prefix': stagePrefix };
  return { method: http.method, path, query: event.queryStringParameters ?? {}, headers, requestId };
}

/** The feed Lambda: API Gateway in, handleFeedRequest, API Gateway out. */
export async function handler(
  event: APIGatewayProxyEventV2,
  context: Context,
): Promise<APIGatewayProxyStructuredResultV2> {
  logger.addContext(context);
  const response = await handleFeedRequest(deps, requestOf(event));
  return {
    statusCode: response.status,
    headers: response.headers,
    body: response.body,
    isBase64Encoded: false,
  };
}
